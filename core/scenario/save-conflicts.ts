/**
 * What a save that lost the race (409) can keep: which objects each edit touches, and which of the
 * planner's pending edits collide with the saves others made since the version the edits were made
 * on. Pending edits that collide with none are replayed on the current version; the others are
 * shown with whose save they collide with.
 *
 * Two kinds of touch on a community: an edit that changes the community itself (its attributes,
 * outline, a split, a merge, a conversion, its creation) *shapes* it; one that only moves units into
 * it *joins* it. Two joins of the same community do not collide (two planners moving different
 * units into it); a shape collides with any touch of the same community (a rename and a move into
 * it, a merge and an attribute change). Units moved by both, facilities and paths or network edges
 * touched by both collide.
 */

import type { ScenarioEdit } from './scenario-edit-schema.js';

/** The kinds of object an edit can touch. */
export const TOUCHED_KINDS = ['unit', 'community', 'facility', 'path', 'edge'] as const;
export type TouchedKind = (typeof TOUCHED_KINDS)[number];

/** One object an edit touches: a unit, a community, a facility, an added path or a network edge. */
export interface TouchedObject {
  kind: TouchedKind;
  id: string;
}

/** What one edit touches, by kind. */
export interface EditTouch {
  /** Units the edit moves by name (assign, create); an outline's units are its communities'. */
  units: ReadonlySet<string>;
  /** Communities the edit changes itself: attributes, outline, split, merge, conversion, creation. */
  shapedCommunities: ReadonlySet<string>;
  /** Communities the edit only moves units into (an assign's target, an outline's `outsideTo`). */
  joinedCommunities: ReadonlySet<string>;
  /** Facilities moved, changed, removed, or added under a given id. */
  facilities: ReadonlySet<string>;
  /** Paths the scenario added (their ids): added under a given id, or closed. */
  paths: ReadonlySet<string>;
  /** Network edges closed (their ids as text). */
  edges: ReadonlySet<string>;
}

const set = (values: readonly string[] = []): ReadonlySet<string> => new Set(values);

/** What `edit` touches (pure; ids as the edit names them). */
export function editTouches(edit: ScenarioEdit): EditTouch {
  const touch = {
    units: set(),
    shapedCommunities: set(),
    joinedCommunities: set(),
    facilities: set(),
    paths: set(),
    edges: set(),
  };
  switch (edit.op) {
    case 'assign':
      return { ...touch, units: set(edit.unitIds), joinedCommunities: set([edit.communityId]) };
    case 'redraw':
      return {
        ...touch,
        shapedCommunities: set([edit.communityId]),
        joinedCommunities: set(edit.outsideTo ? [edit.outsideTo] : []),
      };
    case 'split':
      return {
        ...touch,
        shapedCommunities: set([edit.communityId, ...(edit.newCommunity.id ? [edit.newCommunity.id] : [])]),
      };
    case 'merge':
      return { ...touch, shapedCommunities: set([...edit.communityIds, edit.into]) };
    case 'create':
      return {
        ...touch,
        units: set(edit.unitIds),
        shapedCommunities: set(edit.community.id ? [edit.community.id] : []),
      };
    case 'update':
    case 'convert-village':
      return { ...touch, shapedCommunities: set([edit.communityId]) };
    case 'add-facility':
      return { ...touch, facilities: set(edit.facility.id ? [edit.facility.id] : []) };
    case 'move-facility':
    case 'update-facility':
    case 'remove-facility':
      return { ...touch, facilities: set([edit.facilityId]) };
    case 'add-path':
      return { ...touch, paths: set(edit.id ? [edit.id] : []) };
    case 'close-path':
      return {
        ...touch,
        paths: set(edit.edgeIds.filter((id): id is string => typeof id === 'string')),
        edges: set(edit.edgeIds.filter((id) => typeof id === 'number').map(String)),
      };
  }
}

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] => [...a].filter((id) => b.has(id));

/** The objects both edits touch in a way that collides (empty: they do not collide). */
export function collidingObjects(pending: EditTouch, saved: EditTouch): TouchedObject[] {
  const communities = new Set([
    ...shared(pending.shapedCommunities, saved.shapedCommunities),
    ...shared(pending.shapedCommunities, saved.joinedCommunities),
    ...shared(pending.joinedCommunities, saved.shapedCommunities),
  ]);
  return [
    ...shared(pending.units, saved.units).map((id) => ({ kind: 'unit' as const, id })),
    ...[...communities].map((id) => ({ kind: 'community' as const, id })),
    ...shared(pending.facilities, saved.facilities).map((id) => ({ kind: 'facility' as const, id })),
    ...shared(pending.paths, saved.paths).map((id) => ({ kind: 'path' as const, id })),
    ...shared(pending.edges, saved.edges).map((id) => ({ kind: 'edge' as const, id })),
  ];
}

/** One save made by someone else since the pending edits' version (an entry of the edit log). */
export interface OtherSave {
  version: number;
  author: string | null;
  /** When it was saved (ISO 8601). */
  createdAt: string;
  edits: readonly ScenarioEdit[];
}

/** A save a pending edit collides with, and the objects both touch. */
export interface CollidingSave {
  version: number;
  author: string | null;
  createdAt: string;
  objects: TouchedObject[];
}

/** A pending edit that collides with one or more saves. */
export interface EditConflict {
  /** Its index among the pending edits. */
  index: number;
  saves: CollidingSave[];
}

/**
 * Which pending edits collide with which saves of others (those with a version above `baseVersion`,
 * the one the pending edits were made on), pending edits in their order, saves oldest first.
 * Empty: every pending edit can be replayed on the current version.
 */
export function findSaveConflicts(
  pending: readonly ScenarioEdit[],
  saves: readonly OtherSave[],
  baseVersion: number,
): EditConflict[] {
  const newer = saves
    .filter((save) => save.version > baseVersion)
    .sort((a, b) => a.version - b.version)
    .map((save) => ({ save, touches: save.edits.map(editTouches) }));
  const conflicts: EditConflict[] = [];
  for (const [index, edit] of pending.entries()) {
    const touch = editTouches(edit);
    const colliding: CollidingSave[] = [];
    for (const { save, touches } of newer) {
      const objects = new Map<string, TouchedObject>();
      for (const savedTouch of touches)
        for (const object of collidingObjects(touch, savedTouch))
          objects.set(`${object.kind}:${object.id}`, object);
      if (objects.size > 0)
        colliding.push({
          version: save.version,
          author: save.author,
          createdAt: save.createdAt,
          objects: [...objects.values()],
        });
    }
    if (colliding.length > 0) conflicts.push({ index, saves: colliding });
  }
  return conflicts;
}

/**
 * Adds pending edit `index` to the conflicts as refused by the current version (the replay's 400
 * named it): it collides with every save since `baseVersion`, as no object says which.
 */
export function withRefusedEdit(
  conflicts: readonly EditConflict[],
  index: number,
  saves: readonly OtherSave[],
  baseVersion: number,
): EditConflict[] {
  if (conflicts.some((conflict) => conflict.index === index)) return [...conflicts];
  const refusedBy = saves
    .filter((save) => save.version > baseVersion)
    .sort((a, b) => a.version - b.version)
    .map(({ version, author, createdAt }) => ({ version, author, createdAt, objects: [] }));
  return [...conflicts, { index, saves: refusedBy }].sort((a, b) => a.index - b.index);
}
