/**
 * 村改社区 (standards §2): for every village of a scenario — applicant or not, candidate or not —
 * the profile's 村改居 test where its document has one (only 002 does; elsewhere no village is
 * classified), and what the village would lack as the community it would become: every
 * community-scope rule of the profile judged on the village's figures as that type, grouped as
 * floor area, staff, provision, reach by tier and size (a band only where the profile has one).
 * The target is the village's own application (applicationTarget: urban or rural) unless the caller
 * asks for another. Every threshold comes from core/standards' rule table.
 */

import type { Bilingual } from '../text/bilingual.js';
import { COMMUNITY_TYPES } from '../standards/community-types.js';
import type { ApplicationTarget } from '../standards/community-figures.js';
import type { RuleSource } from '../standards/documents.js';
import {
  communityRulesOf,
  evaluateRule,
  formatNumber,
  formatShare,
  type CommunityFigures,
} from '../standards/evaluate-rules.js';
import { categoryName } from '../standards/facility-categories.js';
import type { StandardsProfileId } from '../standards/profiles.js';
import { reachRequirementOf, type TierTable, type UnitReach } from '../standards/reach.js';
import { summarizeResults, type ClassificationStatus, type RuleResult } from '../standards/rule-results.js';
import { ruleById, type RuleDefinition } from '../standards/rules.js';
import { TOOL_DEFAULTS, type ToolSettings } from '../standards/tool-defaults.js';
import type { ConversionTargetType } from './scenario-draft.js';
import type { CommunityMetrics, CommunityRecord, JudgeContext } from './scenario-evaluator.js';

export { CONVERSION_TARGET_TYPES, type ConversionTargetType } from './scenario-draft.js';

/** The rule of the table that classifies villages (村改居). */
export const VILLAGE_CONVERSION_RULE_ID = 'village.conversion';

/** One of the two conditions of the 村改居 test with the village's figure. */
export interface ConversionCondition {
  condition: 'development-progress' | 'farmland-share';
  /** The village's figure, 0–1; null when the data does not say. */
  figure: number | null;
  /** Progress must be above it; farmland must be below it (0–1). */
  threshold: number;
  /** Whether the figure meets it; null when the figure is missing. */
  met: boolean | null;
  message: Bilingual;
}

/** A rule the village would be held to as the target type, with what it lacks to meet it. */
export interface RuleGap extends RuleResult {
  /** What is missing to meet the rule, as a whole quantity (m², workers, facilities, residents…); null unless fail/advice. */
  shortfall: { amount: number; unit: Bilingual } | null;
}

/** Reach rules of one walking time: per-category tiers, the 15-minute circle, a document's fixed minutes. */
export interface TierGaps {
  /** Walking minutes of the tier; null when no tier table is known (no walking reach given). */
  tierMinutes: number | null;
  gaps: RuleGap[];
  /** Rule ids of the tier not met (fail or advice). */
  lacking: string[];
}

/** What a village would lack as a community of `type` under the profile. */
export interface ConversionGaps {
  type: ConversionTargetType;
  /** Where the target came from: the village's application, the caller's request, or the default (urban). */
  targetFrom: 'application' | 'requested' | 'default';
  floorArea: RuleGap[];
  staff: RuleGap[];
  provision: RuleGap[];
  facilities: TierGaps[];
  /** Size rules of the profile for the type (empty where the profile has no band for it). */
  size: RuleGap[];
  other: RuleGap[];
  /** One line per lack, then one for what could not be judged, for a list in the interface. */
  summary: Bilingual[];
  /** Counts over every gap: what was judged and what was undetermined. */
  counts: ReturnType<typeof summarizeResults>;
}

export interface VillageConversionEntry {
  communityId: string;
  name: string;
  streetId: string;
  residents: number;
  households: number;
  applicationTarget: ApplicationTarget | null;
  /** The 村改居 classification, or `not-applicable` when the profile's documents have no such test. */
  status: ClassificationStatus | 'not-applicable';
  candidate: boolean;
  /** The test's result as the API shows every rule; null when the profile has no test. */
  classification: RuleResult | null;
  conditions: ConversionCondition[];
  /** Why the village qualifies (the conditions met, with their figures); null for a non-candidate. */
  reason: Bilingual | null;
  gaps: ConversionGaps;
}

