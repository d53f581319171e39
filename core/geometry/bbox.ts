/**
 * Bounding boxes `[west, south, east, north]` of positions, and the few things done with them:
 * growing one by a margin in metres, the gap between two, whether two meet.
 */

import type { Position } from './position.js';

/** `[west, south, east, north]`: degrees for `[lon, lat]` positions, else the positions' own unit. */
export type Bbox = [number, number, number, number];

/** Metres per degree of latitude (and of longitude at the equator), the flat approximation used for margins. */
export const METERS_PER_DEGREE_LATITUDE = 111_320;

/** The box of some positions; inverted infinities (`[∞, ∞, −∞, −∞]`, see isEmptyBbox) when there are none. */
export function bboxOfPositions(positions: Iterable<Readonly<Position>>): Bbox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [x, y] of positions) {
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return [west, south, east, north];
}

/** The box of GeoJSON coordinates of any nesting (a position, a line, rings, polygons …). */
export function bboxOfCoordinates(coordinates: unknown): Bbox {
  const positions: Position[] = [];
  const visit = (value: unknown) => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') positions.push(value as Position);
    else value.forEach(visit);
  };
  visit(coordinates);
  return bboxOfPositions(positions);
}

/** Whether a box holds nothing (bboxOfPositions of no positions). */
export function isEmptyBbox([west, , east]: Readonly<Bbox>): boolean {
  return !(west <= east);
}

/** The smallest box holding both. */
export function bboxUnion(a: Readonly<Bbox>, b: Readonly<Bbox>): Bbox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Whether two boxes meet (touching counts). */
export function bboxesIntersect(a: Readonly<Bbox>, b: Readonly<Bbox>): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** A degree box grown by `meters` on every side (longitude scaled at the box's middle latitude). */
export function growBboxMeters([west, south, east, north]: Readonly<Bbox>, meters: number): Bbox {
  const dLat = meters / METERS_PER_DEGREE_LATITUDE;
  const dLon = meters / (METERS_PER_DEGREE_LATITUDE * Math.cos((((south + north) / 2) * Math.PI) / 180));
  return [west - dLon, south - dLat, east + dLon, north + dLat];
}

/**
 * Metres between two degree boxes (0 when they meet), on a flat approximation at `to`'s middle
 * latitude: enough to say how far a feature lies outside a region.
 */
export function bboxGapMeters(from: Readonly<Bbox>, to: Readonly<Bbox>): number {
  const latitude = ((to[1] + to[3]) / 2) * (Math.PI / 180);
  const dx = Math.max(to[0] - from[2], 0, from[0] - to[2]) * METERS_PER_DEGREE_LATITUDE * Math.cos(latitude);
  const dy = Math.max(to[1] - from[3], 0, from[1] - to[3]) * METERS_PER_DEGREE_LATITUDE;
  return Math.hypot(dx, dy);
}
