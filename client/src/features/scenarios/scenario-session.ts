/**
 * One open scenario on the planner's screen: the saved state read from the server, a live
 * ScenarioEvaluator with the pending edits applied, and undo/redo over them. Every edit goes through
 * core's ScenarioDraft first (the same checks the server makes), so an edit the server would refuse
 * is refused here with the same reason, before it is ever sent. Geometric edits are resolved with the
 * units' interior points (a redraw's outline, a split's line); the server resolves them again in
 * PostGIS on save and its answer replaces this one.
 */
import type { CommunityTypeId } from '../../lib/standards';
import type { Position } from '../../lib/api-types';
import { EditHistory } from './edit-history';
import type { EditNames } from './edit-text';
import { buildEvaluator, type RegionUnits, type ScenarioState } from './evaluator-input';
import { closeRing, isSimpleRing, pointsInsideOutline } from './lasso-selection';
import {
  ScenarioDraft,
  applyDraftResult,
  sideOfLine,
  type CommunityChanges,
  type ResolvedGeometry,
  type ScenarioEdit,
  type ScenarioEvaluator,
} from './scenario-core';
import { NO_LAYER_CHANGES } from '../../../../core/scenario/scenario-layers';
import type { FacilityChanges, NewFacility } from '../../../../core/scenario/scenario-edit-schema';
import type { ScenarioFacility } from '../../../../core/scenario/scenario-evaluator';
import type { FacilityRecord, ScenarioLayers, SessionLayers } from './scenario-layer-state';
import type { UnitIndex } from './unit-index';

export interface PendingEdit {
  edit: ScenarioEdit;
  /** How the client resolved a geometric edit (replayed as is on undo/redo). */
  resolved: ResolvedGeometry;
}

/** Refusals found before the draft is asked (the draft's own reasons come from core/scenario). */
export const SESSION_SELF_INTERSECTING = 'self-intersecting';
export const SESSION_LINE_NOT_ACROSS = 'line-not-across';
export const SESSION_NOTHING_SELECTED = 'nothing-selected';
export const SESSION_NOTHING_CHANGED = 'nothing-changed';
export const SESSION_LINE_TOO_SHORT = 'line-too-short';

export type SessionOutcome =
  | { ok: true; moved: number; notes: string[]; createdId?: string }
  | { ok: false; reason: string; message: string };

/** Why one unit could not be painted into the target community. */
export type PaintRefusal = 'other-street' | 'last-unit';

/** A fresh id with a prefix: `n-` communities, `f-` facilities, `p-` paths (8 hex digits). */
function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
const newCommunityId = () => newId('n');

/** Without the region's layers (not read yet) every layer edit is refused, as core's draft does. */
const NO_SESSION_LAYERS: SessionLayers = {
  regionFacilities: new Map(),
  saved: NO_LAYER_CHANGES,
  edgeLines: new Map(),
};

/** A facility the planner places: its id is made here, so undo, redo and the save all name the same one. */
export type FacilityPlacement = Omit<NewFacility, 'id'>;

export class ScenarioSession {
  private live: ScenarioEvaluator;
  private readonly history = new EditHistory<PendingEdit>();
  private stroke: {
    communityId: string;
    streetId: string;
    unitIds: Set<string>;
    refused: Map<PaintRefusal, number>;
  } | null = null;

  private savedState: ScenarioState;
  /** The version a restored draft's edits were made on, when older than the saved state. */
  private draftVersion: number | null = null;
  /** The scenario's facilities and paths with the pending edits applied (as differences from the region's). */
  private liveLayers: ScenarioLayers;
  /** The facilities the evaluator counts (the saved scenario's, once read; the region's until then). */
  private evaluatorFacilities: readonly ScenarioFacility[];

  constructor(
    readonly region: RegionUnits,
    saved: ScenarioState,
    private readonly unitIndex: UnitIndex,
    private readonly layerBase: SessionLayers = NO_SESSION_LAYERS,
  ) {
    this.savedState = saved;
    this.liveLayers = layerBase.saved;
    this.evaluatorFacilities = region.facilities;
    this.live = buildEvaluator(region, saved);
  }

  /** The scenario's facilities and paths now (saved plus pending), as differences from the region's. */
  get layers(): ScenarioLayers {
    return this.liveLayers;
  }

  /** The region's facilities and network the layer edits are checked against, and the saved layers. */
  get layerContext(): SessionLayers {
    return this.layerBase;
  }

