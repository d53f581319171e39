import { describe, expect, it } from 'vitest';
import type { Position } from '../geometry/position.js';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import { sphericalPolygonAreaSquareMeters } from '../geometry/spherical-area.js';
import { unitGeometryFromPolygons, type UnitPolygonCoordinates } from './unit-geometry.js';

/** A square cell of `step` degrees with its south-west corner at (lon, lat), counter-clockwise. */
function cell(lon: number, lat: number, step = 0.001): Position[] {
  return [
    [lon, lat],
    [lon + step, lat],
    [lon + step, lat + step],
    [lon, lat + step],
    [lon, lat],
  ];
}

const polygon = (ring: Position[]): UnitPolygonCoordinates => ({ type: 'Polygon', coordinates: [ring] });

describe('unitGeometryFromPolygons', () => {
  it('finds the edges a 2 × 2 block of cells shares, with their lengths, areas and perimeters', () => {
    const [lon, lat, step] = [109.7, 28.3, 0.001];
    const geometries = [
      polygon(cell(lon, lat)),
      polygon(cell(lon + step, lat)),
      polygon(cell(lon, lat + step)),
      polygon(cell(lon + step, lat + step)),
    ];
    const { areaSquareMeters, perimeterMeters, adjacency } = unitGeometryFromPolygons(geometries);
    expect(Array.from(adjacency.unitA)).toEqual([0, 0, 1, 2]);
    expect(Array.from(adjacency.unitB)).toEqual([1, 2, 3, 3]);
    // 0–1 share a north–south side, 0–2 an east–west one.
    expect(adjacency.sharedMeters[0]).toBeCloseTo(
      haversineDistanceMeters([lon + step, lat], [lon + step, lat + step]),
      6,
    );
    expect(adjacency.sharedMeters[1]).toBeCloseTo(
      haversineDistanceMeters([lon, lat + step], [lon + step, lat + step]),
      6,
    );
    expect(areaSquareMeters[0]).toBeCloseTo(sphericalPolygonAreaSquareMeters([cell(lon, lat)]), 6);
    expect(areaSquareMeters[0]).toBeGreaterThan(10_000);
    expect(areaSquareMeters[0]).toBeLessThan(12_500);
    const side = (a: Position, b: Position) => haversineDistanceMeters(a, b);
    expect(perimeterMeters[0]).toBeCloseTo(
      side([lon, lat], [lon + step, lat]) +
        side([lon + step, lat], [lon + step, lat + step]) +
        side([lon + step, lat + step], [lon, lat + step]) +
        side([lon, lat + step], [lon, lat]),
      6,
    );
  });

  it('takes a MultiPolygon as one unit, and misses a neighbour whose vertices do not line up', () => {
    const [lon, lat, step] = [109.7, 28.3, 0.001];
    const geometries: UnitPolygonCoordinates[] = [
      { type: 'MultiPolygon', coordinates: [[cell(lon, lat)], [cell(lon + 3 * step, lat)]] },
      polygon(cell(lon + step, lat)),
      // Twice as tall as the cells beside it: its sides have no vertex where theirs end.
      polygon([
        [lon + 2 * step, lat],
        [lon + 3 * step, lat],
        [lon + 3 * step, lat + 2 * step],
        [lon + 2 * step, lat + 2 * step],
        [lon + 2 * step, lat],
      ]),
    ];
    const { areaSquareMeters, adjacency } = unitGeometryFromPolygons(geometries);
    expect(areaSquareMeters[0]).toBeCloseTo(
      sphericalPolygonAreaSquareMeters([cell(lon, lat)]) +
        sphericalPolygonAreaSquareMeters([cell(lon + 3 * step, lat)]),
      6,
    );
    // Unit 0 shares a side with unit 1 by its first part. Unit 2 touches unit 1 and unit 0's second
    // part along half of its sides (T-junctions): not found, as the module says.
    expect(Array.from(adjacency.unitA)).toEqual([0]);
    expect(Array.from(adjacency.unitB)).toEqual([1]);
  });

  it('refuses a geometry that is not a polygon, naming it', () => {
    expect(() =>
      unitGeometryFromPolygons([
        polygon(cell(0, 0)),
        { type: 'Point', coordinates: [0, 0] } as unknown as UnitPolygonCoordinates,
      ]),
    ).toThrow('unit #1 is not a Polygon or MultiPolygon');
  });
});
