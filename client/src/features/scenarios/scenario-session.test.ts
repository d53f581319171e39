import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from '../../../../core/standards/community-figures';
import { reachRequirementsOf } from '../../../../core/standards/rules';
import type { Position, UnitAdjacencyAnswer, UnitFeature } from '../../lib/api-types';
import {
  DEFAULT_TIERS,
  FIXTURE_SPEED,
  judgedWithOf,
  requirementAnswer,
} from '../standards/result-fixtures.test-support';
import { buildEvaluator, decodeRegionUnits, decodeScenarioState, decodeUnitReach } from './evaluator-input';
import { ScenarioSession } from './scenario-session';
import type { JudgeContext } from './scenario-core';
import { buildUnitIndex } from './unit-index';

/** A row of five 1°×1° units: u0 u1 in A, u2 u3 in B (street s1), u4 in C (street s2). */
const RESIDENTS = [100, 200, 300, 400, 500];
const UNIT_IDS = RESIDENTS.map((_, index) => `u${index}`);

function unitFeature(index: number): UnitFeature {
  const ring: Position[] = [
    [index, 0],
    [index + 1, 0],
    [index + 1, 1],
    [index, 1],
    [index, 0],
  ];
  return {
    type: 'Feature',
    id: `u${index}`,
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    properties: {
      id: `u${index}`,
      name: `u${index}`,
      kind: 'block',
      communityId: '',
      communityName: '',
      residents: RESIDENTS[index],
      households: RESIDENTS[index] / 4,
      elderly: 0,
      children: 0,
      accessPoint: [index, 0],
      estimated: false,
    },
  };
}

function record(id: string, streetId: string) {
  return {
    id,
    name: id,
    nameEn: null,
    type: 'urban' as const,
    streetId,
    ...NO_SURVEYED_FIGURES,
    serviceFloorAreaSquareMeters: 600,
    staff: 10,
    isTownshipSeat: false,
  };
}

/** A reach bitset of the units given (bit u of byte u >> 3, least significant first), base64. */
function bitset(units: number[]): string {
  const bytes = new Uint8Array(Math.ceil(UNIT_IDS.length / 8));
  for (const unit of units) bytes[unit >> 3] |= 1 << (unit & 7);
  return btoa(String.fromCharCode(...bytes));
}

/** Units meeting each requirement: u0 and u2 reach a kindergarten; everyone a service station; nobody the rest. */
const COVERED: Record<string, number[]> = {
  'kindergarten|nursery': [0, 2],
  service_station: [0, 1, 2, 3, 4],
};

/** A facility of the unit it stands in, 100 m per unit eastwards in the metric plane. */
const facility = (id: string, category: string, unit: number) => ({
  id,
  category,
  unitId: `u${unit}`,
  floorAreaSquareMeters: null,
  landAreaSquareMeters: null,
  xMeters: unit * 100 + 50,
  yMeters: 50,
});

/** `/unit-adjacency` as the server answers it, judged under 002 (乐山) with the default tiers. */
function unitAdjacencyAnswer(): UnitAdjacencyAnswer {
  const requirements = reachRequirementsOf('leshan', DEFAULT_TIERS, { withCategories: true });
  return {
    regionId: 'r',
    metricSrid: 4546,
    unitIds: UNIT_IDS,
    residents: RESIDENTS,
    households: RESIDENTS.map((residents) => residents / 4),
    elderly: [0, 0, 0, 0, 0],
    children: [0, 0, 0, 0, 0],
    areaSquareMeters: [100, 100, 100, 100, 100],
    perimeterMeters: [40, 40, 40, 40, 40],
    unitA: [0, 1, 2, 3],
    unitB: [1, 2, 3, 4],
    sharedMeters: [10, 10, 10, 10],
    baselineCommunityIds: ['A', 'A', 'B', 'B', 'C'],
    facilities: [
      facility('station', 'service_station', 0),
      facility('health', 'health_centre', 1),
      facility('kindergarten', 'kindergarten', 2),
      facility('day-care', 'elderly_day_care', 3),
    ],
    streets: [
      { id: 's1', name: '一街道', kind: 'street' },
      { id: 's2', name: '二镇', kind: 'township' },
    ],
    reach: {
      tiers: DEFAULT_TIERS,
      speedMetersPerSecond: FIXTURE_SPEED,
      requirements: requirements.map(requirementAnswer),
      covered: requirements.map((requirement) => bitset(COVERED[requirement.key] ?? [])),
    },
    judgedWith: judgedWithOf('leshan'),
  };
}

