import { describe, expect, it } from 'vitest';
import {
  colourSlots,
  greyedUnitIds,
  loadClass,
  loadClassCounts,
  nextSort,
  serviceAreaRows,
  sortRows,
} from './service-area-rows';
import type { ServiceAreaFeature, ServiceAreas } from './service-areas-api';

/** A square area [x, x + 1] × [0, 1] served by `id`. */
function area(
  id: string,
  x: number,
  load: number | null,
  extra: Partial<ServiceAreaFeature['properties']> = {},
) {
  const capacity = load === null ? null : 100;
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [x, 0],
            [x + 1, 0],
            [x + 1, 1],
            [x, 1],
            [x, 0],
          ],
        ],
      ],
    },
    properties: {
      facilityId: id,
      name: id,
      category: 'kindergarten',
      capacity,
      unitCount: 2,
      residents: 1000,
      demand: load === null ? 50 : load * 100,
      load,
      overCapacity: load === null ? null : load > 1,
      beyondTierUnitCount: 0,
      beyondTierResidents: 0,
      beyondTierDemand: 0,
      meanWalkMinutes: 3,
      maxWalkMinutes: 6,
      position: [x + 0.5, 0.5],
      unitIds: [`${id}-u1`, `${id}-u2`],
      beyondTierUnitIds: [],
      ...extra,
    },
  } as ServiceAreaFeature;
}

describe('service-area rows', () => {
  it('classes loads: within 80 %, near capacity, over it, unknown', () => {
    expect([0.2, 0.8, 1, 1.0001, null].map(loadClass)).toEqual(['ok', 'near', 'near', 'over', 'unknown']);
  });

  it('sorts by load with facilities without a capacity last, either way round', () => {
    const rows = serviceAreaRows([
      area('a', 0, 0.5),
      area('b', 2, null),
      area('c', 4, 1.4),
      area('d', 6, 0.9),
    ]);
    expect(sortRows(rows, { key: 'load', descending: true }).map((row) => row.facilityId)).toEqual([
      'c',
      'd',
      'a',
      'b',
    ]);
    expect(sortRows(rows, { key: 'load', descending: false }).map((row) => row.facilityId)).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
    expect(loadClassCounts(rows)).toEqual({ ok: 1, near: 1, over: 1, unknown: 1 });
  });

  it('turns a column round on a second click and starts another descending (names ascending)', () => {
    expect(nextSort({ key: 'load', descending: true }, 'load')).toEqual({ key: 'load', descending: false });
    expect(nextSort({ key: 'load', descending: true }, 'demand')).toEqual({
      key: 'demand',
      descending: true,
    });
    expect(nextSort({ key: 'load', descending: true }, 'name')).toEqual({ key: 'name', descending: false });
  });

  it('gives touching areas different colours, and reuses colours for areas apart', () => {
    // a–b–c in a row, touching in turn; d far away.
    const features = [area('a', 0, 0.5), area('b', 1, 0.5), area('c', 2, 0.5), area('d', 10, 0.5)];
    const slots = colourSlots(features, 3);
    expect(slots.get('a')).not.toBe(slots.get('b'));
    expect(slots.get('b')).not.toBe(slots.get('c'));
    expect(new Set(slots.values()).size).toBeLessThanOrEqual(2);
    // Five areas all touching one another with three colours: no slot beyond the palette.
    const crowded = ['p', 'q', 'r', 's', 't'].map((id) => area(id, 0, 0.5));
    for (const slot of colourSlots(crowded, 3).values()) expect(slot).toBeLessThan(3);
  });

  it('greys the units beyond the tier and those no facility serves', () => {
    const answer = {
      features: [area('a', 0, 0.5, { beyondTierUnitIds: ['a-u2'] }), area('b', 1, 0.5)],
      unserved: { unitIds: ['lone'], residents: 10, demand: 1 },
    } as unknown as ServiceAreas;
    expect([...greyedUnitIds(answer)].sort()).toEqual(['a-u2', 'lone']);
  });
});
