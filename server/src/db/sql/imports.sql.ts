/**
 * SQL of imports (issue 5). The features of one import sit in a temporary table for the length of
 * its check (`import_features`, dropped when the preview's session or the commit's transaction
 * ends; a rolled-back transaction takes it with it), where PostGIS judges and
 * repairs their geometry, finds the street or community each lies in, and from where they are
 * written. Bulk values travel as one jsonb parameter; layer tables are named only from the
 * whitelists below.
 */

import type { ImportLayer } from '../../../../core/import/import-layers.js';
import {
  surveyedColumnList,
  surveyedExcludedAssignments,
  surveyedValuesFrom,
} from './community-figures.sql.js';

/**
 * Property `name` of import feature `f` as text (propJson: as json): the value the check derived
 * (`f.patch`) where it derived one, else the file's (`f.props`), as `props || patch` would read.
 */
function propText(name: string): string {
  return `(CASE WHEN f.patch ? '${name}' THEN f.patch ->> '${name}' ELSE f.props ->> '${name}' END)`;
}
function propJson(name: string): string {
  return `(CASE WHEN f.patch ? '${name}' THEN f.patch -> '${name}' ELSE f.props -> '${name}' END)`;
}

// --- stored previews and remembered mappings ---------------------------------------------------------

export const INSERT_IMPORT = /* SQL */ `
  INSERT INTO imports (id, region_id, layer, file_name, file_bytes, options)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb)`;

/** A preview's upload $2 (gzipped), stored after its answer. */
export const SET_IMPORT_FILE = /* SQL */ `UPDATE imports SET file_bytes = $2 WHERE id = $1 AND status = 'previewed'`;

export const GET_IMPORT = /* SQL */ `
  SELECT id, region_id AS "regionId", layer, file_name AS "fileName", file_bytes AS "fileBytes",
         options::text AS options, status, report::text AS report
  FROM imports WHERE id = $1`;

/** Locks a stored preview for its commit (a second commit waits, then sees it committed). */
export const LOCK_IMPORT = /* SQL */ `SELECT status FROM imports WHERE id = $1 FOR UPDATE`;

export const MARK_IMPORT_COMMITTED = /* SQL */ `
  UPDATE imports SET status = 'committed', committed_at = now(), file_bytes = NULL, report = $2::jsonb,
         options = $3::jsonb
  WHERE id = $1`;

/** Previews older than $1 hours are forgotten (their files can be large), with their staged features. */
export const DELETE_EXPIRED_IMPORTS = /* SQL */ `
  DELETE FROM imports WHERE status = 'previewed' AND created_at < now() - make_interval(hours => $1::int)`;

/** A preview cancelled: forgotten with its file and staged features (a committed import keeps its report). */
export const DELETE_PREVIEW = /* SQL */ `DELETE FROM imports WHERE id = $1 AND status = 'previewed'`;

// --- staged features (migration 009) -------------------------------------------------------------------

/**
 * $2 = `[{ordinal, props, patch}]` (IMPORT_FEATURES_PER_STATEMENT at a time): the properties, which
 * a preview's check loaded without (read as jsonb they were a quarter of its time, issue 13), and
 * what the check derived, staged with the checked geometry.
 */
export const STAGE_IMPORT_FEATURES = /* SQL */ `
  INSERT INTO import_staged_features (import_id, ordinal, id, props, patch, geom)
  SELECT $1, i.ordinal, i.id, d.props, d.patch, i.geom
  FROM json_to_recordset($2::json) AS d (ordinal integer, props jsonb, patch jsonb)
  JOIN import_features i ON i.ordinal = d.ordinal`;

/**
 * $2 = what the commit needs besides the features (server/src/imports/import-staging.ts, StagedImport).
 * No row back: the preview was cancelled or its region loaded again meanwhile (by another process).
 */
export const SET_IMPORT_STAGED = /* SQL */ `UPDATE imports SET staged = $2::jsonb WHERE id = $1 RETURNING id`;

export const GET_IMPORT_STAGED = /* SQL */ `
  SELECT staged::text AS staged, (SELECT count(*) FROM import_staged_features s WHERE s.import_id = i.id)::int AS rows
  FROM imports i WHERE i.id = $1`;

/**
 * Earlier previews of the same region ($1) and layer ($2) than $3 give up their staged features (a
 * wizard previews again on every change of a choice); they still commit from their stored file.
 * `staged` is cleared first: the UPDATE waits for a commit holding the preview's row (LOCK_IMPORT,
 * perhaps in another app process), and a commit locking it afterwards finds no staging and checks
 * the file, so no commit reads staged rows while they are deleted.
 */
export const UNSTAGE_EARLIER_PREVIEWS = [
  /* SQL */ `UPDATE imports SET staged = NULL WHERE region_id = $1 AND layer = $2 AND id <> $3 AND staged IS NOT NULL`,
  /* SQL */ `DELETE FROM import_staged_features s USING imports i
    WHERE i.id = s.import_id AND i.region_id = $1 AND i.layer = $2 AND i.id <> $3`,
] as const;

