/**
 * The grid that population units are cut from. Units are the smallest thing a community boundary
 * moves, and an OSM extract has no estates (小区) to offer, so a regular grid stands in: cells of
 * equal size that a planner can reassign one by one, each holding the estimated residents of the
 * buildings whose centroid falls in it, cut along street boundaries (PostGIS clips them).
 */
import type { OsmBounds } from '../formats/osm-xml.js';
import { createLocalProjection } from '../geometry/local-projection.js';
import type { Position } from '../geometry/position.js';

/** Default cell side: 100 m, a city block's scale, fine enough to follow a street, coarse enough to stay readable. */
export const DEFAULT_CELL_METERS = 100;

/** Cell edges as longitudes (west → east) and latitudes (south → north), in degrees. */
export interface GridBreakpoints {
  lons: number[];
  lats: number[];
  cellMeters: number;
}

/**
 * Cell edges `cellMeters` apart on the local plane of the bounds' south-west corner, covering the
 * bounds. Cells are lon/lat rectangles, so neighbours share their edges exactly.
 */
export function gridBreakpoints(bounds: OsmBounds, cellMeters: number): GridBreakpoints {
  if (!(cellMeters > 0 && cellMeters < Infinity))
    throw new RangeError(`cell size ${cellMeters} m is not a positive number`);
  const projection = createLocalProjection([bounds.minLon, bounds.minLat]);
  const [widthMeters, heightMeters] = projection.toMeters([bounds.maxLon, bounds.maxLat]);
  const columns = Math.max(1, Math.ceil(widthMeters / cellMeters - 1e-9));
  const rows = Math.max(1, Math.ceil(heightMeters / cellMeters - 1e-9));
  const lons = Array.from({ length: columns + 1 }, (_, i) => projection.toLonLat(i * cellMeters, 0)[0]);
  const lats = Array.from({ length: rows + 1 }, (_, j) => projection.toLonLat(0, j * cellMeters)[1]);
  return { lons, lats, cellMeters };
}

/** Residents-weighted mean of points (`[lon, lat]`), or null when the weights sum to zero. */
export function weightedCentre(points: readonly { position: Position; weight: number }[]): Position | null {
  let total = 0;
  let lon = 0;
  let lat = 0;
  for (const { position, weight } of points) {
    total += weight;
    lon += position[0] * weight;
    lat += position[1] * weight;
  }
  return total > 0 ? [lon / total, lat / total] : null;
}

/**
 * The point `fraction` (0–1) of the way along a `[lon, lat]` line, measuring on an equirectangular
 * plane at the line's latitude as core/routing/snap.ts does, so a snap's fraction lands on its spot.
 */
export function pointAlongLine(coordinates: readonly Position[], fraction: number): Position {
  const lonScale = Math.cos((coordinates[0][1] * Math.PI) / 180);
  const lengths = coordinates
    .slice(1)
    .map((position, k) =>
      Math.hypot((position[0] - coordinates[k][0]) * lonScale, position[1] - coordinates[k][1]),
    );
  const total = lengths.reduce((sum, length) => sum + length, 0);
  let remaining = Math.min(1, Math.max(0, fraction)) * total;
  for (let k = 0; k < lengths.length; k += 1) {
    if (remaining <= lengths[k] || k === lengths.length - 1) {
      const t = lengths[k] > 0 ? Math.min(1, remaining / lengths[k]) : 0;
      const [a, b] = [coordinates[k], coordinates[k + 1]];
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
    remaining -= lengths[k];
  }
  return [coordinates[0][0], coordinates[0][1]];
}
