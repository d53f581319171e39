/**
 * Base maps of a region and their tiles (migrations/008-basemaps.sql). A PMTiles file's own bytes
 * are kept beside its tiles, in basemap_tiles rows of z = -1 (no tile has a negative zoom): x
 * numbers its 1 MiB chunks from 0, y is 0. The archive route reads byte ranges out of them with
 * substring(), so a range costs the one or two chunks it touches, never the whole file.
 */

/** The zoom of the rows holding a PMTiles file's own bytes. */
export const ARCHIVE_CHUNK_Z = -1;
/** Bytes in each of those rows but the last. */
export const ARCHIVE_CHUNK_BYTES = 1024 * 1024;

const HAS_ARCHIVE = /* SQL */ `EXISTS (
    SELECT 1 FROM basemap_tiles t
    WHERE t.region_id = b.region_id AND t.basemap_id = b.id AND t.z = ${ARCHIVE_CHUNK_Z} AND t.x = 0 AND t.y = 0)`;

export const LIST_BASEMAPS = /* SQL */ `
  SELECT id, name, format, kind, tile_type, minzoom, maxzoom, west, south, east, north,
         vector_layers, attribution, tile_count, ${HAS_ARCHIVE} AS has_archive
  FROM basemaps b WHERE region_id = $1 ORDER BY added_at, id`;

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

/**
 * What serving a base map's archive needs: its size and what its ETag is made of (the instant it
 * was stored, to the microsecond: a base map is never changed, only removed and added again).
 */
export const BASEMAP_ARCHIVE = /* SQL */ `
  SELECT b.file_bytes::float8 AS size,
         to_char(b.added_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISSUS') AS stored_at,
         ${HAS_ARCHIVE} AS has_archive
  FROM basemaps b WHERE b.region_id = $1 AND b.id = $2`;

/**
 * Bytes $3 to $4 (inclusive, from 0) of a base map's archive: the part of each chunk they cover,
 * cut by the server, in order. $5 is ARCHIVE_CHUNK_BYTES.
 */
export const BASEMAP_ARCHIVE_BYTES = /* SQL */ `
  SELECT substring(t.data
           FROM (greatest($3::bigint, t.x::bigint * $5) - t.x::bigint * $5 + 1)::int
           FOR (least($4::bigint + 1, (t.x::bigint + 1) * $5) - greatest($3::bigint, t.x::bigint * $5))::int) AS data
  FROM basemap_tiles t
  WHERE t.region_id = $1 AND t.basemap_id = $2 AND t.z = ${ARCHIVE_CHUNK_Z} AND t.y = 0
    AND t.x BETWEEN ($3::bigint / $5)::int AND ($4::bigint / $5)::int
  ORDER BY t.x`;
