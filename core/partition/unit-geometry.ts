/**
 * Areas, perimeters and adjacency of population units from their WGS 84 polygons, for callers
 * without PostGIS (the benchmarks, a browser): the server reads the same figures from PostGIS in the
 * region's metric SRID (server/src/scenarios/region-base.ts). Areas are spherical
 * (core/geometry/spherical-area.ts), lengths great-circle (haversine).
 *
 * Two units are adjacent where their rings share an edge: a segment whose two end positions are
 * identical in both (a topologically clean layer, as a lattice or a layer cut from one coverage
 * gives). A neighbour whose vertices do not line up along the shared boundary (a T-junction) is not
 * found: run such a layer through PostGIS instead.
 */

import { haversineDistanceMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { sphericalPolygonAreaSquareMeters } from '../geometry/spherical-area.js';
import type { UnitAdjacency } from '../scenario/scenario-evaluator.js';

/** GeoJSON Polygon or MultiPolygon coordinates, `[lon, lat]`. */
export type UnitPolygonCoordinates =
  | { type: 'Polygon'; coordinates: readonly (readonly Position[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly Position[])[])[] };

export interface UnitGeometryFigures {
  /** Spherical area of each unit, m². */
  areaSquareMeters: Float64Array;
  /** Length of each unit's rings (holes included), m. */
  perimeterMeters: Float64Array;
  /** Units sharing edges, by index, with the length they share, m; each pair once (a < b). */
  adjacency: UnitAdjacency;
}

/**
 * Area, perimeter and edge adjacency of each polygon, by index. Throws naming the index of a
 * geometry that is neither a Polygon nor a MultiPolygon (programmer error: callers validate first).
 */
export function unitGeometryFromPolygons(geometries: readonly UnitPolygonCoordinates[]): UnitGeometryFigures {
  const count = geometries.length;
  const areaSquareMeters = new Float64Array(count);
  const perimeterMeters = new Float64Array(count);
  // Edge key → the unit that first had it; pair key (a * count + b) → shared metres.
  const edgeOwner = new Map<string, number>();
  const shared = new Map<number, number>();
  geometries.forEach((geometry, unit) => {
    let polygons: readonly (readonly (readonly Position[])[])[];
    if (geometry?.type === 'Polygon') polygons = [geometry.coordinates];
    else if (geometry?.type === 'MultiPolygon') polygons = geometry.coordinates;
    else throw new Error(`unit #${unit} is not a Polygon or MultiPolygon`);
    for (const rings of polygons) {
      areaSquareMeters[unit] += sphericalPolygonAreaSquareMeters(rings);
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k += 1) {
          const [a, b] = [ring[k], ring[k + 1]];
          if (a[0] === b[0] && a[1] === b[1]) continue;
          const meters = haversineDistanceMeters(a, b);
          perimeterMeters[unit] += meters;
          const [p, q] = `${a[0]},${a[1]}` < `${b[0]},${b[1]}` ? [a, b] : [b, a];
          const key = `${p[0]},${p[1]};${q[0]},${q[1]}`;
          const owner = edgeOwner.get(key);
          if (owner === undefined) edgeOwner.set(key, unit);
          else if (owner !== unit) {
            const pair = Math.min(owner, unit) * count + Math.max(owner, unit);
            shared.set(pair, (shared.get(pair) ?? 0) + meters);
          }
        }
      }
    }
  });
  const pairs = [...shared].sort(([a], [b]) => a - b);
  return {
    areaSquareMeters,
    perimeterMeters,
    adjacency: {
      unitA: Uint32Array.from(pairs, ([pair]) => Math.floor(pair / count)),
      unitB: Uint32Array.from(pairs, ([pair]) => pair % count),
      sharedMeters: Float64Array.from(pairs, ([, meters]) => meters),
    },
  };
}
