/**
 * SQL of boundary scenarios (issue 4). Bulk values travel as one jsonb parameter (`$n::jsonb`) and
 * bulk results as one JSON text, so both drivers (pg, PGlite) pass and parse them the same way.
 * Geometry stays in WGS 84; lengths and areas are measured after ST_Transform to the region's metric
 * SRID, passed as an integer parameter.
 */

import {
  SURVEYED_FIGURE_COLUMNS,
  surveyedColumnList,
  surveyedExcludedAssignments,
  surveyedJsonPairs,
  surveyedRecordsetTypes,
} from './community-figures.sql.js';

/** The region's load stamp (changes whenever the region is reloaded) and metric SRID. No row: no region. */
export const SCENARIO_REGION = /* SQL */ `
  SELECT (extract(epoch FROM created_at) * 1e6)::float8::text AS stamp, metric_srid AS "metricSrid"
  FROM regions WHERE id = $1`;

/** Claims the one-time preparation of a region; no row back: prepared already (or by a concurrent claim). */
export const CLAIM_REGION_PREPARATION = /* SQL */ `
  INSERT INTO scenario_region_bases (region_id) VALUES ($1) ON CONFLICT (region_id) DO NOTHING RETURNING region_id`;

export const REGION_PREPARED = /* SQL */ `SELECT 1 FROM scenario_region_bases WHERE region_id = $1`;

/**
 * Unit adjacency: pairs of units whose boundaries share a stretch of line, with its length in meters
 * ($2 = metric SRID). The shared line is cut in WGS 84 (units of one region share vertices exactly)
 * and only that short line is transformed and measured. Corner contacts measure 0 and are left out.
 */
export const INSERT_UNIT_ADJACENCY = /* SQL */ `
  INSERT INTO unit_adjacency (region_id, unit_a, unit_b, shared_meters)
  SELECT $1, pair.a, pair.b, pair.shared
  FROM (
    SELECT a.id AS a, b.id AS b,
           ST_Length(ST_Transform(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)), $2::integer)) AS shared
    FROM population_units a
    JOIN population_units b
      ON b.region_id = a.region_id AND a.id < b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)
    WHERE a.region_id = $1
  ) pair
  WHERE pair.shared > 0`;

/** Each baseline community's geometry as the union of its units. */
export const INSERT_BASELINE_COMMUNITY_GEOMS = /* SQL */ `
  INSERT INTO baseline_community_geoms (region_id, community_id, geom)
  SELECT $1, u.community_id, ST_Multi(ST_CollectionExtract(ST_Union(u.geom), 3))
  FROM population_units u
  WHERE u.region_id = $1
  GROUP BY u.community_id`;

/**
 * Units as `[id, communityId, residents, households, elderly, children, areaSquareMeters,
 * perimeterMeters]` in id order, area and perimeter in the metric SRID $2.
 */
export const REGION_UNITS = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(
           u.id, u.community_id, u.residents, u.households, coalesce(u.elderly, 0), coalesce(u.children, 0),
           ST_Area(m.geom), ST_Perimeter(m.geom)) ORDER BY u.id), '[]'::json)::text AS units
  FROM population_units u
  CROSS JOIN LATERAL (SELECT ST_Transform(u.geom, $2::integer) AS geom) m
  WHERE u.region_id = $1`;

/** Adjacency as `[unitA, unitB, sharedMeters]`. */
export const REGION_ADJACENCY = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(unit_a, unit_b, shared_meters)), '[]'::json)::text AS pairs
  FROM unit_adjacency WHERE region_id = $1`;

/** A community's attributes as the JSON object core's CommunityRecord reads (alias c). */
const COMMUNITY_RECORD_JSON = `json_build_object(
  'id', c.id, 'name', c.name, 'nameEn', c.name_en, 'type', c.type, 'streetId', c.street_id,
  'isTownshipSeat', c.is_township_seat, ${surveyedJsonPairs('c')})`;

export const REGION_COMMUNITIES = /* SQL */ `
  SELECT coalesce(json_agg(${COMMUNITY_RECORD_JSON} ORDER BY c.id), '[]'::json)::text AS communities
  FROM communities c WHERE c.region_id = $1`;

