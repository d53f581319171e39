/**
 * A siting answer in the planner's figures: coverage before → after as counts and shares of the
 * demand, what stays uncovered, how far the answer may be from the best any k sites could do, and
 * each site's marginal gain. Pure, so tested without a page.
 */
import type { SitingAnswer } from './siting-api';

export interface SitingSummary {
  total: number;
  coveredBefore: number;
  coveredAfter: number;
  /** Shares 0–1 of the total demand. */
  coveredBeforeShare: number;
  coveredAfterShare: number;
  gain: number;
  uncovered: number;
  uncoveredShare: number;
  upperBound: number;
  /**
   * The share of the best possible gain the answer may miss (0–1): "距最优至多差 x%". 0 when the
   * answer is proved optimal or meets its bound.
   */
  gapShare: number;
  provedOptimal: boolean;
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export function sitingSummary(answer: SitingAnswer): SitingSummary {
  const { demand } = answer;
  return {
    total: demand.total,
    coveredBefore: demand.coveredBefore,
    coveredAfter: demand.coveredAfter,
    coveredBeforeShare: share(demand.coveredBefore, demand.total),
    coveredAfterShare: share(demand.coveredAfter, demand.total),
    gain: demand.coveredAfter - demand.coveredBefore,
    uncovered: demand.uncovered,
    uncoveredShare: share(demand.uncovered, demand.total),
    upperBound: demand.upperBound,
    gapShare: demand.provedOptimal ? 0 : Math.max(0, demand.relativeGap),
    provedOptimal: demand.provedOptimal,
  };
}

export interface SiteRow {
  rank: number;
  gain: number;
  /** The gain as a share of the total demand (0–1). */
  gainShare: number;
  coveredBefore: number;
  coveredAfter: number;
  coveredAfterShare: number;
  /** Demand credited to the site (its capacity's share where one is set). */
  served: number;
}

export function siteRows(answer: SitingAnswer): SiteRow[] {
  const total = answer.demand.total;
  return answer.sites.map((site) => ({
    rank: site.rank,
    gain: site.gain,
    gainShare: share(site.gain, total),
    coveredBefore: site.coveredBefore,
    coveredAfter: site.coveredAfter,
    coveredAfterShare: share(site.coveredAfter, total),
    served: site.served,
  }));
}

/** A day as `YYYY-MM-DD` in local time (the name of a scenario a baseline siting is adopted into ends with it). */
export function isoDay(day: Date): string {
  const month = String(day.getMonth() + 1).padStart(2, '0');
  return `${day.getFullYear()}-${month}-${String(day.getDate()).padStart(2, '0')}`;
}
