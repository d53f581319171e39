import { describe, expect, it } from 'vitest';
import type { SitingAnswer } from './siting-api';
import { isoDay, siteRows, sitingSummary } from './siting-figures';

function answer(demand: Partial<SitingAnswer['demand']>): SitingAnswer {
  return {
    demand: {
      total: 1000,
      coveredBefore: 400,
      coveredAfter: 550,
      uncovered: 450,
      upperBound: 560,
      gap: 10,
      relativeGap: 10 / 160,
      provedOptimal: false,
      engine: 'heuristic',
      ...demand,
    },
    sites: [
      { rank: 1, gain: 100, served: 100, coveredBefore: 400, coveredAfter: 500 },
      { rank: 2, gain: 50, served: 50, coveredBefore: 500, coveredAfter: 550 },
    ],
  } as unknown as SitingAnswer;
}

describe('siting figures', () => {
  it('reads coverage before → after as shares of the demand, and the gap to the bound', () => {
    const summary = sitingSummary(answer({}));
    expect(summary.coveredBeforeShare).toBeCloseTo(0.4);
    expect(summary.coveredAfterShare).toBeCloseTo(0.55);
    expect(summary.gain).toBe(150);
    expect(summary.uncoveredShare).toBeCloseTo(0.45);
    expect(summary.gapShare).toBeCloseTo(0.0625);
  });

  it('says no gap when the answer is proved optimal', () => {
    expect(sitingSummary(answer({ provedOptimal: true, relativeGap: 0.2 })).gapShare).toBe(0);
  });

  it('gives each site its marginal gain and the coverage after it', () => {
    const rows = siteRows(answer({}));
    expect(rows.map((row) => row.gain)).toEqual([100, 50]);
    expect(rows.reduce((sum, row) => sum + row.gain, 0)).toBe(150);
    expect(rows[1].coveredAfterShare).toBeCloseTo(0.55);
    expect(rows[0].gainShare).toBeCloseTo(0.1);
  });

  it('writes a day as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
