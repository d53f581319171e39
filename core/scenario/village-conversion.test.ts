import { describe, expect, it } from 'vitest';
import { COMMUNITY_TYPES } from '../standards/community-types.js';
import { FACILITY_CATEGORIES } from '../standards/facility-categories.js';
import { RULES } from '../standards/rules.js';
import { applyDraftResult, EDIT_NOT_A_VILLAGE, ScenarioDraft } from './scenario-draft.js';
import { ScenarioEvaluator, type CommunityRecord } from './scenario-evaluator.js';
import { squareLattice } from './test-lattice.js';
import { lowerBoundOf, villageConversionReport } from './village-conversion.js';

/** A columns × rows lattice of square 100 m units, each with `residents` residents and a third as households. */
function lattice(columns: number, rows: number, residents: number) {
  return squareLattice(columns, rows, () => ({
    residents,
    households: Math.round(residents / 3),
    elderly: 0,
    children: 0,
  }));
}

function community(id: string, overrides: Partial<CommunityRecord> = {}): CommunityRecord {
  return {
    id,
    name: id,
    type: 'village',
    streetId: 's-1',
    serviceFloorAreaSquareMeters: 400,
    staff: 5,
    socialWorkers: 1,
    grids: 2,
    gridWorkers: 1,
    agriculturalLandShare: 0.9,
    developmentProgress: 0.1,
    isTownshipSeat: false,
    ...overrides,
  };
}

/**
 * Five columns of four units (500 residents each, 2 000 a column): columns 0–4 are the villages
 * v-progress, v-farmland, v-neither, v-nodata and the urban community u-town.
 */
function villages() {
  const { units, adjacency } = lattice(5, 4, 500);
  const ids = ['v-progress', 'v-farmland', 'v-neither', 'v-nodata', 'u-town'];
  const communities = [
    community('v-progress', { developmentProgress: 0.62, agriculturalLandShare: 0.7 }),
    community('v-farmland', {
      developmentProgress: 0.2,
      agriculturalLandShare: 0.38,
      serviceFloorAreaSquareMeters: 700,
      staff: 2,
    }),
    community('v-neither', { developmentProgress: 0.5, agriculturalLandShare: 0.5 }),
    community('v-nodata', { developmentProgress: null, agriculturalLandShare: null }),
    community('u-town', { type: 'urban', developmentProgress: null, agriculturalLandShare: null }),
  ];
  const assignment = units.map((unit) => ids[Number(unit.id.split('-')[1])]);
  // Kindergartens reach rows 0–2 (75 %), service stations every unit, nothing else is measured.
  const coverage = {
    categories: ['kindergarten', 'service_station', 'primary_school'],
    covered: [
      Uint8Array.from(units, (unit) => (unit.id.endsWith('-3') ? 0 : 1)),
      Uint8Array.from(units, () => 1),
      Uint8Array.from(units, () => 0),
    ],
  };
  return new ScenarioEvaluator({ units, adjacency, communities, assignment, coverage });
}