export interface VillageConversionReport {
  profile: StandardsProfileId;
  ruleId: string;
  /** The clauses of the profile's test; empty when the profile has none. */
  sources: readonly RuleSource[];
  /** False when the profile's documents have no 村改居 test (then no village is classified). */
  ruleInProfile: boolean;
  villages: VillageConversionEntry[];
  candidateIds: string[];
  /** Villages that applied (applicationTarget set), in scenario order. */
  applicantIds: string[];
}

/** What the report reads off a scenario: the evaluator satisfies it. */
export interface VillageSource {
  communityIds(): string[];
  communityRecord(id: string): CommunityRecord;
  metrics(id: string, reach?: UnitReach | null): CommunityMetrics;
  figures(id: string, reach: UnitReach | null, type?: CommunityRecord['type']): CommunityFigures;
}

const SQUARE_METERS: Bilingual = { zh: 'm²', en: 'm²' };
const PEOPLE: Bilingual = { zh: '人', en: 'people' };
const RESIDENTS: Bilingual = { zh: '人', en: 'residents' };
const SHARE_POINTS: Bilingual = { zh: '%', en: '%' };

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The shortfall of a rule not met, turned back into what the village needs at its own size. */
function shortfallOf(
  rule: RuleDefinition,
  result: RuleResult,
  figures: CommunityFigures,
): RuleGap['shortfall'] {
  if ((result.status !== 'fail' && result.status !== 'advice') || result.figure === null || !result.bounds)
    return null;
  const { min, max } = result.bounds;
  const below = result.side === 'below';
  const bound = below ? min : max;
  if (bound === null) return null;
  const gap = below ? bound - result.figure : result.figure - bound;
  const measure = rule.measure;
  switch (measure.of) {
    case 'serviceFloorArea':
      return { amount: gap, unit: SQUARE_METERS };
    case 'serviceFloorAreaPer100Households':
      return {
        amount: (bound * figures.households) / 100 - (figures.serviceFloorAreaSquareMeters ?? 0),
        unit: SQUARE_METERS,
      };
    case 'staff':
      return { amount: Math.ceil(gap), unit: PEOPLE };
    case 'gridWorkersPerGrid':
      return figures.grids === null
        ? null
        : { amount: Math.ceil(bound * figures.grids) - (figures.gridWorkers ?? 0), unit: PEOPLE };
    case 'police':
      return { amount: Math.ceil(gap), unit: PEOPLE };
    case 'parkingSpacesPerHousehold':
      return {
        amount: Math.ceil(bound * figures.households) - (figures.parkingSpaces ?? 0),
        unit: { zh: '车位', en: 'spaces' },
      };
    case 'facilities':
      return measure.largest
        ? { amount: gap, unit: SQUARE_METERS }
        : { amount: Math.ceil(gap), unit: rule.unit };
    case 'reach':
      return {
        amount: Math.ceil(bound * figures.residents - result.figure * figures.residents),
        unit: RESIDENTS,
      };
    case 'residents':
    case 'households':
      return { amount: gap, unit: rule.unit };
    case 'activityFloorShare':
    case 'commercialFloorShare':
      return { amount: gap, unit: SHARE_POINTS };
    default:
      return { amount: gap, unit: rule.unit };
  }
}

/** Walking minutes a reach rule's result is about (for grouping by tier). */
function tierOfReach(rule: RuleDefinition, tiers: TierTable | null): number | null {
  if (rule.measure.of !== 'reach') return null;
  const spec = rule.measure.reach;
  if (spec.reach === 'fixed') return spec.minutes;
  if (spec.reach === 'circle') return spec.circleMinutes;
  if (tiers === null) return null;
  const requirement = reachRequirementOf(spec, tiers);
  return requirement ? Math.max(...requirement.allOf[0].anyOf.map((option) => option.minutes)) : null;
}

function lineOf(gap: RuleGap): Bilingual | null {
  if (gap.status !== 'fail' && gap.status !== 'advice') return null;
  const verdict = gap.status === 'fail' ? { zh: '不达标', en: 'not met' } : { zh: '建议', en: 'advised' };
  let amount: Bilingual | null = null;
  if (gap.shortfall) {
    const isShare = gap.shortfall.unit === SHARE_POINTS;
    const value = isShare
      ? percent(gap.shortfall.amount)
      : formatNumber(Math.round(gap.shortfall.amount * 10) / 10);
    amount = {
      zh: `缺 ${value}${isShare ? '' : ` ${gap.shortfall.unit.zh}`}`,
      en: `short by ${value}${isShare ? '' : ` ${gap.shortfall.unit.en}`}`,
    };
  }
  const figure =
    gap.figure === null
      ? '—'
      : gap.unit.en === '%'
        ? formatShare(gap.figure)
        : formatNumber(Math.round(gap.figure * 10) / 10);
  return {
    zh: `${gap.title.zh}（${verdict.zh}）：${figure}，要求 ${gap.threshold}${amount ? `，${amount.zh}` : ''}`,
    en: `${gap.title.en} (${verdict.en}): ${figure}, needs ${gap.threshold}${amount ? `, ${amount.en}` : ''}`,
  };
}

