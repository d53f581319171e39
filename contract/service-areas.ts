/**
 * Service areas: every unit served by its nearest facility of a category along the walking
 * network, each facility's load against its capacity — on the region's facilities (the baseline)
 * or a scenario's own. The operations and answers; server/src/accessibility/service-areas.ts
 * builds them from core/accessibility/service-areas.ts.
 */

import { z } from 'zod';
import { DEMAND_GROUPS } from '../core/accessibility/demand-groups.js';
import { FACILITY_CATEGORY_IDS, isFacilityCategoryId } from '../core/standards/facility-categories.js';
import { MAX_WALK_MINUTES, speedSchema } from './accessibility-requests.js';
import {
  DATABASE_UNAVAILABLE,
  downloadResponse,
  exportFormatSchema,
  featureCollectionSchema,
  featureSchema,
  jsonResponse,
  multiPolygonSchema,
  positionSchema,
  regionParams,
  scenarioParams,
} from './common.js';
import { defineOperation } from './operation.js';
import { refuse, show } from './validation.js';

/** `category=kindergarten`: a known facility category, required. */
export const categoryQuerySchema = z
  .string({ error: 'give a facility category, e.g. category=kindergarten' })
  .transform((category, context) => {
    if (isFacilityCategoryId(category)) return category;
    refuse(context, {
      en: `unknown category ${show(category)} (known: ${FACILITY_CATEGORY_IDS.join(', ')})`,
      zh: `未知的设施类别 ${show(category)}（可用：${FACILITY_CATEGORY_IDS.join(', ')}）`,
    });
    return z.NEVER;
  }) as unknown as z.ZodType<(typeof FACILITY_CATEGORY_IDS)[number], string>;

/** `minutes=…` in a query string: the tier to flag units beyond, overriding the category's. */
const tierMinutesQuery = z
  .string()
  .optional()
  .transform((text, context) => {
    if (text === undefined) return undefined;
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!(value > 0 && value <= MAX_WALK_MINUTES)) {
      refuse(context, {
        en: `must be minutes in (0, ${MAX_WALK_MINUTES}], got ${show(text)}`,
        zh: `应为 (0, ${MAX_WALK_MINUTES}] 之间的分钟数，收到 ${show(text)}`,
      });
      return z.NEVER;
    }
    return value;
  });

export const serviceAreasQuerySchema = z.object({
  category: categoryQuerySchema,
  minutes: tierMinutesQuery,
  speedMetersPerSecond: speedSchema<string>(true),
});
const serviceAreasExportQuerySchema = serviceAreasQuerySchema.extend({ format: exportFormatSchema });

const bilingual = z.strictObject({ en: z.string(), zh: z.string() });

const serviceAreaFigures = {
  facilityId: z.string(),
  name: z.string(),
  category: z.enum(FACILITY_CATEGORY_IDS),
  capacity: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Places, as the facility records it; null: unknown' }),
  unitCount: z.number().int(),
  residents: z.number(),
  demand: z
    .number()
    .meta({ description: 'Residents of the demand group the category serves (see demandRule)' }),
  load: z
    .number()
    .nullable()
    .meta({ description: 'demand ÷ capacity; null without a capacity (or one of 0)' }),
  overCapacity: z.boolean().nullable().meta({ description: 'load > 1; null without a capacity' }),
  beyondTierUnitCount: z.number().int().meta({ description: 'Its units walking longer than the tier' }),
  beyondTierResidents: z.number(),
  beyondTierDemand: z.number(),
  meanWalkMinutes: z.number().nullable().meta({ description: 'Residents-weighted, of its units' }),
  maxWalkMinutes: z.number().nullable(),
};

export const serviceAreasSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      ...serviceAreaFigures,
      position: positionSchema.meta({ description: 'Where the facility stands' }),
      unitIds: z
        .array(z.string())
        .meta({ description: 'The units it serves: nearest to it along the network' }),
      beyondTierUnitIds: z
        .array(z.string())
        .meta({ description: 'Those of them walking longer than the tier' }),
    }),
    multiPolygonSchema.nullable().meta({ description: 'The union of its units; null when it serves none' }),
    z.string(),
  ),
  {
    scenario: z.strictObject({ id: z.string(), regionId: z.string(), version: z.number().int() }),
    category: z.enum(FACILITY_CATEGORY_IDS),
    tierMinutes: z
      .number()
      .nullable()
      .meta({ description: 'Units walking longer are flagged; null: no tier' }),
    speedMetersPerSecond: z.number(),
    maxWalkMinutes: z.number().meta({ description: 'Longest walk a unit is served over' }),
    demandGroup: z.enum(DEMAND_GROUPS),
    demandRule: bilingual.meta({ description: 'How the demand group is counted from the units' }),
    totals: z.strictObject({
      residents: z.number(),
      demand: z.number(),
      capacity: z.number().meta({ description: 'Sum of the capacities known' }),
      facilitiesWithoutCapacity: z.number().int(),
      beyondTierResidents: z.number(),
    }),
    unserved: z
      .strictObject({ unitIds: z.array(z.string()), residents: z.number(), demand: z.number() })
      .meta({ description: 'Units no facility of the category serves within maxWalkMinutes' }),
  },
).meta({ id: 'ServiceAreas' });

/** The export's flat columns: one feature (row) per facility with its service area. */
export const serviceAreasExportSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      ...serviceAreaFigures,
      lon: z.number(),
      lat: z.number(),
      demandGroup: z.enum(DEMAND_GROUPS),
    }),
    multiPolygonSchema.nullable(),
    z.string(),
  ),
).meta({ id: 'ServiceAreasExport' });

const regionErrors = {
  400: 'A path or query field is refused (named in `error`)',
  404: 'No such region',
  409: 'The region has no walking network to analyse',
  503: DATABASE_UNAVAILABLE,
};
const scenarioErrors = {
  ...regionErrors,
  400: 'A path or query field is refused (named in `error`), or the id is "baseline" (use the region’s path)',
  404: 'No such scenario',
};

export const serviceAreaOperations = {
  region: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/service-areas',
    tag: 'accessibility',
    summary:
      "Service areas of a category on the region's facilities: each unit to its nearest facility, load against capacity",
    params: regionParams,
    query: serviceAreasQuerySchema,
    response: jsonResponse('One feature per facility of the category', serviceAreasSchema),
    errors: regionErrors,
  }),
  regionExport: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/regions/:region/service-areas/export',
    tag: 'exports',
    summary: "Download the region's service areas of a category, one row per facility",
    params: regionParams,
    query: serviceAreasExportQuerySchema,
    response: downloadResponse(serviceAreasExportSchema),
    errors: regionErrors,
  }),
  scenario: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/service-areas',
    tag: 'accessibility',
    summary: "Service areas of a category on a scenario's own facilities and paths",
    params: scenarioParams,
    query: serviceAreasQuerySchema,
    response: jsonResponse('One feature per facility of the category', serviceAreasSchema),
    errors: scenarioErrors,
  }),
  scenarioExport: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/scenarios/:id/service-areas/export',
    tag: 'exports',
    summary: "Download a scenario's service areas of a category, one row per facility",
    params: scenarioParams,
    query: serviceAreasExportQuerySchema,
    response: downloadResponse(serviceAreasExportSchema),
    errors: scenarioErrors,
  }),
};