describe('villageConversionReport', () => {
  it('tests every village and only villages, naming the condition that qualified each candidate', () => {
    const report = villageConversionReport(villages(), 'leshan');
    expect(report.ruleInProfile).toBe(true);
    expect(report.villages.map((village) => village.communityId)).toEqual([
      'v-progress',
      'v-farmland',
      'v-neither',
      'v-nodata',
    ]);
    expect(report.candidateIds).toEqual(['v-progress', 'v-farmland']);

    const byId = new Map(report.villages.map((village) => [village.communityId, village]));
    const progress = byId.get('v-progress')!;
    expect(progress.status).toBe('pass');
    expect(
      progress.conditions.map((condition) => [condition.condition, condition.figure, condition.met]),
    ).toEqual([
      ['development-progress', 0.62, true],
      ['farmland-share', 0.7, false],
    ]);
    expect(progress.reason!.zh).toContain('62%');
    expect(progress.reason!.en).toContain('development progress 62% > 50%');
    expect(progress.reason!.en).not.toContain('farmland share');

    const farmland = byId.get('v-farmland')!;
    expect(farmland.conditions.find((condition) => condition.met)?.condition).toBe('farmland-share');
    expect(farmland.reason!.en).toContain('farmland share 38% < 50%');

    // Exactly at the thresholds: progress must exceed half, farmland be under half.
    const neither = byId.get('v-neither')!;
    expect([neither.status, neither.candidate, neither.reason]).toEqual(['fail', false, null]);
    expect(neither.conditions.map((condition) => condition.met)).toEqual([false, false]);

    const noData = byId.get('v-nodata')!;
    expect([noData.status, noData.candidate]).toEqual(['not-applicable', false]);
    expect(noData.conditions.map((condition) => condition.met)).toEqual([null, null]);
  });

  it('takes the conversion thresholds from the rule table', () => {
    const threshold = RULES.find((rule) => rule.id === 'village.conversion')!.thresholds.national!;
    expect(threshold.kind).toBe('conversion');
    const report = villageConversionReport(villages(), 'national');
    const progress = report.villages[0].conditions[0];
    expect(progress.threshold).toBe(threshold.kind === 'conversion' ? threshold.progressAbove : NaN);
  });

  it('lists the floor area and staff an urban community would need, from the profile’s rules', () => {
    const national = villageConversionReport(villages(), 'national');
    const progress = national.villages.find((village) => village.communityId === 'v-progress')!;
    // national: 600 m² minimum for urban types (the village has 400) and 30 m² per 100 households.
    const minimum = progress.gaps.floorArea.find((gap) => gap.ruleId === 'area.national.min')!;
    expect(minimum).toMatchObject({ status: 'fail', figure: 400, shortfall: { amount: 200 } });
    const per100 = progress.gaps.floorArea.find((gap) => gap.ruleId === 'area.per100hh')!;
    const households = 4 * Math.round(500 / 3);
    expect(per100.figure).toBeCloseTo((400 / households) * 100, 9);
    expect(per100.status).toBe(per100.figure! >= 30 ? 'pass' : 'fail');
    expect(progress.gaps.staff).toEqual([]); // national holds no staff rule

    const linjiang = villageConversionReport(villages(), 'linjiang');
    const farmland = linjiang.villages.find((village) => village.communityId === 'v-farmland')!;
    // 2 000 residents need ceil(18 × 0.2) = 4 workers (it has 2) and 3 social workers (it has 1).
    expect(farmland.gaps.staff.find((gap) => gap.ruleId === 'staff.per10k')).toMatchObject({
      status: 'fail',
      figure: 10,
      shortfall: { amount: 2 },
    });
    expect(farmland.gaps.staff.find((gap) => gap.ruleId === 'staff.socialworkers')).toMatchObject({
      status: 'fail',
      shortfall: { amount: 2 },
    });
    expect(
      farmland.gaps.summary.some((line) => line.en.includes('Certified social workers: short by 2 workers')),
    ).toBe(true);

    // kaili: 600 m² below 5 000 residents for urban types; as a village 400 m² would do.
    const kaili = villageConversionReport(villages(), 'kaili');
    const kailiFarmland = kaili.villages.find((village) => village.communityId === 'v-farmland')!;
    expect(kailiFarmland.gaps.floorArea.find((gap) => gap.ruleId === 'area.urban.min')).toMatchObject({
      status: 'pass',
      figure: 700,
    });
    expect(kailiFarmland.gaps.floorArea.some((gap) => gap.ruleId === 'area.rural.min')).toBe(false);
    const kailiProgress = kaili.villages.find((village) => village.communityId === 'v-progress')!;
    expect(kailiProgress.gaps.floorArea.find((gap) => gap.ruleId === 'area.urban.min')).toMatchObject({
      status: 'fail',
      shortfall: { amount: 200 },
    });
  });

  it('lists per tier the required categories its residents do not reach', () => {
    const report = villageConversionReport(villages(), 'leshan');
    const entry = report.villages[0];
    const kindergartenTier = FACILITY_CATEGORIES.kindergarten.tierMinutes!;
    const tier = entry.gaps.facilities.find((candidate) => candidate.tierMinutes === kindergartenTier)!;
    const kindergarten = tier.categories.find((category) => category.category === 'kindergarten')!;
    // Three of four rows reach one: 75 % of 2 000 residents, below the 80 % of rule reach.kindergarten.
    expect(kindergarten).toMatchObject({
      coveredShare: 0.75,
      uncoveredResidents: 500,
      threshold: 0.8,
      thresholdRuleId: 'reach.kindergarten',
      status: 'below',
    });
    expect(tier.lacking).toContain('kindergarten');
    expect(tier.lacking).not.toContain('service_station');
    const schoolTier = entry.gaps.facilities.find(
      (candidate) => candidate.tierMinutes === FACILITY_CATEGORIES.primary_school.tierMinutes,
    )!;
    expect(schoolTier.categories.find((category) => category.category === 'primary_school')!.status).toBe(
      'unreached',
    );
    expect(schoolTier.lacking).toContain('primary_school');
    // Categories without coverage data are unknown, never counted as lacking.
    const unknown = entry.gaps.facilities
      .flatMap((candidate) => candidate.categories)
      .filter((category) => category.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const category of unknown)
      expect(entry.gaps.facilities.some((candidate) => candidate.lacking.includes(category.category))).toBe(
        false,
      );
    // Every required category appears once, in its own tier.
    const required = Object.values(FACILITY_CATEGORIES).filter(
      (category) => category.requiredForEveryCommunity,
    );
    expect(
      entry.gaps.facilities
        .flatMap((candidate) => candidate.categories.map((category) => category.category))
        .sort(),
    ).toEqual(required.map((category) => category.id).sort());
  });

  it('measures its size against the band of the type it would become', () => {
    const urban = villageConversionReport(villages(), 'leshan').villages[0].gaps.size;
    expect(urban).toEqual([
      {
        measure: 'residents',
        value: 2000,
        band: COMMUNITY_TYPES.urban.residents,
        outsideBand: 2000 - COMMUNITY_TYPES.urban.residents!.min!,
      },
      {
        measure: 'households',
        value: 4 * Math.round(500 / 3),
        band: COMMUNITY_TYPES.urban.households,
        outsideBand: 4 * Math.round(500 / 3) - COMMUNITY_TYPES.urban.households!.min!,
      },
    ]);
    const fringe = villageConversionReport(villages(), 'leshan', 'fringe').villages[0].gaps;
    expect(fringe.type).toBe('fringe');
    expect(fringe.size[0].outsideBand).toBe(2000 - COMMUNITY_TYPES.fringe.residents!.min!);
  });

  it('lower bounds step with residents where the rule says so', () => {
    const steps = {
      kind: 'min-by-residents',
      steps: [{ belowResidents: 5000, value: 600 }, { value: 800 }],
    } as const;
    expect(lowerBoundOf(steps, 4999, 'urban')).toBe(600);
    expect(lowerBoundOf(steps, 5000, 'urban')).toBe(800);
    expect(lowerBoundOf({ kind: 'type-band', band: 'residents' }, 0, 'fringe')).toBe(
      COMMUNITY_TYPES.fringe.residents!.min,
    );
    expect(lowerBoundOf({ kind: 'max', value: 3 }, 0, 'urban')).toBeNull();
  });
});

