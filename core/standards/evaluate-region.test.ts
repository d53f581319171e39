import { describe, expect, it } from 'vitest';
import type { CommunityTypeId } from './community-types.js';
import { NO_SURVEYED_FIGURES, type SeatKind } from './community-figures.js';
import { evaluateCommunity } from './evaluate-rules.js';
import { evaluateRegion, type RegionCommunity, type StreetRecord } from './evaluate-region.js';
import type { StandardsProfileId } from './profiles.js';

function community(
  id: string,
  type: CommunityTypeId,
  figures: Partial<RegionCommunity> = {},
): RegionCommunity {
  return {
    ...NO_SURVEYED_FIGURES,
    id,
    streetId: 's-1',
    type,
    residents: 5_000,
    households: 1_700,
    facilities: null,
    reach: null,
    ...figures,
  };
}

const regionResult = (
  profile: StandardsProfileId,
  communities: RegionCommunity[],
  ruleId: string,
  streets: StreetRecord[] | null = null,
) => {
  const results = evaluateRegion(profile, communities, streets).results.filter(
    (result) => result.ruleId === ruleId,
  );
  if (results.length !== 1) throw new Error(`${results.length} results for ${ruleId}`);
  return results[0];
};

describe('Linjiang’s 社工师 average (专栏1·8, binding)', () => {
  const urbanTypes: CommunityTypeId[] = ['urban', 'fringe', 'new', 'relocation', 'township'];

  it('averages over every urban community, fringe, new, relocation and township ones included', () => {
    const counts = [4, 3, 2, 3, 3];
    const communities = urbanTypes.map((type, k) => community(`c-${k}`, type, { socialWorkers: counts[k] }));
    // A village is not an urban community: its figure neither helps nor hurts.
    communities.push(community('v', 'village', { socialWorkers: 0 }));
    const result = regionResult('linjiang', communities, 'staff.socialworkers');
    expect(result).toMatchObject({
      status: 'pass',
      figure: 3,
      grade: 'binding',
      subject: { kind: 'region' },
      communities: { counted: 5 },
    });
  });

  it('fails the region, never a community, when the average is below 3', () => {
    const communities = [
      community('a', 'urban', { socialWorkers: 3 }),
      community('b', 'fringe', { socialWorkers: 3 }),
      community('c', 'new', { socialWorkers: 2 }),
    ];
    const judgement = evaluateRegion('linjiang', communities, null);
    const result = judgement.results.find((entry) => entry.ruleId === 'staff.socialworkers')!;
    expect(result.status).toBe('fail');
    expect(result.figure).toBeCloseTo(8 / 3, 9);
    for (const entry of communities) {
      expect(evaluateCommunity('linjiang', entry).some((own) => own.ruleId === 'staff.socialworkers')).toBe(
        false,
      );
      const contribution = judgement.contributions
        .get(entry.id)!
        .find((part) => part.ruleId === 'staff.socialworkers')!;
      expect(contribution).toMatchObject({ figure: entry.socialWorkers, subjectStatus: 'fail' });
    }
  });

  it('is undetermined while a community’s figure is missing, naming it', () => {
    const communities = [community('a', 'urban', { socialWorkers: 5 }), community('b', 'urban')];
    expect(regionResult('linjiang', communities, 'staff.socialworkers')).toMatchObject({
      status: 'undetermined',
      figure: null,
      communities: { counted: 2, missing: ['b'] },
    });
  });
});

describe('other region indicators', () => {
  it('counts workers per 10 000 urban residents over the region, not per community', () => {
    const communities = [
      community('a', 'urban', { residents: 10_000, staff: 10 }),
      community('b', 'urban', { residents: 10_000, staff: 26 }),
      community('v', 'village', { residents: 3_000, staff: 0 }),
    ];
    expect(regionResult('leshan', communities, 'staff.per10k')).toMatchObject({ status: 'pass', figure: 18 });
    expect(regionResult('linjiang', [communities[0]], 'staff.per10k')).toMatchObject({
      status: 'fail',
      figure: 10,
    });
    const judgement = evaluateRegion('leshan', communities, null);
    expect(judgement.contributions.get('a')!.find((part) => part.ruleId === 'staff.per10k')).toMatchObject({
      figure: 10,
      numerator: 10,
      denominator: 10_000,
      subjectStatus: 'pass',
    });
    expect(judgement.contributions.has('v')).toBe(false);
  });

  it('judges the certified share and the coverage rates', () => {
    const certified = [
      community('a', 'urban', { staff: 20, socialWorkers: 3 }),
      community('b', 'township', { staff: 20, socialWorkers: 2 }),
    ];
    expect(regionResult('leshan', certified, 'staff.certified.share')).toMatchObject({
      status: 'fail',
      figure: 0.125,
      threshold: '≥ 15 %',
    });
    const care = (has: boolean, id: string) =>
      community(id, 'urban', {
        facilities: has
          ? [
              {
                id: `f-${id}`,
                category: 'elderly_day_care',
                floorAreaSquareMeters: null,
                landAreaSquareMeters: null,
              },
            ]
          : [],
      });
    const ten = Array.from({ length: 10 }, (_, k) => care(k < 9, `c-${k}`));
    expect(regionResult('leshan', ten, 'coverage.day_care')).toMatchObject({ status: 'pass', figure: 0.9 });
    expect(regionResult('leshan', [care(true, 'a'), care(false, 'b')], 'coverage.day_care')).toMatchObject({
      status: 'fail',
      figure: 0.5,
    });
    const stations = [
      community('a', 'urban', { serviceFloorAreaSquareMeters: 600 }),
      community('v', 'village', {
        facilities: [
          { id: 's', category: 'service_station', floorAreaSquareMeters: null, landAreaSquareMeters: null },
        ],
      }),
    ];
    expect(regionResult('kaili', stations, 'coverage.service_station')).toMatchObject({
      status: 'pass',
      figure: 1,
    });
    expect(
      regionResult('linjiang', [...stations, community('w', 'village')], 'coverage.service_station'),
    ).toMatchObject({
      status: 'undetermined',
      communities: { missing: ['w'] },
    });
  });
});

