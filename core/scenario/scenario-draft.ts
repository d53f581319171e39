/**
 * Applies a batch of scenario edits (assign, redraw, split, merge, create, update, convert-village;
 * add-, move-, update- and remove-facility, add-path, close-path) to a scenario without touching it:
 * the draft reads through to a ScenarioEvaluator (boundaries) and the scenario's layers (facilities
 * and paths, scenario-layers.ts) and keeps its own changes on top, so a batch with one bad edit is
 * dropped whole. Geometric edits arrive already resolved to
 * units (which units an outline holds, which side of a line each unit is on); the server asks
 * PostGIS for that, this file decides everything else.
 *
 * Rules every edit keeps: units move only between communities of the same street (the communities
 * of a street partition it, so a unit's street never changes); a community is never left with no
 * units unless the edit says so (`dissolve: true`, or a merge); community ids are never reused.
 */

import type { CommunityTypeId } from '../standards/community-types.js';
import {
  facilityOverlay,
  layersOf,
  NO_LAYER_CHANGES,
  pathOverlay,
  type AddedPath,
  type FacilityRecord,
  type ScenarioLayers,
} from './scenario-layers.js';
import { NO_SURVEYED_FIGURES, SUMMED_ON_MERGE } from '../standards/community-figures.js';
import type { CommunityRecord, ScenarioEvaluator } from './scenario-evaluator.js';
import type { NewCommunity, ScenarioEdit } from './scenario-edit-schema.js';

export type {
  CommunityChanges,
  LineStringGeometry,
  NewCommunity,
  PolygonGeometry,
  ScenarioEdit,
} from './scenario-edit-schema.js';
export { CONVERSION_TARGET_TYPES, type ConversionTargetType } from './scenario-edit-schema.js';

/** Why an edit was refused. */
export const EDIT_UNKNOWN_UNIT = 'unknown-unit';
export const EDIT_UNKNOWN_COMMUNITY = 'unknown-community';
export const EDIT_OTHER_STREET = 'other-street';
export const EDIT_LEAVES_EMPTY = 'leaves-community-empty';
export const EDIT_COMMUNITY_ID_TAKEN = 'community-id-taken';
export const EDIT_NOTHING_SELECTED = 'nothing-selected';
export const EDIT_NOT_DIVIDED = 'not-divided';
export const EDIT_NO_NEIGHBOUR = 'no-neighbour';
export const EDIT_BAD_MERGE = 'bad-merge';
export const EDIT_NOT_A_VILLAGE = 'not-a-village';
export const EDIT_UNKNOWN_FACILITY = 'unknown-facility';
export const EDIT_FACILITY_ID_TAKEN = 'facility-id-taken';
export const EDIT_UNKNOWN_EDGE = 'unknown-edge';
export const EDIT_PATH_ID_TAKEN = 'path-id-taken';

export type EditRefusalReason =
  | typeof EDIT_UNKNOWN_UNIT
  | typeof EDIT_UNKNOWN_COMMUNITY
  | typeof EDIT_OTHER_STREET
  | typeof EDIT_LEAVES_EMPTY
  | typeof EDIT_COMMUNITY_ID_TAKEN
  | typeof EDIT_NOTHING_SELECTED
  | typeof EDIT_NOT_DIVIDED
  | typeof EDIT_NO_NEIGHBOUR
  | typeof EDIT_BAD_MERGE
  | typeof EDIT_NOT_A_VILLAGE
  | typeof EDIT_UNKNOWN_FACILITY
  | typeof EDIT_FACILITY_ID_TAKEN
  | typeof EDIT_UNKNOWN_EDGE
  | typeof EDIT_PATH_ID_TAKEN;

/** A refused edit says why in English (`message`) and Chinese (`messageZh`), naming the ids at fault. */
export type EditOutcome = { ok: true; moved: number; notes: string[] } | EditRefusal;
export type EditRefusal = { ok: false; reason: EditRefusalReason; message: string; messageZh: string };

