/** Great-circle distances on the mean Earth sphere. */

import type { Position } from './position';

/** IUGG mean Earth radius in metres. */
export const EARTH_MEAN_RADIUS_METERS = 6371008.8;

/** Great-circle distance in metres between two `[lon, lat]` positions (haversine formula). */
export function haversineDistanceMeters(a: Position, b: Position): number {
  const toRadians = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRadians;
  const dLon = (b[0] - a[0]) * toRadians;
  const sinDLat = Math.sin(dLat / 2);
  const sinDLon = Math.sin(dLon / 2);
  const h = sinDLat * sinDLat + Math.cos(a[1] * toRadians) * Math.cos(b[1] * toRadians) * sinDLon * sinDLon;
  return 2 * EARTH_MEAN_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a `[lon, lat]` line string: the sum of its segments' haversine distances. */
export function lineStringLengthMeters(coordinates: readonly Position[]): number {
  let lengthMeters = 0;
  for (let k = 1; k < coordinates.length; k++)
    lengthMeters += haversineDistanceMeters(coordinates[k - 1], coordinates[k]);
  return lengthMeters;
}
