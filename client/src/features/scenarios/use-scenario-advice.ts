/**
 * The open scenario's standards advice from the server: 村改社区 candidates and relocation merge or
 * split advice. Both endpoints read the saved scenario, so they are asked again whenever the saved
 * version changes (after a save or a reload), the judging changes, or the target type changes, and
 * only while the advice section is open (each answer runs the whole evaluator on the server).
 */
import { useState } from 'react';
import type { RelocationAdviceAnswer, VillageCandidatesAnswer } from '../../lib/api-types';
import { useRelocationAdviceRead, useVillageCandidatesRead } from '../../lib/reads';
import { useRetained } from '../../lib/use-retained';
import type { ConversionTargetType } from '../../../../core/scenario/scenario-edit-schema';
import type { ScenarioEditor } from './use-scenario-editor';

/** The type every village is held to, or `own`: each its own application (申请类型), else urban. */
export type ConversionTarget = ConversionTargetType | 'own';

export interface ScenarioAdvice {
  villages: VillageCandidatesAnswer | null;
  relocation: RelocationAdviceAnswer | null;
  pending: boolean;
  asType: ConversionTarget;
  setAsType: (type: ConversionTarget) => void;
}

export function useScenarioAdvice(editor: ScenarioEditor, open: boolean): ScenarioAdvice {
  const [asType, setAsType] = useState<ConversionTarget>('own');
  const regionId = editor.regionId;
  const scenarioId = editor.openSummary?.id ?? null;
  const savedVersion = editor.session?.saved.version ?? null;
  const judging = editor.judging;
  const asking = open && regionId && scenarioId && savedVersion !== null && judging;
  const villageRead = useVillageCandidatesRead(
    asking
      ? { regionId, scenarioId, version: savedVersion, judging, asType: asType === 'own' ? null : asType }
      : null,
  );
  const relocationRead = useRelocationAdviceRead(
    asking ? { regionId, scenarioId, version: savedVersion, judging } : null,
  );
  // The last answers stay on screen while new ones load or the section is closed, never for another scenario.
  const villages = useRetained(villageRead.data, scenarioId) ?? null;
  const relocation = useRetained(relocationRead.data, scenarioId) ?? null;
  return {
    villages,
    relocation,
    pending: villageRead.fetching || relocationRead.fetching,
    asType,
    setAsType,
  };
}
