import { describe, expect, it } from 'vitest';
import { seededRandom } from '../routing/synthetic-grid.js';
import { distanceFromBand } from '../standards/community-types.js';
import { ScenarioEvaluator, type CommunityRecord } from './scenario-evaluator.js';
import { squareLattice } from './test-lattice.js';

/** A columns × rows lattice of square 100 m units, adjacency by shared sides. */
function lattice(columns: number, rows: number, residentsOf: (column: number, row: number) => number) {
  return squareLattice(columns, rows, (column, row) => {
    const residents = residentsOf(column, row);
    return {
      residents,
      households: Math.round(residents / 3),
      elderly: Math.round(residents / 5),
      children: Math.round(residents / 8),
    };
  });
}

function community(id: string, overrides: Partial<CommunityRecord> = {}): CommunityRecord {
  return {
    id,
    name: id,
    type: 'urban',
    streetId: 's-1',
    serviceFloorAreaSquareMeters: 800,
    staff: 10,
    socialWorkers: 3,
    grids: 4,
    gridWorkers: 4,
    agriculturalLandShare: null,
    developmentProgress: null,
    isTownshipSeat: false,
    ...overrides,
  };
}

describe('ScenarioEvaluator', () => {
  const { units, adjacency } = lattice(4, 4, (column, row) => 100 + 10 * column + row);
  const halves = units.map((unit) => (Number(unit.id.split('-')[1]) < 2 ? 'west' : 'east'));
  const coverage = {
    categories: ['kindergarten'],
    // Only the westmost column reaches a kindergarten.
    covered: [Uint8Array.from(units, (unit) => (unit.id.startsWith('u-0-') ? 1 : 0))],
  };

  it('sums units, measures area, perimeter, compactness, contiguity and coverage', () => {
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [community('west'), community('east')],
      assignment: halves,
      coverage,
    });
    const west = evaluator.metrics('west');
    const westUnits = units.filter((_, index) => halves[index] === 'west');
    expect(west.unitCount).toBe(8);
    expect(west.residents).toBe(westUnits.reduce((sum, unit) => sum + unit.residents, 0));
    expect(west.areaSquareKilometers).toBeCloseTo(0.08, 12);
    expect(west.perimeterMeters).toBeCloseTo(1200, 9);
    expect(west.polsbyPopper).toBeCloseTo((4 * Math.PI * 80_000) / 1200 ** 2, 12);
    expect(west.parts).toBe(1);
    const coveredResidents = units
      .filter((unit) => unit.id.startsWith('u-0-'))
      .reduce((sum, unit) => sum + unit.residents, 0);
    expect(west.coveredShareByCategory.kindergarten).toBeCloseTo(coveredResidents / west.residents, 12);
    expect(evaluator.metrics('east').coveredShareByCategory.kindergarten).toBe(0);
  });

  it('counts the pieces a community falls into when a unit in its middle leaves', () => {
    // A single row: west = first three units; moving the middle one splits it in two.
    const row = lattice(5, 1, () => 50);
    const evaluator = new ScenarioEvaluator({
      ...row,
      communities: [community('a'), community('b')],
      assignment: ['a', 'a', 'a', 'b', 'b'],
    });
    expect(evaluator.assign(['u-1-0'], 'b').sort()).toEqual(['a', 'b']);
    expect(evaluator.metrics('a').parts).toBe(2);
    expect(evaluator.metrics('b').parts).toBe(2);
    expect(evaluator.metrics('a').perimeterMeters).toBeCloseTo(800, 9);
    evaluator.assign(['u-0-0', 'u-2-0'], 'b');
    expect(evaluator.metrics('a')).toMatchObject({
      unitCount: 0,
      parts: 0,
      residents: 0,
      polsbyPopper: null,
    });
    expect(evaluator.metrics('b')).toMatchObject({ unitCount: 5, parts: 1, residents: 250 });
  });

  it('after any sequence of edits agrees with a fresh evaluation of the final assignment', () => {
    const big = lattice(12, 10, (column, row) => ((column * 7 + row * 13) % 40) + 5);
    const ids = ['c1', 'c2', 'c3', 'c4'];
    const assignment = big.units.map((_, index) => ids[Math.floor((index % 12) / 3)]);
    const coverageBig = {
      categories: ['kindergarten', 'park'],
      covered: [
        Uint8Array.from(big.units, (_, index) => (index % 3 === 0 ? 1 : 0)),
        Uint8Array.from(big.units, (_, index) => (index % 5 < 2 ? 1 : 0)),
      ],
    };
    const records = ids.map((id) => community(id));
    const incremental = new ScenarioEvaluator({
      ...big,
      communities: records,
      assignment,
      coverage: coverageBig,
    });
    const random = seededRandom(7);
    for (let edit = 0; edit < 200; edit += 1) {
      const count = 1 + Math.floor(random() * 4);
      const picked = Array.from(
        { length: count },
        () => big.units[Math.floor(random() * big.units.length)].id,
      );
      incremental.assign(picked, ids[Math.floor(random() * ids.length)]);
    }
    const finalAssignment = big.units.map((unit) => incremental.communityOfUnit(unit.id));
    const fresh = new ScenarioEvaluator({
      ...big,
      communities: records,
      assignment: finalAssignment,
      coverage: coverageBig,
    });
    for (const id of ids) {
      const [a, b] = [incremental.metrics(id), fresh.metrics(id)];
      expect(a.residents, id).toBe(b.residents);
      expect(a.households, id).toBe(b.households);
      expect(a.unitCount, id).toBe(b.unitCount);
      expect(a.parts, id).toBe(b.parts);
      expect(a.areaSquareKilometers, id).toBeCloseTo(b.areaSquareKilometers, 9);
      expect(a.perimeterMeters, id).toBeCloseTo(b.perimeterMeters, 6);
      for (const category of coverageBig.categories) {
        expect(a.coveredShareByCategory[category] ?? -1, `${id} ${category}`).toBeCloseTo(
          b.coveredShareByCategory[category] ?? -1,
          9,
        );
      }
    }
  });

  it('judges communities by the profile with figures that follow the edits', () => {
    const row = lattice(3, 1, () => 3000);
    const evaluator = new ScenarioEvaluator({
      ...row,
      communities: [community('a', { staff: 12 }), community('b')],
      assignment: ['a', 'a', 'b'],
    });
    const sizeOf = () => evaluator.judge('a', 'leshan').find((result) => result.ruleId === 'size.residents')!;
    expect(sizeOf()).toMatchObject({ status: 'pass', figure: 6000 });
    evaluator.assign(['u-2-0'], 'a');
    expect(sizeOf()).toMatchObject({ status: 'pass', figure: 9000 });
    evaluator.updateCommunity('a', { staff: 10 });
    expect(evaluator.judge('a', 'leshan').find((result) => result.ruleId === 'staff.per10k')).toMatchObject({
      status: 'fail',
    });
    expect(evaluator.metrics('b')).toMatchObject({ residents: 0, residentsOutsideBand: -4500 });
  });

  it('re-judges only what edits touch, and agrees with a fresh judgement after them', () => {
    const big = lattice(8, 6, (column, row) => 400 + 37 * ((column * 5 + row * 3) % 11));
    const ids = ['t1', 't2', 'u1', 'u2'];
    const assignment = big.units.map((_, index) => ids[Math.floor((index % 8) / 2)]);
    const records = [
      community('t1', { type: 'township' }),
      community('t2', { type: 'township' }),
      community('u1'),
      community('u2', { streetId: 's-2' }),
    ];
    const evaluator = new ScenarioEvaluator({ ...big, communities: records, assignment });
    const random = seededRandom(11);
    const judgeAll = (subject: ScenarioEvaluator) =>
      Object.fromEntries(
        subject
          .communityIds()
          .flatMap((id) =>
            (['leshan', 'kaili'] as const).map((profile) => [`${id} ${profile}`, subject.judge(id, profile)]),
          ),
      );
    judgeAll(evaluator);
    for (let edit = 0; edit < 60; edit += 1) {
      const picked = big.units[Math.floor(random() * big.units.length)].id;
      evaluator.assign([picked], ids[Math.floor(random() * 3)]);
      if (edit === 20) evaluator.updateCommunity('u1', { type: 'township', staff: 2 });
      if (edit === 40) evaluator.updateCommunity('t2', { type: 'urban' });
      if (edit % 7 === 0) judgeAll(evaluator);
    }
    const fresh = new ScenarioEvaluator({
      ...big,
      communities: evaluator.communityIds().map((id) => evaluator.communityRecord(id)),
      assignment: big.units.map((unit) => evaluator.communityOfUnit(unit.id)),
    });
    expect(judgeAll(evaluator)).toEqual(judgeAll(fresh));
    expect(
      evaluator.judge('t1', 'leshan').find((result) => result.ruleId === 'township.count'),
    ).toMatchObject({ figure: 2 });
  });

  it('names what is wrong with its input', () => {
    const row = lattice(2, 1, () => 1);
    expect(
      () => new ScenarioEvaluator({ ...row, communities: [community('a')], assignment: ['a', 'x'] }),
    ).toThrow(/community x/);
    const evaluator = new ScenarioEvaluator({
      ...row,
      communities: [community('a')],
      assignment: ['a', 'a'],
    });
    expect(() => evaluator.assign(['u-9-9'], 'a')).toThrow(/unit u-9-9/);
    expect(() => evaluator.addCommunity(community('a'))).toThrow(/exists/);
  });
});

describe('distanceFromBand', () => {
  it('is zero inside, negative below and positive above', () => {
    const band = { min: 4500, max: 12000 };
    expect([4000, 8000, 13480].map((value) => distanceFromBand(value, band))).toEqual([-500, 0, 1480]);
    expect(distanceFromBand(5, null)).toBe(0);
  });
});
