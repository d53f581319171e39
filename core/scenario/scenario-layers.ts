/**
 * What a scenario changes of its region's facilities and walking paths, kept as differences from the
 * region's own (as unit moves are kept as differences from the baseline assignment): facilities
 * added, moved, updated or removed, paths added and network edges closed. Values are immutable: an
 * edit makes a new object, and a part an edit did not touch keeps its identity, so caches keyed on
 * it (a rebuilt walking network, a facility overlay, reach sets) survive edits of the other part.
 */

import type { Position } from '../geometry/position.js';

/** A facility as a scenario holds it. */
export interface FacilityRecord {
  id: string;
  name: string;
  category: string;
  /** `[lon, lat]`, WGS 84. */
  position: Position;
  floorAreaSquareMeters: number | null;
  landAreaSquareMeters: number | null;
  /** Places (children, elders…) the facility can take; null when unknown. */
  capacity: number | null;
}

/** A footway or footbridge a scenario adds, joined to the network where its ends and crossings meet it. */
export interface AddedPath {
  id: string;
  name: string | null;
  /** `[lon, lat]` vertices as drawn, WGS 84. */
  coordinates: Position[];
}

export interface FacilityOverlay {
  /** By id: the facility as it now is (added, moved or updated), or null for a region facility removed. */
  readonly changed: ReadonlyMap<string, FacilityRecord | null>;
}

export interface PathOverlay {
  /** Paths added, in the order they were added. */
  readonly added: readonly AddedPath[];
  /** Edges of the region's network the scenario closes, ascending. */
  readonly closedEdgeIds: readonly number[];
}

export interface ScenarioLayers {
  readonly facilities: FacilityOverlay;
  readonly paths: PathOverlay;
}

export const NO_FACILITY_CHANGES: FacilityOverlay = Object.freeze({ changed: new Map() });
export const NO_PATH_CHANGES: PathOverlay = Object.freeze({ added: [], closedEdgeIds: [] });
/** A scenario that keeps the region's facilities and paths as they are. */
export const NO_LAYER_CHANGES: ScenarioLayers = Object.freeze({
  facilities: NO_FACILITY_CHANGES,
  paths: NO_PATH_CHANGES,
});

export function hasFacilityChanges(layers: ScenarioLayers): boolean {
  return layers.facilities.changed.size > 0;
}

export function hasPathChanges(layers: ScenarioLayers): boolean {
  return layers.paths.added.length > 0 || layers.paths.closedEdgeIds.length > 0;
}

/** A facility overlay; empty: the shared empty value, so "no change" stays recognisable. */
export function facilityOverlay(changed: ReadonlyMap<string, FacilityRecord | null>): FacilityOverlay {
  return changed.size > 0 ? { changed } : NO_FACILITY_CHANGES;
}

/** A path overlay (closed edges sorted); empty: the shared empty value. */
export function pathOverlay(added: readonly AddedPath[], closedEdgeIds: Iterable<number>): PathOverlay {
  const closed = [...closedEdgeIds].sort((a, b) => a - b);
  return added.length > 0 || closed.length > 0 ? { added, closedEdgeIds: closed } : NO_PATH_CHANGES;
}

/** Layers of two parts; both empty: NO_LAYER_CHANGES. */
export function layersOf(facilities: FacilityOverlay, paths: PathOverlay): ScenarioLayers {
  return facilities === NO_FACILITY_CHANGES && paths === NO_PATH_CHANGES
    ? NO_LAYER_CHANGES
    : { facilities, paths };
}

/** Layers with the given parts (see facilityOverlay, pathOverlay). */
export function scenarioLayers(
  changed: ReadonlyMap<string, FacilityRecord | null>,
  added: readonly AddedPath[],
  closedEdgeIds: readonly number[],
): ScenarioLayers {
  return layersOf(facilityOverlay(changed), pathOverlay(added, closedEdgeIds));
}

/**
 * The scenario's facilities: the region's in their order, each as the scenario changed it, those it
 * removed left out, then the ones it added by id.
 */
export function effectiveFacilities(
  regionFacilities: readonly FacilityRecord[],
  overlay: FacilityOverlay,
): FacilityRecord[] {
  if (overlay.changed.size === 0) return regionFacilities.slice();
  const regionIds = new Set<string>();
  const result: FacilityRecord[] = [];
  for (const facility of regionFacilities) {
    regionIds.add(facility.id);
    const changed = overlay.changed.get(facility.id);
    if (changed === undefined) result.push(facility);
    else if (changed !== null) result.push(changed);
  }
  const added = [...overlay.changed.values()].filter(
    (facility): facility is FacilityRecord => facility !== null && !regionIds.has(facility.id),
  );
  added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return result.concat(added);
}