  /**
   * The facilities the saved scenario has as the evaluator reads them (`GET /api/scenarios/:id/reach`):
   * provision counts then follow its added, moved and removed facilities.
   */
  setEvaluatorFacilities(facilities: readonly ScenarioFacility[]): void {
    this.evaluatorFacilities = facilities;
    this.live.setFacilities(facilities);
  }

  /** The state last read from the server (pending edits apply on top of it). */
  get saved(): ScenarioState {
    return this.savedState;
  }

  /** The server took a save that changed nothing but the name: the same state now has this version. */
  advanceSavedVersion(version: number): void {
    if (this.draftVersion === this.savedState.version) this.draftVersion = null;
    this.savedState = { ...this.savedState, version };
  }

  /**
   * The version a save of the pending edits names: the saved one, or the older version a restored
   * draft's edits were made on (the server then answers 409, and the save goes the conflict's way).
   */
  get editsBaseVersion(): number {
    return this.draftVersion ?? this.savedState.version;
  }

  /**
   * Applies the edits of a draft kept in the browser (draft-store.ts), made on `version`, as pending
   * edits: each through the draft's checks as it was first applied; one the state no longer takes
   * (the scenario moved on) is left out. Answers how many were applied and left out.
   */
  restoreDraft(entries: readonly PendingEdit[], version: number): { applied: number; dropped: number } {
    let applied = 0;
    for (const entry of entries) {
      const outcome = this.applyToLive(entry.edit, entry.resolved ?? {});
      if (!outcome.ok) continue;
      this.history.push({ edit: entry.edit, resolved: entry.resolved ?? {} });
      applied += 1;
    }
    if (applied > 0 && version !== this.savedState.version) this.draftVersion = version;
    return { applied, dropped: entries.length - applied };
  }

  /** The live evaluator (saved state plus pending edits). Read only: change it through this session. */
  get evaluator(): ScenarioEvaluator {
    return this.live;
  }

  get canUndo(): boolean {
    return this.history.canUndo && !this.stroke;
  }

  get canRedo(): boolean {
    return this.history.canRedo && !this.stroke;
  }

  /** The edits Save sends, oldest first. */
  pendingEdits(): readonly PendingEdit[] {
    return this.history.entries();
  }

  /** Unit indices whose community differs from the saved state (the units painted so far). */
  changedUnits(): number[] {
    const now = this.live.communityIdsByUnit();
    const changed: number[] = [];
    now.forEach((communityId, unit) => {
      if (communityId !== this.saved.assignment[unit]) changed.push(unit);
    });
    return changed;
  }

  /**
   * Communities that differ from the saved state: new ones, ones with other attributes, and both ends
   * of every unit that changed community (O(units) per call).
   */
  changedCommunities(): Set<string> {
    const changed = new Set<string>();
    this.live.communityIdsByUnit().forEach((communityId, unit) => {
      const was = this.savedState.assignment[unit];
      if (communityId !== was) changed.add(communityId).add(was);
    });
    const saved = new Map(this.savedState.communities.map((community) => [community.id, community]));
    for (const id of this.live.communityIds()) {
      const before = saved.get(id);
      const now = this.live.communityRecord(id);
      if (
        !before ||
        (Object.keys(now) as (keyof typeof now)[]).some((key) => (now[key] ?? null) !== (before[key] ?? null))
      )
        changed.add(id);
    }
    return changed;
  }

  /**
   * A community's name in a language: as it is now, else as saved, else as a pending edit created
   * it (a community merged away still has a name in the list of edits); its id as a last resort.
   */
  communityName(id: string, language: 'zh' | 'en'): string {
    const pick = (record: { name: string; nameEn?: string | null }) =>
      language === 'en' && record.nameEn ? record.nameEn : record.name;
    if (this.live.hasCommunity(id)) return pick(this.live.communityRecord(id));
    const saved = this.savedState.communities.find((community) => community.id === id);
    if (saved) return pick(saved);
    for (const { edit } of this.history.entries()) {
      if (edit.op === 'create' && edit.community.id === id) return pick(edit.community);
      if (edit.op === 'split' && edit.newCommunity.id === id) return pick(edit.newCommunity);
    }
    return id;
  }