function summaryOf(gaps: Omit<ConversionGaps, 'summary' | 'counts'>, all: readonly RuleGap[]): Bilingual[] {
  const lines: Bilingual[] = [];
  for (const gap of [...gaps.size, ...gaps.floorArea, ...gaps.staff, ...gaps.provision, ...gaps.other]) {
    const line = lineOf(gap);
    if (line) lines.push(line);
  }
  for (const tier of gaps.facilities) {
    for (const gap of tier.gaps) {
      const line = lineOf(gap);
      if (line && tier.tierMinutes !== null) {
        lines.push({ zh: `${tier.tierMinutes} 分钟：${line.zh}`, en: `${tier.tierMinutes} min: ${line.en}` });
      } else if (line) lines.push(line);
    }
  }
  const undetermined = all.filter((gap) => gap.status === 'undetermined');
  if (undetermined.length > 0) {
    lines.push({
      zh: `${undetermined.length} 项待定（缺数据）：${undetermined.map((gap) => gap.title.zh).join('、')}`,
      en: `${undetermined.length} undetermined (figures missing): ${undetermined.map((gap) => gap.title.en).join(', ')}`,
    });
  }
  return lines;
}

/** What a village would lack as a community of `type` under the profile, with the reach and settings in force. */
function conversionGaps(
  source: VillageSource,
  id: string,
  type: ConversionTargetType,
  targetFrom: ConversionGaps['targetFrom'],
  context: JudgeContext,
): ConversionGaps {
  const settings: ToolSettings = { ...TOOL_DEFAULTS, ...context.settings };
  const figures = source.figures(id, context.reach, type);
  const gaps: RuleGap[] = [];
  const byRule = new Map<RuleGap, RuleDefinition>();
  for (const rule of communityRulesOf(context.profile)) {
    if (rule.kind === 'classification') continue;
    const result = evaluateRule(rule, context.profile, figures, settings);
    if (result.status === 'not-applicable') continue;
    const gap: RuleGap = { ...result, shortfall: shortfallOf(rule, result, figures) };
    gaps.push(gap);
    byRule.set(gap, rule);
  }
  const of = (kinds: readonly string[]) => gaps.filter((gap) => kinds.includes(gap.kind));
  const tiers = new Map<number | null, RuleGap[]>();
  for (const gap of of(['reach'])) {
    const minutes = tierOfReach(byRule.get(gap)!, context.reach?.tiers ?? null);
    const list = tiers.get(minutes) ?? [];
    list.push(gap);
    tiers.set(minutes, list);
  }
  const facilities = [...tiers]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([tierMinutes, list]) => ({
      tierMinutes,
      gaps: list,
      lacking: list
        .filter((gap) => gap.status === 'fail' || gap.status === 'advice')
        .map((gap) => gap.ruleId),
    }));
  const grouped = {
    type,
    targetFrom,
    floorArea: of(['floor-area', 'share']),
    staff: of(['staff']),
    provision: of(['provision', 'adjacency']),
    facilities,
    size: of(['size-band', 'count']),
    other: of(['service-hours']),
  };
  return { ...grouped, summary: summaryOf(grouped, gaps), counts: summarizeResults(gaps) };
}

