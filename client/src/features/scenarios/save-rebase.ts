/**
 * The pure readings of a save that lost the race (409), rebased on the current version: the saves
 * others made since the version the pending edits were made on (from the scenario's edit log),
 * which pending edits collide with them (core/scenario/save-conflicts.ts), and what the planner is
 * told — merged and saved, or which edits collide with whose save.
 */
import {
  findSaveConflicts,
  withRefusedEdit,
  type EditConflict,
  type OtherSave,
} from '../../../../core/scenario/save-conflicts';
import type { ScenarioDetailAnswer } from '../../lib/api-types';
import type { ScenarioEdit } from './scenario-core';

export type { EditConflict, OtherSave };

/** What a rebase read of the scenario: where it is now and the saves made since the edits' version. */
export interface RebaseBase {
  /** The version the pending edits were made on. */
  baseVersion: number;
  /** The version the scenario is at now. */
  currentVersion: number;
  /** The saves since `baseVersion`, oldest first. */
  saves: OtherSave[];
}

/** The saves of the edit log above `baseVersion`, oldest first. */
export function savesSince(
  detail: Pick<ScenarioDetailAnswer, 'version' | 'edits'>,
  baseVersion: number,
): RebaseBase {
  return {
    baseVersion,
    currentVersion: detail.version,
    saves: detail.edits
      .filter((entry) => entry.version > baseVersion)
      .sort((a, b) => a.version - b.version)
      .map((entry) => ({
        version: entry.version,
        author: entry.author,
        createdAt: entry.createdAt,
        edits: entry.edits,
      })),
  };
}

/** The pending edits that collide with the saves since their version (empty: replay them all). */
export function rebaseConflicts(pending: readonly ScenarioEdit[], base: RebaseBase): EditConflict[] {
  return findSaveConflicts(pending, base.saves, base.baseVersion);
}

/** The conflicts with pending edit `index` added, refused by the current version (a replay's 400). */
export function withRefused(
  conflicts: readonly EditConflict[],
  index: number,
  base: RebaseBase,
): EditConflict[] {
  return withRefusedEdit(conflicts, index, base.saves, base.baseVersion);
}

/** The pending edits that collide with none, and the indices of those dropped. */
export function editsWithout<T>(pending: readonly T[], conflicts: readonly EditConflict[]): T[] {
  const dropped = new Set(conflicts.map((conflict) => conflict.index));
  return pending.filter((_, index) => !dropped.has(index));
}

/**
 * The words of a merged save: the authors (each once, in the order they saved, "someone" left to
 * the caller as null) and the versions others made.
 */
export function mergedSaves(saves: readonly Pick<OtherSave, 'version' | 'author'>[]): {
  authors: (string | null)[];
  versions: number[];
} {
  return {
    authors: [...new Set(saves.map((save) => save.author))],
    versions: saves.map((save) => save.version),
  };
}
