/**
 * The region's units for the drawing tools, in the evaluator's unit order: each unit's geometry, an
 * interior point (what a lasso or an outline tests, like ST_PointOnSurface) and a spatial index to
 * find the unit under the brush.
 */
import Flatbush from 'flatbush';
import type { PolygonGeometry, Position, UnitFeature } from '../../lib/api-types';
import { labelPoint, polygonsOf } from '../../map/geometry';
import { ringContains } from './lasso-selection';

export interface UnitIndex {
  /** Unit features by evaluator unit index (null where the units layer lacks a unit). */
  features: readonly (UnitFeature | null)[];
  /** An interior point of each unit, by unit index. */
  interiorPoints: readonly Position[];
  /** The unit whose polygon holds the point, or -1. */
  unitAt(point: Position): number;
}

/** Even–odd over every ring of every part. */
function geometryContains(geometry: PolygonGeometry, point: Position): boolean {
  let inside = false;
  for (const polygon of polygonsOf(geometry))
    for (const ring of polygon) if (ringContains(ring, point)) inside = !inside;
  return inside;
}

/**
 * Indexes unit features in the order of `unitIds` (the evaluator's). A unit the layer does not
 * hold gets no geometry and an interior point far outside any map ([NaN, NaN]).
 */
export function buildUnitIndex(unitIds: readonly string[], features: readonly UnitFeature[]): UnitIndex {
  const byId = new Map(features.map((feature) => [feature.properties.id, feature]));
  const ordered = unitIds.map((id) => byId.get(id) ?? null);
  const interiorPoints = ordered.map((feature): Position =>
    feature ? labelPoint(feature.geometry) : [Number.NaN, Number.NaN],
  );
  const tree = new Flatbush(Math.max(1, ordered.length));
  for (const feature of ordered) {
    let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
    if (feature) {
      for (const polygon of polygonsOf(feature.geometry)) {
        for (const [lng, lat] of polygon[0] ?? []) {
          west = Math.min(west, lng);
          east = Math.max(east, lng);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
      }
    }
    // Flatbush needs a box per item: a unit without geometry gets an empty one far away.
    if (!(west <= east)) [west, south, east, north] = [1e9, 1e9, 1e9, 1e9];
    tree.add(west, south, east, north);
  }
  if (ordered.length === 0) tree.add(1e9, 1e9, 1e9, 1e9);
  tree.finish();
  return {
    features: ordered,
    interiorPoints,
    unitAt(point) {
      for (const index of tree.search(point[0], point[1], point[0], point[1])) {
        const feature = ordered[index];
        if (feature && geometryContains(feature.geometry, point)) return index;
      }
      return -1;
    },
  };
}
