import { describe, expect, it } from 'vitest';
import { seededRandom } from '../routing/synthetic-grid.js';
import { distanceFromBand } from '../standards/community-types.js';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import type { UnitReach } from '../standards/reach.js';
import {
  ScenarioEvaluator,
  type CommunityRecord,
  type JudgeContext,
  type ScenarioFacility,
} from './scenario-evaluator.js';
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
    ...NO_SURVEYED_FIGURES,
    serviceFloorAreaSquareMeters: 800,
    staff: 10,
    socialWorkers: 3,
    grids: 4,
    gridWorkers: 4,
    isTownshipSeat: false,
    ...overrides,
  };
}

/** A UnitReach of single-category requirements, each covering the units `covers` says. */
function unitReach(
  units: readonly { id: string }[],
  categories: Record<string, (unitId: string) => boolean>,
  speedMetersPerSecond = 1,
): UnitReach {
  const entries = Object.entries(categories);
  return {
    tiers: Object.fromEntries(entries.map(([category]) => [category, 5])),
    speedMetersPerSecond,
    requirements: entries.map(([category]) => ({
      key: category,
      allOf: [{ anyOf: [{ category, minutes: 5 }] }],
    })),
    covered: entries.map(([, covers]) => Uint8Array.from(units, (unit) => (covers(unit.id) ? 1 : 0))),
  };
}

const leshan: JudgeContext = { profile: 'leshan', reach: null };

