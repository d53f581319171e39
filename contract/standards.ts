/**
 * The planning standards as the API states them: the surveyed figures a community carries, rule
 * results (community, street and region scope) with their grade, sources and tool defaults, what
 * every judging operation reads (profile, walking speed, tier table, tool settings), and the
 * profiles with their documents (`GET /api/profiles`). Each mirrors core/standards.
 */

import { z } from 'zod';
import { APPLICATION_TARGETS, SEAT_KINDS, STATION_PROVENANCES } from '../core/standards/community-figures.js';
import { COMMUNITY_TYPE_IDS } from '../core/standards/community-types.js';
import { DOCUMENT_IDS } from '../core/standards/documents.js';
import { STANDARDS_PROFILE_IDS } from '../core/standards/profiles.js';
import { RESULT_REASONS, RULE_STATUSES } from '../core/standards/rule-results.js';
import { RULE_GRADES } from '../core/standards/rules.js';
import { speedSchema, tiersQuerySchema } from './accessibility-requests.js';
import { DATABASE_UNAVAILABLE, jsonResponse } from './common.js';
import { defineOperation } from './operation.js';
import { refuse } from './validation.js';

export const profileIdSchema = z.enum(STANDARDS_PROFILE_IDS);

/** Text in both interface languages. */
export const bilingualSchema = z.strictObject({ zh: z.string(), en: z.string() }).meta({ id: 'Bilingual' });

const count = z.number().int().nullable();
const share = z.number().nullable().meta({ description: '0–1' });

/** A community's surveyed figures as answers carry them: null wherever the data does not say. */
export const surveyedFiguresShape = {
  serviceFloorAreaSquareMeters: z.number().nullable().meta({ description: 'Service station floor area, m²' }),
  stationProvenance: z.enum(STATION_PROVENANCES).nullable().meta({
    description: 'How the station was provided: new (新建), rebuilt (改建), bought (购置), rented (租用)',
  }),
  activityFloorShare: share.meta({ description: 'Resident activity space ÷ the station’s floor area, 0–1' }),
  commercialFloorShare: share.meta({
    description: 'Commerce and services ÷ the community’s total floor area, 0–1',
  }),
  staff: count,
  socialWorkers: count.meta({ description: 'Workers holding a social-work certificate (社工师, any level)' }),
  grids: count,
  gridWorkers: count,
  policeOfficers: count,
  auxiliaryPoliceOfficers: count,
  openingHoursPerDay: z.number().nullable(),
  parkingSpaces: count,
  newResidentialArea: z
    .boolean()
    .nullable()
    .meta({ description: 'A newly built residential area (新建居住社区)' }),
  seatKind: z.enum(SEAT_KINDS).nullable().meta({
    description: 'Where a township community sits: township seat, former township seat, county seat',
  }),
  seatName: z.string().nullable(),
  agriculturalLandShare: share,
  developmentProgress: share,
  applicationTarget: z
    .enum(APPLICATION_TARGETS)
    .nullable()
    .meta({ description: 'A village’s 村改社区 application: urban (城市社区) or rural (农村社区)' }),
};

export const ruleSourceSchema = z
  .strictObject({
    document: z.enum(DOCUMENT_IDS),
    title: z
      .string()
      .meta({ description: 'The document’s title as printed, e.g. 《乐山市“十四五”城乡社区发展治理规划》' }),
    clause: z
      .string()
      .meta({ description: 'Where in the document, in its own numbering: 专栏2, 三、（一）1' }),
    quote: z
      .string()
      .nullable()
      .meta({ description: 'The words the figure comes from; null for a national standard' }),
  })
  .meta({ id: 'RuleSource' });

const reachRequirementSchema = z.strictObject({
  key: z.string(),
  allOf: z.array(
    z.strictObject({ anyOf: z.array(z.strictObject({ category: z.string(), minutes: z.number() })) }),
  ),
});

const ruleKindSchema = z.enum([
  'size-band',
  'floor-area',
  'share',
  'staff',
  'provision',
  'reach',
  'classification',
  'adjacency',
  'count',
  'service-hours',
]);
const ruleScopeSchema = z.enum(['community', 'street', 'region']);
export const resultStatusSchema = z.enum([...RULE_STATUSES, 'candidate', 'not-candidate']);

const ruleResultShape = {
  ruleId: z.string(),
  kind: ruleKindSchema,
  scope: ruleScopeSchema,
  grade: z
    .enum(RULE_GRADES)
    .meta({ description: 'binding 约束性, expected 预期性, guidance 原则上·为宜·可' }),
  status: resultStatusSchema.meta({
    description:
      'pass/fail (binding or expected, figure known), advice (guidance not met), undetermined (a figure missing), not-applicable; candidate/not-candidate for the 村改居 classification',
  }),
  figure: z
    .number()
    .nullable()
    .meta({ description: 'The figure that decided it (shares as 0–1); null when none' }),
  threshold: z.string().meta({ description: 'The bound, readable: "≥ 30", "4 500–12 000", "≥ 80 %"' }),
  bounds: z.strictObject({ min: z.number().nullable(), max: z.number().nullable() }).nullable(),
  unit: bilingualSchema,
  toolDefault: z
    .boolean()
    .meta({ description: 'A figure of the result is this tool’s own choice (工具默认), not a document’s' }),
  toolDefaultNote: bilingualSchema.nullable(),
  sources: z.array(ruleSourceSchema),
  title: bilingualSchema,
  advice: bilingualSchema,
  side: z.enum(['below', 'above']).optional(),
  reason: z.enum(RESULT_REASONS).optional(),
  missing: z
    .array(z.string())
    .optional()
    .meta({ description: 'For undetermined: the figures that are missing' }),
  note: bilingualSchema.nullable().optional(),
  walk: z.strictObject({ speedMetersPerSecond: z.number(), requirement: reachRequirementSchema }).optional(),
};

