/**
 * Fixtures for the client's tests of judged answers, built from the real rule table (core/standards
 * rules.ts) so a test cannot drift from it: a result's kind, scope, grade, sources, title, advice,
 * unit and tool default are the table's for the rule under the profile, and a reach result walks to
 * what the rule asks under the default tier table. Not a test file itself (vitest picks up
 * `*.test.ts` only).
 */
import { defaultTierTable } from '../../../../core/accessibility/coverage';
import { toolDefaultOf } from '../../../../core/standards/evaluate-rules';
import { reachRequirementOf, type ReachRequirement } from '../../../../core/standards/reach';
import type {
  JudgedWith,
  ResultStatus,
  RuleGapAnswer,
  ScenarioRuleResult,
  VillageCandidatesAnswer,
  VillageConversionEntry,
} from '../../lib/api-types';
import {
  TOOL_DEFAULTS,
  ruleById,
  summarizeResults,
  type RuleSource,
  type StandardsProfileId,
} from '../../lib/standards';

/** The standards' tier table (each category's default minutes), as the server judges without overrides. */
export const DEFAULT_TIERS: Record<string, number | null> = defaultTierTable();

/** The walking speed the fixtures' reach results were computed at, m/s. */
export const FIXTURE_SPEED = 1.2;

/** What a rule may answer, and what the 村改居 classification may (never pass, fail or advice). */
const RULE_STATUSES: readonly ResultStatus[] = ['pass', 'fail', 'advice', 'undetermined', 'not-applicable'];
const CLASSIFICATION_STATUSES: readonly ResultStatus[] = [
  'candidate',
  'not-candidate',
  'undetermined',
  'not-applicable',
];

/** A requirement as the contract carries it (mutable arrays), from core's readonly one. */
export function requirementAnswer(requirement: ReachRequirement) {
  return {
    key: requirement.key,
    allOf: requirement.allOf.map((target) => ({
      anyOf: target.anyOf.map((option) => ({ category: option.category, minutes: option.minutes })),
    })),
  };
}

/** What the reach rule `ruleId` walks to under `tiers`, or null when the table gives it no tier. */
export function requirementOf(ruleId: string, tiers: Record<string, number | null> = DEFAULT_TIERS) {
  const measure = ruleById(ruleId).measure;
  if (measure.of !== 'reach') throw new Error(`rule ${ruleId} is not a reach rule`);
  const requirement = reachRequirementOf(measure.reach, tiers);
  return requirement && requirementAnswer(requirement);
}

export function sourcesOf(ruleId: string, profile: StandardsProfileId): RuleSource[] {
  const entry = ruleById(ruleId).profiles[profile];
  if (!entry) throw new Error(`profile ${profile} does not hold rule ${ruleId}`);
  return [...entry.sources];
}

/**
 * One community-scope result of `ruleId` under `profile` with `status`, everything the table states
 * filled in from the table; `fields` sets the figure, threshold, bounds, side… A reach result carries
 * the walk the rule asks under the default tiers (pass `walk: undefined` for one judged without reach).
 * Throws for a rule the profile does not hold, one judged for a street or the region, or a
 * classification status on a rule that is not the 村改居 test (and the reverse).
 */
export function resultOf(
  ruleId: string,
  status: ResultStatus,
  profile: StandardsProfileId,
  fields: Partial<ScenarioRuleResult> = {},
): ScenarioRuleResult {
  const rule = ruleById(ruleId);
  const entry = rule.profiles[profile];
  if (!entry) throw new Error(`profile ${profile} does not hold rule ${ruleId}`);
  if (rule.scope !== 'community') throw new Error(`rule ${ruleId} is judged for the ${rule.scope}`);
  const allowed = rule.kind === 'classification' ? CLASSIFICATION_STATUSES : RULE_STATUSES;
  if (!allowed.includes(status)) throw new Error(`rule ${ruleId} (${rule.kind}) cannot be ${status}`);
  const requirement = rule.measure.of === 'reach' ? requirementOf(ruleId) : null;
  return {
    ruleId,
    kind: rule.kind,
    scope: rule.scope,
    grade: entry.grade,
    status,
    figure: null,
    threshold: '',
    bounds: null,
    unit: rule.unit,
    ...toolDefaultOf(rule, entry),
    sources: [...entry.sources],
    title: rule.title,
    advice: rule.advice,
    note: entry.note ?? null,
    ...(requirement ? { walk: { speedMetersPerSecond: FIXTURE_SPEED, requirement } } : {}),
    ...fields,
  };
}

