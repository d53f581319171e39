/**
 * Regions and their layers: what the region operations read and answer. The layers' properties
 * mirror server/src/db/sql/layers.sql.ts, which builds each FeatureCollection in SQL.
 */

import { z } from 'zod';
import { EDGE_CLASSES } from '../core/network/edge-classes.js';
import { COMMUNITY_TYPE_IDS } from '../core/standards/community-types.js';
import { FACILITY_CATEGORY_IDS } from '../core/standards/facility-categories.js';
import {
  bboxSchema,
  DATABASE_UNAVAILABLE,
  downloadResponse,
  exportFormatSchema,
  featureCollectionSchema,
  featureSchema,
  jsonResponse,
  lineStringSchema,
  multiPolygonSchema,
  pointSchema,
  positionSchema,
  regionParams,
} from './common.js';
import { defineOperation } from './operation.js';
import { refuse } from './validation.js';
import { communitiesExportCollectionSchema } from './scenarios.js';
import { judgingQuery, profileIdSchema, surveyedFiguresShape } from './standards.js';

export const regionSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    bbox: bboxSchema
      .nullable()
      .meta({ description: 'Extent of its streets, network and units, degrees; null when empty' }),
    synthetic: z.boolean().meta({ description: 'True for generated demo data' }),
    metricSrid: z
      .number()
      .int()
      .meta({ description: 'EPSG code of the projection areas and lengths are measured in' }),
    attribution: z.string().nullable(),
    profile: profileIdSchema.meta({
      description: 'The standards profile the region is judged by (a new region starts with national)',
    }),
    dataLoadedAt: z.string().meta({
      description:
        'ISO 8601 timestamp of when its data was last loaded or an import into it committed (the data date)',
    }),
  })
  .meta({ id: 'Region' });

export const regionListSchema = z.array(regionSchema);

const count = z.number().int().nullable();

export const streetsLayerSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      kind: z.enum(['street', 'township']),
      communities: z.number().int(),
      residents: z.number().int().meta({ description: 'Sum of its communities’ residents' }),
    }),
    multiPolygonSchema,
    z.string(),
  ),
).meta({ id: 'StreetsLayer' });

export const communitiesLayerSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      type: z.enum(COMMUNITY_TYPE_IDS),
      streetId: z.string(),
      streetName: z.string(),
      residents: z.number().int(),
      households: z.number().int(),
      isTownshipSeat: z.boolean(),
      ...surveyedFiguresShape,
      areaSquareKilometers: z
        .number()
        .meta({ description: 'In the region’s metric projection, to 0.0001 km²' }),
    }),
    multiPolygonSchema.nullable(),
    z.string(),
  ),
).meta({ id: 'CommunitiesLayer' });

export const unitsLayerSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string().nullable(),
      kind: z.enum(['estate', 'block', 'hamlet', 'open', 'building', 'grid']),
      communityId: z.string(),
      communityName: z.string(),
      residents: z.number().int(),
      households: z.number().int(),
      elderly: count,
      children: count,
      estimated: z
        .boolean()
        .meta({ description: 'Residents estimated (e.g. from buildings) rather than counted' }),
      accessPoint: positionSchema.meta({
        description: 'Where its residents step onto the walking network, [lon, lat]',
      }),
    }),
    multiPolygonSchema,
    z.string(),
  ),
).meta({ id: 'UnitsLayer' });

export const facilitiesLayerSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      category: z
        .enum(FACILITY_CATEGORY_IDS)
        .meta({ description: 'A facility category id (core/standards facility-categories.ts)' }),
      communityId: z.string().nullable(),
      communityName: z.string().nullable(),
      floorAreaSquareMeters: z.number().nullable(),
      landAreaSquareMeters: z.number().nullable(),
      capacity: count,
    }),
    pointSchema,
    z.string(),
  ),
).meta({ id: 'FacilitiesLayer' });

export const networkLayerSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.number().int(),
      source: z.number().int().meta({ description: 'Node id at the start of the line' }),
      target: z.number().int(),
      lengthMeters: z.number(),
      class: z
        .enum(EDGE_CLASSES)
        .meta({ description: 'Edge class: arterial, street, alley, footway, steps, track' }),
      bridge: z.boolean(),
    }),
    lineStringSchema,
    z.number().int(),
  ),
).meta({ id: 'NetworkLayer' });

export const waterLayerSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({ id: z.string(), name: z.string().nullable(), kind: z.string() }),
    multiPolygonSchema,
    z.string(),
  ),
).meta({ id: 'WaterLayer' });

/** The layers of a region, by name, in the order the map draws and lists them. */
export const REGION_LAYER_SCHEMAS = {
  streets: streetsLayerSchema,
  communities: communitiesLayerSchema,
  facilities: facilitiesLayerSchema,
  units: unitsLayerSchema,
  network: networkLayerSchema,
  water: waterLayerSchema,
} as const;

