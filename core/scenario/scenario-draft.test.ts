import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import {
  applyDraftResult,
  EDIT_COMMUNITY_ID_TAKEN,
  EDIT_LEAVES_EMPTY,
  EDIT_NO_NEIGHBOUR,
  EDIT_NOT_DIVIDED,
  EDIT_OTHER_STREET,
  EDIT_UNKNOWN_COMMUNITY,
  EDIT_UNKNOWN_UNIT,
  ScenarioDraft,
  type ScenarioEdit,
} from './scenario-draft.js';
import { ScenarioEvaluator, type CommunityRecord, type ScenarioUnit } from './scenario-evaluator.js';

/**
 * A 6 × 2 lattice of 100 m units (u-column-row). Street s-1 is columns 0–3: a = 0–1, b = 2–3;
 * street s-2 is columns 4–5: community c.
 */
function town() {
  const units: ScenarioUnit[] = [];
  const adjacency = { unitA: [] as number[], unitB: [] as number[], sharedMeters: [] as number[] };
  for (let row = 0; row < 2; row += 1) {
    for (let column = 0; column < 6; column += 1) {
      units.push({
        id: `u-${column}-${row}`,
        residents: 10 * (column + 1),
        households: 3,
        elderly: 1,
        children: 1,
        areaSquareMeters: 1e4,
        perimeterMeters: 400,
      });
      const index = row * 6 + column;
      const join = (other: number) => {
        adjacency.unitA.push(other);
        adjacency.unitB.push(index);
        adjacency.sharedMeters.push(100);
      };
      if (column > 0) join(index - 1);
      if (row > 0) join(index - 6);
    }
  }
  const record = (id: string, streetId: string): CommunityRecord => ({
    id,
    name: id,
    type: 'urban',
    streetId,
    ...NO_SURVEYED_FIGURES,
    serviceFloorAreaSquareMeters: 100,
    staff: 2,
    isTownshipSeat: false,
  });
  const communities = [record('a', 's-1'), record('b', 's-1'), record('c', 's-2')];
  const assignment = units.map((unit) => {
    const column = Number(unit.id.split('-')[1]);
    return column < 2 ? 'a' : column < 4 ? 'b' : 'c';
  });
  const evaluator = new ScenarioEvaluator({ units, adjacency, communities, assignment });
  let next = 0;
  const draft = () =>
    new ScenarioDraft(evaluator, {
      reservedCommunityIds: new Set(['a', 'b', 'c', 'old']),
      newCommunityId: () => `n-${(next += 1)}`,
    });
  return { units, adjacency, communities, evaluator, draft };
}

