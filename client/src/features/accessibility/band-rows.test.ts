import { describe, expect, it } from 'vitest';
import type { AccessBandProperties } from '../../lib/api-types';
import { ISOCHRONE_RAMP } from '../../map/colours';
import { bandRows, comparisonRows } from './band-rows';

function band(
  minutes: number,
  fromMinutes: number,
  residents: number,
  extra: Partial<AccessBandProperties> = {},
) {
  return {
    properties: {
      minutes,
      fromMinutes,
      residents,
      households: Math.round(residents / 3),
      elderly: Math.round(residents / 5),
      areaSquareMeters: minutes * 1000,
      method: 'network' as const,
      ...extra,
    },
  };
}

describe('bandRows', () => {
  it('keeps each ring’s own figures and adds running totals, in ascending minutes', () => {
    const rows = bandRows([band(10, 5, 300), band(5, 0, 120), band(15, 10, 600)]);
    expect(rows.map((row) => [row.fromMinutes, row.minutes, row.residents, row.cumulativeResidents])).toEqual(
      [
        [0, 5, 120, 120],
        [5, 10, 300, 420],
        [10, 15, 600, 1020],
      ],
    );
    expect(rows[2].cumulativeHouseholds).toBe(40 + 100 + 200);
    expect(rows[2].cumulativeElderly).toBe(24 + 60 + 120);
  });

  it('takes disks as totals already', () => {
    const rows = bandRows([band(5, 0, 120), band(10, 0, 420)]);
    expect(rows.map((row) => row.cumulativeResidents)).toEqual([120, 420]);
  });

  it('shades from the darkest ramp colour (nearest) to the lightest (farthest)', () => {
    const rows = bandRows([band(5, 0, 1), band(10, 5, 1), band(15, 10, 1)]);
    expect(rows[0].colour).toEqual(ISOCHRONE_RAMP[0]);
    expect(rows[2].colour).toEqual(ISOCHRONE_RAMP[ISOCHRONE_RAMP.length - 1]);
    expect(bandRows([band(5, 0, 1)])[0].colour).toEqual(ISOCHRONE_RAMP[0]);
  });
});

describe('comparisonRows', () => {
  it('compares totals within each minutes value and states the radius’s overstatement', () => {
    const network = bandRows([band(5, 0, 100), band(10, 5, 100), band(15, 10, 200)]);
    const radius = bandRows([
      band(5, 0, 150, { method: 'radius', radiusMeters: 300 }),
      band(10, 5, 150, { method: 'radius', radiusMeters: 500 }),
      band(15, 10, 500, { method: 'radius', radiusMeters: 1000 }),
    ]);
    const rows = comparisonRows(network, radius);
    expect(
      rows.map((row) => [row.minutes, row.networkResidents, row.radiusResidents, row.radiusMeters]),
    ).toEqual([
      [5, 100, 150, 300],
      [10, 200, 300, 500],
      [15, 400, 800, 1000],
    ]);
    expect(rows.map((row) => row.overstatementShare)).toEqual([0.5, 0.5, 1]);
  });

  it('has no share where the network reaches nobody', () => {
    const rows = comparisonRows(bandRows([band(5, 0, 0)]), bandRows([band(5, 0, 40)]));
    expect(rows[0].overstatementShare).toBeNull();
  });
});
