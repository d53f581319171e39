/**
 * The comparison (对比) of the open scenario's saved version with another scenario or the
 * baseline: the server's comparison and the other side's communities (for the swipe), read while
 * the comparison is shown, with the map's options (moved units shown, where the swipe stands).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScenarioCommunityCollection, ScenarioComparison, ScenarioSummary } from '../../lib/api-types';
import { useScenarioCommunitiesRead, useScenarioComparisonRead } from '../../lib/reads';
import { useRetained } from '../../lib/use-retained';
import type { Judging } from '../../lib/judging';

export type ScenarioMode = 'edit' | 'compare';

/** How the two sides are shown: one map with a swipe, or two maps side by side on one view. */
export type CompareLayout = 'swipe' | 'side-by-side';

export interface CompareState {
  withId: string;
  setWithId: (id: string) => void;
  result: ScenarioComparison | null;
  others: ScenarioCommunityCollection | null;
  pending: boolean;
  showMoved: boolean;
  setShowMoved: (show: boolean) => void;
  swipeFraction: number;
  setSwipeFraction: (fraction: number) => void;
  layout: CompareLayout;
  setLayout: (layout: CompareLayout) => void;
}

export interface ScenarioCompare {
  mode: ScenarioMode;
  setMode: (mode: ScenarioMode) => void;
  compare: CompareState;
  /** Back to editing against the baseline (another scenario opened). */
  reset: () => void;
}

export interface CompareInput {
  regionId: string | null;
  openId: string | null;
  /** The open scenario's saved version (null while it loads). */
  savedVersion: number | null;
  judging: Judging | null;
  scenarios: readonly ScenarioSummary[] | null;
}

export function useScenarioCompare({
  regionId,
  openId,
  savedVersion,
  judging,
  scenarios,
}: CompareInput): ScenarioCompare {
  const [mode, setMode] = useState<ScenarioMode>('edit');
  const [withId, setWithId] = useState('baseline');
  const [showMoved, setShowMoved] = useState(true);
  const [swipeFraction, setSwipeFraction] = useState(0.5);
  const [layout, setLayout] = useState<CompareLayout>('swipe');

  const reset = useCallback(() => {
    setMode('edit');
    setWithId('baseline');
  }, []);
  // Another region: back to editing.
  useEffect(reset, [regionId, reset]);

  // The other side at the version the list shows (the baseline changes only by import).
  const withVersion =
    withId === 'baseline' ? null : (scenarios?.find((scenario) => scenario.id === withId)?.version ?? null);
  const comparing = mode === 'compare' && regionId && openId && savedVersion !== null && judging;
  const comparisonRead = useScenarioComparisonRead(
    comparing ? { regionId, scenarioId: openId, version: savedVersion, withId, withVersion, judging } : null,
  );
  const othersRead = useScenarioCommunitiesRead(
    comparing ? { regionId, scenarioId: withId, version: withVersion, judging } : null,
  );
  // Kept on screen (the map's swipe) while a new comparison loads, never for another scenario.
  const result = useRetained(comparisonRead.data, openId) ?? null;
  const others = useRetained(othersRead.data, openId) ?? null;

  return {
    mode,
    setMode,
    reset,
    compare: {
      withId,
      setWithId,
      result,
      others,
      pending: comparisonRead.fetching || othersRead.fetching,
      showMoved,
      setShowMoved,
      swipeFraction,
      setSwipeFraction,
      layout,
      setLayout,
    },
  };
}
