/** Base maps of a region and their tiles (migrations/008-basemaps.sql). */

export const LIST_BASEMAPS = /* SQL */ `
  SELECT id, name, format, kind, tile_type, minzoom, maxzoom, west, south, east, north,
         vector_layers, attribution, tile_count
  FROM basemaps WHERE region_id = $1 ORDER BY added_at, id`;

export const BASEMAP_EXISTS = /* SQL */ `SELECT 1 FROM basemaps WHERE region_id = $1 AND id = $2`;

export const INSERT_BASEMAP = /* SQL */ `
  INSERT INTO basemaps (region_id, id, name, format, kind, tile_type, minzoom, maxzoom,
                        west, south, east, north, vector_layers, attribution, tile_count, file_bytes)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`;

/** Rows of tiles: `(region, basemap, z, x, y, data)` repeated `rows` times. */
export function insertBasemapTiles(rows: number): string {
  const values = Array.from({ length: rows }, (_, row) => {
    const at = row * 6;
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
  });
  return /* SQL */ `INSERT INTO basemap_tiles (region_id, basemap_id, z, x, y, data) VALUES ${values.join(', ')}`;
}

export const BASEMAP_TILE = /* SQL */ `
  SELECT b.tile_type, t.data
  FROM basemaps b
  LEFT JOIN basemap_tiles t
    ON t.region_id = b.region_id AND t.basemap_id = b.id AND t.z = $3 AND t.x = $4 AND t.y = $5
  WHERE b.region_id = $1 AND b.id = $2`;

export const DELETE_BASEMAP = /* SQL */ `DELETE FROM basemaps WHERE region_id = $1 AND id = $2 RETURNING id`;