export const TIMESTAMP = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A review step as JSON (the ReviewStep of core/scenario/scenario-summary.ts). */
const REVIEW_STEP_JSON = (row: string) =>
  `json_build_object('version', ${row}.version, 'action', ${row}.action, 'by', ${row}.username,
    'comment', ${row}.comment, 'at', ${TIMESTAMP(`${row}.at`)})`;

const SCENARIO_COLUMNS = `s.id, s.region_id AS "regionId", s.name, s.based_on AS "basedOn", s.version,
  ${TIMESTAMP('s.created_at')} AS "createdAt", ${TIMESTAMP('s.updated_at')} AS "updatedAt", s.owner,
  s.review_state AS "reviewState",
  (SELECT ${REVIEW_STEP_JSON('r')} FROM scenario_reviews r WHERE r.scenario_id = s.id
   ORDER BY r.id DESC LIMIT 1) AS "lastReview"`;

export const INSERT_SCENARIO = /* SQL */ `
  INSERT INTO scenarios AS s (id, region_id, name, based_on, owner) VALUES ($1, $2, $3, $4, $5)
  RETURNING ${SCENARIO_COLUMNS}`;

const SCENARIO_COMMUNITY_COLUMNS = `id, street_id, name, name_en, type, is_township_seat, ${surveyedColumnList()}`;

/** Copies the baseline communities of region $2, with their geometry, into scenario $1. */
export const COPY_BASELINE_COMMUNITIES = /* SQL */ `
  INSERT INTO scenario_communities (scenario_id, ${SCENARIO_COMMUNITY_COLUMNS}, geom)
  SELECT $1, c.id, c.street_id, c.name, c.name_en, c.type, c.is_township_seat, ${surveyedColumnList('c')}, g.geom
  FROM communities c
  LEFT JOIN baseline_community_geoms g ON g.region_id = c.region_id AND g.community_id = c.id
  WHERE c.region_id = $2`;

/** Copies scenario $2's communities and assignments into scenario $1 (two statements). */
export const COPY_SCENARIO_COMMUNITIES = /* SQL */ `
  INSERT INTO scenario_communities (scenario_id, ${SCENARIO_COMMUNITY_COLUMNS}, geom)
  SELECT $1, ${SCENARIO_COMMUNITY_COLUMNS}, geom FROM scenario_communities WHERE scenario_id = $2`;

export const COPY_SCENARIO_ASSIGNMENTS = /* SQL */ `
  INSERT INTO scenario_assignments (scenario_id, unit_id, community_id)
  SELECT $1, unit_id, community_id FROM scenario_assignments WHERE scenario_id = $2`;

export const LIST_SCENARIOS = /* SQL */ `
  SELECT ${SCENARIO_COLUMNS} FROM scenarios s WHERE s.region_id = $1 ORDER BY s.created_at, s.id`;

/** One scenario with how much it holds and its edit log (`[{version, edits, createdAt}]`). */
export const GET_SCENARIO = /* SQL */ `
  SELECT ${SCENARIO_COLUMNS},
         (SELECT count(*) FROM scenario_communities c WHERE c.scenario_id = s.id)::int AS "communityCount",
         (SELECT count(*) FROM scenario_assignments a WHERE a.scenario_id = s.id)::int AS "unitsMovedFromBaseline",
         (SELECT coalesce(json_agg(json_build_object('version', e.version, 'edits', e.edits,
                   'createdAt', ${TIMESTAMP('e.created_at')}, 'author', e.author) ORDER BY e.version), '[]'::json)::text
          FROM scenario_edits e WHERE e.scenario_id = s.id) AS edits,
         (SELECT coalesce(json_agg(${REVIEW_STEP_JSON('r')} ORDER BY r.id), '[]'::json)
          FROM scenario_reviews r WHERE r.scenario_id = s.id) AS reviews
  FROM scenarios s WHERE s.id = $1`;

export const SCENARIO_HEAD = /* SQL */ `
  SELECT s.version, s.region_id AS "regionId", s.review_state AS "reviewState" FROM scenarios s WHERE s.id = $1`;

export const DELETE_SCENARIO = /* SQL */ `DELETE FROM scenarios WHERE id = $1 RETURNING id`;

/**
 * Locks a scenario's row for a save: a concurrent save of the same scenario waits here until this
 * transaction ends, then reads the version it left (READ COMMITTED re-reads a locked row).
 */
