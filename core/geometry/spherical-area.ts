/**
 * Areas of `[lon, lat]` rings on the sphere of the IUGG mean Earth radius, in square metres: the
 * line-integral formula of Chamberlain & Duquette, "Some algorithms for polygons on a sphere" (JPL
 * Publication 07-03, 2007), with the radius @turf/area (v7) uses, so figures match it. At China's
 * latitudes the sphere reads about 0.15 % above the WGS 84 ellipsoid (PostGIS's
 * ST_Area(geography)); metric work that must match PostGIS runs in SQL in the region's SRID.
 */

import { EARTH_MEAN_RADIUS_METERS } from './haversine.js';
import type { Position } from './position.js';

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** Area of a ring (unsigned; closed or not) in square metres on the sphere. */
export function sphericalRingAreaSquareMeters(ring: readonly Readonly<Position>[]): number {
  const count = ring.length;
  if (count < 3) return 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const lower = ring[i];
    const middle = ring[(i + 1) % count];
    const upper = ring[(i + 2) % count];
    total += (toRadians(upper[0]) - toRadians(lower[0])) * Math.sin(toRadians(middle[1]));
  }
  return Math.abs((total * EARTH_MEAN_RADIUS_METERS * EARTH_MEAN_RADIUS_METERS) / 2);
}

/** Area of a polygon's rings (outer first, then holes) in square metres: the outer ring's less its holes'. */
export function sphericalPolygonAreaSquareMeters(rings: readonly (readonly Readonly<Position>[])[]): number {
  let total = 0;
  rings.forEach((ring, index) => {
    total += index === 0 ? sphericalRingAreaSquareMeters(ring) : -sphericalRingAreaSquareMeters(ring);
  });
  return total;
}

/** Area of MultiPolygon coordinates in square metres: the sum of its polygons' areas, never below 0. */
export function sphericalMultiPolygonAreaSquareMeters(
  polygons: readonly (readonly (readonly Readonly<Position>[])[])[],
): number {
  let total = 0;
  for (const polygon of polygons) total += sphericalPolygonAreaSquareMeters(polygon);
  return Math.max(0, total);
}
