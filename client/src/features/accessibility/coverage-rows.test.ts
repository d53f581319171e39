import { describe, expect, it } from 'vitest';
import type { CategoryCoverage, CoverageResult } from '../../lib/api-types';
import { categoryCoverageRows, communityCoverageRows, regionCoverage, uncoveredUnits } from './coverage-rows';
import { unitFixture as unit } from './unit-fixture';

function coverage(category: string, residents: number, coveredResidents: number): CategoryCoverage {
  return {
    category,
    tierMinutes: 5,
    facilityCount: 2,
    residents,
    coveredResidents,
    coveredShare: residents > 0 ? coveredResidents / residents : null,
  };
}

const result: CoverageResult = {
  speedMetersPerSecond: 1,
  region: {
    residents: 1000,
    categories: [
      coverage('kindergarten', 1000, 700),
      coverage('park', 1000, 950),
      coverage('supermarket', 1000, 400),
    ],
  },
  communities: [
    { id: 'c-a', name: '甲社区', residents: 500, categories: [coverage('kindergarten', 500, 450)] },
    { id: 'c-b', name: '乙社区', residents: 300, categories: [coverage('kindergarten', 300, 60)] },
    { id: 'c-c', name: '丙社区', residents: 0, categories: [coverage('kindergarten', 0, 0)] },
    { id: 'c-d', name: '丁社区', residents: 200, categories: [coverage('kindergarten', 200, 40)] },
  ],
  uncoveredUnitIds: { kindergarten: ['u-1', 'u-3', 'u-9'] },
  tiers: { kindergarten: 5, park: 10, supermarket: 10 },
};

describe('communityCoverageRows', () => {
  it('lists the weakest community first, ties by more residents, and communities without residents last', () => {
    const rows = communityCoverageRows(result, 'kindergarten');
    expect(rows.map((row) => [row.id, row.coveredShare])).toEqual([
      ['c-b', 0.2],
      ['c-d', 0.2],
      ['c-a', 0.9],
      ['c-c', null],
    ]);
  });

  it('is empty for a category no community reports', () => {
    expect(communityCoverageRows(result, 'park')).toEqual([]);
  });
});

describe('regionCoverage and categoryCoverageRows', () => {
  it('finds the region’s share and orders categories by it', () => {
    expect(regionCoverage(result, 'kindergarten')?.coveredShare).toBe(0.7);
    expect(regionCoverage(result, 'parking')).toBeNull();
    expect(categoryCoverageRows(result).map((row) => row.category)).toEqual([
      'supermarket',
      'kindergarten',
      'park',
    ]);
    expect(categoryCoverageRows(result, ['park', 'kindergarten']).map((row) => row.category)).toEqual([
      'kindergarten',
      'park',
    ]);
  });
});

describe('uncoveredUnits', () => {
  it('picks the listed units, sums their residents and says whether any is estimated', () => {
    const units = [unit('u-1', 120), unit('u-2', 80), unit('u-3', 30, { estimated: true })];
    const summary = uncoveredUnits(result, 'kindergarten', units);
    expect(summary.units.map((feature) => feature.properties.id)).toEqual(['u-1', 'u-3']);
    expect(summary.unitCount).toBe(3);
    expect(summary.residents).toBe(150);
    expect(summary.estimated).toBe(true);
    expect(uncoveredUnits(result, 'kindergarten', units.slice(0, 2)).estimated).toBe(false);
    expect(uncoveredUnits(result, 'park', units).unitCount).toBe(0);
  });
});