/** The net effect of a batch: what the server writes and then replays on the cached evaluator. */
export interface DraftResult {
  /** Units whose community changed, from the base's community to the draft's. */
  moves: { unitId: string; from: string; to: string }[];
  /** Communities created by the batch (in creation order), with their attributes. */
  created: CommunityRecord[];
  /** Communities of the base whose attributes the batch changed, as they now are. */
  updated: CommunityRecord[];
  /** Communities of the base the batch removed. */
  dissolved: string[];
  /** Communities (still present) whose set of units changed: their geometry must be recomputed. */
  reshaped: string[];
  /** The scenario's facilities and paths after the batch, or null when the batch left them as they were. */
  layers: ScenarioLayers | null;
}

/** What the draft knows of the scenario's facilities and walking network (layer edits). */
export interface DraftLayers {
  /** The region's own facilities by id (their ids are never taken by an added facility). */
  regionFacilities: ReadonlyMap<string, FacilityRecord>;
  /** What the scenario changes of them and of the paths before the batch. */
  current: ScenarioLayers;
  /** Whether the region's walking network has an edge of this id. */
  isEdge(edgeId: number): boolean;
  /** A fresh id for a facility or path whose edit gives none. */
  newFacilityId(): string;
  newPathId(): string;
}

const NO_LAYERS: DraftLayers = {
  regionFacilities: new Map(),
  current: NO_LAYER_CHANGES,
  isEdge: () => false,
  newFacilityId: () => {
    throw new Error('this draft has no facility layer');
  },
  newPathId: () => {
    throw new Error('this draft has no path layer');
  },
};

/** Geometry of an edit resolved by the caller: units an outline holds, units on the new side of a line. */
export interface ResolvedGeometry {
  /** redraw: every unit of the region whose point on surface lies in the outline. */
  insideUnitIds?: readonly string[];
  /** split: the units of the community on the side of the line that becomes the new community. */
  newSideUnitIds?: readonly string[];
}

const refuse = (reason: EditRefusalReason, message: string, messageZh: string): EditRefusal => ({
  ok: false,
  reason,
  message,
  messageZh,
});

export class ScenarioDraft {
  /** Current community of each unit the draft moved (possibly back to where it started). */
  private readonly unitCommunity = new Map<string, string>();
  /** Communities the draft created or changed (a record) or removed (null). */
  private readonly communityOverlay = new Map<string, CommunityRecord | null>();
  /** Units gained (+) or lost (−) by each community. */
  private readonly unitCountDelta = new Map<string, number>();
  private readonly createdOrder: string[] = [];
  /** Facilities changed by the draft so far (a copy of the scenario's changes, then edited). */
  private readonly facilityChanges: Map<string, FacilityRecord | null>;
  private readonly addedPaths: AddedPath[];
  private readonly closedEdgeIds: Set<number>;
  private facilitiesTouched = false;
  private pathsTouched = false;
  private readonly layers: DraftLayers;

  constructor(
    private readonly base: ScenarioEvaluator,
    private readonly options: {
      /** Ids no new community may take (e.g. every community of the region's baseline). */
      reservedCommunityIds: ReadonlySet<string>;
      /** A fresh id for a new community whose edit gives none. */
      newCommunityId: () => string;
      /** The scenario's facilities and network; without them every layer edit is refused. */
      layers?: DraftLayers;
    },
  ) {
    this.layers = options.layers ?? NO_LAYERS;
    const { current } = this.layers;
    this.facilityChanges = new Map(current.facilities.changed);
    this.addedPaths = current.paths.added.slice();
    this.closedEdgeIds = new Set(current.paths.closedEdgeIds);
  }

  /** The scenario's facilities and paths as the draft has them now (as differences from the region's). */
  currentLayers(): ScenarioLayers {
    const { current } = this.layers;
    if (!this.facilitiesTouched && !this.pathsTouched) return current;
    return layersOf(
      this.facilitiesTouched ? facilityOverlay(new Map(this.facilityChanges)) : current.facilities,
      this.pathsTouched ? pathOverlay(this.addedPaths.slice(), this.closedEdgeIds) : current.paths,
    );
  }

  /** A facility of the scenario as the draft has it now, or undefined. */
  facility(id: string): FacilityRecord | undefined {
    const changed = this.facilityChanges.get(id);
    if (changed !== undefined) return changed ?? undefined;
    return this.layers.regionFacilities.get(id);
  }

  hasCommunity(id: string): boolean {
    const overlay = this.communityOverlay.get(id);
    return overlay !== undefined ? overlay !== null : this.base.hasCommunity(id);
  }

