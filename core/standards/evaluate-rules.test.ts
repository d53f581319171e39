import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from './community-figures.js';
import { DOCUMENT_IDS, SOURCE_DOCUMENTS } from './documents.js';
import { evaluateCommunity, type CommunityFigures, type FacilityFigures } from './evaluate-rules.js';
import { FACILITY_CATEGORIES, FACILITY_CATEGORY_IDS } from './facility-categories.js';
import { STANDARDS_PROFILE_IDS, STANDARDS_PROFILES, type StandardsProfileId } from './profiles.js';
import { CIRCLE_CATEGORIES, reachRequirementOf } from './reach.js';
import { summarizeResults } from './rule-results.js';
import { RULES, rulesOfProfile, sizeBandOf } from './rules.js';
import { TOOL_DEFAULTS } from './tool-defaults.js';

/**
 * Each profile's rule ids, read off its seed document (and, for `national`, standards.md §7):
 * a rule a document does not state must not be in its profile.
 */
const RULE_IDS_BY_PROFILE: Record<StandardsProfileId, string[]> = {
  // GB 50180-2018 tiers (3.0.4, 附录B) and 附录C's 600 m²; the State Council plan's 30 m² per 100 households.
  national: [
    'area.per100hh',
    'area.national.min',
    'reach.service_station',
    'reach.kindergarten',
    'reach.primary_school',
    'reach.middle_school',
    'reach.health_station',
    'reach.health_centre',
    'reach.elderly_day_care',
    'reach.supermarket',
    'reach.fitness_ground',
    'reach.park',
  ],
  // 000: 600 m² (一、（二）, 四、8), 一社区一片警 (四、11), 五小 (四、16). No 30 m², no bands, no circle.
  jishou: [
    'area.national.min',
    'staff.police',
    'provision.small.square',
    'provision.small.green',
    'provision.small.refuse',
    'provision.small.parking',
    'provision.small.toilet',
  ],
  // 001: 30 m², 600/800 and 400/500 m² (二、（一）1–2), ≥ 5 staff (三、（三）), 15-minute circle, station and grid coverage (一、（二）).
  kaili: [
    'area.per100hh',
    'area.urban.min',
    'area.rural.min',
    'staff.min',
    'reach.circle15',
    'coverage.service_station',
    'coverage.grid',
  ],
  // 002: bands, seats, 村改居 (三、（一）1), 专栏1, 专栏2, 三、（一）3's facilities and circles, 专栏5·3.
  leshan: [
    'size.residents',
    'size.households',
    'size.relocation',
    'township.seat',
    'village.conversion',
    'area.per100hh',
    'area.leshan.min',
    'area.commerce.share',
    'staff.police.auxiliary',
    'provision.service_station',
    'provision.kindergarten_or_nursery',
    'provision.supermarket',
    'provision.fitness_ground',
    'provision.park',
    'provision.parking',
    'provision.refuse_station',
    'provision.public_toilet',
    'provision.workers_rest',
    'adjacency.health_elderly',
    'reach.service_station',
    'reach.kindergarten_or_nursery',
    'reach.supermarket',
    'reach.fitness_ground',
    'reach.park',
    'reach.circle15',
    'staff.per10k',
    'staff.certified.share',
    'coverage.day_care',
    'coverage.culture_centre',
    'provision.elderly_complex.street',
    'provision.elderly_complex.township',
  ],
  // 003: 专栏1 (items 1–5, 7, 8), new communities (四、（十）), 毗邻, 8 h (四、（十一）), grids (六、（十六）), circles.
  linjiang: [
    'size.new.households',
    'area.per100hh',
    'area.activity.share',
    'area.commerce.share',
    'staff.grid',
    'service.hours',
    'adjacency.health_elderly',
    'reach.circle15',
    'reach.fitness15',
    'staff.per10k',
    'staff.socialworkers',
    'coverage.service_station',
  ],
  // 004: 30 m² (原则上), 8 h, one grid worker per grid, health centre (station) next to elderly care.
  qujing: ['area.per100hh', 'staff.grid', 'service.hours', 'adjacency.health_elderly.station'],
};

