/**
 * The open scenario: the region's units (adjacency and coverage, for the live evaluator, read once
 * per region when the screen is first opened), the scenario's saved state turned into a session
 * with pending edits, undo and redo, and its communities as the server has them (geometry, labels)
 * under the judging in force.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type RefObject } from 'react';
import type { ScenarioCommunityCollection, UnitFeature } from '../../lib/api-types';
import { judgingProfile, type Judging } from '../../lib/judging';
import { queryKeys } from '../../lib/query-keys';
import { useScenarioCommunitiesRead, useScenarioStateRead, useUnitAdjacencyRead } from '../../lib/reads';
import { useRetained } from '../../lib/use-retained';
import {
  decodeRegionUnits,
  decodeScenarioState,
  decodeUnitReach,
  sameUnits,
  type RegionUnits,
} from './evaluator-input';
import type { JudgeContext } from './scenario-core';
import { ScenarioSession } from './scenario-session';
import { buildUnitIndex, type UnitIndex } from './unit-index';

export interface OpenScenario {
  openId: string | null;
  /** Open a scenario (its saved state is read, or taken from the cache). */
  open: (id: string) => void;
  close: () => void;
  session: ScenarioSession | null;
  /** The session as last rendered, for callbacks that must not be rebuilt at every change. */
  sessionRef: RefObject<ScenarioSession | null>;
  /** Bumped at every change of the live evaluator (components read it through `session`). */
  revision: number;
  /** Tell components the session's evaluator changed in place. */
  bump: () => void;
  savedCommunities: ScenarioCommunityCollection | null;
  /**
   * What the live evaluator judges with: the profile in force, the walking reach read under the
   * judging's speed and tiers, the tool settings; null until the reach has been read.
   */
  judgeContext: JudgeContext | null;
  loading: boolean;
  unitIndex: UnitIndex | null;
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  /** The saved state again, from the server: pending edits dropped. */
  reloadState: () => Promise<void>;
  /** The saved state has changed on the server (a save): read it again and rebuild the session. */
  refreshState: () => Promise<void>;
  /** The saved state in the cache is out of date (a rename) but the session stays as it is. */
  markStateStale: (scenarioId: string) => void;
}

/**
 * @param regionId the region on screen (null while none is loaded)
 * @param units the region's units layer (their geometry for the tools)
 * @param active whether the scenarios tab is open (the region's units are read only then)
 * @param judging the judging in force (null until the region's profile is known)
 */
export function useOpenScenario(
  regionId: string | null,
  units: readonly UnitFeature[] | undefined,
  active: boolean,
  judging: Judging | null,
): OpenScenario {
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const [session, setSession] = useState<ScenarioSession | null>(null);
  const [loadKey, bumpLoadKey] = useReducer((key: number) => key + 1, 0);
  const [revision, bump] = useReducer((value: number) => value + 1, 0);
  const [activeId, setActiveId] = useState<string | null>(null);

  // Another region: nothing of the last one applies.
  useEffect(() => {
    setOpenId(null);
    setSession(null);
    setActiveId(null);
  }, [regionId]);

  // Read when the screen is first opened, then kept while other tabs are shown.
  const adjacencyRead = useUnitAdjacencyRead(active && regionId && judging ? { regionId, judging } : null);
  const adjacency = useRetained(adjacencyRead.data, regionId);
  // Decoded once per region: another judging's answer carries the same units, and rebuilding them
  // would rebuild the session and lose its pending edits.
  const regionUnitsRef = useRef<RegionUnits | null>(null);
  const regionUnits = useMemo(() => {
    if (!adjacency) return null;
    const held = regionUnitsRef.current;
    return held && sameUnits(held, adjacency) ? held : decodeRegionUnits(adjacency);
  }, [adjacency]);
  useEffect(() => {
    regionUnitsRef.current = regionUnits;
  }, [regionUnits]);
  const judgedReach = useMemo(() => (adjacency ? decodeUnitReach(adjacency) : null), [adjacency]);
  const judgeContext = useMemo(
    (): JudgeContext | null =>
      judging && judgedReach
        ? { profile: judgingProfile(judging), reach: judgedReach.reach, settings: judging.settings }
        : null,
    [judging, judgedReach],
  );
  const unitIndex = useMemo(
    () =>
      regionUnits && units
        ? buildUnitIndex(
            regionUnits.units.map((unit) => unit.id),
            units,
          )
        : null,
    [regionUnits, units],
  );

  const stateRead = useScenarioStateRead(regionId && openId ? { regionId, scenarioId: openId } : null);
  const state = stateRead.data;
  // A scenario that cannot be read is closed; the cache has shown why.
  const stateFailed = stateRead.error !== null;
  useEffect(() => {
    if (stateFailed) setOpenId(null);
  }, [stateFailed]);

  // A session per saved state read (on opening, after a save, on reload), pending edits dropped.
  useEffect(() => {
    if (!state || !regionUnits || !unitIndex) {
      setSession(null);
      return;
    }
    const next = new ScenarioSession(
      regionUnits,
      decodeScenarioState(state, regionUnits.units.length),
      unitIndex,
    );
    setSession(next);
    setActiveId((previous) => (previous && next.evaluator.hasCommunity(previous) ? previous : null));
    bump();
  }, [state, regionUnits, unitIndex, loadKey]);

  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);

  // Its communities as the server has them, at the saved version shown.
  const savedVersion = session?.saved.version ?? null;
  const communitiesRead = useScenarioCommunitiesRead(
    regionId && openId && savedVersion !== null && judging
      ? { regionId, scenarioId: openId, version: savedVersion, judging }
      : null,
  );
  const savedCommunities = useRetained(communitiesRead.data, openId) ?? null;

  const open = useCallback((id: string) => {
    setOpenId(id);
    setSession(null);
  }, []);
  const close = useCallback(() => {
    setOpenId(null);
    setSession(null);
    setActiveId(null);
  }, []);

  const stateKey = regionId && openId ? queryKeys.scenarioState(regionId, openId) : null;
  const refreshState = useCallback(async () => {
    if (stateKey) await queryClient.invalidateQueries({ queryKey: stateKey, exact: true });
  }, [queryClient, stateKey]);
  const reloadState = useCallback(async () => {
    await refreshState();
    // Rebuilt even when the server's state is the one already held: the pending edits go.
    bumpLoadKey();
  }, [refreshState]);
  const markStateStale = useCallback(
    (scenarioId: string) => {
      if (!regionId) return;
      // Read again when next opened; the open session keeps its pending edits.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.scenarioState(regionId, scenarioId),
        exact: true,
        refetchType: 'none',
      });
    },
    [queryClient, regionId],
  );

  return {
    openId,
    open,
    close,
    session,
    sessionRef,
    revision,
    bump,
    savedCommunities,
    judgeContext,
    loading: stateRead.fetching || (openId !== null && !session),
    unitIndex,
    activeId,
    setActiveId,
    reloadState,
    refreshState,
    markStateStale,
  };
}
