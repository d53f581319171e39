import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import type { UnitReach } from '../standards/reach.js';
import { reachRequirementsOf } from '../standards/rules.js';
import { STANDARDS_PROFILE_IDS } from '../standards/profiles.js';
import { applyDraftResult, EDIT_NOT_A_VILLAGE, ScenarioDraft } from './scenario-draft.js';
import { ScenarioEvaluator, type CommunityRecord, type JudgeContext } from './scenario-evaluator.js';
import { squareLattice } from './test-lattice.js';
import { villageConversionReport } from './village-conversion.js';

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
    ...NO_SURVEYED_FIGURES,
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
 * v-progress (applied to become urban), v-farmland (applied to become rural), v-neither, v-nodata
 * and the urban community u-town.
 */
function villages() {
  const { units, adjacency } = lattice(5, 4, 500);
  const ids = ['v-progress', 'v-farmland', 'v-neither', 'v-nodata', 'u-town'];
  const communities = [
    community('v-progress', {
      developmentProgress: 0.62,
      agriculturalLandShare: 0.7,
      applicationTarget: 'urban',
    }),
    community('v-farmland', {
      developmentProgress: 0.2,
      agriculturalLandShare: 0.38,
      serviceFloorAreaSquareMeters: 700,
      staff: 2,
      applicationTarget: 'rural',
    }),
    community('v-neither', { developmentProgress: 0.5, agriculturalLandShare: 0.5 }),
    community('v-nodata', { developmentProgress: null, agriculturalLandShare: 0.7 }),
    community('u-town', { type: 'urban', developmentProgress: null, agriculturalLandShare: null }),
  ];
  const assignment = units.map((unit) => ids[Number(unit.id.split('-')[1])]);
  return { evaluator: new ScenarioEvaluator({ units, adjacency, communities, assignment }), units };
}

/** Kindergartens reach rows 0–2 (75 %), everything else reaches every unit. */
function reachOf(units: readonly { id: string }[], profile: JudgeContext['profile']): UnitReach {
  const tiers = {
    service_station: 5,
    kindergarten: 5,
    nursery: 5,
    primary_school: 10,
    middle_school: 15,
    health_station: 5,
    health_centre: 15,
    elderly_day_care: 5,
    supermarket: 10,
    fitness_ground: 5,
    park: 10,
  };
  const requirements = reachRequirementsOf(profile, tiers);
  return {
    tiers,
    speedMetersPerSecond: 1,
    requirements,
    covered: requirements.map((requirement) =>
      Uint8Array.from(units, (unit) =>
        requirement.allOf.some((target) =>
          target.anyOf.some((option) => option.category === 'kindergarten'),
        ) && unit.id.endsWith('-3')
          ? 0
          : 1,
      ),
    ),
  };
}

const context = (profile: JudgeContext['profile'], reach: UnitReach | null = null): JudgeContext => ({
  profile,
  reach,
});

