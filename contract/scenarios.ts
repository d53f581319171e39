/**
 * Boundary scenarios: the operations, and what they answer (each answer mirrors the code that
 * builds it: server/src/scenarios, core/scenario). The edits and bodies they read are in
 * scenario-edits.ts.
 */

import { z } from 'zod';
import { CONVERSION_TARGET_TYPES, EDIT_OPS } from '../core/scenario/scenario-edit-schema.js';
import { COMMUNITY_TYPE_IDS } from '../core/standards/community-types.js';
import { CLASSIFICATION_STATUSES } from '../core/standards/rule-results.js';
import {
  DATABASE_UNAVAILABLE,
  downloadResponse,
  errorBodySchema,
  exportFormatSchema,
  featureCollectionSchema,
  featureSchema,
  jsonResponse,
  lineStringSchema,
  multiPolygonSchema,
  pointSchema,
  positionSchema,
  regionParams,
  scenarioParams,
} from './common.js';
import { defineOperation } from './operation.js';
import {
  createScenarioBody,
  editSchema,
  patchScenarioBody,
  reviewDecisionBody,
  submitForReviewBody,
} from './scenario-edits.js';
import {
  bilingualSchema,
  judgedWithSchema,
  judgingQuery,
  profileIdSchema,
  regionRuleResultSchema,
  resultStatusSchema,
  resultSummarySchema,
  ruleContributionSchema,
  ruleResultSchema,
  ruleSourceSchema,
  surveyedFiguresShape,
} from './standards.js';

const communityType = z.enum(COMMUNITY_TYPE_IDS);

/** An edit as the PATCH body takes it (core's edit schema): stored edits and advised edits alike. */
const scenarioEditSchema = editSchema.meta({ id: 'ScenarioEdit' });

/** Which scenario (or `baseline`) of which region an answer describes, at which version. */
const scenarioStamp = z.strictObject({ id: z.string(), regionId: z.string(), version: z.number().int() });

export const REVIEW_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const reviewStepSchema = z
  .strictObject({
    version: z.number().int().meta({ description: 'The version the step was taken on' }),
    action: z.enum(['submit', 'approve', 'return']),
    by: z.string().nullable(),
    comment: z.string(),
    at: z.string().meta({ description: 'ISO 8601 timestamp' }),
  })
  .meta({ id: 'ReviewStep' });

export const scenarioSummarySchema = z
  .strictObject({
    id: z.string().meta({ description: 'The scenario id (a UUID)' }),
    regionId: z.string(),
    name: z.string(),
    basedOn: z
      .string()
      .nullable()
      .meta({ description: '"baseline" or the id of the scenario it was copied from' }),
    version: z.number().int().min(1).meta({ description: 'Grows by one with every save' }),
    createdAt: z.string().meta({ description: 'ISO 8601 timestamp' }),
    updatedAt: z.string().meta({ description: 'ISO 8601 timestamp' }),
    owner: z
      .string()
      .nullable()
      .meta({ description: 'The username who created it (null for scenarios made before accounts)' }),
    reviewState: z.enum(REVIEW_STATES).meta({
      description:
        'draft (being edited), submitted (waiting for a leader; locked), approved (locked for good) or returned (editable again, with the comment)',
    }),
    lastReview: reviewStepSchema
      .nullable()
      .meta({ description: 'The latest review step (who submitted, approved or returned it, and why)' }),
  })
  .meta({ id: 'ScenarioSummary' });

export const scenarioListSchema = z.array(scenarioSummarySchema);

export const scenarioDetailSchema = scenarioSummarySchema.extend({
  communityCount: z.number().int(),
  unitsMovedFromBaseline: z
    .number()
    .int()
    .meta({ description: 'Units whose community differs from the baseline' }),
  edits: z
    .array(
      z.strictObject({
        version: z.number().int(),
        edits: z.array(scenarioEditSchema),
        createdAt: z.string(),
        author: z.string().nullable().meta({ description: 'Who saved it (null before accounts)' }),
      }),
    )
    .meta({ description: 'The edit log: the edits each save sent, by the version it made' }),
  reviews: z.array(reviewStepSchema).meta({ description: 'Every review step, oldest first' }),
});

export const baselineSchema = z.strictObject({
  id: z.literal('baseline'),
  regionId: z.string(),
  name: z.literal('baseline'),
  readOnly: z.literal(true),
  version: z.literal(1),
  communityCount: z.number().int(),
  unitCount: z.number().int(),
});