  record(id: string): CommunityRecord {
    const overlay = this.communityOverlay.get(id);
    if (overlay) return overlay;
    if (overlay === null) throw new Error(`community ${id} was removed by this draft`);
    return this.base.communityRecord(id);
  }

  /** The community a unit is in now, or undefined for a unit not in the region. */
  communityOf(unitId: string): string | undefined {
    const moved = this.unitCommunity.get(unitId);
    if (moved !== undefined) return moved;
    return this.base.hasUnit(unitId) ? this.base.communityOfUnit(unitId) : undefined;
  }

  /** Units of a community now, in the base's unit order for those it kept, then those it gained. */
  unitsOf(communityId: string): string[] {
    const kept =
      this.base.hasCommunity(communityId) && this.communityOverlay.get(communityId) !== null
        ? this.base.unitsOf(communityId).filter((unitId) => {
            const moved = this.unitCommunity.get(unitId);
            return moved === undefined || moved === communityId;
          })
        : [];
    const keptSet = new Set(kept);
    for (const [unitId, communityId2] of this.unitCommunity) {
      if (communityId2 === communityId && !keptSet.has(unitId)) kept.push(unitId);
    }
    return kept;
  }

  unitCount(communityId: string): number {
    const baseCount = this.base.hasCommunity(communityId) ? this.base.unitCount(communityId) : 0;
    return baseCount + (this.unitCountDelta.get(communityId) ?? 0);
  }

  /** Applies one edit; on refusal the draft is left part-applied and must be discarded. */
  apply(edit: ScenarioEdit, resolved: ResolvedGeometry = {}): EditOutcome {
    switch (edit.op) {
      case 'assign':
        return this.assign(edit);
      case 'redraw':
        return this.redraw(edit, resolved.insideUnitIds ?? []);
      case 'split':
        return this.split(edit, resolved.newSideUnitIds ?? []);
      case 'merge':
        return this.merge(edit);
      case 'create':
        return this.create(edit);
      case 'update':
        return this.update(edit);
      case 'convert-village':
        return this.convertVillage(edit);
      case 'add-facility':
        return this.addFacility(edit);
      case 'move-facility':
      case 'update-facility':
      case 'remove-facility':
        return this.changeFacility(edit);
      case 'add-path':
        return this.addPath(edit);
      case 'close-path':
        return this.closePath(edit);
    }
  }

  /** The batch's net effect on the base. */
  result(): DraftResult {
    const moves: DraftResult['moves'] = [];
    const reshaped = new Set<string>();
    for (const [unitId, to] of this.unitCommunity) {
      const from = this.base.communityOfUnit(unitId);
      if (from === to) continue;
      moves.push({ unitId, from, to });
      reshaped.add(from);
      reshaped.add(to);
    }
    const created: CommunityRecord[] = [];
    for (const id of this.createdOrder) {
      const record = this.communityOverlay.get(id);
      if (record) created.push({ ...record });
    }
    const updated: CommunityRecord[] = [];
    const dissolved: string[] = [];
    for (const [id, record] of this.communityOverlay) {
      if (!this.base.hasCommunity(id)) continue;
      if (record === null) dissolved.push(id);
      else updated.push({ ...record });
    }
    return {
      moves,
      created,
      updated,
      dissolved,
      reshaped: [...reshaped].filter((id) => this.hasCommunity(id)),
      layers: this.facilitiesTouched || this.pathsTouched ? this.currentLayers() : null,
    };
  }

  private requireCommunity(id: string): EditOutcome | null {
    return this.hasCommunity(id)
      ? null
      : refuse(
          EDIT_UNKNOWN_COMMUNITY,
          `community "${id}" is not in this scenario`,
          `本方案中没有社区“${id}”`,
        );
  }

  private moveUnit(unitId: string, to: string): void {
    const from = this.communityOf(unitId)!;
    if (from === to) return;
    this.unitCommunity.set(unitId, to);
    this.unitCountDelta.set(from, (this.unitCountDelta.get(from) ?? 0) - 1);
    this.unitCountDelta.set(to, (this.unitCountDelta.get(to) ?? 0) + 1);
  }

