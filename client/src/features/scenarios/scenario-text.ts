/** How the scenario list words a scenario's date and origin. */
import type { ScenarioSummary } from '../../lib/api-types';

/** The day and time of an ISO timestamp, as the interface's language writes them (the text itself when unreadable). */
export function dateText(iso: string, language: 'zh' | 'en'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}

/**
 * What a scenario was copied from: `baseline` (the region as it is), another scenario's name, or
 * `deleted` when that scenario is gone.
 */
export function basedOnOf(
  scenario: ScenarioSummary,
  scenarios: readonly ScenarioSummary[],
): { kind: 'baseline' | 'deleted' } | { kind: 'scenario'; name: string } {
  if (scenario.basedOn === 'baseline' || scenario.basedOn === null) return { kind: 'baseline' };
  const source = scenarios.find((other) => other.id === scenario.basedOn);
  return source ? { kind: 'scenario', name: source.name } : { kind: 'deleted' };
}
