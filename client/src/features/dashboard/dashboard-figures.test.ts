import { describe, expect, it } from 'vitest';
import type { ScenarioRuleResult } from '../../lib/api-types';
import { rulesOfProfile, summarizeResults } from '../../lib/standards';
import {
  requirementOf,
  resultOf,
  sourcesOf,
  villageAnswer,
  villageEntry,
} from '../standards/result-fixtures.test-support';
import {
  outsideBandKpi,
  rankCommunities,
  reachCategoryOf,
  reachKpis,
  travelTimeBins,
  villageKpi,
} from './dashboard-figures';
import type { DashboardCommunityProperties } from './dashboard-types';

/** A community of the communities answer; its summary is counted from its rules, as the server does. */
function community(id: string, fields: Partial<DashboardCommunityProperties>): DashboardCommunityProperties {
  const rules: ScenarioRuleResult[] = fields.rules ?? [];
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
    serviceFloorAreaSquareMeters: null,
    serviceFloorAreaPer100Households: null,
    staff: null,
    staffPer10kResidents: null,
    residentsOutsideBand: 0,
    householdsOutsideBand: 0,
    facilityCountByCategory: {},
    reachShareByKey: {},
    contributions: [],
    ...fields,
    rules,
    summary: summarizeResults(rules),
  };
}

const leshan = (ruleId: string, status: ScenarioRuleResult['status'], fields?: Partial<ScenarioRuleResult>) =>
  resultOf(ruleId, status, 'leshan', fields);

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

describe('reachKpis', () => {
  it('gives every reach rule of the profile, ordered by the walking minutes of what it asks', () => {
    const reachRules = rulesOfProfile('leshan').filter((rule) => rule.kind === 'reach');
    const kpis = reachKpis(
      [community('a', { rules: reachRules.map((rule) => leshan(rule.id, 'pass', { figure: 1 })) })],
      'leshan',
    );
    expect(kpis.map((kpi) => [kpi.ruleId, kpi.minutes])).toEqual([
      ['reach.service_station', [5]],
      ['reach.fitness_ground', [5]],
      ['reach.kindergarten_or_nursery', [5]],
      ['reach.supermarket', [10]],
      ['reach.park', [10]],
      ['reach.circle15', [5, 10, 15]],
    ]);
    const kindergarten = kpis.find((kpi) => kpi.ruleId === 'reach.kindergarten_or_nursery')!;
    expect(kindergarten.requirementKey).toBe('kindergarten|nursery');
    expect(kindergarten.categories).toEqual(['kindergarten', 'nursery']);
    expect(kindergarten.sources).toEqual(sourcesOf('reach.kindergarten_or_nursery', 'leshan'));
    const circle = kpis.find((kpi) => kpi.ruleId === 'reach.circle15')!;
    expect(circle).toMatchObject({ requirementKey: 'circle@15', categories: [] });
    // A profile without reach rules has none to show.
    expect(reachKpis([community('a', {})], 'jishou')).toEqual([]);
  });

  it('weighs communities’ shares by residents under the requirement’s key and tallies met, judged and undetermined', () => {
    const kpis = reachKpis(
      [
        community('a', {
          residents: 1000,
          reachShareByKey: { 'kindergarten|nursery': 0.9, kindergarten: 0.1, service_station: 0.5 },
          rules: [
            leshan('reach.service_station', 'fail', { figure: 0.5 }),
            leshan('reach.kindergarten_or_nursery', 'pass', { figure: 0.9 }),
          ],
        }),
        community('b', {
          residents: 3000,
          reachShareByKey: { 'kindergarten|nursery': 0.5 },
          rules: [leshan('reach.kindergarten_or_nursery', 'fail', { figure: 0.5 })],
        }),
        // Judged without walking reach: undetermined, and no share to weigh.
        community('c', {
          residents: 2000,
          rules: [leshan('reach.kindergarten_or_nursery', 'undetermined', { walk: undefined })],
        }),
        // Nobody lives there: no share, no weight.
        community('e', {
          residents: 0,
          reachShareByKey: { 'kindergarten|nursery': null },
          rules: [leshan('reach.kindergarten_or_nursery', 'not-applicable')],
        }),
        // The rule is not for villages, but its residents are the region's: their share counts.
        community('v', {
          type: 'village',
          residents: 500,
          reachShareByKey: { 'kindergarten|nursery': 0 },
          rules: [leshan('reach.kindergarten_or_nursery', 'not-applicable', { walk: undefined })],
        }),
      ],
      'leshan',
    );
    const kindergarten = kpis.find((kpi) => kpi.ruleId === 'reach.kindergarten_or_nursery')!;
    // (0.9 × 1 000 + 0.5 × 3 000 + 0 × 500) / 4 500: the plain kindergarten share of `a` is not the requirement's.
    expect(kindergarten.coveredShare).toBeCloseTo(2400 / 4500);
    expect(kindergarten.tally).toEqual({ met: 1, judged: 2, undetermined: 1 });
    const station = kpis.find((kpi) => kpi.ruleId === 'reach.service_station')!;
    expect(station).toMatchObject({
      requirementKey: 'service_station',
      coveredShare: 0.5,
      tally: { met: 0, judged: 1, undetermined: 0 },
    });
    // No community was judged with walking reach for the park: its requirement and share are unknown.
    const park = kpis.find((kpi) => kpi.ruleId === 'reach.park')!;
    expect(park).toMatchObject({
      requirementKey: null,
      minutes: [],
      categories: ['park'],
      coveredShare: null,
      tally: { met: 0, judged: 0, undetermined: 0 },
    });
    // A circle's minutes are the document's when no requirement is known.
    expect(kpis.find((kpi) => kpi.ruleId === 'reach.circle15')!.minutes).toEqual([15]);
  });

  it('reads the key the result walked to, not the category: 003’s 15-minute fitness circle', () => {
    const walk = {
      speedMetersPerSecond: 1.2,
      requirement: requirementOf('reach.fitness15')!,
    };
    const kpis = reachKpis(
      [
        community('a', {
          residents: 1000,
          reachShareByKey: { 'fitness_ground|sports_ground@15': 0.7, fitness_ground: 0.2 },
          rules: [resultOf('reach.fitness15', 'fail', 'linjiang', { figure: 0.7, walk })],
        }),
        community('b', {
          residents: 1000,
          reachShareByKey: { 'fitness_ground|sports_ground@15': 1, fitness_ground: 1 },
          rules: [resultOf('reach.fitness15', 'pass', 'linjiang', { figure: 1, walk })],
        }),
      ],
      'linjiang',
    );
    const fitness = kpis.find((kpi) => kpi.ruleId === 'reach.fitness15')!;
    expect(fitness).toMatchObject({
      requirementKey: 'fitness_ground|sports_ground@15',
      categories: ['fitness_ground', 'sports_ground'],
      minutes: [15],
      tally: { met: 1, judged: 2, undetermined: 0 },
    });
    expect(fitness.coveredShare).toBeCloseTo(0.85);
  });
});