  /**
   * Moves units to a community of their street; returns a refusal naming the first problem, or the
   * communities the units came from.
   */
  private moveUnits(unitIds: readonly string[], to: string): EditOutcome | Set<string> {
    const street = this.record(to).streetId;
    const sources = new Set<string>();
    for (const unitId of unitIds) {
      const from = this.communityOf(unitId);
      if (from === undefined)
        return refuse(
          EDIT_UNKNOWN_UNIT,
          `unit "${unitId}" is not in this region`,
          `本区域没有人口单元“${unitId}”`,
        );
      const fromStreet = this.record(from).streetId;
      if (fromStreet !== street) {
        return refuse(
          EDIT_OTHER_STREET,
          `unit "${unitId}" is in street "${fromStreet}" but community "${to}" is in street "${street}"; units move only within their street`,
          `人口单元“${unitId}”属于街道“${fromStreet}”，而社区“${to}”属于街道“${street}”；单元只能在本街道内调整`,
        );
      }
    }
    for (const unitId of unitIds) {
      const from = this.communityOf(unitId)!;
      if (from === to) continue;
      sources.add(from);
      this.moveUnit(unitId, to);
    }
    return sources;
  }

  /** Communities an edit emptied are removed when it says `dissolve`, else the edit is refused. */
  private settleEmptied(sources: Iterable<string>, dissolve: boolean | undefined): EditOutcome | null {
    for (const id of sources) {
      if (!this.hasCommunity(id) || this.unitCount(id) > 0) continue;
      if (!dissolve) {
        return refuse(
          EDIT_LEAVES_EMPTY,
          `community "${id}" would be left with no units; add "dissolve": true to remove it, or keep a unit in it`,
          `社区“${id}”将不剩任何人口单元：加上 "dissolve": true 以撤销该社区，或至少保留一个单元`,
        );
      }
      this.communityOverlay.set(id, null);
    }
    return null;
  }

  private assign(edit: Extract<ScenarioEdit, { op: 'assign' }>): EditOutcome {
    const missing = this.requireCommunity(edit.communityId);
    if (missing) return missing;
    const before = this.unitCount(edit.communityId);
    const sources = this.moveUnits(edit.unitIds, edit.communityId);
    if (!(sources instanceof Set)) return sources;
    const emptied = this.settleEmptied(sources, edit.dissolve);
    if (emptied) return emptied;
    return { ok: true, moved: this.unitCount(edit.communityId) - before, notes: [] };
  }

  private redraw(
    edit: Extract<ScenarioEdit, { op: 'redraw' }>,
    insideUnitIds: readonly string[],
  ): EditOutcome {
    const target = edit.communityId;
    const missing = this.requireCommunity(target);
    if (missing) return missing;
    const street = this.record(target).streetId;
    const inside: string[] = [];
    let otherStreet = 0;
    for (const unitId of insideUnitIds) {
      const community = this.communityOf(unitId);
      if (community === undefined) continue;
      if (this.record(community).streetId === street) inside.push(unitId);
      else otherStreet += 1;
    }
    if (inside.length === 0) {
      return refuse(
        EDIT_NOTHING_SELECTED,
        `the outline holds no unit of street "${street}", the street of community "${target}"`,
        `所画范围内没有社区“${target}”所在街道“${street}”的人口单元`,
      );
    }
    const insideSet = new Set(inside);
    const outside = this.unitsOf(target).filter((unitId) => !insideSet.has(unitId));
    let moved = inside.filter((unitId) => this.communityOf(unitId) !== target).length;
    const sources = this.moveUnits(inside, target);
    if (!(sources instanceof Set)) return sources;

    if (outside.length > 0) {
      if (edit.outsideTo !== undefined) {
        if (edit.outsideTo === target) {
          return refuse(
            EDIT_BAD_MERGE,
            `"outsideTo" must name another community than "${target}"`,
            `"outsideTo" 应指定“${target}”以外的社区`,
          );
        }
        const missingOutside = this.requireCommunity(edit.outsideTo);
        if (missingOutside) return missingOutside;
        const outsideSources = this.moveUnits(outside, edit.outsideTo);
        if (!(outsideSources instanceof Set)) return outsideSources;
      } else {
        const stranded = this.handOutsideUnitsToNeighbours(outside, target, street);
        if (stranded > 0) {
          return refuse(
            EDIT_NO_NEIGHBOUR,
            `${stranded} units of "${target}" outside the outline touch no other community of street "${street}"; say where they go with "outsideTo"`,
            `“${target}”在所画范围外的 ${stranded} 个人口单元不与街道“${street}”的其他社区相邻；请用 "outsideTo" 指定去向`,
          );
        }
      }
      moved += outside.length;
    }
    const emptied = this.settleEmptied(sources, edit.dissolve);
    if (emptied) return emptied;
    const notes =
      otherStreet > 0
        ? [`${otherStreet} units inside the outline are in other streets and stay where they are`]
        : [];
    return { ok: true, moved, notes };
  }

