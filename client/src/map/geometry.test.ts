import { describe, expect, it } from 'vitest';
import type { Position } from '../../../core/geometry/position';
import type { PolygonGeometry } from '../lib/api-types';
import { areaSquareMeters, labelPoint, polygonBbox } from './geometry';

/** A square ring with its south-west corner at (west, south), `sideDegrees` on a side. */
function square(west: number, south: number, sideDegrees: number): Position[] {
  return [
    [west, south],
    [west + sideDegrees, south],
    [west + sideDegrees, south + sideDegrees],
    [west, south + sideDegrees],
    [west, south],
  ];
}

describe('areaSquareMeters', () => {
  it('measures a 0.01° square at the equator as about 1.24 km²', () => {
    const area = areaSquareMeters({ type: 'Polygon', coordinates: [square(0, 0, 0.01)] });
    expect(area / 1e6).toBeCloseTo(1.237, 2);
  });
  it('measures as PostGIS does on the sphere (core/geometry/spherical-area.test.ts has the query)', () => {
    const area = areaSquareMeters({ type: 'Polygon', coordinates: [square(109.72, 28.28, 0.01)] });
    expect(area / 1088806.0580275946).toBeCloseTo(1, 6);
  });
  it('subtracts holes', () => {
    const withHole = areaSquareMeters({
      type: 'Polygon',
      coordinates: [square(0, 0, 0.01), square(0.0025, 0.0025, 0.005)],
    });
    const whole = areaSquareMeters({ type: 'Polygon', coordinates: [square(0, 0, 0.01)] });
    expect(withHole / whole).toBeCloseTo(0.75, 2);
  });
});

describe('labelPoint', () => {
  it('puts the label of a U-shaped polygon inside it, where the centroid is not', () => {
    const u: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const [x, y] = labelPoint(u);
    const inLeftArm = x > 0 && x < 1 && y > 0 && y < 3;
    const inRightArm = x > 2 && x < 3 && y > 0 && y < 3;
    const inBase = y > 0 && y < 1 && x > 0 && x < 3;
    expect(inLeftArm || inRightArm || inBase).toBe(true);
  });
  it('labels the largest part of a MultiPolygon', () => {
    const [x] = labelPoint({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 0.001)], [square(1, 0, 0.01)]],
    });
    expect(x).toBeGreaterThan(1);
  });
});

describe('polygonBbox', () => {
  it('bounds every part of a MultiPolygon', () => {
    expect(
      polygonBbox({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(3, -2, 0.5)]] }),
    ).toEqual([0, -2, 3.5, 1]);
    expect(polygonBbox({ type: 'Polygon', coordinates: [square(1, 1, 2)] })).toEqual([1, 1, 3, 3]);
  });
});
