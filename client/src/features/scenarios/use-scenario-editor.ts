/**
 * State of the scenarios screen and the requests it drives: the region's scenario list (create,
 * duplicate, rename, delete), the open scenario (its saved state, the live evaluator with pending
 * edits, undo/redo, save with the version it was read at), the tools, the chosen standards profile,
 * and the comparison with another scenario or the baseline. Failures the user must act on (a 409, a
 * refused edit) become messages on the panel; the rest go to lib/notices.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import {
  createScenario,
  deleteScenario,
  fetchScenarioCommunities,
  fetchScenarioComparison,
  fetchScenarios,
  fetchScenarioState,
  fetchUnitAdjacency,
  saveScenario,
} from '../../lib/api';
import type {
  Position,
  ScenarioCommunityCollection,
  ScenarioComparison,
  ScenarioSummary,
  UnitFeature,
} from '../../lib/api-types';
import { reportError } from '../../lib/notices';
import type { CommunityTypeId } from '../../lib/standards';
import type { DrawingCallbacks, DrawingTool, DrawnShape } from '../../map/drawing-tool';
import { decodeRegionUnits, decodeScenarioState, type RegionUnits } from './evaluator-input';
import {
  DEFAULT_STANDARDS_PROFILE,
  type CommunityChanges,
  type ScenarioEdit,
  type StandardsProfileId,
} from './scenario-core';
import { ScenarioSession, type PaintRefusal, type SessionOutcome } from './scenario-session';
import { buildUnitIndex, type UnitIndex } from './unit-index';

export type ScenarioTool = 'select' | 'brush' | 'lasso' | 'redraw' | 'split' | 'merge' | 'create';
export const SCENARIO_TOOLS: readonly ScenarioTool[] = [
  'select',
  'brush',
  'lasso',
  'redraw',
  'split',
  'merge',
  'create',
];
export type BrushSize = 'unit' | 'small' | 'large';
export const BRUSH_SIZES: readonly BrushSize[] = ['unit', 'small', 'large'];
/** Brush radius in screen pixels; `unit` paints only the unit under the pointer. */
const BRUSH_RADIUS_PIXELS: Record<BrushSize, number> = { unit: 0, small: 10, large: 24 };
export type ScenarioMode = 'edit' | 'compare';

/** What the panel tells the planner after an action. */
export type ScenarioMessage =
  | { kind: 'refused'; reason: string }
  | { kind: 'skipped'; otherStreet: number; lastUnit: number }
  | { kind: 'need-community' }
  | { kind: 'conflict'; currentVersion: number | null }
  | { kind: 'server'; message: string }
  | { kind: 'saved'; version: number }
  | { kind: 'moved'; moved: number; otherStreet: number };

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
}

export interface ScenarioEditor {
  regionId: string | null;
  scenarios: ScenarioSummary[] | null;
  busy: boolean;
  createNew: (name: string, basedOn: string) => void;
  duplicate: (scenario: ScenarioSummary, name: string) => void;
  rename: (scenario: ScenarioSummary, name: string) => void;
  remove: (scenario: ScenarioSummary) => void;
  open: (id: string) => void;
  close: () => void;
  openSummary: ScenarioSummary | null;
  session: ScenarioSession | null;
  /** Bumped at every change of the live evaluator (components read it through `session`). */
  revision: number;
  savedCommunities: ScenarioCommunityCollection | null;
  loading: boolean;
  profile: StandardsProfileId;
  setProfile: (profile: StandardsProfileId) => void;
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  tool: ScenarioTool;
  setTool: (tool: ScenarioTool) => void;
  brushSize: BrushSize;
  setBrushSize: (size: BrushSize) => void;
  newCommunity: { name: string; type: CommunityTypeId };
  setNewCommunity: (community: { name: string; type: CommunityTypeId }) => void;
  splitName: string;
  setSplitName: (name: string) => void;
  mergeWith: (otherId: string) => void;
  update: (changes: CommunityChanges) => void;
  /** Adds advised edits (a village's conversion, a merge, a split's parts) to the pending edits: all or none. */
  applyAdvice: (edits: readonly ScenarioEdit[]) => boolean;
  /** Units the advice section asks the map to mark (a proposed split's parts); null for none. */
  adviceHighlight: readonly string[] | null;
  setAdviceHighlight: (unitIds: readonly string[] | null) => void;
  undo: () => void;
  redo: () => void;
  save: () => void;
  saving: boolean;
  discard: () => void;
  reload: () => void;
  message: ScenarioMessage | null;
  dismissMessage: () => void;
  mode: ScenarioMode;
  setMode: (mode: ScenarioMode) => void;
  compare: CompareState;
  unitIndex: UnitIndex | null;
  /** The map's drawing tool and its callbacks for the current tool. */
  drawing: { tool: DrawingTool | null; callbacks: DrawingCallbacks };
}

