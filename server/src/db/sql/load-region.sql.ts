/**
 * SQL that writes a region folder into the database. Each statement takes the region id as $1 and
 * a GeoJSON feature array (jsonb) as $2, so one round trip inserts a batch of a layer's features
 * (load-region.ts, LOAD_BATCH_FEATURES: a jsonb value is limited to 256 MB).
 */

/** Rows (feature index, id, reason) for features whose geometry PostGIS finds invalid. */
export const INVALID_GEOMETRIES = /* SQL */ `
  SELECT (t.ordinality - 1)::int AS "featureIndex",
         t.feature -> 'properties' ->> 'id' AS id,
         ST_IsValidReason(ST_GeomFromGeoJSON(t.feature ->> 'geometry')) AS reason
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t (feature, ordinality)
  WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(t.feature ->> 'geometry'))`;

export const DELETE_REGION = /* SQL */ `DELETE FROM regions WHERE id = $1`;

export const INSERT_REGION = /* SQL */ `
  INSERT INTO regions (id, name, name_en, synthetic, metric_srid, attribution, source, profile)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

import { surveyedColumnList, surveyedValuesFrom } from './community-figures.sql.js';

const GEOMETRY = `ST_SetSRID(ST_GeomFromGeoJSON(f ->> 'geometry'), 4326)`;
const MULTI_POLYGON = `ST_Multi(${GEOMETRY})`;
const property = (name: string) => `f -> 'properties' ->> '${name}'`;

export const INSERT_STREETS = /* SQL */ `
  INSERT INTO streets (region_id, id, name, name_en, kind, geom)
  SELECT $1, ${property('id')}, ${property('name')}, ${property('nameEn')}, ${property('kind')}, ${MULTI_POLYGON}
  FROM jsonb_array_elements($2::jsonb) AS f`;

export const INSERT_COMMUNITIES = /* SQL */ `
  INSERT INTO communities (region_id, id, street_id, name, name_en, type, residents, households,
    is_township_seat, ${surveyedColumnList()}, geom)
  SELECT $1, ${property('id')}, ${property('streetId')}, ${property('name')}, ${property('nameEn')},
    ${property('type')}, (${property('residents')})::int, (${property('households')})::int,
    coalesce((${property('isTownshipSeat')})::boolean, false), ${surveyedValuesFrom(property)}, ${MULTI_POLYGON}
  FROM jsonb_array_elements($2::jsonb) AS f`;

export const INSERT_POPULATION_UNITS = /* SQL */ `
  INSERT INTO population_units (region_id, id, community_id, name, kind, residents, households,
    elderly, children, estimated, access_point, geom)
  SELECT $1, ${property('id')}, ${property('communityId')}, ${property('name')}, ${property('kind')},
    (${property('residents')})::int, (${property('households')})::int, (${property('elderly')})::int,
    (${property('children')})::int, coalesce((${property('estimated')})::boolean, false),
    ST_SetSRID(ST_MakePoint((f -> 'properties' -> 'accessPoint' ->> 0)::float8,
                            (f -> 'properties' -> 'accessPoint' ->> 1)::float8), 4326),
    ${MULTI_POLYGON}
  FROM jsonb_array_elements($2::jsonb) AS f`;

export const INSERT_FACILITIES = /* SQL */ `
  INSERT INTO facilities (region_id, id, name, category, community_id, floor_area_square_meters,
    land_area_square_meters, capacity, geom)
  SELECT $1, ${property('id')}, ${property('name')}, ${property('category')}, ${property('communityId')},
    (${property('floorAreaSquareMeters')})::float8, (${property('landAreaSquareMeters')})::float8,
    (${property('capacity')})::int, ${GEOMETRY}
  FROM jsonb_array_elements($2::jsonb) AS f`;

/** Network nodes are the end points of the edges: $2 is an array of {id, lon, lat}. */
export const INSERT_NETWORK_NODES = /* SQL */ `
  INSERT INTO network_nodes (region_id, id, geom)
  SELECT $1, (n ->> 'id')::bigint, ST_SetSRID(ST_MakePoint((n ->> 'lon')::float8, (n ->> 'lat')::float8), 4326)
  FROM jsonb_array_elements($2::jsonb) AS n`;

export const INSERT_NETWORK_EDGES = /* SQL */ `
  INSERT INTO network_edges (region_id, id, source, target, length_meters, class, bridge, geom)
  SELECT $1, (${property('id')})::bigint, (${property('source')})::bigint, (${property('target')})::bigint,
    (${property('lengthMeters')})::float8, ${property('class')},
    coalesce((${property('bridge')})::boolean, false), ${GEOMETRY}
  FROM jsonb_array_elements($2::jsonb) AS f`;

export const INSERT_WATER = /* SQL */ `
  INSERT INTO water (region_id, id, name, kind, geom)
  SELECT $1, ${property('id')}, ${property('name')}, ${property('kind')}, ${MULTI_POLYGON}
  FROM jsonb_array_elements($2::jsonb) AS f`;

/**
 * Fresh planner statistics for the layer tables: the embedded database has no autovacuum, and
 * without statistics the planner sorts a region's whole network for each nearest-edge search
 * instead of walking the spatial index (minutes instead of a second for 5 000 units). ~0.1 s.
 */
export const ANALYZE_LAYER_TABLES = /* SQL */ `ANALYZE streets, communities, population_units, facilities, network_nodes, network_edges, water`;
