import { describe, expect, it } from 'vitest';
import type {
  RelocationAdviceAnswer,
  RelocationCommunityAdvice,
  VillageConversionEntry,
} from '../../lib/api-types';
import {
  gapOf,
  judgedWithOf,
  resultOf,
  sourcesOf,
  villageAnswer,
  villageEntry,
  villageGaps,
} from '../standards/result-fixtures.test-support';
import {
  LACK_GROUPS,
  conversionsByApplication,
  relocationRows,
  villageLacks,
  villageRows,
} from './advice-rows';

const text = (value: string) => ({ zh: value, en: value });
const SQUARE_METERS = { zh: 'm²', en: 'm²' };
const RESIDENTS = { zh: '人', en: 'residents' };

/** What a lack shows, in brief: its group, rule, status and tier. */
const brief = (entry: VillageConversionEntry) =>
  villageLacks(entry).map((lack) => [lack.group, lack.gap.ruleId, lack.gap.status, lack.tierMinutes]);

describe('villageLacks', () => {
  /** 桃源村 as an urban community under 002: what it would not meet, what is missing, and what it meets. */
  const taoyuan = villageEntry('v', '桃源村', 'candidate', 'leshan', {
    gaps: villageGaps({
      // Listed out of reading order on purpose: the groups decide it.
      floorArea: [
        gapOf('area.per100hh', 'fail', 'leshan', { amount: 240, unit: SQUARE_METERS }, { figure: 10 }),
        gapOf('area.leshan.min', 'undetermined', 'leshan', null, { missing: ['stationProvenance'] }),
        gapOf('area.commerce.share', 'pass', 'leshan', null, { figure: 0.2 }),
      ],
      staff: [
        gapOf('staff.police.auxiliary', 'undetermined', 'leshan', null, {
          missing: ['policeOfficers', 'auxiliaryPoliceOfficers'],
        }),
      ],
      provision: [
        gapOf(
          'provision.service_station',
          'advice',
          'leshan',
          { amount: 1, unit: text('处') },
          { figure: 0 },
        ),
        gapOf('provision.kindergarten_or_nursery', 'pass', 'leshan', null, { figure: 1 }),
      ],
      facilities: [
        {
          tierMinutes: 5,
          gaps: [
            gapOf(
              'reach.service_station',
              'fail',
              'leshan',
              { amount: 420, unit: RESIDENTS },
              { figure: 0.45 },
            ),
            gapOf('reach.fitness_ground', 'pass', 'leshan', null, { figure: 0.9 }),
            gapOf('reach.kindergarten_or_nursery', 'fail', 'leshan', { amount: 960, unit: RESIDENTS }),
          ],
          lacking: ['reach.service_station', 'reach.kindergarten_or_nursery'],
        },
        {
          tierMinutes: 10,
          gaps: [
            gapOf('reach.supermarket', 'pass', 'leshan', null, { figure: 1 }),
            gapOf('reach.park', 'pass', 'leshan', null, { figure: 0.85 }),
          ],
          lacking: [],
        },
        {
          tierMinutes: 15,
          gaps: [gapOf('reach.circle15', 'fail', 'leshan', { amount: 960, unit: RESIDENTS }, { figure: 0 })],
          lacking: ['reach.circle15'],
        },
      ],
      size: [
        gapOf(
          'size.residents',
          'advice',
          'leshan',
          { amount: 3300, unit: text('人') },
          { figure: 1200, side: 'below' },
        ),
        gapOf('size.households', 'advice', 'leshan', { amount: 1100, unit: text('户') }, { figure: 400 }),
      ],
    }),
  });

  it('lists what is not met or undetermined, grouped in reading order, reach by tier with its minutes', () => {
    expect(LACK_GROUPS).toEqual(['size', 'floorArea', 'staff', 'provision', 'facilities', 'other']);
    expect(brief(taoyuan)).toEqual([
      ['size', 'size.residents', 'advice', null],
      ['size', 'size.households', 'advice', null],
      ['floorArea', 'area.per100hh', 'fail', null],
      ['floorArea', 'area.leshan.min', 'undetermined', null],
      ['staff', 'staff.police.auxiliary', 'undetermined', null],
      ['provision', 'provision.service_station', 'advice', null],
      ['facilities', 'reach.service_station', 'fail', 5],
      ['facilities', 'reach.kindergarten_or_nursery', 'fail', 5],
      ['facilities', 'reach.circle15', 'fail', 15],
    ]);
  });

  it('keeps each gap as the server gave it, with its shortfall, grade and sources', () => {
    const [, , floor, provenance] = villageLacks(taoyuan);
    expect(floor.gap).toBe(taoyuan.gaps.floorArea[0]);
    expect(floor.gap).toMatchObject({
      kind: 'floor-area',
      grade: 'expected',
      shortfall: { amount: 240, unit: SQUARE_METERS },
      sources: sourcesOf('area.per100hh', 'leshan'),
    });
    expect(provenance.gap).toMatchObject({
      status: 'undetermined',
      shortfall: null,
      missing: ['stationProvenance'],
    });
  });

  it('puts reach gaps judged without a tier table under no minutes, and other rules last', () => {
    const entry = villageEntry('v', '白岩村', 'not-applicable', 'linjiang', {
      gaps: villageGaps({
        type: 'rural',
        targetFrom: 'application',
        other: [gapOf('service.hours', 'advice', 'linjiang', { amount: 2, unit: text('h') }, { figure: 6 })],
        facilities: [
          {
            tierMinutes: null,
            gaps: [
              gapOf('reach.fitness15', 'undetermined', 'linjiang', null, {
                missing: ['reach'],
                walk: undefined,
              }),
            ],
            lacking: [],
          },
        ],
        floorArea: [gapOf('area.per100hh', 'pass', 'linjiang', null, { figure: 45 })],
      }),
    });
    expect(brief(entry)).toEqual([
      ['facilities', 'reach.fitness15', 'undetermined', null],
      ['other', 'service.hours', 'advice', null],
    ]);
    // A village meeting everything it was judged on lacks nothing.
    expect(villageLacks(villageEntry('w', '和平村', 'candidate', 'leshan'))).toEqual([]);
  });
});