describe('outsideBandKpi', () => {
  const sizeRules = ['size.residents', 'size.households', 'size.relocation'];
  const sized = (id: string, statuses: ScenarioRuleResult['status'][], fields = {}) =>
    community(id, {
      ...fields,
      rules: [
        ...sizeRules.map((ruleId, index) => leshan(ruleId, statuses[index])),
        leshan('area.per100hh', 'fail'),
      ],
    });

  it('counts communities outside a size band of the profile (advice where the band is guidance), undetermined apart', () => {
    const kpi = outsideBandKpi(
      [
        sized('above', ['advice', 'pass', 'not-applicable'], { residents: 13_000 }),
        sized('within', ['pass', 'pass', 'not-applicable']),
        sized('both', ['advice', 'advice', 'not-applicable']),
        sized('unknown', ['not-applicable', 'not-applicable', 'undetermined'], { type: 'relocation' }),
        // Outside every band's types: not counted, not over.
        sized('village', ['not-applicable', 'not-applicable', 'not-applicable'], { type: 'village' }),
        // A failure of another rule is no size matter.
        community('bare', { rules: [leshan('area.per100hh', 'fail')] }),
      ],
      'leshan',
    );
    expect(kpi).toMatchObject({ count: 2, of: 4, undetermined: 1, ruleIds: sizeRules });
    // 002 三、（一）1 states every band: cited once.
    expect(kpi.sources.map((source) => [source.document, source.clause])).toEqual([['002', '三、（一）1']]);
  });

  it('counts a failure of a band the document expects, and nothing under a profile without bands', () => {
    const fresh = community('new', {
      type: 'new',
      rules: [resultOf('size.new.households', 'fail', 'linjiang', { side: 'below' })],
    });
    expect(outsideBandKpi([fresh], 'linjiang')).toMatchObject({
      count: 1,
      of: 1,
      undetermined: 0,
      ruleIds: ['size.new.households'],
      sources: sourcesOf('size.new.households', 'linjiang'),
    });
    expect(outsideBandKpi([fresh], 'national')).toEqual({
      count: 0,
      of: 0,
      undetermined: 0,
      ruleIds: [],
      sources: [],
    });
  });
});