/** One rule judged on one community. */
export const ruleResultSchema = z.strictObject(ruleResultShape).meta({ id: 'RuleResult' });

const regionSubjectSchema = z.union([
  z.strictObject({ kind: z.literal('region') }),
  z.strictObject({
    kind: z.literal('street'),
    streetId: z.string(),
    seat: z.strictObject({ kind: z.enum(SEAT_KINDS).nullable(), name: z.string().nullable() }).nullable(),
  }),
]);

/** A rule judged for the region or a street (township seat). */
export const regionRuleResultSchema = z
  .strictObject({
    ...ruleResultShape,
    subject: regionSubjectSchema,
    communities: z.strictObject({ counted: z.number().int(), missing: z.array(z.string()) }),
  })
  .meta({ id: 'RegionRuleResult' });

/** What one community contributes to a region or street result (never judged on its own). */
export const ruleContributionSchema = z
  .strictObject({
    ruleId: z.string(),
    kind: ruleKindSchema,
    scope: ruleScopeSchema,
    grade: z.enum(RULE_GRADES),
    title: bilingualSchema,
    unit: bilingualSchema,
    sources: z.array(ruleSourceSchema),
    communityId: z.string(),
    figure: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    subjectStatus: resultStatusSchema,
    subject: regionSubjectSchema,
  })
  .meta({ id: 'RuleContribution' });

/** Counts of each status over a set of results; `judged` = pass + fail + advice. */
export const resultSummarySchema = z.strictObject({
  pass: z.number().int(),
  fail: z.number().int(),
  advice: z.number().int(),
  undetermined: z.number().int(),
  notApplicable: z.number().int(),
  candidate: z.number().int(),
  notCandidate: z.number().int(),
  judged: z.number().int(),
});

/** A number in a query string within (min, max], or absent. */
function queryShare(label: { en: string; zh: string }, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return undefined;
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (!(Number.isFinite(value) && value > min && value <= max)) {
        refuse(context, {
          en: `must be ${label.en} in (${min}, ${max}], got "${text}"`,
          zh: `应为 (${min}, ${max}] 之间的${label.zh}，收到“${text}”`,
        });
        return z.NEVER;
      }
      return value;
    });
}

/**
 * What every judging operation reads: the profile (default the region's own), the walking speed and
 * tier overrides every reach figure follows (as `/coverage` takes them), and the tool defaults
 * (reach share, 毗邻 distance) where the planner changes them.
 */
export const judgingQuery = z.object({
  profile: profileIdSchema.optional(),
  speedMetersPerSecond: speedSchema<string>(true),
  tiers: tiersQuerySchema,
  reachShare: queryShare({ en: 'a share of residents', zh: '居民比例' }, 0, 1),
  adjacencyMeters: queryShare({ en: 'a distance in meters', zh: '距离（米）' }, 0, 5000),
});
export type JudgingQuery = z.output<typeof judgingQuery>;

/** What a judging answer was judged with, resolved: the profile, speed, tier table and tool settings. */
export const judgedWithSchema = z
  .strictObject({
    profile: profileIdSchema,
    profileFrom: z
      .enum(['region', 'request'])
      .meta({ description: 'The region’s stored profile, or the one asked for' }),
    speedMetersPerSecond: z.number(),
    tiers: z
      .record(z.string(), z.number().nullable())
      .meta({ description: 'Category → tier minutes in force' }),
    settings: z.strictObject({ reachShare: z.number(), adjacencyMeters: z.number() }),
    reachNote: z.string().nullable().meta({ description: 'Why walking reach is missing, when it is' }),
  })
  .meta({ id: 'JudgedWith' });
export type JudgedWith = z.output<typeof judgedWithSchema>;

const sourceDocumentSchema = z.strictObject({
  id: z.enum(DOCUMENT_IDS),
  title: z.string(),
  titleEn: z.string(),
  issuer: z.string().nullable(),
  documentNumber: z.string().nullable(),
  year: z.number().int().nullable(),
  issued: z.string().nullable(),
  city: bilingualSchema.nullable(),
  seedFile: z.string().nullable(),
  note: bilingualSchema.nullable(),
});

export const profileCatalogueSchema = z
  .strictObject({
    id: profileIdSchema,
    nameZh: z.string(),
    nameEn: z.string(),
    documents: z.array(sourceDocumentSchema),
    rules: z.array(
      z.strictObject({
        ruleId: z.string(),
        kind: ruleKindSchema,
        scope: ruleScopeSchema,
        grade: z.enum(RULE_GRADES),
        gradeWording: z
          .string()
          .meta({ description: 'The words the grade is read from (原则上, 为宜, 不少于…)' }),
        title: bilingualSchema,
        advice: bilingualSchema,
        unit: bilingualSchema,
        appliesTo: z.array(z.enum(COMMUNITY_TYPE_IDS)),
        newResidentialOnly: z.boolean(),
        threshold: z
          .looseObject({ kind: z.string() })
          .meta({ description: 'The threshold as data (core/standards/rules.ts RuleThreshold)' }),
        thresholdText: bilingualSchema,
        toolDefault: z.boolean(),
        toolDefaultNote: bilingualSchema.nullable(),
        sources: z.array(ruleSourceSchema),
        note: bilingualSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'ProfileCatalogue' });

export const standardsOperations = {
  profiles: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/profiles',
    tag: 'standards',
    summary:
      'Every standards profile with its documents (title, issuer, year) and its rules as they state them',
    response: jsonResponse('The profiles, each with documents and rules', z.array(profileCatalogueSchema)),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
};