/** How a scenario facility differs from the region's: added, moved (position changed), changed (figures only). */
export type FacilityChangeKind = 'added' | 'moved' | 'changed' | 'removed';

/** Each facility the overlay touches with how it differs from the region's (null: no real difference). */
export function facilityChangeKinds(
  regionFacilities: ReadonlyMap<string, FacilityRecord>,
  overlay: FacilityOverlay,
): Map<string, FacilityChangeKind> {
  const kinds = new Map<string, FacilityChangeKind>();
  for (const [id, facility] of overlay.changed) {
    const original = regionFacilities.get(id);
    if (!original) {
      if (facility) kinds.set(id, 'added');
    } else if (facility === null) {
      kinds.set(id, 'removed');
    } else if (
      facility.position[0] !== original.position[0] ||
      facility.position[1] !== original.position[1]
    ) {
      kinds.set(id, 'moved');
    } else if (!sameFigures(facility, original)) {
      kinds.set(id, 'changed');
    }
  }
  return kinds;
}

function sameFigures(a: FacilityRecord, b: FacilityRecord): boolean {
  return (
    a.name === b.name &&
    a.category === b.category &&
    a.floorAreaSquareMeters === b.floorAreaSquareMeters &&
    a.landAreaSquareMeters === b.landAreaSquareMeters &&
    a.capacity === b.capacity
  );
}

/** A facility that differs between two scenarios (or a scenario and the baseline). */
export interface FacilityDifference {
  id: string;
  change: FacilityChangeKind;
  /** The facility in the scenario (null when removed) and in the one compared with (null when added). */
  scenario: FacilityRecord | null;
  with: FacilityRecord | null;
}

/** A path or edge that differs: added or removed (a path), closed or reopened (an edge of the region). */
export interface PathDifference {
  id: string | number;
  change: 'added' | 'removed' | 'closed' | 'reopened';
  /** The added path (added or removed); null for an edge. */
  path: AddedPath | null;
}

/** What differs in facilities and paths between a scenario's layers and another's, over one region. */
export function compareLayers(
  regionFacilities: readonly FacilityRecord[],
  scenario: ScenarioLayers,
  other: ScenarioLayers,
): { facilities: FacilityDifference[]; paths: PathDifference[] } {
  const facilities: FacilityDifference[] = [];
  if (scenario.facilities !== other.facilities) {
    const ours = new Map(effectiveFacilities(regionFacilities, scenario.facilities).map((f) => [f.id, f]));
    const theirs = new Map(effectiveFacilities(regionFacilities, other.facilities).map((f) => [f.id, f]));
    for (const [id, facility] of ours) {
      const before = theirs.get(id);
      if (!before) facilities.push({ id, change: 'added', scenario: facility, with: null });
      else if (facility.position[0] !== before.position[0] || facility.position[1] !== before.position[1])
        facilities.push({ id, change: 'moved', scenario: facility, with: before });
      else if (!sameFigures(facility, before))
        facilities.push({ id, change: 'changed', scenario: facility, with: before });
    }
    for (const [id, facility] of theirs)
      if (!ours.has(id)) facilities.push({ id, change: 'removed', scenario: null, with: facility });
    facilities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const paths: PathDifference[] = [];
  const sameLine = (a: AddedPath, b: AddedPath) =>
    JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
  const theirPaths = new Map(other.paths.added.map((path) => [path.id, path]));
  const ourPaths = new Map(scenario.paths.added.map((path) => [path.id, path]));
  for (const path of scenario.paths.added) {
    const before = theirPaths.get(path.id);
    if (!before || !sameLine(path, before)) paths.push({ id: path.id, change: 'added', path });
  }
  for (const path of other.paths.added) {
    const now = ourPaths.get(path.id);
    if (!now || !sameLine(now, path)) paths.push({ id: path.id, change: 'removed', path });
  }
  const theirClosed = new Set(other.paths.closedEdgeIds);
  const ourClosed = new Set(scenario.paths.closedEdgeIds);
  for (const edgeId of scenario.paths.closedEdgeIds)
    if (!theirClosed.has(edgeId)) paths.push({ id: edgeId, change: 'closed', path: null });
  for (const edgeId of other.paths.closedEdgeIds)
    if (!ourClosed.has(edgeId)) paths.push({ id: edgeId, change: 'reopened', path: null });
  return { facilities, paths };
}