/** 滨江社区 of the demo: an urban community above the 12 000-resident band. */
const binjiang: CommunityFigures = {
  ...NO_SURVEYED_FIGURES,
  type: 'urban',
  residents: 13_480,
  households: 4_736,
  serviceFloorAreaSquareMeters: 1_630,
  staff: 28,
  socialWorkers: 3,
  grids: 13,
  gridWorkers: 13,
  facilities: null,
  reach: null,
};

function resultOf(
  profile: StandardsProfileId,
  figures: CommunityFigures,
  ruleId: string,
  settings = TOOL_DEFAULTS,
) {
  const result = evaluateCommunity(profile, figures, settings).find(
    (candidate) => candidate.ruleId === ruleId,
  );
  if (!result) throw new Error(`profile ${profile} does not check ${ruleId}`);
  return result;
}

const facility = (id: string, category: string, extra: Partial<FacilityFigures> = {}): FacilityFigures => ({
  id,
  category,
  floorAreaSquareMeters: null,
  landAreaSquareMeters: null,
  ...extra,
});

describe('the rule table', () => {
  it('gives every rule a unique id, both languages, and every profile entry a grade and sources from its own documents', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      for (const text of [rule.title, rule.advice, rule.unit]) {
        expect(text.zh.length, rule.id).toBeGreaterThan(0);
        expect(text.en.length, rule.id).toBeGreaterThan(0);
      }
      expect(Object.keys(rule.profiles).length, rule.id).toBeGreaterThan(0);
      for (const [profile, entry] of Object.entries(rule.profiles)) {
        const own = STANDARDS_PROFILES[profile as StandardsProfileId].documents;
        expect(entry.sources.length, `${rule.id} ${profile}`).toBeGreaterThan(0);
        for (const source of entry.sources) {
          // Nothing of one city leaks into another's profile, not even as a citation.
          expect(own, `${rule.id} under ${profile} cites ${source.document}`).toContain(source.document);
          expect(source.title).toBe(SOURCE_DOCUMENTS[source.document].title);
          expect(source.clause.length).toBeGreaterThan(0);
          // Seed documents are quoted; national ones are not shipped and carry no quote.
          expect(source.quote === null, `${rule.id} ${source.document}`).toBe(
            SOURCE_DOCUMENTS[source.document].seedFile === null,
          );
        }
      }
      if (rule.measure.of === 'facilities')
        for (const category of rule.measure.categories) expect(FACILITY_CATEGORY_IDS).toContain(category);
    }
  });

  it('quotes every title exactly as the documents give it', () => {
    expect(DOCUMENT_IDS.map((id) => SOURCE_DOCUMENTS[id].title)).toEqual([
      '《吉首市“十四五”城市社区发展规划》',
      '《凯里市加强和完善城乡社区治理的工作方案》',
      '《乐山市“十四五”城乡社区发展治理规划》',
      '《临江市“十四五”城乡社区服务体系建设规划》',
      '《曲靖市“十四五”城乡社区服务体系建设规划》',
      '《城市居住区规划设计标准》（GB 50180—2018）',
      '《“十四五”城乡社区服务体系建设规划》',
    ]);
  });

  it.each(STANDARDS_PROFILE_IDS)('holds exactly the rules the %s document states', (profile) => {
    expect(
      rulesOfProfile(profile)
        .map((rule) => rule.id)
        .sort(),
    ).toEqual([...RULE_IDS_BY_PROFILE[profile]].sort());
  });

  it('keeps Leshan’s relocation band and 村改居 test out of every other profile', () => {
    for (const profile of STANDARDS_PROFILE_IDS.filter((id) => id !== 'leshan')) {
      const ids = rulesOfProfile(profile).map((rule) => rule.id);
      expect(ids, profile).not.toContain('size.relocation');
      expect(ids, profile).not.toContain('village.conversion');
      expect(sizeBandOf(profile, 'relocation', 'residents'), profile).toBeNull();
      expect(sizeBandOf(profile, 'urban', 'residents'), profile).toBeNull();
    }
    expect(sizeBandOf('leshan', 'relocation', 'residents')).toEqual({ min: 800, max: 2000 });
    expect(sizeBandOf('leshan', 'fringe', 'households')).toEqual({ min: 1000, max: 2000 });
    expect(sizeBandOf('linjiang', 'new', 'households')).toEqual({ min: 3000, max: 4000 });
  });

  it('states the grade each document gives: 约束性, 预期性, or its guidance wording', () => {
    const grade = (id: string, profile: StandardsProfileId) =>
      RULES.find((rule) => rule.id === id)!.profiles[profile]!.grade;
    expect(grade('area.commerce.share', 'leshan')).toBe('binding');
    expect(grade('area.commerce.share', 'linjiang')).toBe('expected');
    expect(grade('staff.socialworkers', 'linjiang')).toBe('binding');
    expect(grade('area.per100hh', 'qujing')).toBe('guidance');
    expect(grade('area.leshan.min', 'leshan')).toBe('guidance');
    expect(grade('provision.kindergarten_or_nursery', 'leshan')).toBe('guidance');
    expect(grade('provision.fitness_ground', 'leshan')).toBe('expected');
  });
});

