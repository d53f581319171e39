/**
 * The open scenario's standards advice from the server: 村改社区 candidates and relocation merge or
 * split advice. Both endpoints read the saved scenario, so they are asked again whenever the saved
 * version changes (after a save or a reload), the profile changes, or the target type changes, and
 * only while the advice section is open (each answer runs the whole evaluator on the server).
 */
import { useEffect, useState } from 'react';
import { fetchRelocationAdvice, fetchVillageCandidates } from '../../lib/api';
import type { RelocationAdviceAnswer, VillageCandidatesAnswer } from '../../lib/api-types';
import { reportError } from '../../lib/notices';
import type { ScenarioEditor } from './use-scenario-editor';

export type ConversionTarget = 'urban' | 'fringe';

export interface ScenarioAdvice {
  villages: VillageCandidatesAnswer | null;
  relocation: RelocationAdviceAnswer | null;
  pending: boolean;
  asType: ConversionTarget;
  setAsType: (type: ConversionTarget) => void;
}

export function useScenarioAdvice(editor: ScenarioEditor, open: boolean): ScenarioAdvice {
  const [asType, setAsType] = useState<ConversionTarget>('urban');
  const [villages, setVillages] = useState<VillageCandidatesAnswer | null>(null);
  const [relocation, setRelocation] = useState<RelocationAdviceAnswer | null>(null);
  const [pending, setPending] = useState(false);
  const regionId = editor.regionId;
  const scenarioId = editor.openSummary?.id ?? null;
  const savedVersion = editor.session?.saved.version ?? null;
  const profile = editor.profile;

  useEffect(() => {
    if (!open || !regionId || !scenarioId || savedVersion === null) return;
    const controller = new AbortController();
    setPending(true);
    void Promise.all([
      fetchVillageCandidates(regionId, scenarioId, profile, asType, controller.signal),
      fetchRelocationAdvice(regionId, scenarioId, profile, controller.signal),
    ]).then(([villageAnswer, relocationAnswer]) => {
      if (controller.signal.aborted) return;
      setPending(false);
      if (!villageAnswer.ok) reportError(villageAnswer.error);
      if (!relocationAnswer.ok) reportError(relocationAnswer.error);
      setVillages(villageAnswer.ok ? villageAnswer.data : null);
      setRelocation(relocationAnswer.ok ? relocationAnswer.data : null);
    });
    return () => controller.abort();
  }, [open, regionId, scenarioId, savedVersion, profile, asType]);

  // Another scenario: the last one's advice does not apply.
  useEffect(() => {
    setVillages(null);
    setRelocation(null);
  }, [scenarioId]);

  return { villages, relocation, pending, asType, setAsType };
}
