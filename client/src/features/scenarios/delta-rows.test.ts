import { describe, expect, it } from 'vitest';
import type { ResultStatus, ScenarioComparison } from '../../lib/api-types';
import { judgedWithOf } from '../standards/result-fixtures.test-support';
import { comparisonSummary, deltaRows, movedUnitGroups, ruleChangeDirection } from './delta-rows';

const figure = (scenario: number, other: number) => ({ scenario, with: other, delta: scenario - other });

const comparison: ScenarioComparison = {
  scenario: { id: 's', version: 3 },
  with: { id: 'baseline', version: 1 },
  judgedWith: judgedWithOf('leshan'),
  facilityChanges: [],
  pathChanges: [],
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
      // 002's size band is guidance: leaving it is advice; the floor area per 100 households is expected.
      ruleChanges: [
        { ruleId: 'size.residents', from: 'pass', to: 'advice' },
        { ruleId: 'area.per100hh', from: 'undetermined', to: 'fail' },
      ],
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
        { ruleId: 'size.residents', from: 'advice', to: 'pass' },
        { ruleId: 'provision.service_station', from: 'pass', to: 'not-applicable' },
      ],
    },
    {
      id: 'v',
      name: '村',
      streetId: 'x',
      status: 'changed',
      residents: figure(800, 820),
      households: figure(270, 275),
      areaSquareKilometers: figure(2, 2.1),
      // A classification moves neither way.
      ruleChanges: [{ ruleId: 'village.conversion', from: 'candidate', to: 'not-candidate' }],
    },
    {
      id: 'n-1',
      name: '新',
      streetId: 'x',
      status: 'created',
      residents: figure(5, 0),
      households: figure(2, 0),
      areaSquareKilometers: figure(0.1, 0),
      ruleChanges: [{ ruleId: 'area.per100hh', from: null, to: 'fail' }],
    },
    {
      id: 'd',
      name: '丁',
      streetId: 'x',
      status: 'dissolved',
      residents: figure(0, 40),
      households: figure(0, 12),
      areaSquareKilometers: figure(0, 0.2),
      ruleChanges: [{ ruleId: 'area.per100hh', from: 'fail', to: null }],
    },
  ],
  movedUnits: [
    { id: 'u1', from: 'b', to: 'c' },
    { id: 'u2', from: 'b', to: 'c' },
    { id: 'u3', from: 'a', to: 'n-1' },
  ],
};

describe('comparison rows', () => {
  it('lists changed communities only: created, dissolved, then the largest change in residents', () => {
    const rows = deltaRows(comparison);
    expect(rows.map((row) => row.id)).toEqual(['n-1', 'd', 'c', 'v', 'b']);
    expect(rows[2].residents.delta).toBe(50);
    expect(rows.map((row) => row.ruleChanges.map((change) => change.direction))).toEqual([
      ['worse'],
      ['better'],
      ['better', 'neutral'],
      ['neutral'],
      ['worse', 'worse'],
    ]);
    expect(rows[4].ruleChanges[0]).toEqual({
      ruleId: 'size.residents',
      from: 'pass',
      to: 'advice',
      direction: 'worse',
    });
    expect(comparisonSummary(rows, comparison.movedUnits.length)).toEqual({
      communities: 5,
      movedUnits: 3,
      rulesBetter: 2,
      rulesWorse: 3,
    });
  });

  it('groups moved units by their way, the largest group first', () => {
    expect(movedUnitGroups(comparison.movedUnits)).toEqual([
      { from: 'b', to: 'c', unitIds: ['u1', 'u2'] },
      { from: 'a', to: 'n-1', unitIds: ['u3'] },
    ]);
  });
});

describe('ruleChangeDirection', () => {
  const cases: [ResultStatus | null, ResultStatus | null, 'better' | 'worse' | 'neutral'][] = [
    // By severity: a failure worst, advice next, a pass best.
    ['fail', 'advice', 'better'],
    ['fail', 'pass', 'better'],
    ['advice', 'pass', 'better'],
    ['pass', 'advice', 'worse'],
    ['pass', 'fail', 'worse'],
    ['advice', 'fail', 'worse'],
    ['fail', 'fail', 'neutral'],
    ['advice', 'advice', 'neutral'],
    // A verdict that appears or goes, against no verdict (待定, 不适用, absent).
    ['undetermined', 'fail', 'worse'],
    ['not-applicable', 'advice', 'worse'],
    [null, 'fail', 'worse'],
    ['fail', 'undetermined', 'better'],
    ['advice', 'not-applicable', 'better'],
    ['fail', null, 'better'],
    ['undetermined', 'pass', 'neutral'],
    ['pass', 'undetermined', 'neutral'],
    ['not-applicable', 'pass', 'neutral'],
    [null, 'pass', 'neutral'],
    ['pass', null, 'neutral'],
    ['undetermined', 'not-applicable', 'neutral'],
    // The 村改居 classification is never a verdict.
    ['candidate', 'not-candidate', 'neutral'],
    ['not-candidate', 'candidate', 'neutral'],
    ['undetermined', 'candidate', 'neutral'],
  ];

  it.each(cases)('%s → %s is %s', (from, to, direction) => {
    expect(ruleChangeDirection(from, to)).toBe(direction);
  });
});
