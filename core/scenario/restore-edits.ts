/**
 * The edits that turn one state of a scenario into another (restoring an earlier version as a new
 * one): a restore is saved as ordinary edits, so the edit log stays the one history every version
 * is rebuilt from. Boundary edits come in an order no community still wanted is emptied on the way:
 * communities that keep none of their own units receive theirs first, then those that keep some
 * (one such unit anchors them), then the communities to bring back are created; communities the
 * target lacks are dissolved when their last unit leaves. Attribute updates follow, then facilities
 * and paths. What the edit language cannot say — a facility of the region brought back after its
 * removal, a closed network edge reopened — is answered as a gap, for the caller to refuse.
 */

import type { ScenarioEdit } from './scenario-edit-schema.js';
import type { CommunityRecord } from './scenario-evaluator.js';
import type { FacilityRecord, ScenarioLayers } from './scenario-layers.js';

/** A scenario's state as plain data: communities, the community of each unit (by index), layers. */
export interface PlainScenarioState {
  communities: readonly CommunityRecord[];
  /** The community id of each unit, in the order of `unitIds`. */
  assignment: readonly string[];
  layers: ScenarioLayers;
}

export type RestoreGap = { kind: 'facility-removed'; id: string } | { kind: 'edge-closed'; id: number };

/** Every attribute of a community an `update` may set (all of a record but its id and street). */
function attributeChanges(from: CommunityRecord, to: CommunityRecord): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  for (const key of keys) {
    if (key === 'id' || key === 'streetId') continue;
    const before = (from as unknown as Record<string, unknown>)[key] ?? null;
    const after = (to as unknown as Record<string, unknown>)[key] ?? null;
    if (before !== after) changes[key] = after;
  }
  return changes;
}

function sameFacility(a: FacilityRecord, b: FacilityRecord): boolean {
  return (
    a.name === b.name &&
    a.category === b.category &&
    a.position[0] === b.position[0] &&
    a.position[1] === b.position[1] &&
    a.floorAreaSquareMeters === b.floorAreaSquareMeters &&
    a.landAreaSquareMeters === b.landAreaSquareMeters &&
    a.capacity === b.capacity
  );
}

/**
 * The edits that take `current` to `target` (both of one region, units in `unitIds`' order), and
 * what they cannot take back.
 */
export function restoreEdits(
  unitIds: readonly string[],
  current: PlainScenarioState,
  target: PlainScenarioState,
  regionFacilities: ReadonlyMap<string, FacilityRecord>,
): { edits: ScenarioEdit[]; gaps: RestoreGap[] } {
  const edits: ScenarioEdit[] = [];
  const gaps: RestoreGap[] = [];
  const currentById = new Map(current.communities.map((record) => [record.id, record]));

  // Units to move, by the community they go to; and which kept communities keep a unit of their own.
  const incoming = new Map<string, string[]>();
  const anchored = new Set<string>();
  unitIds.forEach((unitId, index) => {
    const to = target.assignment[index];
    if (current.assignment[index] === to) anchored.add(to);
    else incoming.set(to, [...(incoming.get(to) ?? []), unitId]);
  });
  const kept = target.communities.filter((record) => currentById.has(record.id));
  const assign = (communityId: string) => {
    const moving = incoming.get(communityId);
    if (moving?.length) edits.push({ op: 'assign', unitIds: moving, communityId, dissolve: true });
  };
  for (const record of kept) if (!anchored.has(record.id)) assign(record.id);
  for (const record of kept) if (anchored.has(record.id)) assign(record.id);
  for (const record of target.communities) {
    if (currentById.has(record.id)) continue;
    const { id, name, type, streetId, ...rest } = record;
    edits.push({
      op: 'create',
      community: { ...rest, id, name, type, streetId } as Extract<
        ScenarioEdit,
        { op: 'create' }
      >['community'],
      unitIds: incoming.get(record.id) ?? [],
      dissolve: true,
    });
  }
  for (const record of kept) {
    const changes = attributeChanges(currentById.get(record.id)!, record);
    if (Object.keys(changes).length > 0)
      edits.push({
        op: 'update',
        communityId: record.id,
        changes: changes as Extract<ScenarioEdit, { op: 'update' }>['changes'],
      });
  }

  // Facilities: each one either layer changed, as the target has it.
  const facilityAt = (layers: ScenarioLayers, id: string): FacilityRecord | null | undefined =>
    layers.facilities.changed.has(id) ? layers.facilities.changed.get(id) : regionFacilities.get(id);
  const facilityIds = new Set([
    ...current.layers.facilities.changed.keys(),
    ...target.layers.facilities.changed.keys(),
  ]);
  for (const id of facilityIds) {
    const was = facilityAt(current.layers, id);
    const wanted = facilityAt(target.layers, id);
    if (!wanted) {
      if (was) edits.push({ op: 'remove-facility', facilityId: id });
      continue;
    }
    if (!was) {
      if (regionFacilities.has(id)) gaps.push({ kind: 'facility-removed', id });
      else
        edits.push({
          op: 'add-facility',
          facility: {
            id,
            name: wanted.name,
            category: wanted.category as Extract<
              ScenarioEdit,
              { op: 'add-facility' }
            >['facility']['category'],
            position: [wanted.position[0], wanted.position[1]],
            floorAreaSquareMeters: wanted.floorAreaSquareMeters,
            landAreaSquareMeters: wanted.landAreaSquareMeters,
            capacity: wanted.capacity,
          },
        });
      continue;
    }
    if (sameFacility(was, wanted)) continue;
    if (was.position[0] !== wanted.position[0] || was.position[1] !== wanted.position[1])
      edits.push({ op: 'move-facility', facilityId: id, position: [wanted.position[0], wanted.position[1]] });
    const changes: Record<string, unknown> = {};
    for (const key of [
      'name',
      'category',
      'floorAreaSquareMeters',
      'landAreaSquareMeters',
      'capacity',
    ] as const)
      if (was[key] !== wanted[key]) changes[key] = wanted[key];
    if (Object.keys(changes).length > 0)
      edits.push({
        op: 'update-facility',
        facilityId: id,
        changes: changes as Extract<ScenarioEdit, { op: 'update-facility' }>['changes'],
      });
  }

  // Paths: added ones the target lacks are removed, those it has are drawn again; edges it closes are closed.
  const wantedPaths = new Set(target.layers.paths.added.map((path) => path.id));
  const havePaths = new Set(current.layers.paths.added.map((path) => path.id));
  const dropped = current.layers.paths.added
    .filter((path) => !wantedPaths.has(path.id))
    .map((path) => path.id);
  if (dropped.length > 0) edits.push({ op: 'close-path', edgeIds: dropped });
  for (const path of target.layers.paths.added) {
    if (havePaths.has(path.id)) continue;
    edits.push({
      op: 'add-path',
      id: path.id,
      line: { type: 'LineString', coordinates: path.coordinates.map(([lon, lat]) => [lon, lat]) },
      ...(path.name ? { name: path.name } : {}),
    });
  }
  const closedNow = new Set(current.layers.paths.closedEdgeIds);
  const closedWanted = new Set(target.layers.paths.closedEdgeIds);
  const toClose = [...closedWanted].filter((edgeId) => !closedNow.has(edgeId));
  if (toClose.length > 0) edits.push({ op: 'close-path', edgeIds: toClose });
  for (const edgeId of closedNow)
    if (!closedWanted.has(edgeId)) gaps.push({ kind: 'edge-closed', id: edgeId });
  return { edits, gaps };
}
