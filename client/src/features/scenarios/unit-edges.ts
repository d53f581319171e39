/**
 * The edges of the region's units, each with the unit on either side, so a community's outline can
 * be drawn live from the units it holds while the planner paints (the server's union geometry
 * arrives only on save). Units of one region share their corners exactly; an edge that meets no
 * other unit's edge (the region's rim, or a corner another unit does not share) counts as outer.
 */
import type { Position, UnitFeature } from '../../lib/api-types';
import { polygonsOf } from '../../map/geometry';

export interface UnitEdges {
  /** Each edge as its two end positions. */
  segments: [Position, Position][];
  /** Unit index on one side of each edge. */
  left: Int32Array;
  /** Unit index on the other side, or -1 on the rim. */
  right: Int32Array;
}

const key = ([lng, lat]: Position) => `${lng.toFixed(7)},${lat.toFixed(7)}`;

/** Edges of every ring of every unit, shared edges once (units by evaluator index; null: no geometry). */
export function buildUnitEdges(features: readonly (UnitFeature | null)[]): UnitEdges {
  const index = new Map<string, number>();
  const segments: [Position, Position][] = [];
  const left: number[] = [];
  const right: number[] = [];
  features.forEach((feature, unit) => {
    if (!feature) return;
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i += 1) {
          const [p, q] = [ring[i], ring[i + 1]];
          const [kp, kq] = [key(p), key(q)];
          if (kp === kq) continue;
          const edgeKey = kp < kq ? `${kp}|${kq}` : `${kq}|${kp}`;
          const seen = index.get(edgeKey);
          if (seen !== undefined && right[seen] === -1 && left[seen] !== unit) {
            right[seen] = unit;
            continue;
          }
          index.set(edgeKey, segments.length);
          segments.push([p, q]);
          left.push(unit);
          right.push(-1);
        }
      }
    }
  });
  return { segments, left: Int32Array.from(left), right: Int32Array.from(right) };
}

/** The edges with a unit of the community on exactly one side: its outline, as segments. */
export function outlineSegments(
  edges: UnitEdges,
  isMember: (unit: number) => boolean,
): [Position, Position][] {
  const outline: [Position, Position][] = [];
  for (let e = 0; e < edges.segments.length; e += 1) {
    const inLeft = isMember(edges.left[e]);
    const inRight = edges.right[e] >= 0 && isMember(edges.right[e]);
    if (inLeft !== inRight) outline.push(edges.segments[e]);
  }
  return outline;
}
