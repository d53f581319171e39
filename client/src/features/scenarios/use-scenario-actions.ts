/**
 * What changes scenarios on the server: create (from the baseline or a copy), rename, delete, and
 * save the open scenario's pending edits against the version they were made on (rebased when
 * someone saved first: use-save-rebase.ts). Each drops the cached reads it changed; a rename's 409
 * and a save's 400 (an edit refused) become messages on the panel, other failures notices.
 */
import { useCallback, useState } from 'react';
import { createScenario, deleteScenario, saveScenario } from '../../lib/api';
import type { ScenarioSummary } from '../../lib/api-types';
import { reportError } from '../../lib/notices';
import { removeDrafts } from './draft-store';
import { saveRefusalMessage, type ScenarioMessage } from './scenario-message';
import type { OpenScenario } from './use-open-scenario';
import { useSaveRebase, type SaveRebase } from './use-save-rebase';

export interface ScenarioActions extends SaveRebase {
  /** A create, rename or delete is on its way. */
  busy: boolean;
  createNew: (name: string, basedOn: string) => void;
  duplicate: (scenario: ScenarioSummary, name: string) => void;
  rename: (scenario: ScenarioSummary, name: string) => void;
  remove: (scenario: ScenarioSummary) => void;
}

export interface ActionsInput {
  regionId: string | null;
  opened: OpenScenario;
  /** Open a scenario, its view reset (the editor's `open`). */
  open: (id: string) => void;
  /** Read the region's scenario list again; resolves once it has arrived. */
  refreshList: () => Promise<void>;
  /** The message the panel shows (a save's conflict is answered from it). */
  message: ScenarioMessage | null;
  setMessage: (message: ScenarioMessage | null) => void;
  /** Forget the open scenario's draft kept in the browser (its edits are saved). */
  forgetDraft: () => void;
}

export function useScenarioActions({
  regionId,
  opened,
  open,
  refreshList,
  message,
  setMessage,
  forgetDraft,
}: ActionsInput): ScenarioActions {
  const [busy, setBusy] = useState(false);
  const { openId, sessionRef, close, bump, markStateStale } = opened;

  const createNew = useCallback(
    (name: string, basedOn: string) => {
      if (!regionId) return;
      setBusy(true);
      void createScenario(regionId, { name, basedOn }).then(async (result) => {
        setBusy(false);
        if (!result.ok) {
          reportError(result.error);
          return;
        }
        await refreshList();
        open(result.data.id);
      });
    },
    [regionId, refreshList, open],
  );
  const duplicate = useCallback(
    (scenario: ScenarioSummary, name: string) => createNew(name, scenario.id),
    [createNew],
  );

  const rename = useCallback(
    (scenario: ScenarioSummary, name: string) => {
      const current = sessionRef.current;
      const isOpen = scenario.id === openId && current;
      const version = isOpen ? current.saved.version : scenario.version;
      setBusy(true);
      void saveScenario(scenario.id, { version, edits: [], name }).then(async (result) => {
        setBusy(false);
        if (!result.ok) {
          if (result.error.status === 409) setMessage(saveRefusalMessage(result.error));
          else reportError(result.error);
          return;
        }
        // Only the name changed: the open state stays valid at the new version.
        if (isOpen) current.advanceSavedVersion(result.data.version);
        markStateStale(scenario.id);
        await refreshList();
        bump();
      });
    },
    [sessionRef, openId, refreshList, setMessage, markStateStale, bump],
  );

  const remove = useCallback(
    (scenario: ScenarioSummary) => {
      setBusy(true);
      void deleteScenario(scenario.id).then(async (result) => {
        setBusy(false);
        if (!result.ok) {
          reportError(result.error);
          return;
        }
        if (regionId) removeDrafts(regionId, scenario.id);
        if (scenario.id === openId) close();
        await refreshList();
      });
    },
    [regionId, openId, close, refreshList],
  );

  const rebase = useSaveRebase({ regionId, opened, open, refreshList, message, setMessage, forgetDraft });

  return { busy, createNew, duplicate, rename, remove, ...rebase };
}