describe('villageConversionReport', () => {
  it('classifies every village under Leshan, the one profile whose document has the 村改居 test', () => {
    const { evaluator } = villages();
    const report = villageConversionReport(evaluator, context('leshan'));
    expect(report.ruleInProfile).toBe(true);
    expect(report.sources.map((source) => [source.title, source.clause])).toEqual([
      ['《乐山市“十四五”城乡社区发展治理规划》', '三、（一）1'],
    ]);
    expect(report.villages.map((village) => [village.communityId, village.status])).toEqual([
      ['v-progress', 'candidate'],
      ['v-farmland', 'candidate'],
      ['v-neither', 'not-candidate'],
      // Farmland does not decide and progress is missing: it may still qualify, so undetermined.
      ['v-nodata', 'undetermined'],
    ]);
    expect(report.candidateIds).toEqual(['v-progress', 'v-farmland']);
    expect(report.applicantIds).toEqual(['v-progress', 'v-farmland']);
    const progress = report.villages[0];
    expect(
      progress.conditions.map((condition) => [condition.condition, condition.figure, condition.met]),
    ).toEqual([
      ['development-progress', 0.62, true],
      ['farmland-share', 0.7, false],
    ]);
    expect(progress.reason!.en).toContain('development progress 62% > 50%');
    expect(progress.reason!.zh).toContain('《乐山市“十四五”城乡社区发展治理规划》三、（一）1');
    expect(report.villages[2].conditions.map((condition) => condition.met)).toEqual([false, false]);
    expect(report.villages[3].classification).toMatchObject({
      status: 'undetermined',
      missing: ['developmentProgress'],
    });
    // A classification is never a failure.
    expect(report.villages.some((village) => village.classification?.status === 'fail')).toBe(false);
  });

  it('classifies no village under the other profiles, but still lists what each would lack', () => {
    const { evaluator } = villages();
    for (const profile of STANDARDS_PROFILE_IDS.filter((id) => id !== 'leshan')) {
      const report = villageConversionReport(evaluator, context(profile));
      expect(report.ruleInProfile, profile).toBe(false);
      expect(report.candidateIds, profile).toEqual([]);
      expect(
        report.villages.map((village) => village.status),
        profile,
      ).toEqual(['not-applicable', 'not-applicable', 'not-applicable', 'not-applicable']);
      expect(report.villages).toHaveLength(4);
    }
  });

  it('judges each village as its application target under the profile’s own floor-area rules', () => {
    const { evaluator } = villages();
    const kaili = villageConversionReport(evaluator, context('kaili'));
    const [progress, farmland, neither] = kaili.villages;
    expect([progress.gaps.type, progress.gaps.targetFrom]).toEqual(['urban', 'application']);
    expect([farmland.gaps.type, farmland.gaps.targetFrom]).toEqual(['rural', 'application']);
    expect([neither.gaps.type, neither.gaps.targetFrom]).toEqual(['urban', 'default']);
    // Kaili: an urban community of 2 000 needs 600 m² (it has 400); a rural one 500 m² (it has 700).
    expect(progress.gaps.floorArea.find((gap) => gap.ruleId === 'area.urban.min')).toMatchObject({
      status: 'fail',
      figure: 400,
      shortfall: { amount: 200 },
    });
    expect(progress.gaps.floorArea.some((gap) => gap.ruleId === 'area.rural.min')).toBe(false);
    expect(farmland.gaps.floorArea.find((gap) => gap.ruleId === 'area.rural.min')).toMatchObject({
      status: 'pass',
      threshold: '≥ 500',
    });
    expect(farmland.gaps.staff.find((gap) => gap.ruleId === 'staff.min')).toMatchObject({
      status: 'fail',
      shortfall: { amount: 3 },
    });
    expect(farmland.gaps.summary.some((line) => line.zh.includes('社区专职工作者人数（不达标）'))).toBe(true);
    // Kaili has no size band for any type.
    expect(progress.gaps.size).toEqual([]);

    // National: 600 m² for urban types and 30 m² per 100 households.
    const national = villageConversionReport(evaluator, context('national')).villages[0];
    expect(national.gaps.floorArea.find((gap) => gap.ruleId === 'area.national.min')).toMatchObject({
      status: 'fail',
      shortfall: { amount: 200 },
    });
    // Jishou has no rule for a rural community's floor area: nothing to list there.
    const jishouRural = villageConversionReport(evaluator, context('jishou')).villages[1];
    expect(jishouRural.gaps.floorArea).toEqual([]);
    // A requested target wins over the application.
    expect(villageConversionReport(evaluator, context('kaili'), 'fringe').villages[1].gaps).toMatchObject({
      type: 'fringe',
      targetFrom: 'requested',
    });
  });

  it('measures size only against a band the profile has, and never region-scope staff ratios', () => {
    const { evaluator } = villages();
    const leshan = villageConversionReport(evaluator, context('leshan')).villages[0].gaps;
    expect(leshan.size.map((gap) => [gap.ruleId, gap.status, gap.side, gap.threshold])).toEqual([
      ['size.residents', 'advice', 'below', '4 500–12 000'],
      ['size.households', 'advice', 'below', '1 500–3 000'],
    ]);
    expect(leshan.size[0].shortfall).toEqual({ amount: 2500, unit: { zh: '人', en: 'residents' } });
    const linjiang = villageConversionReport(evaluator, context('linjiang')).villages[0].gaps;
    expect(linjiang.staff.map((gap) => gap.ruleId)).toEqual(['staff.grid']);
    expect(linjiang.staff[0]).toMatchObject({ status: 'fail', shortfall: { amount: 1 } });
  });

  it('lists provision and reach by tier with the reach in force, and says what could not be judged', () => {
    const { evaluator, units } = villages();
    const withoutReach = villageConversionReport(evaluator, context('leshan')).villages[0].gaps;
    expect(withoutReach.facilities.map((tier) => tier.tierMinutes)).toEqual([15, null]);
    expect(withoutReach.counts.undetermined).toBeGreaterThan(0);
    expect(withoutReach.summary.at(-1)!.zh).toMatch(/项待定（缺数据）/);

    const report = villageConversionReport(evaluator, context('leshan', reachOf(units, 'leshan')));
    const gaps = report.villages[0].gaps;
    expect(gaps.facilities.map((tier) => tier.tierMinutes)).toEqual([5, 10, 15]);
    const five = gaps.facilities[0];
    const kindergarten = five.gaps.find((gap) => gap.ruleId === 'reach.kindergarten_or_nursery')!;
    // Three of four rows reach one: 75 % of 2 000 residents, below the tool-default 80 %.
    expect(kindergarten).toMatchObject({
      status: 'fail',
      figure: 0.75,
      toolDefault: true,
      shortfall: { amount: 100 },
    });
    expect(five.lacking).toEqual(['reach.kindergarten_or_nursery']);
    expect(gaps.facilities[2].gaps.map((gap) => gap.ruleId)).toEqual(['reach.circle15']);
    // Provision is asked apart from reach; no facility layer here, so it is undetermined, not lacking.
    expect(
      gaps.provision.every((gap) => gap.status === 'undetermined' || gap.status === 'not-applicable'),
    ).toBe(true);
  });
});

