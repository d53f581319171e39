/**
 * Judges one community against the rules of a profile (rules.ts): pass, fail or not applicable, with
 * the figure that decided it and the threshold it was held to.
 */

import { COMMUNITY_TYPES, type CommunityTypeId } from './community-types.js';
import type { StandardsProfileId } from './profiles.js';
import {
  rulesOfProfile,
  type Bilingual,
  type RuleDefinition,
  type RuleMeasure,
  type RuleThreshold,
} from './rules.js';

/**
 * The figures a community's survey supplies rather than its units: a community record carries them,
 * the rules read them; null where the data does not say.
 */
export interface SurveyedFigures {
  serviceFloorAreaSquareMeters: number | null;
  staff: number | null;
  socialWorkers: number | null;
  grids: number | null;
  gridWorkers: number | null;
  agriculturalLandShare: number | null;
  developmentProgress: number | null;
}

/** A community nobody has surveyed (a new or imported one): every surveyed figure unknown. */
export const NO_SURVEYED_FIGURES: Readonly<SurveyedFigures> = Object.freeze({
  serviceFloorAreaSquareMeters: null,
  staff: null,
  socialWorkers: null,
  grids: null,
  gridWorkers: null,
  agriculturalLandShare: null,
  developmentProgress: null,
});

/**
 * Just the surveyed figures of a record (no id, name or other attribute rides along), in the order
 * above — region files written from it keep their key order.
 */
export function surveyedFiguresOf(record: SurveyedFigures): SurveyedFigures {
  return {
    serviceFloorAreaSquareMeters: record.serviceFloorAreaSquareMeters,
    staff: record.staff,
    socialWorkers: record.socialWorkers,
    grids: record.grids,
    gridWorkers: record.gridWorkers,
    agriculturalLandShare: record.agriculturalLandShare,
    developmentProgress: record.developmentProgress,
  };
}

/** What the rules read off a community: its surveyed figures and what its units add up to. */
export interface CommunityFigures extends SurveyedFigures {
  type: CommunityTypeId;
  residents: number;
  households: number;
  /** Resident-activity share of the service facility's floor area, 0–1. */
  activityFloorShare?: number | null;
  /** Commerce and service share of the community's total floor area, 0–1. */
  commercialFloorShare?: number | null;
  /** Township communities at the same township seat, this one included. */
  townshipCommunitiesAtSeat?: number | null;
  /** Share of residents reaching each category within its tier, 0–1 (core/accessibility coverage). */
  coveredShareByCategory?: Readonly<Record<string, number | null>>;
}

export type RuleStatus = 'pass' | 'fail' | 'not-applicable';

/** Why a rule did not apply: the type is outside its scope, or the figure it needs is missing. */
export const RULE_NOT_FOR_TYPE = 'not-for-type';
export const RULE_MISSING_DATA = 'missing-data';

export interface RuleResult {
  ruleId: string;
  status: RuleStatus;
  /** The figure that decided it (a share as 0–1), or null when not applicable. */
  figure: number | null;
  /** The bound it was held to, readable: e.g. "≥ 30", "4 500–12 000". */
  threshold: string;
  /** For `not-applicable`: RULE_NOT_FOR_TYPE or RULE_MISSING_DATA. */
  reason?: typeof RULE_NOT_FOR_TYPE | typeof RULE_MISSING_DATA;
  /** For a failing range: whether the figure is below or above it. */
  side?: 'below' | 'above';
  sources: readonly string[];
  title: Bilingual;
  advice: Bilingual;
}

function ratio(numerator: number | null, denominator: number, per: number): number | null {
  return numerator === null || denominator <= 0 ? null : (numerator / denominator) * per;
}

function measured(measure: RuleMeasure, figures: CommunityFigures): number | null {
  if (measure.startsWith('coveredShare:')) {
    return figures.coveredShareByCategory?.[measure.slice('coveredShare:'.length)] ?? null;
  }
  switch (measure) {
    case 'residents':
      return figures.residents;
    case 'households':
      return figures.households;
    case 'serviceFloorAreaSquareMeters':
      return figures.serviceFloorAreaSquareMeters;
    case 'serviceFloorAreaPer100Households':
      return ratio(figures.serviceFloorAreaSquareMeters, figures.households, 100);
    case 'activityFloorShare':
      return figures.activityFloorShare ?? null;
    case 'commercialFloorShare':
      return figures.commercialFloorShare ?? null;
    case 'staffPer10kResidents':
      return ratio(figures.staff, figures.residents, 10_000);
    case 'staff':
      return figures.staff;
    case 'socialWorkers':
      return figures.socialWorkers;
    case 'gridWorkersPerGrid':
      return ratio(figures.gridWorkers, figures.grids ?? 0, 1);
    case 'townshipCommunitiesAtSeat':
      return figures.townshipCommunitiesAtSeat ?? null;
    case 'villageConversion':
      // Judged on two figures below; report the one nearer to qualifying.
      return figures.developmentProgress ?? figures.agriculturalLandShare;
    default:
      throw new Error(`rule measure "${measure}" is not known`);
  }
}

