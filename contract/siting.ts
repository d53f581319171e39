/**
 * Siting: where to place k new facilities of a category to cover the most demand within the tier,
 * the facilities kept (maximal covering location; with `capacity` the capacitated variant), with an
 * upper bound on what any k sites could cover and the `add-facility` edits ready to save. On the
 * region's facilities (the baseline) or a scenario's own. Built by server/src/accessibility/siting.ts
 * over core/siting.
 */

import { z } from 'zod';
import { DEMAND_GROUPS } from '../core/accessibility/demand-groups.js';
import { FACILITY_CATEGORY_IDS } from '../core/standards/facility-categories.js';
import { MAX_WALK_MINUTES, speedSchema } from './accessibility-requests.js';
import {
  DATABASE_UNAVAILABLE,
  jsonResponse,
  positionSchema,
  regionParams,
  scenarioParams,
} from './common.js';
import { defineOperation } from './operation.js';
import { editSchema } from './scenario-edits.js';
import { show } from './validation.js';

/** Most sites one request may ask for. */
export const MAX_SITING_COUNT = 50;
/** Most candidate points a request may give. */
export const MAX_SITING_POINTS = 5000;
/** Grid candidates: cell size bounds and default, metres. */
export const MIN_SITING_CELL_METERS = 20;
export const MAX_SITING_CELL_METERS = 2000;
export const DEFAULT_SITING_CELL_METERS = 100;

const lonLat = z
  .tuple([z.number(), z.number()], {
    error: (issue) => `must be [lon, lat], two numbers in degrees, got ${show(issue.input)}`,
  })
  .meta({ description: '[lon, lat] in degrees (WGS 84)' });

export const sitingBodySchema = z.strictObject({
  category: z.enum(FACILITY_CATEGORY_IDS),
  count: z.number().int().min(1).max(MAX_SITING_COUNT).meta({ description: 'How many new sites (k)' }),
  minutes: z
    .number()
    .gt(0)
    .max(MAX_WALK_MINUTES)
    .optional()
    .meta({ description: 'The tier a site covers within; default the category’s' }),
  speedMetersPerSecond: speedSchema<number>(false),
  demand: z.enum(DEMAND_GROUPS).optional().meta({
    description: 'Whose demand: default the group the category serves (children for kindergartens…)',
  }),
  candidates: z
    .union([
      z.enum(['grid', 'network']),
      z.array(lonLat).min(1, 'give at least one [lon, lat] candidate').max(MAX_SITING_POINTS),
    ])
    .default('network')
    .meta({
      description:
        '"network": every node of the walking network; "grid": cell centres within a short walk of a path; or the points to choose among',
    }),
  cellMeters: z
    .number()
    .min(MIN_SITING_CELL_METERS)
    .max(MAX_SITING_CELL_METERS)
    .default(DEFAULT_SITING_CELL_METERS)
    .meta({ description: 'Grid candidates: the cell size, metres' }),
  capacity: z
    .number()
    .positive()
    .optional()
    .meta({ description: 'Most demand one new site may serve (capacitated variant); none when omitted' }),
  keepExisting: z
    .boolean()
    .default(true)
    .meta({ description: 'Keep the facilities of the category there are (false: place k from scratch)' }),
});

export type SitingBody = z.output<typeof sitingBodySchema>;

const demandFigures = z.strictObject({
  total: z.number().meta({ description: 'Demand of the group in the region' }),
  coveredBefore: z.number().meta({ description: 'Within the tier of the facilities kept' }),
  coveredAfter: z.number().meta({ description: 'With the new sites' }),
  uncovered: z.number().meta({ description: 'total − coveredAfter' }),
  upperBound: z.number().meta({ description: 'No choice of k sites covers more than this' }),
  gap: z.number().meta({ description: 'upperBound − coveredAfter' }),
  relativeGap: z.number().meta({
    description: 'gap ÷ (upperBound − coveredBefore): the share of the best gain the answer may miss',
  }),
  provedOptimal: z.boolean(),
  engine: z.enum(['heuristic', 'milp']).meta({
    description: 'heuristic: greedy, interchange and a Lagrangian bound; milp: HiGHS decided exactly',
  }),
});

export const sitingSchema = z
  .strictObject({
    scenario: z.strictObject({ id: z.string(), regionId: z.string(), version: z.number().int() }),
    category: z.enum(FACILITY_CATEGORY_IDS),
    tierMinutes: z.number(),
    speedMetersPerSecond: z.number(),
    demandGroup: z.enum(DEMAND_GROUPS),
    demandRule: z.strictObject({ en: z.string(), zh: z.string() }),
    capacity: z.number().nullable(),
    keepExisting: z.boolean(),
    existingFacilities: z.number().int().meta({ description: 'Facilities of the category kept' }),
    candidates: z.strictObject({
      kind: z.enum(['network', 'grid', 'points']),
      considered: z
        .number()
        .int()
        .meta({ description: 'Candidate sites on (or within a short walk of) the network' }),
      leftOut: z
        .array(z.number().int())
        .meta({ description: 'Given points too far from any path to be sites (their indexes)' }),
    }),
    sites: z.array(
      z.strictObject({
        rank: z.number().int().meta({ description: '1 for the site picked first' }),
        position: positionSchema,
        candidate: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('node'), nodeId: z.number() }),
          z.strictObject({ kind: z.literal('cell') }),
          z.strictObject({ kind: z.literal('point'), index: z.number().int() }),
        ]),
        gain: z.number().meta({ description: 'Demand it adds to the sites picked before it' }),
        served: z
          .number()
          .meta({ description: 'Demand credited to it (with capacity: its share of the assignment)' }),
        coveredBefore: z
          .number()
          .meta({ description: 'Demand covered before it (kept facilities and earlier sites)' }),
        coveredAfter: z.number(),
      }),
    ),
    demand: demandFigures,
    edits: z.array(editSchema).meta({ description: 'One `add-facility` edit per site, ready to PATCH' }),
    reduced: z
      .strictObject({
        demandPoints: z.number().int(),
        candidates: z.number().int(),
        coverPairs: z.number().int(),
      })
      .meta({ description: 'Size of the problem solved, after dropping what cannot matter' }),
  })
  .meta({ id: 'Siting' });

const regionErrors = {
  400: 'A path or body field is refused (named in `error`), the category has no tier and no minutes are given, or no candidate lies near a path',
  404: 'No such region',
  409: 'The region has no walking network to analyse',
  503: DATABASE_UNAVAILABLE,
};

export const sitingOperations = {
  region: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/regions/:region/siting',
    tag: 'accessibility',
    summary:
      "Where k new facilities of a category cover the most demand within the tier, on the region's facilities",
    params: regionParams,
    body: sitingBodySchema,
    response: jsonResponse('The sites, their gains, the coverage and its bound, and the edits', sitingSchema),
    errors: regionErrors,
  }),
  scenario: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/scenarios/:id/siting',
    tag: 'accessibility',
    summary:
      "Where k new facilities of a category cover the most demand, on a scenario's own facilities and paths",
    params: scenarioParams,
    body: sitingBodySchema,
    response: jsonResponse('The sites, their gains, the coverage and its bound, and the edits', sitingSchema),
    errors: {
      ...regionErrors,
      400: `${regionErrors[400]}; or the id is "baseline" (use the region’s path)`,
      404: 'No such scenario',
    },
  }),
};
