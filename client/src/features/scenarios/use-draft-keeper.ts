/**
 * Keeps the open scenario's unsaved edits in the browser's storage (draft-store.ts) at every change,
 * and gives them back when the scenario is opened again (a reload, a new tab, a link, a restarted
 * browser): applied on top of the saved state as pending edits, with a notice saying so, and that
 * the scenario has since moved on when it has. A save, a discard or a confirmed close forgets them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { readDraft, removeDrafts, writeDraft } from './draft-store';
import type { PendingEdit, ScenarioSession } from './scenario-session';

/** What the notice of a restored draft says. */
export interface DraftNotice {
  scenarioId: string;
  /** The saved version the edits were made on. */
  draftVersion: number;
  /** The version the scenario is at now (higher: it moved on since). */
  currentVersion: number;
  /** When the draft was last written (ISO 8601). */
  savedAt: string;
  restored: number;
  /** Edits the current state no longer takes, left out. */
  dropped: number;
}

export interface DraftKeeper {
  notice: DraftNotice | null;
  dismissNotice: () => void;
  /** Forget the open scenario's draft (saved, or its edits discarded). */
  forget: () => void;
  /** Whether the browser kept the last change (false: storage full or disabled). */
  stored: boolean;
}

export function useDraftKeeper(
  regionId: string | null,
  openId: string | null,
  session: ScenarioSession | null,
  revision: number,
  bump: () => void,
): DraftKeeper {
  const [notice, setNotice] = useState<DraftNotice | null>(null);
  const [stored, setStored] = useState(true);
  // Sessions already offered their draft: one rebuilt after a save or discard finds none anyway.
  const checked = useRef(new WeakSet<ScenarioSession>());
  // What was written last, so a change that leaves the pending edits as they were writes nothing.
  const written = useRef<{ session: ScenarioSession; count: number; last: PendingEdit | undefined } | null>(
    null,
  );

  // A new session: give it the draft kept for its scenario, once.
  useEffect(() => {
    if (!regionId || !session || checked.current.has(session)) return;
    checked.current.add(session);
    if (session.pendingEdits().length > 0) return;
    const draft = readDraft(regionId, session.saved.id);
    if (!draft) return;
    const { applied, dropped } = session.restoreDraft(draft.edits, draft.version);
    setNotice({
      scenarioId: session.saved.id,
      draftVersion: draft.version,
      currentVersion: session.saved.version,
      savedAt: draft.savedAt,
      restored: applied,
      dropped,
    });
    bump();
  }, [regionId, session, bump]);

  // Every change of the pending edits is written (a stroke in progress is not an edit yet).
  useEffect(() => {
    if (!regionId || !session || !checked.current.has(session)) return;
    const entries = session.pendingEdits();
    const last = entries.at(-1);
    const before = written.current;
    if (before && before.session === session && before.count === entries.length && before.last === last)
      return;
    written.current = { session, count: entries.length, last };
    // A fresh session with nothing pending has nothing to write, nor to forget (a draft of it was
    // just restored, or there is none).
    if (entries.length === 0 && (!before || before.session !== session)) return;
    if (entries.length === 0) removeDrafts(regionId, session.saved.id);
    else setStored(writeDraft(regionId, session.saved.id, session.editsBaseVersion, entries));
  }, [regionId, session, revision]);

  // Another scenario open: the notice was about the last one.
  useEffect(() => {
    setNotice((current) => (current && current.scenarioId !== openId ? null : current));
  }, [openId]);

  const forget = useCallback(() => {
    setNotice(null);
    if (regionId && openId) removeDrafts(regionId, openId);
  }, [regionId, openId]);
  const dismissNotice = useCallback(() => setNotice(null), []);
  return { notice, dismissNotice, forget, stored };
}