/**
 * One formatter for every threshold: `toLocaleString` builds a new one per call, which made judging a
 * 440-community region take ~100 ms (the evaluator re-judges communities while a planner paints).
 */
const THRESHOLD_NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const formatNumber = (value: number) => THRESHOLD_NUMBER_FORMAT.format(value).replace(/,/g, ' ');
const formatShare = (value: number) => `${Math.round(value * 100)} %`;

/** A range [min, max] with either side open (null). */
interface Bounds {
  min: number | null;
  max: number | null;
}

function boundsOf(threshold: RuleThreshold, figures: CommunityFigures): Bounds | null {
  switch (threshold.kind) {
    case 'min':
      return { min: threshold.value, max: null };
    case 'max':
      return { min: null, max: threshold.value };
    case 'range':
      return { min: threshold.min, max: threshold.max };
    case 'min-by-residents': {
      const step = threshold.steps.find(
        (candidate) => candidate.belowResidents === undefined || figures.residents < candidate.belowResidents,
      );
      return step ? { min: step.value, max: null } : null;
    }
    case 'type-band':
      return COMMUNITY_TYPES[figures.type][threshold.band];
    case 'conversion':
      return null;
  }
}

function describeBounds(bounds: Bounds, isShare: boolean): string {
  const show = isShare ? formatShare : formatNumber;
  if (bounds.min !== null && bounds.max !== null) return `${show(bounds.min)}–${show(bounds.max)}`;
  if (bounds.min !== null) return `≥ ${show(bounds.min)}`;
  return `≤ ${show(bounds.max!)}`;
}

function appliesToType(rule: RuleDefinition, type: CommunityTypeId): boolean {
  return rule.appliesTo === 'all' || rule.appliesTo.includes(type);
}

/** Judges a community by one rule under one profile's threshold. */
export function evaluateRule(
  rule: RuleDefinition,
  threshold: RuleThreshold,
  figures: CommunityFigures,
): RuleResult {
  const base = { ruleId: rule.id, sources: rule.sources, title: rule.title, advice: rule.advice };
  const isShare = rule.unit.en === '%';

  if (threshold.kind === 'conversion') {
    const described = `> ${formatShare(threshold.progressAbove)} / < ${formatShare(threshold.farmlandBelow)}`;
    if (!appliesToType(rule, figures.type)) {
      return {
        ...base,
        status: 'not-applicable',
        figure: null,
        threshold: described,
        reason: RULE_NOT_FOR_TYPE,
      };
    }
    const { developmentProgress: progress, agriculturalLandShare: farmland } = figures;
    if (progress === null && farmland === null) {
      return {
        ...base,
        status: 'not-applicable',
        figure: null,
        threshold: described,
        reason: RULE_MISSING_DATA,
      };
    }
    const byProgress = progress !== null && progress > threshold.progressAbove;
    const byFarmland = farmland !== null && farmland < threshold.farmlandBelow;
    // The figure shown is the one that qualified the village, else development progress.
    const figure = byProgress || !byFarmland ? (progress ?? farmland) : farmland;
    return { ...base, status: byProgress || byFarmland ? 'pass' : 'fail', figure, threshold: described };
  }

  const bounds = boundsOf(threshold, figures);
  if (!appliesToType(rule, figures.type) || bounds === null || (bounds.min === null && bounds.max === null)) {
    return { ...base, status: 'not-applicable', figure: null, threshold: '', reason: RULE_NOT_FOR_TYPE };
  }
  const described = describeBounds(bounds, isShare);
  const figure = measured(rule.measure, figures);
  if (figure === null || !Number.isFinite(figure)) {
    return {
      ...base,
      status: 'not-applicable',
      figure: null,
      threshold: described,
      reason: RULE_MISSING_DATA,
    };
  }
  if (bounds.min !== null && figure < bounds.min)
    return { ...base, status: 'fail', figure, threshold: described, side: 'below' };
  if (bounds.max !== null && figure > bounds.max)
    return { ...base, status: 'fail', figure, threshold: described, side: 'above' };
  return { ...base, status: 'pass', figure, threshold: described };
}

/** Judges a community by every rule of a profile, in table order. */
export function evaluateCommunity(profile: StandardsProfileId, figures: CommunityFigures): RuleResult[] {
  return rulesOfProfile(profile).map((rule) => evaluateRule(rule, rule.thresholds[profile]!, figures));
}
