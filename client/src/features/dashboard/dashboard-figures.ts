/**
 * Pure figures of the leaders' dashboard, all read from what the server judged under the region's
 * judging: walking reach of what the profile asks residents to reach (the region's share and how
 * many communities meet each rule), the region- and street-scope rules, size bands, the 村改居
 * classification, the community ranking by rules judged, and residents binned by walking time.
 */
import type { ScenarioRuleResult, VillageCandidatesAnswer } from '../../lib/api-types';
import type { I18n } from '../../lib/i18n';
import { ruleById, rulesOfProfile, type RuleSource, type StandardsProfileId } from '../../lib/standards';
import type { DashboardCommunityProperties } from './dashboard-types';

/** Communities meeting a community-scope rule, and those it was judged for (pass, fail or advice). */
export interface RuleTally {
  met: number;
  judged: number;
  /** Communities whose figures were missing (待定). */
  undetermined: number;
}

export interface ReachKpi {
  ruleId: string;
  /** The requirement's key in the communities' reachShareByKey. */
  requirementKey: string | null;
  /** Categories walked to (any of them), or empty for a whole circle. */
  categories: readonly string[];
  /** Walking minutes of the requirement (each category's tier, a circle's, or the document's). */
  minutes: number[];
  /** Share of the region's residents meeting the requirement, 0–1; null when unknown. */
  coveredShare: number | null;
  tally: RuleTally;
  sources: readonly RuleSource[];
}

function tallyOf(communities: readonly DashboardCommunityProperties[], ruleId: string): RuleTally {
  const tally: RuleTally = { met: 0, judged: 0, undetermined: 0 };
  for (const community of communities) {
    const result = community.rules.find((candidate) => candidate.ruleId === ruleId);
    if (!result) continue;
    if (result.status === 'pass') {
      tally.met += 1;
      tally.judged += 1;
    } else if (result.status === 'fail' || result.status === 'advice') tally.judged += 1;
    else if (result.status === 'undetermined') tally.undetermined += 1;
  }
  return tally;
}

/**
 * Every reach rule of the profile with the region's share of residents meeting it (a residents-
 * weighted sum of the communities' shares, under the same judging) and how many communities meet
 * it; ordered by walking minutes.
 */
export function reachKpis(
  communities: readonly DashboardCommunityProperties[],
  profile: StandardsProfileId,
): ReachKpi[] {
  const kpis: ReachKpi[] = [];
  for (const rule of rulesOfProfile(profile)) {
    if (rule.kind !== 'reach' || rule.measure.of !== 'reach') continue;
    const walked = communities
      .flatMap((community) => community.rules)
      .find((result) => result.ruleId === rule.id && result.walk);
    const requirement = walked?.walk?.requirement ?? null;
    let residents = 0;
    let covered = 0;
    for (const community of communities) {
      const share = requirement ? community.reachShareByKey[requirement.key] : undefined;
      if (share === undefined || share === null) continue;
      residents += community.residents;
      covered += share * community.residents;
    }
    const spec = rule.measure.reach;
    kpis.push({
      ruleId: rule.id,
      requirementKey: requirement?.key ?? null,
      categories: spec.reach === 'circle' ? [] : spec.categories,
      minutes: requirement
        ? [
            ...new Set(requirement.allOf.flatMap((target) => target.anyOf.map((option) => option.minutes))),
          ].sort((a, b) => a - b)
        : spec.reach === 'fixed'
          ? [spec.minutes]
          : spec.reach === 'circle'
            ? [spec.circleMinutes]
            : [],
      coveredShare: residents > 0 ? covered / residents : null,
      tally: tallyOf(communities, rule.id),
      sources: rule.profiles[profile]?.sources ?? [],
    });
  }
  return kpis.sort((a, b) => Math.max(0, ...a.minutes) - Math.max(0, ...b.minutes));
}

export interface CountKpi {
  count: number;
  /** Communities the count was taken over. */
  of: number;
  /** Communities whose figures were missing for it (待定). */
  undetermined: number;
  ruleIds: readonly string[];
  sources: readonly RuleSource[];
}

function uniqueSources(sources: readonly RuleSource[]): RuleSource[] {
  const seen = new Map<string, RuleSource>();
  for (const source of sources) seen.set(`${source.document}\u0000${source.clause}`, source);
  return [...seen.values()];
}