/** A rule a village would be held to as its target type, with its shortfall (null unless fail or advice). */
export function gapOf(
  ruleId: string,
  status: ResultStatus,
  profile: StandardsProfileId,
  shortfall: RuleGapAnswer['shortfall'] = null,
  fields: Partial<ScenarioRuleResult> = {},
): RuleGapAnswer {
  return { ...resultOf(ruleId, status, profile, fields), shortfall };
}

/** What an answer says it was judged with: the profile (from the region), default speed, tiers and settings. */
export function judgedWithOf(profile: StandardsProfileId): JudgedWith {
  return {
    profile,
    profileFrom: 'region',
    speedMetersPerSecond: FIXTURE_SPEED,
    tiers: { ...DEFAULT_TIERS },
    settings: { ...TOOL_DEFAULTS },
    reachNote: null,
  };
}

const text = (value: string) => ({ zh: value, en: value });

/** Gaps of a village as its target type; counts are summed over every gap given. */
export function villageGaps(
  gaps: Partial<Omit<VillageConversionEntry['gaps'], 'counts' | 'summary'>> = {},
): VillageConversionEntry['gaps'] {
  const grouped = {
    type: 'urban' as const,
    targetFrom: 'default' as const,
    floorArea: [],
    staff: [],
    provision: [],
    facilities: [],
    size: [],
    other: [],
    ...gaps,
  };
  const all = [
    ...grouped.size,
    ...grouped.floorArea,
    ...grouped.staff,
    ...grouped.provision,
    ...grouped.facilities.flatMap((tier) => tier.gaps),
    ...grouped.other,
  ];
  return { ...grouped, summary: [], counts: summarizeResults(all) };
}

/**
 * A village of a 村改居 answer under `profile`: classified by the profile's test (its result from the
 * table) or not-applicable where the profile has none.
 */
export function villageEntry(
  id: string,
  name: string,
  status: VillageConversionEntry['status'],
  profile: StandardsProfileId,
  fields: Partial<VillageConversionEntry> = {},
): VillageConversionEntry {
  const candidate = status === 'candidate';
  const progress = candidate ? 0.62 : 0.2;
  const farmland = status === 'undetermined' ? null : 0.7;
  return {
    communityId: id,
    name,
    streetId: 's',
    residents: 1200,
    households: 400,
    applicationTarget: null,
    status,
    candidate,
    classification:
      status === 'not-applicable'
        ? null
        : resultOf('village.conversion', status, profile, { figure: progress }),
    conditions:
      status === 'not-applicable'
        ? []
        : [
            {
              condition: 'development-progress',
              figure: progress,
              threshold: 0.5,
              met: candidate,
              message: text('progress'),
            },
            {
              condition: 'farmland-share',
              figure: farmland,
              threshold: 0.5,
              met: farmland === null ? null : false,
              message: text('farmland'),
            },
          ],
    reason: candidate ? text('进度 62% > 50%') : null,
    gaps: villageGaps(),
    ...fields,
  };
}

/** A 村改居 answer under `profile` over `villages`. */
export function villageAnswer(
  profile: StandardsProfileId,
  villages: VillageConversionEntry[],
): VillageCandidatesAnswer {
  const entry = ruleById('village.conversion').profiles[profile];
  return {
    scenario: { id: 'baseline', regionId: 'r', version: 1 },
    as: null,
    judgedWith: judgedWithOf(profile),
    profile,
    ruleId: 'village.conversion',
    sources: entry ? [...entry.sources] : [],
    ruleInProfile: entry !== undefined,
    villages,
    candidateIds: villages.filter((village) => village.candidate).map((village) => village.communityId),
    applicantIds: villages
      .filter((village) => village.applicationTarget !== null)
      .map((village) => village.communityId),
  };
}
