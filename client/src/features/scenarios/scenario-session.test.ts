import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from '../../../../core/standards/evaluate-rules';
import type { Position, UnitFeature } from '../../lib/api-types';
import { buildEvaluator, decodeRegionUnits, decodeScenarioState } from './evaluator-input';
import { ScenarioSession } from './scenario-session';
import { buildUnitIndex } from './unit-index';

/** A row of five 1°×1° units: u0 u1 in A, u2 u3 in B (street s1), u4 in C (street s2). */
const RESIDENTS = [100, 200, 300, 400, 500];

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

function session() {
  const unitIds = RESIDENTS.map((_, index) => `u${index}`);
  const region = decodeRegionUnits({
    regionId: 'r',
    metricSrid: 4546,
    unitIds,
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
    // u0 and u2 reach the kindergarten: bits 0 and 2 → 0b101.
    coverage: { categories: ['kindergarten'], covered: [btoa(String.fromCharCode(0b101))] },
    coverageNote: null,
  });
  const state = decodeScenarioState(
    {
      id: 's',
      regionId: 'r',
      version: 1,
      communities: [record('A', 's1'), record('B', 's1'), record('C', 's2')],
      assignment: [0, 0, 1, 1, 2],
    },
    unitIds.length,
  );
  const units = buildUnitIndex(
    unitIds,
    RESIDENTS.map((_, index) => unitFeature(index)),
  );
  return { region, state, session: new ScenarioSession(region, state, units) };
}

describe('ScenarioSession', () => {
  it('paints units into a community with metrics updated at once, and leaves what the server would refuse', () => {
    const { session: s } = session();
    expect(s.evaluator.metrics('A').residents).toBe(300);
    expect(s.beginStroke('A')).toBe(true);
    expect(s.paint([2])).toBe(1);
    expect(s.evaluator.metrics('A').residents).toBe(600);
    expect(s.evaluator.metrics('B').residents).toBe(400);
    expect(s.evaluator.metrics('A').coveredShareByCategory.kindergarten).toBeCloseTo(400 / 600);
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
    const { region, state, session: s } = session();
    s.beginStroke('A');
    s.paint([2]);
    s.endStroke();
    expect(s.update('A', { staff: 20 }).ok).toBe(true);
    expect(s.evaluator.metrics('A').staffPer10kResidents).toBeCloseTo((20 / 600) * 10_000);
    expect(s.undo()).toBe(true);
    expect(s.evaluator.metrics('A').staff).toBe(10);
    expect(s.undo()).toBe(true);
    expect(s.evaluator.metrics('A').residents).toBe(300);
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
    expect(s.evaluator.allMetrics()).toEqual(fresh.allMetrics());
    expect(s.evaluator.judge('A', 'leshan')).toEqual(fresh.judge('A', 'leshan'));
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
