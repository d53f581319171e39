import { describe, expect, it } from 'vitest';
import { ScenarioDraft, applyDraftResult } from '../scenario/scenario-draft.js';
import {
  ScenarioEvaluator,
  type CommunityRecord,
  type ScenarioFacility,
} from '../scenario/scenario-evaluator.js';
import { squareLattice } from '../scenario/test-lattice.js';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import type { CommunityTypeId } from '../standards/community-types.js';
import type { PartitionInput } from './partition-input.js';
import {
  PARTITION_BAD_COUNT,
  PARTITION_NOT_CONNECTED,
  PARTITION_NOTHING_TO_PARTITION,
  PARTITION_TOO_FEW_UNITS,
  PARTITION_UNKNOWN_COMMUNITY,
  proposePartitions,
  type PartitionOptions,
  type PartitionProposal,
} from './propose-partitions.js';

const STREET = 's-1';

function community(id: string, type: CommunityTypeId = 'urban'): CommunityRecord {
  return {
    id,
    name: `社区${id}`,
    nameEn: null,
    type,
    streetId: STREET,
    isTownshipSeat: false,
    ...NO_SURVEYED_FIGURES,
  };
}

function station(id: string, unitId: string): ScenarioFacility {
  return {
    id,
    category: 'service_station',
    unitId,
    floorAreaSquareMeters: 400,
    landAreaSquareMeters: null,
    xMeters: null,
    yMeters: null,
  };
}

/**
 * A columns × rows lattice street, 100 residents and 35 households a unit unless `residentsOf`
 * says otherwise, its communities given by `communityOf(column, row)` (types by `types`).
 */
function latticeStreet(
  columns: number,
  rows: number,
  communityOf: (column: number, row: number) => string,
  options: {
    residentsOf?: (column: number, row: number) => number;
    types?: Record<string, CommunityTypeId>;
    facilities?: ScenarioFacility[];
  } = {},
): PartitionInput {
  const residentsOf = options.residentsOf ?? (() => 100);
  const { units, adjacency } = squareLattice(columns, rows, (column, row) => {
    const residents = residentsOf(column, row);
    return { residents, households: Math.round(residents * 0.35), elderly: 0, children: 0 };
  });
  const assignment = units.map((_, index) => communityOf(index % columns, Math.floor(index / columns)));
  const ids = [...new Set(assignment)].sort();
  return {
    streetId: STREET,
    units,
    adjacency,
    communities: ids.map((id) => community(id, options.types?.[id])),
    assignment,
    facilities: options.facilities ?? [],
  };
}

/** Four quadrant communities q0…q3 on a 12 × 12 lattice: 14 400 residents, 5 040 households. */
const quadrants = (options: Parameters<typeof latticeStreet>[3] = {}) =>
  latticeStreet(12, 12, (column, row) => `q${(column < 6 ? 0 : 1) + (row < 6 ? 0 : 2)}`, options);

