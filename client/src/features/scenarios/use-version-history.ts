/**
 * The open scenario's saved versions (`GET /api/scenarios/:id/versions`), one of them viewed
 * read-only, and one restored as a new version. A viewed version is a session of its own over the
 * saved state with the edits that take it to that version applied (core/scenario/restore-edits.ts,
 * the very edits a restore saves): the map marks the units it has elsewhere and the facilities and
 * paths it has otherwise, and every figure is that version's. The editing session, with its pending
 * edits, is left as it was; the tools stay off while a version is viewed.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { restoreEdits } from '../../../../core/scenario/restore-edits';
import { scenarioLayers, type FacilityRecord } from '../../../../core/scenario/scenario-layers';
import { restoreScenarioVersion, type ApiError } from '../../lib/api';
import type { ScenarioVersionEntry } from '../../lib/api-types';
import { reportError } from '../../lib/notices';
import { useScenarioVersionStateRead, useScenarioVersionsRead } from '../../lib/reads';
import { decodeScenarioState } from './evaluator-input';
import type { ScenarioMessage } from './scenario-message';
import { ScenarioSession } from './scenario-session';
import type { OpenScenario } from './use-open-scenario';

export interface ViewedVersion {
  version: number;
  session: ScenarioSession;
  /** Differences the viewed session could not show (a facility brought back, an edge reopened). */
  unshown: number;
}

export interface VersionHistory {
  /** Every version, newest first; null until read. */
  versions: ScenarioVersionEntry[] | null;
  loading: boolean;
  /** The version asked to be viewed (its session may still be loading). */
  viewingVersion: number | null;
  viewed: ViewedVersion | null;
  view: (version: number) => void;
  stopViewing: () => void;
  restore: (version: number) => void;
  restoring: boolean;
}

/** The message after a refused restore: a conflict to reload when it is stale, else the server's reason. */
function restoreRefusal(error: ApiError): ScenarioMessage {
  const body = error.body as { code?: string; currentVersion?: number } | null;
  if (error.status === 409 && body?.code === 'scenario.stale-version')
    return { kind: 'conflict', currentVersion: body.currentVersion ?? null };
  return { kind: 'server', error };
}

export function useVersionHistory(input: {
  regionId: string | null;
  opened: OpenScenario;
  refreshList: () => Promise<void>;
  setMessage: (message: ScenarioMessage | null) => void;
}): VersionHistory {
  const { regionId, opened, refreshList, setMessage } = input;
  const { openId, session, unitIndex, refreshState } = opened;
  const savedVersion = session?.saved.version ?? null;
  const [viewingVersion, setViewingVersion] = useState<number | null>(null);
  const [restoring, setRestoring] = useState(false);

  // Another scenario, or a new saved version: the viewed one is put away.
  useEffect(() => setViewingVersion(null), [openId, savedVersion]);

  const versionsRead = useScenarioVersionsRead(
    regionId && openId && savedVersion !== null
      ? { regionId, scenarioId: openId, version: savedVersion }
      : null,
  );
  const stateRead = useScenarioVersionStateRead(
    regionId && openId && viewingVersion !== null
      ? { regionId, scenarioId: openId, version: viewingVersion }
      : null,
  );
  const answer = stateRead.data;

  const viewed = useMemo((): ViewedVersion | null => {
    if (!session || !unitIndex || !answer || answer.id !== openId || answer.version !== viewingVersion)
      return null;
    const { region, layerContext, saved } = session;
    const target = decodeScenarioState(answer, region.units.length);
    const changed = new Map<string, FacilityRecord | null>(
      answer.facilityChanges.map((entry) => [entry.id, entry.facility as FacilityRecord | null]),
    );
    const targetLayers = scenarioLayers(changed, answer.addedPaths, answer.closedEdgeIds);
    const { edits, gaps } = restoreEdits(
      region.units.map((unit) => unit.id),
      { communities: saved.communities, assignment: saved.assignment, layers: layerContext.saved },
      { communities: target.communities, assignment: target.assignment, layers: targetLayers },
      layerContext.regionFacilities,
    );
    // Communities of the baseline come back under their own ids, as a restore saves them.
    const viewedSession = new ScenarioSession(
      { ...region, reservedCommunityIds: new Set() },
      saved,
      unitIndex,
      layerContext,
    );
    const { dropped } = viewedSession.restoreDraft(
      edits.map((edit) => ({ edit, resolved: {} })),
      saved.version,
    );
    return { version: answer.version, session: viewedSession, unshown: gaps.length + dropped };
  }, [session, unitIndex, answer, openId, viewingVersion]);

  useEffect(() => {
    if (stateRead.error) {
      reportError(stateRead.error);
      setViewingVersion(null);
    }
  }, [stateRead.error]);

  const view = useCallback(
    (version: number) => setViewingVersion(version === savedVersion ? null : version),
    [savedVersion],
  );
  const stopViewing = useCallback(() => setViewingVersion(null), []);

  const restore = useCallback(
    (version: number) => {
      if (!openId || savedVersion === null) return;
      setRestoring(true);
      void restoreScenarioVersion(openId, version, savedVersion).then(async (result) => {
        if (!result.ok) {
          setRestoring(false);
          setMessage(restoreRefusal(result.error));
          return;
        }
        setMessage({ kind: 'restored', version: result.data.version, from: version });
        await Promise.all([refreshState(), refreshList()]);
        setRestoring(false);
      });
    },
    [openId, savedVersion, refreshState, refreshList, setMessage],
  );

  return {
    versions: versionsRead.data?.scenario.id === openId ? (versionsRead.data?.versions ?? null) : null,
    loading: versionsRead.loading,
    viewingVersion,
    viewed,
    view,
    stopViewing,
    restore,
    restoring,
  };
}
