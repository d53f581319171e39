/**
 * Pure figures of the leaders' dashboard: region KPIs against a profile's targets, the community
 * ranking by rules passed, and residents binned by walking time from cumulative coverage answers.
 */
import type { CategoryCoverage, ScenarioRuleResult } from '../../lib/api-types';
import {
  RULES,
  ruleById,
  rulesOfProfile,
  type RuleDefinition,
  type StandardsProfileId,
} from '../../lib/standards';
import type { DashboardCommunityProperties } from './dashboard-types';

/** A KPI's target: the profile's bound, or null when the profile does not check the rule. */
export interface KpiTarget {
  kind: 'min' | 'max';
  value: number;
}

export interface CoverageKpi {
  category: string;
  tierMinutes: number;
  /** Share of the region's residents reaching the category within its tier, 0–1; null without residents. */
  coveredShare: number | null;
  target: KpiTarget;
  ruleId: string;
  sources: readonly string[];
}

/** A figure with its target and the rule (and so the documents) it is held to. */
export interface RatioKpi {
  value: number | null;
  target: KpiTarget | null;
  ruleId: string;
  sources: readonly string[];
}

export interface CountKpi {
  count: number;
  /** Communities the count was taken over. */
  of: number;
  ruleIds: readonly string[];
  sources: readonly string[];
}

function minTarget(rule: RuleDefinition, profile: StandardsProfileId): KpiTarget | null {
  const threshold = rule.thresholds[profile];
  if (threshold?.kind === 'min') return { kind: 'min', value: threshold.value };
  if (threshold?.kind === 'max') return { kind: 'max', value: threshold.value };
  return null;
}

function uniqueSources(rules: readonly RuleDefinition[]): string[] {
  return [...new Set(rules.flatMap((rule) => rule.sources))];
}

/**
 * Region coverage of every category the profile asks communities to reach (its `reach.*` rules),
 * read from the coverage answer at the standards' tiers, ordered by tier then rule order.
 */
export function coverageKpis(
  regionCategories: readonly CategoryCoverage[],
  profile: StandardsProfileId,
): CoverageKpi[] {
  const kpis: CoverageKpi[] = [];
  for (const rule of rulesOfProfile(profile)) {
    if (!rule.measure.startsWith('coveredShare:')) continue;
    const category = rule.measure.slice('coveredShare:'.length);
    const coverage = regionCategories.find((entry) => entry.category === category);
    const target = minTarget(rule, profile);
    if (!coverage || !target) continue;
    kpis.push({
      category,
      tierMinutes: coverage.tierMinutes,
      coveredShare: coverage.coveredShare,
      target,
      ruleId: rule.id,
      sources: rule.sources,
    });
  }
  return kpis.sort((a, b) => a.tierMinutes - b.tierMinutes);
}

/** Region service floor area per 100 households (m²): summed over communities that report a floor area. */
export function floorAreaKpi(
  communities: readonly DashboardCommunityProperties[],
  profile: StandardsProfileId,
): RatioKpi {
  const rule = ruleById('area.per100hh');
  const reporting = communities.filter((community) => community.serviceFloorAreaSquareMeters !== null);
  const households = reporting.reduce((sum, community) => sum + community.households, 0);
  const floorArea = reporting.reduce(
    (sum, community) => sum + (community.serviceFloorAreaSquareMeters ?? 0),
    0,
  );
  return {
    value: households > 0 ? (floorArea / households) * 100 : null,
    target: minTarget(rule, profile),
    ruleId: rule.id,
    sources: rule.sources,
  };
}

/**
 * Community workers per 10 000 residents, over the communities the rule applies to (urban types:
 * "城镇常住人口") that report their staff.
 */
export function staffKpi(
  communities: readonly DashboardCommunityProperties[],
  profile: StandardsProfileId,
): RatioKpi {
  const rule = ruleById('staff.per10k');
  const reporting = communities.filter(
    (community) =>
      community.staff !== null && (rule.appliesTo === 'all' || rule.appliesTo.includes(community.type)),
  );
  const residents = reporting.reduce((sum, community) => sum + community.residents, 0);
  const staff = reporting.reduce((sum, community) => sum + (community.staff ?? 0), 0);
  return {
    value: residents > 0 ? (staff / residents) * 10_000 : null,
    target: minTarget(rule, profile),
    ruleId: rule.id,
    sources: rule.sources,
  };
}