describe('villageRows', () => {
  const lacking = villageGaps({
    size: [gapOf('size.residents', 'advice', 'leshan', { amount: 3300, unit: text('人') }, { figure: 1200 })],
  });

  it('lists candidates, then undetermined, then the rest, each by name, every one with what it would lack', () => {
    const rows = villageRows(
      villageAnswer('leshan', [
        villageEntry('a', '茶园村', 'not-candidate', 'leshan', { gaps: lacking }),
        villageEntry('b', '桃源村', 'candidate', 'leshan'),
        villageEntry('c', '白岩村', 'undetermined', 'leshan'),
        villageEntry('d', '石门村', 'candidate', 'leshan', {
          gaps: lacking,
          applicationTarget: 'urban',
        }),
      ]),
    );
    expect(rows.map((row) => [row.communityId, row.status, row.candidate, row.lacks.length])).toEqual([
      ['d', 'candidate', true, 1],
      ['b', 'candidate', true, 0],
      ['c', 'undetermined', false, 0],
      // Not a candidate, yet a planner may convert it: its lacks are listed too.
      ['a', 'not-candidate', false, 1],
    ]);
    expect(rows[0]).toMatchObject({
      name: '石门村',
      residents: 1200,
      applicationTarget: 'urban',
      target: 'urban',
      targetFrom: 'default',
      reason: text('进度 62% > 50%'),
      counts: { advice: 1, judged: 1 },
    });
    expect(rows[0].conditions.map((condition) => condition.met)).toEqual([true, false]);
    expect(rows[2].conditions.map((condition) => condition.met)).toEqual([false, null]);
    expect(rows[3].reason).toBeNull();
  });

  it('lists villages by name alone under a profile without the test', () => {
    const rows = villageRows(
      villageAnswer('jishou', [
        villageEntry('b', '桃源村', 'not-applicable', 'jishou'),
        villageEntry('a', '茶园村', 'not-applicable', 'jishou'),
      ]),
    );
    expect(rows.map((row) => [row.communityId, row.status, row.candidate, row.conditions])).toEqual([
      ['a', 'not-applicable', false, []],
      ['b', 'not-applicable', false, []],
    ]);
  });
});

describe('conversionsByApplication', () => {
  it('converts every village that applied to what it applied for, skipping those no longer villages', () => {
    const rows = villageRows(
      villageAnswer('leshan', [
        villageEntry('a', '茶园村', 'not-candidate', 'leshan', { applicationTarget: 'rural' }),
        villageEntry('b', '桃源村', 'candidate', 'leshan', { applicationTarget: 'urban' }),
        villageEntry('c', '白岩村', 'candidate', 'leshan'),
        villageEntry('d', '石门村', 'candidate', 'leshan', { applicationTarget: 'urban' }),
        villageEntry('e', '和平村', 'candidate', 'leshan', { applicationTarget: 'urban' }),
      ]),
    );
    // d is converted among the pending edits already; e was merged away.
    const live: Record<string, string> = { a: 'village', b: 'village', c: 'village', d: 'urban' };
    const liveType = (id: string) => live[id] ?? null;
    expect(conversionsByApplication(rows, liveType)).toEqual([
      { op: 'convert-village', communityId: 'b', to: 'urban' },
      { op: 'convert-village', communityId: 'a', to: 'rural' },
    ]);
  });
});

describe('relocationRows', () => {
  // 002's relocation band is guidance (为宜): below it is advice, never a failure.
  const rule = resultOf('size.relocation', 'advice', 'leshan', {
    figure: 610,
    threshold: '800–2 000',
    bounds: { min: 800, max: 2000 },
    side: 'below',
  });
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
    judgedWith: judgedWithOf('leshan'),
    profile: 'leshan',
    ruleId: 'size.relocation',
    sources: sourcesOf('size.relocation', 'leshan'),
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
    mergedBand: { min: 4500, max: 12000 },
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