describe('convert-village edit', () => {
  const draftOf = (evaluator: ScenarioEvaluator) =>
    new ScenarioDraft(evaluator, { reservedCommunityIds: new Set(), newCommunityId: () => 'n-1' });

  it('turns villages into the type they applied for (or the one asked), keeping their units', () => {
    const { evaluator } = villages();
    const unitsBefore = evaluator.unitsOf('v-progress');
    const draft = draftOf(evaluator);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-progress' })).toMatchObject({
      ok: true,
      moved: 0,
    });
    expect(draft.apply({ op: 'convert-village', communityId: 'v-farmland' }).ok).toBe(true);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-neither', to: 'fringe' }).ok).toBe(true);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-nodata' }).ok).toBe(true);
    const result = draft.result();
    expect(result.moves).toEqual([]);
    expect(result.updated.map((record) => [record.id, record.type]).sort()).toEqual([
      ['v-farmland', 'rural'],
      ['v-neither', 'fringe'],
      ['v-nodata', 'urban'],
      ['v-progress', 'urban'],
    ]);
    applyDraftResult(evaluator, result);
    expect(evaluator.unitsOf('v-progress')).toEqual(unitsBefore);
    // Judged as what they became: Kaili's rural minimum for the rural community, urban for the others.
    const kaili: JudgeContext = { profile: 'kaili', reach: null };
    expect(
      evaluator.judge('v-farmland', kaili).find((rule) => rule.ruleId === 'area.rural.min')!.status,
    ).toBe('pass');
    expect(
      evaluator.judge('v-progress', kaili).find((rule) => rule.ruleId === 'area.urban.min')!.status,
    ).toBe('fail');
    const report = villageConversionReport(evaluator, { profile: 'leshan', reach: null });
    expect(report.villages).toEqual([]);
  });

  it('refuses a community that is not a village, and an unknown one', () => {
    const { evaluator } = villages();
    const refused = draftOf(evaluator).apply({ op: 'convert-village', communityId: 'u-town' });
    expect(refused).toMatchObject({ ok: false, reason: EDIT_NOT_A_VILLAGE });
    expect(!refused.ok && refused.message).toContain('"u-town" is of type "urban"');
    const draft = draftOf(evaluator);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-neither' }).ok).toBe(true);
    expect(draft.apply({ op: 'convert-village', communityId: 'v-neither' })).toMatchObject({
      ok: false,
      reason: EDIT_NOT_A_VILLAGE,
    });
    expect(draftOf(evaluator).apply({ op: 'convert-village', communityId: 'nowhere' }).ok).toBe(false);
  });
});