describe('floor area at the seeds’ boundaries', () => {
  const urban = (residents: number, area: number): CommunityFigures => ({
    ...binjiang,
    residents,
    households: 1,
    serviceFloorAreaSquareMeters: area,
  });

  it.each([
    [4_999, 599, 'fail', '≥ 600'],
    [4_999, 600, 'pass', '≥ 600'],
    [5_000, 799, 'fail', '≥ 800'],
    [5_000, 800, 'pass', '≥ 800'],
    [5_001, 799, 'fail', '≥ 800'],
    [5_001, 800, 'pass', '≥ 800'],
  ])('Kaili: %i residents with %i m² → %s (%s)', (residents, area, status, threshold) => {
    const result = resultOf('kaili', urban(residents, area), 'area.urban.min');
    expect(result).toMatchObject({ status, threshold, grade: 'expected' });
    // Only exactly at the boundary does the result say which reading of “以上/以下” applies.
    if (residents === 5_000) expect(result.note?.zh).toContain('5 000 人及以上不少于 800 m²');
    else expect(result.note ?? null).toBeNull();
  });

  it.each([
    [1_999, 399, 'fail', '≥ 400'],
    [1_999, 400, 'pass', '≥ 400'],
    [2_000, 499, 'fail', '≥ 500'],
    [2_000, 500, 'pass', '≥ 500'],
    [2_001, 499, 'fail', '≥ 500'],
  ])('Kaili rural: %i residents with %i m² → %s (%s)', (residents, area, status, threshold) => {
    for (const type of ['village', 'rural'] as const) {
      const result = resultOf('kaili', { ...urban(residents, area), type }, 'area.rural.min');
      expect(result, type).toMatchObject({ status, threshold });
      expect(Boolean(result.note), type).toBe(residents === 2_000);
    }
  });

  it('holds urban types to 600 m² under national and Jishou, and says nothing of it for villages', () => {
    expect(resultOf('national', urban(3_000, 599), 'area.national.min').status).toBe('fail');
    expect(resultOf('jishou', urban(3_000, 600), 'area.national.min').status).toBe('pass');
    expect(resultOf('jishou', { ...urban(3_000, 100), type: 'rural' }, 'area.national.min')).toMatchObject({
      status: 'not-applicable',
      reason: 'not-for-type',
    });
  });

  it('asks 30 m² per 100 households: expected in Kaili, guidance (原则上) in Qujing', () => {
    const hundreds = (area: number): CommunityFigures => ({
      ...binjiang,
      households: 1_000,
      serviceFloorAreaSquareMeters: area,
    });
    expect(resultOf('kaili', hundreds(299), 'area.per100hh')).toMatchObject({
      status: 'fail',
      side: 'below',
      threshold: '≥ 30',
    });
    expect(resultOf('kaili', hundreds(300), 'area.per100hh')).toMatchObject({ status: 'pass', figure: 30 });
    expect(resultOf('qujing', hundreds(299), 'area.per100hh')).toMatchObject({
      status: 'advice',
      side: 'below',
    });
    expect(
      resultOf('national', { ...binjiang, serviceFloorAreaSquareMeters: null }, 'area.per100hh'),
    ).toMatchObject({
      status: 'undetermined',
      missing: ['serviceFloorAreaSquareMeters'],
    });
    expect(resultOf('national', { ...binjiang, households: 0 }, 'area.per100hh')).toMatchObject({
      status: 'not-applicable',
    });
  });

  it('holds Leshan’s new builds to 500 m² and rebuilt, bought or rented stations to 300 m²', () => {
    const station = (
      area: number,
      stationProvenance: CommunityFigures['stationProvenance'],
    ): CommunityFigures => ({
      ...binjiang,
      serviceFloorAreaSquareMeters: area,
      stationProvenance,
    });
    expect(resultOf('leshan', station(499, 'new'), 'area.leshan.min')).toMatchObject({
      status: 'advice',
      threshold: '≥ 500',
    });
    expect(resultOf('leshan', station(500, 'new'), 'area.leshan.min').status).toBe('pass');
    for (const provenance of ['rebuilt', 'bought', 'rented'] as const) {
      expect(resultOf('leshan', station(299, provenance), 'area.leshan.min'), provenance).toMatchObject({
        status: 'advice',
        threshold: '≥ 300',
      });
      expect(resultOf('leshan', station(300, provenance), 'area.leshan.min').status, provenance).toBe('pass');
    }
    // Provenance unknown: decided only where both minimums agree.
    expect(resultOf('leshan', station(520, null), 'area.leshan.min').status).toBe('pass');
    expect(resultOf('leshan', station(250, null), 'area.leshan.min').status).toBe('advice');
    expect(resultOf('leshan', station(400, null), 'area.leshan.min')).toMatchObject({
      status: 'undetermined',
      missing: ['stationProvenance'],
    });
  });

  it('judges the activity and commerce shares, each document with its own figure and grade', () => {
    expect(resultOf('linjiang', binjiang, 'area.activity.share')).toMatchObject({
      status: 'undetermined',
      missing: ['activityFloorShare'],
    });
    expect(
      resultOf('linjiang', { ...binjiang, activityFloorShare: 0.59 }, 'area.activity.share'),
    ).toMatchObject({ status: 'fail', threshold: '≥ 60 %' });
    expect(resultOf('linjiang', { ...binjiang, activityFloorShare: 0.6 }, 'area.activity.share').status).toBe(
      'pass',
    );
    const commerce = { ...binjiang, commercialFloorShare: 0.11 };
    expect(resultOf('leshan', commerce, 'area.commerce.share')).toMatchObject({
      status: 'fail',
      grade: 'binding',
      threshold: '≥ 12 %',
    });
    expect(resultOf('linjiang', commerce, 'area.commerce.share')).toMatchObject({
      status: 'pass',
      grade: 'expected',
      threshold: '≥ 10 %',
    });
    expect(
      resultOf('linjiang', { ...commerce, commercialFloorShare: 0.09 }, 'area.commerce.share').status,
    ).toBe('fail');
  });
});