export const savedEditsSchema = z.strictObject({
  version: z.number().int().meta({ description: 'The version the save made' }),
  edits: z.array(
    z.strictObject({
      op: z.enum(EDIT_OPS),
      moved: z.number().int().meta({ description: 'Units the edit moved to another community' }),
      notes: z.array(z.string()),
    }),
  ),
});

export const staleVersionSchema = errorBodySchema.extend({
  currentVersion: z.number().int().meta({ description: 'The version to reload and apply the edits on' }),
});

/** `:id` and `:version` of a scenario's version paths. */
export const scenarioVersionParams = scenarioParams.extend({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const scenarioVersionsSchema = z
  .strictObject({
    scenario: scenarioStamp,
    basedOn: z.string().nullable().meta({ description: '"baseline" or the scenario it was copied from' }),
    versions: z
      .array(
        z.strictObject({
          version: z.number().int().min(1),
          createdAt: z.string().nullable().meta({
            description:
              'When the save was made (ISO 8601); version 1: when the scenario was created; null: a save that changed only the name',
          }),
          author: z.string().optional().meta({ description: 'Who saved it, when the server knows' }),
          editCount: z.number().int(),
          edits: z
            .array(z.strictObject({ op: z.enum(EDIT_OPS), count: z.number().int().min(1) }))
            .meta({ description: 'How many edits of each kind the save sent, in the order first sent' }),
        }),
      )
      .meta({ description: 'Every version, newest first' }),
  })
  .meta({ id: 'ScenarioVersions' });

const facilityRecordSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  position: positionSchema,
  floorAreaSquareMeters: z.number().nullable(),
  landAreaSquareMeters: z.number().nullable(),
  capacity: z.number().nullable(),
});

/** A community's own attributes (core/scenario CommunityRecord): what is not summed from its units. */
const communityRecordSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable().optional(),
    type: communityType,
    streetId: z.string(),
    isTownshipSeat: z.boolean(),
    ...surveyedFiguresShape,
  })
  .meta({ id: 'CommunityRecord' });

export const scenarioStateSchema = z.strictObject({
  id: z.string(),
  regionId: z.string(),
  version: z.number().int(),
  communities: z.array(communityRecordSchema),
  assignment: z
    .array(z.number().int())
    .meta({ description: 'Index into `communities` of each unit, in the units’ order (by id)' }),
});

/** A scenario as it was at one version: its state, and its facility and path changes from the region's. */
export const scenarioVersionStateSchema = scenarioStateSchema
  .extend({
    facilityChanges: z
      .array(z.strictObject({ id: z.string(), facility: facilityRecordSchema.nullable() }))
      .meta({ description: 'Facilities added or changed (as they were), or of the region removed (null)' }),
    addedPaths: z.array(
      z.strictObject({ id: z.string(), name: z.string().nullable(), coordinates: z.array(positionSchema) }),
    ),
    closedEdgeIds: z.array(z.number().int()),
  })
  .meta({ id: 'ScenarioVersionState' });

export const restoreVersionBody = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .meta({ description: 'The version the client holds now (409 when the scenario has moved on)' }),
});

export const restoredVersionSchema = savedEditsSchema.extend({
  restoredFrom: z.number().int().meta({ description: 'The version whose state the new version has' }),
});

/** Walking reach for a client's own evaluator: which units meet each requirement, under `judgedWith`. */
const unitReachSchema = z.strictObject({
  tiers: z.record(z.string(), z.number().nullable()),
  speedMetersPerSecond: z.number(),
  requirements: z.array(
    z.strictObject({
      key: z.string(),
      allOf: z.array(
        z.strictObject({ anyOf: z.array(z.strictObject({ category: z.string(), minutes: z.number() })) }),
      ),
    }),
  ),
  covered: z.array(z.string()).meta({
    description: 'Per requirement, base64 bitset: bit u of byte u>>3 (LSB first) = unit u meets it',
  }),
});

/** Facilities as a client's evaluator reads them: by the unit they stand in, sizes, metric position. */
const evaluatorFacilitiesSchema = z
  .array(
    z.strictObject({
      id: z.string(),
      category: z.string(),
      unitId: z.string(),
      floorAreaSquareMeters: z.number().nullable(),
      landAreaSquareMeters: z.number().nullable(),
      xMeters: z.number().nullable(),
      yMeters: z.number().nullable(),
    }),
  )
  .meta({
    description: 'Facilities by the unit they stand in, with their position in the metric plane (m)',
  });

