/**
 * Partition proposals: up to N different ways to divide one street's units into communities, each
 * contiguous, each held to its type's size band under the standards profile (balanced by residents
 * where the profile gives none), compact, and holding a service station when asked (else flagged),
 * with the rule results its communities would get, a score, and the `create` / `assign` edits that
 * adopt it. On the region's communities (the baseline) or a scenario's own. Built by
 * server/src/scenarios/partition-proposals.ts over core/partition/propose-partitions.ts.
 */

import { z } from 'zod';
import { MAX_PROPOSALS } from '../core/partition/propose-partitions.js';
import { COMMUNITY_TYPE_IDS } from '../core/standards/community-types.js';
import { DATABASE_UNAVAILABLE, jsonResponse, regionParams, scenarioParams } from './common.js';
import { defineOperation } from './operation.js';
import { editSchema } from './scenario-edits.js';
import {
  bilingualSchema,
  judgedWithSchema,
  profileIdSchema,
  resultSummarySchema,
  ruleResultSchema,
} from './standards.js';

/** Most communities a street may be divided into by one request. */
export const MAX_PARTITION_COMMUNITIES = 200;
export { MAX_PROPOSALS as MAX_PARTITION_PROPOSALS };
export const DEFAULT_PARTITION_PROPOSALS = 5;

export const partitionProposalsBodySchema = z.strictObject({
  streetId: z.string().min(1).max(100).meta({ description: 'The street (or township) to divide' }),
  communities: z.number().int().min(1).max(MAX_PARTITION_COMMUNITIES).optional().meta({
    description:
      'Communities the street should have afterwards, kept ones included; default as many as now (or what the size band allows)',
  }),
  profile: profileIdSchema
    .optional()
    .meta({ description: 'Standards profile for the bands and rules; default the region’s' }),
  keep: z
    .array(z.string().min(1).max(100))
    .max(MAX_PARTITION_COMMUNITIES)
    .default([])
    .meta({ description: 'Communities of the street left exactly as they are' }),
  stationsMustBeInside: z
    .boolean()
    .default(false)
    .meta({ description: 'Every community should hold a service station (those without are flagged)' }),
  proposals: z
    .number()
    .int()
    .min(1)
    .max(MAX_PROPOSALS)
    .default(DEFAULT_PARTITION_PROPOSALS)
    .meta({ description: 'How many different proposals at most' }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1)
    .meta({ description: 'Seed of the search: the same seed gives the same proposals' }),
});

export type PartitionProposalsBody = z.output<typeof partitionProposalsBodySchema>;

const sizeRangeSchema = z
  .strictObject({ min: z.number().nullable(), max: z.number().nullable() })
  .meta({ description: 'A size band: null bounds are open' });

const communityType = z.enum(COMMUNITY_TYPE_IDS);

const scorePartsSchema = z
  .strictObject({
    bandExcess: z.number().meta({ description: 'Σ share by which communities lie outside their bands' }),
    bandViolations: z.number().int().meta({ description: 'Communities outside their band' }),
    stationsMissing: z
      .number()
      .int()
      .meta({ description: 'Communities without a service station (when asked for)' }),
    populationDeviation: z.number().meta({ description: 'Largest |residents − target| ÷ target' }),
    unbandedDeviation: z.number().meta({ description: 'The same over types without a band' }),
    compactness: z
      .number()
      .meta({ description: 'Area-weighted mean Polsby–Popper of the redrawn communities' }),
    movedUnits: z.number().int(),
    movedShare: z.number().meta({ description: 'movedUnits ÷ units redrawn' }),
  })
  .meta({ id: 'PartitionScoreParts' });

export const BAND_STATUSES = ['within', 'below', 'above', 'mixed', 'no-band'] as const;

