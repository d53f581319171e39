import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS_METERS } from './haversine.js';
import type { Position } from './position.js';
import {
  sphericalMultiPolygonAreaSquareMeters,
  sphericalPolygonAreaSquareMeters,
  sphericalRingAreaSquareMeters,
} from './spherical-area.js';

/** A counter-clockwise ring along two meridians and two parallels. */
function box(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Archimedes' hat-box theorem: the zone of a sphere between two parallels has the area of the
 * cylinder around it, 2πR²(sin φ2 − sin φ1); a box spanning Δλ of it takes the share Δλ / 2π.
 */
function zoneBoxSquareMeters(west: number, south: number, east: number, north: number): number {
  const radius = EARTH_MEAN_RADIUS_METERS;
  return radius * radius * toRadians(east - west) * (Math.sin(toRadians(north)) - Math.sin(toRadians(south)));
}

describe('sphericalRingAreaSquareMeters', () => {
  it('measures boxes bounded by meridians and parallels as the hat-box theorem does', () => {
    for (const [west, south, east, north] of [
      [109.72, 28.28, 109.73, 28.29],
      [0, 0, 0.01, 0.01],
      [109.7, 28.2, 109.8, 28.3],
      [100, 40, 120, 50],
    ]) {
      const area = sphericalRingAreaSquareMeters(box(west, south, east, north));
      expect(area / zoneBoxSquareMeters(west, south, east, north)).toBeCloseTo(1, 10);
    }
  });

  it('agrees with PostGIS on the sphere and stays within 0.2 % of its ellipsoid near the demo region', () => {
    // PostGIS 3.3.2 (PROJ 9.1.1) on the square of side 0.01° at 109.72°E 28.28°N:
    //   SELECT ST_Area(g, false), ST_Area(g, true) FROM (SELECT 'POLYGON((109.72 28.28, 109.73 28.28,
    //     109.73 28.29, 109.72 28.29, 109.72 28.28))'::geography AS g) AS p;
    // → 1088806.0580275946 (sphere of radius (2a + b) / 3, great-circle edges), 1087204.6947774887 (WGS 84).
    const POSTGIS_SPHERE_SQUARE_METERS = 1088806.0580275946;
    const POSTGIS_ELLIPSOID_SQUARE_METERS = 1087204.6947774887;
    const area = sphericalRingAreaSquareMeters(box(109.72, 28.28, 109.73, 28.29));
    expect(Math.abs(area / POSTGIS_SPHERE_SQUARE_METERS - 1)).toBeLessThan(1e-6);
    expect(Math.abs(area / POSTGIS_ELLIPSOID_SQUARE_METERS - 1)).toBeLessThan(0.002);
  });

  it('does not depend on the ring’s direction or its closing position', () => {
    const ring = box(109.72, 28.28, 109.73, 28.29);
    const area = sphericalRingAreaSquareMeters(ring);
    expect(sphericalRingAreaSquareMeters([...ring].reverse())).toBeCloseTo(area, 6);
    expect(sphericalRingAreaSquareMeters(ring.slice(0, -1))).toBeCloseTo(area, 6);
    expect(sphericalRingAreaSquareMeters(ring.slice(0, 2))).toBe(0);
  });
});

describe('sphericalPolygonAreaSquareMeters and sphericalMultiPolygonAreaSquareMeters', () => {
  it('subtract holes and add parts', () => {
    const outer = box(0, 0, 0.01, 0.01);
    const hole = box(0.0025, 0.0025, 0.0075, 0.0075);
    const whole = sphericalRingAreaSquareMeters(outer);
    expect(sphericalPolygonAreaSquareMeters([outer, hole]) / whole).toBeCloseTo(0.75, 4);
    expect(sphericalMultiPolygonAreaSquareMeters([[outer], [box(1, 0, 1.01, 0.01)]]) / whole).toBeCloseTo(
      2,
      4,
    );
    expect(sphericalMultiPolygonAreaSquareMeters([])).toBe(0);
  });
});
