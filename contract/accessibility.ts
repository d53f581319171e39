/**
 * Walking accessibility of a region: isochrones and service radii, travel times, coverage and heat
 * maps — the operations, and what they answer (each answer mirrors the code that builds it:
 * server/src/accessibility/accessibility-responses.ts, core's coverage). What they read is in
 * accessibility-requests.ts.
 */

import { z } from 'zod';
import {
  coverageQuerySchema,
  heatmapQuerySchema,
  isochroneBodySchema,
  travelTimeBodySchema,
} from './accessibility-requests.js';
import {
  bboxSchema,
  DATABASE_UNAVAILABLE,
  downloadResponse,
  exportFormatSchema,
  exportQuerySchema,
  featureCollectionSchema,
  featureSchema,
  jsonResponse,
  multiPolygonSchema,
  polygonSchema,
  positionSchema,
  regionParams,
  scenarioParams,
} from './common.js';
import { defineOperation } from './operation.js';
import { refuse } from './validation.js';

const speedMetersPerSecond = z.number().meta({ description: 'Walking speed used, m/s' });
const tiersSchema = z
  .record(z.string(), z.number().nullable())
  .meta({ description: 'Category → minutes its facilities must be reached within (null: no tier)' });

const isochronePropertiesSchema = z.strictObject({
  minutes: z.number().meta({ description: 'Outer edge of the band, walking minutes' }),
  fromMinutes: z.number().meta({ description: 'Inner edge: the previous minutes (rings) or 0 (disks)' }),
  residents: z.number().meta({ description: 'Residents of the units whose own walk falls in the band' }),
  households: z.number(),
  elderly: z.number(),
  areaSquareMeters: z.number().meta({ description: 'Area of the band, m² (to 0.1)' }),
  method: z.enum(['network', 'radius']),
  radiusMeters: z
    .number()
    .optional()
    .meta({ description: 'Straight-line radius of the band (radius method), meters' }),
});

/** One MultiPolygon feature per band, ascending, with the parameters as foreign members. */
export const isochroneCollectionSchema = featureCollectionSchema(
  z.strictObject({
    type: z.literal('Feature'),
    geometry: multiPolygonSchema,
    properties: isochronePropertiesSchema,
  }),
  {
    origins: z.array(positionSchema).meta({
      description: 'Where the walks start: snapped onto the network (network) or as given (radius)',
    }),
    speedMetersPerSecond,
    mode: z.enum(['rings', 'disks']),
    method: z.enum(['network', 'radius']),
  },
).meta({ id: 'IsochroneCollection' });

export const travelTimesSchema = z.strictObject({
  seconds: z
    .record(z.string(), z.number())
    .meta({ description: 'Network node id → walking seconds, for every node reached within maxSeconds' }),
  speedMetersPerSecond,
  maxSeconds: z.number().meta({ description: 'Cutoff, seconds' }),
});

const categoryCoverageSchema = z
  .strictObject({
    category: z.string(),
    tierMinutes: z.number(),
    facilityCount: z.number().int(),
    residents: z.number(),
    coveredResidents: z
      .number()
      .meta({ description: 'Residents reaching a facility of the category within its tier' }),
    coveredShare: z
      .number()
      .nullable()
      .meta({ description: 'coveredResidents / residents, 0–1; null without residents' }),
  })
  .meta({ id: 'CategoryCoverage' });

export const coverageSchema = z.strictObject({
  speedMetersPerSecond,
  region: z.strictObject({ residents: z.number(), categories: z.array(categoryCoverageSchema) }),
  communities: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      residents: z.number(),
      categories: z.array(categoryCoverageSchema),
    }),
  ),
  uncoveredUnitIds: z.record(z.string(), z.array(z.string())).meta({
    description: 'Category → units with residents that reach none of its facilities within the tier',
  }),
  tiers: tiersSchema,
});

