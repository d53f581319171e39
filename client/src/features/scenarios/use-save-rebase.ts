/**
 * Saving the open scenario's pending edits, rebased when someone saved first (409): the saves made
 * since the edits' version are read from the edit log (save-rebase.ts); when no pending edit
 * collides with them, the same edits are saved on the current version and the planner is told
 * whose saves were merged; when some collide (or the current version refuses one, a 400 naming
 * `edits[i]`), the panel lists them with whose save they collide with, and the planner saves the
 * rest, drops the colliding ones (the rest stay pending on the current version), or saves all as a
 * new scenario copied at the version the edits were made on. Never a silent overwrite.
 */
import { useCallback, useState } from 'react';
import { createScenario, fetchScenario, saveScenario, type ApiError } from '../../lib/api';
import { reportError } from '../../lib/notices';
import { removeDrafts, writeDraft } from './draft-store';
import { refusedEditIndex } from './edit-text';
import { editsWithout, rebaseConflicts, savesSince, withRefused, type EditConflict } from './save-rebase';
import type { ScenarioEdit } from './scenario-core';
import { saveRefusalMessage, type RebaseConflictMessage, type ScenarioMessage } from './scenario-message';
import type { PendingEdit } from './scenario-session';
import type { ActionsInput } from './use-scenario-actions';

/** Most times a replay that meets yet another newer save is rebased again. */
const MAX_REBASES = 3;

export interface SaveRebase {
  /** Save the pending edits (rebased on the current version when someone saved first). */
  save: () => void;
  /** A save, a rebase or a conflict choice is on its way. */
  saving: boolean;
  /** After a conflict: save the edits that collide with nothing on the current version. */
  saveRest: () => void;
  /** After a conflict: drop the colliding edits; the rest stay pending on the current version. */
  dropConflicting: () => void;
  /** After a conflict: save every pending edit as a new scenario named `name`. */
  saveAsNew: (name: string) => void;
}

/** What the rebase works with: the same as the scenario actions it belongs to. */
export type SaveRebaseInput = ActionsInput;

const isStale = (error: ApiError) =>
  error.status === 409 && (error.body as { code?: unknown } | null)?.code === 'scenario.stale-version';