const proposedCommunitySchema = z
  .strictObject({
    communityId: z.string().meta({
      description: 'The kept or continued community’s id, or a placeholder (proposal-new-N) for a new one',
    }),
    isNew: z.boolean().meta({ description: 'Adopting creates it (its id is then a placeholder)' }),
    kept: z.boolean().meta({ description: 'Named in `keep`: left as it is' }),
    name: z.string(),
    type: communityType,
    unitIds: z.array(z.string()),
    unitCount: z.number().int(),
    residents: z.number(),
    households: z.number(),
    areaSquareKilometers: z.number(),
    perimeterMeters: z.number(),
    polsbyPopper: z.number().nullable().meta({ description: '4πA/P² (1 for a disc)' }),
    parts: z.number().int().meta({ description: 'Separate pieces: 1 for every redrawn community' }),
    stationIds: z.array(z.string()).meta({ description: 'Service stations standing in its units' }),
    hasStation: z.boolean(),
    needsStation: z.boolean().meta({ description: 'No service station inside: one must be provided' }),
    band: z.strictObject({ residents: sizeRangeSchema.nullable(), households: sizeRangeSchema.nullable() }),
    bandStatus: z.enum(BAND_STATUSES),
    unitsMovedIn: z.number().int().meta({ description: 'Units that come from another community now' }),
    rules: z.array(ruleResultSchema),
    ruleSummary: resultSummarySchema,
  })
  .meta({ id: 'ProposedCommunity' });

const proposalSchema = z
  .strictObject({
    rank: z.number().int().meta({ description: '1 for the best score' }),
    attemptSeed: z.number().int(),
    score: z.number().meta({ description: 'Lower is better (see scoreWeights)' }),
    scoreParts: scorePartsSchema,
    communities: z.array(proposedCommunitySchema).meta({ description: 'Kept ones, then redrawn ones' }),
    edits: z
      .array(editSchema)
      .meta({ description: '`create` and `assign` edits adopting it, in order, ready to PATCH' }),
    dissolvedCommunityIds: z.array(z.string()),
    differenceFromBest: z
      .number()
      .meta({ description: 'Share of the redrawn units that differ from rank 1' }),
  })
  .meta({ id: 'PartitionProposal' });

export const partitionProposalsSchema = z
  .strictObject({
    scenario: z.strictObject({ id: z.string(), regionId: z.string(), version: z.number().int() }),
    streetId: z.string(),
    judgedWith: judgedWithSchema,
    communityCount: z
      .number()
      .int()
      .meta({ description: 'Communities of each proposal, kept ones included' }),
    keptCommunityIds: z.array(z.string()),
    countBasis: z.enum(['requested', 'current', 'band']),
    bands: z.array(
      z.strictObject({
        type: communityType,
        residents: sizeRangeSchema.nullable(),
        households: sizeRangeSchema.nullable(),
        ruleIds: z.array(z.string()),
      }),
    ),
    bandFeasible: z
      .boolean()
      .meta({ description: 'Whether the residents and households can be divided within the bands at all' }),
    stations: z.strictObject({
      asked: z.boolean(),
      available: z.number().int().meta({ description: 'Units with a service station among those redrawn' }),
      communities: z.number().int().meta({ description: 'Communities drawn' }),
    }),
    notes: z.array(bilingualSchema),
    scoreWeights: z.record(z.string(), z.number()),
    current: z.strictObject({ communityCount: z.number().int(), score: z.number(), parts: scorePartsSchema }),
    attempts: z.number().int(),
    proposals: z.array(proposalSchema),
  })
  .meta({ id: 'PartitionProposals' });

export type PartitionProposalsAnswer = z.output<typeof partitionProposalsSchema>;

const regionErrors = {
  400: 'A path or body field is refused (named in `error`): an unknown street, a community to keep that is not of the street, a count the street cannot take',
  404: 'No such region',
  422: 'The street cannot be divided as asked: no units, nothing left to redraw, fewer units than communities, or more separate pieces than communities',
  503: DATABASE_UNAVAILABLE,
};

export const partitionProposalOperations = {
  region: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/regions/:region/partition-proposals',
    tag: 'scenarios',
    summary: "Proposed partitions of a street into communities that meet the rules, on the region's own",
    params: regionParams,
    body: partitionProposalsBodySchema,
    response: jsonResponse(
      'The proposals with their communities, rule results, scores and adoption edits',
      partitionProposalsSchema,
    ),
    errors: regionErrors,
  }),
  scenario: defineOperation({
    method: 'post',
    access: 'read',
    path: '/api/scenarios/:id/partition-proposals',
    tag: 'scenarios',
    summary: "Proposed partitions of a street into communities that meet the rules, on a scenario's own",
    params: scenarioParams,
    body: partitionProposalsBodySchema,
    response: jsonResponse(
      'The proposals with their communities, rule results, scores and adoption edits',
      partitionProposalsSchema,
    ),
    errors: {
      ...regionErrors,
      400: `${regionErrors[400]}; or the id is "baseline" (use the region’s path)`,
      404: 'No such scenario',
    },
  }),
};