/** Coverage per community as features (the coverage export): residents and `coveredShare.<category>`. */
export const coverageExportCollectionSchema = featureCollectionSchema(
  featureSchema(
    z
      .strictObject({
        id: z.string(),
        name: z.string(),
        streetId: z.string().nullable(),
        residents: z.number(),
      })
      .catchall(z.number().nullable())
      .meta({ description: 'Plus `coveredShare.<category>` per category, 0–1 (null without residents)' }),
    multiPolygonSchema.nullable(),
    z.string(),
  ),
).meta({ id: 'CoverageExportCollection' });

const gridFrame = {
  speedMetersPerSecond,
  cellMeters: z.number().meta({ description: 'Cell size, meters' }),
  columns: z.number().int(),
  rows: z.number().int(),
  bbox: bboxSchema.meta({ description: "[west, south, east, north] of the grid's outer edges, degrees" }),
};

const travelTimeGridSchema = z
  .strictObject({
    kind: z.literal('travel-time'),
    category: z.string(),
    ...gridFrame,
    maxMinutes: z.number(),
    values: z.array(z.number().nullable()).meta({
      description:
        'Walking minutes per cell (to 0.1), row-major, row 0 southmost; null off the network or beyond maxMinutes',
    }),
  })
  .meta({ id: 'TravelTimeGrid' });

const completenessGridSchema = z
  .strictObject({
    kind: z.literal('completeness'),
    category: z.null(),
    ...gridFrame,
    maxMinutes: z.number().meta({ description: 'The longest tier counted, minutes' }),
    categories: z.array(z.string()).meta({ description: 'The categories counted' }),
    tiers: tiersSchema,
    values: z.array(z.number().int().nullable()).meta({
      description:
        'Categories reached within their tiers per cell, row-major, row 0 southmost; null off the network',
    }),
  })
  .meta({ id: 'CompletenessGrid' });

const heatmapCell = (properties: z.ZodType) => featureSchema(properties, polygonSchema, z.number().int());

/** format=geojson (and the heat-map export): one Polygon per cell with a value, id = row × columns + column. */
export const heatmapCollectionSchema = z.union([
  featureCollectionSchema(heatmapCell(z.strictObject({ minutes: z.number() })), {
    kind: z.literal('travel-time'),
    category: z.string(),
    speedMetersPerSecond,
    cellMeters: z.number(),
  }).meta({ id: 'TravelTimeHeatmapCollection' }),
  featureCollectionSchema(heatmapCell(z.strictObject({ reachedCategoryCount: z.number().int() })), {
    kind: z.literal('completeness'),
    category: z.null(),
    speedMetersPerSecond,
    cellMeters: z.number(),
    categories: z.array(z.string()),
    tiers: tiersSchema,
  }).meta({ id: 'CompletenessHeatmapCollection' }),
]);

/** The heat map: a grid (format=grid, the default) of either kind, or cell polygons (format=geojson). */
export const heatmapSchema = z.union([
  travelTimeGridSchema,
  completenessGridSchema,
  ...heatmapCollectionSchema.options,
]);

/** The heat-map query with an export format in place of grid|geojson; the same checks otherwise. */
const heatmapExportQuerySchema = z
  .object({ ...heatmapQuerySchema.shape, format: exportFormatSchema })
  .superRefine((query, context) => {
    if (query.kind === 'travel-time' && query.category === undefined) {
      refuse(
        context,
        { en: 'a travel-time heat map needs a facility category', zh: '步行时间热力图需要一个设施类别' },
        ['category'],
      );
    }
  });

const coverageExportQuerySchema = coverageQuerySchema.extend({ format: exportFormatSchema });

/** Every accessibility operation reads its region's walking model: these are its refusals. */
const accessibilityErrors = {
  400: 'A path, query or body field is refused (named in `error`): malformed, out of range, or outside the region',
  404: 'No such region',
  409: 'The region has no walking network to analyse',
  503: DATABASE_UNAVAILABLE,
};

/** The same analyses on a scenario: its own facilities, paths and communities. */
const scenarioAccessibilityErrors = {
  400: 'A path, query or body field is refused (named in `error`), or the id is "baseline" (use the region’s paths)',
  404: 'No such scenario',
  409: 'The region has no walking network to analyse',
  503: DATABASE_UNAVAILABLE,
};

