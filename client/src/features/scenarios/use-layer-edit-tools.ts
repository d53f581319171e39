/**
 * The tools that change a scenario's facilities and walking paths: place a facility (category, name,
 * optional floor area and capacity from the panel, position from a click), pick a facility to edit
 * its attributes, drag it elsewhere or remove it, draw a new path, and close a path by clicking it.
 * Each is a pending edit of the session like any boundary edit (undo, redo, save, 409).
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { FacilityChanges } from '../../../../core/scenario/scenario-edit-schema';
import type { Position } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../lib/standards';
import type { DrawingCallbacks, DrawnShape } from '../../map/drawing-tool';
import { nearestLine, nearestPoint, type PickContext } from '../../map/map-pick';
import { scenarioFacilityRows, type ScenarioFacilityRow } from './scenario-layer-state';
import type { ScenarioSession, SessionOutcome } from './scenario-session';

export const LAYER_TOOLS = ['place-facility', 'edit-facility', 'draw-path', 'close-path'] as const;
export type LayerTool = (typeof LAYER_TOOLS)[number];

export function isLayerTool(tool: string): tool is LayerTool {
  return (LAYER_TOOLS as readonly string[]).includes(tool);
}

/** The facility the place tool puts down next: what the panel's form holds. */
export interface FacilityDraft {
  category: FacilityCategoryId;
  name: string;
  /** As typed; empty: unknown. */
  floorAreaText: string;
  capacityText: string;
}

export interface LayerEditTools {
  facilityDraft: FacilityDraft;
  setFacilityDraft: (draft: FacilityDraft) => void;
  pathName: string;
  setPathName: (name: string) => void;
  /** The facility picked with the edit tool (as the scenario now has it), or null. */
  selectedFacilityId: string | null;
  setSelectedFacilityId: (id: string | null) => void;
  updateSelectedFacility: (changes: FacilityChanges) => void;
  removeSelectedFacility: () => void;
  /** The map callbacks of a layer tool. */
  callbacksOf: (tool: LayerTool) => DrawingCallbacks;
}

export interface LayerToolsInput {
  sessionRef: RefObject<ScenarioSession | null>;
  afterOutcome: (outcome: SessionOutcome) => void;
}

/** A number typed in a form, or null when the field is empty or not a number ≥ 0. */
export function optionalAmount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** The facilities of a session now, removed ones left out (what the edit tool can pick). */
function pickableFacilities(session: ScenarioSession): ScenarioFacilityRow[] {
  return scenarioFacilityRows(session.layerContext.regionFacilities, session.layers).filter(
    (row) => row.change !== 'removed',
  );
}

/** The path nearest a click: a network edge still open, or a path the scenario added (by its id). */
function pathAt(session: ScenarioSession, pick: PickContext): number | string | null {
  const closed = new Set(session.layers.paths.closedEdgeIds);
  const candidates: { id: number | string; line: readonly Position[] }[] = session.layers.paths.added.map(
    (path) => ({ id: path.id, line: path.coordinates }),
  );
  for (const [id, line] of session.layerContext.edgeLines) if (!closed.has(id)) candidates.push({ id, line });
  return nearestLine(candidates, (candidate) => candidate.line, pick)?.id ?? null;
}

export function useLayerEditTools({ sessionRef, afterOutcome }: LayerToolsInput): LayerEditTools {
  const { localName } = useI18n();
  const [facilityDraft, setFacilityDraft] = useState<FacilityDraft>({
    category: 'kindergarten',
    name: '',
    floorAreaText: '',
    capacityText: '',
  });
  const [pathName, setPathName] = useState('');
  const [selectedFacilityId, setSelectedFacilityId] = useState<string | null>(null);
  // Read on the drop, which may come before a render with the grab's state.
  const grabbedId = useRef<string | null>(null);

  const updateSelectedFacility = useCallback(
    (changes: FacilityChanges) => {
      const session = sessionRef.current;
      if (session && selectedFacilityId) afterOutcome(session.updateFacility(selectedFacilityId, changes));
    },
    [sessionRef, selectedFacilityId, afterOutcome],
  );
  const removeSelectedFacility = useCallback(() => {
    const session = sessionRef.current;
    if (!session || !selectedFacilityId) return;
    const outcome = session.removeFacility(selectedFacilityId);
    afterOutcome(outcome);
    if (outcome.ok) setSelectedFacilityId(null);
  }, [sessionRef, selectedFacilityId, afterOutcome]);

  const callbacksOf = useCallback(
    (tool: LayerTool): DrawingCallbacks => {
      const facilityAt = (pick: PickContext): string | null => {
        const session = sessionRef.current;
        return session
          ? (nearestPoint(pickableFacilities(session), (row) => row.facility.position, pick)?.facility.id ??
              null)
          : null;
      };
      switch (tool) {
        case 'place-facility':
          return {
            onPick: (position) => {
              const session = sessionRef.current;
              if (!session) return;
              const floorArea = optionalAmount(facilityDraft.floorAreaText);
              const capacity = optionalAmount(facilityDraft.capacityText);
              const outcome = session.addFacility({
                name: facilityDraft.name.trim() || localName(FACILITY_CATEGORIES[facilityDraft.category]),
                category: facilityDraft.category,
                position: [position[0], position[1]],
                ...(floorArea !== null ? { floorAreaSquareMeters: floorArea } : {}),
                ...(capacity !== null ? { capacity: Math.round(capacity) } : {}),
              });
              afterOutcome(outcome);
              if (outcome.ok && outcome.createdId) setSelectedFacilityId(outcome.createdId);
            },
          };
        case 'edit-facility':
          return {
            onPick: (_position, pick) => setSelectedFacilityId(facilityAt(pick)),
            onGrab: (_position, pick) => {
              const id = facilityAt(pick);
              grabbedId.current = id;
              if (id) setSelectedFacilityId(id);
              return id !== null;
            },
            onDrop: (position) => {
              const session = sessionRef.current;
              const id = grabbedId.current;
              grabbedId.current = null;
              if (session && id) afterOutcome(session.moveFacility(id, position));
            },
          };
        case 'draw-path':
          return {
            onShape: (shape: DrawnShape) => {
              const session = sessionRef.current;
              if (!session || shape.kind !== 'line') return;
              const outcome = session.addPath(shape.coordinates, pathName.trim() || undefined);
              afterOutcome(outcome);
              if (outcome.ok) setPathName('');
            },
          };
        case 'close-path':
          return {
            onPick: (_position, pick) => {
              const session = sessionRef.current;
              if (!session) return;
              const id = pathAt(session, pick);
              if (id !== null) afterOutcome(session.closePaths([id]));
            },
          };
      }
    },
    [sessionRef, afterOutcome, facilityDraft, pathName, localName],
  );

  return useMemo(
    () => ({
      facilityDraft,
      setFacilityDraft,
      pathName,
      setPathName,
      selectedFacilityId,
      setSelectedFacilityId,
      updateSelectedFacility,
      removeSelectedFacility,
      callbacksOf,
    }),
    [
      facilityDraft,
      pathName,
      selectedFacilityId,
      updateSelectedFacility,
      removeSelectedFacility,
      callbacksOf,
    ],
  );
}
