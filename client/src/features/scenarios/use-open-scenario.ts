/**
 * The open scenario: the region's units (adjacency and coverage, for the live evaluator, read once
 * per region when the screen is first opened), the scenario's saved state turned into a session
 * with pending edits, undo and redo, and its communities as the server has them (geometry, labels)
 * under the judging in force.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type RefObject } from 'react';
import type { RegionLayers, ScenarioCommunityCollection } from '../../lib/api-types';
import { judgingProfile, type Judging } from '../../lib/judging';
import { queryKeys } from '../../lib/query-keys';
import {
  useScenarioCommunitiesRead,
  useScenarioFacilitiesRead,
  useScenarioPathsRead,
  useScenarioReachRead,
  useScenarioStateRead,
  useUnitAdjacencyRead,
} from '../../lib/reads';
import { useRetained } from '../../lib/use-retained';
import { NO_LAYER_CHANGES } from '../../../../core/scenario/scenario-layers';
import {
  decodeRegionUnits,
  decodeScenarioReach,
  decodeScenarioState,
  decodeUnitReach,
  sameUnits,
  type RegionUnits,
} from './evaluator-input';
import type { JudgeContext } from './scenario-core';
import { decodeScenarioLayers, sessionLayersOf } from './scenario-layer-state';
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
 * @param layers the region's layers: units (their geometry for the tools), facilities and network
 *   (what facility and path edits are checked against)
 * @param active whether the scenarios tab is open (the region's units are read only then)
 * @param judging the judging in force (null until the region's profile is known)
 */
export function useOpenScenario(
  regionId: string | null,
  layers: Partial<RegionLayers>,
  active: boolean,
  judging: Judging | null,
): OpenScenario {
  const units = layers.units?.features;
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
  // The saved version's facilities and paths (what its layer edits made of the region's).
  const stateVersion = state && state.id === openId ? state.version : null;
  const versionParams =
    regionId && openId && stateVersion !== null
      ? { regionId, scenarioId: openId, version: stateVersion }
      : null;
  const facilitiesRead = useScenarioFacilitiesRead(versionParams);
  const pathsRead = useScenarioPathsRead(versionParams);
  const regionFacilities = layers.facilities?.features;
  const regionNetwork = layers.network?.features;
  const sessionLayers = useMemo(() => {
    const facilities = facilitiesRead.data;
    const paths = pathsRead.data;
    // Both of the state's version, or none: a session is built on one saved state.
    if (!facilities || !paths || !regionFacilities || !regionNetwork) return null;
    if (facilities.scenario.version !== stateVersion || paths.scenario.version !== stateVersion) return null;
    return sessionLayersOf(regionFacilities, regionNetwork, decodeScenarioLayers(facilities, paths));
  }, [facilitiesRead.data, pathsRead.data, regionFacilities, regionNetwork, stateVersion]);
  // A scenario that cannot be read is closed; the cache has shown why.
  const stateFailed = stateRead.error !== null;
  useEffect(() => {
    if (stateFailed) setOpenId(null);
  }, [stateFailed]);

  // A session per saved state read (on opening, after a save, on reload), pending edits dropped.
  useEffect(() => {
    if (!state || !regionUnits || !unitIndex || !sessionLayers) {
      // While a new saved version's facilities and paths load, the last version's session stays,
      // as it does while the state itself is read again: the tools, the siting target and what
      // follows the open scenario do not blink away after every save. Another scenario starts empty.
      if (!state || state.id !== openId) setSession(null);
      return;
    }
    const next = new ScenarioSession(
      regionUnits,
      decodeScenarioState(state, regionUnits.units.length),
      unitIndex,
      sessionLayers,
    );
    setSession(next);
    setActiveId((previous) => (previous && next.evaluator.hasCommunity(previous) ? previous : null));
    bump();
  }, [state, openId, regionUnits, unitIndex, sessionLayers, loadKey]);

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

  // The saved version's facilities and walking reach (its paths and facilities routed on the server):
  // the evaluator counts its facilities, and judges reach with them.
  const reachRead = useScenarioReachRead(
    regionId && openId && savedVersion !== null && judging
      ? { regionId, scenarioId: openId, version: savedVersion, judging }
      : null,
  );
  const scenarioReach = reachRead.data;
  const reachOfSession =
    scenarioReach &&
    session &&
    scenarioReach.scenario.id === session.saved.id &&
    scenarioReach.scenario.version === session.saved.version
      ? scenarioReach
      : null;
  const decodedScenarioReach = useMemo(
    () =>
      reachOfSession && regionUnits ? decodeScenarioReach(reachOfSession, regionUnits.units.length) : null,
    [reachOfSession, regionUnits],
  );
  useEffect(() => {
    if (!reachOfSession || !session) return;
    session.setEvaluatorFacilities(reachOfSession.facilities);
    bump();
  }, [reachOfSession, session]);
  const judgeContext = useMemo((): JudgeContext | null => {
    if (!judging) return null;
    // Until the scenario's own reach is read, the region's stands in only where the scenario has
    // not changed a facility or path (it is then the same).
    const regionReach = session === null || session.layerContext.saved === NO_LAYER_CHANGES;
    const judged = decodedScenarioReach ?? (regionReach ? judgedReach : null);
    return judged
      ? { profile: judgingProfile(judging), reach: judged.reach, settings: judging.settings }
      : null;
  }, [judging, judgedReach, decodedScenarioReach, session]);

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
    loading:
      stateRead.fetching ||
      (openId !== null && (!session || (stateVersion !== null && session.saved.version !== stateVersion))),
    unitIndex,
    activeId,
    setActiveId,
    reloadState,
    refreshState,
    markStateStale,
  };
}
