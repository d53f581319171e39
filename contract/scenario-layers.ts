/**
 * A scenario's own facilities and walking paths (what its layer edits — add-, move-, update-,
 * remove-facility, add-path, close-path — made of the region's): the operations and their answers,
 * built by server/src/scenarios/scenario-layer-views.ts.
 */

import { z } from 'zod';
import { EDGE_CLASSES } from '../core/network/edge-classes.js';
import { FACILITY_CATEGORY_IDS } from '../core/standards/facility-categories.js';
import {
  DATABASE_UNAVAILABLE,
  featureCollectionSchema,
  featureSchema,
  jsonResponse,
  lineStringSchema,
  pointSchema,
  scenarioParams,
} from './common.js';
import { defineOperation } from './operation.js';

const scenarioStamp = z.strictObject({ id: z.string(), regionId: z.string(), version: z.number().int() });

export const scenarioFacilitiesSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      category: z.enum(FACILITY_CATEGORY_IDS),
      communityId: z
        .string()
        .nullable()
        .meta({ description: 'The scenario community holding the unit it stands in (else the nearest)' }),
      floorAreaSquareMeters: z.number().nullable(),
      landAreaSquareMeters: z.number().nullable(),
      capacity: z.number().int().nullable(),
      change: z
        .enum(['added', 'moved', 'changed'])
        .nullable()
        .meta({ description: 'How it differs from the region’s facility; null: as the region has it' }),
    }),
    pointSchema,
    z.string(),
  ),
  {
    scenario: scenarioStamp,
    removedFacilityIds: z
      .array(z.string())
      .meta({ description: 'Facilities of the region the scenario removed (drawn from the region layer)' }),
  },
).meta({ id: 'ScenarioFacilities' });

export const scenarioPathsSchema = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.union([z.string(), z.number().int()]),
      change: z.enum(['added', 'closed']),
      name: z.string().nullable(),
      class: z.enum(EDGE_CLASSES),
      lengthMeters: z.number().meta({ description: 'As drawn (added) or as the network has it (closed)' }),
    }),
    lineStringSchema,
    z.union([z.string(), z.number().int()]),
  ),
  { scenario: scenarioStamp },
).meta({
  id: 'ScenarioPaths',
  description:
    'Paths the scenario added (id: the path id, as drawn) and network edges it closed (id: the edge id)',
});

const scenarioErrors = {
  400: 'A path field is refused, or the id is "baseline" (the region layers are the baseline’s)',
  404: 'No such scenario',
  503: DATABASE_UNAVAILABLE,
};

export const scenarioLayerOperations = {
  facilities: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/facilities',
    tag: 'scenarios',
    summary: "A scenario's facilities: the region's with those it added, moved, changed or removed",
    params: scenarioParams,
    response: jsonResponse(
      'Every facility of the scenario, and the ids it removed',
      scenarioFacilitiesSchema,
    ),
    errors: scenarioErrors,
  }),
  paths: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/paths',
    tag: 'scenarios',
    summary: 'The walking paths a scenario added and the network edges it closed',
    params: scenarioParams,
    response: jsonResponse('Added paths and closed edges as lines', scenarioPathsSchema),
    errors: scenarioErrors,
  }),
};
