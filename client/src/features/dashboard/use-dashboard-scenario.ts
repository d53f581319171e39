/**
 * What the dashboard reads of the scenario it shows against the baseline: the scenario's
 * communities and 村改居 classification under the same judging (the KPIs' "after"), and the
 * server's comparison with the baseline (the communities whose status changes), and the service
 * station's coverage on the scenario at the chart's tiers (the travel-time chart's "after"). The
 * same cached reads the scenario panel uses; nothing is computed anew.
 */
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ScenarioComparison, VillageCandidatesAnswer } from '../../lib/api-types';
import type { Judging } from '../../lib/judging';
import {
  scenarioCoverageRead,
  useScenarioCommunitiesRead,
  useScenarioComparisonRead,
  useVillageCandidatesRead,
} from '../../lib/reads';
import type { DashboardCommunityCollection } from './dashboard-types';
import { CHART_CATEGORY, CHART_TIER_MINUTES, stationReachOf, type DashboardData } from './use-dashboard';

/** A saved scenario version the dashboard shows. */
export interface DashboardScenarioRef {
  id: string;
  version: number;
}

export interface DashboardScenarioData {
  communities: DashboardCommunityCollection;
  villages: VillageCandidatesAnswer;
  comparison: ScenarioComparison;
  /** Residents reaching a service station on the scenario within each chart tier. */
  stationReach: DashboardData['stationReach'];
  /** The scenario's residents, as its coverage counts them. */
  residents: number;
}

export function useDashboardScenario(
  regionId: string | null,
  scenario: DashboardScenarioRef | null,
  judging: Judging | null,
): { data: DashboardScenarioData | null; failed: boolean } {
  const asking = regionId && scenario && judging;
  const saved = asking ? { regionId, scenarioId: scenario.id, version: scenario.version, judging } : null;
  const communities = useScenarioCommunitiesRead(saved);
  const villages = useVillageCandidatesRead(saved ? { ...saved, asType: null } : null);
  const comparison = useScenarioComparisonRead(
    saved ? { ...saved, withId: 'baseline', withVersion: null } : null,
  );
  const station = useQueries({
    queries: saved
      ? CHART_TIER_MINUTES.map((minutes) =>
          scenarioCoverageRead.options({
            regionId: saved.regionId,
            scenarioId: saved.scenarioId,
            version: saved.version,
            speedMetersPerSecond: saved.judging.speedMetersPerSecond,
            tiers: { [CHART_CATEGORY]: minutes },
          }),
        )
      : [],
    combine: stationReachOf,
  });
  const data = useMemo(
    (): DashboardScenarioData | null =>
      communities.data && villages.data && comparison.data && station.reach && station.residents !== null
        ? {
            communities: communities.data,
            villages: villages.data,
            comparison: comparison.data,
            stationReach: station.reach,
            residents: station.residents,
          }
        : null,
    [communities.data, villages.data, comparison.data, station.reach, station.residents],
  );
  const failed =
    [communities.error, villages.error, comparison.error].some((error) => error !== null) || station.failed;
  return { data: asking && !failed ? data : null, failed: Boolean(asking) && failed };
}