describe('villageKpi', () => {
  it('counts 村改居 candidates among the villages classified, undetermined apart: a classification, never a failure', () => {
    const answer = villageAnswer('leshan', [
      villageEntry('a', '桃源村', 'candidate', 'leshan'),
      villageEntry('b', '石门村', 'candidate', 'leshan'),
      villageEntry('c', '茶园村', 'not-candidate', 'leshan'),
      villageEntry('d', '白岩村', 'undetermined', 'leshan'),
    ]);
    expect(villageKpi(answer)).toEqual({
      count: 2,
      of: 4,
      undetermined: 1,
      ruleIds: ['village.conversion'],
      sources: sourcesOf('village.conversion', 'leshan'),
      inProfile: true,
    });
  });

  it('classifies no village under a profile without the test', () => {
    const answer = villageAnswer('jishou', [
      villageEntry('a', '桃源村', 'not-applicable', 'jishou'),
      villageEntry('b', '石门村', 'not-applicable', 'jishou'),
    ]);
    expect(villageKpi(answer)).toEqual({
      count: 0,
      of: 0,
      undetermined: 0,
      ruleIds: ['village.conversion'],
      sources: [],
      inProfile: false,
    });
  });
});

describe('rankCommunities', () => {
  it('ranks by the share of judged rules passed; advice is a gap but ranks above a failure', () => {
    const ranked = rankCommunities([
      community('advised', {
        rules: [
          leshan('size.residents', 'not-applicable'),
          leshan('area.per100hh', 'pass'),
          leshan('provision.service_station', 'advice'),
          leshan('provision.parking', 'undetermined'),
        ],
      }),
      community('complete', {
        rules: [leshan('area.per100hh', 'pass'), leshan('provision.service_station', 'pass')],
      }),
      community('failed', {
        residents: 5000,
        rules: [leshan('area.per100hh', 'fail'), leshan('provision.service_station', 'pass')],
      }),
      community('both', {
        residents: 9000,
        rules: [
          leshan('size.residents', 'advice'),
          leshan('area.per100hh', 'fail'),
          leshan('provision.service_station', 'pass'),
          leshan('provision.park', 'pass'),
        ],
      }),
    ]);
    expect(ranked.map((row) => [row.rank, row.id])).toEqual([
      [1, 'complete'],
      [2, 'advised'],
      [3, 'failed'],
      [4, 'both'],
    ]);
    // Not applicable and undetermined rules are not judged: 1 of 2.
    expect(ranked[1]).toMatchObject({ passed: 1, judged: 2, undetermined: 1, completeness: 0.5 });
    expect(ranked[1].gaps.map((gap) => [gap.ruleId, gap.status])).toEqual([
      ['provision.service_station', 'advice'],
    ]);
    // Failures first, then advice, whatever the table order.
    expect(ranked[3].gaps.map((gap) => [gap.ruleId, gap.status])).toEqual([
      ['area.per100hh', 'fail'],
      ['size.residents', 'advice'],
    ]);
  });

  it('never counts the 村改居 classification: a village with nothing judged ranks after every judged community', () => {
    const ranked = rankCommunities([
      community('candidate', {
        type: 'village',
        residents: 8000,
        rules: [
          leshan('village.conversion', 'candidate'),
          leshan('adjacency.health_elderly', 'not-applicable'),
        ],
      }),
      community('weak', { rules: [leshan('area.per100hh', 'fail')] }),
      community('not-candidate', {
        type: 'village',
        residents: 900,
        rules: [leshan('village.conversion', 'not-candidate'), leshan('adjacency.health_elderly', 'pass')],
      }),
    ]);
    expect(ranked.map((row) => row.id)).toEqual(['not-candidate', 'weak', 'candidate']);
    expect(ranked[0]).toMatchObject({ passed: 1, judged: 1, completeness: 1, gaps: [] });
    expect(ranked[2]).toMatchObject({ passed: 0, judged: 0, completeness: null, gaps: [] });
  });

  it('breaks ties by more residents, then by id', () => {
    const rules = [leshan('area.per100hh', 'pass'), leshan('provision.park', 'advice')];
    const ranked = rankCommunities([
      community('b', { residents: 3000, rules }),
      community('c', { residents: 3000, rules }),
      community('a', { residents: 1000, rules }),
      community('d', { residents: 4000, rules }),
    ]);
    expect(ranked.map((row) => row.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('reachCategoryOf', () => {
  it('names the first category a reach rule walks to, none for a circle or another kind of rule', () => {
    expect(reachCategoryOf('reach.kindergarten_or_nursery')).toBe('kindergarten');
    expect(reachCategoryOf('reach.fitness15')).toBe('fitness_ground');
    expect(reachCategoryOf('reach.circle15')).toBeNull();
    expect(reachCategoryOf('provision.park')).toBeNull();
    expect(() => reachCategoryOf('reach.nowhere')).toThrow(/not in the rule table/);
  });
});
