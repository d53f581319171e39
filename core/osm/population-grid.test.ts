import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import { gridBreakpoints, pointAlongLine, weightedCentre } from './population-grid.js';

describe('gridBreakpoints', () => {
  const bounds = { minLon: 117.19116, minLat: 28.28171, maxLon: 117.25519, maxLat: 28.32252 };
  const grid = gridBreakpoints(bounds, 100);

  it('covers the bounds with cells of the asked size', () => {
    expect(grid.lons[0]).toBe(bounds.minLon);
    expect(grid.lats[0]).toBe(bounds.minLat);
    expect(grid.lons.at(-1)!).toBeGreaterThanOrEqual(bounds.maxLon);
    expect(grid.lons.at(-2)!).toBeLessThan(bounds.maxLon);
    expect(grid.lats.at(-1)!).toBeGreaterThanOrEqual(bounds.maxLat);
    const width = haversineDistanceMeters([grid.lons[10], grid.lats[0]], [grid.lons[11], grid.lats[0]]);
    const height = haversineDistanceMeters([grid.lons[0], grid.lats[10]], [grid.lons[0], grid.lats[11]]);
    // Ellipsoid metres against the sphere: within half a percent.
    expect(Math.abs(width - 100)).toBeLessThan(0.5);
    expect(Math.abs(height - 100)).toBeLessThan(0.5);
  });

  it('refuses a cell size that is not positive', () => {
    expect(() => gridBreakpoints(bounds, 0)).toThrow(RangeError);
  });
});

describe('pointAlongLine and weightedCentre', () => {
  it('finds the point a fraction along a polyline', () => {
    const line: [number, number][] = [
      [117, 28],
      [117, 28.001],
      [117.002, 28.001],
    ];
    const middle = pointAlongLine(line, 0.5);
    expect(middle[1]).toBe(28.001);
    expect(middle[0]).toBeGreaterThan(117);
    expect(middle[0]).toBeLessThan(117.001);
    expect(pointAlongLine(line, 0)).toEqual([117, 28]);
    expect(pointAlongLine(line, 1)).toEqual([117.002, 28.001]);
  });

  it('weights points by residents, and has no centre without residents', () => {
    expect(
      weightedCentre([
        { position: [0, 0], weight: 1 },
        { position: [4, 8], weight: 3 },
      ]),
    ).toEqual([3, 6]);
    expect(weightedCentre([{ position: [0, 0], weight: 0 }])).toBeNull();
  });
});
