import { describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../lib/api-types';
import {
  fitProjection,
  polygonsBox,
  polygonsPath,
  projectBox,
  scaleBarMeters,
  unionBox,
  type LonLatBox,
} from './coverage-figure';

const METERS_PER_DEGREE = 111_320;

describe('fitProjection', () => {
  // About 0.02° × 0.01° at 29.6° N (Leshan): 1 934 m wide, 1 113 m tall.
  const box: LonLatBox = [103.74, 29.55, 103.76, 29.56];
  const projection = fitProjection(box, 400, 300, 10);

  it('keeps one scale for both axes, east–west degrees shrunk by cos(latitude)', () => {
    const [x0, y0] = projection.project([103.74, 29.55]);
    const [x1] = projection.project([103.75, 29.55]);
    const [, y1] = projection.project([103.74, 29.56]);
    const cos = Math.cos((29.555 * Math.PI) / 180);
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo(cos, 9);
    expect(y0 - y1).toBeCloseTo(0.01 * METERS_PER_DEGREE * projection.unitsPerMeter, 9);
  });

  it('fits the limiting axis within the padding and centres the other', () => {
    const rect = projectBox(box, projection);
    // 1 934 m : 1 113 m is wider than 380 : 280, so the width is the limit.
    expect(rect.x).toBeCloseTo(10, 9);
    expect(rect.x + rect.width).toBeCloseTo(390, 9);
    expect(rect.height).toBeLessThan(280);
    expect(rect.y + rect.height / 2).toBeCloseTo(150, 9);
    // North is up: the box's north edge projects above its south edge.
    expect(rect.height).toBeGreaterThan(0);
  });

  it('fits a tall box by its height', () => {
    const tall = fitProjection([103.74, 29.5, 103.75, 29.6], 400, 300, 0);
    const rect = projectBox([103.74, 29.5, 103.75, 29.6], tall);
    expect(rect.y).toBeCloseTo(0, 9);
    expect(rect.height).toBeCloseTo(300, 9);
    expect(rect.x + rect.width / 2).toBeCloseTo(200, 9);
  });

  it('centres a degenerate (point) box instead of dividing by zero', () => {
    const point = fitProjection([103.74, 29.55, 103.74, 29.55], 400, 300, 10);
    const [x, y] = point.project([103.74, 29.55]);
    expect([x, y]).toEqual([200, 150]);
    expect(Number.isFinite(point.unitsPerMeter)).toBe(true);
  });
});

describe('boxes', () => {
  const square: PolygonGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 1],
        [0, 1],
        [0, 0],
      ],
    ],
  };
  const multi: PolygonGeometry = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [5, -1],
          [6, -1],
          [6, 3],
          [5, -1],
        ],
      ],
    ],
  };

  it('bounds polygons and multipolygons', () => {
    expect(polygonsBox([square, multi])).toEqual([0, -1, 6, 3]);
    expect(polygonsBox([])).toBeNull();
  });

  it('unites boxes, ignoring missing and non-finite ones', () => {
    expect(unionBox([[0, 0, 1, 1], null, [NaN, 0, 1, 1], [-1, 0.5, 0.5, 2]])).toEqual([-1, 0, 1, 2]);
    expect(unionBox([null, undefined])).toBeNull();
  });
});

describe('polygonsPath', () => {
  it('draws one closed subpath per ring, holes included, through the projection', () => {
    const withHole: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    };
    const identity = {
      width: 10,
      height: 10,
      unitsPerMeter: 1,
      project: ([x, y]: readonly [number, number]): [number, number] => [x, 10 - y],
    };
    expect(polygonsPath([withHole], identity)).toBe('M0 10L4 10L4 6L0 6L0 10ZM1 9L2 9L2 8L1 9Z');
  });
});

describe('scaleBarMeters', () => {
  it('takes the largest 1-2-5 length that fits', () => {
    expect(scaleBarMeters(0.1, 84)).toBe(500); // 840 m fit → 500 m
    expect(scaleBarMeters(0.01, 84)).toBe(5000); // 8 400 m → 5 km
    expect(scaleBarMeters(0.1, 25)).toBe(200); // 250 m → 200 m
    expect(scaleBarMeters(0.1, 12)).toBe(100); // 120 m → 100 m
  });
});
