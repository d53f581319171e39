import { describe, expect, it } from 'vitest';
import { buildAccessibilityModel } from '../accessibility/accessibility-model.js';
import { syntheticRegion } from '../accessibility/synthetic-region.js';
import { shortestTravelSeconds } from '../routing/dijkstra.js';
import { seededRandom } from '../routing/synthetic-grid.js';
import { snappedPointSources, travelSecondsToSnappedPoint } from '../routing/snap.js';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import { applyDraftResult, ScenarioDraft } from './scenario-draft.js';
import {
  modelStationTravel,
  partitionWithinBand,
  relocationAdvice,
  SERVICE_STATION_CATEGORY,
} from './relocation-advice.js';
import {
  ScenarioEvaluator,
  type CommunityRecord,
  type ScenarioUnit,
  type UnitAdjacency,
} from './scenario-evaluator.js';

const BAND = { min: 800, max: 2000 };

/** Neighbour lists of a columns × rows lattice (4-neighbourhood), unit index = row × columns + column. */
function latticeNeighbours(columns: number, rows: number): number[][] {
  const neighbours: number[][] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const list: number[] = [];
      if (column > 0) list.push(row * columns + column - 1);
      if (column + 1 < columns) list.push(row * columns + column + 1);
      if (row > 0) list.push((row - 1) * columns + column);
      if (row + 1 < rows) list.push((row + 1) * columns + column);
      neighbours.push(list);
    }
  }
  return neighbours;
}

