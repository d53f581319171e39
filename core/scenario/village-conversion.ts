/**
 * 村改社区 (standards §2): tests every village of a scenario against the conversion rule of the rule
 * table and lists, for each, what it would lack as an urban (or fringe) community — service floor
 * area and staff against the profile's rules for that type, the required facility categories its
 * residents do not reach within each life-circle tier, and its size against the type's band.
 * Every threshold comes from core/standards (rules.ts, community-types.ts, facility-categories.ts).
 */

import {
  COMMUNITY_TYPES,
  distanceFromBand,
  type CommunityTypeId,
  type SizeRange,
} from '../standards/community-types.js';
import {
  evaluateRule,
  surveyedFiguresOf,
  type CommunityFigures,
  type RuleResult,
  type RuleStatus,
} from '../standards/evaluate-rules.js';
import { FACILITY_CATEGORIES, LIFE_CIRCLE_TIER_MINUTES } from '../standards/facility-categories.js';
import type { StandardsProfileId } from '../standards/profiles.js';
import {
  RULES,
  ruleById,
  rulesOfProfile,
  type Bilingual,
  type RuleDefinition,
  type RuleMeasure,
  type RuleThreshold,
} from '../standards/rules.js';
import type { CommunityMetrics, CommunityRecord } from './scenario-evaluator.js';

/** The rule of the table that decides whether a village may convert. */
export const VILLAGE_CONVERSION_RULE_ID = 'village.conversion';

/** Types a village may convert to (standards §1: 传统城区社区, 城乡结合部新型社区). */
export const CONVERSION_TARGET_TYPES = ['urban', 'fringe'] as const;
export type ConversionTargetType = (typeof CONVERSION_TARGET_TYPES)[number];

/** Measures that describe the community service facility's floor area. */
const FLOOR_AREA_MEASURES: ReadonlySet<RuleMeasure> = new Set([
  'serviceFloorAreaSquareMeters',
  'serviceFloorAreaPer100Households',
  'activityFloorShare',
  'commercialFloorShare',
]);
/** Measures that describe the community's workers. */
const STAFF_MEASURES: ReadonlySet<RuleMeasure> = new Set([
  'staffPer10kResidents',
  'staff',
  'socialWorkers',
  'gridWorkersPerGrid',
]);

const SQUARE_METERS: Bilingual = { zh: 'm²', en: 'm²' };
const WORKERS: Bilingual = { zh: '人', en: 'workers' };
const SHARE: Bilingual = { zh: '%', en: '%' };

/**
 * The lowest figure a threshold accepts for a community of `residents` (its lower bound), or null
 * when it has none (a maximum, a type band without a lower side, the conversion test).
 */
export function lowerBoundOf(
  threshold: RuleThreshold,
  residents: number,
  type: CommunityTypeId,
): number | null {
  switch (threshold.kind) {
    case 'min':
      return threshold.value;
    case 'range':
      return threshold.min;
    case 'min-by-residents':
      return (
        threshold.steps.find((step) => step.belowResidents === undefined || residents < step.belowResidents)
          ?.value ?? null
      );
    case 'type-band': {
      const band = COMMUNITY_TYPES[type][threshold.band];
      return band?.min ?? null;
    }
    case 'max':
    case 'conversion':
      return null;
  }
}

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

/** A rule the village would be held to as the target type, with what it lacks to pass. */
export interface RuleGap {
  ruleId: string;
  title: Bilingual;
  sources: readonly string[];
  status: RuleStatus;
  /** The figure that decided it (a share as 0–1), null when not applicable. */
  figure: number | null;
  /** The bound, readable (e.g. "≥ 30"). */
  threshold: string;
  /** What is missing to pass, as a whole quantity (m² of floor area, workers, share points); null unless failing. */
  shortfall: { amount: number; unit: Bilingual } | null;
}

/** Whether the residents of a community reach one required category within its tier. */
export interface CategoryReach {
  category: string;
  name: Bilingual;
  /** Share of residents reaching it within the tier, 0–1; null without coverage data or residents. */
  coveredShare: number | null;
  uncoveredResidents: number | null;
  /** The share the rule table asks for (rule `reach.<category>`), or null when no rule judges it. */
  threshold: number | null;
  thresholdRuleId: string | null;
  /** The profile the threshold is taken from (the active one, else `national`). */
  thresholdProfile: StandardsProfileId | null;
  /**
   * `meets` the threshold; `below` it; `unreached`: no resident reaches one; `not-judged`: some
   * reach it and no rule says how many should; `unknown`: no coverage data.
   */
  status: 'meets' | 'below' | 'unreached' | 'not-judged' | 'unknown';
}