function propose(
  input: PartitionInput,
  options: Omit<PartitionOptions, 'profile'> & { profile?: PartitionOptions['profile'] },
) {
  const result = proposePartitions(input, { profile: 'leshan', ...options });
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

/** Whether `unitIds` are connected over the input's adjacency (checked here, not by the module). */
function connected(input: PartitionInput, unitIds: readonly string[]): boolean {
  const index = new Map(input.units.map((unit, k) => [unit.id, k]));
  const inside = new Set(unitIds.map((id) => index.get(id)!));
  const neighbours = new Map<number, number[]>();
  for (let p = 0; p < input.adjacency.unitA.length; p += 1) {
    const [a, b] = [input.adjacency.unitA[p], input.adjacency.unitB[p]];
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const start = inside.values().next().value!;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of neighbours.get(queue.pop()!) ?? []) {
      if (inside.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.size === inside.size;
}

/** Every unit of the street in exactly one community of the proposal, each contiguous. */
function expectValidPartition(input: PartitionInput, proposal: PartitionProposal): void {
  const all = proposal.communities.flatMap((c) => c.unitIds);
  expect(all.length).toBe(input.units.length);
  expect(new Set(all).size).toBe(input.units.length);
  for (const c of proposal.communities) {
    expect(c.unitIds.length).toBeGreaterThan(0);
    expect(connected(input, c.unitIds)).toBe(true);
    expect(c.parts).toBe(1);
  }
}

/** Applies a proposal's edits through the scenario draft and returns each unit's community afterwards. */
function adopt(input: PartitionInput, proposal: PartitionProposal): Map<string, string> {
  const evaluator = new ScenarioEvaluator({
    units: input.units,
    adjacency: input.adjacency,
    communities: input.communities,
    assignment: input.assignment,
  });
  let created = 0;
  const draft = new ScenarioDraft(evaluator, {
    reservedCommunityIds: new Set(input.communities.map((c) => c.id)),
    newCommunityId: () => `adopted-${++created}`,
  });
  for (const edit of proposal.edits) expect(draft.apply(edit)).toMatchObject({ ok: true });
  applyDraftResult(evaluator, draft.result());
  return new Map(evaluator.unitIds().map((id) => [id, evaluator.communityOfUnit(id)]));
}

describe('proposePartitions', () => {
  it('divides a street into the number of contiguous communities asked for, within the band', () => {
    const input = quadrants();
    const result = propose(input, { communities: 2, proposals: 3 });
    expect(result.communityCount).toBe(2);
    expect(result.countBasis).toBe('requested');
    expect(result.bandFeasible).toBe(true);
    expect(result.bands).toEqual([
      {
        type: 'urban',
        residents: { min: 4500, max: 12000 },
        households: { min: 1500, max: 3000 },
        ruleIds: ['size.residents', 'size.households'],
      },
    ]);
    expect(result.proposals.length).toBeGreaterThan(0);
    for (const proposal of result.proposals) {
      expectValidPartition(input, proposal);
      expect(proposal.communities).toHaveLength(2);
      expect(proposal.scoreParts.bandViolations).toBe(0);
      for (const c of proposal.communities) expect(c.bandStatus).toBe('within');
    }
    // Two of four communities are merged away.
    expect(result.proposals[0].dissolvedCommunityIds).toHaveLength(2);
  });

  it('keeps every community contiguous whatever the count, seed and residents', () => {
    const input = latticeStreet(10, 10, (column, row) => `c${Math.floor(column / 4)}${Math.floor(row / 5)}`, {
      residentsOf: (column, row) => ((column * 7 + row * 13) % 11) * 30,
    });
    for (const communities of [2, 4, 6, 9]) {
      for (const seed of [1, 2]) {
        const result = propose(input, { communities, seed, proposals: 3, profile: 'national' });
        for (const proposal of result.proposals) {
          expectValidPartition(input, proposal);
          expect(proposal.communities).toHaveLength(communities);
        }
      }
    }
  });

  it('returns distinct proposals, best score first, with the score made of its parts', () => {
    const input = quadrants();
    const result = propose(input, { communities: 3, proposals: 4, minDifference: 0.05 });
    const { proposals } = result;
    expect(proposals.length).toBeGreaterThan(1);
    for (let k = 1; k < proposals.length; k += 1) {
      expect(proposals[k].score).toBeGreaterThanOrEqual(proposals[k - 1].score);
      expect(proposals[k].differenceFromBest).toBeGreaterThanOrEqual(0.05);
    }
    for (const { score, scoreParts: parts } of proposals) {
      const weights = result.scoreWeights;
      expect(score).toBeCloseTo(
        weights.bandExcess * parts.bandExcess +
          weights.stationsMissing * parts.stationsMissing +
          weights.unbandedDeviation * parts.unbandedDeviation +
          weights.populationDeviation * parts.populationDeviation +
          weights.compactness * (1 - parts.compactness) +
          weights.movedShare * parts.movedShare,
        9,
      );
    }
    expect(result.current.communityCount).toBe(4);
    expect(result.current.parts.movedUnits).toBe(0);
  });

  it('reports Polsby–Popper from the union of the units, area-weighted for the proposal', () => {
    const input = quadrants();
    const [proposal] = propose(input, { communities: 4, proposals: 1 }).proposals;
    let area = 0;
    let weighted = 0;
    for (const c of proposal.communities) {
      // A community of lattice cells: 4πA/P² with P its outline (cells' sides not shared inside it).
      expect(c.polsbyPopper).toBeCloseTo(
        (4 * Math.PI * c.areaSquareKilometers * 1e6) / c.perimeterMeters ** 2,
        9,
      );
      expect(c.polsbyPopper!).toBeLessThanOrEqual(Math.PI / 4 + 1e-9);
      area += c.areaSquareKilometers;
      weighted += c.areaSquareKilometers * c.polsbyPopper!;
    }
    expect(proposal.scoreParts.compactness).toBeCloseTo(weighted / area, 9);
    // Four 6 × 6 squares are the least-change answer here: nothing to move, π/4 each.
    expect(proposal.scoreParts.movedUnits).toBe(0);
    expect(proposal.scoreParts.compactness).toBeCloseTo(Math.PI / 4, 9);
    expect(proposal.edits).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    const input = quadrants({ residentsOf: (column, row) => 60 + ((column * row) % 5) * 20 });
    const options = { communities: 3, proposals: 3, seed: 42 };
    const first = propose(input, options);
    const second = propose(input, options);
    expect(second.proposals.map((p) => p.communities.map((c) => c.unitIds))).toEqual(
      first.proposals.map((p) => p.communities.map((c) => c.unitIds)),
    );
    expect(second.proposals.map((p) => p.edits)).toEqual(first.proposals.map((p) => p.edits));
  });

  it('gives edits that the scenario draft accepts and that yield the proposal', () => {
    const input = quadrants();
    for (const communities of [2, 4, 6]) {
      for (const proposal of propose(input, { communities, proposals: 3 }).proposals) {
        const after = adopt(input, proposal);
        const communityOfUnit = new Map<string, string>();
        for (const c of proposal.communities)
          for (const unitId of c.unitIds) communityOfUnit.set(unitId, c.communityId);
        // Continuing and kept communities keep their ids; new ones get the id the draft gives them.
        const renamed = new Map<string, string>();
        for (const [unitId, id] of communityOfUnit) {
          const adopted = after.get(unitId)!;
          if (!id.startsWith('proposal-new-')) expect(adopted).toBe(id);
          else {
            if (!renamed.has(id)) renamed.set(id, adopted);
            expect(adopted).toBe(renamed.get(id));
          }
        }
        expect(new Set(after.values()).size).toBe(communities);
        const ops = proposal.edits.map((edit) => edit.op);
        if (communities > 4) expect(ops.filter((op) => op === 'create')).toHaveLength(communities - 4);
        if (communities < 4) expect(proposal.edits.some((edit) => edit.dissolve)).toBe(true);
      }
    }
  });

  it('leaves the communities to keep exactly as they are', () => {
    const input = quadrants();
    const result = propose(input, { communities: 3, keep: ['q0'], proposals: 3 });
    const q0 = input.units.filter((_, u) => input.assignment[u] === 'q0').map((unit) => unit.id);
    expect(result.keptCommunityIds).toEqual(['q0']);
    for (const proposal of result.proposals) {
      expectValidPartition(input, proposal);
      const kept = proposal.communities.find((c) => c.communityId === 'q0')!;
      expect(kept.kept).toBe(true);
      expect([...kept.unitIds].sort()).toEqual([...q0].sort());
      const touched = proposal.edits.flatMap((edit) => edit.unitIds);
      expect(touched.filter((unitId) => q0.includes(unitId))).toEqual([]);
      expect(proposal.edits.some((edit) => edit.op === 'assign' && edit.communityId === 'q0')).toBe(false);
    }
  });

  it('puts a service station in every community when asked, and flags those without one otherwise', () => {
    const stations = [station('st-a', 'u-1-1'), station('st-b', 'u-10-2'), station('st-c', 'u-6-10')];
    const input = quadrants({ facilities: stations });
    const asked = propose(input, { communities: 3, stationsMustBeInside: true, proposals: 4 });
    expect(asked.stations).toEqual({ asked: true, available: 3, communities: 3 });
    for (const proposal of asked.proposals) {
      expectValidPartition(input, proposal);
      expect(proposal.scoreParts.stationsMissing).toBe(0);
      for (const c of proposal.communities) {
        expect(c.stationIds).toHaveLength(1);
        expect(c.needsStation).toBe(false);
      }
    }
    // Four communities, three stations: one is flagged as needing one, and the note says why.
    const short = propose(input, { communities: 4, stationsMustBeInside: true, proposals: 2 });
    expect(short.notes.map((note) => note.en).join(' ')).toMatch(
      /Only 3 units with a community service station/,
    );
    for (const proposal of short.proposals) {
      expect(proposal.communities.filter((c) => c.needsStation)).toHaveLength(1);
      expect(proposal.scoreParts.stationsMissing).toBe(1);
    }
  });

  it('moves the default count into what the band allows, and says when the band cannot be met', () => {
    // 14 400 residents, 5 040 households: 2–3 urban communities fit the band, today's 4 do not.
    const input = quadrants();
    const derived = propose(input, { proposals: 2 });
    expect(derived.countBasis).toBe('band');
    expect(derived.communityCount).toBe(3);
    expect(derived.notes[0].en).toMatch(/current 4 communities cannot all be within/);
    for (const proposal of derived.proposals) expect(proposal.scoreParts.bandViolations).toBe(0);

    const forced = propose(input, { communities: 5, proposals: 2 });
    expect(forced.bandFeasible).toBe(false);
    expect(forced.notes.map((note) => note.en).join(' ')).toMatch(/cannot be divided into 5 communities/);
    for (const proposal of forced.proposals) {
      expectValidPartition(input, proposal);
      expect(proposal.scoreParts.bandViolations).toBeGreaterThan(0);
      expect(proposal.communities.every((c) => c.bandStatus === 'below' || c.bandStatus === 'within')).toBe(
        true,
      );
    }
  });

  it('balances residents where the profile gives the type no band, and says so', () => {
    const input = quadrants({ residentsOf: (column) => (column < 3 ? 300 : 50) });
    const result = propose(input, { profile: 'national', communities: 4, proposals: 2 });
    expect(result.bands[0]).toMatchObject({ type: 'urban', residents: null, households: null, ruleIds: [] });
    expect(result.notes[0].en).toMatch(
      /gives the type “Urban community” no size band: residents are balanced/,
    );
    // Today two quadrants hold 6 300 residents and two 1 800 (a mean of 4 050).
    expect(result.current.parts.populationDeviation).toBeCloseTo(2250 / 4050, 9);
    const [best] = result.proposals;
    for (const c of best.communities) expect(c.bandStatus).toBe('no-band');
    expect(best.scoreParts.unbandedDeviation).toBe(best.scoreParts.populationDeviation);
    expect(best.scoreParts.populationDeviation).toBeLessThan(0.15);
  });

  it('judges each proposed community by the profile as adopting it would', () => {
    const input = quadrants({ facilities: [station('st-a', 'u-1-1')] });
    const [proposal] = propose(input, { communities: 2, proposals: 1 }).proposals;
    for (const c of proposal.communities) {
      const size = c.rules.find((rule) => rule.ruleId === 'size.residents')!;
      expect(size).toMatchObject({ status: 'pass', figure: c.residents, grade: 'guidance' });
      expect(c.ruleSummary.judged).toBeGreaterThan(0);
      expect(c.rules.length).toBe(
        c.ruleSummary.pass +
          c.ruleSummary.fail +
          c.ruleSummary.advice +
          c.ruleSummary.undetermined +
          c.ruleSummary.notApplicable +
          c.ruleSummary.candidate +
          c.ruleSummary.notCandidate,
      );
    }
  });

  it('refuses clearly what cannot be drawn', () => {
    const small = latticeStreet(3, 1, (column) => `c${column}`);
    expect(proposePartitions(small, { profile: 'leshan', communities: 5 })).toMatchObject({
      ok: false,
      reason: PARTITION_TOO_FEW_UNITS,
      message: '5 communities to draw but only 3 units to draw them from',
    });
    expect(proposePartitions(small, { profile: 'leshan', keep: ['c9'] })).toMatchObject({
      ok: false,
      reason: PARTITION_UNKNOWN_COMMUNITY,
    });
    expect(proposePartitions(small, { profile: 'leshan', communities: 1, keep: ['c0'] })).toMatchObject({
      ok: false,
      reason: PARTITION_BAD_COUNT,
    });
    expect(proposePartitions(small, { profile: 'leshan', communities: 2.5 })).toMatchObject({
      ok: false,
      reason: PARTITION_BAD_COUNT,
    });
    expect(proposePartitions(small, { profile: 'leshan', keep: ['c0', 'c1', 'c2'] })).toMatchObject({
      ok: false,
      reason: PARTITION_NOTHING_TO_PARTITION,
    });
    // Keeping the middle column splits the rest in two pieces: each needs a community of its own.
    const split = latticeStreet(5, 3, (column) => (column < 2 ? 'west' : column === 2 ? 'middle' : 'east'));
    const refused = proposePartitions(split, { profile: 'leshan', communities: 2, keep: ['middle'] });
    expect(refused).toMatchObject({ ok: false, reason: PARTITION_NOT_CONNECTED });
    expect(refused.ok || refused.messageZh).toMatch(/2 个互不相连的部分/);
    const ok = propose(split, { communities: 3, keep: ['middle'], proposals: 1 });
    expectValidPartition(split, ok.proposals[0]);
  });

  it('throws for input that contradicts itself', () => {
    const input = quadrants();
    expect(() =>
      proposePartitions({ ...input, assignment: input.assignment.slice(1) }, { profile: 'leshan' }),
    ).toThrow(/assignment has 143 entries for 144 units/);
    expect(() =>
      proposePartitions(
        { ...input, communities: [...input.communities.slice(1), { ...community('q0'), streetId: 's-2' }] },
        { profile: 'leshan' },
      ),
    ).toThrow(/community q0 is in street s-2/);
  });
});

describe('proposePartitions on a mixed street', () => {
  it('keeps villages village-sized while urban communities share the rest within their band', () => {
    // An urban core (columns 0–7, 24 000 residents in 4 communities) and two sparsely peopled
    // villages (columns 8–11, 600 residents each).
    const input = latticeStreet(
      12,
      12,
      (column, row) => (column < 8 ? `u${column < 4 ? 0 : 1}${row < 6 ? 0 : 1}` : `v${row < 6 ? 0 : 1}`),
      {
        residentsOf: (column) => (column < 8 ? 250 : 25),
        types: { v0: 'village', v1: 'village' },
      },
    );
    const result = propose(input, { proposals: 3 });
    for (const proposal of result.proposals) {
      expectValidPartition(input, proposal);
      for (const c of proposal.communities) {
        if (c.type === 'village') expect(c.residents).toBeLessThan(1_000);
        else expect(c.bandStatus).toBe('within');
      }
    }
  });
});