export const LOCK_SCENARIO = /* SQL */ `
  SELECT version, review_state AS "reviewState" FROM scenarios WHERE id = $1 FOR UPDATE`;

/** Moves scenario $1 to review state $2. */
export const SET_REVIEW_STATE = /* SQL */ `UPDATE scenarios SET review_state = $2 WHERE id = $1`;

export const INSERT_REVIEW_STEP = /* SQL */ `
  INSERT INTO scenario_reviews (scenario_id, version, action, username, comment) VALUES ($1, $2, $3, $4, $5)`;

export const GET_SCENARIO_SUMMARY = /* SQL */ `SELECT ${SCENARIO_COLUMNS} FROM scenarios s WHERE s.id = $1`;

/** Takes the next version if $2 is still the current one (and renames when $3 is not null). */
export const ADVANCE_SCENARIO_VERSION = /* SQL */ `
  UPDATE scenarios SET version = version + 1, updated_at = now(), name = coalesce($3, name)
  WHERE id = $1 AND version = $2
  RETURNING version`;

/**
 * A scenario's facility changes (alias s, regions r) as `[id, removed, name, category, floor m², land
 * m², capacity, lon, lat, unitId, x, y]` by id, x and y in the region's metric SRID.
 */
const SCENARIO_FACILITY_ROWS_JSON = `
  (SELECT coalesce(json_agg(json_build_array(f.id, f.removed, f.name, f.category, f.floor_area_square_meters,
            f.land_area_square_meters, f.capacity, ST_X(f.geom), ST_Y(f.geom), f.unit_id,
            ST_X(ST_Transform(f.geom, r.metric_srid)), ST_Y(ST_Transform(f.geom, r.metric_srid))) ORDER BY f.id),
          '[]'::json)::text
   FROM scenario_facilities f WHERE f.scenario_id = s.id)`;

/**
 * What a scenario's evaluator is built from: its version, communities and assignment overrides, and
 * its facility changes, added paths (`[id, name, coordinates]` in the order added) and closed edges.
 */
export const SCENARIO_STATE = /* SQL */ `
  SELECT s.version, s.region_id AS "regionId",
         (SELECT coalesce(json_agg(${COMMUNITY_RECORD_JSON} ORDER BY c.id), '[]'::json)::text
          FROM scenario_communities c WHERE c.scenario_id = s.id) AS communities,
         (SELECT coalesce(json_agg(json_build_array(a.unit_id, a.community_id)), '[]'::json)::text
          FROM scenario_assignments a WHERE a.scenario_id = s.id) AS assignments,
         ${SCENARIO_FACILITY_ROWS_JSON} AS facilities,
         (SELECT coalesce(json_agg(json_build_array(p.id, p.name, (ST_AsGeoJSON(p.geom, 15)::json) -> 'coordinates')
                   ORDER BY p.seq), '[]'::json)::text
          FROM scenario_paths p WHERE p.scenario_id = s.id) AS paths,
         (SELECT coalesce(json_agg(e.edge_id ORDER BY e.edge_id), '[]'::json)::text
          FROM scenario_closed_edges e WHERE e.scenario_id = s.id) AS "closedEdges"
  FROM scenarios s JOIN regions r ON r.id = s.region_id WHERE s.id = $1`;

/** Scenario $1's facility changes alone (as in SCENARIO_STATE), read back after a save wrote them. */
export const SCENARIO_FACILITY_CHANGES = /* SQL */ `
  SELECT ${SCENARIO_FACILITY_ROWS_JSON} AS facilities
  FROM scenarios s JOIN regions r ON r.id = s.region_id WHERE s.id = $1`;

/**
 * Writes facility changes of scenario $1 (region $2): $3 = `[{id, removed, name, category,
 * floorAreaSquareMeters, landAreaSquareMeters, capacity, lon, lat}]`. Each is placed in the unit it
 * stands in, else the nearest, as REGION_FACILITIES places the region's own.
 */
