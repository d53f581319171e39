/**
 * What the scenarios panel tells the planner after an action (features/scenarios/message-box.tsx
 * words it), and the pure readings of outcomes and refusals that produce it.
 */
import type { ApiError } from '../../lib/api';
import type { EditConflict, RebaseBase } from './save-rebase';
import type { PaintRefusal, PendingEdit, SessionOutcome } from './scenario-session';

/** Someone saved first and some pending edits collide with their saves (use-save-rebase.ts). */
export interface RebaseConflictMessage {
  kind: 'rebase-conflict';
  scenarioId: string;
  base: RebaseBase;
  conflicts: EditConflict[];
  /** The pending edits the conflicts were found among (their indices are these). */
  entries: PendingEdit[];
}

export type ScenarioMessage =
  | { kind: 'refused'; reason: string }
  | { kind: 'skipped'; otherStreet: number; lastUnit: number }
  | { kind: 'need-community' }
  | { kind: 'conflict'; currentVersion: number | null }
  /** The server refused a save (400): its answer names the refused edit. */
  | { kind: 'server'; error: ApiError }
  | { kind: 'saved'; version: number }
  /**
   * Someone saved first (`over` the version found); none of the `count` pending edits collided with
   * their `saves` (none: the scenario was only renamed): saved on top as `version`.
   */
  | {
      kind: 'rebased';
      version: number;
      over: number;
      count: number;
      saves: { version: number; author: string | null }[];
    }
  | RebaseConflictMessage
  /** After a conflict: the `saved` edits that collided with nothing saved as `version`, `dropped` dropped. */
  | { kind: 'saved-rest'; version: number; saved: number; dropped: number }
  /** After a conflict: the colliding edits dropped, `kept` pending on `version`. */
  | { kind: 'kept-rest'; version: number; kept: number; dropped: number }
  /** After a conflict: every pending edit saved in a new scenario. */
  | { kind: 'saved-as-new'; name: string; version: number; count: number }
  /** An earlier version saved again as `version`. */
  | { kind: 'restored'; version: number; from: number }
  | { kind: 'moved'; moved: number; otherStreet: number };

/** Nothing to say after a good outcome; the refusal's reason after a bad one. */
export function outcomeMessage(outcome: SessionOutcome): ScenarioMessage | null {
  return outcome.ok ? null : { kind: 'refused', reason: outcome.reason };
}

/** After an applied edit: how many units stayed behind in another street, if any did. */
export function appliedMessage(moved: number, otherStreet: number | undefined): ScenarioMessage | null {
  return otherStreet ? { kind: 'moved', moved, otherStreet } : null;
}

/** After a brush stroke: the units it could not take (another street's, a community's last), if any. */
export function strokeMessage(refused: ReadonlyMap<PaintRefusal, number>): ScenarioMessage | null {
  const otherStreet = refused.get('other-street') ?? 0;
  const lastUnit = refused.get('last-unit') ?? 0;
  return otherStreet + lastUnit > 0 ? { kind: 'skipped', otherStreet, lastUnit } : null;
}

/** The version a 409's answer says the server holds, when it says one. */
export function currentVersionOf(body: unknown): number | null {
  const version = (body as { currentVersion?: unknown } | null | undefined)?.currentVersion;
  return typeof version === 'number' ? version : null;
}

/**
 * What a refused save means for the planner: a conflict (someone saved first) to reload, a refused
 * edit (400) to read, or null for a failure the notice stack shows.
 */
export function saveRefusalMessage(error: ApiError): ScenarioMessage | null {
  if (error.status === 409) return { kind: 'conflict', currentVersion: currentVersionOf(error.body) };
  if (error.status === 400) return { kind: 'server', error };
  return null;
}