export interface TierReach {
  tierMinutes: number;
  categories: CategoryReach[];
  /** Categories of the tier the community lacks (status `below` or `unreached`). */
  lacking: string[];
}

export interface SizeGap {
  measure: 'residents' | 'households';
  value: number;
  band: SizeRange | null;
  /** Negative below the band, positive above it, 0 inside or without a band. */
  outsideBand: number;
}

/** What a village would lack as a community of `type`. */
export interface ConversionGaps {
  type: ConversionTargetType;
  floorArea: RuleGap[];
  staff: RuleGap[];
  facilities: TierReach[];
  size: SizeGap[];
  /** One line per lack, for a list in the interface. */
  summary: Bilingual[];
}

export interface VillageConversionEntry {
  communityId: string;
  name: string;
  streetId: string;
  residents: number;
  households: number;
  /** The conversion rule's result: `pass` makes the village a candidate. */
  status: RuleStatus;
  candidate: boolean;
  conditions: ConversionCondition[];
  /** Why the village qualifies (the conditions met, with their figures); null for a non-candidate. */
  reason: Bilingual | null;
  gaps: ConversionGaps;
}

export interface VillageConversionReport {
  profile: StandardsProfileId;
  ruleId: string;
  sources: readonly string[];
  /** False when the profile does not hold the conversion rule (then no village is judged). */
  ruleInProfile: boolean;
  villages: VillageConversionEntry[];
  candidateIds: string[];
}

/** What the report reads off a scenario: the evaluator satisfies it. */
export interface VillageSource {
  communityIds(): string[];
  communityRecord(id: string): CommunityRecord;
  metrics(id: string): CommunityMetrics;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const formatAmount = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: 1 }).replace(/,/g, ' ');

/** The figures a rule reads, for this village judged as `type`. */
function figuresAs(
  type: CommunityTypeId,
  record: CommunityRecord,
  metrics: CommunityMetrics,
): CommunityFigures {
  return {
    type,
    residents: metrics.residents,
    households: metrics.households,
    ...surveyedFiguresOf(record),
    coveredShareByCategory: metrics.coveredShareByCategory,
  };
}

/**
 * What a failing rule lacks as a whole quantity: ratios turn back into the floor area or workers
 * the community needs at its own size (e.g. 30 m² per 100 households → m² for its households).
 */
function shortfallOf(
  rule: RuleDefinition,
  result: RuleResult,
  required: number | null,
  figures: CommunityFigures,
): RuleGap['shortfall'] {
  if (result.status !== 'fail' || required === null || result.figure === null) return null;
  const floor = figures.serviceFloorAreaSquareMeters ?? 0;
  const staff = figures.staff ?? 0;
  switch (rule.measure) {
    case 'serviceFloorAreaSquareMeters':
      return { amount: required - floor, unit: SQUARE_METERS };
    case 'serviceFloorAreaPer100Households':
      return { amount: (required * figures.households) / 100 - floor, unit: SQUARE_METERS };
    case 'staffPer10kResidents':
      return { amount: Math.ceil((required * figures.residents) / 10_000) - staff, unit: WORKERS };
    case 'staff':
      return { amount: required - staff, unit: WORKERS };
    case 'socialWorkers':
      return { amount: required - (figures.socialWorkers ?? 0), unit: WORKERS };
    case 'gridWorkersPerGrid':
      return figures.grids === null
        ? null
        : { amount: Math.ceil(required * figures.grids) - (figures.gridWorkers ?? 0), unit: WORKERS };
    default:
      return { amount: required - result.figure, unit: SHARE };
  }
}

function ruleGaps(
  profile: StandardsProfileId,
  measures: ReadonlySet<RuleMeasure>,
  figures: CommunityFigures,
): RuleGap[] {
  return rulesOfProfile(profile)
    .filter(
      (rule) =>
        measures.has(rule.measure) && (rule.appliesTo === 'all' || rule.appliesTo.includes(figures.type)),
    )
    .map((rule) => {
      const threshold = rule.thresholds[profile]!;
      const result = evaluateRule(rule, threshold, figures);
      const required = lowerBoundOf(threshold, figures.residents, figures.type);
      return {
        ruleId: rule.id,
        title: rule.title,
        sources: rule.sources,
        status: result.status,
        figure: result.figure,
        threshold: result.threshold,
        shortfall: shortfallOf(rule, result, required, figures),
      };
    });
}