describe('size bands and the 村改居 classification', () => {
  it.each([
    [799, 'advice', 'below'],
    [800, 'pass', undefined],
    [2_000, 'pass', undefined],
    [2_001, 'advice', 'above'],
  ])('sizes a Leshan relocation community of %i residents: %s', (residents, status, side) => {
    const result = resultOf('leshan', { ...binjiang, type: 'relocation', residents }, 'size.relocation');
    expect(result).toMatchObject({ status, grade: 'guidance', threshold: '800–2 000' });
    expect(result.side).toBe(side);
  });

  it('gives advice, not a failure, outside Leshan’s urban band (原则上…为宜)', () => {
    expect(resultOf('leshan', binjiang, 'size.residents')).toMatchObject({
      status: 'advice',
      side: 'above',
      threshold: '4 500–12 000',
    });
    expect(
      resultOf('leshan', { ...binjiang, type: 'fringe', residents: 5_000 }, 'size.residents'),
    ).toMatchObject({ status: 'pass', threshold: '3 000–6 000' });
    expect(resultOf('leshan', { ...binjiang, type: 'township' }, 'size.residents').status).toBe(
      'not-applicable',
    );
    expect(
      resultOf('linjiang', { ...binjiang, type: 'new', households: 2_999 }, 'size.new.households').status,
    ).toBe('fail');
  });

  const village = (
    developmentProgress: number | null,
    agriculturalLandShare: number | null,
  ): CommunityFigures => ({
    ...binjiang,
    type: 'village',
    developmentProgress,
    agriculturalLandShare,
  });

  it.each([
    [0.5, 0.6, 'not-candidate'],
    [0.51, 0.6, 'candidate'],
    [0.2, 0.49, 'candidate'],
    [0.2, 0.5, 'not-candidate'],
    [null, 0.6, 'undetermined'],
    [null, 0.49, 'candidate'],
    [0.51, null, 'candidate'],
    [0.3, null, 'undetermined'],
    [null, null, 'undetermined'],
  ])('classifies a village with progress %s and farmland %s as %s', (progress, farmland, status) => {
    const result = resultOf('leshan', village(progress, farmland), 'village.conversion');
    expect(result).toMatchObject({ status, kind: 'classification' });
    if (status === 'undetermined') expect(result.missing!.length).toBeGreaterThan(0);
  });

  it('never counts the classification as a failure, and leaves non-villages alone', () => {
    const results = evaluateCommunity('leshan', village(0.1, 0.9));
    expect(results.find((result) => result.ruleId === 'village.conversion')!.status).toBe('not-candidate');
    expect(
      summarizeResults(results.filter((result) => result.ruleId === 'village.conversion')),
    ).toMatchObject({ fail: 0, notCandidate: 1 });
    expect(resultOf('leshan', binjiang, 'village.conversion')).toMatchObject({
      status: 'not-applicable',
      reason: 'not-for-type',
    });
  });
});

