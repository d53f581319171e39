/**
 * Loads what the dashboard shows for a region and profile: coverage at the standards' tiers, the
 * service station's coverage at 5…30 minutes (for the travel-time chart), the baseline communities
 * with their metrics and rule results, and the 村改居 candidates. Errors go to the notice stack.
 */
import { useEffect, useState } from 'react';
import { fetchCoverage, fetchScenarioCommunities, fetchVillageCandidates } from '../../lib/api';
import type { CoverageResult, VillageCandidatesAnswer } from '../../lib/api-types';
import { reportError } from '../../lib/notices';
import { WALK_SPEED_METERS_PER_SECOND } from '../../lib/walking';
import type { StandardsProfileId } from '../../lib/standards';
import type { DashboardCommunityCollection } from './dashboard-types';

/** Walking minutes of the chart's bin edges (5-minute bins up to half an hour, then everyone else). */
export const CHART_TIER_MINUTES = [5, 10, 15, 20, 25, 30] as const;
export const CHART_CATEGORY = 'service_station';
export const DASHBOARD_SPEED_METERS_PER_SECOND = WALK_SPEED_METERS_PER_SECOND.adult;

export interface DashboardData {
  coverage: CoverageResult;
  /** Residents reaching a service station within each CHART_TIER_MINUTES value. */
  stationReach: { minutes: number; coveredResidents: number }[];
  communities: DashboardCommunityCollection;
  villages: VillageCandidatesAnswer;
}

export function useDashboard(
  regionId: string | null,
  profile: StandardsProfileId,
): { data: DashboardData | null; failed: boolean } {
  const [state, setState] = useState<{ key: string; data: DashboardData | null; failed: boolean }>({
    key: '',
    data: null,
    failed: false,
  });
  const key = `${regionId}|${profile}`;

  useEffect(() => {
    if (!regionId) return;
    const controller = new AbortController();
    const { signal } = controller;
    const speed = DASHBOARD_SPEED_METERS_PER_SECOND;
    void (async () => {
      const [coverage, communities, villages, ...reach] = await Promise.all([
        fetchCoverage(regionId, speed, {}, signal),
        fetchScenarioCommunities(regionId, 'baseline', profile, signal),
        fetchVillageCandidates(regionId, 'baseline', profile, 'urban', signal),
        ...CHART_TIER_MINUTES.map((minutes) =>
          fetchCoverage(regionId, speed, { [CHART_CATEGORY]: minutes }, signal),
        ),
      ]);
      if (signal.aborted) return;
      const failures = [coverage, communities, villages, ...reach].filter((answer) => !answer.ok);
      if (!coverage.ok || !communities.ok || !villages.ok || failures.length > 0) {
        for (const failure of failures) if (!failure.ok && !failure.error.aborted) reportError(failure.error);
        setState({ key, data: null, failed: true });
        return;
      }
      const stationReach = reach.map((answer, index) => {
        const station = answer.ok
          ? answer.data.region.categories.find((entry) => entry.category === CHART_CATEGORY)
          : undefined;
        return { minutes: CHART_TIER_MINUTES[index]!, coveredResidents: station?.coveredResidents ?? 0 };
      });
      setState({
        key,
        data: {
          coverage: coverage.data,
          stationReach,
          // The baseline answer carries every evaluator metric; lib/api-types names only the ones the scenario screen reads.
          communities: communities.data as unknown as DashboardCommunityCollection,
          villages: villages.data,
        },
        failed: false,
      });
    })();
    return () => controller.abort();
  }, [regionId, profile, key]);

  return state.key === key ? { data: state.data, failed: state.failed } : { data: null, failed: false };
}
