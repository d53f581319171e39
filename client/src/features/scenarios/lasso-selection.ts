/**
 * Which units a drawn outline takes: those whose interior point (a point inside the unit, like
 * PostGIS's ST_PointOnSurface) lies inside it. Coordinates are GeoJSON [lng, lat]; rings may be
 * open or closed, and a freehand lasso that crosses itself counts by the even–odd rule.
 */
import type { Position } from '../../lib/api-types';

/** Even–odd ray test of a point against one ring. */
export function ringContains(ring: readonly Position[], point: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** Indices of the points that lie inside the outline (bounding box first, then the ray test). */
export function pointsInsideOutline(points: readonly Position[], outline: readonly Position[]): number[] {
  if (outline.length < 3) return [];
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of outline) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const inside: number[] = [];
  points.forEach((point, index) => {
    if (point[0] < west || point[0] > east || point[1] < south || point[1] > north) return;
    if (ringContains(outline, point)) inside.push(index);
  });
  return inside;
}

/** The ring closed (its last position equal to its first), as GeoJSON wants. */
export function closeRing(ring: readonly Position[]): Position[] {
  const closed = ring.map((position) => [position[0], position[1]] as Position);
  const [first, last] = [closed[0], closed[closed.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) closed.push([first[0], first[1]]);
  return closed;
}

/** Orientation of the triangle a, b, c: > 0 anticlockwise, < 0 clockwise, 0 collinear. */
function orientation(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const [o1, o2, o3, o4] = [
    orientation(a, b, c),
    orientation(a, b, d),
    orientation(c, d, a),
    orientation(c, d, b),
  ];
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/**
 * Whether a ring (open or closed) is simple: at least three distinct corners and no two
 * non-adjacent edges crossing. A redraw outline that is not would be refused by PostGIS.
 */
export function isSimpleRing(ring: readonly Position[]): boolean {
  const closed = closeRing(ring);
  const edges = closed.length - 1;
  if (edges < 3) return false;
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 2; j < edges; j += 1) {
      if (i === 0 && j === edges - 1) continue; // the first and last edges share the closing corner
      if (segmentsCross(closed[i], closed[i + 1], closed[j], closed[j + 1])) return false;
    }
  }
  return true;
}