describe('provision (配建) and adjacency', () => {
  it('accepts a nursery for Leshan’s kindergarten, gives advice without one, and is undetermined without a facility layer', () => {
    const withNursery = { ...binjiang, facilities: [facility('f-1', 'nursery')] };
    expect(resultOf('leshan', withNursery, 'provision.kindergarten_or_nursery')).toMatchObject({
      status: 'pass',
      figure: 1,
    });
    expect(
      resultOf('leshan', { ...binjiang, facilities: [] }, 'provision.kindergarten_or_nursery'),
    ).toMatchObject({ status: 'advice', figure: 0 });
    expect(resultOf('leshan', { ...binjiang, facilities: [] }, 'provision.fitness_ground')).toMatchObject({
      status: 'fail',
      grade: 'expected',
    });
    expect(resultOf('leshan', binjiang, 'provision.supermarket')).toMatchObject({
      status: 'undetermined',
      missing: ['facilities'],
    });
  });

  it('asks new residential areas only for parking, a 120 m² refuse station and a 30 m² toilet', () => {
    expect(resultOf('leshan', binjiang, 'provision.parking')).toMatchObject({
      status: 'undetermined',
      missing: ['newResidentialArea'],
    });
    expect(resultOf('leshan', { ...binjiang, newResidentialArea: false }, 'provision.parking')).toMatchObject(
      {
        status: 'not-applicable',
        reason: 'not-new-residential',
      },
    );
    const fresh = { ...binjiang, newResidentialArea: true, households: 1_000 };
    expect(resultOf('leshan', { ...fresh, parkingSpaces: 999 }, 'provision.parking')).toMatchObject({
      status: 'fail',
      figure: 0.999,
    });
    expect(resultOf('leshan', { ...fresh, parkingSpaces: 1_000 }, 'provision.parking').status).toBe('pass');
    const refuse = (landAreaSquareMeters: number | null) => ({
      ...fresh,
      facilities: [facility('r-1', 'refuse_station', { landAreaSquareMeters })],
    });
    expect(resultOf('leshan', refuse(119), 'provision.refuse_station')).toMatchObject({
      status: 'advice',
      figure: 119,
    });
    expect(resultOf('leshan', refuse(120), 'provision.refuse_station').status).toBe('pass');
    expect(resultOf('leshan', refuse(null), 'provision.refuse_station').status).toBe('undetermined');
    expect(resultOf('leshan', { ...fresh, facilities: [] }, 'provision.refuse_station')).toMatchObject({
      status: 'advice',
      figure: 0,
    });
    const toilet = {
      ...fresh,
      facilities: [facility('t-1', 'public_toilet', { floorAreaSquareMeters: 30 })],
    };
    expect(resultOf('leshan', toilet, 'provision.public_toilet').status).toBe('pass');
  });

  it('checks a health centre is next to elderly care within the tool-default distance, which the user may change', () => {
    const centre = (meters: number | null) => ({
      ...binjiang,
      facilities: [
        facility('h-1', 'health_centre', {
          nearestMetersByCategory: { elderly_day_care: meters, elderly_care_complex: Infinity },
        }),
      ],
    });
    const near = resultOf('leshan', centre(150), 'adjacency.health_elderly');
    expect(near).toMatchObject({ status: 'pass', figure: 150, threshold: '≤ 200 m', toolDefault: true });
    expect(near.toolDefaultNote!.zh).toContain('工具默认');
    expect(resultOf('linjiang', centre(250), 'adjacency.health_elderly')).toMatchObject({
      status: 'advice',
      side: 'above',
    });
    expect(
      resultOf('linjiang', centre(250), 'adjacency.health_elderly', {
        ...TOOL_DEFAULTS,
        adjacencyMeters: 300,
      }).status,
    ).toBe('pass');
    expect(resultOf('leshan', { ...binjiang, facilities: [] }, 'adjacency.health_elderly')).toMatchObject({
      status: 'not-applicable',
      reason: 'nothing-to-judge',
    });
    expect(resultOf('leshan', centre(null), 'adjacency.health_elderly').status).toBe('undetermined');
    // Qujing names the health station too.
    const station = {
      ...binjiang,
      facilities: [
        facility('s-1', 'health_station', {
          nearestMetersByCategory: { elderly_day_care: 500, elderly_care_complex: Infinity },
        }),
      ],
    };
    expect(resultOf('qujing', station, 'adjacency.health_elderly.station')).toMatchObject({
      status: 'advice',
      figure: 500,
    });
    expect(resultOf('leshan', station, 'adjacency.health_elderly').status).toBe('not-applicable');
  });

  it('counts police, with auxiliaries only where the document accepts them', () => {
    expect(
      resultOf('jishou', { ...binjiang, policeOfficers: 0, auxiliaryPoliceOfficers: 2 }, 'staff.police'),
    ).toMatchObject({ status: 'advice' });
    expect(
      resultOf(
        'leshan',
        { ...binjiang, policeOfficers: 0, auxiliaryPoliceOfficers: 2 },
        'staff.police.auxiliary',
      ).status,
    ).toBe('pass');
    expect(resultOf('leshan', { ...binjiang, policeOfficers: 0 }, 'staff.police.auxiliary')).toMatchObject({
      status: 'undetermined',
      missing: ['auxiliaryPoliceOfficers'],
    });
    expect(resultOf('leshan', { ...binjiang, policeOfficers: 1 }, 'staff.police.auxiliary').status).toBe(
      'pass',
    );
  });

  it('checks staff, grids and opening hours with each document’s grade', () => {
    expect(resultOf('kaili', { ...binjiang, staff: 4 }, 'staff.min').status).toBe('fail');
    expect(resultOf('qujing', { ...binjiang, gridWorkers: 10 }, 'staff.grid')).toMatchObject({
      status: 'advice',
      side: 'below',
    });
    expect(resultOf('linjiang', { ...binjiang, gridWorkers: 10 }, 'staff.grid').status).toBe('fail');
    expect(resultOf('linjiang', { ...binjiang, type: 'rural', gridWorkers: 0 }, 'staff.grid').reason).toBe(
      'not-for-type',
    );
    expect(resultOf('qujing', { ...binjiang, openingHoursPerDay: 7.5 }, 'service.hours')).toMatchObject({
      status: 'advice',
      threshold: '≥ 8',
    });
  });
});