function session() {
  const answer = unitAdjacencyAnswer();
  const region = decodeRegionUnits(answer);
  const { reach, judgedWith } = decodeUnitReach(answer);
  const context: JudgeContext = { profile: judgedWith.profile, reach };
  const state = decodeScenarioState(
    {
      id: 's',
      regionId: 'r',
      version: 1,
      communities: [record('A', 's1'), record('B', 's1'), record('C', 's2')],
      assignment: [0, 0, 1, 1, 2],
    },
    UNIT_IDS.length,
  );
  const units = buildUnitIndex(
    UNIT_IDS,
    RESIDENTS.map((_, index) => unitFeature(index)),
  );
  return { region, state, context, session: new ScenarioSession(region, state, units) };
}

const statusOf = (results: { ruleId: string; status: string }[], ruleId: string) =>
  results.find((result) => result.ruleId === ruleId)?.status;

describe('ScenarioSession', () => {
  it('paints units into a community with metrics and judgement updated at once, and leaves what the server would refuse', () => {
    const { session: s, context } = session();
    const { reach } = context;
    expect(reach?.requirements.map((requirement) => requirement.key)).toContain('kindergarten|nursery');
    expect(s.evaluator.metrics('A').residents).toBe(300);
    expect(s.evaluator.metrics('A', reach).reachShareByKey['kindergarten|nursery']).toBeCloseTo(100 / 300);
    expect(s.evaluator.metrics('A').facilityCountByCategory).toEqual({
      service_station: 1,
      health_centre: 1,
    });
    // 002 asks for a kindergarten inside (原则上: advice) and within its tier for 80 % (工具默认).
    expect(statusOf(s.evaluator.judge('A', context), 'provision.kindergarten_or_nursery')).toBe('advice');
    expect(statusOf(s.evaluator.judge('A', context), 'reach.kindergarten_or_nursery')).toBe('fail');

    expect(s.beginStroke('A')).toBe(true);
    expect(s.paint([2])).toBe(1);
    expect(s.evaluator.metrics('A').residents).toBe(600);
    expect(s.evaluator.metrics('B').residents).toBe(400);
    expect(s.evaluator.metrics('A', reach).reachShareByKey['kindergarten|nursery']).toBeCloseTo(400 / 600);
    expect(s.evaluator.metrics('B', reach).reachShareByKey['kindergarten|nursery']).toBe(0);
    // The kindergarten stands in u2: it follows the unit.
    expect(s.evaluator.metrics('A').facilityCountByCategory).toEqual({
      service_station: 1,
      health_centre: 1,
      kindergarten: 1,
    });
    expect(s.evaluator.metrics('B').facilityCountByCategory).toEqual({ elderly_day_care: 1 });
    expect(statusOf(s.evaluator.judge('A', context), 'provision.kindergarten_or_nursery')).toBe('pass');
    // 400 of 600 residents is below the 80 % the tool asks by default, above a share of one half.
    expect(statusOf(s.evaluator.judge('A', context), 'reach.kindergarten_or_nursery')).toBe('fail');
    expect(
      statusOf(
        s.evaluator.judge('A', { ...context, settings: { reachShare: 0.5 } }),
        'reach.kindergarten_or_nursery',
      ),
    ).toBe('pass');

    // u3 is B's last unit; u4 is in another street.
    expect(s.paint([3, 4])).toBe(0);
    const { edit, refused } = s.endStroke();
    expect(edit?.edit).toEqual({ op: 'assign', unitIds: ['u2'], communityId: 'A' });
    expect(refused.get('last-unit')).toBe(1);
    expect(refused.get('other-street')).toBe(1);
    expect(s.pendingEdits()).toHaveLength(1);
    expect(s.changedUnits()).toEqual([2]);
  });

  it('undoes and redoes pending edits, and ends equal to an evaluator built from the final state', () => {
    const { region, state, context, session: s } = session();
    const { reach } = context;
    // Reach sums registered before the edits are kept up to date by them, not recomputed.
    s.evaluator.allMetrics(reach);
    s.evaluator.judge('A', context);
    s.beginStroke('A');
    s.paint([2]);
    s.endStroke();
    expect(s.update('A', { staff: 20 }).ok).toBe(true);
    expect(s.evaluator.metrics('A').staffPer10kResidents).toBeCloseTo((20 / 600) * 10_000);
    expect(s.undo()).toBe(true);
    expect(s.evaluator.metrics('A').staff).toBe(10);
    expect(s.undo()).toBe(true);
    expect(s.evaluator.metrics('A', reach).residents).toBe(300);
    expect(s.evaluator.metrics('A', reach).reachShareByKey['kindergarten|nursery']).toBeCloseTo(100 / 300);
    expect(s.canUndo).toBe(false);
    expect(s.redo()).toBe(true);
    expect(s.redo()).toBe(true);
    expect(s.evaluator.metrics('A').residents).toBe(600);
    const fresh = buildEvaluator(region, {
      ...state,
      communities: state.communities.map((community) =>
        community.id === 'A' ? { ...community, staff: 20 } : community,
      ),
      assignment: ['A', 'A', 'A', 'B', 'C'],
    });
    expect(s.evaluator.allMetrics(reach)).toEqual(fresh.allMetrics(reach));
    expect(s.evaluator.allMetrics()).toEqual(fresh.allMetrics());
    const halfShare: JudgeContext = { ...context, settings: { reachShare: 0.5 } };
    for (const id of ['A', 'B', 'C']) {
      expect(s.evaluator.judge(id, context)).toEqual(fresh.judge(id, context));
      expect(s.evaluator.judge(id, halfShare)).toEqual(fresh.judge(id, halfShare));
      expect(s.evaluator.contributions(id, context)).toEqual(fresh.contributions(id, context));
    }
    expect(s.evaluator.judgeRegion(context)).toEqual(fresh.judgeRegion(context));
    // The judgement is the final state's, not the saved one's.
    expect(statusOf(s.evaluator.judge('A', context), 'provision.kindergarten_or_nursery')).toBe('pass');
  });

  it('refuses through the draft what the server refuses, changing nothing', () => {
    const { session: s } = session();
    const lasso: Position[] = [
      [1.9, -1],
      [4.1, -1],
      [4.1, 2],
      [1.9, 2],
    ];
    // B would be left empty by taking u2 and u3 (u4 is in another street and is left out).
    const refused = s.assignInside(lasso, 'A');
    expect(refused).toMatchObject({ ok: false, reason: 'leaves-community-empty' });
    expect(s.evaluator.metrics('B').residents).toBe(700);
    expect(s.pendingEdits()).toHaveLength(0);
    expect(s.merge('A', 'C')).toMatchObject({ ok: false, reason: 'other-street' });
    expect(s.merge('A', 'B')).toMatchObject({ ok: true, moved: 2 });
    expect(s.evaluator.hasCommunity('B')).toBe(false);
    expect(s.evaluator.metrics('A').residents).toBe(1000);
    expect(s.evaluator.metrics('A').staff).toBe(20);
    expect(s.evaluator.metrics('A').facilityCountByCategory).toEqual({
      service_station: 1,
      health_centre: 1,
      kindergarten: 1,
      elderly_day_care: 1,
    });
  });

  it('splits a community by a line across it and redraws an outline', () => {
    const { session: s } = session();
    // A west–east line… going north–south at x = 1 (between u0 and u1), drawn southwards: u1 (east) is on its left.
    const split = s.split(
      'A',
      [
        [1, 2],
        [1, -1],
      ],
      '新社区',
    );
    expect(split.ok).toBe(true);
    const created = split.ok ? split.createdId! : '';
    expect(s.evaluator.unitsOf(created)).toEqual(['u1']);
    expect(
      s.split(
        'B',
        [
          [2.5, 0.5],
          [3.5, 2],
        ],
        'x',
      ),
    ).toMatchObject({ ok: false, reason: 'line-not-across' });
    expect(
      s.redraw('B', [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
      ]),
    ).toMatchObject({ ok: false, reason: 'self-intersecting' });
    // B's outline taken over u1..u2: u1 (the new community's only unit) cannot leave it empty.
    expect(
      s.redraw('B', [
        [0.9, -1],
        [3.1, -1],
        [3.1, 2],
        [0.9, 2],
      ]),
    ).toMatchObject({ ok: false });
    s.undo();
    expect(s.evaluator.hasCommunity(created)).toBe(false);
    const redrawn = s.redraw('A', [
      [-1, -1],
      [2.8, -1],
      [2.8, 2],
      [-1, 2],
    ]);
    expect(redrawn).toMatchObject({ ok: true, moved: 1 });
    expect(s.evaluator.unitsOf('A')).toEqual(['u0', 'u1', 'u2']);
    // B drawn round u3 alone would leave nothing outside; round nothing of its own street is refused.
    expect(
      s.redraw('B', [
        [5.2, -1],
        [6, -1],
        [6, 2],
        [5.2, 2],
      ]),
    ).toMatchObject({ ok: false, reason: 'nothing-selected' });
    // A drawn round u1 alone strands u0, which touches no other community of its street.
    expect(
      s.redraw('A', [
        [1.2, -1],
        [1.8, -1],
        [1.8, 2],
        [1.2, 2],
      ]),
    ).toMatchObject({ ok: false, reason: 'no-neighbour' });
    expect(s.pendingEdits().map((entry) => entry.edit.op)).toEqual(['redraw']);
  });

  it('applies an advised batch as separate pending edits, or nothing when one is refused', () => {
    const { session: s } = session();
    const refused = s.applyAll([
      { op: 'create', community: { name: 'A2', type: 'urban', streetId: 's1' }, unitIds: ['u1'] },
      // u4 is of street s2: a community of s1 cannot take it.
      { op: 'create', community: { name: 'B2', type: 'urban', streetId: 's1' }, unitIds: ['u4'] },
    ]);
    expect(refused).toMatchObject({ ok: false, failedIndex: 1 });
    expect(s.pendingEdits()).toHaveLength(0);
    expect(s.evaluator.communityIds().sort()).toEqual(['A', 'B', 'C']);
    expect(s.evaluator.metrics('A').residents).toBe(300);

    const applied = s.applyAll([
      { op: 'create', community: { name: 'A2', type: 'urban', streetId: 's1' }, unitIds: ['u1'] },
      { op: 'create', community: { name: 'B2', type: 'urban', streetId: 's1' }, unitIds: ['u3'] },
    ]);
    expect(applied).toMatchObject({ ok: true, moved: 2 });
    expect(s.pendingEdits().map((entry) => entry.edit.op)).toEqual(['create', 'create']);
    expect(s.evaluator.metrics('A').residents).toBe(100);
    expect(s.evaluator.metrics('B').residents).toBe(300);
    expect(s.evaluator.communityIds()).toHaveLength(5);
    // Each is undone on its own.
    expect(s.undo()).toBe(true);
    expect(s.evaluator.metrics('B').residents).toBe(700);
    expect(s.evaluator.metrics('A').residents).toBe(100);
  });
});