export const UPSERT_SCENARIO_FACILITIES = /* SQL */ `
  INSERT INTO scenario_facilities (scenario_id, id, removed, name, category, floor_area_square_meters,
    land_area_square_meters, capacity, unit_id, geom)
  SELECT $1, r.id, r.removed, r.name, r.category, r."floorAreaSquareMeters", r."landAreaSquareMeters",
         r.capacity, coalesce(inside.id, nearest.id), point.geom
  FROM jsonb_to_recordset($3::jsonb) AS r (id text, removed boolean, name text, category text,
    "floorAreaSquareMeters" float8, "landAreaSquareMeters" float8, capacity int, lon float8, lat float8)
  CROSS JOIN LATERAL (
    SELECT CASE WHEN r.removed THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END AS geom
  ) point
  LEFT JOIN LATERAL (
    SELECT u.id FROM population_units u
    WHERE point.geom IS NOT NULL AND u.region_id = $2 AND u.geom && point.geom AND ST_Intersects(u.geom, point.geom)
    ORDER BY u.id LIMIT 1
  ) inside ON true
  LEFT JOIN LATERAL (
    SELECT u.id FROM population_units u
    WHERE point.geom IS NOT NULL AND inside.id IS NULL AND u.region_id = $2
    ORDER BY u.geom <-> point.geom, u.id LIMIT 1
  ) nearest ON true
  ON CONFLICT (scenario_id, id) DO UPDATE SET
    removed = EXCLUDED.removed, name = EXCLUDED.name, category = EXCLUDED.category,
    floor_area_square_meters = EXCLUDED.floor_area_square_meters,
    land_area_square_meters = EXCLUDED.land_area_square_meters, capacity = EXCLUDED.capacity,
    unit_id = EXCLUDED.unit_id, geom = EXCLUDED.geom`;

/** Forgets facility changes of scenario $1: $2 = `[id]` (a facility added, then removed). */
export const DELETE_SCENARIO_FACILITIES = /* SQL */ `
  DELETE FROM scenario_facilities
  WHERE scenario_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`;

/** Replaces scenario $1's added paths (two statements): $2 = `[{id, name, coordinates}]` in order. */
export const DELETE_SCENARIO_PATHS = /* SQL */ `DELETE FROM scenario_paths WHERE scenario_id = $1`;
export const INSERT_SCENARIO_PATHS = /* SQL */ `
  INSERT INTO scenario_paths (scenario_id, id, seq, name, geom)
  SELECT $1, p.value ->> 'id', p.seq, p.value ->> 'name',
         ST_SetSRID(ST_GeomFromGeoJSON(jsonb_build_object('type', 'LineString', 'coordinates', p.value -> 'coordinates')::text), 4326)
  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS p (value, seq)`;

/** Replaces scenario $1's closed edges (two statements): $2 = `[edgeId]`. */
export const DELETE_SCENARIO_CLOSED_EDGES = /* SQL */ `DELETE FROM scenario_closed_edges WHERE scenario_id = $1`;
export const INSERT_SCENARIO_CLOSED_EDGES = /* SQL */ `
  INSERT INTO scenario_closed_edges (scenario_id, edge_id)
  SELECT $1, e::bigint FROM jsonb_array_elements_text($2::jsonb) AS e`;

/** Copies scenario $2's facility changes, added paths and closed edges into scenario $1 (three statements). */
export const COPY_SCENARIO_FACILITIES = /* SQL */ `
  INSERT INTO scenario_facilities (scenario_id, id, removed, name, category, floor_area_square_meters,
    land_area_square_meters, capacity, unit_id, geom)
  SELECT $1, id, removed, name, category, floor_area_square_meters, land_area_square_meters, capacity,
         unit_id, geom
  FROM scenario_facilities WHERE scenario_id = $2`;
export const COPY_SCENARIO_PATHS = /* SQL */ `
  INSERT INTO scenario_paths (scenario_id, id, seq, name, geom)
  SELECT $1, id, seq, name, geom FROM scenario_paths WHERE scenario_id = $2`;
export const COPY_SCENARIO_CLOSED_EDGES = /* SQL */ `
  INSERT INTO scenario_closed_edges (scenario_id, edge_id)
  SELECT $1, edge_id FROM scenario_closed_edges WHERE scenario_id = $2`;