  /**
   * Gives each unit a redraw left outside its community to the neighbouring community of the same
   * street it shares the longest boundary with, working inwards from the units that touch one.
   * Returns how many units touch no such community at all.
   */
  private handOutsideUnitsToNeighbours(outside: readonly string[], target: string, street: string): number {
    const pending = new Set(outside);
    let progress = true;
    while (pending.size > 0 && progress) {
      progress = false;
      for (const unitId of [...pending]) {
        const sharedByCommunity = new Map<string, number>();
        for (const { unitId: neighbour, sharedMeters } of this.base.neighboursOf(unitId)) {
          if (pending.has(neighbour)) continue;
          const community = this.communityOf(neighbour)!;
          if (community === target || this.record(community).streetId !== street) continue;
          sharedByCommunity.set(community, (sharedByCommunity.get(community) ?? 0) + sharedMeters);
        }
        let best: string | null = null;
        let bestShared = 0;
        for (const [community, shared] of sharedByCommunity) {
          if (shared > bestShared) [best, bestShared] = [community, shared];
        }
        if (best === null) continue;
        this.moveUnit(unitId, best);
        pending.delete(unitId);
        progress = true;
      }
    }
    return pending.size;
  }

  private split(
    edit: Extract<ScenarioEdit, { op: 'split' }>,
    newSideUnitIds: readonly string[],
  ): EditOutcome {
    const source = edit.communityId;
    const missing = this.requireCommunity(source);
    if (missing) return missing;
    const total = this.unitCount(source);
    if (newSideUnitIds.length === 0 || newSideUnitIds.length >= total) {
      return refuse(
        EDIT_NOT_DIVIDED,
        `the line leaves every unit of community "${source}" on one side`,
        `分割线使社区“${source}”的全部人口单元落在同一侧`,
      );
    }
    const strays = newSideUnitIds.filter((unitId) => this.communityOf(unitId) !== source);
    if (strays.length > 0)
      throw new Error(`split of ${source}: units ${strays.slice(0, 3).join(', ')} are not in it`);
    const from = this.record(source);
    const created = this.addCommunity(edit.newCommunity, {
      type: from.type,
      streetId: from.streetId,
      isTownshipSeat: false,
    });
    if (!created.ok) return created;
    const sources = this.moveUnits(newSideUnitIds, created.id);
    if (!(sources instanceof Set)) return sources;
    return { ok: true, moved: newSideUnitIds.length, notes: [`new community "${created.id}"`] };
  }

  private merge(edit: Extract<ScenarioEdit, { op: 'merge' }>): EditOutcome {
    const ids = [...new Set(edit.communityIds)];
    if (ids.length < 2)
      return refuse(
        EDIT_BAD_MERGE,
        'a merge needs at least two different communities',
        '合并至少需要两个不同的社区',
      );
    if (!ids.includes(edit.into))
      return refuse(
        EDIT_BAD_MERGE,
        `"into" (${edit.into}) must be one of "communityIds"`,
        `"into"（${edit.into}）应为 "communityIds" 中的一个`,
      );
    for (const id of ids) {
      const missing = this.requireCommunity(id);
      if (missing) return missing;
    }
    const into = this.record(edit.into);
    const merged: CommunityRecord = { ...into };
    let moved = 0;
    for (const id of ids) {
      if (id === edit.into) continue;
      const other = this.record(id);
      if (other.streetId !== into.streetId) {
        return refuse(
          EDIT_OTHER_STREET,
          `community "${id}" is in street "${other.streetId}", "${edit.into}" in "${into.streetId}"; only communities of one street merge`,
          `社区“${id}”属于街道“${other.streetId}”，“${edit.into}”属于“${into.streetId}”；只有同一街道的社区可以合并`,
        );
      }
      for (const field of SUMMED_ON_MERGE) {
        const [a, b] = [merged[field] as number | null, other[field] as number | null];
        (merged as unknown as Record<string, number | null>)[field] =
          a === null && b === null ? null : (a ?? 0) + (b ?? 0);
      }
      const units = this.unitsOf(id);
      for (const unitId of units) this.moveUnit(unitId, edit.into);
      moved += units.length;
      this.communityOverlay.set(id, null);
    }
    this.communityOverlay.set(edit.into, merged);
    return { ok: true, moved, notes: [] };
  }

