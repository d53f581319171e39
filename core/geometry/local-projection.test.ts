import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters, lineStringLengthMeters } from './haversine';
import { createLocalProjection } from './local-projection';

describe('createLocalProjection', () => {
  const projection = createLocalProjection([109.69, 28.26]);

  it('maps the origin to itself and round-trips positions', () => {
    expect(projection.toLonLat(0, 0)).toEqual([109.69, 28.26]);
    const [x, y] = projection.toMeters(projection.toLonLat(5321.5, -1234.25));
    expect(x).toBeCloseTo(5321.5, 6);
    expect(y).toBeCloseTo(-1234.25, 6);
  });

  it('agrees with haversine distances to within 0.5 % over several kilometres', () => {
    const origin = projection.toLonLat(0, 0);
    for (const [x, y] of [
      [6000, 0],
      [0, 4800],
      [3000, 4000],
    ]) {
      const planarMeters = Math.hypot(x, y);
      const sphereMeters = haversineDistanceMeters(origin, projection.toLonLat(x, y));
      expect(Math.abs(sphereMeters - planarMeters) / planarMeters).toBeLessThan(0.005);
    }
  });
});

describe('haversineDistanceMeters', () => {
  it('gives about 111.2 km per degree of latitude', () => {
    expect(haversineDistanceMeters([109.7, 28], [109.7, 29])).toBeCloseTo(111195, -1);
  });

  it('sums segments of a line string', () => {
    const line: [number, number][] = [
      [109.7, 28.2],
      [109.71, 28.2],
      [109.71, 28.21],
    ];
    expect(lineStringLengthMeters(line)).toBeCloseTo(
      haversineDistanceMeters(line[0], line[1]) + haversineDistanceMeters(line[1], line[2]),
      9,
    );
  });
});
