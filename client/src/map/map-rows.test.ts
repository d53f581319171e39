import { describe, expect, it } from 'vitest';
import type { FacilityFeature, UnitFeature } from '../lib/api-types';
import { densityClassOf, densityUnits, facilityRows } from './map-rows';

const facility = (
  id: string,
  category: FacilityFeature['properties']['category'],
  lng: number,
  lat: number,
): FacilityFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: {
    id,
    name: id,
    category,
    communityId: 'c',
    communityName: 'c',
    floorAreaSquareMeters: null,
    landAreaSquareMeters: null,
    capacity: null,
  },
});

describe('facilityRows', () => {
  const facilities = [
    facility('a', 'health_station', 109.7, 28.28),
    facility('b', 'public_toilet', 109.7, 28.28),
    facility('c', 'park', 109.71, 28.28),
  ];

  it('leaves hidden categories out and keeps lone facilities where they are', () => {
    const rows = facilityRows(facilities, new Set(['public_toilet']), 15);
    expect(rows.map((row) => row.facility.properties.id).sort()).toEqual(['a', 'c']);
    expect(rows.find((row) => row.facility.properties.id === 'c')?.position).toEqual([109.71, 28.28]);
    expect(rows.find((row) => row.facility.properties.id === 'a')?.position).toEqual([109.7, 28.28]);
  });

  it('spreads facilities at one address a few metres apart at street zoom', () => {
    const rows = facilityRows(facilities, new Set(), 16);
    const [a, b] = ['a', 'b'].map((id) => rows.find((row) => row.facility.properties.id === id)!.position);
    const apartMeters = Math.hypot(
      (a[0] - b[0]) * 111_320 * Math.cos((28.28 * Math.PI) / 180),
      (a[1] - b[1]) * 111_320,
    );
    // 2 × 7 px at zoom 16 (about 1.05 m/px at 28°N).
    expect(apartMeters).toBeGreaterThan(12);
    expect(apartMeters).toBeLessThan(17);
  });
});

describe('density', () => {
  it('classes residents per hectare by the upper breaks', () => {
    expect(densityClassOf(0)).toBe(0);
    expect(densityClassOf(25)).toBe(1);
    expect(densityClassOf(399)).toBe(4);
    expect(densityClassOf(400)).toBe(5);
  });

  it('measures a 100 m × 100 m unit of 150 residents as 150 per hectare', () => {
    const side = 100 / 111_320;
    const unit: UnitFeature = {
      type: 'Feature',
      id: 'u',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [side, 0],
              [side, side],
              [0, side],
              [0, 0],
            ],
          ],
        ],
      },
      properties: {
        id: 'u',
        name: 'u',
        kind: 'estate',
        communityId: 'c',
        communityName: 'c',
        residents: 150,
        households: 50,
        elderly: null,
        children: null,
        accessPoint: [0, 0],
        estimated: false,
      },
    };
    const [row] = densityUnits([unit]);
    expect(row.residentsPerHectare).toBeGreaterThan(148);
    expect(row.residentsPerHectare).toBeLessThan(152);
    expect(row.densityClass).toBe(3);
  });
});

describe('populationDotScale', () => {
  it('rounds legend figures to the 1–2–5 series and sizes the 95th-percentile unit at 7 px', async () => {
    const { populationDotScale, roundNice } = await import('./map-rows');
    expect([137, 380, 0.04, 7600].map(roundNice)).toEqual([100, 500, 0.05, 10000]);
    const units = Array.from(
      { length: 100 },
      (_, index) => ({ properties: { residents: index + 1 } }) as UnitFeature,
    );
    const scale = populationDotScale(units);
    expect(scale.legendResidents).toEqual([10, 50, 100]);
    expect(Math.sqrt(96) * scale.pixelsPerSqrtResident).toBeCloseTo(7);
  });
});
