/**
 * What the scenario routes answer, as zod schemas: the OpenAPI document is generated from them and
 * tests/api/openapi-responses.api.test.ts parses real answers with them. Each mirrors the code that
 * builds the answer (scenario-store.ts, scenario-output.ts, scenario-advice.ts, core/scenario).
 */

import { z } from 'zod';
import { COMMUNITY_TYPE_IDS } from '../../../core/standards/community-types.js';
import { STANDARDS_PROFILE_IDS } from '../../../core/standards/profiles.js';
import {
  errorBodySchema,
  featureCollectionSchema,
  featureSchema,
  multiPolygonSchema,
} from '../openapi/common-schemas.js';
import { editSchema } from '../scenarios/edit-schema.js';

const communityType = z.enum(COMMUNITY_TYPE_IDS);
const profile = z.enum(STANDARDS_PROFILE_IDS);
const ruleStatus = z.enum(['pass', 'fail', 'not-applicable']);

/** Text in both interface languages. */
export const bilingualSchema = z.strictObject({ zh: z.string(), en: z.string() }).meta({ id: 'Bilingual' });

/** An edit as the PATCH body takes it (scenarios/edit-schema.ts): stored edits and advised edits alike. */
const scenarioEditSchema = editSchema.meta({ id: 'ScenarioEdit' });

/** Which scenario (or `baseline`) of which region an answer describes, at which version. */
const scenarioStamp = z.strictObject({ id: z.string(), regionId: z.string(), version: z.number().int() });

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
      }),
    )
    .meta({ description: 'The edit log: the edits each save sent, by the version it made' }),
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
      op: z.enum(['assign', 'redraw', 'split', 'merge', 'create', 'update', 'convert-village']),
      moved: z.number().int().meta({ description: 'Units the edit moved to another community' }),
      notes: z.array(z.string()),
    }),
  ),
});

export const staleVersionSchema = errorBodySchema.extend({
  currentVersion: z.number().int().meta({ description: 'The version to reload and apply the edits on' }),
});

/** A community's own attributes (core/scenario CommunityRecord): what is not summed from its units. */
const communityRecordSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable().optional(),
    type: communityType,
    streetId: z.string(),
    serviceFloorAreaSquareMeters: z.number().nullable(),
    staff: z.number().int().nullable(),
    socialWorkers: z.number().int().nullable(),
    grids: z.number().int().nullable(),
    gridWorkers: z.number().int().nullable(),
    agriculturalLandShare: z.number().nullable().meta({ description: '0–1' }),
    developmentProgress: z.number().nullable().meta({ description: '0–1' }),
    isTownshipSeat: z.boolean(),
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
  coverage: z.strictObject({
    categories: z.array(z.string()),
    covered: z
      .array(z.string())
      .meta({
        description:
          'Per category, base64 bitset: bit u of byte u>>3 (LSB first) = unit u reaches it within its tier',
      }),
  }),
  coverageNote: z.string().nullable().meta({ description: 'Why coverage is missing or partial, when it is' }),
});

/** One rule judged on one community (core/standards evaluateRule). */
export const ruleResultSchema = z
  .strictObject({
    ruleId: z.string(),
    status: ruleStatus,
    figure: z
      .number()
      .nullable()
      .meta({ description: 'The figure that decided it (shares as 0–1); null when not applicable' }),
    threshold: z.string().meta({ description: 'The bound, readable: "≥ 30", "4 500–12 000"' }),
    reason: z.enum(['not-for-type', 'missing-data']).optional(),
    side: z.enum(['below', 'above']).optional(),
    sources: z.array(z.string()),
    title: bilingualSchema,
    advice: bilingualSchema,
  })
  .meta({ id: 'RuleResult' });

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
  residentsOutsideBand: z
    .number()
    .meta({ description: 'Negative below the type’s band, positive above, 0 inside' }),
  householdsOutsideBand: z.number(),
};

/** Every metric of a community, its English name and its rule results. */
const communityReportPropertiesSchema = z
  .strictObject({
    ...communityFigureFields,
    coveredShareByCategory: z
      .record(z.string(), z.number().nullable())
      .meta({ description: 'Share of residents reaching each category within its tier, 0–1' }),
    rules: z.array(ruleResultSchema),
  })
  .meta({ id: 'CommunityReport' });

export const communitiesCollectionSchema = featureCollectionSchema(
  featureSchema(communityReportPropertiesSchema, multiPolygonSchema.nullable(), z.string()),
  {
    scenario: scenarioStamp,
    profile,
    coverageCategories: z.array(z.string()),
    coverageNote: z.string().nullable(),
  },
).meta({ id: 'ScenarioCommunitiesCollection' });