export const unitAdjacencySchema = z.strictObject({
  regionId: z.string(),
  metricSrid: z.number().int().meta({ description: 'EPSG code areas and lengths were measured in' }),
  unitIds: z.array(z.string()).meta({ description: 'Units in the order every other array refers to' }),
  residents: z.array(z.number()),
  households: z.array(z.number()),
  elderly: z.array(z.number()),
  children: z.array(z.number()),
  areaSquareMeters: z.array(z.number()),
  perimeterMeters: z.array(z.number()),
  unitA: z.array(z.number().int()).meta({ description: 'Adjacent pairs (unitA[i], unitB[i]) by unit index' }),
  unitB: z.array(z.number().int()),
  sharedMeters: z.array(z.number()).meta({ description: 'Boundary each pair shares, meters' }),
  baselineCommunityIds: z.array(z.string()),
  facilities: evaluatorFacilitiesSchema,
  streets: z.array(
    z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(['street', 'township']) }),
  ),
  reach: unitReachSchema.nullable(),
  judgedWith: judgedWithSchema,
});

/**
 * What a client's own evaluator needs of a scenario beside the region's unit adjacency: the
 * scenario's facilities and the walking reach on its facilities and paths, under the judging asked.
 */
export const scenarioReachSchema = z.strictObject({
  scenario: scenarioStamp,
  facilities: evaluatorFacilitiesSchema,
  reach: unitReachSchema.nullable(),
  judgedWith: judgedWithSchema,
});

/** The figures of a community both its report and its export columns carry (core/scenario CommunityMetrics). */
const communityFigureFields = {
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  type: communityType,
  streetId: z.string(),
  unitCount: z.number().int(),
  residents: z.number(),
  households: z.number(),
  elderly: z.number(),
  children: z.number(),
  areaSquareKilometers: z.number(),
  residentsPerSquareKilometer: z.number().nullable(),
  perimeterMeters: z.number(),
  polsbyPopper: z.number().nullable().meta({ description: 'Compactness 4πA/P², 1 for a disc' }),
  parts: z.number().int().meta({ description: 'Separate pieces (1 = contiguous, 0 = empty)' }),
  serviceFloorAreaSquareMeters: z.number().nullable(),
  serviceFloorAreaPer100Households: z.number().nullable(),
  staff: z.number().nullable(),
  staffPer10kResidents: z.number().nullable(),
  residentsOutsideBand: z.number().meta({
    description: 'Below the profile’s band of the type negative, above positive, 0 inside or without a band',
  }),
  householdsOutsideBand: z.number(),
};

/** Every metric of a community, its English name and its rule results. */
const communityReportPropertiesSchema = z
  .strictObject({
    ...communityFigureFields,
    facilityCountByCategory: z
      .record(z.string(), z.number().int())
      .meta({ description: 'Facilities inside it by category (配建)' }),
    reachShareByKey: z.record(z.string(), z.number().nullable()).meta({
      description:
        'Share of residents meeting each reach requirement within the tier table and speed in force, 0–1: a category id, `kindergarten|nursery`, `circle@15`…',
    }),
    rules: z.array(ruleResultSchema),
    contributions: z
      .array(ruleContributionSchema)
      .meta({ description: 'Its share in region and street rules' }),
    summary: resultSummarySchema,
  })
  .meta({ id: 'CommunityReport' });

export const communitiesCollectionSchema = featureCollectionSchema(
  featureSchema(communityReportPropertiesSchema, multiPolygonSchema.nullable(), z.string()),
  {
    scenario: scenarioStamp,
    judgedWith: judgedWithSchema,
    coverageCategories: z
      .array(z.string())
      .meta({ description: 'Categories with a tier in the table in force' }),
    regionRules: z
      .array(regionRuleResultSchema)
      .meta({ description: 'Region- and street-scope rules, judged once' }),
  },
).meta({ id: 'ScenarioCommunitiesCollection' });