export function useSaveRebase({
  regionId,
  opened,
  open,
  refreshList,
  message,
  setMessage,
  forgetDraft,
}: SaveRebaseInput): SaveRebase {
  const [saving, setSaving] = useState(false);
  const { openId, sessionRef, refreshState, reloadState, markStateStale } = opened;

  /** Saved: the draft goes, the message says so, the new version is read (the edits not offered again). */
  const finishSaved = useCallback(
    async (saved: ScenarioMessage) => {
      forgetDraft();
      setMessage(saved);
      await Promise.all([refreshState(), refreshList()]);
    },
    [forgetDraft, setMessage, refreshState, refreshList],
  );

  /** A refusal that is not a conflict: the panel's message for a 400, else a notice. */
  const refuse = useCallback(
    (error: ApiError) => {
      const refusal = saveRefusalMessage(error);
      if (refusal && refusal.kind !== 'conflict') setMessage(refusal);
      else reportError(error);
    },
    [setMessage],
  );

  /** Rebases `entries`, made on `baseVersion`, on the scenario as it is now. */
  const rebase = useCallback(
    async (id: string, entries: readonly PendingEdit[], baseVersion: number, attempt = 0): Promise<void> => {
      const read = await fetchScenario(id);
      if (!read.ok) {
        reportError(read.error);
        return;
      }
      const base = savesSince(read.data, baseVersion);
      const edits = entries.map((entry) => entry.edit);
      let conflicts: EditConflict[] = rebaseConflicts(edits, base);
      if (conflicts.length === 0) {
        const replay = await saveScenario(id, { version: base.currentVersion, edits });
        if (replay.ok) {
          await finishSaved({
            kind: 'rebased',
            version: replay.data.version,
            over: base.currentVersion,
            count: edits.length,
            saves: base.saves.map(({ version, author }) => ({ version, author })),
          });
          return;
        }
        if (isStale(replay.error) && attempt < MAX_REBASES)
          return rebase(id, entries, baseVersion, attempt + 1);
        const index = replay.error.status === 400 ? refusedEditIndex(replay.error) : null;
        if (index === null || index >= edits.length) {
          refuse(replay.error);
          return;
        }
        conflicts = withRefused([], index, base);
      }
      setMessage({ kind: 'rebase-conflict', scenarioId: id, base, conflicts, entries: [...entries] });
    },
    [finishSaved, refuse, setMessage],
  );

  const save = useCallback(() => {
    const current = sessionRef.current;
    if (!current || !openId || current.pendingEdits().length === 0) return;
    const entries = [...current.pendingEdits()];
    const baseVersion = current.editsBaseVersion;
    setSaving(true);
    void (async () => {
      const result = await saveScenario(openId, {
        version: baseVersion,
        edits: entries.map((entry) => entry.edit),
      });
      if (result.ok) await finishSaved({ kind: 'saved', version: result.data.version });
      else if (isStale(result.error)) await rebase(openId, entries, baseVersion);
      else refuse(result.error);
      setSaving(false);
    })();
  }, [sessionRef, openId, finishSaved, rebase, refuse]);

  /** The conflict shown, when it is still about the open scenario's pending edits as they are. */
  const shownConflict = useCallback((): RebaseConflictMessage | null => {
    if (message?.kind !== 'rebase-conflict' || message.scenarioId !== openId) return null;
    const pending = sessionRef.current?.pendingEdits() ?? [];
    const same =
      pending.length === message.entries.length &&
      pending.every((entry, index) => entry === message.entries[index]);
    return same ? message : null;
  }, [message, openId, sessionRef]);

  const saveRest = useCallback(() => {
    const conflict = shownConflict();
    // The pending edits changed since the conflict was shown: rebase them as they are now.
    if (!conflict) return save();
    const { scenarioId, base, conflicts, entries } = conflict;
    const keptIndices = editsWithout(
      entries.map((_, index) => index),
      conflicts,
    );
    setSaving(true);
    void (async () => {
      if (keptIndices.length === 0) {
        forgetDraft();
        setMessage({ kind: 'saved-rest', version: base.currentVersion, saved: 0, dropped: conflicts.length });
        await Promise.all([reloadState(), refreshList()]);
        setSaving(false);
        return;
      }
      const rest = keptIndices.map((index) => entries[index].edit);
      const result = await saveScenario(scenarioId, { version: base.currentVersion, edits: rest });
      if (result.ok)
        await finishSaved({
          kind: 'saved-rest',
          version: result.data.version,
          saved: rest.length,
          dropped: conflicts.length,
        });
      else if (isStale(result.error)) await rebase(scenarioId, entries, base.baseVersion);
      else {
        // The current version refuses one of the rest: it collides too.
        const index = result.error.status === 400 ? refusedEditIndex(result.error) : null;
        if (index !== null && index < keptIndices.length)
          setMessage({ ...conflict, conflicts: withRefused(conflicts, keptIndices[index], base) });
        else refuse(result.error);
      }
      setSaving(false);
    })();
  }, [shownConflict, save, forgetDraft, setMessage, reloadState, refreshList, finishSaved, rebase, refuse]);

  const dropConflicting = useCallback(() => {
    const conflict = shownConflict();
    if (!conflict || !regionId) return;
    const { scenarioId, base, conflicts, entries } = conflict;
    const rest = editsWithout(entries, conflicts);
    // The rest become the draft of the current version, which the reloaded session takes up.
    if (rest.length > 0) writeDraft(regionId, scenarioId, base.currentVersion, rest);
    else removeDrafts(regionId, scenarioId);
    setSaving(true);
    void (async () => {
      await Promise.all([reloadState(), refreshList()]);
      setMessage({
        kind: 'kept-rest',
        version: base.currentVersion,
        kept: rest.length,
        dropped: conflicts.length,
      });
      setSaving(false);
    })();
  }, [shownConflict, regionId, reloadState, refreshList, setMessage]);

  const saveAsNew = useCallback(
    (name: string) => {
      const conflict = shownConflict();
      if (!conflict || !regionId) return;
      const { scenarioId, base, entries } = conflict;
      const edits: ScenarioEdit[] = entries.map((entry) => entry.edit);
      setSaving(true);
      void (async () => {
        const created = await createScenario(regionId, {
          name,
          basedOn: scenarioId,
          basedOnVersion: base.baseVersion,
        });
        if (!created.ok) {
          refuse(created.error);
          setSaving(false);
          return;
        }
        const saved = await saveScenario(created.data.id, { version: created.data.version, edits });
        await refreshList();
        if (!saved.ok) {
          refuse(saved.error);
          setSaving(false);
          return;
        }
        // Every pending edit is in the new scenario: the draft of this one goes, the new one opens;
        // this one is read again when next opened (others saved it since it was read).
        forgetDraft();
        markStateStale(scenarioId);
        open(created.data.id);
        setMessage({ kind: 'saved-as-new', name, version: saved.data.version, count: edits.length });
        setSaving(false);
      })();
    },
    [shownConflict, regionId, refuse, refreshList, forgetDraft, markStateStale, open, setMessage],
  );

  return { save, saving, saveRest, dropConflicting, saveAsNew };
}
