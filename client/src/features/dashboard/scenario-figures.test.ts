import { describe, expect, it } from 'vitest';
import type { ScenarioComparison } from '../../lib/api-types';
import { kpiChange, statusChangeRows } from './scenario-figures';

describe('kpiChange', () => {
  it('calls a rise better where higher is better, and worse where lower is better', () => {
    expect(kpiChange(0.5, 0.75, 'higher')).toEqual({ before: 0.5, after: 0.75, delta: 0.25, tone: 'better' });
    expect(kpiChange(3, 4, 'lower')).toEqual({ before: 3, after: 4, delta: 1, tone: 'worse' });
    expect(kpiChange(3, 1, 'lower').tone).toBe('better');
  });

  it('calls no change, a classification or an unknown side what it is', () => {
    expect(kpiChange(0.5, 0.5, 'higher').tone).toBe('same');
    expect(kpiChange(2, 5, 'neutral')).toMatchObject({ delta: 3, tone: 'same' });
    expect(kpiChange(null, 0.4, 'higher')).toEqual({
      before: null,
      after: 0.4,
      delta: null,
      tone: 'unknown',
    });
  });
});

const figure = { with: 1, scenario: 1, delta: 0 };
const community = (
  id: string,
  name: string,
  ruleChanges: ScenarioComparison['communities'][number]['ruleChanges'],
): ScenarioComparison['communities'][number] => ({
  id,
  name,
  streetId: 's',
  status: ruleChanges.length > 0 ? 'changed' : 'unchanged',
  residents: figure,
  households: figure,
  areaSquareKilometers: figure,
  ruleChanges,
});

describe('statusChangeRows', () => {
  it('lists only communities whose rule status changes, worse first, each change with its direction', () => {
    const comparison = {
      communities: [
        community('a', '甲社区', [{ ruleId: 'r1', from: 'fail', to: 'pass' }]),
        community('b', '乙社区', []),
        community('c', '丙社区', [
          { ruleId: 'r1', from: 'pass', to: 'fail' },
          { ruleId: 'r2', from: 'undetermined', to: 'pass' },
        ]),
        community('d', '丁社区', [{ ruleId: 'r3', from: 'pass', to: 'undetermined' }]),
      ],
    } as unknown as ScenarioComparison;
    const rows = statusChangeRows(comparison);
    expect(rows.map((row) => row.id)).toEqual(['c', 'a', 'd']);
    expect(rows[0]!.changes.map((change) => change.direction)).toEqual(['worse', 'neutral']);
    expect(rows[1]!.changes).toEqual([{ ruleId: 'r1', from: 'fail', to: 'pass', direction: 'better' }]);
  });
});
