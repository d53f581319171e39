/**
 * One FeatureCollection per layer, built in SQL (ST_AsGeoJSON, jsonb_build_object) and returned as
 * text so the route sends it without parsing. $1 is the region id; $2 an optional bbox envelope
 * [west, south, east, north] that keeps only features intersecting it.
 */

const BBOX_FILTER = (geometry: string) =>
  `($2::float8[] IS NULL OR ${geometry} && ST_MakeEnvelope($2[1], $2[2], $2[3], $2[4], 4326))`;

/** Wraps a SELECT of (id, feature jsonb) rows into a FeatureCollection text column `collection`. */
function featureCollection(rows: string): string {
  return `
  SELECT json_build_object('type', 'FeatureCollection',
           'features', coalesce(json_agg(feature ORDER BY sort_key), '[]'::json))::text AS collection
  FROM (${rows}) features`;
}

function feature(id: string, geometry: string, properties: string): string {
  return `json_build_object('type', 'Feature', 'id', ${id}, 'geometry', ST_AsGeoJSON(${geometry}, 6)::json,
            'properties', json_build_object(${properties}))`;
}

export const STREETS_GEOJSON = /* SQL */ featureCollection(`
  SELECT s.id AS sort_key, ${feature(
    's.id',
    's.geom',
    `
    'id', s.id, 'name', s.name, 'nameEn', s.name_en, 'kind', s.kind,
    'communities', (SELECT count(*)::int FROM communities c WHERE c.region_id = s.region_id AND c.street_id = s.id),
    'residents', (SELECT coalesce(sum(c.residents), 0)::int FROM communities c WHERE c.region_id = s.region_id AND c.street_id = s.id)`,
  )} AS feature
  FROM streets s WHERE s.region_id = $1 AND ${BBOX_FILTER('s.geom')}`);

export const COMMUNITIES_GEOJSON = /* SQL */ featureCollection(`
  SELECT c.id AS sort_key, ${feature(
    'c.id',
    'c.geom',
    `
    'id', c.id, 'name', c.name, 'nameEn', c.name_en, 'type', c.type, 'streetId', c.street_id,
    'streetName', s.name, 'residents', c.residents, 'households', c.households,
    'serviceFloorAreaSquareMeters', c.service_floor_area_square_meters, 'staff', c.staff,
    'socialWorkers', c.social_workers, 'grids', c.grids, 'gridWorkers', c.grid_workers,
    'agriculturalLandShare', c.agricultural_land_share, 'developmentProgress', c.development_progress,
    'isTownshipSeat', c.is_township_seat,
    'areaSquareKilometers', round((ST_Area(ST_Transform(c.geom, r.metric_srid)) / 1e6)::numeric, 4)::float8`,
  )} AS feature
  FROM communities c
  JOIN streets s ON s.region_id = c.region_id AND s.id = c.street_id
  JOIN regions r ON r.id = c.region_id
  WHERE c.region_id = $1 AND ${BBOX_FILTER('c.geom')}`);

export const UNITS_GEOJSON = /* SQL */ featureCollection(`
  SELECT u.id AS sort_key, ${feature(
    'u.id',
    'u.geom',
    `
    'id', u.id, 'name', u.name, 'kind', u.kind, 'communityId', u.community_id, 'communityName', c.name,
    'residents', u.residents, 'households', u.households, 'elderly', u.elderly, 'children', u.children,
    'estimated', u.estimated,
    'accessPoint', json_build_array(round(ST_X(u.access_point)::numeric, 6), round(ST_Y(u.access_point)::numeric, 6))`,
  )} AS feature
  FROM population_units u
  JOIN communities c ON c.region_id = u.region_id AND c.id = u.community_id
  WHERE u.region_id = $1 AND ${BBOX_FILTER('u.geom')}`);

export const FACILITIES_GEOJSON = /* SQL */ featureCollection(`
  SELECT f.id AS sort_key, ${feature(
    'f.id',
    'f.geom',
    `
    'id', f.id, 'name', f.name, 'category', f.category, 'communityId', f.community_id, 'communityName', c.name,
    'floorAreaSquareMeters', f.floor_area_square_meters, 'capacity', f.capacity`,
  )} AS feature
  FROM facilities f
  LEFT JOIN communities c ON c.region_id = f.region_id AND c.id = f.community_id
  WHERE f.region_id = $1 AND ${BBOX_FILTER('f.geom')}`);

export const NETWORK_GEOJSON = /* SQL */ featureCollection(`
  SELECT e.id AS sort_key, ${feature(
    'e.id',
    'e.geom',
    `
    'id', e.id, 'source', e.source, 'target', e.target, 'lengthMeters', e.length_meters,
    'class', e.class, 'bridge', e.bridge`,
  )} AS feature
  FROM network_edges e WHERE e.region_id = $1 AND ${BBOX_FILTER('e.geom')}`);

export const WATER_GEOJSON = /* SQL */ featureCollection(`
  SELECT w.id AS sort_key, ${feature('w.id', 'w.geom', `'id', w.id, 'name', w.name, 'kind', w.kind`)} AS feature
  FROM water w WHERE w.region_id = $1 AND ${BBOX_FILTER('w.geom')}`);

/** The layers served at GET /api/regions/:region/:layer — the whitelist of layer names. */
export const LAYER_GEOJSON = {
  streets: STREETS_GEOJSON,
  communities: COMMUNITIES_GEOJSON,
  facilities: FACILITIES_GEOJSON,
  units: UNITS_GEOJSON,
  network: NETWORK_GEOJSON,
  water: WATER_GEOJSON,
} as const;
export type LayerName = keyof typeof LAYER_GEOJSON;
