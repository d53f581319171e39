import { describe, expect, it } from 'vitest';
import type {
  RelocationAdviceAnswer,
  RelocationCommunityAdvice,
  VillageCandidatesAnswer,
  VillageConversionEntry,
} from '../../lib/api-types';
import { relocationRows, villageLacks, villageRows } from './advice-rows';

const text = (value: string) => ({ zh: value, en: value });

function village(
  id: string,
  name: string,
  candidate: boolean,
  gaps: Partial<VillageConversionEntry['gaps']> = {},
): VillageConversionEntry {
  return {
    communityId: id,
    name,
    streetId: 's',
    residents: 1200,
    households: 400,
    status: candidate ? 'pass' : 'fail',
    candidate,
    conditions: [
      {
        condition: 'development-progress',
        figure: candidate ? 0.62 : 0.2,
        threshold: 0.5,
        met: candidate,
        message: text('p'),
      },
      { condition: 'farmland-share', figure: 0.7, threshold: 0.5, met: false, message: text('f') },
    ],
    reason: candidate ? text('进度 62% > 50%') : null,
    gaps: { type: 'urban', floorArea: [], staff: [], facilities: [], size: [], summary: [], ...gaps },
  };
}

function report(villages: VillageConversionEntry[]): VillageCandidatesAnswer {
  return {
    scenario: { id: 'x', regionId: 'r', version: 1 },
    as: 'urban',
    profile: 'national',
    ruleId: 'village.conversion',
    sources: [],
    ruleInProfile: true,
    villages,
    candidateIds: villages.filter((entry) => entry.candidate).map((entry) => entry.communityId),
    coverageCategories: [],
    coverageNote: null,
  };
}

describe('villageLacks', () => {
  it('turns failing rules, unreached tiers and the size band into readable lacks, leaving what passes', () => {
    const entry = village('v', '桃源村', true, {
      floorArea: [
        {
          ruleId: 'area.national.min',
          title: text('面积'),
          sources: [],
          status: 'fail',
          figure: 250,
          threshold: '≥ 600',
          shortfall: { amount: 350, unit: { zh: 'm²', en: 'm²' } },
        },
        {
          ruleId: 'area.per100hh',
          title: text('每百户'),
          sources: [],
          status: 'pass',
          figure: 40,
          threshold: '≥ 30',
          shortfall: null,
        },
        {
          ruleId: 'area.activity',
          title: text('活动用房'),
          sources: [],
          status: 'fail',
          figure: 0.4,
          threshold: '≥ 60%',
          shortfall: { amount: 0.2, unit: { zh: '%', en: '%' } },
        },
      ],
      staff: [
        {
          ruleId: 'staff.per10k',
          title: text('工作者'),
          sources: [],
          status: 'fail',
          figure: 10,
          threshold: '≥ 18',
          shortfall: { amount: 1, unit: { zh: '人', en: 'workers' } },
        },
        {
          ruleId: 'staff.socialworkers',
          title: text('社工'),
          sources: [],
          status: 'fail',
          figure: null,
          threshold: '≥ 3',
          shortfall: null,
        },
      ],
      facilities: [
        {
          tierMinutes: 15,
          categories: [
            {
              category: 'clinic',
              name: text('卫生服务中心'),
              coveredShare: 0,
              uncoveredResidents: 1200,
              threshold: null,
              thresholdRuleId: null,
              thresholdProfile: null,
              status: 'unreached',
            },
          ],
          lacking: ['clinic'],
        },
        { tierMinutes: 10, categories: [], lacking: [] },
        {
          tierMinutes: 5,
          categories: [
            {
              category: 'kindergarten',
              name: text('幼儿园'),
              coveredShare: 0.3,
              uncoveredResidents: 840,
              threshold: 0.8,
              thresholdRuleId: 'reach.kindergarten',
              thresholdProfile: 'national',
              status: 'below',
            },
            {
              category: 'shop',
              name: text('便利店'),
              coveredShare: 1,
              uncoveredResidents: 0,
              threshold: 0.8,
              thresholdRuleId: 'reach.shop',
              thresholdProfile: 'national',
              status: 'meets',
            },
          ],
          lacking: ['kindergarten'],
        },
      ],
      size: [
        { measure: 'residents', value: 1200, band: { min: 4500, max: 12000 }, outsideBand: -3300 },
        { measure: 'households', value: 400, band: { min: 1000, max: null }, outsideBand: 0 },
      ],
    });
    expect(villageLacks(entry)).toEqual([
      { kind: 'floor-area', ruleId: 'area.national.min', title: text('面积'), squareMeters: 350 },
      { kind: 'share', ruleId: 'area.activity', title: text('活动用房'), share: 0.2 },
      { kind: 'staff', ruleId: 'staff.per10k', title: text('工作者'), workers: 1 },
      { kind: 'rule', ruleId: 'staff.socialworkers', title: text('社工'), figure: null, threshold: '≥ 3' },
      // Tiers nearest first, only the categories lacking.
      {
        kind: 'facilities',
        tierMinutes: 5,
        categories: [{ category: 'kindergarten', name: text('幼儿园') }],
      },
      {
        kind: 'facilities',
        tierMinutes: 15,
        categories: [{ category: 'clinic', name: text('卫生服务中心') }],
      },
      {
        kind: 'size',
        measure: 'residents',
        value: 1200,
        band: { min: 4500, max: 12000 },
        outsideBand: -3300,
      },
    ]);
  });

  it('lists candidates first with their lacks; others without', () => {
    const lacking = {
      size: [
        { measure: 'residents' as const, value: 1200, band: { min: 4500, max: 12000 }, outsideBand: -3300 },
      ],
    };
    const rows = villageRows(
      report([
        village('a', '茶园村', false, lacking),
        village('b', '石门村', true, lacking),
        village('c', '桃源村', true),
      ]),
    );
    expect(rows.map((row) => [row.communityId, row.candidate, row.lacks.length])).toEqual([
      ['b', true, 1],
      ['c', true, 0],
      ['a', false, 0],
    ]);
    expect(rows[0].conditions.map((condition) => condition.met)).toEqual([true, false]);
    expect(rows[2].reason).toBeNull();
  });
});