/** The flat columns of the CSV, Shapefile and GeoJSON exports of communities (scenario-output.ts exportColumns). */
export const communityExportPropertiesSchema = z
  .strictObject({
    ...communityFigureFields,
    profile: z.string(),
    rulesPassed: z.number().int(),
    rulesFailed: z.number().int(),
    rulesAdvice: z.number().int(),
    rulesUndetermined: z.number().int(),
    failedRules: z.string().meta({ description: 'Ids of the failed rules, space-separated' }),
    adviceRules: z.string().meta({ description: 'Ids of the guidance not met (advice), space-separated' }),
    undeterminedRules: z
      .string()
      .meta({ description: 'Ids of the rules a figure was missing for, space-separated' }),
  })
  .catchall(z.number().nullable())
  .meta({
    description: 'Plus `coveredShare.<category>` per category with a tier, 0–1 (null without residents)',
  });

export const communitiesExportCollectionSchema = featureCollectionSchema(
  featureSchema(communityExportPropertiesSchema, multiPolygonSchema.nullable(), z.string()),
).meta({ id: 'CommunityExportCollection' });

const figure = z.strictObject({ scenario: z.number(), with: z.number(), delta: z.number() });

export const comparisonSchema = z.strictObject({
  scenario: z.strictObject({ id: z.string(), version: z.number().int() }),
  with: z.strictObject({ id: z.string(), version: z.number().int() }),
  judgedWith: judgedWithSchema,
  communities: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      streetId: z.string(),
      status: z.enum(['created', 'dissolved', 'changed', 'unchanged']),
      residents: figure,
      households: figure,
      areaSquareKilometers: figure,
      ruleChanges: z.array(
        z.strictObject({
          ruleId: z.string(),
          from: resultStatusSchema.nullable(),
          to: resultStatusSchema.nullable(),
        }),
      ),
    }),
  ),
  movedUnits: z.array(z.strictObject({ id: z.string(), from: z.string(), to: z.string() })),
  facilityChanges: z
    .array(
      z.strictObject({
        id: z.string(),
        change: z.enum(['added', 'moved', 'changed', 'removed']),
        name: z.string(),
        category: z.string(),
        position: positionSchema.nullable().meta({ description: 'In the scenario; null when removed' }),
        withPosition: positionSchema
          .nullable()
          .meta({ description: 'In the one compared with; null when added' }),
      }),
    )
    .meta({ description: 'Facilities that differ, by id' }),
  pathChanges: z
    .array(
      z.strictObject({
        id: z.union([z.string(), z.number().int()]),
        change: z.enum(['added', 'removed', 'closed', 'reopened']),
        name: z.string().nullable(),
      }),
    )
    .meta({
      description: 'Paths added or removed (by path id) and network edges closed or reopened (by edge id)',
    }),
});

/** The comparison as a download: one feature (row) per community, moved unit, facility and path changed. */
export const comparisonExportCollectionSchema = z
  .strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.strictObject({
        type: z.literal('Feature'),
        id: z.string().meta({ description: '`<kind>:<id>`' }),
        geometry: z
          .union([multiPolygonSchema, pointSchema, lineStringSchema])
          .nullable()
          .meta({ description: 'Community or unit polygon, facility point, path line' }),
        properties: z.discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('community'),
            id: z.string(),
            name: z.string(),
            streetId: z.string(),
            status: z.enum(['created', 'dissolved', 'changed', 'unchanged']),
            residentsBefore: z.number(),
            residentsAfter: z.number(),
            residentsDelta: z.number(),
            householdsBefore: z.number(),
            householdsAfter: z.number(),
            householdsDelta: z.number(),
            areaBeforeSquareKilometers: z.number(),
            areaAfterSquareKilometers: z.number(),
            rulesFailedBefore: z.number().int().nullable(),
            rulesFailedAfter: z.number().int().nullable(),
            ruleChangeCount: z.number().int(),
            ruleChanges: z.string().meta({ description: '`ruleId: from → to` joined by "; "' }),
          }),
          z.strictObject({
            kind: z.literal('unit'),
            id: z.string(),
            from: z.string(),
            to: z.string(),
            residents: z.number(),
            households: z.number(),
          }),
          z.strictObject({
            kind: z.literal('facility'),
            id: z.string(),
            change: z.enum(['added', 'moved', 'changed', 'removed']),
            name: z.string(),
            category: z.string(),
            capacity: z.number().nullable(),
            capacityBefore: z.number().nullable(),
            fromLon: z
              .number()
              .nullable()
              .meta({ description: 'Where it stood before (moved, removed, changed)' }),
            fromLat: z.number().nullable(),
          }),
          z.strictObject({
            kind: z.literal('path'),
            id: z.string(),
            change: z.enum(['added', 'removed', 'closed', 'reopened']),
            name: z.string().nullable(),
          }),
        ]),
      }),
    ),
  })
  .meta({ id: 'ComparisonExportCollection' });

