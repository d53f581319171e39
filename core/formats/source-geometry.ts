/**
 * Geometry as a file stores it, read but not yet converted: GeoJSON-shaped, 2D, in the file's own
 * coordinate system. The WKT, Shapefile and GeoJSON readers give it; core/import converts it.
 */

import type { Position } from '../geometry/position.js';

export type SourceGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
