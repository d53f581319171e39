/**
 * Regions with their stored extent (migration 007, kept by STORE_REGION_EXTENT). Real regions come
 * first, by name; then the synthetic ones in the order they were loaded, so the demo (loaded first)
 * stays the region the client opens by default. The data date is when the region was loaded or an
 * import into it last committed.
 */
import { TIMESTAMP } from './scenarios.sql.js';

export const LIST_REGIONS_WITH_BBOX = /* SQL */ `
  SELECT r.id, r.name, r.name_en AS "nameEn", r.synthetic, r.metric_srid AS "metricSrid", r.attribution,
         r.profile, r.extent_west AS west, r.extent_south AS south, r.extent_east AS east, r.extent_north AS north,
         ${TIMESTAMP(`GREATEST(r.created_at, (SELECT max(i.committed_at) FROM imports i WHERE i.region_id = r.id))`)}
           AS "dataLoadedAt"
  FROM regions r
  WHERE $1::text IS NULL OR r.id = $1
  ORDER BY r.synthetic, CASE WHEN r.synthetic THEN r.created_at END, r.name`;

/** Region $1's stored extent `[west, south, east, north]` (nulls: it has no geometry yet). */
export const REGION_EXTENT = /* SQL */ `
  SELECT extent_west AS west, extent_south AS south, extent_east AS east, extent_north AS north
  FROM regions WHERE id = $1`;

/**
 * Stores region $1's extent over its streets, communities, units, network edges and facilities
 * (nulls when it has none). Run by every write that changes a layer, in its transaction: one pass
 * over the region's features (≈ 0.2 s at --scale 20), paid once per write instead of on every read.
 */
export const STORE_REGION_EXTENT = /* SQL */ `
  UPDATE regions r
  SET extent_west = ST_XMin(e.box), extent_south = ST_YMin(e.box),
      extent_east = ST_XMax(e.box), extent_north = ST_YMax(e.box)
  FROM (
    SELECT ST_Extent(g.geom)::geometry AS box FROM (
      SELECT geom FROM streets WHERE region_id = $1
      UNION ALL SELECT geom FROM communities WHERE region_id = $1 AND geom IS NOT NULL
      UNION ALL SELECT geom FROM population_units WHERE region_id = $1
      UNION ALL SELECT geom FROM network_edges WHERE region_id = $1
      UNION ALL SELECT geom FROM facilities WHERE region_id = $1
    ) g
  ) e
  WHERE r.id = $1`;

/** Stores region $1's standards profile $2. No row: no such region. */
export const SET_REGION_PROFILE = /* SQL */ `UPDATE regions SET profile = $2 WHERE id = $1 RETURNING id`;

export const REGION_EXISTS = /* SQL */ `SELECT 1 FROM regions WHERE id = $1`;

export const POSTGIS_VERSION = /* SQL */ `SELECT postgis_lib_version() AS version`;
