/**
 * Polygon work of the OSM import (server/src/imports/osm-region-import.ts), done in PostGIS so that
 * clipping, polygonizing and unions are exact and the region loader's validity check judges what the
 * same engine produced. Every statement reads only its parameters (GeoJSON in jsonb) and writes
 * nothing. Geometry comes back as GeoJSON with 15 decimals, i.e. at full double precision.
 */

const GEOMETRY = (json: string) => `ST_SetSRID(ST_GeomFromGeoJSON(${json}), 4326)`;

/**
 * Cuts the extract's box ($1 = [west, south, east, north]) into faces along boundary lines ($2 =
 * [{wayId, geometry: LineString}]), clipped to the box and noded. Returns one row: `faces` (index,
 * GeoJSON, area in m²); `adjacency`, one entry per stretch of boundary between two faces with the
 * ways along it; and `located`, the face of each point of $3 = [{key, lon, lat}].
 */
export const ADMIN_FACES = /* SQL */ `
  WITH box AS (SELECT ST_MakeEnvelope(($1::float8[])[1], ($1::float8[])[2], ($1::float8[])[3], ($1::float8[])[4], 4326) AS geom),
  lines AS (
    SELECT (l ->> 'wayId')::bigint AS way_id,
           ST_CollectionExtract(ST_Intersection(${GEOMETRY(`l ->> 'geometry'`)}, box.geom), 2) AS geom
    FROM jsonb_array_elements($2::jsonb) AS l, box
  ),
  linework AS (
    SELECT ST_Union(geom) AS geom FROM (
      SELECT ST_Boundary(geom) AS geom FROM box
      UNION ALL SELECT geom FROM lines WHERE NOT ST_IsEmpty(geom)
    ) parts
  ),
  faces AS (
    SELECT d.path[1] - 1 AS face, d.geom
    FROM (SELECT ST_Polygonize(geom) AS geom FROM linework) polygons, ST_Dump(polygons.geom) AS d
  ),
  stretches AS (SELECT d.geom FROM linework, ST_Dump(linework.geom) AS d),
  adjacency AS (
    SELECT beside.faces, along.way_ids
    FROM stretches s
    CROSS JOIN LATERAL (
      SELECT array_agg(f.face ORDER BY f.face) AS faces FROM faces f
      WHERE f.geom && s.geom AND ST_Relate(f.geom, s.geom, '***1*****')
    ) beside
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(l.way_id ORDER BY l.way_id), '{}') AS way_ids FROM lines l
      WHERE l.geom && s.geom AND ST_Relate(s.geom, l.geom, '1********')
    ) along
    WHERE cardinality(beside.faces) = 2
  ),
  points AS (
    SELECT p ->> 'key' AS key, ST_SetSRID(ST_MakePoint((p ->> 'lon')::float8, (p ->> 'lat')::float8), 4326) AS geom
    FROM jsonb_array_elements($3::jsonb) AS p
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object('face', face, 'geometry', ST_AsGeoJSON(geom, 15)::json,
              'areaSquareMeters', ST_Area(geom::geography)) ORDER BY face), '[]'::json) FROM faces) AS faces,
    (SELECT coalesce(json_agg(json_build_object('faces', faces, 'wayIds', way_ids)), '[]'::json) FROM adjacency) AS adjacency,
    (SELECT coalesce(json_agg(json_build_object('key', p.key, 'face', inside.face)), '[]'::json)
     FROM points p
     CROSS JOIN LATERAL (SELECT f.face FROM faces f WHERE ST_Covers(f.geom, p.geom) ORDER BY f.face LIMIT 1) inside) AS located`;

/** Unions geometries by group: $1 = [{group, geometry}] → rows (group, MultiPolygon GeoJSON). */
export const UNION_BY_GROUP = /* SQL */ `
  SELECT g ->> 'group' AS "group", ST_AsGeoJSON(ST_Multi(ST_Union(${GEOMETRY(`g ->> 'geometry'`)})), 15)::json AS geometry
  FROM jsonb_array_elements($1::jsonb) AS g
  GROUP BY g ->> 'group'
  ORDER BY min((g ->> 'order')::int)`;

/**
 * Grid cells (edges at longitudes $2 and latitudes $3) cut by the streets ($1 = [{street, geometry}]):
 * one piece per cell and street, pieces under $4 m² dropped as clipping slivers. Returns one row:
 * `pieces` (column, row, street, GeoJSON, area in m², a point inside), `slivers` (how many were
 * dropped) and `located`, the piece index of each point of $5 = [{key, lon, lat}].
 */
export const UNIT_PIECES = /* SQL */ `
  WITH streets AS (
    SELECT (s ->> 'street')::int AS street, ${GEOMETRY(`s ->> 'geometry'`)} AS geom FROM jsonb_array_elements($1::jsonb) AS s
  ),
  cells AS (
    SELECT i - 1 AS col, j - 1 AS row,
           ST_MakeEnvelope(($2::float8[])[i], ($3::float8[])[j], ($2::float8[])[i + 1], ($3::float8[])[j + 1], 4326) AS geom
    FROM generate_series(1, cardinality($2::float8[]) - 1) AS i, generate_series(1, cardinality($3::float8[]) - 1) AS j
  ),
  cut AS (
    SELECT c.col, c.row, s.street, ST_CollectionExtract(ST_Intersection(s.geom, c.geom), 3) AS geom
    FROM cells c JOIN streets s ON s.geom && c.geom
  ),
  measured AS (SELECT *, ST_Area(geom::geography) AS area FROM cut WHERE NOT ST_IsEmpty(geom)),
  pieces AS (
    SELECT (row_number() OVER (ORDER BY street, row, col) - 1)::int AS piece, * FROM measured WHERE area >= $4
  ),
  points AS (
    SELECT p ->> 'key' AS key, ST_SetSRID(ST_MakePoint((p ->> 'lon')::float8, (p ->> 'lat')::float8), 4326) AS geom
    FROM jsonb_array_elements($5::jsonb) AS p
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object('piece', piece, 'column', col, 'row', row, 'street', street,
              'geometry', ST_AsGeoJSON(geom, 15)::json, 'areaSquareMeters', area,
              'inside', json_build_array(ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom))))
            ORDER BY piece), '[]'::json) FROM pieces) AS pieces,
    (SELECT count(*)::int FROM measured WHERE area < $4) AS slivers,
    (SELECT coalesce(json_agg(json_build_object('key', p.key, 'piece', inside.piece)), '[]'::json)
     FROM points p
     CROSS JOIN LATERAL (SELECT q.piece FROM pieces q WHERE q.geom && p.geom AND ST_Covers(q.geom, p.geom) ORDER BY q.piece LIMIT 1) inside) AS located`;

/**
 * Water areas from OSM rings: $1 = [{id, geometry: MultiLineString of the member ways}] → rows (id,
 * a valid (Multi)Polygon GeoJSON or null when the lines close no ring).
 */
export const WATER_AREAS = /* SQL */ `
  SELECT w ->> 'id' AS id,
         CASE WHEN ST_IsEmpty(area) THEN NULL ELSE ST_AsGeoJSON(area, 15)::json END AS geometry
  FROM jsonb_array_elements($1::jsonb) AS w
  CROSS JOIN LATERAL (
    SELECT ST_CollectionExtract(ST_MakeValid(coalesce(ST_BuildArea(${GEOMETRY(`w ->> 'geometry'`)}), 'POLYGON EMPTY'::geometry)), 3) AS area
  ) built`;
