/**
 * The editing tools of the open scenario: which tool and brush size, the new community's and the
 * split part's names, the map's drawing tool with its callbacks (unit hits from the spatial index;
 * the live evaluator changes in place), and the edits the panels apply directly (merge, attributes,
 * advice). Every outcome becomes a message for the planner or a revision bump.
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { Position } from '../../lib/api-types';
import type { CommunityTypeId } from '../../lib/standards';
import type { DrawingCallbacks, DrawingTool, DrawnShape } from '../../map/drawing-tool';
import type { CommunityChanges, ScenarioEdit } from './scenario-core';
import { appliedMessage, outcomeMessage, strokeMessage, type ScenarioMessage } from './scenario-message';
import type { ScenarioSession, SessionOutcome } from './scenario-session';
import type { UnitIndex } from './unit-index';
import {
  isLayerTool,
  LAYER_TOOLS,
  useLayerEditTools,
  type LayerEditTools,
  type LayerTool,
} from './use-layer-edit-tools';

/** Tools that move units between communities. */
export type BoundaryTool = 'select' | 'brush' | 'lasso' | 'redraw' | 'split' | 'merge' | 'create';
export const BOUNDARY_TOOLS: readonly BoundaryTool[] = [
  'select',
  'brush',
  'lasso',
  'redraw',
  'split',
  'merge',
  'create',
];
export type ScenarioTool = BoundaryTool | LayerTool;
export const SCENARIO_TOOLS: readonly ScenarioTool[] = [...BOUNDARY_TOOLS, ...LAYER_TOOLS];
export type BrushSize = 'unit' | 'small' | 'large';
export const BRUSH_SIZES: readonly BrushSize[] = ['unit', 'small', 'large'];
/** Brush radius in screen pixels; `unit` paints only the unit under the pointer. */
const BRUSH_RADIUS_PIXELS: Record<BrushSize, number> = { unit: 0, small: 10, large: 24 };

export interface NewCommunity {
  name: string;
  type: CommunityTypeId;
}

export interface ScenarioTools extends Omit<LayerEditTools, 'callbacksOf'> {
  tool: ScenarioTool;
  setTool: (tool: ScenarioTool) => void;
  brushSize: BrushSize;
  setBrushSize: (size: BrushSize) => void;
  newCommunity: NewCommunity;
  setNewCommunity: (community: NewCommunity) => void;
  splitName: string;
  setSplitName: (name: string) => void;
  mergeWith: (otherId: string) => void;
  update: (changes: CommunityChanges) => void;
  /** Adds advised edits (a village's conversion, a merge, a split's parts) to the pending edits: all or none. */
  applyAdvice: (edits: readonly ScenarioEdit[]) => boolean;
  /** The map's drawing tool and its callbacks for the current tool. */
  drawing: { tool: DrawingTool | null; callbacks: DrawingCallbacks };
}

export interface ToolsInput {
  /** Whether the scenarios screen is open (the map's tools work only then). */
  active: boolean;
  /** Whether the open scenario is being edited (not compared). */
  editing: boolean;
  session: ScenarioSession | null;
  sessionRef: RefObject<ScenarioSession | null>;
  unitIndex: UnitIndex | null;
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  setMessage: (message: ScenarioMessage | null) => void;
  bump: () => void;
}

/** The map's drawing mode of each tool. */
function drawingToolOf(tool: ScenarioTool, brushSize: BrushSize): DrawingTool {
  switch (tool) {
    case 'brush':
      return { kind: 'brush', brushRadiusPixels: BRUSH_RADIUS_PIXELS[brushSize] };
    case 'lasso':
    case 'create':
      return { kind: 'lasso' };
    case 'redraw':
      return { kind: 'polygon' };
    case 'split':
    case 'draw-path':
      return { kind: 'line' };
    case 'edit-facility':
      return { kind: 'drag' };
    default:
      return { kind: 'pick' };
  }
}

export function useScenarioTools(input: ToolsInput): ScenarioTools {
  const { active, editing, session, sessionRef, unitIndex, activeId, setActiveId, setMessage, bump } = input;
  const [tool, setTool] = useState<ScenarioTool>('brush');
  const [brushSize, setBrushSize] = useState<BrushSize>('small');
  const [newCommunity, setNewCommunity] = useState<NewCommunity>({ name: '', type: 'urban' });
  const [splitName, setSplitName] = useState('');

  const afterOutcome = useCallback(
    (outcome: SessionOutcome, extra?: { otherStreet?: number }) => {
      if (outcome.ok) {
        setMessage(appliedMessage(outcome.moved, extra?.otherStreet));
        bump();
      } else {
        setMessage(outcomeMessage(outcome));
      }
    },
    [setMessage, bump],
  );

  const { callbacksOf, ...layerTools } = useLayerEditTools({ sessionRef, afterOutcome });

  const mergeWith = useCallback(
    (otherId: string) => {
      const current = sessionRef.current;
      if (!current || !activeId || otherId === activeId) return;
      afterOutcome(current.merge(activeId, otherId));
    },
    [sessionRef, activeId, afterOutcome],
  );
  const update = useCallback(
    (changes: CommunityChanges) => {
      const current = sessionRef.current;
      if (!current || !activeId) return;
      afterOutcome(current.update(activeId, changes));
    },
    [sessionRef, activeId, afterOutcome],
  );
  const applyAdvice = useCallback(
    (edits: readonly ScenarioEdit[]): boolean => {
      const current = sessionRef.current;
      if (!current || edits.length === 0) return false;
      const outcome = current.applyAll(edits);
      afterOutcome(outcome);
      return outcome.ok;
    },
    [sessionRef, afterOutcome],
  );

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
    [sessionRef, unitIndex],
  );

  const drawing = useMemo((): { tool: DrawingTool | null; callbacks: DrawingCallbacks } => {
    if (!active || !session || !editing) return { tool: null, callbacks: {} };
    if (isLayerTool(tool)) return { tool: drawingToolOf(tool, brushSize), callbacks: callbacksOf(tool) };
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
          const skipped = strokeMessage(current.endStroke().refused);
          if (skipped) setMessage(skipped);
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
    return { tool: drawingToolOf(tool, brushSize), callbacks };
  }, [
    active,
    session,
    editing,
    tool,
    brushSize,
    activeId,
    setActiveId,
    newCommunity,
    splitName,
    sessionRef,
    unitsAt,
    communityAt,
    afterOutcome,
    setMessage,
    bump,
    callbacksOf,
  ]);

  return {
    ...layerTools,
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
    drawing,
  };
}