/** Inserts or changes communities of scenario $1 from $2 = `[CommunityRecord]` (geometry untouched). */
export const UPSERT_SCENARIO_COMMUNITIES = /* SQL */ `
  INSERT INTO scenario_communities (scenario_id, ${SCENARIO_COMMUNITY_COLUMNS})
  SELECT $1, r.id, r."streetId", r.name, r."nameEn", r.type, coalesce(r."isTownshipSeat", false),
         ${SURVEYED_FIGURE_COLUMNS.map(({ property }) => `r."${property}"`).join(', ')}
  FROM jsonb_to_recordset($2::jsonb) AS r (
    id text, "streetId" text, name text, "nameEn" text, type text, "isTownshipSeat" boolean,
    ${surveyedRecordsetTypes()})
  ON CONFLICT (scenario_id, id) DO UPDATE SET
    name = EXCLUDED.name, name_en = EXCLUDED.name_en, type = EXCLUDED.type,
    is_township_seat = EXCLUDED.is_township_seat, ${surveyedExcludedAssignments()}`;

/** Records units of scenario $1 now away from their baseline community: $2 = `[{unitId, communityId}]`. */
export const UPSERT_ASSIGNMENTS = /* SQL */ `
  INSERT INTO scenario_assignments (scenario_id, unit_id, community_id)
  SELECT $1, r."unitId", r."communityId" FROM jsonb_to_recordset($2::jsonb) AS r ("unitId" text, "communityId" text)
  ON CONFLICT (scenario_id, unit_id) DO UPDATE SET community_id = EXCLUDED.community_id`;

/** Forgets overrides of units back in their baseline community: $2 = `[unitId]`. */
export const DELETE_ASSIGNMENTS = /* SQL */ `
  DELETE FROM scenario_assignments
  WHERE scenario_id = $1 AND unit_id IN (SELECT jsonb_array_elements_text($2::jsonb))`;

export const DELETE_SCENARIO_COMMUNITIES = /* SQL */ `
  DELETE FROM scenario_communities
  WHERE scenario_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`;

/**
 * Recomputes the geometry of communities of scenario $1 (region $2) as the union of their units,
 * $3 = `[{unitId, communityId}]` listing every unit of each community to reshape.
 */
export const RESHAPE_SCENARIO_COMMUNITIES = /* SQL */ `
  WITH shaped AS MATERIALIZED (
    SELECT r."communityId" AS id, ST_Multi(ST_CollectionExtract(ST_Union(u.geom), 3)) AS geom
    FROM jsonb_to_recordset($3::jsonb) AS r ("unitId" text, "communityId" text)
    JOIN population_units u ON u.region_id = $2 AND u.id = r."unitId"
    GROUP BY r."communityId"
  )
  UPDATE scenario_communities sc SET geom = shaped.geom
  FROM shaped
  WHERE sc.scenario_id = $1 AND sc.id = shaped.id`;

export const INSERT_SCENARIO_EDIT = /* SQL */ `
  INSERT INTO scenario_edits (scenario_id, version, edits, author) VALUES ($1, $2, $3::jsonb, $4)`;

/** Whether a GeoJSON geometry ($1, text) is valid, and why not. */
export const GEOMETRY_VALIDITY = /* SQL */ `
  SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
  FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) input`;

/** Units of region $1 whose point on surface lies in the polygon $2 (GeoJSON text). */
export const UNITS_INSIDE_OUTLINE = /* SQL */ `
  SELECT u.id
  FROM population_units u, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS g) outline
  WHERE u.region_id = $1 AND u.geom && outline.g AND ST_Intersects(outline.g, ST_PointOnSurface(u.geom))
  ORDER BY u.id`;

/**
 * Cuts the union of units $2 (`[unitId]`, region $1) by the line $3 (GeoJSON text). Answers how many
 * polygons the union had and how many pieces the cut made, each piece's point on surface
 * (`[piece, lon, lat]`), and each unit's point on surface with the piece holding it
 * (`[unitId, lon, lat, piece | null]`).
 */