/** Whether the units of every part are connected over `neighbours`. */
function partsContiguous(partOf: Int32Array, partCount: number, neighbours: number[][]): boolean {
  for (let part = 0; part < partCount; part += 1) {
    const members = [...partOf.keys()].filter((unit) => partOf[unit] === part);
    if (members.length === 0) return false;
    const seen = new Set([members[0]]);
    const queue = [members[0]];
    while (queue.length > 0) {
      const unit = queue.pop()!;
      for (const next of neighbours[unit]) {
        if (partOf[next] === part && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    if (seen.size !== members.length) return false;
  }
  return true;
}

function partSums(partOf: Int32Array, partCount: number, residents: number[]): number[] {
  const sums = new Array<number>(partCount).fill(0);
  partOf.forEach((part, unit) => (sums[part] += residents[unit]));
  return sums;
}

describe('partitionWithinBand', () => {
  it('splits an oversized lattice into the fewest contiguous parts within the band', () => {
    const neighbours = latticeNeighbours(6, 5);
    const residents = neighbours.map(() => 100); // 3 000 residents: two parts of 800–2 000
    const partition = partitionWithinBand(neighbours, residents, BAND);
    expect(partition.ok).toBe(true);
    expect(partition.partCount).toBe(2);
    expect([...partition.partOf].every((part) => part >= 0 && part < 2)).toBe(true);
    expect(partsContiguous(partition.partOf, 2, neighbours)).toBe(true);
    const sums = partSums(partition.partOf, 2, residents);
    expect(sums).toEqual(partition.partResidents);
    expect(sums.reduce((a, b) => a + b)).toBe(3000);
    for (const sum of sums) {
      expect(sum).toBeGreaterThanOrEqual(BAND.min);
      expect(sum).toBeLessThanOrEqual(BAND.max);
    }
  });

  it('uses three parts when two cannot hold the residents', () => {
    const neighbours = latticeNeighbours(10, 5);
    const residents = neighbours.map((_, unit) => 90 + (unit % 7) * 5); // 5 000-odd residents
    const total = residents.reduce((a, b) => a + b);
    const partition = partitionWithinBand(neighbours, residents, BAND);
    expect(partition.partCount).toBe(Math.ceil(total / BAND.max));
    expect(partition.ok).toBe(true);
    expect(partsContiguous(partition.partOf, partition.partCount, neighbours)).toBe(true);
    for (const sum of partSums(partition.partOf, partition.partCount, residents)) {
      expect(sum).toBeGreaterThanOrEqual(BAND.min);
      expect(sum).toBeLessThanOrEqual(BAND.max);
    }
  });

  it('balances a lopsided population: dense rows on one side', () => {
    const neighbours = latticeNeighbours(8, 8);
    // The south two rows hold 2 000 residents, the other 48 units 25 each (1 200): 3 200 in all.
    const residents = neighbours.map((_, unit) => (unit < 16 ? 125 : 25));
    const partition = partitionWithinBand(neighbours, residents, BAND);
    expect(partition.ok).toBe(true);
    expect(partsContiguous(partition.partOf, partition.partCount, neighbours)).toBe(true);
    for (const sum of partSums(partition.partOf, partition.partCount, residents)) {
      expect(sum).toBeGreaterThanOrEqual(BAND.min);
      expect(sum).toBeLessThanOrEqual(BAND.max);
    }
  });

  it('moves boundary units between parts when growing alone leaves one outside the band', () => {
    // 4 × 2 units, 4 000 residents: the only two-part splits within 800–2 000 are exactly 2 000 each
    // (e.g. the 1 100 + 600 + 300 corner against the rest); growing from far-apart seeds overshoots.
    const neighbours = latticeNeighbours(4, 2);
    const residents = [0, 700, 700, 300, 300, 1100, 600, 300];
    const partition = partitionWithinBand(neighbours, residents, BAND);
    expect(partition).toMatchObject({
      ok: true,
      partCount: 2,
      partResidents: expect.arrayContaining([2000, 2000]),
    });
    expect(partsContiguous(partition.partOf, 2, neighbours)).toBe(true);
  });

  it('keeps every part contiguous and, when it says ok, within the band, on random lattices', () => {
    const random = seededRandom(7);
    let ok = 0;
    for (let trial = 0; trial < 30; trial += 1) {
      const columns = 4 + Math.floor(random() * 8);
      const rows = 3 + Math.floor(random() * 6);
      const neighbours = latticeNeighbours(columns, rows);
      const total = 2100 + Math.floor(random() * 4000);
      // Residents spread unevenly over the units, some units empty (open land).
      const weights = neighbours.map(() => (random() < 0.15 ? 0 : random()));
      const weightSum = weights.reduce((a, b) => a + b);
      const residents = weights.map((weight) => Math.round((weight / weightSum) * total));
      const partition = partitionWithinBand(neighbours, residents, BAND);
      if (partition.partCount === 0) continue;
      expect(partsContiguous(partition.partOf, partition.partCount, neighbours)).toBe(true);
      const sums = partSums(partition.partOf, partition.partCount, residents);
      expect(sums).toEqual(partition.partResidents);
      if (partition.ok) {
        ok += 1;
        for (const sum of sums) expect(sum >= BAND.min && sum <= BAND.max).toBe(true);
      } else {
        expect(sums.some((sum) => sum < BAND.min || sum > BAND.max)).toBe(true);
      }
    }
    // Smooth enough populations on lattices split within the band nearly always.
    expect(ok).toBeGreaterThanOrEqual(25);
  });

  it('says why when no split is possible', () => {
    const neighbours = latticeNeighbours(3, 1);
    // Not connected: unit 2 loses its link to unit 1.
    const cut = [[1], [0], []];
    expect(partitionWithinBand(cut, [1000, 1000, 1000], BAND)).toMatchObject({
      ok: false,
      reason: 'not-contiguous',
    });
    // 2 100 residents cannot be two parts of at least 1 500.
    expect(partitionWithinBand(neighbours, [700, 700, 700], { min: 1500, max: 2000 })).toMatchObject({
      ok: false,
      reason: 'band-unreachable',
    });
    // One unit of 2 500 residents cannot be divided at all.
    expect(partitionWithinBand([[]], [2500], BAND)).toMatchObject({ ok: false, reason: 'too-few-units' });
    // Two units of 2 100 and 400: every split leaves a part outside the band; the best attempt comes back.
    const lopsided = partitionWithinBand([[1], [0]], [2100, 400], BAND);
    expect(lopsided).toMatchObject({ ok: false, reason: 'no-balanced-split', partCount: 2 });
    expect([...lopsided.partOf].sort()).toEqual([0, 1]);
  });
});

/**
 * A 9 × 6 node street lattice at 100 m, so 8 × 5 blocks with one unit each (u-column-row). Street
 * s-1: a = columns 0–2, r (relocation) = columns 3–4 rows 0–2, b = columns 5–7; street s-2: x =
 * columns 3–4 rows 3–4. Service stations: r's at node (4, 1), a's at (2, 1), b's at (7, 3), x's
 * at (3, 3) — x's is nearer r than b's but x is in another street.
 */
function town() {
  const region = syntheticRegion({
    columns: 9,
    rows: 6,
    spacingMeters: 100,
    facilities: [
      [4, 1, SERVICE_STATION_CATEGORY],
      [2, 1, SERVICE_STATION_CATEGORY],
      [7, 3, SERVICE_STATION_CATEGORY],
      [3, 3, SERVICE_STATION_CATEGORY],
    ],
  });
  const model = buildAccessibilityModel(region.input);
  const communityOfBlock = (column: number, row: number) =>
    column <= 2 ? 'a' : column >= 5 ? 'b' : row <= 2 ? 'r' : 'x';
  const units: ScenarioUnit[] = region.input.units.map((unit) => ({
    id: unit.id,
    residents: unit.residents,
    households: unit.households,
    elderly: unit.elderly,
    children: 0,
    areaSquareMeters: 1e4,
    perimeterMeters: 400,
  }));
  const indexById = new Map(units.map((unit, index) => [unit.id, index]));
  const adjacency = { unitA: [] as number[], unitB: [] as number[], sharedMeters: [] as number[] };
  for (const unit of units) {
    const [, column, row] = unit.id.split('-').map(Number);
    for (const [dc, dr] of [
      [1, 0],
      [0, 1],
    ]) {
      const other = indexById.get(`u-${column + dc}-${row + dr}`);
      if (other === undefined) continue;
      adjacency.unitA.push(indexById.get(unit.id)!);
      adjacency.unitB.push(other);
      adjacency.sharedMeters.push(100);
    }
  }
  const record = (id: string, streetId: string, type: CommunityRecord['type']): CommunityRecord => ({
    id,
    name: `社区${id}`,
    type,
    streetId,
    ...NO_SURVEYED_FIGURES,
    serviceFloorAreaSquareMeters: 600,
    staff: 6,
    socialWorkers: 1,
    grids: 1,
    gridWorkers: 1,
    agriculturalLandShare: null,
    developmentProgress: null,
    isTownshipSeat: false,
  });
  const evaluator = new ScenarioEvaluator({
    units,
    adjacency: adjacency as UnitAdjacency,
    communities: [
      record('a', 's-1', 'urban'),
      record('r', 's-1', 'relocation'),
      record('b', 's-1', 'fringe'),
      record('x', 's-2', 'urban'),
    ],
    assignment: units.map((unit) => {
      const [, column, row] = unit.id.split('-').map(Number);
      return communityOfBlock(column, row);
    }),
  });
  // Each station stands in the block north-east of its node.
  const stationUnits = new Map([
    ['f-0', 'u-4-1'],
    ['f-1', 'u-2-1'],
    ['f-2', 'u-7-3'],
    ['f-3', 'u-3-3'],
  ]);
  const unitFigures = (unitId: string) => units[indexById.get(unitId)!];
  const travel = modelStationTravel(model, { speedMetersPerSecond: 1, maxSeconds: 3600 });
  return { model, evaluator, stationUnits, unitFigures, travel };
}

/** Residents-weighted mean walk from r's units to a station, by a plain Dijkstra from the station. */
function meanWalkByDijkstra(
  model: ReturnType<typeof town>['model'],
  evaluator: ScenarioEvaluator,
  stationId: string,
) {
  const options = { speedMetersPerSecond: 1, includeAccessWalk: true };
  const station = model.facilitySnaps[model.facilityIndexById.get(stationId)!];
  const seconds = shortestTravelSeconds(model.graph, snappedPointSources(model.graph, station, options), {
    speedMetersPerSecond: 1,
    maxSeconds: 3600,
  });
  let weighted = 0;
  let residents = 0;
  for (const unitId of evaluator.unitsOf('r')) {
    const index = model.units.findIndex((unit) => unit.id === unitId);
    const time = travelSecondsToSnappedPoint(model.graph, seconds, model.unitSnaps[index], options, station);
    weighted += model.units[index].residents * time;
    residents += model.units[index].residents;
  }
  return weighted / residents;
}

describe('relocationAdvice', () => {
  it('advises a small relocation community to merge into the adjacent community of its street that adds the least walk', () => {
    const { model, evaluator, stationUnits, unitFigures, travel } = town();
    const report = relocationAdvice(evaluator, { profile: 'leshan', stationUnits, unitFigures, travel });
    expect(report.band).toEqual(BAND);
    expect(report.communities.map((entry) => [entry.communityId, entry.status])).toEqual([['r', 'merge']]);
    const merge = report.communities[0].merge!;
    expect(merge.ownStationIds).toEqual(['f-0']);
    // Adjacent: a, b (same street) and x (other street); nothing else exists.
    expect(merge.candidates.map((candidate) => candidate.communityId).sort()).toEqual(['a', 'b', 'x']);
    expect(merge.candidates.find((candidate) => candidate.communityId === 'x')!.sameStreet).toBe(false);
    // Merged sizes are measured against the profile's own bands (002's urban and fringe ones).
    expect(merge.candidates.find((candidate) => candidate.communityId === 'a')!.mergedBand).toEqual({
      min: 4500,
      max: 12000,
    });
    expect(merge.candidates.find((candidate) => candidate.communityId === 'b')!.mergedBand).toEqual({
      min: 3000,
      max: 6000,
    });
    // Shared boundary: r's 3 rows along a and along b, its 2 columns along x.
    expect(
      Object.fromEntries(
        merge.candidates.map((candidate) => [candidate.communityId, candidate.sharedBoundaryMeters]),
      ),
    ).toEqual({
      a: 300,
      b: 300,
      x: 200,
    });

    const expected = {
      a: meanWalkByDijkstra(model, evaluator, 'f-1'),
      b: meanWalkByDijkstra(model, evaluator, 'f-2'),
      x: meanWalkByDijkstra(model, evaluator, 'f-3'),
    };
    const own = meanWalkByDijkstra(model, evaluator, 'f-0');
    expect(merge.ownMeanWalkSeconds).toBeCloseTo(own, 6);
    for (const candidate of merge.candidates) {
      const mean = expected[candidate.communityId as 'a' | 'b' | 'x'];
      expect(candidate.meanWalkSeconds).toBeCloseTo(mean, 6);
      expect(candidate.addedWalkSeconds).toBeCloseTo(mean - own, 6);
    }
    // x's station is nearer than b's, yet x is in another street: the pick is the best of a and b.
    expect(expected.x).toBeLessThan(expected.b);
    const best = expected.a <= expected.b ? 'a' : 'b';
    expect(best).toBe('a');
    expect(merge.recommended).toBe(best);
    expect(merge.candidates[0].communityId).toBe(best);
    expect(merge.candidates.at(-1)!.communityId).toBe('x');
    expect(merge.edit).toEqual({ op: 'merge', communityIds: ['a', 'r'], into: 'a' });
    expect(merge.message.zh).toContain('社区a');
    expect(merge.measure.en).toContain('residents-weighted mean walking time');
  });

  it('follows stations into the community that holds their unit, and applies as a merge edit', () => {
    const { evaluator, stationUnits, unitFigures, travel } = town();
    // b takes a's station block: a is left without a station, b has two.
    const draft = new ScenarioDraft(evaluator, {
      reservedCommunityIds: new Set(),
      newCommunityId: () => 'n-1',
    });
    expect(draft.apply({ op: 'assign', unitIds: ['u-2-1'], communityId: 'b' }).ok).toBe(true);
    applyDraftResult(evaluator, draft.result());
    const report = relocationAdvice(evaluator, { profile: 'leshan', stationUnits, unitFigures, travel });
    const merge = report.communities[0].merge!;
    const a = merge.candidates.find((candidate) => candidate.communityId === 'a')!;
    const b = merge.candidates.find((candidate) => candidate.communityId === 'b')!;
    expect(a).toMatchObject({ stationIds: [], meanWalkSeconds: null });
    expect(b.stationIds).toEqual(['f-1', 'f-2']);
    expect(merge.recommended).toBe('b');

    const applied = new ScenarioDraft(evaluator, {
      reservedCommunityIds: new Set(),
      newCommunityId: () => 'n-2',
    });
    expect(applied.apply(merge.edit!).ok).toBe(true);
    applyDraftResult(evaluator, applied.result());
    expect(evaluator.hasCommunity('r')).toBe(false);
    expect(
      relocationAdvice(evaluator, { profile: 'leshan', stationUnits, unitFigures, travel }).communities,
    ).toEqual([]);
  });

  it('gives no size advice under a profile whose documents have no relocation band (Kaili’s 杭州路, 清泉)', () => {
    const { evaluator, stationUnits, unitFigures, travel } = town();
    for (const profile of ['national', 'jishou', 'kaili', 'linjiang', 'qujing'] as const) {
      const report = relocationAdvice(evaluator, { profile, stationUnits, unitFigures, travel });
      expect(report.band, profile).toBeNull();
      expect(report.sources, profile).toEqual([]);
      expect(
        report.communities.map((entry) => [entry.communityId, entry.status, entry.rule]),
        profile,
      ).toEqual([['r', 'not-judged', null]]);
    }
    const leshan = relocationAdvice(evaluator, { profile: 'leshan', stationUnits, unitFigures, travel });
    expect(leshan.sources.map((source) => [source.document, source.clause])).toEqual([
      ['002', '三、（一）1'],
    ]);
    expect(leshan.communities[0].rule).toMatchObject({ status: 'advice', side: 'below', grade: 'guidance' });
  });

  it('without walking times still lists the adjacent communities but recommends none', () => {
    const { evaluator, stationUnits, unitFigures } = town();
    const report = relocationAdvice(evaluator, {
      profile: 'leshan',
      stationUnits,
      unitFigures,
      travel: null,
      travelNote: 'no network',
    });
    expect(report.travelNote).toBe('no network');
    const merge = report.communities[0].merge!;
    expect(merge.candidates).toHaveLength(3);
    expect(merge.recommended).toBeNull();
    expect(merge.edit).toBeNull();
  });

  it('proposes a split of an oversized relocation community as create edits that apply cleanly', () => {
    // 12 × 6 lattice: the west 8 columns (48 units × 60 = 2 880 residents) form relocation community r.
    const columns = 12;
    const rows = 6;
    const neighbours = latticeNeighbours(columns, rows);
    const units: ScenarioUnit[] = neighbours.map((_, index) => ({
      id: `u-${index % columns}-${Math.floor(index / columns)}`,
      residents: 60,
      households: 20,
      elderly: 0,
      children: 0,
      areaSquareMeters: 1e4,
      perimeterMeters: 400,
    }));
    const adjacency = { unitA: [] as number[], unitB: [] as number[], sharedMeters: [] as number[] };
    neighbours.forEach((list, unit) => {
      for (const other of list) {
        if (other <= unit) continue;
        adjacency.unitA.push(unit);
        adjacency.unitB.push(other);
        adjacency.sharedMeters.push(100);
      }
    });
    const record = (id: string, type: CommunityRecord['type']): CommunityRecord => ({
      id,
      name: id === 'r' ? '安置社区' : id,
      type,
      streetId: 's-1',
      ...NO_SURVEYED_FIGURES,
      isTownshipSeat: false,
    });
    const evaluator = new ScenarioEvaluator({
      units,
      adjacency,
      communities: [record('r', 'relocation'), record('e', 'urban')],
      assignment: units.map((unit) => (Number(unit.id.split('-')[1]) < 8 ? 'r' : 'e')),
    });
    const stationUnits = new Map([['f-0', 'u-7-5']]);
    const unitFigures = (unitId: string) => units.find((unit) => unit.id === unitId)!;
    const report = relocationAdvice(evaluator, {
      profile: 'leshan',
      stationUnits,
      unitFigures,
      travel: null,
    });
    const entry = report.communities[0];
    expect(entry).toMatchObject({ communityId: 'r', status: 'split', residents: 2880 });
    const split = entry.split!;
    expect(split.ok).toBe(true);
    expect(split.parts).toHaveLength(2);
    expect(split.parts.flatMap((part) => part.unitIds).sort()).toEqual(evaluator.unitsOf('r').sort());
    // The part with the station keeps the community.
    expect(split.parts[0].unitIds).toContain('u-7-5');
    expect(split.edits).toHaveLength(1);
    expect(split.edits[0]).toMatchObject({
      op: 'create',
      community: { name: '安置社区（二）', type: 'relocation', streetId: 's-1' },
    });

    const draft = new ScenarioDraft(evaluator, {
      reservedCommunityIds: new Set(),
      newCommunityId: () => 'r-2',
    });
    for (const edit of split.edits) expect(draft.apply(edit).ok).toBe(true);
    applyDraftResult(evaluator, draft.result());
    for (const id of ['r', 'r-2']) {
      const metrics = evaluator.metrics(id);
      expect(metrics.parts).toBe(1);
      expect(metrics.residents).toBeGreaterThanOrEqual(BAND.min);
      expect(metrics.residents).toBeLessThanOrEqual(BAND.max);
    }
    expect(
      relocationAdvice(evaluator, {
        profile: 'leshan',
        stationUnits,
        unitFigures,
        travel: null,
      }).communities.map((c) => c.status),
    ).toEqual(['within-band', 'within-band']);
  });
});
