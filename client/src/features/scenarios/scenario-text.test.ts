import { describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../lib/api-types';
import { basedOnOf, dateText } from './scenario-text';

function summary(id: string, basedOn: string | null, name = id): ScenarioSummary {
  return { id, name, basedOn, version: 1, updatedAt: '2025-03-04T05:06:07Z' } as unknown as ScenarioSummary;
}

describe('scenario text', () => {
  it('names what a scenario was copied from', () => {
    const first = summary('s1', 'baseline', '滨江调整');
    expect(basedOnOf(first, [first])).toEqual({ kind: 'baseline' });
    expect(basedOnOf(summary('s0', null), [])).toEqual({ kind: 'baseline' });
    expect(basedOnOf(summary('s2', 's1'), [first])).toEqual({ kind: 'scenario', name: '滨江调整' });
    expect(basedOnOf(summary('s3', 'gone'), [first])).toEqual({ kind: 'deleted' });
  });

  it('writes a date in the interface’s language and keeps an unreadable one as it is', () => {
    expect(dateText('not a date', 'zh')).toBe('not a date');
    expect(dateText('2025-03-04T05:06:07Z', 'en')).toMatch(/\d{2}:\d{2}/);
  });
});