export const SPLIT_UNITS_BY_LINE = /* SQL */ `
  WITH line AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($3), 4326) AS g),
  members AS (
    SELECT u.id, u.geom, ST_PointOnSurface(u.geom) AS point
    FROM jsonb_array_elements_text($2::jsonb) AS m (id)
    JOIN population_units u ON u.region_id = $1 AND u.id = m.id
  ),
  shape AS (SELECT ST_Union(geom) AS g FROM members),
  pieces AS (
    SELECT d.path[1] AS piece, d.geom
    FROM shape, line, ST_Dump(ST_Split(shape.g, line.g)) AS d
  )
  SELECT (SELECT ST_NumGeometries(ST_Multi(g)) FROM shape)::int AS "shapeParts",
         (SELECT count(*) FROM pieces)::int AS "pieceCount",
         (SELECT coalesce(json_agg(json_build_array(p.piece, ST_X(q.point), ST_Y(q.point))), '[]'::json)::text
          FROM pieces p CROSS JOIN LATERAL (SELECT ST_PointOnSurface(p.geom) AS point) q) AS pieces,
         (SELECT coalesce(json_agg(json_build_array(m.id, ST_X(m.point), ST_Y(m.point),
                   (SELECT p.piece FROM pieces p WHERE ST_Intersects(p.geom, m.point) LIMIT 1))), '[]'::json)::text
          FROM members m) AS units`;

/** Every community of scenario $1 as `{id, geometry}` (GeoJSON text, RFC 7946 winding), with the version read. */
export const SCENARIO_COMMUNITY_GEOMETRIES = /* SQL */ `
  SELECT s.version,
         (SELECT coalesce(json_agg(json_build_array(c.id, ST_AsGeoJSON(ST_ForcePolygonCCW(c.geom), 7)) ORDER BY c.id), '[]'::json)::text
          FROM scenario_communities c WHERE c.scenario_id = s.id) AS geometries
  FROM scenarios s WHERE s.id = $1`;

/** Units $2 (`[unitId]`) of region $1 as `[id, geometry]` (GeoJSON text, RFC 7946 winding). */
export const UNIT_GEOMETRIES = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(u.id, ST_AsGeoJSON(ST_ForcePolygonCCW(u.geom), 7)) ORDER BY u.id), '[]'::json)::text
           AS geometries
  FROM population_units u
  WHERE u.region_id = $1 AND u.id IN (SELECT jsonb_array_elements_text($2::jsonb))`;

/** The baseline communities of region $1 as `[id, geometry]` (GeoJSON text). */
export const BASELINE_COMMUNITY_GEOMETRIES = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(g.community_id, ST_AsGeoJSON(ST_ForcePolygonCCW(g.geom), 7)) ORDER BY g.community_id), '[]'::json)::text AS geometries
  FROM baseline_community_geoms g WHERE g.region_id = $1`;

/**
 * Every facility of region $1 as the standards read it: `[id, category, unitId, floor m², land m²,
 * x, y, name, capacity, lon, lat]`, the unit being the one it stands in (else the nearest, so a
 * facility on a road still belongs to a community) and x, y its position in metric SRID $2, meters.
 */
export const REGION_FACILITIES = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(f.id, f.category, coalesce(inside.id, nearest.id),
           f.floor_area_square_meters, f.land_area_square_meters, ST_X(m.geom), ST_Y(m.geom),
           f.name, f.capacity, ST_X(f.geom), ST_Y(f.geom)) ORDER BY f.id),
         '[]'::json)::text AS facilities
  FROM facilities f
  CROSS JOIN LATERAL (SELECT ST_Transform(f.geom, $2::integer) AS geom) m
  LEFT JOIN LATERAL (
    SELECT u.id FROM population_units u
    WHERE u.region_id = f.region_id AND u.geom && f.geom AND ST_Intersects(u.geom, f.geom)
    ORDER BY u.id LIMIT 1
  ) inside ON true
  LEFT JOIN LATERAL (
    SELECT u.id FROM population_units u
    WHERE u.region_id = f.region_id AND inside.id IS NULL
    ORDER BY u.geom <-> f.geom, u.id LIMIT 1
  ) nearest ON true
  WHERE f.region_id = $1`;

/** The region's streets and townships: `[{id, name, kind}]`. */
export const REGION_STREETS = /* SQL */ `
  SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) ORDER BY s.id), '[]'::json)::text
           AS streets
  FROM streets s WHERE s.region_id = $1`;

/** The standards profile region $1 is judged by. */
export const REGION_PROFILE = /* SQL */ `SELECT profile FROM regions WHERE id = $1`;