describe('ScenarioEvaluator', () => {
  const { units, adjacency } = lattice(4, 4, (column, row) => 100 + 10 * column + row);
  const halves = units.map((unit) => (Number(unit.id.split('-')[1]) < 2 ? 'west' : 'east'));
  // Only the westmost column reaches a kindergarten.
  const coverage = unitReach(units, { kindergarten: (id) => id.startsWith('u-0-') });

  it('sums units, measures area, perimeter, compactness, contiguity and coverage', () => {
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [community('west'), community('east')],
      assignment: halves,
    });
    const west = evaluator.metrics('west', coverage);
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
    expect(west.reachShareByKey.kindergarten).toBeCloseTo(coveredResidents / west.residents, 12);
    expect(evaluator.metrics('east', coverage).reachShareByKey.kindergarten).toBe(0);
    expect(evaluator.metrics('east').reachShareByKey).toEqual({});
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
    const indexOf = new Map(big.units.map((unit, index) => [unit.id, index]));
    const coverageBig = unitReach(big.units, {
      kindergarten: (id) => indexOf.get(id)! % 3 === 0,
      park: (id) => indexOf.get(id)! % 5 < 2,
    });
    const records = ids.map((id) => community(id));
    const incremental = new ScenarioEvaluator({ ...big, communities: records, assignment });
    incremental.metrics('c1', coverageBig); // registered before the edits: kept up to date by them
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
    const fresh = new ScenarioEvaluator({ ...big, communities: records, assignment: finalAssignment });
    for (const id of ids) {
      const [a, b] = [incremental.metrics(id, coverageBig), fresh.metrics(id, coverageBig)];
      expect(a.residents, id).toBe(b.residents);
      expect(a.households, id).toBe(b.households);
      expect(a.unitCount, id).toBe(b.unitCount);
      expect(a.parts, id).toBe(b.parts);
      expect(a.areaSquareKilometers, id).toBeCloseTo(b.areaSquareKilometers, 9);
      expect(a.perimeterMeters, id).toBeCloseTo(b.perimeterMeters, 6);
      for (const { key } of coverageBig.requirements) {
        expect(a.reachShareByKey[key] ?? -1, `${id} ${key}`).toBeCloseTo(b.reachShareByKey[key] ?? -1, 9);
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
    const sizeOf = () => evaluator.judge('a', leshan).find((result) => result.ruleId === 'size.residents')!;
    expect(sizeOf()).toMatchObject({ status: 'pass', figure: 6000 });
    evaluator.assign(['u-2-0'], 'a');
    expect(sizeOf()).toMatchObject({ status: 'pass', figure: 9000 });
    evaluator.updateCommunity('a', { serviceFloorAreaSquareMeters: 2000, commercialFloorShare: 0.1 });
    expect(
      evaluator.judge('a', leshan).find((result) => result.ruleId === 'area.commerce.share'),
    ).toMatchObject({ status: 'fail', grade: 'binding' });
    // Region-scope rules are never among a community's own results.
    expect(evaluator.judge('a', leshan).some((result) => result.scope !== 'community')).toBe(false);
    expect(evaluator.judge('b', leshan).find((result) => result.ruleId === 'size.residents')).toMatchObject({
      status: 'advice',
      side: 'below',
      figure: 0,
    });
  });

  it('re-judges only what edits touch, and agrees with a fresh judgement after them', () => {
    const big = lattice(8, 6, (column, row) => 400 + 37 * ((column * 5 + row * 3) % 11));
    const ids = ['t1', 't2', 'u1', 'u2'];
    const assignment = big.units.map((_, index) => ids[Math.floor((index % 8) / 2)]);
    const records = [
      community('t1', { type: 'township', seatKind: 'township-seat' }),
      community('t2', { type: 'township', seatKind: 'township-seat' }),
      community('u1', { socialWorkers: 2 }),
      community('u2', { streetId: 's-2' }),
    ];
    const facilities: ScenarioFacility[] = big.units
      .filter((_, index) => index % 7 === 0)
      .map((unit, k) => ({
        id: `f-${k}`,
        category: k % 2 === 0 ? 'supermarket' : 'elderly_day_care',
        unitId: unit.id,
        floorAreaSquareMeters: null,
        landAreaSquareMeters: null,
        xMeters: null,
        yMeters: null,
      }));
    const reach = unitReach(big.units, { service_station: (id) => id.endsWith('-0') || id.endsWith('-1') });
    const evaluator = new ScenarioEvaluator({ ...big, communities: records, assignment, facilities });
    const random = seededRandom(11);
    const contexts: JudgeContext[] = [
      { profile: 'leshan', reach },
      { profile: 'kaili', reach: null },
      { profile: 'linjiang', reach, settings: { reachShare: 0.5 } },
    ];
    const judgeAll = (subject: ScenarioEvaluator) => ({
      ...Object.fromEntries(
        subject
          .communityIds()
          .flatMap((id) => contexts.map((context, k) => [`${id} ${k}`, subject.judge(id, context)])),
      ),
      regions: contexts.map((context) => subject.judgeRegion(context).results),
    });
    judgeAll(evaluator);
    for (let edit = 0; edit < 60; edit += 1) {
      const picked = big.units[Math.floor(random() * big.units.length)].id;
      evaluator.assign([picked], ids[Math.floor(random() * 3)]);
      if (edit === 20)
        evaluator.updateCommunity('u1', { type: 'township', staff: 2, seatKind: 'township-seat' });
      if (edit === 40) evaluator.updateCommunity('t2', { type: 'urban' });
      if (edit % 7 === 0) judgeAll(evaluator);
    }
    const fresh = new ScenarioEvaluator({
      ...big,
      communities: evaluator.communityIds().map((id) => evaluator.communityRecord(id)),
      assignment: big.units.map((unit) => evaluator.communityOfUnit(unit.id)),
      facilities,
    });
    expect(judgeAll(evaluator)).toEqual(judgeAll(fresh));
    // t1 and u1 (now township) share street s-1's township seat: 2 communities there.
    const seat = evaluator
      .judgeRegion(contexts[0])
      .results.find((result) => result.ruleId === 'township.seat')!;
    expect(seat).toMatchObject({ figure: 2, status: 'pass', subject: { kind: 'street', streetId: 's-1' } });
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

describe('ScenarioEvaluator judging', () => {
  const { units, adjacency } = lattice(4, 2, () => 1000);
  const halves = units.map((unit) => (Number(unit.id.split('-')[1]) < 2 ? 'west' : 'east'));
  const station = (
    id: string,
    unitId: string,
    category = 'kindergarten',
    x: number | null = null,
  ): ScenarioFacility => ({
    id,
    category,
    unitId,
    floorAreaSquareMeters: null,
    landAreaSquareMeters: null,
    xMeters: x,
    yMeters: x === null ? null : 0,
  });

  it('moves a facility with its unit: provision follows the boundary', () => {
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [community('west'), community('east')],
      assignment: halves,
      facilities: [station('k-1', 'u-1-0', 'nursery')],
    });
    const provision = (id: string) =>
      evaluator.judge(id, leshan).find((result) => result.ruleId === 'provision.kindergarten_or_nursery')!;
    expect([provision('west').status, provision('east').status]).toEqual(['pass', 'advice']);
    evaluator.assign(['u-1-0'], 'east');
    expect([provision('west').status, provision('east').status]).toEqual(['advice', 'pass']);
    expect(evaluator.metrics('east').facilityCountByCategory).toEqual({ nursery: 1 });
    const unknown = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [community('west'), community('east')],
      assignment: halves,
    });
    expect(
      unknown.judge('west', leshan).find((result) => result.ruleId === 'provision.supermarket')!.status,
    ).toBe('undetermined');
  });

  it('judges reach with the reach in force, keeping results for each tier table and speed apart', () => {
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [community('west'), community('east')],
      assignment: halves,
    });
    const adult = unitReach(units, { kindergarten: (id) => !id.startsWith('u-3-') }, 1);
    const elderly = unitReach(units, { kindergarten: (id) => id.startsWith('u-0-') }, 0.8);
    const reachOf = (reach: UnitReach | null) =>
      evaluator
        .judge('east', { profile: 'national', reach })
        .find((result) => result.ruleId === 'reach.kindergarten')!;
    expect(reachOf(adult)).toMatchObject({ status: 'fail', figure: 0.5, walk: { speedMetersPerSecond: 1 } });
    expect(reachOf(elderly)).toMatchObject({
      status: 'fail',
      figure: 0,
      walk: { speedMetersPerSecond: 0.8 },
    });
    expect(reachOf(null)).toMatchObject({ status: 'undetermined', missing: ['reach'] });
    evaluator.assign(['u-3-0', 'u-3-1'], 'west');
    expect(reachOf(adult)).toMatchObject({ status: 'pass', figure: 1 });
    expect(
      evaluator
        .judge('east', { profile: 'national', reach: adult, settings: { reachShare: 1 } })
        .find((result) => result.ruleId === 'reach.kindergarten')!.status,
    ).toBe('pass');
  });

  it('judges region rules over every community and shows each community’s contribution', () => {
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [
        community('west', { socialWorkers: 4 }),
        community('east', { type: 'fringe', socialWorkers: 1 }),
      ],
      assignment: halves,
    });
    const linjiang: JudgeContext = { profile: 'linjiang', reach: null };
    const average = () =>
      evaluator.judgeRegion(linjiang).results.find((result) => result.ruleId === 'staff.socialworkers')!;
    expect(average()).toMatchObject({ status: 'fail', figure: 2.5, grade: 'binding' });
    expect(
      evaluator.contributions('east', linjiang).find((part) => part.ruleId === 'staff.socialworkers'),
    ).toMatchObject({
      figure: 1,
      subjectStatus: 'fail',
    });
    evaluator.updateCommunity('east', { socialWorkers: 2 });
    expect(average()).toMatchObject({ status: 'pass', figure: 3 });
  });

  it('measures 毗邻 from a health centre to the nearest elderly-care facility, wherever it stands', () => {
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [community('west'), community('east')],
      assignment: halves,
      facilities: [station('h', 'u-0-0', 'health_centre', 0), station('d', 'u-3-0', 'elderly_day_care', 350)],
    });
    const adjacency200 = evaluator
      .judge('west', leshan)
      .find((result) => result.ruleId === 'adjacency.health_elderly')!;
    expect(adjacency200).toMatchObject({
      status: 'advice',
      figure: 350,
      threshold: '≤ 200 m',
      toolDefault: true,
    });
    const wider = evaluator
      .judge('west', { ...leshan, settings: { adjacencyMeters: 400 } })
      .find((result) => result.ruleId === 'adjacency.health_elderly')!;
    expect(wider.status).toBe('pass');
  });
});
