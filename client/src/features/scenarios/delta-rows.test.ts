import { describe, expect, it } from 'vitest';
import type { ScenarioComparison } from '../../lib/api-types';
import { comparisonSummary, deltaRows, movedUnitGroups, ruleChangeDirection } from './delta-rows';

const figure = (scenario: number, other: number) => ({ scenario, with: other, delta: scenario - other });

const comparison: ScenarioComparison = {
  scenario: { id: 's', version: 3 },
  with: { id: 'baseline', version: 1 },
  profile: 'leshan',
  communities: [
    {
      id: 'a',
      name: '甲',
      streetId: 'x',
      status: 'unchanged',
      residents: figure(10, 10),
      households: figure(3, 3),
      areaSquareKilometers: figure(1, 1),
      ruleChanges: [],
    },
    {
      id: 'b',
      name: '乙',
      streetId: 'x',
      status: 'changed',
      residents: figure(90, 100),
      households: figure(30, 33),
      areaSquareKilometers: figure(0.9, 1),
      ruleChanges: [{ ruleId: 'size.residents', from: 'pass', to: 'fail' }],
    },
    {
      id: 'c',
      name: '丙',
      streetId: 'x',
      status: 'changed',
      residents: figure(150, 100),
      households: figure(50, 33),
      areaSquareKilometers: figure(1.5, 1),
      ruleChanges: [
        { ruleId: 'size.residents', from: 'fail', to: 'pass' },
        { ruleId: 'staff.per10k', from: 'pass', to: 'not-applicable' },
      ],
    },
    {
      id: 'n-1',
      name: '新',
      streetId: 'x',
      status: 'created',
      residents: figure(5, 0),
      households: figure(2, 0),
      areaSquareKilometers: figure(0.1, 0),
      ruleChanges: [],
    },
  ],
  movedUnits: [
    { id: 'u1', from: 'b', to: 'c' },
    { id: 'u2', from: 'b', to: 'c' },
    { id: 'u3', from: 'a', to: 'n-1' },
  ],
};

describe('comparison rows', () => {
  it('lists changed communities only: created first, then the largest change in residents', () => {
    const rows = deltaRows(comparison);
    expect(rows.map((row) => row.id)).toEqual(['n-1', 'c', 'b']);
    expect(rows[1].residents.delta).toBe(50);
    expect(rows[1].ruleChanges.map((change) => change.direction)).toEqual(['better', 'neutral']);
    expect(rows[2].ruleChanges[0].direction).toBe('worse');
    expect(comparisonSummary(rows, comparison.movedUnits.length)).toEqual({
      communities: 3,
      movedUnits: 3,
      rulesBetter: 1,
      rulesWorse: 1,
    });
  });

  it('groups moved units by their way, the largest group first', () => {
    expect(movedUnitGroups(comparison.movedUnits)).toEqual([
      { from: 'b', to: 'c', unitIds: ['u1', 'u2'] },
      { from: 'a', to: 'n-1', unitIds: ['u3'] },
    ]);
  });

  it('judges rule changes by whether a failure appears or goes', () => {
    expect(ruleChangeDirection(null, 'fail')).toBe('worse');
    expect(ruleChangeDirection('fail', null)).toBe('better');
    expect(ruleChangeDirection('not-applicable', 'pass')).toBe('neutral');
  });
});
