/**
 * Whether a position lies inside a ring or a polygon, planar (lon/lat taken as x/y, fine for
 * city-sized shapes): the even–odd ray-crossing test, as in W. R. Franklin's PNPOLY. Hot loops over
 * flat typed-array rings have their own copy (iso-rings.ts's pointInFlatRing).
 */

import type { Position } from './position.js';

/** Whether a position lies strictly inside a closed ring (even–odd; a position on the ring may go either way). */
export function pointInRing(point: Readonly<Position>, ring: readonly Readonly<Position>[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let k = 0, previous = ring.length - 1; k < ring.length; previous = k, k += 1) {
    const [xk, yk] = ring[k];
    const [xp, yp] = ring[previous];
    if (yk > y !== yp > y && x < xk + ((y - yk) * (xp - xk)) / (yp - yk)) inside = !inside;
  }
  return inside;
}

/** Whether a position lies inside a polygon: inside its outer ring and outside each of its holes. */
export function pointInPolygon(
  point: Readonly<Position>,
  polygon: readonly (readonly Readonly<Position>[])[],
): boolean {
  if (polygon.length === 0 || !pointInRing(point, polygon[0])) return false;
  for (let k = 1; k < polygon.length; k += 1) if (pointInRing(point, polygon[k])) return false;
  return true;
}
