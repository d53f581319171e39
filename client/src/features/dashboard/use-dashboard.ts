/**
 * What the dashboard shows for a region and profile: coverage at the standards' tiers, the
 * service station's coverage at 5…30 minutes (for the travel-time chart), the baseline communities
 * with their metrics and rule results, and the 村改居 candidates. Read through the cache, so what
 * the map screen already asked (coverage at the adult speed, the baseline) is not asked again;
 * errors go to the notice stack.
 */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CoverageResult, VillageCandidatesAnswer } from '../../lib/api-types';
import {
  coverageRead,
  useCoverageRead,
  useScenarioCommunitiesRead,
  useVillageCandidatesRead,
} from '../../lib/reads';
import { WALK_SPEED_METERS_PER_SECOND } from '../../lib/walking';
import type { StandardsProfileId } from '../../lib/standards';
import type { DashboardCommunityCollection } from './dashboard-types';

/** Walking minutes of the chart's bin edges (5-minute bins up to half an hour, then everyone else). */
export const CHART_TIER_MINUTES = [5, 10, 15, 20, 25, 30] as const;
export const CHART_CATEGORY = 'service_station';
export const DASHBOARD_SPEED_METERS_PER_SECOND = WALK_SPEED_METERS_PER_SECOND.adult;
const NO_TIER_OVERRIDES = {};

export interface DashboardData {
  coverage: CoverageResult;
  /** Residents reaching a service station within each CHART_TIER_MINUTES value. */
  stationReach: { minutes: number; coveredResidents: number }[];
  communities: DashboardCommunityCollection;
  villages: VillageCandidatesAnswer;
}

/** Residents reaching a station per chart tier once every answer is in (a plain object, so the cache shares it while unchanged). */
function stationReachOf(results: UseQueryResult<CoverageResult>[]): {
  reach: DashboardData['stationReach'] | null;
  failed: boolean;
} {
  const failed = results.some((result) => result.isError);
  if (results.length === 0 || results.some((result) => result.data === undefined))
    return { reach: null, failed };
  const reach = results.map((result, index) => {
    const station = result.data!.region.categories.find((entry) => entry.category === CHART_CATEGORY);
    return { minutes: CHART_TIER_MINUTES[index]!, coveredResidents: station?.coveredResidents ?? 0 };
  });
  return { reach, failed };
}

export function useDashboard(
  regionId: string | null,
  profile: StandardsProfileId,
): { data: DashboardData | null; failed: boolean } {
  const speed = DASHBOARD_SPEED_METERS_PER_SECOND;
  const coverage = useCoverageRead(
    regionId ? { regionId, speedMetersPerSecond: speed, tiers: NO_TIER_OVERRIDES } : null,
  );
  const communities = useScenarioCommunitiesRead(
    regionId ? { regionId, scenarioId: 'baseline', version: null, profile } : null,
  );
  const villages = useVillageCandidatesRead(
    regionId ? { regionId, scenarioId: 'baseline', version: null, profile, asType: 'urban' } : null,
  );
  const station = useQueries({
    queries: regionId
      ? CHART_TIER_MINUTES.map((minutes) =>
          coverageRead.options({
            regionId,
            speedMetersPerSecond: speed,
            tiers: { [CHART_CATEGORY]: minutes },
          }),
        )
      : [],
    combine: stationReachOf,
  });

  const data = useMemo(
    (): DashboardData | null =>
      coverage.data && communities.data && villages.data && station.reach
        ? {
            coverage: coverage.data,
            stationReach: station.reach,
            // The baseline answer carries every evaluator metric; lib/api-types names only the ones the scenario screen reads.
            communities: communities.data as unknown as DashboardCommunityCollection,
            villages: villages.data,
          }
        : null,
    [coverage.data, communities.data, villages.data, station.reach],
  );
  const failed =
    [coverage.error, communities.error, villages.error].some((error) => error !== null) || station.failed;
  return { data: failed ? null : data, failed };
}
