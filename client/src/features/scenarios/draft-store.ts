/**
 * Unsaved edits kept in the browser's storage, so a reload, a closed tab or a crashed browser loses
 * none: one draft per region and scenario, keyed also by the saved version the edits were made on
 * (`lifecircle.draft:<region>:<scenario>:<version>`), holding the pending edits as the session has
 * them (each edit with how the client resolved it). Storage that is full or disabled keeps nothing
 * and says so by answering false; the editor goes on as before.
 */
import type { PendingEdit } from './scenario-session';

const PREFIX = 'lifecircle.draft:';

export interface StoredDraft {
  regionId: string;
  scenarioId: string;
  /** The saved version the edits apply on. */
  version: number;
  /** When the draft was last written (ISO 8601). */
  savedAt: string;
  edits: PendingEdit[];
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function scenarioPrefix(regionId: string, scenarioId: string): string {
  return `${PREFIX}${encodeURIComponent(regionId)}:${encodeURIComponent(scenarioId)}:`;
}

export function draftKey(regionId: string, scenarioId: string, version: number): string {
  return `${scenarioPrefix(regionId, scenarioId)}${version}`;
}

/** Every stored key of one scenario's drafts (of any version). */
function keysOf(store: Storage, regionId: string, scenarioId: string): string[] {
  const prefix = scenarioPrefix(regionId, scenarioId);
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function isDraft(value: unknown): value is StoredDraft {
  const draft = value as Partial<StoredDraft> | null;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.version === 'number' &&
    typeof draft.savedAt === 'string' &&
    Array.isArray(draft.edits) &&
    draft.edits.every((entry) => typeof entry === 'object' && entry !== null && 'edit' in entry)
  );
}

/** The scenario's stored draft (the one of the highest version when several were left), or null. */
export function readDraft(regionId: string, scenarioId: string): StoredDraft | null {
  const store = storage();
  if (!store) return null;
  let found: StoredDraft | null = null;
  for (const key of keysOf(store, regionId, scenarioId)) {
    try {
      const value: unknown = JSON.parse(store.getItem(key) ?? 'null');
      if (isDraft(value) && value.edits.length > 0 && (!found || value.version > found.version))
        found = { ...value, regionId, scenarioId };
    } catch {
      // Not a draft this client wrote: left alone.
    }
  }
  return found;
}

/**
 * Keeps the pending edits made on `version` as the scenario's one draft (drafts of other versions
 * go); false when the browser would not store it.
 */
export function writeDraft(
  regionId: string,
  scenarioId: string,
  version: number,
  edits: readonly PendingEdit[],
): boolean {
  const store = storage();
  if (!store) return false;
  const key = draftKey(regionId, scenarioId, version);
  const draft: StoredDraft = {
    regionId,
    scenarioId,
    version,
    savedAt: new Date().toISOString(),
    edits: [...edits],
  };
  try {
    for (const other of keysOf(store, regionId, scenarioId)) if (other !== key) store.removeItem(other);
    store.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets every draft of the scenario (saved, discarded, or the scenario deleted). */
export function removeDrafts(regionId: string, scenarioId: string): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of keysOf(store, regionId, scenarioId)) store.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