describe('township seats (002 三、（一）1)', () => {
  const township = (
    id: string,
    seatKind: SeatKind | null,
    streetId = 's-t',
    seatName: string | null = null,
  ) => community(id, 'township', { streetId, seatKind, seatName });
  const seatResults = (communities: RegionCommunity[]) =>
    evaluateRegion('leshan', communities, null).results.filter((result) => result.ruleId === 'township.seat');

  it('allows two at a township seat, one at a former seat, any number at the county seat', () => {
    expect(seatResults([township('a', 'township-seat'), township('b', 'township-seat')])[0]).toMatchObject({
      status: 'pass',
      figure: 2,
      threshold: '≤ 2',
    });
    expect(
      seatResults([
        township('a', 'township-seat'),
        township('b', 'township-seat'),
        township('c', 'township-seat'),
      ])[0],
    ).toMatchObject({
      status: 'advice',
      side: 'above',
      figure: 3,
    });
    expect(seatResults([township('a', 'former-township-seat')])[0]).toMatchObject({
      status: 'pass',
      threshold: '≤ 1',
    });
    expect(
      seatResults([township('a', 'former-township-seat'), township('b', 'former-township-seat')])[0].status,
    ).toBe('advice');
    const county = seatResults(['a', 'b', 'c', 'd', 'e'].map((id) => township(id, 'county-seat')))[0];
    expect(county).toMatchObject({ status: 'not-applicable', reason: 'no-limit', figure: 5 });
  });

  it('counts per seat, not per street, and is undetermined for communities whose seat is not recorded', () => {
    const results = seatResults([
      township('a', 'township-seat'),
      township('b', 'township-seat'),
      township('c', 'former-township-seat', 's-t', '老场镇'),
      township('d', 'former-township-seat', 's-t', '新场镇'),
      township('e', null),
      township('f', 'township-seat', 's-u'),
    ]);
    expect(results.map((result) => [result.subject, result.status])).toEqual([
      [{ kind: 'street', streetId: 's-t', seat: { kind: 'township-seat', name: null } }, 'pass'],
      [{ kind: 'street', streetId: 's-t', seat: { kind: 'former-township-seat', name: '老场镇' } }, 'pass'],
      [{ kind: 'street', streetId: 's-t', seat: { kind: 'former-township-seat', name: '新场镇' } }, 'pass'],
      [{ kind: 'street', streetId: 's-t', seat: { kind: null, name: null } }, 'undetermined'],
      [{ kind: 'street', streetId: 's-u', seat: { kind: 'township-seat', name: null } }, 'pass'],
    ]);
    expect(results[3].missing).toEqual(['seatKind']);
  });

  it('is a Leshan rule only', () => {
    for (const profile of ['national', 'jishou', 'kaili', 'linjiang', 'qujing'] as const) {
      expect(
        evaluateRegion(profile, [township('a', 'township-seat')], null).results.some(
          (result) => result.ruleId === 'township.seat',
        ),
      ).toBe(false);
    }
  });
});

describe('an elderly-care complex per street (002 专栏1, 三、（一）3)', () => {
  const complex = {
    id: 'e-1',
    category: 'elderly_care_complex',
    floorAreaSquareMeters: null,
    landAreaSquareMeters: null,
  };
  const streets: StreetRecord[] = [
    { id: 's-1', name: '一街道', kind: 'street' },
    { id: 's-2', name: '二街道', kind: 'street' },
    { id: 't-1', name: '某镇', kind: 'township' },
  ];
  const communities = [
    community('a', 'urban', { streetId: 's-1', facilities: [complex] }),
    community('b', 'urban', { streetId: 's-2', facilities: [] }),
    community('c', 'township', { streetId: 't-1', facilities: [] }),
  ];

  it('expects one in every street and advises one in a township', () => {
    const results = evaluateRegion('leshan', communities, streets).results;
    const streetResults = results.filter((result) => result.ruleId === 'provision.elderly_complex.street');
    expect(
      streetResults.map((result) => [
        result.subject.kind === 'street' && result.subject.streetId,
        result.status,
      ]),
    ).toEqual([
      ['s-1', 'pass'],
      ['s-2', 'fail'],
    ]);
    const township = results.filter((result) => result.ruleId === 'provision.elderly_complex.township');
    expect(township.map((result) => result.status)).toEqual(['advice']);
  });

  it('is undetermined without the street list', () => {
    const result = evaluateRegion('leshan', communities, null).results.find(
      (entry) => entry.ruleId === 'provision.elderly_complex.street',
    )!;
    expect(result).toMatchObject({ status: 'undetermined', missing: ['streets'] });
  });
});
