/** Planar polygon measures (shoelace), in the square of whatever unit the coordinates are in. */

import type { Position } from './position';

/**
 * Signed area of a closed ring (first position repeated at the end) by the shoelace formula:
 * positive when counter-clockwise, negative when clockwise.
 */
export function ringSignedArea(ring: readonly Position[]): number {
  let doubleArea = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    doubleArea += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  }
  return doubleArea / 2;
}

/** Area of a polygon given as rings (outer first, then holes): outer area minus the holes' areas. */
export function polygonArea(rings: readonly (readonly Position[])[]): number {
  let area = 0;
  rings.forEach((ring, index) => {
    const ringArea = Math.abs(ringSignedArea(ring));
    area += index === 0 ? ringArea : -ringArea;
  });
  return area;
}

/** Area of a multipolygon's coordinates: the sum of its polygons' areas. */
export function multiPolygonArea(polygons: readonly (readonly (readonly Position[])[])[]): number {
  let area = 0;
  for (const polygon of polygons) area += polygonArea(polygon);
  return area;
}