describe('convert-village edit', () => {
  const draftOf = (evaluator: ScenarioEvaluator) =>
    new ScenarioDraft(evaluator, { reservedCommunityIds: new Set(), newCommunityId: () => 'n-1' });

  it('turns a village into an urban (or fringe) community with its units, and the report drops it', () => {
    const evaluator = villages();
    const unitsBefore = evaluator.unitsOf('v-progress');
    const draft = draftOf(evaluator);
    const outcome = draft.apply({ op: 'convert-village', communityId: 'v-progress' });
    expect(outcome).toMatchObject({ ok: true, moved: 0 });
    expect(draft.apply({ op: 'convert-village', communityId: 'v-farmland', to: 'fringe' }).ok).toBe(true);
    const result = draft.result();
    expect(result.moves).toEqual([]);
    expect(result.reshaped).toEqual([]);
    expect(result.updated.map((record) => [record.id, record.type]).sort()).toEqual([
      ['v-farmland', 'fringe'],
      ['v-progress', 'urban'],
    ]);
    applyDraftResult(evaluator, result);
    expect(evaluator.communityRecord('v-progress').type).toBe('urban');
    expect(evaluator.unitsOf('v-progress')).toEqual(unitsBefore);
    // Now judged as an urban community: the urban size rule applies under leshan.
    expect(
      evaluator.judge('v-progress', 'leshan').find((rule) => rule.ruleId === 'size.residents')!.status,
    ).toBe('fail');
    const report = villageConversionReport(evaluator, 'leshan');
    expect(report.villages.map((village) => village.communityId)).toEqual(['v-neither', 'v-nodata']);
    expect(report.candidateIds).toEqual([]);
  });

  it('refuses a community that is not a village, and an unknown one', () => {
    const evaluator = villages();
    const refused = draftOf(evaluator).apply({ op: 'convert-village', communityId: 'u-town' });
    expect(refused).toMatchObject({ ok: false, reason: EDIT_NOT_A_VILLAGE });
    expect(!refused.ok && refused.message).toContain('"u-town" is of type "urban"');
    // A converted village is no longer a village: converting it twice in one batch is refused too.
    const draft = draftOf(evaluator);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-neither' }).ok).toBe(true);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-neither' })).toMatchObject({
      ok: false,
      reason: EDIT_NOT_A_VILLAGE,
    });
    expect(draftOf(evaluator).apply({ op: 'convert-village', communityId: 'nowhere' }).ok).toBe(false);
  });
});