describe('reach', () => {
  const tiers = Object.fromEntries(
    Object.values(FACILITY_CATEGORIES).map((category) => [category.id, category.tierMinutes]),
  );
  const withReach = (
    shareByKey: Record<string, number | null>,
    speedMetersPerSecond = 0.8,
    table = tiers,
  ): CommunityFigures => ({
    ...binjiang,
    reach: { tiers: table, speedMetersPerSecond, shareByKey },
  });

  it('judges reach against the tool-default share, with the speed and tier table in force', () => {
    const result = resultOf('national', withReach({ kindergarten: 0.55 }), 'reach.kindergarten');
    expect(result).toMatchObject({ status: 'fail', figure: 0.55, threshold: '≥ 80 %', toolDefault: true });
    expect(result.walk).toEqual({
      speedMetersPerSecond: 0.8,
      requirement: { key: 'kindergarten', allOf: [{ anyOf: [{ category: 'kindergarten', minutes: 5 }] }] },
    });
    expect(result.sources.map((source) => source.document)).toEqual(['GB 50180-2018']);
    expect(
      resultOf('national', withReach({ kindergarten: 0.55 }), 'reach.kindergarten', {
        ...TOOL_DEFAULTS,
        reachShare: 0.5,
      }).status,
    ).toBe('pass');
    // A kindergarten moved to the 10-minute tier is walked to for 10 minutes.
    const ten = resultOf(
      'national',
      withReach({ kindergarten: 0.9 }, 1, { ...tiers, kindergarten: 10 }),
      'reach.kindergarten',
    );
    expect(ten.walk!.requirement.allOf[0].anyOf[0].minutes).toBe(10);
  });

  it('is undetermined without walking reach, and not applicable when the table gives no tier', () => {
    expect(resultOf('national', binjiang, 'reach.park')).toMatchObject({
      status: 'undetermined',
      missing: ['reach'],
    });
    expect(resultOf('national', withReach({}), 'reach.park')).toMatchObject({
      status: 'undetermined',
      missing: ['reach:park'],
    });
    expect(resultOf('national', withReach({}, 1, { ...tiers, park: null }), 'reach.park')).toMatchObject({
      status: 'not-applicable',
      reason: 'no-tier',
    });
  });

  it('accepts a nursery for Leshan’s kindergarten reach and builds the 15-minute circle from the table', () => {
    const result = resultOf(
      'leshan',
      withReach({ 'kindergarten|nursery': 0.85 }),
      'reach.kindergarten_or_nursery',
    );
    expect(result.status).toBe('pass');
    expect(result.walk!.requirement.allOf[0].anyOf.map((option) => option.category)).toEqual([
      'kindergarten',
      'nursery',
    ]);
    const circle = reachRequirementOf({ reach: 'circle', circleMinutes: 15 }, tiers)!;
    expect(circle.allOf.map((target) => target.anyOf[0].category)).toEqual(CIRCLE_CATEGORIES);
    const shorter = reachRequirementOf(
      { reach: 'circle', circleMinutes: 15 },
      { ...tiers, middle_school: 20 },
    )!;
    expect(shorter.allOf.map((target) => target.anyOf[0].category)).not.toContain('middle_school');
    for (const profile of ['kaili', 'leshan', 'linjiang'] as const) {
      const judged = resultOf(profile, withReach({ 'circle@15': 0.7 }), 'reach.circle15');
      expect(judged, profile).toMatchObject({ toolDefault: true, figure: 0.7 });
      expect(judged.status, profile).toBe(profile === 'linjiang' ? 'advice' : 'fail');
    }
  });

  it('holds Linjiang’s 15-minute fitness circle at 100 % for villages and communities, at the document’s 15 minutes', () => {
    const key = 'fitness_ground|sports_ground@15';
    const village = { ...withReach({ [key]: 0.99 }), type: 'village' as const };
    const result = resultOf('linjiang', village, 'reach.fitness15');
    expect(result).toMatchObject({ status: 'fail', threshold: '≥ 100 %', toolDefault: false });
    expect(result.walk!.requirement.allOf[0].anyOf.every((option) => option.minutes === 15)).toBe(true);
    expect(
      resultOf(
        'linjiang',
        { ...village, reach: { ...village.reach!, shareByKey: { [key]: 1 } } },
        'reach.fitness15',
      ).status,
    ).toBe('pass');
  });
});

describe('summarizeResults', () => {
  it('counts what was judged apart from what was undetermined', () => {
    const summary = summarizeResults(evaluateCommunity('leshan', { ...binjiang, type: 'village' }));
    expect(summary.judged).toBe(summary.pass + summary.fail + summary.advice);
    expect(summary.undetermined).toBeGreaterThan(0);
  });
});
