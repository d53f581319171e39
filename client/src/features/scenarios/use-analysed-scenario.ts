/**
 * The open scenario as the accessibility analyses follow it: its id, saved version and name, or
 * null when none is open (the analyses are then the region's). One object per saved version.
 */
import { useMemo } from 'react';
import type { AnalysedScenario } from '../accessibility/use-accessibility';
import type { ScenarioEditor } from './use-scenario-editor';

export function useAnalysedScenario(editor: ScenarioEditor): AnalysedScenario | null {
  const id = editor.session?.saved.id ?? null;
  const version = editor.session?.saved.version ?? null;
  const name = editor.openSummary?.name ?? id ?? '';
  return useMemo(() => (id !== null && version !== null ? { id, version, name } : null), [id, version, name]);
}