  private create(edit: Extract<ScenarioEdit, { op: 'create' }>): EditOutcome {
    const { streetId, type } = edit.community;
    const created = this.addCommunity(edit.community, { type, streetId, isTownshipSeat: false });
    if (!created.ok) return created;
    const sources = this.moveUnits(edit.unitIds, created.id);
    if (!(sources instanceof Set)) return sources;
    if (this.unitCount(created.id) === 0) {
      return refuse(
        EDIT_NOTHING_SELECTED,
        `community "${created.id}" would start with no units`,
        `新社区“${created.id}”没有任何人口单元`,
      );
    }
    const emptied = this.settleEmptied(sources, edit.dissolve);
    if (emptied) return emptied;
    return { ok: true, moved: this.unitCount(created.id), notes: [`new community "${created.id}"`] };
  }

  private update(edit: Extract<ScenarioEdit, { op: 'update' }>): EditOutcome {
    const missing = this.requireCommunity(edit.communityId);
    if (missing) return missing;
    this.communityOverlay.set(edit.communityId, {
      ...this.record(edit.communityId),
      ...definedOnly(edit.changes),
    });
    return { ok: true, moved: 0, notes: [] };
  }

  private convertVillage(edit: Extract<ScenarioEdit, { op: 'convert-village' }>): EditOutcome {
    const missing = this.requireCommunity(edit.communityId);
    if (missing) return missing;
    const record = this.record(edit.communityId);
    if (record.type !== 'village') {
      return refuse(
        EDIT_NOT_A_VILLAGE,
        `community "${edit.communityId}" is of type "${record.type}", not a village; only villages convert`,
        `社区“${edit.communityId}”的类型是“${record.type}”，不是行政村；只有行政村可以村改社区`,
      );
    }
    const to = edit.to ?? record.applicationTarget ?? 'urban';
    this.communityOverlay.set(edit.communityId, { ...record, type: to });
    return {
      ok: true,
      moved: 0,
      notes: [`village "${record.name}" (${edit.communityId}) converted to a ${to} community with its units`],
    };
  }

  private addFacility(edit: Extract<ScenarioEdit, { op: 'add-facility' }>): EditOutcome {
    const { facility } = edit;
    const id = facility.id ?? this.layers.newFacilityId();
    if (this.facilityChanges.has(id) || this.layers.regionFacilities.has(id))
      return refuse(EDIT_FACILITY_ID_TAKEN, `facility id "${id}" is taken`, `设施编号“${id}”已被占用`);
    const record: FacilityRecord = {
      id,
      name: facility.name,
      category: facility.category,
      position: [facility.position[0], facility.position[1]],
      floorAreaSquareMeters: facility.floorAreaSquareMeters ?? null,
      landAreaSquareMeters: facility.landAreaSquareMeters ?? null,
      capacity: facility.capacity ?? null,
    };
    this.facilityChanges.set(id, record);
    this.facilitiesTouched = true;
    return { ok: true, moved: 0, notes: [`new facility "${id}"`] };
  }

  private changeFacility(
    edit: Extract<ScenarioEdit, { op: 'move-facility' | 'update-facility' | 'remove-facility' }>,
  ): EditOutcome {
    const current = this.facility(edit.facilityId);
    if (!current)
      return refuse(
        EDIT_UNKNOWN_FACILITY,
        `facility "${edit.facilityId}" is not in this scenario`,
        `本方案中没有设施“${edit.facilityId}”`,
      );
    this.facilitiesTouched = true;
    const isRegions = this.layers.regionFacilities.has(edit.facilityId);
    if (edit.op === 'remove-facility') {
      if (isRegions) this.facilityChanges.set(edit.facilityId, null);
      else this.facilityChanges.delete(edit.facilityId);
      return { ok: true, moved: 0, notes: [] };
    }
    const next: FacilityRecord =
      edit.op === 'move-facility'
        ? { ...current, position: [edit.position[0], edit.position[1]] }
        : { ...current, ...definedOnly(edit.changes) };
    this.facilityChanges.set(edit.facilityId, next);
    return { ok: true, moved: 0, notes: [] };
  }

