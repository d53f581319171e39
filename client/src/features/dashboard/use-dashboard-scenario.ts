/**
 * What the dashboard reads of the scenario it shows against the baseline: the scenario's
 * communities and 村改居 classification under the same judging (the KPIs' "after"), and the
 * server's comparison with the baseline (the communities whose status changes). The same cached
 * reads the scenario panel uses; nothing is computed anew.
 */
import { useMemo } from 'react';
import type { ScenarioComparison, VillageCandidatesAnswer } from '../../lib/api-types';
import type { Judging } from '../../lib/judging';
import {
  useScenarioCommunitiesRead,
  useScenarioComparisonRead,
  useVillageCandidatesRead,
} from '../../lib/reads';
import type { DashboardCommunityCollection } from './dashboard-types';

/** A saved scenario version the dashboard shows. */
export interface DashboardScenarioRef {
  id: string;
  version: number;
}

export interface DashboardScenarioData {
  communities: DashboardCommunityCollection;
  villages: VillageCandidatesAnswer;
  comparison: ScenarioComparison;
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
  const data = useMemo(
    (): DashboardScenarioData | null =>
      communities.data && villages.data && comparison.data
        ? { communities: communities.data, villages: villages.data, comparison: comparison.data }
        : null,
    [communities.data, villages.data, comparison.data],
  );
  const failed = [communities.error, villages.error, comparison.error].some((error) => error !== null);
  return { data: asking && !failed ? data : null, failed: Boolean(asking) && failed };
}