/** Communities outside a size band of the profile (failed, or advised where the band is guidance). */
export function outsideBandKpi(
  communities: readonly DashboardCommunityProperties[],
  profile: StandardsProfileId,
): CountKpi {
  const sizeRules = rulesOfProfile(profile).filter((rule) => rule.kind === 'size-band');
  const ruleIds = sizeRules.map((rule) => rule.id);
  const asked = (community: DashboardCommunityProperties) =>
    community.rules.filter((result) => ruleIds.includes(result.ruleId));
  return {
    count: communities.filter((community) =>
      asked(community).some((result) => result.status === 'fail' || result.status === 'advice'),
    ).length,
    of: communities.filter((community) =>
      asked(community).some((result) => result.status !== 'not-applicable'),
    ).length,
    undetermined: communities.filter((community) =>
      asked(community).some((result) => result.status === 'undetermined'),
    ).length,
    ruleIds,
    sources: uniqueSources(sizeRules.flatMap((rule) => rule.profiles[profile]?.sources ?? [])),
  };
}

/** 村改居 candidates out of the villages classified, with those undetermined (a classification, never a failure). */
export function villageKpi(villages: VillageCandidatesAnswer): CountKpi & { inProfile: boolean } {
  const classified = villages.villages.filter((village) => village.status !== 'not-applicable');
  return {
    count: classified.filter((village) => village.status === 'candidate').length,
    of: classified.length,
    undetermined: classified.filter((village) => village.status === 'undetermined').length,
    ruleIds: [villages.ruleId],
    sources: villages.sources,
    inProfile: villages.ruleInProfile,
  };
}

export interface RankedCommunity {
  rank: number;
  id: string;
  name: string;
  nameEn: string | null;
  residents: number;
  passed: number;
  /** Rules judged (pass, fail or advice); the 村改居 classification and undetermined rules are not. */
  judged: number;
  undetermined: number;
  /** passed / judged, 0–1; null when nothing could be judged. */
  completeness: number | null;
  /** Rules failed, then rules advised, in the profile's table order. */
  gaps: ScenarioRuleResult[];
}

/**
 * Communities by completeness (share of the rules judged that pass), best first; ties by fewer
 * failures, then fewer advice items, then more residents (a gap among more people weighs more),
 * then id for a stable order. A community nothing could be judged for ranks last, never first.
 */
export function rankCommunities(communities: readonly DashboardCommunityProperties[]): RankedCommunity[] {
  const rows = communities.map((community) => {
    const { summary } = community;
    const failed = community.rules.filter((result) => result.status === 'fail');
    const advised = community.rules.filter((result) => result.status === 'advice');
    return {
      rank: 0,
      id: community.id,
      name: community.name,
      nameEn: community.nameEn,
      residents: community.residents,
      passed: summary.pass,
      judged: summary.judged,
      undetermined: summary.undetermined,
      completeness: summary.judged > 0 ? summary.pass / summary.judged : null,
      gaps: [...failed, ...advised],
      failedCount: failed.length,
      advisedCount: advised.length,
    };
  });
  rows.sort(
    (a, b) =>
      (b.completeness ?? -1) - (a.completeness ?? -1) ||
      a.failedCount - b.failedCount ||
      a.advisedCount - b.advisedCount ||
      b.residents - a.residents ||
      a.id.localeCompare(b.id),
  );
  return rows.map(({ failedCount: _failed, advisedCount: _advised, ...row }, index) => ({
    ...row,
    rank: index + 1,
  }));
}

/** The category a reach result is about, for a short gap text ("幼儿园 62 %"), or null for a circle. */
export function reachCategoryOf(ruleId: string): string | null {
  const measure = ruleById(ruleId).measure;
  return measure.of === 'reach' && measure.reach.reach !== 'circle' ? measure.reach.categories[0] : null;
}

export interface TravelTimeBin {
  fromMinutes: number;
  /** Upper bound; null for the open bin of residents beyond the last tier (or not reached at all). */
  toMinutes: number | null;
  residents: number;
}

/** A walking-time band as the charts label it: "5–10", or "> 15" for the open band. */
export function travelTimeBandLabel(
  bin: Pick<TravelTimeBin, 'fromMinutes' | 'toMinutes'>,
  t: I18n['t'],
): string {
  return bin.toMinutes === null
    ? t('dashboard.binBeyond', { n: bin.fromMinutes })
    : `${bin.fromMinutes}–${bin.toMinutes}`;
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