  private addPath(edit: Extract<ScenarioEdit, { op: 'add-path' }>): EditOutcome {
    const id = edit.id ?? this.layers.newPathId();
    if (this.addedPaths.some((path) => path.id === id))
      return refuse(EDIT_PATH_ID_TAKEN, `path id "${id}" is taken`, `道路编号“${id}”已被占用`);
    this.addedPaths.push({
      id,
      name: edit.name ?? null,
      coordinates: edit.line.coordinates.map(([lon, lat]) => [lon, lat]),
    });
    this.pathsTouched = true;
    return { ok: true, moved: 0, notes: [`new path "${id}"`] };
  }

  private closePath(edit: Extract<ScenarioEdit, { op: 'close-path' }>): EditOutcome {
    const notes: string[] = [];
    for (const edgeId of edit.edgeIds) {
      if (typeof edgeId === 'number') {
        if (!this.layers.isEdge(edgeId))
          return refuse(
            EDIT_UNKNOWN_EDGE,
            `the walking network has no edge ${edgeId}`,
            `步行路网中没有路段 ${edgeId}`,
          );
        if (this.closedEdgeIds.has(edgeId)) notes.push(`edge ${edgeId} was closed already`);
        this.closedEdgeIds.add(edgeId);
        continue;
      }
      const at = this.addedPaths.findIndex((path) => path.id === edgeId);
      if (at < 0)
        return refuse(
          EDIT_UNKNOWN_EDGE,
          `"${edgeId}" is neither an edge of the walking network nor a path this scenario added`,
          `“${edgeId}”既不是步行路网的路段，也不是本方案新增的道路`,
        );
      this.addedPaths.splice(at, 1);
      notes.push(`added path "${edgeId}" removed`);
    }
    this.pathsTouched = true;
    return { ok: true, moved: 0, notes };
  }

  private addCommunity(
    attributes: NewCommunity,
    defaults: { type: CommunityTypeId; streetId: string; isTownshipSeat: boolean },
  ): { ok: true; id: string } | EditRefusal {
    const id = attributes.id ?? this.options.newCommunityId();
    const everUsed =
      this.communityOverlay.has(id) ||
      this.base.hasCommunity(id) ||
      this.options.reservedCommunityIds.has(id);
    if (everUsed)
      return refuse(EDIT_COMMUNITY_ID_TAKEN, `community id "${id}" is taken`, `社区编号“${id}”已被占用`);
    const { id: _ignored, ...changes } = definedOnly(attributes);
    void _ignored;
    const record: CommunityRecord = {
      id,
      nameEn: null,
      type: defaults.type,
      streetId: defaults.streetId,
      ...NO_SURVEYED_FIGURES,
      isTownshipSeat: defaults.isTownshipSeat,
      ...changes,
      name: attributes.name,
    };
    record.streetId = defaults.streetId;
    this.communityOverlay.set(id, record);
    this.createdOrder.push(id);
    return { ok: true, id };
  }
}

/** Drops keys whose value is undefined, so a spread does not blank a field the edit did not name. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * Replays a draft's result on the evaluator it was drafted over, incrementally: new communities,
 * changed attributes, the moves (one `assign` per receiving community), then removals.
 */
export function applyDraftResult(evaluator: ScenarioEvaluator, result: DraftResult): void {
  for (const record of result.created) evaluator.addCommunity(record);
  for (const record of result.updated) evaluator.updateCommunity(record.id, record);
  const unitsByTarget = new Map<string, string[]>();
  for (const move of result.moves) {
    const list = unitsByTarget.get(move.to) ?? [];
    list.push(move.unitId);
    unitsByTarget.set(move.to, list);
  }
  for (const [target, unitIds] of unitsByTarget) evaluator.assign(unitIds, target);
  for (const id of result.dissolved) evaluator.removeCommunity(id);
}