/** A rule a village would be held to as the target type, and what it lacks to meet it. */
const ruleGapSchema = z
  .strictObject({
    ...ruleResultSchema.shape,
    shortfall: z.strictObject({ amount: z.number(), unit: bilingualSchema }).nullable().meta({
      description:
        'What is missing to meet it (m² of floor area, workers, residents…); null unless fail or advice',
    }),
  })
  .meta({ id: 'RuleGap' });

const villageEntrySchema = z.strictObject({
  communityId: z.string(),
  name: z.string(),
  streetId: z.string(),
  residents: z.number(),
  households: z.number(),
  applicationTarget: z.enum(['urban', 'rural']).nullable(),
  status: z
    .enum([...CLASSIFICATION_STATUSES, 'not-applicable'])
    .meta({ description: 'The 村改居 classification; not-applicable when the profile has no such test' }),
  candidate: z.boolean(),
  classification: ruleResultSchema.nullable(),
  conditions: z.array(
    z.strictObject({
      condition: z.enum(['development-progress', 'farmland-share']),
      figure: z.number().nullable().meta({ description: '0–1' }),
      threshold: z.number().meta({ description: '0–1' }),
      met: z.boolean().nullable(),
      message: bilingualSchema,
    }),
  ),
  reason: bilingualSchema.nullable(),
  gaps: z.strictObject({
    type: z.enum(CONVERSION_TARGET_TYPES),
    targetFrom: z.enum(['application', 'requested', 'default']),
    floorArea: z.array(ruleGapSchema),
    staff: z.array(ruleGapSchema),
    provision: z.array(ruleGapSchema),
    facilities: z.array(
      z.strictObject({
        tierMinutes: z.number().nullable(),
        gaps: z.array(ruleGapSchema),
        lacking: z.array(z.string()),
      }),
    ),
    size: z.array(ruleGapSchema),
    other: z.array(ruleGapSchema),
    summary: z.array(bilingualSchema),
    counts: resultSummarySchema,
  }),
});

export const villageCandidatesSchema = z
  .strictObject({
    scenario: scenarioStamp,
    as: z
      .enum(CONVERSION_TARGET_TYPES)
      .nullable()
      .meta({ description: 'The target asked for; null: each village’s own application (else urban)' }),
    judgedWith: judgedWithSchema,
    profile: profileIdSchema,
    ruleId: z.string(),
    sources: z.array(ruleSourceSchema),
    ruleInProfile: z
      .boolean()
      .meta({ description: 'False when the profile has no 村改居 test (no village is classified)' }),
    villages: z.array(villageEntrySchema),
    candidateIds: z.array(z.string()),
    applicantIds: z.array(z.string()),
  })
  .meta({ id: 'VillageCandidates' });

const mergeCandidateSchema = z.strictObject({
  communityId: z.string(),
  name: z.string(),
  type: communityType,
  streetId: z.string(),
  sameStreet: z.boolean(),
  sharedBoundaryMeters: z.number(),
  residents: z.number(),
  stationIds: z.array(z.string()),
  meanWalkSeconds: z
    .number()
    .nullable()
    .meta({ description: 'Residents-weighted mean walk to its nearest station, seconds' }),
  addedWalkSeconds: z
    .number()
    .nullable()
    .meta({ description: 'meanWalkSeconds less the walk to the own station, seconds' }),
  unreachedResidents: z.number(),
  mergedResidents: z.number(),
  mergedBand: z.strictObject({ min: z.number().nullable(), max: z.number().nullable() }).nullable(),
  mergedResidentsOutsideBand: z.number(),
});