function conditionsOf(
  rule: RuleDefinition,
  profile: StandardsProfileId,
  record: CommunityRecord,
): ConversionCondition[] {
  const threshold = rule.profiles[profile]!.threshold;
  if (threshold.kind !== 'conversion') {
    throw new Error(
      `rule ${VILLAGE_CONVERSION_RULE_ID} holds a "${threshold.kind}" threshold, not a conversion test`,
    );
  }
  const progress = record.developmentProgress;
  const farmland = record.agriculturalLandShare;
  const progressMet = progress === null ? null : progress > threshold.progressAbove;
  const farmlandMet = farmland === null ? null : farmland < threshold.farmlandBelow;
  const show = (figure: number | null) => (figure === null ? '—' : percent(figure));
  const relation = (met: boolean | null, yes: string, no: string, unknownZh: string, unknownEn: string) =>
    met ? [yes, yes] : met === false ? [no, no] : [unknownZh, unknownEn];
  const [progressZh, progressEn] = relation(
    progressMet,
    ' > ',
    ' ≤ ',
    '（缺数据），需 > ',
    ' (missing), needs > ',
  );
  const [farmlandZh, farmlandEn] = relation(
    farmlandMet,
    ' < ',
    ' ≥ ',
    '（缺数据），需 < ',
    ' (missing), needs < ',
  );
  return [
    {
      condition: 'development-progress',
      figure: progress,
      threshold: threshold.progressAbove,
      met: progressMet,
      message: {
        zh: `城市拆迁开发进度 ${show(progress)}${progressZh}${percent(threshold.progressAbove)}`,
        en: `development progress ${show(progress)}${progressEn}${percent(threshold.progressAbove)}`,
      },
    },
    {
      condition: 'farmland-share',
      figure: farmland,
      threshold: threshold.farmlandBelow,
      met: farmlandMet,
      message: {
        zh: `农业用地占比 ${show(farmland)}${farmlandZh}${percent(threshold.farmlandBelow)}`,
        en: `farmland share ${show(farmland)}${farmlandEn}${percent(threshold.farmlandBelow)}`,
      },
    },
  ];
}

/**
 * Every village of a scenario, in the scenario's community order: its 村改居 classification where
 * the profile has the test, and what it would lack as its target type. The target is `targetType`
 * when given, else the village's applicationTarget, else urban. `context` carries the profile, the
 * walking reach computed with the tier table and speed in force, and the tool settings.
 */
export function villageConversionReport(
  scenario: VillageSource,
  context: JudgeContext,
  targetType?: ConversionTargetType,
): VillageConversionReport {
  const { profile } = context;
  const rule = ruleById(VILLAGE_CONVERSION_RULE_ID);
  const entry = rule.profiles[profile] ?? null;
  const villages: VillageConversionEntry[] = [];
  for (const id of scenario.communityIds()) {
    const record = scenario.communityRecord(id);
    if (record.type !== 'village') continue;
    const metrics = scenario.metrics(id);
    const target: ConversionTargetType = targetType ?? record.applicationTarget ?? 'urban';
    const targetFrom = targetType ? 'requested' : record.applicationTarget ? 'application' : 'default';
    const base = {
      communityId: id,
      name: record.name,
      streetId: record.streetId,
      residents: metrics.residents,
      households: metrics.households,
      applicationTarget: record.applicationTarget,
      gaps: conversionGaps(scenario, id, target, targetFrom, context),
    };
    if (!entry) {
      villages.push({
        ...base,
        status: 'not-applicable',
        candidate: false,
        classification: null,
        conditions: [],
        reason: null,
      });
      continue;
    }
    const classification = evaluateRule(rule, profile, scenario.figures(id, null));
    const conditions = conditionsOf(rule, profile, record);
    const candidate = classification.status === 'candidate';
    const met = conditions.filter((condition) => condition.met);
    const clause = entry.sources.map((source) => `${source.title}${source.clause}`).join('、');
    villages.push({
      ...base,
      status: classification.status as ClassificationStatus,
      candidate,
      classification,
      conditions,
      reason: candidate
        ? {
            zh: `${met.map((condition) => condition.message.zh).join('；')}（${clause}）`,
            en: `${met.map((condition) => condition.message.en).join('; ')} (${clause})`,
          }
        : null,
    });
  }
  return {
    profile,
    ruleId: rule.id,
    sources: entry?.sources ?? [],
    ruleInProfile: entry !== null,
    villages,
    candidateIds: villages.filter((village) => village.candidate).map((village) => village.communityId),
    applicantIds: villages
      .filter((village) => village.applicationTarget !== null)
      .map((village) => village.communityId),
  };
}

/** The target type's name, for headings ("as a 农村社区"). */
export function targetTypeName(type: ConversionTargetType): Bilingual {
  return { zh: COMMUNITY_TYPES[type].nameZh, en: COMMUNITY_TYPES[type].nameEn };
}

/** A reach gap's categories by name (a circle names its whole set). */
export function reachGapCategories(gap: RuleGap): Bilingual[] {
  return (gap.walk?.requirement.allOf ?? []).flatMap((target) =>
    target.anyOf.map((option) => categoryName(option.category)),
  );
}
