/**
 * The siting panel's state: the form, the run (it can take seconds: the seconds so far are shown),
 * its answer with the sites as numbered markers, and adoption (采用) — the sites' `add-facility`
 * edits saved into the open scenario against its saved version (a 409 says someone saved first),
 * or, on the baseline, into a new scenario that is then opened.
 */
import type { Layer } from '@deck.gl/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createScenario, saveScenario, type ApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { reportError } from '../../lib/notices';
import { queryKeys } from '../../lib/query-keys';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../lib/standards';
import { currentVersionOf } from '../scenarios/scenario-message';
import type { ScenarioEditor } from '../scenarios/use-scenario-editor';
import { runSiting, type SitingAnswer } from './siting-api';
import { isoDay } from './siting-figures';
import {
  initialSitingForm,
  sitingRequest,
  withCategory,
  type SitingForm,
  type SitingFormProblem,
} from './siting-form';
import { buildSitingLayers, type SiteMarker } from './siting-layer';

/** Where the siting runs and its sites are adopted: the open scenario, or the baseline. */
export interface SitingTarget {
  scenarioId: string | null;
  name: string | null;
  version: number | null;
  /** Unsaved edits of the open scenario: adoption waits until they are saved or discarded. */
  pendingEdits: number;
}

export type Adoption =
  | { kind: 'saving' }
  | { kind: 'adopted'; scenarioId: string; scenarioName: string; version: number; created: boolean }
  | { kind: 'conflict'; currentVersion: number | null }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'pending-edits'; count: number };

export interface SitingState {
  target: SitingTarget;
  form: SitingForm;
  setForm: (form: SitingForm) => void;
  setCategory: (category: FacilityCategoryId) => void;
  problems: readonly SitingFormProblem[];
  run: () => void;
  running: boolean;
  elapsedSeconds: number;
  answer: SitingAnswer | null;
  /** The server refused the request (a 400 naming the field, no network to analyse…). */
  refusal: ApiError | null;
  adopt: () => void;
  adoption: Adoption | null;
  /** Read the open scenario again after a 409 (the editor's reload). */
  reloadScenario: () => void;
  layers: Layer[];
}

export function sitingTargetOf(editor: ScenarioEditor): SitingTarget {
  const summary = editor.openSummary;
  const session = editor.session;
  return summary && session
    ? {
        scenarioId: summary.id,
        name: summary.name,
        version: session.saved.version,
        pendingEdits: editor.pendingCount,
      }
    : { scenarioId: null, name: null, version: null, pendingEdits: 0 };
}

export function useSiting(regionId: string | null, editor: ScenarioEditor, shown: boolean): SitingState {
  const { t, localName } = useI18n();
  const queryClient = useQueryClient();
  const target = sitingTargetOf(editor);
  const [form, setForm] = useState<SitingForm>(() => initialSitingForm('kindergarten'));
  const [problems, setProblems] = useState<readonly SitingFormProblem[]>([]);
  const [running, setRunning] = useState(false);
  const [elapsedSeconds, setElapsedSeconds] = useState(0);
  const [answer, setAnswer] = useState<SitingAnswer | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [adoption, setAdoption] = useState<Adoption | null>(null);
  const runRef = useRef<AbortController | null>(null);

  // Another region, or another scenario opened (not the one an adoption created): the answer is not its.
  const targetId = target.scenarioId;
  const adoptedId = adoption?.kind === 'adopted' ? adoption.scenarioId : null;
  useEffect(() => {
    if (targetId !== null && targetId === adoptedId) return;
    runRef.current?.abort();
    setAnswer(null);
    setRefusal(null);
    setAdoption(null);
  }, [regionId, targetId, adoptedId]);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsedSeconds(0);
    const timer = window.setInterval(
      () => setElapsedSeconds(Math.floor((Date.now() - started) / 1000)),
      1000,
    );
    return () => window.clearInterval(timer);
  }, [running]);

  const run = useCallback(() => {
    if (!regionId) return;
    const request = sitingRequest(form);
    if (!request.ok) {
      setProblems(request.problems);
      return;
    }
    setProblems([]);
    runRef.current?.abort();
    const controller = new AbortController();
    runRef.current = controller;
    setRunning(true);
    setRefusal(null);
    setAdoption(null);
    void runSiting(regionId, targetId, request.body, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setRunning(false);
      if (result.ok) setAnswer(result.data);
      else if (result.error.status === 400 || result.error.status === 409) {
        setAnswer(null);
        setRefusal(result.error);
      } else reportError(result.error);
    });
  }, [regionId, targetId, form]);

  const { reload, open } = editor;
  const adopt = useCallback(() => {
    if (!regionId || !answer || answer.edits.length === 0) return;
    const edits = answer.edits;
    if (target.scenarioId !== null) {
      if (target.pendingEdits > 0) {
        setAdoption({ kind: 'pending-edits', count: target.pendingEdits });
        return;
      }
      const scenarioId = target.scenarioId;
      const scenarioName = target.name ?? '';
      setAdoption({ kind: 'saving' });
      void saveScenario(scenarioId, { version: target.version ?? 1, edits }).then((result) => {
        if (result.ok) {
          setAdoption({
            kind: 'adopted',
            scenarioId,
            scenarioName,
            version: result.data.version,
            created: false,
          });
          reload();
        } else if (result.error.status === 409)
          setAdoption({ kind: 'conflict', currentVersion: currentVersionOf(result.error.body) });
        else if (result.error.status === 400) setAdoption({ kind: 'refused', error: result.error });
        else {
          setAdoption(null);
          reportError(result.error);
        }
      });
      return;
    }
    const name = t('siting.newScenarioName', {
      category: localName(FACILITY_CATEGORIES[answer.category]),
      n: answer.sites.length,
      day: isoDay(new Date()),
    });
    setAdoption({ kind: 'saving' });
    void (async () => {
      const created = await createScenario(regionId, { name, basedOn: 'baseline' });
      if (!created.ok) {
        setAdoption(null);
        reportError(created.error);
        return;
      }
      const saved = await saveScenario(created.data.id, { version: created.data.version, edits });
      if (!saved.ok) {
        setAdoption(saved.error.status === 400 ? { kind: 'refused', error: saved.error } : null);
        if (saved.error.status !== 400) reportError(saved.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(regionId) });
      setAdoption({
        kind: 'adopted',
        scenarioId: created.data.id,
        scenarioName: name,
        version: saved.data.version,
        created: true,
      });
      open(created.data.id);
    })();
  }, [
    regionId,
    answer,
    target.scenarioId,
    target.pendingEdits,
    target.version,
    target.name,
    t,
    localName,
    queryClient,
    reload,
    open,
  ]);

  const reloadScenario = useCallback(() => {
    setAdoption(null);
    reload();
  }, [reload]);

  const setCategory = useCallback(
    (category: FacilityCategoryId) => setForm((current) => withCategory(current, category)),
    [],
  );

  const layers = useMemo(() => {
    if (!shown || !answer) return [];
    const markers: SiteMarker[] = answer.sites.map((site) => ({
      rank: site.rank,
      position: site.position,
      hoverText: t('siting.markerHover', {
        rank: site.rank,
        gain: formatNumber(site.gain, 1),
        group: t(`siting.demand.${answer.demandGroup}`),
      }),
    }));
    return buildSitingLayers(markers);
  }, [shown, answer, t]);

  return {
    target,
    form,
    setForm,
    setCategory,
    problems,
    run,
    running,
    elapsedSeconds,
    answer,
    refusal,
    adopt,
    adoption,
    reloadScenario,
    layers,
  };
}