const relocationCommunitySchema = z.strictObject({
  communityId: z.string(),
  name: z.string(),
  streetId: z.string(),
  residents: z.number(),
  households: z.number(),
  unitCount: z.number().int(),
  status: z.enum(['within-band', 'merge', 'split', 'not-judged']),
  rule: ruleResultSchema.nullable(),
  merge: z
    .strictObject({
      measure: bilingualSchema,
      ownStationIds: z.array(z.string()),
      ownMeanWalkSeconds: z.number().nullable(),
      candidates: z.array(mergeCandidateSchema),
      recommended: z.string().nullable(),
      edit: scenarioEditSchema.nullable().meta({ description: 'The merge edit a client can send as is' }),
      message: bilingualSchema,
    })
    .optional(),
  split: z
    .strictObject({
      ok: z.boolean(),
      reason: z.enum(['not-contiguous', 'band-unreachable', 'too-few-units', 'no-balanced-split']).optional(),
      parts: z.array(
        z.strictObject({ unitIds: z.array(z.string()), residents: z.number(), households: z.number() }),
      ),
      edits: z.array(scenarioEditSchema).meta({ description: '`create` edits for parts 2…n' }),
      message: bilingualSchema,
    })
    .optional(),
});

export const relocationAdviceSchema = z
  .strictObject({
    scenario: scenarioStamp,
    walkCutoffSeconds: z
      .number()
      .nullable()
      .meta({ description: 'Longest walk counted to a station, seconds' }),
    judgedWith: judgedWithSchema,
    profile: profileIdSchema,
    ruleId: z.string(),
    sources: z.array(ruleSourceSchema),
    band: z.strictObject({ min: z.number(), max: z.number() }).nullable().meta({
      description: 'Residents band of the profile’s rule; null: the profile judges no relocation size',
    }),
    speedMetersPerSecond: z.number().nullable(),
    travelNote: z.string().nullable(),
    communities: z.array(relocationCommunitySchema),
  })
  .meta({ id: 'RelocationAdvice' });

/** `as`: the type every village is judged as for what it would lack (村改社区); default each one's application. */
export const villageCandidatesQuery = judgingQuery.extend({ as: z.enum(CONVERSION_TARGET_TYPES).optional() });
const compareQuery = judgingQuery.extend({ with: z.string().min(1).max(100).default('baseline') });
const exportQuery = judgingQuery.extend({ format: exportFormatSchema });

const communitiesGeoJson = {
  description: 'Communities with metrics and rule results as a FeatureCollection',
  content: { 'application/geo+json': communitiesCollectionSchema },
};
const communitiesDownload = downloadResponse(communitiesExportCollectionSchema);

/** Refusals of the region's paths (`/api/regions/:region/…`). */
const regionErrors = {
  400: 'A path, query or body field is refused (named in `error`)',
  404: 'No such region',
  503: DATABASE_UNAVAILABLE,
};
/** Refusals of a scenario's paths (`/api/scenarios/:id…`): "baseline" is not a scenario id there. */
const scenarioErrors = {
  400: 'A path, query or body field is refused (named in `error`), or the id is "baseline" (use the region\'s paths)',
  404: 'No such scenario',
  503: `${DATABASE_UNAVAILABLE}, or the scenario is saved too often to be read`,
};
const readOnlyBaseline = { 405: 'The baseline is read-only' };

