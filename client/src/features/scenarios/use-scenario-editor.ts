/**
 * State of the scenarios screen, one object for its panels and the map: the region's scenario list
 * and what changes it (use-scenario-actions.ts), the open scenario with its live session
 * (use-open-scenario.ts), the editing tools (use-scenario-tools.ts), the judging in force,
 * the comparison (use-scenario-compare.ts) and the message the panel shows after an action
 * (scenario-message.ts). Failures the planner must act on become that message; the rest, notices.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Judging } from '../../lib/judging';
import type { RegionLayers, ScenarioCommunityCollection, ScenarioSummary } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { useScenariosRead } from '../../lib/reads';
import { useRetained } from '../../lib/use-retained';
import type { JudgeContext } from './scenario-core';
import type { ScenarioMessage } from './scenario-message';
import type { ScenarioSession } from './scenario-session';
import type { UnitIndex } from './unit-index';
import { useOpenScenario } from './use-open-scenario';
import { useScenarioActions, type ScenarioActions } from './use-scenario-actions';
import { useScenarioCompare, type CompareState, type ScenarioMode } from './use-scenario-compare';
import { useScenarioTools, type ScenarioTools } from './use-scenario-tools';
import { useDraftKeeper, type DraftKeeper } from './use-draft-keeper';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { useVersionHistory, type VersionHistory } from './use-version-history';

export interface ScenarioEditor extends ScenarioActions, ScenarioTools {
  regionId: string | null;
  scenarios: ScenarioSummary[] | null;
  open: (id: string) => void;
  close: () => void;
  openSummary: ScenarioSummary | null;
  session: ScenarioSession | null;
  /** Bumped at every change of the live evaluator (components read it through `session`). */
  revision: number;
  savedCommunities: ScenarioCommunityCollection | null;
  loading: boolean;
  /** The judging every figure of the screen is under (the header's 评价标准, the panel's speed and tiers). */
  judging: Judging | null;
  /** The same for the live evaluator, with the walking reach read for it; null until read. */
  judgeContext: JudgeContext | null;
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  /** Units the advice section asks the map to mark (a proposed split's parts); null for none. */
  adviceHighlight: readonly string[] | null;
  setAdviceHighlight: (unitIds: readonly string[] | null) => void;
  undo: () => void;
  redo: () => void;
  discard: () => void;
  /** After a 409: the scenario as the server now has it (its name too), pending edits dropped. */
  reload: () => void;
  message: ScenarioMessage | null;
  dismissMessage: () => void;
  mode: ScenarioMode;
  setMode: (mode: ScenarioMode) => void;
  compare: CompareState;
  unitIndex: UnitIndex | null;
  /** The open scenario's unsaved edits kept in the browser, and the notice of a restored draft. */
  draft: DraftKeeper;
  /** Its saved versions, one viewed read-only (`session` is then that version's), one restored. */
  history: VersionHistory;
  /** A saved version is viewed: nothing may be edited. */
  readOnly: boolean;
  /** Edits of the open scenario not saved yet (kept while a version is viewed). */
  pendingCount: number;
}

/**
 * @param regionId the region on screen (null while none is loaded)
 * @param layers the region's layers (units for the tools; facilities and network for layer edits)
 * @param active whether the scenarios tab is open (the list and the region's units are read only then)
 * @param judging the judging in force (null until the region's profile is known)
 */
export function useScenarioEditor(
  regionId: string | null,
  layers: Partial<RegionLayers>,
  active: boolean,
  judging: Judging | null,
): ScenarioEditor {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<ScenarioMessage | null>(null);
  const [adviceHighlight, setAdviceHighlight] = useState<readonly string[] | null>(null);

  // Another region: its messages and marks do not apply.
  useEffect(() => {
    setMessage(null);
    setAdviceHighlight(null);
  }, [regionId]);

  // Read when the screen is first opened, then kept while other tabs are shown.
  const scenariosRead = useScenariosRead(active && regionId ? { regionId } : null);
  const scenarios = useRetained(scenariosRead.data, regionId) ?? null;
  const refreshList = useCallback(async () => {
    if (regionId) await queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(regionId) });
  }, [queryClient, regionId]);

  const opened = useOpenScenario(regionId, layers, active, judging);
  const { session, sessionRef, bump, openId } = opened;
  const comparison = useScenarioCompare({
    regionId,
    openId,
    savedVersion: session?.saved.version ?? null,
    judging,
    scenarios,
  });

  const openScenario = opened.open;
  const resetComparison = comparison.reset;
  const open = useCallback(
    (id: string) => {
      openScenario(id);
      setMessage(null);
      resetComparison();
    },
    [openScenario, resetComparison],
  );
  const draft = useDraftKeeper(regionId, openId, session, opened.revision, bump);
  const forgetDraft = draft.forget;
  const closeScenario = opened.close;
  const close = useCallback(() => {
    // Closed with edits pending: the planner confirmed dropping them (or the scenario was deleted).
    if ((sessionRef.current?.pendingEdits().length ?? 0) > 0) forgetDraft();
    closeScenario();
    setMessage(null);
    setAdviceHighlight(null);
  }, [closeScenario, sessionRef, forgetDraft]);

  const actions = useScenarioActions({
    regionId,
    opened: { ...opened, close },
    open,
    refreshList,
    message,
    setMessage,
    forgetDraft,
  });
  const history = useVersionHistory({ regionId, opened, refreshList, setMessage });
  const readOnly = history.viewingVersion !== null;
  const tools = useScenarioTools({
    active,
    editing: comparison.mode === 'edit' && !readOnly,
    session,
    sessionRef,
    unitIndex: opened.unitIndex,
    activeId: opened.activeId,
    setActiveId: opened.setActiveId,
    setMessage,
    bump,
  });

  const undo = useCallback(() => {
    if (sessionRef.current?.undo()) {
      setMessage(null);
      bump();
    }
  }, [sessionRef, bump]);
  const redo = useCallback(() => {
    if (sessionRef.current?.redo()) {
      setMessage(null);
      bump();
    }
  }, [sessionRef, bump]);
  useUndoShortcuts(active && session !== null && !readOnly, undo, redo);

  const { reloadState } = opened;
  const discard = useCallback(() => {
    setMessage(null);
    forgetDraft();
    void reloadState();
  }, [reloadState, forgetDraft]);
  const reload = useCallback(() => {
    discard();
    void refreshList();
  }, [discard, refreshList]);

  const openSummary = scenarios?.find((scenario) => scenario.id === openId) ?? null;

  return {
    ...actions,
    ...tools,
    regionId,
    scenarios,
    open,
    close,
    openSummary,
    session: history.viewed?.session ?? session,
    revision: opened.revision,
    savedCommunities: opened.savedCommunities,
    loading: opened.loading,
    judging,
    judgeContext: opened.judgeContext,
    activeId: opened.activeId,
    setActiveId: opened.setActiveId,
    adviceHighlight,
    setAdviceHighlight,
    undo,
    redo,
    discard,
    reload,
    message,
    dismissMessage: useCallback(() => setMessage(null), []),
    mode: comparison.mode,
    setMode: comparison.setMode,
    compare: comparison.compare,
    unitIndex: opened.unitIndex,
    draft,
    history,
    readOnly,
    pendingCount: session?.pendingEdits().length ?? 0,
  };
}