/** A committed import's staged features go (the commit wrote them, or checked the file again). */
export const UNSTAGE_IMPORT = [
  /* SQL */ `DELETE FROM import_staged_features WHERE import_id = $1`,
  /* SQL */ `UPDATE imports SET staged = NULL WHERE id = $1`,
] as const;

/**
 * A commit from staged features reads them as import_features, so that the writes are the same as
 * after a check; a temporary view of one preview's rows (`importId` is the stored preview's own
 * id, quoted here as a literal since a view takes no parameters).
 */
export const STAGED_IMPORT_FEATURES_VIEW = (importId: string) => /* SQL */ `
  CREATE TEMPORARY VIEW import_features AS
  SELECT ordinal, id, props, patch, geom FROM import_staged_features WHERE import_id = '${importId.replace(/'/g, "''")}'`;

export const DROP_STAGED_IMPORT_FEATURES_VIEW = /* SQL */ `DROP VIEW IF EXISTS pg_temp.import_features`;

/** Each staged unit `[[id, communityId, pointOnSurface]]`, for the scenario plan. */
export const STAGED_UNITS = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(f.id, ${propText('communityId')}, ${propJson('pointOnSurface')}) ORDER BY f.ordinal), '[]'::json)::text AS units
  FROM import_features f`;

export const REMEMBERED_MAPPING = /* SQL */ `
  SELECT mapping::text AS mapping, value_map::text AS "valueMap", region_id AS "regionId"
  FROM import_mappings WHERE layer = $2 ORDER BY (region_id = $1) DESC, updated_at DESC LIMIT 20`;

export const SAVE_MAPPING = /* SQL */ `
  INSERT INTO import_mappings (region_id, layer, mapping, value_map, file_name)
  VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
  ON CONFLICT (region_id, layer) DO UPDATE SET mapping = EXCLUDED.mapping, value_map = EXCLUDED.value_map,
    file_name = EXCLUDED.file_name, updated_at = now()`;

// --- the region as the import finds it ----------------------------------------------------------------

/** The region row, locked so two imports into one region run one after the other. */
export const LOCK_REGION = /* SQL */ `
  SELECT id, name, metric_srid AS "metricSrid", source, created_at::text AS stamp FROM regions WHERE id = $1 FOR UPDATE`;

/** The region row as LOCK_REGION reads it, without locking it (a preview: scenario writes go on meanwhile). */
export const READ_REGION = /* SQL */ `
  SELECT id, name, metric_srid AS "metricSrid", source, created_at::text AS stamp FROM regions WHERE id = $1`;

/** Whether region $1 has a walking network (a region being built, or not yet made, has none). */
export const REGION_HAS_NETWORK = /* SQL */ `
  SELECT EXISTS (SELECT 1 FROM network_edges WHERE region_id = $1) AS "hasNetwork"`;

/** The region's stored extent over every layer, `[west, south, east, north]`; nulls when it has no geometry. */
export { REGION_EXTENT } from './regions.sql.js';

export const LAYER_COUNTS = /* SQL */ `
  SELECT (SELECT count(*) FROM streets WHERE region_id = $1)::int AS streets,
         (SELECT count(*) FROM communities WHERE region_id = $1)::int AS communities,
         (SELECT count(*) FROM population_units WHERE region_id = $1)::int AS units,
         (SELECT count(*) FROM facilities WHERE region_id = $1)::int AS facilities,
         (SELECT count(*) FROM network_edges WHERE region_id = $1)::int AS network`;

/** Ids (and names) of a layer's features, as one JSON text `[[id, name], …]`. */
export const LAYER_IDS = {
  streets: /* SQL */ `SELECT coalesce(json_agg(json_build_array(id, name) ORDER BY id), '[]'::json)::text AS ids FROM streets WHERE region_id = $1`,
  communities: /* SQL */ `SELECT coalesce(json_agg(json_build_array(id, name) ORDER BY id), '[]'::json)::text AS ids FROM communities WHERE region_id = $1`,
  units: /* SQL */ `SELECT coalesce(json_agg(json_build_array(id, name) ORDER BY id), '[]'::json)::text AS ids FROM population_units WHERE region_id = $1`,
  facilities: /* SQL */ `SELECT coalesce(json_agg(json_build_array(id, name) ORDER BY id), '[]'::json)::text AS ids FROM facilities WHERE region_id = $1`,
} as const;

// --- the features of this import ---------------------------------------------------------------------

export const CREATE_IMPORT_FEATURES = /* SQL */ `
  CREATE TEMPORARY TABLE import_features (
    ordinal integer PRIMARY KEY,
    id text NOT NULL,
    -- Null in a preview's check, which reads none of them (staging loads them after its answer).
    props jsonb,
    -- Always null here; a staged commit's view (STAGED_IMPORT_FEATURES_VIEW) has the staged patches.
    patch jsonb,
    geom geometry NOT NULL,
    valid boolean NOT NULL DEFAULT true,
    repaired boolean NOT NULL DEFAULT false
  )`;

/** Drops this connection's import_features and import_patches, if any (a preview's session ends with it; a commit's transaction too). */
export const DROP_IMPORT_FEATURES = /* SQL */ `DROP TABLE IF EXISTS pg_temp.import_features, pg_temp.import_patches, pg_temp.import_written_units`;

/**
 * $1 = `[{ordinal, id, props, ewkb, geometry}]` (`props` left out by a preview), a few thousand at a time
 * (IMPORT_FEATURES_PER_STATEMENT): each geometry in WGS 84 as hex EWKB (server/src/imports/ewkb.ts;
 * read by the geometry type's text input, which checks nothing, as ST_GeomFromGeoJSON) or, where
 * it has none, as GeoJSON. Read as json, not jsonb: building jsonb of what is only passed on was
 * work thrown away. EWKB took half the time of GeoJSON for a county's 99 200 units (issue 13).
 */
export const LOAD_IMPORT_FEATURES = /* SQL */ `
  INSERT INTO import_features (ordinal, id, props, geom)
  SELECT d.ordinal, d.id, d.props,
         CASE WHEN d.ewkb IS NOT NULL THEN d.ewkb::geometry ELSE ST_SetSRID(ST_GeomFromGeoJSON(d.geometry), 4326) END
  FROM json_to_recordset($1::json) AS d (ordinal integer, id text, props jsonb, ewkb text, geometry text)`;

/**
 * Rows per statement when loading or patching import features: one statement for 99 200 units
 * held a 60 MB parameter and its parsed form at once and took twice as long as 5 000-row pieces.
 */
export const IMPORT_FEATURES_PER_STATEMENT = 5000;

export const INDEX_IMPORT_FEATURES = /* SQL */ `CREATE INDEX ON import_features USING gist (geom)`;

/** Marks and lists the features PostGIS finds invalid, with its reason (e.g. "Self-intersection[109.7 28.3]"). */
export const FLAG_INVALID_FEATURES = /* SQL */ `
  UPDATE import_features SET valid = false WHERE NOT ST_IsValid(geom)
  RETURNING ordinal, ST_IsValidReason(geom) AS reason`;

/**
 * Repairs the invalid features with ST_MakeValid, keeping their polygons ($1 = metric SRID for the
 * area): how many parts and how much area each has afterwards, and whether anything is left.
 */
export const REPAIR_INVALID_FEATURES = /* SQL */ `
  UPDATE import_features
  SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)), repaired = true
  WHERE NOT valid
  RETURNING ordinal, ST_NumGeometries(geom)::int AS parts, ST_IsEmpty(geom) AS empty, ST_IsValid(geom) AS "validNow",
            CASE WHEN ST_IsEmpty(geom) THEN 0 ELSE ST_Area(ST_Transform(geom, $1::integer)) END::float8 AS "areaSquareMeters"`;

export const MARK_REPAIRED_VALID = /* SQL */ `UPDATE import_features SET valid = ST_IsValid(geom) AND NOT ST_IsEmpty(geom) WHERE repaired`;

/** The repaired geometries as GeoJSON, for the preview map. */
export const REPAIRED_GEOMETRIES = /* SQL */ `
  SELECT ordinal, ST_AsGeoJSON(geom, 9) AS geometry FROM import_features WHERE repaired AND valid`;

/**
 * For each valid import feature, the feature of layer table `parent` it lies in: the one holding its
 * point on surface, else the one it overlaps most, else the nearest with the distance in metres.
 */
function parentOfImportFeatures(parent: 'streets' | 'communities'): string {
  return /* SQL */ `
  SELECT f.ordinal, coalesce(inside.id, overlap.id, nearest.id) AS "parentId",
         CASE WHEN inside.id IS NOT NULL THEN 'inside' WHEN overlap.id IS NOT NULL THEN 'overlap'
              WHEN nearest.id IS NOT NULL THEN 'nearest' END AS how,
         nearest.meters::float8 AS meters
  FROM import_features f
  CROSS JOIN LATERAL (SELECT ST_PointOnSurface(f.geom) AS p) s
  LEFT JOIN LATERAL (
    SELECT t.id FROM ${parent} t
    WHERE t.region_id = $1 AND t.geom && s.p AND ST_Intersects(t.geom, s.p) ORDER BY t.id LIMIT 1) inside ON true
  LEFT JOIN LATERAL (
    SELECT t.id FROM ${parent} t
    WHERE inside.id IS NULL AND ST_Dimension(f.geom) = 2 AND t.region_id = $1 AND t.geom && f.geom AND ST_Intersects(t.geom, f.geom)
    ORDER BY ST_Area(ST_Intersection(t.geom, f.geom)) DESC, t.id LIMIT 1) overlap ON true
  LEFT JOIN LATERAL (
    SELECT t.id, ST_Distance(t.geom::geography, s.p::geography) AS meters FROM ${parent} t
    WHERE inside.id IS NULL AND overlap.id IS NULL AND t.region_id = $1 AND t.geom IS NOT NULL
    ORDER BY t.geom <-> s.p, t.id LIMIT 1) nearest ON true
  WHERE f.valid`;
}
export const STREET_OF_IMPORT_FEATURES = /* SQL */ parentOfImportFeatures('streets');
export const COMMUNITY_OF_IMPORT_FEATURES = /* SQL */ parentOfImportFeatures('communities');

/** The same search for the region's existing children ($1 region) among the import's features. */
function importFeatureOf(
  children: string,
  childGeometry: string,
  childId: string,
  childFrom: string,
): string {
  return /* SQL */ `
  SELECT ${childId} AS "childId", ${childFrom} AS "from", coalesce(inside.id, overlap.id, nearest.id) AS "to",
         CASE WHEN inside.id IS NOT NULL THEN 'inside' WHEN overlap.id IS NOT NULL THEN 'overlap'
              WHEN nearest.id IS NOT NULL THEN 'nearest' END AS how,
         nearest.meters::float8 AS meters
  FROM ${children}
  CROSS JOIN LATERAL (SELECT ${childGeometry} AS g) c
  CROSS JOIN LATERAL (SELECT ST_PointOnSurface(c.g) AS p) s
  LEFT JOIN LATERAL (
    SELECT f.id FROM import_features f WHERE f.valid AND f.geom && s.p AND ST_Intersects(f.geom, s.p) ORDER BY f.ordinal LIMIT 1) inside ON true
  LEFT JOIN LATERAL (
    SELECT f.id FROM import_features f
    WHERE inside.id IS NULL AND f.valid AND f.geom && c.g AND ST_Intersects(f.geom, c.g)
    ORDER BY ST_Area(ST_Intersection(f.geom, c.g)) DESC, f.ordinal LIMIT 1) overlap ON true
  LEFT JOIN LATERAL (
    SELECT f.id, ST_Distance(f.geom::geography, s.p::geography) AS meters FROM import_features f
    WHERE inside.id IS NULL AND overlap.id IS NULL AND f.valid ORDER BY f.geom <-> s.p, f.ordinal LIMIT 1) nearest ON true`;
}

/** Each unit of region $1 and the new community (an import feature) it falls in. */
export const UNITS_IN_NEW_COMMUNITIES = /* SQL */ `${importFeatureOf(
  'population_units u',
  'u.geom',
  'u.id',
  'u.community_id',
)} WHERE u.region_id = $1 ORDER BY u.id`;

/** Each community of region $1 (its own polygon, else the union of its units) and the new street it falls in. */
export const COMMUNITIES_IN_NEW_STREETS = /* SQL */ `${importFeatureOf(
  'communities k',
  `coalesce(k.geom, (SELECT ST_Union(u.geom) FROM population_units u WHERE u.region_id = k.region_id AND u.community_id = k.id))`,
  'k.id',
  'k.street_id',
)} WHERE k.region_id = $1 AND (k.geom IS NOT NULL OR EXISTS (SELECT 1 FROM population_units u WHERE u.region_id = k.region_id AND u.community_id = k.id)) ORDER BY k.id`;

/** Scenario communities of the region's scenarios that the baseline lacks, and the new street each falls in. */
export const SCENARIO_COMMUNITIES_IN_NEW_STREETS = /* SQL */ `${importFeatureOf(
  'scenario_communities k JOIN scenarios sc ON sc.id = k.scenario_id',
  'k.geom',
  `k.scenario_id || '/' || k.id`,
  'k.street_id',
)} WHERE sc.region_id = $1 AND k.geom IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM communities b WHERE b.region_id = $1 AND b.id = k.id)
  ORDER BY k.scenario_id, k.id`;

/**
 * The edges of region $1 nearest a point, by the index's planar distance in degrees (a few, so that
 * the caller picks the truly nearest in metres: a degree of longitude is shorter than one of latitude).
 */
const NEAREST_EDGES = (point: string) => `
  SELECT e.id, e.geom FROM network_edges e WHERE e.region_id = $1 ORDER BY e.geom <-> ${point} LIMIT 8`;

/**
 * Planar distance with longitudes shrunk by the cosine of the point's latitude: proportional to
 * metres at city scale, and far cheaper than geography distance for ranking a few candidates.
 */
const LOCAL_DISTANCE = (geometry: string, point: string) =>
  `ST_Distance(ST_Scale(${geometry}, cos(radians(ST_Y(${point}))), 1), ST_Scale(${point}, cos(radians(ST_Y(${point}))), 1))`;

/**
 * The point on surface of each valid import feature; where it steps onto the network is found in
 * memory (server/src/imports/network-snapper.ts). A unit of region $1 stored with exactly this
 * geometry answers its stored access point too, which it keeps: snapped again it would differ by
 * a hair, and every unit of a file repeating the layer would count as changed (a county's 99 200
 * rows rewritten and every scenario outline recomputed, issue 13). One JSON text of
 * `[ordinal, lon, lat, keptLon, keptLat]` (the kept ones null when none): 99 200 rows took the
 * embedded database twice as long to hand over.
 */
export const POINTS_ON_SURFACE_OF_IMPORT_FEATURES = /* SQL */ `
  SELECT coalesce(json_agg(json_build_array(f.ordinal, ST_X(s.p), ST_Y(s.p), ST_X(u.access_point), ST_Y(u.access_point))), '[]')::text AS points
  FROM import_features f
  CROSS JOIN LATERAL (SELECT ST_PointOnSurface(f.geom) AS p) s
  LEFT JOIN population_units u
    ON u.region_id = $1 AND u.id = f.id AND u.access_point IS NOT NULL AND u.geom = ST_Multi(f.geom)
  WHERE f.valid`;

/**
 * What checking derived for the features (communityId, accessPoint, …), kept beside them for the
 * commit's writes: only a commit stores it, and rather than rewriting 99 200 rows of
 * import_features with `props || patch` (22 s of a units preview on the embedded database), the
 * writes read the two joined (PATCHED_IMPORT_FEATURES).
 */
export const CREATE_IMPORT_PATCHES = /* SQL */ `
  CREATE TEMPORARY TABLE import_patches (ordinal integer PRIMARY KEY, patch jsonb NOT NULL)`;

/** $1 = `[{ordinal, patch}]` (IMPORT_FEATURES_PER_STATEMENT at a time). */
export const LOAD_IMPORT_PATCHES = /* SQL */ `
  INSERT INTO import_patches (ordinal, patch)
  SELECT d.ordinal, d.patch FROM json_to_recordset($1::json) AS d (ordinal integer, patch jsonb)`;

/**
 * import_features with their patches (a check's import_patches, else a staged row's own) beside
 * their properties, as the writes read them through prop: merging the two (`props || patch`) built
 * a new jsonb value per row, seconds for a county's units.
 */
const PATCHED_IMPORT_FEATURES = /* SQL */ `(
  SELECT i.ordinal, i.id, i.geom, i.props, coalesce(p.patch, i.patch) AS patch
  FROM import_features i LEFT JOIN import_patches p ON p.ordinal = i.ordinal)`;

// --- writing -----------------------------------------------------------------------------------------

export const INSERT_REGION = /* SQL */ `
  INSERT INTO regions (id, name, name_en, synthetic, metric_srid, attribution, source)
  VALUES ($1, $2, $3, false, $4, $6, $5)`;

/** A layer from OpenStreetMap brings its licence's attribution ($2) to a region that has none yet. */
export const ADD_ATTRIBUTION = /* SQL */ `
  UPDATE regions SET attribution = CASE
    WHEN attribution IS NULL OR attribution = '' THEN $2
    WHEN position($2 IN attribution) > 0 THEN attribution
    ELSE attribution || '; ' || $2 END
  WHERE id = $1`;

const prop = (name: string) => propText(name);
const MULTI = 'ST_Multi(f.geom)';

export const UPSERT_STREETS = /* SQL */ `
  INSERT INTO streets (region_id, id, name, name_en, kind, geom)
  SELECT $1, f.id, ${prop('name')}, ${prop('nameEn')}, ${prop('kind')}, ${MULTI}
  FROM ${PATCHED_IMPORT_FEATURES} f ORDER BY f.ordinal
  ON CONFLICT (region_id, id) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind, geom = EXCLUDED.geom`;

/** One street ($2 id, $3 name) covering the imported communities, for a region without streets. */
export const INSERT_WHOLE_REGION_STREET = /* SQL */ `
  INSERT INTO streets (region_id, id, name, name_en, kind, geom)
  SELECT $1, $2, $3, NULL, 'street', ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(f.geom)), 3))
  FROM import_features f`;

export const UPSERT_COMMUNITIES = /* SQL */ `
  INSERT INTO communities (region_id, id, street_id, name, name_en, type, residents, households,
    is_township_seat, ${surveyedColumnList()}, geom)
  SELECT $1, f.id, ${prop('streetId')}, ${prop('name')}, ${prop('nameEn')}, ${prop('type')},
    coalesce(${prop('residents')}::int, 0), coalesce(${prop('households')}::int, 0),
    coalesce(${prop('isTownshipSeat')}::boolean, false), ${surveyedValuesFrom(prop)}, ${MULTI}
  FROM ${PATCHED_IMPORT_FEATURES} f ORDER BY f.ordinal
  ON CONFLICT (region_id, id) DO UPDATE SET street_id = EXCLUDED.street_id, name = EXCLUDED.name,
    name_en = EXCLUDED.name_en, type = EXCLUDED.type, residents = EXCLUDED.residents, households = EXCLUDED.households,
    is_township_seat = EXCLUDED.is_township_seat, ${surveyedExcludedAssignments()}, geom = EXCLUDED.geom`;

const UNIT_COLUMNS = [
  'community_id',
  'name',
  'kind',
  'residents',
  'households',
  'elderly',
  'children',
  'estimated',
  'access_point',
  'geom',
] as const;

/**
 * The units an import wrote (inserted, or updated with something changed), for what depends on them;
 * `reshaped` when its geometry is new or changed (scenario outlines follow only those).
 */
export const CREATE_IMPORT_WRITTEN_UNITS = /* SQL */ `CREATE TEMPORARY TABLE import_written_units (id text PRIMARY KEY, reshaped boolean NOT NULL)`;

/**
 * Units inserted or updated, each id written to import_written_units; a unit the file holds exactly
 * as stored is left as it is (a bureau's new file mostly repeats the last: rewriting 99 200 unchanged
 * rows and their index entries was most of a county's commit on the embedded database). Unchanged
 * units are left out before the upsert, by a read-only join: an ON CONFLICT … WHERE that skips them
 * still locks each row it meets, which writes every page of the table.
 */
export const UPSERT_UNITS = /* SQL */ `
  WITH incoming AS MATERIALIZED (
    SELECT f.ordinal, f.id, ${prop('communityId')} AS community_id, ${prop('name')} AS name, ${prop('kind')} AS kind,
      ${prop('residents')}::int AS residents, ${prop('households')}::int AS households,
      ${prop('elderly')}::int AS elderly, ${prop('children')}::int AS children,
      coalesce(${prop('estimated')}::boolean, false) AS estimated,
      ST_SetSRID(ST_MakePoint((${propJson('accessPoint')} ->> 0)::float8, (${propJson('accessPoint')} ->> 1)::float8), 4326) AS access_point,
      ${MULTI} AS geom
    FROM ${PATCHED_IMPORT_FEATURES} f),
  changed AS (
    SELECT i.*, p.id IS NULL OR p.geom IS DISTINCT FROM i.geom AS reshaped FROM incoming i
    LEFT JOIN population_units p ON p.region_id = $1 AND p.id = i.id
    WHERE p.id IS NULL
       OR (${UNIT_COLUMNS.map((column) => `p.${column}`).join(', ')})
          IS DISTINCT FROM (${UNIT_COLUMNS.map((column) => `i.${column}`).join(', ')})),
  written AS (
    INSERT INTO population_units (region_id, id, ${UNIT_COLUMNS.join(', ')})
    SELECT $1, c.id, ${UNIT_COLUMNS.map((column) => `c.${column}`).join(', ')}
    FROM changed c ORDER BY c.ordinal
    ON CONFLICT (region_id, id) DO UPDATE SET ${UNIT_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
    WHERE (${UNIT_COLUMNS.map((column) => `population_units.${column}`).join(', ')})
      IS DISTINCT FROM (${UNIT_COLUMNS.map((column) => `EXCLUDED.${column}`).join(', ')})
    RETURNING id)
  INSERT INTO import_written_units (id, reshaped) SELECT w.id, c.reshaped FROM written w JOIN changed c ON c.id = w.id`;

/** Whether the import wrote any unit. */
export const ANY_WRITTEN_UNITS = /* SQL */ `SELECT EXISTS (SELECT 1 FROM import_written_units) AS "any"`;

/**
 * The ids of the units whose geometry the import wrote: a new census changes every unit's figures
 * but no outline (recomputing a county's scenario outlines for it took 4 s on the embedded database).
 */
export const RESHAPED_UNITS = /* SQL */ `SELECT coalesce(json_agg(id), '[]'::json)::text AS ids FROM import_written_units WHERE reshaped`;

export const INSERT_FACILITIES = /* SQL */ `
  INSERT INTO facilities (region_id, id, name, category, community_id, floor_area_square_meters,
    land_area_square_meters, capacity, geom)
  SELECT $1, f.id, ${prop('name')}, ${prop('category')}, ${prop('communityId')},
    ${prop('floorAreaSquareMeters')}::float8, ${prop('landAreaSquareMeters')}::float8, ${prop('capacity')}::int, f.geom
  FROM ${PATCHED_IMPORT_FEATURES} f ORDER BY f.ordinal`;

/** Features of a layer table the import does not carry ($1 region), deleted after their dependants moved. */
export const DELETE_VANISHED = {
  streets: /* SQL */ `DELETE FROM streets t WHERE t.region_id = $1 AND NOT EXISTS (SELECT 1 FROM import_features f WHERE f.id = t.id)`,
  communities: /* SQL */ `DELETE FROM communities t WHERE t.region_id = $1 AND NOT EXISTS (SELECT 1 FROM import_features f WHERE f.id = t.id)`,
  units: /* SQL */ `DELETE FROM population_units t WHERE t.region_id = $1 AND NOT EXISTS (SELECT 1 FROM import_features f WHERE f.id = t.id)`,
} as const;

/** Units of region $1 the replacing file does not carry, deleted; answers whether there were any. */
export const DELETE_VANISHED_UNITS = /* SQL */ `
  WITH gone AS (${DELETE_VANISHED.units} RETURNING t.id)
  SELECT EXISTS (SELECT 1 FROM gone) AS "any"`;

/** The layer tables an import of each layer changes, analysed after it (the embedded database has no autovacuum). */
export const ANALYZE_AFTER_IMPORT: Record<ImportLayer, string> = {
  streets: /* SQL */ `ANALYZE streets, communities`,
  communities: /* SQL */ `ANALYZE streets, communities, population_units, facilities`,
  units: /* SQL */ `ANALYZE population_units, communities`,
  facilities: /* SQL */ `ANALYZE facilities`,
  network: /* SQL */ `ANALYZE network_nodes, network_edges, population_units`,
};

export const DELETE_FACILITIES = /* SQL */ `DELETE FROM facilities WHERE region_id = $1`;
export const DELETE_NETWORK_EDGES = /* SQL */ `DELETE FROM network_edges WHERE region_id = $1`;
export const DELETE_NETWORK_NODES = /* SQL */ `DELETE FROM network_nodes WHERE region_id = $1`;

/** $2 = `[{id, to}]`: units moved to the communities of a new community layer. */
export const SET_UNIT_COMMUNITIES = /* SQL */ `
  UPDATE population_units u SET community_id = r."to"
  FROM jsonb_to_recordset($2::jsonb) AS r (id text, "to" text)
  WHERE u.region_id = $1 AND u.id = r.id`;

/** $2 = `[{id, to}]`: communities moved to the streets of a new street layer. */
export const SET_COMMUNITY_STREETS = /* SQL */ `
  UPDATE communities c SET street_id = r."to"
  FROM jsonb_to_recordset($2::jsonb) AS r (id text, "to" text)
  WHERE c.region_id = $1 AND c.id = r.id`;

/** $1 = `[{scenarioId, id, to}]`: scenario communities moved to new streets. */
export const SET_SCENARIO_COMMUNITY_STREETS = /* SQL */ `
  UPDATE scenario_communities c SET street_id = r."to"
  FROM jsonb_to_recordset($1::jsonb) AS r ("scenarioId" text, id text, "to" text)
  WHERE c.scenario_id = r."scenarioId" AND c.id = r.id`;

/** Every community's residents and households as the sums of its units (a region's units are its population). */
export const RECOMPUTE_COMMUNITY_TOTALS = /* SQL */ `
  UPDATE communities c SET residents = t.residents, households = t.households
  FROM (
    SELECT k.id, coalesce(sum(u.residents), 0)::int AS residents, coalesce(sum(u.households), 0)::int AS households
    FROM communities k LEFT JOIN population_units u ON u.region_id = k.region_id AND u.community_id = k.id
    WHERE k.region_id = $1 GROUP BY k.id
  ) t
  WHERE c.region_id = $1 AND c.id = t.id`;

/** Facilities whose community is gone take the community they lie in (or none); the others keep theirs. */
export const REHOME_ORPHAN_FACILITIES = /* SQL */ `
  UPDATE facilities f SET community_id = (
    SELECT c.id FROM communities c WHERE c.region_id = f.region_id AND ST_Intersects(c.geom, f.geom) ORDER BY c.id LIMIT 1)
  WHERE f.region_id = $1 AND f.community_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM communities c WHERE c.region_id = f.region_id AND c.id = f.community_id)
  RETURNING f.id, f.community_id AS "communityId"`;

/** After a new network: every unit steps onto the nearest point of the nearest edge from its point on surface. */
export const RESNAP_ACCESS_POINTS = /* SQL */ `
  UPDATE population_units u SET access_point = coalesce((
    SELECT ST_ClosestPoint(near.geom, ST_PointOnSurface(u.geom)) FROM (${NEAREST_EDGES('ST_PointOnSurface(u.geom)')}) near
    ORDER BY ${LOCAL_DISTANCE('near.geom', 'ST_PointOnSurface(u.geom)')}, near.id LIMIT 1), u.access_point)
  WHERE u.region_id = $1`;

/**
 * What scenarios derive from a region's units and communities, computed again on their next use
 * (server/src/scenarios/region-base.ts): adjacency, baseline community geometry, and the mark that
 * says both are there. Three statements.
 */
export const RESET_SCENARIO_BASE = [
  /* SQL */ `DELETE FROM scenario_region_bases WHERE region_id = $1`,
  /* SQL */ `DELETE FROM unit_adjacency WHERE region_id = $1`,
  /* SQL */ `DELETE FROM baseline_community_geoms WHERE region_id = $1`,
] as const;

/**
 * Marks the region as changed: `created_at` is the load stamp the accessibility and scenario caches
 * compare (so they read it again), and the source records what was imported.
 */
export const TOUCH_REGION = /* SQL */ `
  UPDATE regions SET created_at = clock_timestamp(), source = $2 WHERE id = $1`;

// --- scenarios ------------------------------------------------------------------------------------

export const REGION_SCENARIOS = /* SQL */ `
  SELECT id, name, version FROM scenarios WHERE region_id = $1 ORDER BY created_at, id`;

/** Every scenario's communities `[[scenarioId, communityId, streetId, name]]` and moved units `[[scenarioId, unitId, communityId]]`. */
export const REGION_SCENARIO_STATE = /* SQL */ `
  SELECT
    (SELECT coalesce(json_agg(json_build_array(c.scenario_id, c.id, c.street_id, c.name) ORDER BY c.scenario_id, c.id), '[]'::json)::text
     FROM scenario_communities c JOIN scenarios s ON s.id = c.scenario_id WHERE s.region_id = $1) AS communities,
    (SELECT coalesce(json_agg(json_build_array(a.scenario_id, a.unit_id, a.community_id) ORDER BY a.scenario_id, a.unit_id), '[]'::json)::text
     FROM scenario_assignments a JOIN scenarios s ON s.id = a.scenario_id WHERE s.region_id = $1) AS assignments,
    (SELECT coalesce(json_agg(json_build_array(u.id, u.community_id) ORDER BY u.id), '[]'::json)::text
     FROM population_units u WHERE u.region_id = $1) AS units`;

/**
 * For units a scenario cannot keep in their community (the scenario dissolved it): the scenario's
 * community holding the point, else the nearest. $1 = `[{scenarioId, unitId, lon, lat}]`.
 */
export const PLACE_IN_SCENARIO_COMMUNITIES = /* SQL */ `
  SELECT r."scenarioId", r."unitId", best.id AS "communityId"
  FROM jsonb_to_recordset($1::jsonb) AS r ("scenarioId" text, "unitId" text, lon float8, lat float8)
  CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) AS p) s
  LEFT JOIN LATERAL (
    SELECT sc.id FROM scenario_communities sc
    WHERE sc.scenario_id = r."scenarioId" AND sc.geom IS NOT NULL
    ORDER BY ST_Intersects(sc.geom, s.p) DESC, sc.geom <-> s.p, sc.id LIMIT 1
  ) best ON true`;

export const DELETE_SCENARIO_ASSIGNMENTS = /* SQL */ `DELETE FROM scenario_assignments WHERE scenario_id = ANY($1::text[])`;

/** $1 = `[{scenarioId, unitId, communityId}]`. */
export const INSERT_SCENARIO_ASSIGNMENTS = /* SQL */ `
  INSERT INTO scenario_assignments (scenario_id, unit_id, community_id)
  SELECT r."scenarioId", r."unitId", r."communityId"
  FROM jsonb_to_recordset($1::jsonb) AS r ("scenarioId" text, "unitId" text, "communityId" text)`;

/** $1 = `[{scenarioId, communityId}]`: scenario communities left without units. */
export const DELETE_EMPTY_SCENARIO_COMMUNITIES = /* SQL */ `
  DELETE FROM scenario_communities c
  USING jsonb_to_recordset($1::jsonb) AS r ("scenarioId" text, "communityId" text)
  WHERE c.scenario_id = r."scenarioId" AND c.id = r."communityId"`;

/** Each community of scenarios $1 (text[]) as the union of the units it holds after the import. */
export const RESHAPE_SCENARIO_COMMUNITIES = /* SQL */ `
  WITH shaped AS MATERIALIZED (
    SELECT s.id AS scenario_id, coalesce(a.community_id, u.community_id) AS community_id,
           ST_Multi(ST_CollectionExtract(ST_Union(u.geom), 3)) AS geom
    FROM scenarios s
    JOIN population_units u ON u.region_id = s.region_id
    LEFT JOIN scenario_assignments a ON a.scenario_id = s.id AND a.unit_id = u.id
    WHERE s.id = ANY($1::text[])
    GROUP BY s.id, coalesce(a.community_id, u.community_id)
  )
  UPDATE scenario_communities sc SET geom = shaped.geom
  FROM shaped
  WHERE sc.scenario_id = shaped.scenario_id AND sc.id = shaped.community_id`;

/**
 * Some communities of a scenario as the union of the units each holds after the import, $2 =
 * `[{scenarioId, unitId, communityId}]` listing those units (region $1): the communities units join
 * or leave, or whose units the import wrote, when they are few (the others keep their outline).
 */
export const RESHAPE_SOME_SCENARIO_COMMUNITIES = /* SQL */ `
  WITH shaped AS MATERIALIZED (
    SELECT m."scenarioId" AS scenario_id, m."communityId" AS community_id,
           ST_Multi(ST_CollectionExtract(ST_Union(u.geom), 3)) AS geom
    FROM jsonb_to_recordset($2::jsonb) AS m ("scenarioId" text, "unitId" text, "communityId" text)
    JOIN population_units u ON u.region_id = $1 AND u.id = m."unitId"
    GROUP BY m."scenarioId", m."communityId"
  )
  UPDATE scenario_communities sc SET geom = shaped.geom
  FROM shaped
  WHERE sc.scenario_id = shaped.scenario_id AND sc.id = shaped.community_id`;

/** Scenarios whose stored communities or moves an import changed move to a new version (open editors reload). */
export const ADVANCE_SCENARIO_VERSIONS = /* SQL */ `
  UPDATE scenarios SET version = version + 1, updated_at = now() WHERE id = ANY($1::text[])`;