export const accessibilityOperations = {
  isochrones: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/regions/:region/isochrones',
    tag: 'accessibility',
    summary:
      'Walking isochrones (network) or service radii from points or facilities, with the residents inside each band',
    params: regionParams,
    body: isochroneBodySchema,
    response: jsonResponse(
      'One MultiPolygon feature per band (an RFC 7946 FeatureCollection with the parameters beside `features`)',
      isochroneCollectionSchema,
    ),
    errors: accessibilityErrors,
  }),
  isochronesExport: defineOperation({
    method: 'post',
    access: 'export',
    path: '/api/regions/:region/isochrones/export',
    tag: 'exports',
    summary:
      'Download isochrones (the same body as /isochrones): one feature or row per band with minutes, residents, households, elderly and area',
    params: regionParams,
    query: exportQuerySchema,
    body: isochroneBodySchema,
    response: downloadResponse(isochroneCollectionSchema),
    errors: accessibilityErrors,
  }),
  travelTimes: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/regions/:region/travel-times',
    tag: 'accessibility',
    summary: 'Walking seconds from a point or network node to every node reached',
    params: regionParams,
    body: travelTimeBodySchema,
    response: jsonResponse('Seconds by node id, with the speed and cutoff used', travelTimesSchema),
    errors: accessibilityErrors,
  }),
  coverage: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/coverage',
    tag: 'accessibility',
    summary: "Residents within each category's tier of walking, region-wide and per community",
    params: regionParams,
    query: coverageQuerySchema,
    response: jsonResponse('Coverage by category, per community, and uncovered units', coverageSchema),
    errors: accessibilityErrors,
  }),
  coverageExport: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/regions/:region/coverage/export',
    tag: 'exports',
    summary:
      "Download coverage per community: residents and every category's covered share (geometry: the community)",
    params: regionParams,
    query: coverageExportQuerySchema,
    response: downloadResponse(coverageExportCollectionSchema),
    errors: accessibilityErrors,
  }),
  heatmap: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/heatmap',
    tag: 'accessibility',
    summary:
      'A heat map: walking minutes to the nearest facility of a category, or categories reached within their tiers',
    params: regionParams,
    query: heatmapQuerySchema,
    response: jsonResponse(
      'A row-major grid (format=grid) or cell polygons (format=geojson), of the kind asked for',
      heatmapSchema,
    ),
    errors: accessibilityErrors,
  }),
  heatmapExport: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/regions/:region/heatmap/export',
    tag: 'exports',
    summary: 'Download a heat map as cell polygons with their minutes (or categories reached)',
    params: regionParams,
    query: heatmapExportQuerySchema,
    response: downloadResponse(heatmapCollectionSchema),
    errors: accessibilityErrors,
  }),
  scenarioIsochrones: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/scenarios/:id/isochrones',
    tag: 'accessibility',
    summary:
      "Walking isochrones or service radii on a scenario's own network, from points or any of its facilities",
    params: scenarioParams,
    body: isochroneBodySchema,
    response: jsonResponse('As the region’s isochrones, on the scenario', isochroneCollectionSchema),
    errors: scenarioAccessibilityErrors,
  }),
  scenarioTravelTimes: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/scenarios/:id/travel-times',
    tag: 'accessibility',
    summary: "Walking seconds on a scenario's own network (its added paths, without its closed edges)",
    params: scenarioParams,
    body: travelTimeBodySchema,
    response: jsonResponse('As the region’s travel times, on the scenario', travelTimesSchema),
    errors: scenarioAccessibilityErrors,
  }),
  scenarioCoverage: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/coverage',
    tag: 'accessibility',
    summary: "Coverage on a scenario's own facilities, paths and communities",
    params: scenarioParams,
    query: coverageQuerySchema,
    response: jsonResponse('As the region’s coverage, per scenario community', coverageSchema),
    errors: scenarioAccessibilityErrors,
  }),
  scenarioHeatmap: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/heatmap',
    tag: 'accessibility',
    summary: "A heat map on a scenario's own facilities and paths",
    params: scenarioParams,
    query: heatmapQuerySchema,
    response: jsonResponse('As the region’s heat map, on the scenario', heatmapSchema),
    errors: scenarioAccessibilityErrors,
  }),
};
