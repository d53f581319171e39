/**
 * The scenario edits that turn a street's current communities into a proposed partition, in the
 * edit language of core/scenario/scenario-edit-schema.ts: one `create` per new community (with all
 * its units), then one `assign` per continuing community that gains units. A community left with
 * none is dissolved by the edit that empties it (`dissolve: true`); a continuing community always
 * keeps at least one of its own units, so it is never emptied on the way.
 */

import type { ScenarioEdit } from '../scenario/scenario-edit-schema.js';
import type { CommunityTypeId } from '../standards/community-types.js';

/** A community of the proposal as the edits need it. */
export interface AdoptedCommunity {
  /** The community it continues (keeps its id, name, type and surveyed figures), or null for a new one. */
  communityId: string | null;
  /** For a new community: its name, English name and type. */
  name: string;
  nameEn: string | null;
  type: CommunityTypeId;
}

export type CreateEdit = Extract<ScenarioEdit, { op: 'create' }>;
export type AssignEdit = Extract<ScenarioEdit, { op: 'assign' }>;

/**
 * Edits adopting `communityOf` (index into `communities` per unit, −1 for a unit left where it is)
 * over `current` (each unit's community now). Throws when a continuing community would hold none
 * of its own units (the caller makes such a community new instead).
 */
export function adoptionEdits(
  streetId: string,
  unitIds: readonly string[],
  current: readonly string[],
  communityOf: Int32Array,
  communities: readonly AdoptedCommunity[],
): { edits: (CreateEdit | AssignEdit)[]; dissolved: string[] } {
  const unitsLeft = new Map<string, number>();
  for (const id of current) unitsLeft.set(id, (unitsLeft.get(id) ?? 0) + 1);
  const moving: string[][] = communities.map(() => []);
  const keepsOwn = new Uint8Array(communities.length);
  communityOf.forEach((d, u) => {
    if (d < 0) return;
    const target = communities[d].communityId;
    if (target === current[u]) keepsOwn[d] = 1;
    else moving[d].push(unitIds[u]);
  });
  communities.forEach((community, d) => {
    if (community.communityId !== null && !keepsOwn[d])
      throw new Error(`community ${community.communityId} would keep none of its own units`);
  });

  const unitIndex = new Map(unitIds.map((id, u) => [id, u]));
  const dissolved: string[] = [];
  /** Takes the edit's units out of their communities; whether one of them was emptied. */
  const empties = (ids: readonly string[]): boolean => {
    let emptied = false;
    for (const id of ids) {
      const from = current[unitIndex.get(id)!];
      const left = unitsLeft.get(from)! - 1;
      unitsLeft.set(from, left);
      if (left === 0) {
        emptied = true;
        dissolved.push(from);
      }
    }
    return emptied;
  };

  const edits: (CreateEdit | AssignEdit)[] = [];
  communities.forEach((community, d) => {
    if (community.communityId !== null || moving[d].length === 0) return;
    const edit: CreateEdit = {
      op: 'create',
      community: {
        name: community.name,
        ...(community.nameEn ? { nameEn: community.nameEn } : {}),
        type: community.type,
        streetId,
      },
      unitIds: moving[d],
    };
    if (empties(moving[d])) edit.dissolve = true;
    edits.push(edit);
  });
  communities.forEach((community, d) => {
    if (community.communityId === null || moving[d].length === 0) return;
    const edit: AssignEdit = { op: 'assign', unitIds: moving[d], communityId: community.communityId };
    if (empties(moving[d])) edit.dissolve = true;
    edits.push(edit);
  });
  return { edits, dissolved };
}
