/**
 * What the accessibility routes answer, as zod schemas: the OpenAPI document is generated from them
 * and tests/api/openapi-responses.api.test.ts parses real answers with them. Each mirrors the code
 * that builds the answer (server/src/accessibility/accessibility-responses.ts, core coverage).
 */

import { z } from 'zod';
import {
  bboxSchema,
  featureCollectionSchema,
  featureSchema,
  multiPolygonSchema,
  polygonSchema,
  positionSchema,
} from '../openapi/common-schemas.js';

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
    origins: z
      .array(positionSchema)
      .meta({
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
  uncoveredUnitIds: z
    .record(z.string(), z.array(z.string()))
    .meta({
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
    values: z
      .array(z.number().nullable())
      .meta({
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
    values: z
      .array(z.number().int().nullable())
      .meta({
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
