/**
 * What the accessibility engine reads of a region, in a handful of round trips: each query answers
 * one row holding one JSON text of parallel arrays, so a 130 000-edge network crosses the wire as
 * a single value and is parsed once in JavaScript (the same way on PGlite and pg, which would
 * otherwise parse bigint and array columns differently). $1 is the region id throughout.
 */

/**
 * The region's freshness stamp: `regions.created_at` changes whenever the region is (re)loaded, as
 * load-region.ts deletes and re-inserts the row, so a cached model older than it is stale.
 * No row: no such region.
 */
export const REGION_STAMP = /* SQL */ `
  SELECT (extract(epoch FROM created_at) * 1e6)::float8::text AS stamp FROM regions WHERE id = $1`;

/**
 * The walking network as parallel arrays in edge-id order; `lines` holds each edge's LineString
 * coordinates (`[lon, lat]`, starting at its source node). Edge and node ids go out as JSON numbers
 * (safe integers in practice) rather than pg's bigint strings.
 */
export const NETWORK_ARRAYS = /* SQL */ `
  SELECT json_build_object(
           'edgeIds', coalesce(json_agg(e.id ORDER BY e.id), '[]'::json),
           'source', coalesce(json_agg(e.source ORDER BY e.id), '[]'::json),
           'target', coalesce(json_agg(e.target ORDER BY e.id), '[]'::json),
           'lengthMeters', coalesce(json_agg(e.length_meters ORDER BY e.id), '[]'::json),
           'edgeClass', coalesce(json_agg(e.class ORDER BY e.id), '[]'::json),
           'lines', coalesce(json_agg((ST_AsGeoJSON(e.geom, 15)::json) -> 'coordinates' ORDER BY e.id), '[]'::json)
         )::text AS network
  FROM network_edges e
  WHERE e.region_id = $1`;

/**
 * Population units with their access points (and their children and elderly as stored, null where
 * unknown), facilities with their positions, communities by name, and water as single polygons
 * (coordinates of each, rings `[lon, lat]`).
 */
export const UNITS_FACILITIES_COMMUNITIES_WATER = /* SQL */ `
  SELECT
    (SELECT coalesce(json_agg(json_build_array(
              u.id, u.community_id, u.residents, u.households, coalesce(u.elderly, 0),
              ST_X(u.access_point), ST_Y(u.access_point), u.children, u.elderly) ORDER BY u.id), '[]'::json)::text
     FROM population_units u WHERE u.region_id = $1) AS units,
    (SELECT coalesce(json_agg(json_build_array(f.id, f.category, ST_X(f.geom), ST_Y(f.geom)) ORDER BY f.id), '[]'::json)::text
     FROM facilities f WHERE f.region_id = $1) AS facilities,
    (SELECT coalesce(json_agg(json_build_array(c.id, c.name) ORDER BY c.id), '[]'::json)::text
     FROM communities c WHERE c.region_id = $1) AS communities,
    (SELECT coalesce(json_agg((ST_AsGeoJSON(part.geom, 15)::json) -> 'coordinates' ORDER BY w.id, part.path), '[]'::json)::text
     FROM water w CROSS JOIN LATERAL ST_Dump(w.geom) part WHERE w.region_id = $1) AS water`;

/**
 * The region's stored extent `[west, south, east, north]` (degrees) — the same extent GET
 * /api/regions reports — against which request coordinates are checked.
 */
export { REGION_EXTENT } from './regions.sql.js';

/**
 * Service areas as polygons: the union of the units each facility serves. $1 region, $2 =
 * `[[unitId, area]]`; answers `[[area, geometry]]` (GeoJSON text, RFC 7946 winding).
 */
export const SERVICE_AREA_GEOMETRIES = /* SQL */ `
  WITH served AS (
    SELECT s.value ->> 0 AS unit_id, (s.value ->> 1)::int AS area
    FROM jsonb_array_elements($2::jsonb) AS s (value)
  )
  SELECT coalesce(json_agg(json_build_array(shaped.area, ST_AsGeoJSON(ST_ForcePolygonCCW(shaped.geom), 6))), '[]'::json)::text
           AS geometries
  FROM (
    SELECT served.area, ST_Multi(ST_CollectionExtract(ST_Union(u.geom), 3)) AS geom
    FROM served JOIN population_units u ON u.region_id = $1 AND u.id = served.unit_id
    GROUP BY served.area
  ) shaped`;