/** The reach share the table asks of `category` for `type`: the active profile's, else the national one. */
function reachThreshold(
  category: string,
  type: CommunityTypeId,
  profile: StandardsProfileId,
): { value: number; ruleId: string; profile: StandardsProfileId } | null {
  const rule = RULES.find(
    (candidate) =>
      candidate.measure === `coveredShare:${category}` &&
      (candidate.appliesTo === 'all' || candidate.appliesTo.includes(type)),
  );
  if (!rule) return null;
  for (const from of [profile, 'national'] as const) {
    const threshold = rule.thresholds[from];
    if (threshold) {
      const value = lowerBoundOf(threshold, 0, type);
      if (value !== null) return { value, ruleId: rule.id, profile: from };
    }
  }
  return null;
}

function tierReach(
  type: CommunityTypeId,
  profile: StandardsProfileId,
  metrics: CommunityMetrics,
): TierReach[] {
  const required = Object.values(FACILITY_CATEGORIES).filter(
    (category) => category.requiredForEveryCommunity,
  );
  return LIFE_CIRCLE_TIER_MINUTES.map((tierMinutes) => {
    const categories = required
      .filter((category) => category.tierMinutes === tierMinutes)
      .map((category): CategoryReach => {
        const coveredShare = metrics.coveredShareByCategory[category.id] ?? null;
        const threshold = reachThreshold(category.id, type, profile);
        let status: CategoryReach['status'];
        if (coveredShare === null) status = 'unknown';
        else if (coveredShare === 0) status = 'unreached';
        else if (threshold === null) status = 'not-judged';
        else status = coveredShare >= threshold.value ? 'meets' : 'below';
        return {
          category: category.id,
          name: { zh: category.nameZh, en: category.nameEn },
          coveredShare,
          uncoveredResidents:
            coveredShare === null ? null : Math.round(metrics.residents * (1 - coveredShare)),
          threshold: threshold?.value ?? null,
          thresholdRuleId: threshold?.ruleId ?? null,
          thresholdProfile: threshold?.profile ?? null,
          status,
        };
      });
    return {
      tierMinutes,
      categories,
      lacking: categories
        .filter((category) => category.status === 'below' || category.status === 'unreached')
        .map((category) => category.category),
    };
  });
}

function summaryOf(gaps: Omit<ConversionGaps, 'summary'>): Bilingual[] {
  const lines: Bilingual[] = [];
  for (const gap of [...gaps.floorArea, ...gaps.staff]) {
    if (gap.status !== 'fail' || !gap.shortfall) continue;
    const amount = formatAmount(gap.shortfall.amount);
    const isShare = gap.shortfall.unit === SHARE;
    lines.push({
      zh: `${gap.title.zh}：缺 ${isShare ? percent(gap.shortfall.amount) : `${amount} ${gap.shortfall.unit.zh}`}（${gap.ruleId} ${gap.threshold}）`,
      en: `${gap.title.en}: short by ${isShare ? percent(gap.shortfall.amount) : `${amount} ${gap.shortfall.unit.en}`} (${gap.ruleId} ${gap.threshold})`,
    });
  }
  for (const tier of gaps.facilities) {
    if (tier.lacking.length === 0) continue;
    const names = tier.categories.filter((category) => tier.lacking.includes(category.category));
    lines.push({
      zh: `${tier.tierMinutes} 分钟生活圈内未达：${names.map((category) => category.name.zh).join('、')}`,
      en: `Not reached within ${tier.tierMinutes} minutes: ${names.map((category) => category.name.en).join(', ')}`,
    });
  }
  const typeName = COMMUNITY_TYPES[gaps.type];
  for (const size of gaps.size) {
    if (size.outsideBand === 0) continue;
    const below = size.outsideBand < 0;
    const unit =
      size.measure === 'residents' ? { zh: '人', en: 'residents' } : { zh: '户', en: 'households' };
    const bound = below ? size.band!.min! : size.band!.max!;
    lines.push({
      zh: `${size.measure === 'residents' ? '常住人口' : '户数'} ${formatAmount(size.value)}，${below ? '低于' : '高于'}${typeName.nameZh}${below ? '下限' : '上限'} ${formatAmount(bound)} ${unit.zh}（差 ${formatAmount(Math.abs(size.outsideBand))}）`,
      en: `${formatAmount(size.value)} ${unit.en}, ${formatAmount(Math.abs(size.outsideBand))} ${below ? 'below' : 'above'} the ${typeName.nameEn.toLowerCase()} ${below ? 'minimum' : 'maximum'} of ${formatAmount(bound)}`,
    });
  }
  return lines;
}

