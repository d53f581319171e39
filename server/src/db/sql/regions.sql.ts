/**
 * Regions with their extent, computed from their streets and network. Real regions come first, by
 * name; then the synthetic ones in the order they were loaded, so the demo (loaded first) stays the
 * region the client opens by default.
 */
export const LIST_REGIONS = /* SQL */ `
  SELECT r.id, r.name, r.name_en AS "nameEn", r.synthetic, r.metric_srid AS "metricSrid", r.attribution,
         r.profile, extent.box
  FROM regions r
  LEFT JOIN LATERAL (
    SELECT ST_Extent(g.geom)::geometry AS box FROM (
      SELECT geom FROM streets WHERE region_id = r.id
      UNION ALL SELECT geom FROM network_edges WHERE region_id = r.id
      UNION ALL SELECT geom FROM population_units WHERE region_id = r.id
    ) g
  ) extent ON true
  WHERE $1::text IS NULL OR r.id = $1
  ORDER BY r.synthetic, CASE WHEN r.synthetic THEN r.created_at END, r.name`;

/** Post-processing keeps the bbox a plain [w, s, e, n] array of numbers on both drivers. */
export const REGION_BBOX_COLUMNS = /* SQL */ `
  ST_XMin(box)::float8 AS west, ST_YMin(box)::float8 AS south, ST_XMax(box)::float8 AS east, ST_YMax(box)::float8 AS north`;

export const LIST_REGIONS_WITH_BBOX = /* SQL */ `
  SELECT id, name, "nameEn", synthetic, "metricSrid", attribution, profile, ${REGION_BBOX_COLUMNS}
  FROM (${LIST_REGIONS}) regions_with_box`;

/** Stores region $1's standards profile $2. No row: no such region. */
export const SET_REGION_PROFILE = /* SQL */ `UPDATE regions SET profile = $2 WHERE id = $1 RETURNING id`;

export const REGION_EXISTS = /* SQL */ `SELECT 1 FROM regions WHERE id = $1`;

export const POSTGIS_VERSION = /* SQL */ `SELECT postgis_lib_version() AS version`;
