/**
 * What the dashboard shows for a region under its judging: coverage at the tiers in force, the
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
import type { Judging } from '../../lib/judging';
import type { DashboardCommunityCollection } from './dashboard-types';

/** Walking minutes of the chart's bin edges (5-minute bins up to half an hour, then everyone else). */
export const CHART_TIER_MINUTES = [5, 10, 15, 20, 25, 30] as const;
export const CHART_CATEGORY = 'service_station';

export interface DashboardData {
  coverage: CoverageResult;
  /** Residents reaching a service station within each CHART_TIER_MINUTES value. */
  stationReach: { minutes: number; coveredResidents: number }[];
  communities: DashboardCommunityCollection;
  villages: VillageCandidatesAnswer;
}

/**
 * Residents reaching a station per chart tier once every answer is in (a plain object, so the cache
 * shares it while unchanged), and the residents of the region the answers count (the first answer's).
 * The baseline's coverage answers or a scenario's.
 */
export function stationReachOf(results: UseQueryResult<CoverageResult>[]): {
  reach: DashboardData['stationReach'] | null;
  residents: number | null;
  failed: boolean;
} {
  const failed = results.some((result) => result.isError);
  if (results.length === 0 || results.some((result) => result.data === undefined))
    return { reach: null, residents: null, failed };
  const reach = results.map((result, index) => {
    const station = result.data!.region.categories.find((entry) => entry.category === CHART_CATEGORY);
    return { minutes: CHART_TIER_MINUTES[index]!, coveredResidents: station?.coveredResidents ?? 0 };
  });
  return { reach, residents: results[0]!.data!.region.residents, failed };
}

/**
 * @param judging the judging every screen is under (the region's profile, the walking speed and
 *   tiers set in the accessibility panel); null until the region is known
 */
export function useDashboard(
  regionId: string | null,
  judging: Judging | null,
): { data: DashboardData | null; failed: boolean } {
  const asking = regionId && judging;
  const speed = judging?.speedMetersPerSecond ?? 0;
  const coverage = useCoverageRead(
    asking ? { regionId, speedMetersPerSecond: speed, tiers: judging.tiers } : null,
  );
  const communities = useScenarioCommunitiesRead(
    asking ? { regionId, scenarioId: 'baseline', version: null, judging } : null,
  );
  // Each village held to its own application (申请类型), as the documents ask.
  const villages = useVillageCandidatesRead(
    asking ? { regionId, scenarioId: 'baseline', version: null, judging, asType: null } : null,
  );
  const station = useQueries({
    queries: asking
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
            communities: communities.data,
            villages: villages.data,
          }
        : null,
    [coverage.data, communities.data, villages.data, station.reach],
  );
  const failed =
    [coverage.error, communities.error, villages.error].some((error) => error !== null) || station.failed;
  return { data: failed ? null : data, failed };
}