  /** A facility as the scenario has it now (pending edits applied), or null: none, or removed. */
  facility(id: string): FacilityRecord | null {
    const changed = this.liveLayers.facilities.changed.get(id);
    if (changed !== undefined) return changed;
    return this.layerBase.regionFacilities.get(id) ?? null;
  }

  /**
   * A facility's name: as the scenario has it now, else as the region has it (one removed), else as
   * a pending edit placed it; its id as a last resort.
   */
  facilityName(id: string): string {
    const changed = this.liveLayers.facilities.changed.get(id);
    if (changed) return changed.name;
    const region = this.layerBase.regionFacilities.get(id);
    if (region) return region.name;
    for (const { edit } of this.history.entries())
      if (edit.op === 'add-facility' && edit.facility.id === id) return edit.facility.name;
    return id;
  }

  /** How the lines of the pending list name communities and facilities in a language (edit-text.ts). */
  editNames(language: 'zh' | 'en'): EditNames {
    return {
      community: (id) => this.communityName(id, language),
      facility: (id) => this.facilityName(id),
      language,
    };
  }

  /** Whether one community differs from its saved state (see changedCommunities). */
  communityChanged(id: string): boolean {
    return this.changedCommunities().has(id);
  }

  /** Applies one edit through the draft (nothing changes when it is refused) and records it. */
  apply(edit: ScenarioEdit, resolved: ResolvedGeometry = {}): SessionOutcome {
    const outcome = this.applyToLive(edit, resolved);
    if (outcome.ok) this.history.push({ edit, resolved });
    return outcome;
  }

  /**
   * Applies several edits as one action (an advised split's `create` edits): all of them, each a
   * pending edit of its own, or none when one is refused (the live state is rebuilt as it was).
   */
  applyAll(edits: readonly ScenarioEdit[]): SessionOutcome & { failedIndex?: number } {
    let moved = 0;
    const notes: string[] = [];
    for (const [index, edit] of edits.entries()) {
      const outcome = this.applyToLive(edit, {});
      if (!outcome.ok) {
        this.replay();
        return { ...outcome, failedIndex: index };
      }
      moved += outcome.moved;
      notes.push(...outcome.notes);
    }
    for (const edit of edits) this.history.push({ edit, resolved: {} });
    return { ok: true, moved, notes };
  }

  private applyToLive(edit: ScenarioEdit, resolved: ResolvedGeometry): SessionOutcome {
    const { regionFacilities, edgeLines } = this.layerBase;
    const draft = new ScenarioDraft(this.live, {
      reservedCommunityIds: this.region.reservedCommunityIds,
      newCommunityId,
      layers: {
        regionFacilities,
        current: this.liveLayers,
        isEdge: (edgeId) => edgeLines.has(edgeId),
        newFacilityId: () => newId('f'),
        newPathId: () => newId('p'),
      },
    });
    const outcome = draft.apply(edit, resolved);
    if (!outcome.ok) return outcome;
    const result = draft.result();
    applyDraftResult(this.live, result);
    if (result.layers) this.liveLayers = result.layers;
    return outcome;
  }

  /** Undoes the last pending edit (the evaluator is rebuilt from the saved state and the rest replayed). */
  undo(): boolean {
    if (!this.canUndo) return false;
    this.history.undo();
    this.replay();
    return true;
  }

  redo(): boolean {
    if (!this.canRedo) return false;
    const entry = this.history.redo()!;
    const outcome = this.applyToLive(entry.edit, entry.resolved);
    if (!outcome.ok) throw new Error(`redo of a ${entry.edit.op} edit was refused: ${outcome.message}`);
    return true;
  }

  private replay(): void {
    this.live = buildEvaluator(this.region, this.saved);
    if (this.evaluatorFacilities !== this.region.facilities)
      this.live.setFacilities(this.evaluatorFacilities);
    this.liveLayers = this.layerBase.saved;
    for (const entry of this.history.entries()) {
      const outcome = this.applyToLive(entry.edit, entry.resolved);
      if (!outcome.ok) throw new Error(`replaying a ${entry.edit.op} edit was refused: ${outcome.message}`);
    }
  }

  /* ---------------------------------------------------------------- brush */

  /** Starts a brush stroke into `communityId`; false when there is no such community. */
  beginStroke(communityId: string): boolean {
    if (this.stroke || !this.live.hasCommunity(communityId)) return false;
    this.stroke = {
      communityId,
      streetId: this.live.communityRecord(communityId).streetId,
      unitIds: new Set(),
      refused: new Map(),
    };
    return true;
  }