function outcomeMessage(outcome: SessionOutcome): ScenarioMessage | null {
  return outcome.ok ? null : { kind: 'refused', reason: outcome.reason };
}

/**
 * @param regionId the region on screen (null while none is loaded)
 * @param units the region's units layer (their geometry for the tools)
 * @param active whether the scenarios tab is open (the list and the region's units load only then)
 */
export function useScenarioEditor(
  regionId: string | null,
  units: readonly UnitFeature[] | undefined,
  active: boolean,
): ScenarioEditor {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [regionUnits, setRegionUnits] = useState<RegionUnits | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [session, setSession] = useState<ScenarioSession | null>(null);
  const [loadKey, bumpLoadKey] = useReducer((key: number) => key + 1, 0);
  const [revision, bump] = useReducer((value: number) => value + 1, 0);
  const [savedCommunities, setSavedCommunities] = useState<ScenarioCommunityCollection | null>(null);
  const [loading, setLoading] = useState(false);
  const [profile, setProfile] = useState<StandardsProfileId>(DEFAULT_STANDARDS_PROFILE);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tool, setTool] = useState<ScenarioTool>('brush');
  const [brushSize, setBrushSize] = useState<BrushSize>('small');
  const [newCommunity, setNewCommunity] = useState<{ name: string; type: CommunityTypeId }>({
    name: '',
    type: 'urban',
  });
  const [splitName, setSplitName] = useState('');
  const [message, setMessage] = useState<ScenarioMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const [mode, setMode] = useState<ScenarioMode>('edit');
  const [compareWith, setCompareWith] = useState('baseline');
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [others, setOthers] = useState<ScenarioCommunityCollection | null>(null);
  const [comparePending, setComparePending] = useState(false);
  const [showMoved, setShowMoved] = useState(true);
  const [swipeFraction, setSwipeFraction] = useState(0.5);
  const [adviceHighlight, setAdviceHighlight] = useState<readonly string[] | null>(null);

  // Another region: nothing of the last one applies.
  useEffect(() => {
    setScenarios(null);
    setRegionUnits(null);
    setOpenId(null);
    setSession(null);
    setSavedCommunities(null);
    setActiveId(null);
    setMessage(null);
    setMode('edit');
    setCompareWith('baseline');
    setAdviceHighlight(null);
  }, [regionId]);

  const refreshList = useCallback(async () => {
    if (!regionId) return;
    const result = await fetchScenarios(regionId);
    if (!result.ok) reportError(result.error);
    else setScenarios(result.data);
  }, [regionId]);

  useEffect(() => {
    if (!active || !regionId || scenarios !== null) return;
    void refreshList();
  }, [active, regionId, scenarios, refreshList]);

  // The region's units, adjacency and coverage: once per region, when the screen is first opened.
  useEffect(() => {
    if (!active || !regionId || regionUnits) return;
    const controller = new AbortController();
    void fetchUnitAdjacency(regionId, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) reportError(result.error);
      else setRegionUnits(decodeRegionUnits(result.data));
    });
    return () => controller.abort();
  }, [active, regionId, regionUnits]);

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

  // The open scenario's saved state: on opening, after a save, on reload.
  useEffect(() => {
    if (!regionId || !openId || !regionUnits || !unitIndex) {
      setSession(null);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    void fetchScenarioState(regionId, openId, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setLoading(false);
      if (!result.ok) {
        reportError(result.error);
        setOpenId(null);
        return;
      }
      const next = new ScenarioSession(
        regionUnits,
        decodeScenarioState(result.data, regionUnits.units.length),
        unitIndex,
      );
      setSession(next);
      setActiveId((previous) => (previous && next.evaluator.hasCommunity(previous) ? previous : null));
      bump();
    });
    return () => controller.abort();
  }, [regionId, openId, regionUnits, unitIndex, loadKey]);

  // Its communities as the server has them (geometry, labels), for the chosen profile.
  const savedVersion = session?.saved.version ?? null;
  useEffect(() => {
    if (!regionId || !openId || savedVersion === null) {
      setSavedCommunities(null);
      return;
    }
    const controller = new AbortController();
    void fetchScenarioCommunities(regionId, openId, profile, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) reportError(result.error);
      else setSavedCommunities(result.data);
    });
    return () => controller.abort();
  }, [regionId, openId, profile, savedVersion]);

  // The comparison, of saved versions, while the comparison is shown.
  useEffect(() => {
    if (!regionId || !openId || savedVersion === null || mode !== 'compare') return;
    const controller = new AbortController();
    setComparePending(true);
    void Promise.all([
      fetchScenarioComparison(openId, compareWith, profile, controller.signal),
      fetchScenarioCommunities(regionId, compareWith, profile, controller.signal),
    ]).then(([compared, other]) => {
      if (controller.signal.aborted) return;
      setComparePending(false);
      if (!compared.ok) reportError(compared.error);
      if (!other.ok) reportError(other.error);
      setComparison(compared.ok ? compared.data : null);
      setOthers(other.ok ? other.data : null);
    });
    return () => controller.abort();
  }, [regionId, openId, savedVersion, mode, compareWith, profile]);

  const open = useCallback((id: string) => {
    setOpenId(id);
    setSession(null);
    setSavedCommunities(null);
    setComparison(null);
    setOthers(null);
    setMessage(null);
    setMode('edit');
    setCompareWith('baseline');
  }, []);
  const close = useCallback(() => {
    setOpenId(null);
    setSession(null);
    setSavedCommunities(null);
    setMessage(null);
    setActiveId(null);
    setAdviceHighlight(null);
  }, []);

  const createNew = useCallback(
    (name: string, basedOn: string) => {
      if (!regionId) return;
      setBusy(true);
      void createScenario(regionId, { name, basedOn }).then(async (result) => {
        setBusy(false);
        if (!result.ok) {
          reportError(result.error);
          return;
        }
        await refreshList();
        open(result.data.id);
      });
    },
    [regionId, refreshList, open],
  );
  const duplicate = useCallback(
    (scenario: ScenarioSummary, name: string) => createNew(name, scenario.id),
    [createNew],
  );

  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);

  const rename = useCallback(
    (scenario: ScenarioSummary, name: string) => {
      const current = sessionRef.current;
      const isOpen = scenario.id === openId && current;
      const version = isOpen ? current.saved.version : scenario.version;
      setBusy(true);
      void saveScenario(scenario.id, { version, edits: [], name }).then(async (result) => {
        setBusy(false);
        if (!result.ok) {
          if (result.error.status === 409)
            setMessage({ kind: 'conflict', currentVersion: currentVersionOf(result.error.body) });
          else reportError(result.error);
          return;
        }
        // Only the name changed: the open state stays valid at the new version.
        if (isOpen) current.advanceSavedVersion(result.data.version);
        await refreshList();
        bump();
      });
    },
    [openId, refreshList],
  );

  const remove = useCallback(
    (scenario: ScenarioSummary) => {
      setBusy(true);
      void deleteScenario(scenario.id).then(async (result) => {
        setBusy(false);
        if (!result.ok) {
          reportError(result.error);
          return;
        }
        if (scenario.id === openId) close();
        await refreshList();
      });
    },
    [openId, close, refreshList],
  );

  const afterOutcome = useCallback((outcome: SessionOutcome, extra?: { otherStreet?: number }) => {
    if (outcome.ok) {
      setMessage(
        extra?.otherStreet ? { kind: 'moved', moved: outcome.moved, otherStreet: extra.otherStreet } : null,
      );
      bump();
    } else {
      setMessage(outcomeMessage(outcome));
    }
  }, []);

  const undo = useCallback(() => {
    if (sessionRef.current?.undo()) {
      setMessage(null);
      bump();
    }
  }, []);
  const redo = useCallback(() => {
    if (sessionRef.current?.redo()) {
      setMessage(null);
      bump();
    }
  }, []);
  const discard = useCallback(() => {
    setMessage(null);
    bumpLoadKey();
  }, []);
  // After a 409: the scenario as the server now has it (its name too), pending edits dropped.
  const reload = useCallback(() => {
    discard();
    void refreshList();
  }, [discard, refreshList]);

  const save = useCallback(() => {
    const current = sessionRef.current;
    if (!current || !openId || current.pendingEdits().length === 0) return;
    setSaving(true);
    void saveScenario(openId, {
      version: current.saved.version,
      edits: current.pendingEdits().map((entry) => entry.edit),
    }).then(async (result) => {
      setSaving(false);
      if (result.ok) {
        setMessage({ kind: 'saved', version: result.data.version });
        bumpLoadKey();
        await refreshList();
        return;
      }
      if (result.error.status === 409)
        setMessage({ kind: 'conflict', currentVersion: currentVersionOf(result.error.body) });
      else if (result.error.status === 400) setMessage({ kind: 'server', message: result.error.message });
      else reportError(result.error);
    });
  }, [openId, refreshList]);

  const mergeWith = useCallback(
    (otherId: string) => {
      const current = sessionRef.current;
      if (!current || !activeId || otherId === activeId) return;
      afterOutcome(current.merge(activeId, otherId));
    },
    [activeId, afterOutcome],
  );
  const update = useCallback(
    (changes: CommunityChanges) => {
      const current = sessionRef.current;
      if (!current || !activeId) return;
      afterOutcome(current.update(activeId, changes));
    },
    [activeId, afterOutcome],
  );

  const applyAdvice = useCallback(
    (edits: readonly ScenarioEdit[]): boolean => {
      const current = sessionRef.current;
      if (!current || edits.length === 0) return false;
      const outcome = current.applyAll(edits);
      afterOutcome(outcome);
      return outcome.ok;
    },
    [afterOutcome],
  );

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) while the screen is open and no field has the keyboard.
  useEffect(() => {
    if (!active || !session) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)))
        return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, session, undo, redo]);

  // Map tools. Unit hits come from the spatial index; the live evaluator changes in place.
  const unitsAt = useCallback(
    (samples: readonly Position[]): number[] => {
      if (!unitIndex) return [];
      const hit = new Set<number>();
      for (const sample of samples) {
        const unit = unitIndex.unitAt(sample);
        if (unit >= 0) hit.add(unit);
      }
      return [...hit];
    },
    [unitIndex],
  );

  const communityAt = useCallback(
    (position: Position): string | null => {
      const current = sessionRef.current;
      if (!current || !unitIndex) return null;
      const unit = unitIndex.unitAt(position);
      return unit >= 0 ? current.evaluator.communityOfUnit(current.region.units[unit].id) : null;
    },
    [unitIndex],
  );

  const drawing = useMemo((): { tool: DrawingTool | null; callbacks: DrawingCallbacks } => {
    if (!active || !session || mode !== 'edit') return { tool: null, callbacks: {} };
    const needsCommunity = tool !== 'select' && tool !== 'create';
    const callbacks: DrawingCallbacks = {
      onBrush: (phase, samples) => {
        const current = sessionRef.current;
        if (!current) return;
        if (phase === 'start') {
          if (!activeId || !current.beginStroke(activeId)) {
            setMessage({ kind: 'need-community' });
            return;
          }
          setMessage(null);
        }
        if (phase === 'end') {
          if (!current.painting) return;
          const { refused } = current.endStroke();
          const skipped = (reason: PaintRefusal) => refused.get(reason) ?? 0;
          if (skipped('other-street') + skipped('last-unit') > 0)
            setMessage({
              kind: 'skipped',
              otherStreet: skipped('other-street'),
              lastUnit: skipped('last-unit'),
            });
          bump();
          return;
        }
        if (current.paint(unitsAt(samples)) > 0) bump();
      },
      onShape: (shape: DrawnShape) => {
        const current = sessionRef.current;
        if (!current) return;
        if (needsCommunity && !activeId) {
          setMessage({ kind: 'need-community' });
          return;
        }
        if (tool === 'lasso' && shape.kind === 'polygon') {
          const outcome = current.assignInside(shape.coordinates, activeId!);
          afterOutcome(outcome, { otherStreet: outcome.otherStreet });
        } else if (tool === 'create' && shape.kind === 'polygon') {
          const name = newCommunity.name.trim();
          if (!name) {
            setMessage({ kind: 'refused', reason: 'name-missing' });
            return;
          }
          const outcome = current.createInside(shape.coordinates, { name, type: newCommunity.type });
          afterOutcome(outcome);
          if (outcome.ok && outcome.createdId) {
            setActiveId(outcome.createdId);
            setNewCommunity({ ...newCommunity, name: '' });
          }
        } else if (tool === 'redraw' && shape.kind === 'polygon') {
          afterOutcome(current.redraw(activeId!, shape.coordinates));
        } else if (tool === 'split' && shape.kind === 'line') {
          const record = current.evaluator.communityRecord(activeId!);
          const outcome = current.split(
            activeId!,
            shape.coordinates,
            splitName.trim() || `${record.name}（二）`,
          );
          afterOutcome(outcome);
          if (outcome.ok) setSplitName('');
        }
      },
      onPick: (position) => {
        const picked = communityAt(position);
        if (!picked) return;
        if (tool === 'merge' && activeId && picked !== activeId) {
          const current = sessionRef.current;
          if (current) afterOutcome(current.merge(activeId, picked));
          return;
        }
        setActiveId(picked);
      },
    };
    const drawingTool: DrawingTool =
      tool === 'brush'
        ? { kind: 'brush', brushRadiusPixels: BRUSH_RADIUS_PIXELS[brushSize] }
        : tool === 'lasso' || tool === 'create'
          ? { kind: 'lasso' }
          : tool === 'redraw'
            ? { kind: 'polygon' }
            : tool === 'split'
              ? { kind: 'line' }
              : { kind: 'pick' };
    return { tool: drawingTool, callbacks };
  }, [
    active,
    session,
    mode,
    tool,
    brushSize,
    activeId,
    newCommunity,
    splitName,
    unitsAt,
    communityAt,
    afterOutcome,
  ]);

  const openSummary = useMemo(
    () => scenarios?.find((scenario) => scenario.id === openId) ?? null,
    [scenarios, openId],
  );

  return {
    regionId,
    scenarios,
    busy,
    createNew,
    duplicate,
    rename,
    remove,
    open,
    close,
    openSummary,
    session,
    revision,
    savedCommunities,
    loading: loading || (openId !== null && !session),
    profile,
    setProfile,
    activeId,
    setActiveId,
    tool,
    setTool,
    brushSize,
    setBrushSize,
    newCommunity,
    setNewCommunity,
    splitName,
    setSplitName,
    mergeWith,
    update,
    applyAdvice,
    adviceHighlight,
    setAdviceHighlight,
    undo,
    redo,
    save,
    saving,
    discard,
    reload,
    message,
    dismissMessage: useCallback(() => setMessage(null), []),
    mode,
    setMode,
    compare: {
      withId: compareWith,
      setWithId: setCompareWith,
      result: comparison,
      others,
      pending: comparePending,
      showMoved,
      setShowMoved,
      swipeFraction,
      setSwipeFraction,
    },
    unitIndex,
    drawing,
  };
}

function currentVersionOf(body: unknown): number | null {
  const version = (body as { currentVersion?: unknown } | null)?.currentVersion;
  return typeof version === 'number' ? version : null;
}