/** Communities failing any of the profile's size rules (`size.*`: the type's band, relocation or new sizes). */
export function outsideBandKpi(
  communities: readonly DashboardCommunityProperties[],
  profile: StandardsProfileId,
): CountKpi {
  const sizeRules = rulesOfProfile(profile).filter((rule) => rule.id.startsWith('size.'));
  const ruleIds = sizeRules.map((rule) => rule.id);
  const count = communities.filter((community) =>
    community.rules.some((result) => ruleIds.includes(result.ruleId) && result.status === 'fail'),
  ).length;
  return { count, of: communities.length, ruleIds, sources: uniqueSources(sizeRules) };
}

/** 村改居 candidates (rule `village.conversion`) out of the villages tested. */
export function villageKpi(candidateCount: number, villageCount: number): CountKpi {
  const rule = ruleById('village.conversion');
  return { count: candidateCount, of: villageCount, ruleIds: [rule.id], sources: rule.sources };
}

export interface RankedCommunity {
  rank: number;
  id: string;
  name: string;
  nameEn: string | null;
  residents: number;
  passed: number;
  /** Rules that applied (passed or failed). */
  evaluated: number;
  /** passed / evaluated, 0–1; null when no rule applied. */
  completeness: number | null;
  /** The failed rules, in the profile's table order. */
  gaps: ScenarioRuleResult[];
}

/**
 * Rules that classify a community rather than measure its provision: the 村改居 test says whether a
 * village may convert, and failing it is no gap in the village's services.
 */
const CLASSIFYING_RULE_IDS = new Set(
  RULES.filter((rule) => rule.measure === 'villageConversion').map((rule) => rule.id),
);

/**
 * Communities by completeness (share of applicable provision rules passed), best first; ties by
 * fewer gaps, then more residents (a gap among more people weighs more), then id for a stable order.
 */
export function rankCommunities(communities: readonly DashboardCommunityProperties[]): RankedCommunity[] {
  const rows = communities.map((community) => {
    const applicable = community.rules.filter(
      (result) => result.status !== 'not-applicable' && !CLASSIFYING_RULE_IDS.has(result.ruleId),
    );
    const gaps = applicable.filter((result) => result.status === 'fail');
    const passed = applicable.length - gaps.length;
    return {
      rank: 0,
      id: community.id,
      name: community.name,
      nameEn: community.nameEn,
      residents: community.residents,
      passed,
      evaluated: applicable.length,
      completeness: applicable.length > 0 ? passed / applicable.length : null,
      gaps,
    };
  });
  rows.sort(
    (a, b) =>
      (b.completeness ?? -1) - (a.completeness ?? -1) ||
      a.gaps.length - b.gaps.length ||
      b.residents - a.residents ||
      a.id.localeCompare(b.id),
  );
  return rows.map((row, index) => ({ ...row, rank: index + 1 }));
}

export interface TravelTimeBin {
  fromMinutes: number;
  /** Upper bound; null for the open bin of residents beyond the last tier (or not reached at all). */
  toMinutes: number | null;
  residents: number;
}

/**
 * Residents by walking time to the nearest facility, from cumulative coverage: `covered[i]` residents
 * reach one within `minutes[i]` (ascending). Bin i holds covered[i] − covered[i−1]; the last, open bin
 * holds everyone else. Throws when the cumulative figures fall (a programmer error in the caller).
 */
export function travelTimeBins(
  cumulative: readonly { minutes: number; coveredResidents: number }[],
  totalResidents: number,
): TravelTimeBin[] {
  const sorted = [...cumulative].sort((a, b) => a.minutes - b.minutes);
  const bins: TravelTimeBin[] = [];
  let previousMinutes = 0;
  let previousCovered = 0;
  for (const step of sorted) {
    if (step.coveredResidents < previousCovered) {
      throw new Error(
        `travelTimeBins: ${step.coveredResidents} residents within ${step.minutes} min is fewer than within ${previousMinutes} min`,
      );
    }
    bins.push({
      fromMinutes: previousMinutes,
      toMinutes: step.minutes,
      residents: step.coveredResidents - previousCovered,
    });
    previousMinutes = step.minutes;
    previousCovered = step.coveredResidents;
  }
  bins.push({
    fromMinutes: previousMinutes,
    toMinutes: null,
    residents: Math.max(0, totalResidents - previousCovered),
  });
  return bins;
}