  get painting(): boolean {
    return this.stroke !== null;
  }

  /**
   * Paints units into the stroke's community at once (incremental metrics). Units of another street,
   * or the last unit of a community, stay where they are (the server would refuse them). Returns how
   * many units moved.
   */
  paint(unitIndices: readonly number[]): number {
    const stroke = this.stroke;
    if (!stroke) return 0;
    const moving = new Set<string>();
    const leaving = new Map<string, number>();
    for (const unit of unitIndices) {
      const unitId = this.region.units[unit]?.id;
      if (unitId === undefined || moving.has(unitId)) continue;
      const from = this.live.communityOfUnit(unitId);
      if (from === stroke.communityId) continue;
      const refusal = this.paintRefusal(from, stroke.streetId, leaving.get(from) ?? 0);
      if (refusal) {
        stroke.refused.set(refusal, (stroke.refused.get(refusal) ?? 0) + 1);
        continue;
      }
      leaving.set(from, (leaving.get(from) ?? 0) + 1);
      moving.add(unitId);
    }
    if (moving.size === 0) return 0;
    this.live.assign([...moving], stroke.communityId);
    for (const unitId of moving) stroke.unitIds.add(unitId);
    return moving.size;
  }

  private paintRefusal(from: string, streetId: string, alreadyLeaving: number): PaintRefusal | null {
    if (this.live.communityRecord(from).streetId !== streetId) return 'other-street';
    if (this.live.unitCount(from) - alreadyLeaving <= 1) return 'last-unit';
    return null;
  }

  /**
   * Ends the stroke: the units it moved become one `assign` edit (none when it moved nothing).
   * Returns the edit and how many units were left where they were, by reason.
   */
  endStroke(): { edit: PendingEdit | null; refused: ReadonlyMap<PaintRefusal, number> } {
    const stroke = this.stroke;
    this.stroke = null;
    if (!stroke) return { edit: null, refused: new Map() };
    if (stroke.unitIds.size === 0) return { edit: null, refused: stroke.refused };
    const entry: PendingEdit = {
      edit: { op: 'assign', unitIds: [...stroke.unitIds], communityId: stroke.communityId },
      resolved: {},
    };
    this.history.push(entry);
    return { edit: entry, refused: stroke.refused };
  }

  /* ---------------------------------------------------------------- other tools */

  /**
   * Assigns the units whose interior point lies in a lasso to a community: units of other streets
   * are left out (units move only within their street); returns how many of them there were.
   */
  assignInside(outline: readonly Position[], communityId: string): SessionOutcome & { otherStreet?: number } {
    if (!this.live.hasCommunity(communityId))
      return { ok: false, reason: 'unknown-community', message: communityId };
    const street = this.live.communityRecord(communityId).streetId;
    let otherStreet = 0;
    const unitIds: string[] = [];
    for (const unit of pointsInsideOutline(this.unitIndex.interiorPoints, outline)) {
      const unitId = this.region.units[unit].id;
      const from = this.live.communityOfUnit(unitId);
      if (from === communityId) continue;
      if (this.live.communityRecord(from).streetId !== street) otherStreet += 1;
      else unitIds.push(unitId);
    }
    if (unitIds.length === 0)
      return { ok: false, reason: SESSION_NOTHING_SELECTED, message: 'the lasso holds no unit to move' };
    return { ...this.apply({ op: 'assign', unitIds, communityId }), otherStreet };
  }

  /** Creates a community from the units in a lasso, in the street most of them are in. */
  createInside(
    outline: readonly Position[],
    community: { name: string; type: CommunityTypeId },
  ): SessionOutcome {
    const inside = pointsInsideOutline(this.unitIndex.interiorPoints, outline).map(
      (unit) => this.region.units[unit].id,
    );
    const byStreet = new Map<string, string[]>();
    for (const unitId of inside) {
      const street = this.live.communityRecord(this.live.communityOfUnit(unitId)).streetId;
      byStreet.set(street, [...(byStreet.get(street) ?? []), unitId]);
    }
    const [streetId, unitIds] = [...byStreet].sort((a, b) => b[1].length - a[1].length)[0] ?? [null, []];
    if (!streetId || unitIds.length === 0)
      return { ok: false, reason: SESSION_NOTHING_SELECTED, message: 'the lasso holds no unit' };
    const id = newCommunityId();
    const outcome = this.apply({
      op: 'create',
      community: { id, name: community.name, type: community.type, streetId },
      unitIds,
    });
    return outcome.ok ? { ...outcome, createdId: id } : outcome;
  }