export const scenarioOperations = {
  create: defineOperation({
    method: 'post',
    access: 'create-scenario',
    path: '/api/regions/:region/scenarios',
    tag: 'scenarios',
    summary: 'Create a scenario based on the baseline or another scenario (at one of its versions)',
    params: regionParams,
    body: createScenarioBody,
    response: jsonResponse('The new scenario', scenarioSummarySchema, 201),
    errors: {
      ...regionErrors,
      409: 'The version asked for cannot be rebuilt, or not as edits on the copy (a facility or edge removed since)',
    },
  }),
  list: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/scenarios',
    tag: 'scenarios',
    summary: "The region's scenarios",
    params: regionParams,
    response: jsonResponse('A list of scenarios, oldest first', scenarioListSchema),
    errors: regionErrors,
  }),
  baseline: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/scenarios/baseline',
    tag: 'scenarios',
    summary: 'The read-only baseline (the loaded boundaries)',
    params: regionParams,
    response: jsonResponse('The baseline with its community and unit counts', baselineSchema),
    errors: regionErrors,
  }),
  unitAdjacency: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/unit-adjacency',
    tag: 'scenarios',
    summary:
      "What a client's own scenario evaluator needs: unit sums, adjacency, facilities and walking reach under the judging settings",
    params: regionParams,
    query: judgingQuery,
    response: jsonResponse('Units by index, adjacency, facilities and walking reach', unitAdjacencySchema),
    errors: regionErrors,
  }),
  baselineState: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/scenarios/baseline/state',
    tag: 'scenarios',
    summary: "The baseline's communities and the community of each unit",
    params: regionParams,
    response: jsonResponse('Communities and assignment', scenarioStateSchema),
    errors: regionErrors,
  }),
  baselineCommunities: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/scenarios/baseline/communities',
    tag: 'scenarios',
    summary: "The baseline's communities with metrics and rule results",
    params: regionParams,
    query: judgingQuery,
    response: communitiesGeoJson,
    errors: regionErrors,
  }),
  baselineExport: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/regions/:region/scenarios/baseline/export',
    tag: 'exports',
    summary: "Download the baseline's communities with metrics",
    params: regionParams,
    query: exportQuery,
    response: communitiesDownload,
    errors: regionErrors,
  }),
  baselineVillageCandidates: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/scenarios/baseline/village-candidates',
    tag: 'scenarios',
    summary: 'Villages that could become communities (村改社区) and what they would lack',
    params: regionParams,
    query: villageCandidatesQuery,
    response: jsonResponse('Every village judged, and the candidates', villageCandidatesSchema),
    errors: regionErrors,
  }),
  baselineRelocationAdvice: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/scenarios/baseline/relocation-advice',
    tag: 'scenarios',
    summary: 'Merge or split advice for communities outside their size band',
    params: regionParams,
    query: judgingQuery,
    response: jsonResponse('Advice per community', relocationAdviceSchema),
    errors: regionErrors,
  }),
  get: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id',
    tag: 'scenarios',
    summary: 'One scenario with its edits',
    params: scenarioParams,
    response: jsonResponse('The scenario and its edit log', scenarioDetailSchema),
    errors: scenarioErrors,
  }),
  delete: defineOperation({
    method: 'delete',
    access: 'own-scenario',
    path: '/api/scenarios/:id',
    tag: 'scenarios',
    summary: 'Delete a scenario (the baseline answers 405)',
    params: scenarioParams,
    response: { status: 204, description: 'Deleted' },
    errors: { ...scenarioErrors, 400: 'The id is malformed', ...readOnlyBaseline },
  }),
  save: defineOperation({
    method: 'patch',
    access: 'edit-scenario',
    path: '/api/scenarios/:id',
    tag: 'scenarios',
    summary: 'Save edits at a version (409 when stale)',
    params: scenarioParams,
    body: patchScenarioBody,
    response: jsonResponse('The new version and what each edit did', savedEditsSchema),
    errors: {
      ...scenarioErrors,
      400: 'The body is refused, or an edit cannot be applied (named as `edits[i] (op)`); nothing is saved',
      ...readOnlyBaseline,
      409: {
        description: 'The scenario moved on: reload it and apply the edits again',
        schema: staleVersionSchema,
      },
    },
  }),
  submit: defineOperation({
    method: 'post',
    access: 'edit-scenario',
    path: '/api/scenarios/:id/submit',
    tag: 'scenarios',
    summary: 'Submit a scenario at its current version for review (it is locked until a leader decides)',
    params: scenarioParams,
    body: submitForReviewBody,
    response: jsonResponse('The scenario as submitted', scenarioSummarySchema),
    errors: {
      ...scenarioErrors,
      409: 'The scenario is at another version, or is submitted or approved already',
    },
  }),
  decide: defineOperation({
    method: 'post',
    access: 'review-scenario',
    path: '/api/scenarios/:id/decision',
    tag: 'scenarios',
    summary: 'Approve a submitted scenario (locking it), or return it to its editors with a comment',
    params: scenarioParams,
    body: reviewDecisionBody,
    response: jsonResponse('The scenario as decided', scenarioSummarySchema),
    errors: {
      ...scenarioErrors,
      409: 'The scenario is not submitted, or has moved on from the version decided on',
    },
  }),
  versions: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/versions',
    tag: 'scenarios',
    summary: "A scenario's saved versions with their time and edits, newest first",
    params: scenarioParams,
    response: jsonResponse('Every version of the scenario', scenarioVersionsSchema),
    errors: scenarioErrors,
  }),
  versionState: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/versions/:version/state',
    tag: 'scenarios',
    summary: 'A scenario as it was at one version: communities, units, facility and path changes',
    params: scenarioVersionParams,
    response: jsonResponse('The state rebuilt from the edit log', scenarioVersionStateSchema),
    errors: {
      ...scenarioErrors,
      404: 'No such scenario, or no such version of it',
      409: 'The version cannot be rebuilt (the scenario it was copied from is gone)',
    },
  }),
  restoreVersion: defineOperation({
    method: 'post',
    access: 'edit-scenario',
    path: '/api/scenarios/:id/versions/:version/restore',
    tag: 'scenarios',
    summary: 'Save the state of an earlier version as a new version (409 when stale)',
    params: scenarioVersionParams,
    body: restoreVersionBody,
    response: jsonResponse('The new version and the edits it was saved as', restoredVersionSchema),
    errors: {
      ...scenarioErrors,
      404: 'No such scenario, or no such version of it',
      ...readOnlyBaseline,
      409: {
        description:
          'The scenario moved on (`currentVersion` names its version), or the version cannot be rebuilt or restored as edits',
        schema: staleVersionSchema.partial({ currentVersion: true }),
      },
    },
  }),
  communities: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/communities',
    tag: 'scenarios',
    summary: "A scenario's communities with metrics and rule results",
    params: scenarioParams,
    query: judgingQuery,
    response: communitiesGeoJson,
    errors: scenarioErrors,
  }),
  reach: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/reach',
    tag: 'scenarios',
    summary:
      "A scenario's facilities and walking reach for a client's own evaluator (with the region's unit adjacency)",
    params: scenarioParams,
    query: judgingQuery,
    response: jsonResponse('Facilities by unit and reach bitsets on the scenario', scenarioReachSchema),
    errors: scenarioErrors,
  }),
  state: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/state',
    tag: 'scenarios',
    summary: "A scenario's communities and the community of each unit",
    params: scenarioParams,
    response: jsonResponse('Communities and assignment', scenarioStateSchema),
    errors: scenarioErrors,
  }),
  compare: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/compare',
    tag: 'scenarios',
    summary: 'Compare a scenario with the baseline or another scenario',
    params: scenarioParams,
    query: compareQuery,
    response: jsonResponse('Per-community changes and moved units', comparisonSchema),
    errors: {
      ...scenarioErrors,
      400: 'A field is refused, the id is "baseline", or `with` names no scenario of the same region',
    },
  }),
  compareExport: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/scenarios/:id/compare/export',
    tag: 'exports',
    summary:
      'Download the difference from the baseline or another scenario: communities before and after with rule changes, units that changed community, facilities and paths changed',
    params: scenarioParams,
    query: compareQuery.extend({ format: exportFormatSchema }),
    response: downloadResponse(
      comparisonExportCollectionSchema,
      'An attachment by `format`: one .geojson or .csv (UTF-8 with BOM) of every change with its `kind`, or a .zip of one Shapefile per kind (communities, units, facilities, paths)',
    ),
    errors: {
      ...scenarioErrors,
      400: 'A field is refused, the id is "baseline", or `with` names no scenario of the same region',
    },
  }),
  export: defineOperation({
    method: 'get',
    access: 'export',
    path: '/api/scenarios/:id/export',
    tag: 'exports',
    summary: "Download a scenario's communities with metrics",
    params: scenarioParams,
    query: exportQuery,
    response: communitiesDownload,
    errors: scenarioErrors,
  }),
  villageCandidates: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/village-candidates',
    tag: 'scenarios',
    summary: "A scenario's villages that could become communities (村改社区)",
    params: scenarioParams,
    query: villageCandidatesQuery,
    response: jsonResponse('Every village judged, and the candidates', villageCandidatesSchema),
    errors: scenarioErrors,
  }),
  relocationAdvice: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/relocation-advice',
    tag: 'scenarios',
    summary: "Merge or split advice for a scenario's communities",
    params: scenarioParams,
    query: judgingQuery,
    response: jsonResponse('Advice per community', relocationAdviceSchema),
    errors: scenarioErrors,
  }),
};

export type UnitAdjacencyAnswer = z.output<typeof unitAdjacencySchema>;
export type ScenarioStateAnswer = z.output<typeof scenarioStateSchema>;
export type ScenarioVersionsAnswer = z.output<typeof scenarioVersionsSchema>;
export type ScenarioVersionStateAnswer = z.output<typeof scenarioVersionStateSchema>;