describe('relocationRows', () => {
  const rule = {
    ruleId: 'size.relocation',
    status: 'fail' as const,
    figure: 0,
    threshold: '800–2 000',
    sources: [],
    title: text('t'),
    advice: text('a'),
  };
  const base = (
    id: string,
    name: string,
    residents: number,
    status: RelocationCommunityAdvice['status'],
  ): RelocationCommunityAdvice => ({
    communityId: id,
    name,
    streetId: 's',
    residents,
    households: residents / 3,
    unitCount: 4,
    status,
    rule,
  });
  const answer = (communities: RelocationCommunityAdvice[]): RelocationAdviceAnswer => ({
    scenario: { id: 'x', regionId: 'r', version: 1 },
    profile: 'leshan',
    ruleId: 'size.relocation',
    sources: [],
    band: { min: 800, max: 2000 },
    speedMetersPerSecond: 1,
    travelNote: null,
    walkCutoffSeconds: 3600,
    communities,
  });
  const candidate = (id: string, name: string, added: number | null, outside: number) => ({
    communityId: id,
    name,
    type: 'urban' as const,
    streetId: 's',
    sameStreet: true,
    sharedBoundaryMeters: 100,
    residents: 5000,
    stationIds: ['f'],
    meanWalkSeconds: added === null ? null : 300 + added,
    addedWalkSeconds: added,
    unreachedResidents: 0,
    mergedResidents: 5610,
    mergedResidentsOutsideBand: outside,
  });

  it('names the recommended neighbour with its walk in minutes and the band warning, and the split parts by name', () => {
    const rows = relocationRows(
      answer([
        base('ok', '和谐', 1500, 'within-band'),
        {
          ...base('big', '移民新村', 2640, 'split'),
          split: {
            ok: true,
            parts: [
              { unitIds: ['u1', 'u2'], residents: 1400, households: 480 },
              { unitIds: ['u3'], residents: 1240, households: 410 },
            ],
            edits: [
              {
                op: 'create',
                community: { name: '移民新村（二）', type: 'relocation', streetId: 's' },
                unitIds: ['u3'],
              },
            ],
            message: text('split'),
          },
        },
        {
          ...base('small', '安居', 610, 'merge'),
          merge: {
            measure: text('m'),
            ownStationIds: ['f0'],
            ownMeanWalkSeconds: 300,
            candidates: [candidate('c-a', '滨江', 90, 0), candidate('c-b', '城南', 150, 610)],
            recommended: 'c-b',
            edit: { op: 'merge', communityIds: ['c-b', 'small'], into: 'c-b' },
            message: text('merge'),
          },
        },
      ]),
    );
    expect(rows.map((row) => row.communityId)).toEqual(['small', 'big', 'ok']);
    // The recommendation is the server's, not simply the first candidate.
    expect(rows[0].merge).toEqual({
      intoId: 'c-b',
      intoName: '城南',
      intoType: 'urban',
      meanWalkMinutes: 450 / 60,
      addedWalkMinutes: 150 / 60,
      mergedResidents: 5610,
      mergedOutsideBand: 610,
      edit: { op: 'merge', communityIds: ['c-b', 'small'], into: 'c-b' },
      message: text('merge'),
    });
    expect(rows[1].split?.parts.map((part) => [part.name, part.residents, part.unitIds])).toEqual([
      ['移民新村', 1400, ['u1', 'u2']],
      ['移民新村（二）', 1240, ['u3']],
    ]);
    expect(rows[1].split?.edits).toHaveLength(1);
    expect(rows[2]).toMatchObject({ merge: null, split: null });
  });

  it('offers no edit without a recommendation or a valid split', () => {
    const rows = relocationRows(
      answer([
        {
          ...base('small', '安居', 610, 'merge'),
          merge: {
            measure: text('m'),
            ownStationIds: [],
            ownMeanWalkSeconds: null,
            candidates: [candidate('c-a', '滨江', null, 0)],
            recommended: null,
            edit: null,
            message: text('choose by hand'),
          },
        },
        {
          ...base('big', '移民新村', 2640, 'split'),
          split: {
            ok: false,
            reason: 'band-unreachable',
            parts: [{ unitIds: ['u1'], residents: 2640, households: 880 }],
            edits: [
              { op: 'create', community: { name: 'x', type: 'relocation', streetId: 's' }, unitIds: ['u1'] },
            ],
            message: text('no split'),
          },
        },
      ]),
    );
    expect(rows[0].merge).toMatchObject({
      intoId: null,
      intoName: null,
      edit: null,
      message: text('choose by hand'),
    });
    expect(rows[1].split).toMatchObject({ ok: false, edits: [] });
  });
});