  /** Redraws a community's outline: units of its street inside join it, its units outside go to neighbours. */
  redraw(communityId: string, outline: readonly Position[]): SessionOutcome {
    if (!isSimpleRing(outline))
      return { ok: false, reason: SESSION_SELF_INTERSECTING, message: 'the outline crosses itself' };
    const ring = closeRing(outline);
    const insideUnitIds = pointsInsideOutline(this.unitIndex.interiorPoints, ring).map(
      (unit) => this.region.units[unit].id,
    );
    return this.apply(
      { op: 'redraw', communityId, outline: { type: 'Polygon', coordinates: [ring] } },
      { insideUnitIds },
    );
  }

  /**
   * Splits a community by a line drawn across it (both ends outside it): units left of the line,
   * walking from its first point, form a new community named `name`.
   */
  split(communityId: string, line: readonly Position[], name: string): SessionOutcome {
    if (line.length < 2)
      return { ok: false, reason: SESSION_LINE_NOT_ACROSS, message: 'a line needs two points' };
    const endInside = [line[0], line[line.length - 1]].some((point) => {
      const unit = this.unitIndex.unitAt(point);
      return unit >= 0 && this.live.communityOfUnit(this.region.units[unit].id) === communityId;
    });
    if (endInside)
      return {
        ok: false,
        reason: SESSION_LINE_NOT_ACROSS,
        message: 'the line must start and end outside the community',
      };
    const coordinates = line.map((point) => [point[0], point[1]] as [number, number]);
    const newSideUnitIds = this.live.unitsOf(communityId).filter((unitId) => {
      const point = this.unitIndex.interiorPoints[this.region.unitIndexById.get(unitId)!];
      return sideOfLine(coordinates, point) === 'left';
    });
    const id = newCommunityId();
    const outcome = this.apply(
      {
        op: 'split',
        communityId,
        line: { type: 'LineString', coordinates },
        side: 'left',
        newCommunity: { id, name },
      },
      { newSideUnitIds },
    );
    return outcome.ok ? { ...outcome, createdId: id } : outcome;
  }

  merge(into: string, other: string): SessionOutcome {
    return this.apply({ op: 'merge', communityIds: [into, other], into });
  }

  update(communityId: string, changes: CommunityChanges): SessionOutcome {
    return this.apply({ op: 'update', communityId, changes });
  }

  /* ---------------------------------------------------------------- facilities and paths */

  /** Places a new facility (its id made here); returns the id in `createdId`. */
  addFacility(facility: FacilityPlacement): SessionOutcome {
    const id = newId('f');
    const outcome = this.apply({ op: 'add-facility', facility: { ...facility, id } });
    return outcome.ok ? { ...outcome, createdId: id } : outcome;
  }

  moveFacility(facilityId: string, position: Position): SessionOutcome {
    return this.apply({ op: 'move-facility', facilityId, position: [position[0], position[1]] });
  }

  updateFacility(facilityId: string, changes: FacilityChanges): SessionOutcome {
    if (Object.keys(changes).length === 0)
      return { ok: false, reason: SESSION_NOTHING_CHANGED, message: 'nothing to change' };
    return this.apply({ op: 'update-facility', facilityId, changes });
  }

  removeFacility(facilityId: string): SessionOutcome {
    return this.apply({ op: 'remove-facility', facilityId });
  }

  /** Adds a footway drawn as a line (the server joins it to the network where it meets it). */
  addPath(line: readonly Position[], name?: string): SessionOutcome {
    if (line.length < 2)
      return { ok: false, reason: SESSION_LINE_TOO_SHORT, message: 'a path needs two points' };
    const id = newId('p');
    const outcome = this.apply({
      op: 'add-path',
      id,
      line: {
        type: 'LineString',
        coordinates: line.map((point) => [point[0], point[1]] as [number, number]),
      },
      ...(name ? { name } : {}),
    });
    return outcome.ok ? { ...outcome, createdId: id } : outcome;
  }

  /** Closes network edges (numbers) or removes paths this scenario added (their ids). */
  closePaths(edgeIds: readonly (number | string)[]): SessionOutcome {
    return this.apply({ op: 'close-path', edgeIds: [...edgeIds] });
  }
}