/** The flat columns of the CSV, Shapefile and GeoJSON exports of communities (scenario-output.ts exportColumns). */
export const communityExportPropertiesSchema = z
  .strictObject({
    ...communityFigureFields,
    rulesPassed: z.number().int(),
    rulesFailed: z.number().int(),
    failedRules: z.string().meta({ description: 'Ids of the failed rules, space-separated' }),
  })
  .catchall(z.number().nullable())
  .meta({
    description: 'Plus `coveredShare.<category>` per coverage category, 0–1 (null without residents)',
  });

export const communitiesExportCollectionSchema = featureCollectionSchema(
  featureSchema(communityExportPropertiesSchema, multiPolygonSchema.nullable(), z.string()),
).meta({ id: 'CommunityExportCollection' });

const figure = z.strictObject({ scenario: z.number(), with: z.number(), delta: z.number() });

export const comparisonSchema = z.strictObject({
  scenario: z.strictObject({ id: z.string(), version: z.number().int() }),
  with: z.strictObject({ id: z.string(), version: z.number().int() }),
  profile,
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
        z.strictObject({ ruleId: z.string(), from: ruleStatus.nullable(), to: ruleStatus.nullable() }),
      ),
    }),
  ),
  movedUnits: z.array(z.strictObject({ id: z.string(), from: z.string(), to: z.string() })),
});

/** A rule a village would be held to as the target type, and what it lacks to pass. */
const ruleGapSchema = z.strictObject({
  ruleId: z.string(),
  title: bilingualSchema,
  sources: z.array(z.string()),
  status: ruleStatus,
  figure: z.number().nullable(),
  threshold: z.string(),
  shortfall: z
    .strictObject({ amount: z.number(), unit: bilingualSchema })
    .nullable()
    .meta({
      description: 'What is missing to pass (m² of floor area, workers, share points); null unless failing',
    }),
});

const categoryReachSchema = z.strictObject({
  category: z.string(),
  name: bilingualSchema,
  coveredShare: z.number().nullable().meta({ description: '0–1' }),
  uncoveredResidents: z.number().nullable(),
  threshold: z.number().nullable().meta({ description: 'The share a rule asks for, 0–1' }),
  thresholdRuleId: z.string().nullable(),
  thresholdProfile: profile.nullable(),
  status: z.enum(['meets', 'below', 'unreached', 'not-judged', 'unknown']),
});

const villageEntrySchema = z.strictObject({
  communityId: z.string(),
  name: z.string(),
  streetId: z.string(),
  residents: z.number(),
  households: z.number(),
  status: ruleStatus.meta({
    description: 'The conversion rule’s result: pass makes the village a candidate',
  }),
  candidate: z.boolean(),
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
    type: z.enum(['urban', 'fringe']),
    floorArea: z.array(ruleGapSchema),
    staff: z.array(ruleGapSchema),
    facilities: z.array(
      z.strictObject({
        tierMinutes: z.number(),
        categories: z.array(categoryReachSchema),
        lacking: z.array(z.string()),
      }),
    ),
    size: z.array(
      z.strictObject({
        measure: z.enum(['residents', 'households']),
        value: z.number(),
        band: z.strictObject({ min: z.number().nullable(), max: z.number().nullable() }).nullable(),
        outsideBand: z.number(),
      }),
    ),
    summary: z.array(bilingualSchema),
  }),
});

export const villageCandidatesSchema = z
  .strictObject({
    scenario: scenarioStamp,
    as: z.enum(['urban', 'fringe']),
    coverageCategories: z.array(z.string()),
    coverageNote: z.string().nullable(),
    profile,
    ruleId: z.string(),
    sources: z.array(z.string()),
    ruleInProfile: z
      .boolean()
      .meta({ description: 'False when the profile has no conversion rule (no village is judged)' }),
    villages: z.array(villageEntrySchema),
    candidateIds: z.array(z.string()),
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
  rule: ruleResultSchema,
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
    profile,
    ruleId: z.string(),
    sources: z.array(z.string()),
    band: z
      .strictObject({ min: z.number(), max: z.number() })
      .nullable()
      .meta({ description: 'Residents band of the rule' }),
    speedMetersPerSecond: z.number().nullable(),
    travelNote: z.string().nullable(),
    communities: z.array(relocationCommunitySchema),
  })
  .meta({ id: 'RelocationAdvice' });
