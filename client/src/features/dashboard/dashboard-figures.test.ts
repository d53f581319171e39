import { describe, expect, it } from 'vitest';
import type { ScenarioRuleResult } from '../../lib/api-types';
import { floorAreaKpi, outsideBandKpi, rankCommunities, staffKpi, travelTimeBins } from './dashboard-figures';
import type { DashboardCommunityProperties } from './dashboard-types';

function rule(ruleId: string, status: ScenarioRuleResult['status']): ScenarioRuleResult {
  return {
    ruleId,
    status,
    figure: null,
    threshold: '',
    sources: [],
    title: { zh: ruleId, en: ruleId },
    advice: { zh: '', en: '' },
  };
}

function community(id: string, fields: Partial<DashboardCommunityProperties>): DashboardCommunityProperties {
  return {
    id,
    name: id,
    nameEn: null,
    type: 'urban',
    streetId: 's',
    unitCount: 1,
    residents: 1000,
    households: 400,
    elderly: 0,
    children: 0,
    areaSquareKilometers: 1,
    residentsPerSquareKilometer: 1000,
    perimeterMeters: 4000,
    polsbyPopper: 0.78,
    parts: 1,
    rules: [],
    serviceFloorAreaSquareMeters: null,
    serviceFloorAreaPer100Households: null,
    staff: null,
    staffPer10kResidents: null,
    coveredShareByCategory: {},
    residentsOutsideBand: 0,
    householdsOutsideBand: 0,
    ...fields,
  };
}

describe('travelTimeBins', () => {
  it('turns cumulative coverage into bins with an open last bin', () => {
    const bins = travelTimeBins(
      [
        { minutes: 10, coveredResidents: 700 },
        { minutes: 5, coveredResidents: 400 },
        { minutes: 15, coveredResidents: 700 },
      ],
      1000,
    );
    expect(bins).toEqual([
      { fromMinutes: 0, toMinutes: 5, residents: 400 },
      { fromMinutes: 5, toMinutes: 10, residents: 300 },
      { fromMinutes: 10, toMinutes: 15, residents: 0 },
      { fromMinutes: 15, toMinutes: null, residents: 300 },
    ]);
    expect(bins.reduce((sum, bin) => sum + bin.residents, 0)).toBe(1000);
  });

  it('refuses cumulative figures that fall', () => {
    expect(() =>
      travelTimeBins(
        [
          { minutes: 5, coveredResidents: 10 },
          { minutes: 10, coveredResidents: 9 },
        ],
        20,
      ),
    ).toThrow(/fewer/);
  });
});

describe('rankCommunities', () => {
  it('ranks by share of applicable rules passed and lists the failed ones', () => {
    const ranked = rankCommunities([
      community('a', { rules: [rule('r1', 'pass'), rule('r2', 'fail'), rule('r3', 'not-applicable')] }),
      community('b', { rules: [rule('r1', 'pass'), rule('r2', 'pass')] }),
      community('c', { rules: [rule('r1', 'not-applicable')] }),
      community('d', { residents: 5000, rules: [rule('r1', 'fail'), rule('r2', 'pass')] }),
    ]);
    expect(ranked.map((row) => row.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(ranked.map((row) => row.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked[2]).toMatchObject({ passed: 1, evaluated: 2, completeness: 0.5 });
    expect(ranked[2]!.gaps.map((gap) => gap.ruleId)).toEqual(['r2']);
    expect(ranked[3]!.completeness).toBeNull();
  });

  it('leaves the 村改居 test out: a village failing it has no gap in its services', () => {
    const [village] = rankCommunities([
      community('v', {
        type: 'village',
        rules: [rule('village.conversion', 'fail'), rule('area.per100hh', 'pass')],
      }),
    ]);
    expect(village).toMatchObject({ passed: 1, evaluated: 1, completeness: 1, gaps: [] });
  });
});

describe('region KPIs', () => {
  const communities = [
    community('a', {
      households: 400,
      residents: 1000,
      serviceFloorAreaSquareMeters: 200,
      staff: 2,
      rules: [rule('size.residents', 'fail')],
    }),
    community('b', { households: 600, residents: 3000, serviceFloorAreaSquareMeters: 100, staff: 4 }),
    community('v', {
      type: 'village',
      households: 1000,
      residents: 2000,
      staff: 9,
      rules: [rule('size.residents', 'pass')],
    }),
  ];

  it('sums floor area over reporting communities against ≥ 30 m² per 100 households', () => {
    const kpi = floorAreaKpi(communities, 'leshan');
    expect(kpi.value).toBeCloseTo((300 / 1000) * 100);
    expect(kpi.target).toEqual({ kind: 'min', value: 30 });
    expect(kpi.sources).toContain('002');
    expect(floorAreaKpi(communities, 'jishou').target).toBeNull();
  });

  it('counts staff per 10 000 over urban types only', () => {
    const kpi = staffKpi(communities, 'leshan');
    expect(kpi.value).toBeCloseTo((6 / 4000) * 10_000);
    expect(kpi.target).toEqual({ kind: 'min', value: 18 });
  });

  it('counts communities failing a size rule', () => {
    expect(outsideBandKpi(communities, 'leshan')).toMatchObject({ count: 1, of: 3 });
  });
});
