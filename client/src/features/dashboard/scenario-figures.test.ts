import { describe, expect, it } from 'vitest';
import type { ScenarioComparison } from '../../lib/api-types';
import { travelTimeBins } from './dashboard-figures';
import { kpiChange, statusChangeRows, travelTimeBinChanges, withinChange } from './scenario-figures';

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

describe('travelTimeBinChanges and withinChange', () => {
  const tiers = (covered: number[]) =>
    covered.map((coveredResidents, index) => ({ minutes: (index + 1) * 5, coveredResidents }));
  // A station added: 300 more residents within 5 minutes, 100 of them from the 10–15 band, 200 from beyond.
  const before = travelTimeBins(tiers([1000, 1500, 1800]), 2500);
  const after = travelTimeBins(tiers([1300, 1800, 2000]), 2500);

  it('pairs each band of the baseline with the scenario’s', () => {
    expect(travelTimeBinChanges(before, after)).toEqual([
      { fromMinutes: 0, toMinutes: 5, before: 1000, after: 1300 },
      { fromMinutes: 5, toMinutes: 10, before: 500, after: 500 },
      { fromMinutes: 10, toMinutes: 15, before: 300, after: 200 },
      { fromMinutes: 15, toMinutes: null, before: 700, after: 500 },
    ]);
  });

  it('sums the bands within a walking time, with the change and its share of the baseline', () => {
    const bins = travelTimeBinChanges(before, after);
    expect(withinChange(bins, 5)).toEqual({
      minutes: 5,
      before: 1000,
      after: 1300,
      delta: 300,
      relative: 0.3,
    });
    expect(withinChange(bins, 15)).toMatchObject({ before: 1800, after: 2000, delta: 200 });
    expect(withinChange(bins, 15).relative).toBeCloseTo(200 / 1800, 12);
  });

  it('has no relative change when no one reached it before, and refuses a time no band ends at', () => {
    const none = travelTimeBinChanges(travelTimeBins(tiers([0]), 10), travelTimeBins(tiers([4]), 10));
    expect(withinChange(none, 5)).toEqual({ minutes: 5, before: 0, after: 4, delta: 4, relative: null });
    expect(() => withinChange(none, 15)).toThrow(/15 min/);
  });

  it('refuses bands that do not match (a programmer error)', () => {
    expect(() => travelTimeBinChanges(before, travelTimeBins(tiers([1300, 1800]), 2500))).toThrow(
      /4 baseline bands against 3/,
    );
  });
});