export type RegionLayerName = keyof typeof REGION_LAYER_SCHEMAS;
export const REGION_LAYER_NAMES = Object.keys(REGION_LAYER_SCHEMAS) as RegionLayerName[];
export type RegionLayers = { [L in RegionLayerName]: z.output<(typeof REGION_LAYER_SCHEMAS)[L]> };
export type Region = z.output<typeof regionSchema>;

/** Any one layer: which one is the path's `layer`. */
export const layerCollectionSchema = z.union([
  streetsLayerSchema,
  communitiesLayerSchema,
  unitsLayerSchema,
  facilitiesLayerSchema,
  networkLayerSchema,
  waterLayerSchema,
]);

const layerParams = regionParams.extend({
  layer: z.enum(REGION_LAYER_NAMES as [RegionLayerName, ...RegionLayerName[]]),
});

/**
 * `/:region/:layer` matching only the layer names, so any other path falls through to a JSON 404.
 * A non-capturing group: a bare alternation would leak into Hono's combined router pattern and let
 * `/demo/anything/communities` match once other routes are mounted beside it.
 */
const LAYER_PATH = `/api/regions/:region/:layer{(?:${REGION_LAYER_NAMES.join('|')})}`;

/** `bbox=west,south,east,north` in degrees, west < east and south < north. */
const bboxQuery = z.object({
  bbox: z
    .string()
    .transform((value, context) => {
      const parts = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
      const [west, south, east, north] = parts;
      const valid =
        parts.length === 4 &&
        parts.every(Number.isFinite) &&
        west >= -180 &&
        east <= 180 &&
        south >= -90 &&
        north <= 90 &&
        west < east &&
        south < north;
      if (!valid) {
        refuse(context, {
          en: `bbox must be "west,south,east,north" in degrees with west < east and south < north, got "${value}"`,
          zh: `bbox 应为“西,南,东,北”（度），且西 < 东、南 < 北，收到“${value}”`,
        });
        return z.NEVER;
      }
      return parts as [number, number, number, number];
    })
    .optional(),
});

/** `format` of a layer export; `profile` judges the communities' metrics (communities only). */
const layerExportQuery = judgingQuery.extend({ format: exportFormatSchema });

/** What `PATCH /api/regions/:region` may change. */
export const regionChangesSchema = z.strictObject({ profile: profileIdSchema });

const regionErrors = {
  400: 'A path or query field is malformed (named in `error`)',
  404: 'No such region',
  503: DATABASE_UNAVAILABLE,
};

export const regionOperations = {
  list: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions',
    tag: 'regions',
    summary: 'The loaded regions with their bounding boxes',
    response: jsonResponse('A list of regions', regionListSchema),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
  update: defineOperation({
    method: 'patch',
    access: 'manage-regions',
    path: '/api/regions/:region',
    tag: 'regions',
    summary:
      "Change a region's stored settings: the standards profile every screen, export and print judges it by",
    params: regionParams,
    body: regionChangesSchema,
    response: jsonResponse('The region as it now is', regionSchema),
    errors: regionErrors,
  }),
  get: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region',
    tag: 'regions',
    summary: 'One region',
    params: regionParams,
    response: jsonResponse('The region: id, names, bbox, metric SRID, attribution', regionSchema),
    errors: regionErrors,
  }),
  layerExport: defineOperation({
    method: 'get',
    access: 'export',
    path: `${LAYER_PATH}/export`,
    tag: 'exports',
    summary:
      'Download a layer as GeoJSON, CSV (UTF-8 with BOM) or a zipped Shapefile (WGS 84, UTF-8 .cpg); communities come with their baseline metrics and coverage shares',
    params: layerParams,
    query: layerExportQuery,
    response: downloadResponse(
      z.union([...layerCollectionSchema.options, communitiesExportCollectionSchema]),
      'An attachment: .geojson, .csv or .zip (.shp/.shx/.dbf/.prj/.cpg), by `format`',
    ),
    errors: regionErrors,
  }),
  layer: defineOperation({
    method: 'get',
    access: 'read',
    path: LAYER_PATH,
    tag: 'regions',
    summary: `A layer of the region (${REGION_LAYER_NAMES.join(', ')}) as GeoJSON, optionally within a bbox`,
    params: layerParams,
    query: bboxQuery,
    response: {
      description: "An RFC 7946 FeatureCollection of the layer's features (properties by layer)",
      content: { 'application/geo+json': layerCollectionSchema },
    },
    answerForParams: ({ layer }) =>
      typeof layer === 'string' && Object.hasOwn(REGION_LAYER_SCHEMAS, layer)
        ? REGION_LAYER_SCHEMAS[layer as RegionLayerName]
        : undefined,
    errors: regionErrors,
  }),
};