/** What a village (its record and current metrics) would lack as a community of `type` under `profile`. */
function conversionGaps(
  record: CommunityRecord,
  metrics: CommunityMetrics,
  profile: StandardsProfileId,
  type: ConversionTargetType,
): ConversionGaps {
  const figures = figuresAs(type, record, metrics);
  const band = COMMUNITY_TYPES[type];
  const gaps = {
    type,
    floorArea: ruleGaps(profile, FLOOR_AREA_MEASURES, figures),
    staff: ruleGaps(profile, STAFF_MEASURES, figures),
    facilities: tierReach(type, profile, metrics),
    size: [
      {
        measure: 'residents' as const,
        value: metrics.residents,
        band: band.residents,
        outsideBand: distanceFromBand(metrics.residents, band.residents),
      },
      {
        measure: 'households' as const,
        value: metrics.households,
        band: band.households,
        outsideBand: distanceFromBand(metrics.households, band.households),
      },
    ],
  };
  return { ...gaps, summary: summaryOf(gaps) };
}

function conditionsOf(threshold: RuleThreshold, record: CommunityRecord): ConversionCondition[] {
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
  return [
    {
      condition: 'development-progress',
      figure: progress,
      threshold: threshold.progressAbove,
      met: progressMet,
      message: {
        zh: `城市拆迁开发进度 ${show(progress)}${progressMet ? ' > ' : progressMet === false ? ' ≤ ' : '，需 > '}${percent(threshold.progressAbove)}`,
        en: `development progress ${show(progress)}${progressMet ? ' > ' : progressMet === false ? ' ≤ ' : ', needs > '}${percent(threshold.progressAbove)}`,
      },
    },
    {
      condition: 'farmland-share',
      figure: farmland,
      threshold: threshold.farmlandBelow,
      met: farmlandMet,
      message: {
        zh: `农业用地占比 ${show(farmland)}${farmlandMet ? ' < ' : farmlandMet === false ? ' ≥ ' : '，需 < '}${percent(threshold.farmlandBelow)}`,
        en: `farmland share ${show(farmland)}${farmlandMet ? ' < ' : farmlandMet === false ? ' ≥ ' : ', needs < '}${percent(threshold.farmlandBelow)}`,
      },
    },
  ];
}

/**
 * Tests every village of a scenario by the profile's conversion rule and lists what each would lack
 * as a community of `targetType` (default urban). Villages come in the scenario's community order.
 */
export function villageConversionReport(
  scenario: VillageSource,
  profile: StandardsProfileId,
  targetType: ConversionTargetType = 'urban',
): VillageConversionReport {
  const rule = ruleById(VILLAGE_CONVERSION_RULE_ID);
  const threshold = rule.thresholds[profile];
  const villages: VillageConversionEntry[] = [];
  for (const id of scenario.communityIds()) {
    const record = scenario.communityRecord(id);
    if (record.type !== 'village') continue;
    const metrics = scenario.metrics(id);
    const gaps = conversionGaps(record, metrics, profile, targetType);
    const base = {
      communityId: id,
      name: record.name,
      streetId: record.streetId,
      residents: metrics.residents,
      households: metrics.households,
      gaps,
    };
    if (!threshold) {
      villages.push({ ...base, status: 'not-applicable', candidate: false, conditions: [], reason: null });
      continue;
    }
    const result = evaluateRule(rule, threshold, figuresAs('village', record, metrics));
    const conditions = conditionsOf(threshold, record);
    const met = conditions.filter((condition) => condition.met);
    const candidate = result.status === 'pass';
    villages.push({
      ...base,
      status: result.status,
      candidate,
      conditions,
      reason: candidate
        ? {
            zh: `${met.map((condition) => condition.message.zh).join('；')}（${rule.sources.join('、')}：${rule.advice.zh}）`,
            en: `${met.map((condition) => condition.message.en).join('; ')} (${rule.sources.join(', ')}: ${rule.advice.en})`,
          }
        : null,
    });
  }
  return {
    profile,
    ruleId: rule.id,
    sources: rule.sources,
    ruleInProfile: threshold !== undefined,
    villages,
    candidateIds: villages.filter((village) => village.candidate).map((village) => village.communityId),
  };
}