describe('ScenarioDraft', () => {
  it('moves units within a street and leaves the evaluator alone until replayed', () => {
    const { evaluator, draft } = town();
    const d = draft();
    expect(d.apply({ op: 'assign', unitIds: ['u-2-0', 'u-2-1'], communityId: 'a' })).toEqual({
      ok: true,
      moved: 2,
      notes: [],
    });
    expect(d.unitsOf('a')).toEqual(['u-0-0', 'u-1-0', 'u-0-1', 'u-1-1', 'u-2-0', 'u-2-1']);
    expect(evaluator.metrics('a').unitCount).toBe(4);
    const result = d.result();
    expect(result.moves).toEqual([
      { unitId: 'u-2-0', from: 'b', to: 'a' },
      { unitId: 'u-2-1', from: 'b', to: 'a' },
    ]);
    expect(result.reshaped.sort()).toEqual(['a', 'b']);
    applyDraftResult(evaluator, result);
    expect(evaluator.metrics('a')).toMatchObject({ unitCount: 6, residents: 2 * (10 + 20 + 30) });
  });

  it('refuses unknown units and communities, other streets, and communities left empty unless dissolved', () => {
    const { evaluator, draft } = town();
    const refusal = (edit: ScenarioEdit) => {
      const outcome = draft().apply(edit);
      return outcome.ok ? null : outcome.reason;
    };
    expect(refusal({ op: 'assign', unitIds: ['u-9-9'], communityId: 'a' })).toBe(EDIT_UNKNOWN_UNIT);
    expect(refusal({ op: 'assign', unitIds: ['u-0-0'], communityId: 'zz' })).toBe(EDIT_UNKNOWN_COMMUNITY);
    expect(refusal({ op: 'assign', unitIds: ['u-4-0'], communityId: 'b' })).toBe(EDIT_OTHER_STREET);
    const allOfB = ['u-2-0', 'u-3-0', 'u-2-1', 'u-3-1'];
    expect(refusal({ op: 'assign', unitIds: allOfB, communityId: 'a' })).toBe(EDIT_LEAVES_EMPTY);
    const d = draft();
    expect(d.apply({ op: 'assign', unitIds: allOfB, communityId: 'a', dissolve: true }).ok).toBe(true);
    expect(d.hasCommunity('b')).toBe(false);
    const result = d.result();
    expect(result.dissolved).toEqual(['b']);
    applyDraftResult(evaluator, result);
    expect(evaluator.communityIds()).toEqual(['a', 'c']);
  });

  it('redraws: units inside join, units left outside go to the neighbour they share most with', () => {
    const { draft } = town();
    const d = draft();
    // The outline holds a, column 2 (of b) and one unit of another street.
    const outcome = d.apply(
      { op: 'redraw', communityId: 'a', outline: { type: 'Polygon', coordinates: [] } },
      { insideUnitIds: ['u-0-0', 'u-0-1', 'u-1-0', 'u-1-1', 'u-2-0', 'u-2-1', 'u-4-0'] },
    );
    expect(outcome).toMatchObject({
      ok: true,
      moved: 2,
      notes: [expect.stringMatching(/^1 units .* other streets/)],
    });
    expect(d.unitsOf('a').sort()).toEqual(['u-0-0', 'u-0-1', 'u-1-0', 'u-1-1', 'u-2-0', 'u-2-1']);
    expect(d.result().moves).toHaveLength(2);
    // Column 0 touches only a: nothing to hand it to.
    const stranded = draft().apply(
      { op: 'redraw', communityId: 'a', outline: { type: 'Polygon', coordinates: [] } },
      { insideUnitIds: ['u-1-0', 'u-1-1'] },
    );
    expect(stranded).toMatchObject({ ok: false, reason: EDIT_NO_NEIGHBOUR });
    const toB = draft();
    expect(
      toB.apply(
        { op: 'redraw', communityId: 'a', outline: { type: 'Polygon', coordinates: [] } },
        { insideUnitIds: ['u-1-0'] },
      ).ok,
    ).toBe(true);
    // u-1-1 touches b directly; u-0-0 and u-0-1 reach b through it.
    expect(toB.unitsOf('b').sort()).toEqual(['u-0-0', 'u-0-1', 'u-1-1', 'u-2-0', 'u-2-1', 'u-3-0', 'u-3-1']);
  });

  it('splits, merges (adding staff and floor area), creates and updates', () => {
    const { evaluator, draft, units, adjacency } = town();
    const d = draft();
    expect(
      d.apply(
        {
          op: 'split',
          communityId: 'b',
          line: { type: 'LineString', coordinates: [] },
          newCommunity: { name: '新社区' },
        },
        { newSideUnitIds: ['u-3-0', 'u-3-1'] },
      ),
    ).toMatchObject({ ok: true, moved: 2 });
    expect(d.record('n-1')).toMatchObject({ name: '新社区', streetId: 's-1', type: 'urban', staff: null });
    expect(
      d.apply(
        {
          op: 'split',
          communityId: 'b',
          line: { type: 'LineString', coordinates: [] },
          newCommunity: { name: 'x' },
        },
        { newSideUnitIds: ['u-2-0', 'u-2-1'] },
      ),
    ).toMatchObject({ ok: false, reason: EDIT_NOT_DIVIDED });
    const m = draft();
    expect(m.apply({ op: 'merge', communityIds: ['a', 'b'], into: 'a' })).toMatchObject({
      ok: true,
      moved: 4,
    });
    expect(m.record('a')).toMatchObject({ staff: 4, serviceFloorAreaSquareMeters: 200 });
    expect(
      m.apply({
        op: 'create',
        community: { id: 'old', name: 'x', type: 'new', streetId: 's-1' },
        unitIds: ['u-0-0'],
      }),
    ).toMatchObject({ ok: false, reason: EDIT_COMMUNITY_ID_TAKEN });
    expect(
      m.apply({
        op: 'create',
        community: { id: 'k', name: 'K', type: 'relocation', streetId: 's-1', staff: 3 },
        unitIds: ['u-0-0', 'u-0-1'],
      }),
    ).toMatchObject({ ok: true, moved: 2 });
    expect(m.apply({ op: 'update', communityId: 'k', changes: { name: 'K2', staff: 5 } })).toMatchObject({
      ok: true,
    });
    const result = m.result();
    expect(result).toMatchObject({
      dissolved: ['b'],
      created: [{ id: 'k', name: 'K2', type: 'relocation', staff: 5, streetId: 's-1' }],
    });
    applyDraftResult(evaluator, result);
    // The replayed evaluator agrees with one built from scratch on the final assignment.
    const fresh = new ScenarioEvaluator({
      units,
      adjacency,
      communities: evaluator.communityIds().map((id) => evaluator.communityRecord(id)),
      assignment: evaluator.communityIdsByUnit(),
    });
    expect(evaluator.allMetrics()).toEqual(fresh.allMetrics());
    expect(evaluator.metrics('k')).toMatchObject({ unitCount: 2, residents: 20, parts: 1 });
    expect(evaluator.metrics('a')).toMatchObject({ unitCount: 6, parts: 1 });
  });
});
