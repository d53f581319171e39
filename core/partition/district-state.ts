/**
 * The state a partition search works on: the street as typed arrays (CSR adjacency, per-unit
 * figures), the districts to draw (slots) with their bands and targets, the objective's weights,
 * and the districts' running sums, kept up to date move by move so a move's effect on the objective
 * costs what the unit's neighbours cost. district-search.ts describes the objective.
 */

import type { ScenarioUnit, UnitAdjacency } from '../scenario/scenario-evaluator.js';
import type { SizeRange } from '../standards/community-types.js';

/** The street as the search reads it: CSR adjacency and per-unit figures in typed arrays. */
export interface PartitionGraph {
  unitCount: number;
  /** Neighbours of unit u: `neighbours[offsets[u]] … neighbours[offsets[u + 1] − 1]`. */
  offsets: Uint32Array;
  neighbours: Uint32Array;
  sharedMeters: Float64Array;
  residents: Float64Array;
  households: Float64Array;
  areaSquareMeters: Float64Array;
  perimeterMeters: Float64Array;
}

/** CSR adjacency (both directions) and typed per-unit figures; throws naming a pair that joins no two units. */
export function partitionGraph(units: readonly ScenarioUnit[], adjacency: UnitAdjacency): PartitionGraph {
  const unitCount = units.length;
  const pairCount = adjacency.unitA.length;
  const offsets = new Uint32Array(unitCount + 1);
  for (let pair = 0; pair < pairCount; pair += 1) {
    const [a, b] = [adjacency.unitA[pair], adjacency.unitB[pair]];
    if (!(a >= 0 && a < unitCount && b >= 0 && b < unitCount) || a === b)
      throw new Error(`adjacency pair ${pair} (${a}, ${b}) does not join two units`);
    offsets[a + 1] += 1;
    offsets[b + 1] += 1;
  }
  for (let u = 0; u < unitCount; u += 1) offsets[u + 1] += offsets[u];
  const neighbours = new Uint32Array(2 * pairCount);
  const sharedMeters = new Float64Array(2 * pairCount);
  const cursor = offsets.slice(0, unitCount);
  for (let pair = 0; pair < pairCount; pair += 1) {
    const [a, b, shared] = [adjacency.unitA[pair], adjacency.unitB[pair], adjacency.sharedMeters[pair]];
    neighbours[cursor[a]] = b;
    sharedMeters[cursor[a]++] = shared;
    neighbours[cursor[b]] = a;
    sharedMeters[cursor[b]++] = shared;
  }
  return {
    unitCount,
    offsets,
    neighbours,
    sharedMeters,
    residents: Float64Array.from(units, (unit) => unit.residents),
    households: Float64Array.from(units, (unit) => unit.households),
    areaSquareMeters: Float64Array.from(units, (unit) => unit.areaSquareMeters),
    perimeterMeters: Float64Array.from(units, (unit) => unit.perimeterMeters),
  };
}

/**
 * Connected pieces of the units `free` marks, over adjacency: the piece of each unit (−1 for a unit
 * not free) and how many there are, numbered in unit order.
 */
export function freePieces(graph: PartitionGraph, free: Uint8Array): { pieceOf: Int32Array; count: number } {
  const pieceOf = new Int32Array(graph.unitCount).fill(-1);
  const queue = new Int32Array(graph.unitCount);
  let count = 0;
  for (let start = 0; start < graph.unitCount; start += 1) {
    if (!free[start] || pieceOf[start] >= 0) continue;
    pieceOf[start] = count;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const u = queue[head++];
      for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
        const v = graph.neighbours[h];
        if (free[v] && pieceOf[v] < 0) {
          pieceOf[v] = count;
          queue[tail++] = v;
        }
      }
    }
    count += 1;
  }
  return { pieceOf, count };
}

/** One district to draw: the bands it is held to, the community it continues, the piece it lies in. */
export interface DistrictSlot {
  residentsBand: SizeRange | null;
  householdsBand: SizeRange | null;
  /** Index of the community it continues (as in `originOf`), −1 for a new community. */
  origin: number;
  /** The connected piece of the free units it lies in. */
  piece: number;
  /** Residents the balance term aims at (> 0, or 0 to switch balancing off). */
  targetResidents: number;
}

/** Weights of the objective's terms (see the file's comment). */
export interface SearchWeights {
  band: number;
  /** Balance weight for a district whose type has a residents or households band … */
  balanceWithBand: number;
  /** … and for one without (then balance is what sizes it). */
  balanceWithoutBand: number;
  compactness: number;
  moved: number;
  station: number;
}

export const DEFAULT_SEARCH_WEIGHTS: Readonly<SearchWeights> = Object.freeze({
  band: 10,
  balanceWithBand: 0.1,
  balanceWithoutBand: 2,
  compactness: 1,
  moved: 1,
  station: 5,
});

export interface SearchProblem {
  graph: PartitionGraph;
  /** Piece of each unit to partition; −1 for a unit left as it is (a kept community's). */
  pieceOf: Int32Array;
  /** Index of the community each unit is in now. */
  originOf: Int32Array;
  /** Service stations standing in each unit. */
  stationsOf: Uint16Array;
  slots: readonly DistrictSlot[];
  /** Seed districts at stations and never take a district's last station away. */
  stationsRequired: boolean;
  weights: SearchWeights;
  /** Sweeps over the boundary units at most (default 80). */
  maxSweeps?: number;
}

/** Share by which `value` lies outside `band` (0 inside or without a band). */
export function bandExcess(value: number, band: SizeRange | null): number {
  if (!band) return 0;
  if (band.min !== null && value < band.min) return (band.min - value) / band.min;
  if (band.max !== null && value > band.max) return (value - band.max) / Math.max(band.max, 1);
  return 0;
}

/** Districts' running sums, kept up to date move by move. */
export class DistrictState {
  readonly slotOf: Int32Array;
  readonly residents: Float64Array;
  readonly households: Float64Array;
  readonly area: Float64Array;
  readonly perimeter: Float64Array;
  readonly unitCount: Int32Array;
  readonly stations: Int32Array;
  /** Units each district holds from another community than the one it continues. */
  readonly moved: Int32Array;
  readonly freeUnits: number;
  readonly freeArea: number;
  private readonly cost: Float64Array;
  private readonly visitMark: Uint32Array;
  private visit = 0;
  private readonly queue: Int32Array;

  constructor(
    private readonly problem: SearchProblem,
    slotOf: Int32Array,
  ) {
    const { graph, slots } = problem;
    const k = slots.length;
    this.slotOf = slotOf;
    this.residents = new Float64Array(k);
    this.households = new Float64Array(k);
    this.area = new Float64Array(k);
    this.perimeter = new Float64Array(k);
    this.unitCount = new Int32Array(k);
    this.stations = new Int32Array(k);
    this.moved = new Int32Array(k);
    this.cost = new Float64Array(k);
    this.visitMark = new Uint32Array(graph.unitCount);
    this.queue = new Int32Array(graph.unitCount);
    let freeUnits = 0;
    let freeArea = 0;
    for (let u = 0; u < graph.unitCount; u += 1) {
      const s = slotOf[u];
      if (s < 0) continue;
      freeUnits += 1;
      freeArea += graph.areaSquareMeters[u];
      this.residents[s] += graph.residents[u];
      this.households[s] += graph.households[u];
      this.area[s] += graph.areaSquareMeters[u];
      this.perimeter[s] += graph.perimeterMeters[u] - this.sharedWith(u, s);
      this.unitCount[s] += 1;
      this.stations[s] += problem.stationsOf[u];
      if (problem.originOf[u] !== slots[s].origin) this.moved[s] += 1;
    }
    this.freeUnits = freeUnits;
    this.freeArea = freeArea;
    for (let s = 0; s < k; s += 1) this.cost[s] = this.costOf(s);
  }

  /** Boundary unit u shares with district s (u itself excluded). */
  sharedWith(u: number, s: number): number {
    const { graph } = this.problem;
    let shared = 0;
    for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1)
      if (this.slotOf[graph.neighbours[h]] === s) shared += graph.sharedMeters[h];
    return shared;
  }

  polsbyPopper(s: number): number {
    const p = this.perimeter[s];
    return p > 0 ? (4 * Math.PI * this.area[s]) / (p * p) : 0;
  }

  /** The objective's terms for district s with the figures given (its own by default). */
  costOf(
    s: number,
    residents = this.residents[s],
    households = this.households[s],
    area = this.area[s],
    perimeter = this.perimeter[s],
    moved = this.moved[s],
    stations = this.stations[s],
  ): number {
    const { weights, stationsRequired } = this.problem;
    const slot = this.problem.slots[s];
    const banded = slot.residentsBand !== null || slot.householdsBand !== null;
    let cost =
      weights.band *
      (bandExcess(residents, slot.residentsBand) + bandExcess(households, slot.householdsBand));
    if (slot.targetResidents > 0) {
      const deviation = (residents - slot.targetResidents) / slot.targetResidents;
      cost += (banded ? weights.balanceWithBand : weights.balanceWithoutBand) * deviation * deviation;
    }
    if (this.freeArea > 0 && perimeter > 0) {
      const polsbyPopper = (4 * Math.PI * area) / (perimeter * perimeter);
      cost += (weights.compactness * area * (1 - polsbyPopper)) / this.freeArea;
    }
    cost += (weights.moved * moved) / Math.max(1, this.freeUnits);
    if (stationsRequired && stations === 0) cost += weights.station;
    return cost;
  }

  totalCost(): number {
    let total = 0;
    for (const cost of this.cost) total += cost;
    return total;
  }

  /** Change of the objective if unit u moved to district `to`. */
  moveDelta(u: number, to: number): number {
    const { graph, originOf, stationsOf, slots } = this.problem;
    const from = this.slotOf[u];
    const [r, h, a, p] = [
      graph.residents[u],
      graph.households[u],
      graph.areaSquareMeters[u],
      graph.perimeterMeters[u],
    ];
    const fromCost = this.costOf(
      from,
      this.residents[from] - r,
      this.households[from] - h,
      this.area[from] - a,
      this.perimeter[from] - p + 2 * this.sharedWith(u, from),
      this.moved[from] - (originOf[u] !== slots[from].origin ? 1 : 0),
      this.stations[from] - stationsOf[u],
    );
    const toCost = this.costOf(
      to,
      this.residents[to] + r,
      this.households[to] + h,
      this.area[to] + a,
      this.perimeter[to] + p - 2 * this.sharedWith(u, to),
      this.moved[to] + (originOf[u] !== slots[to].origin ? 1 : 0),
      this.stations[to] + stationsOf[u],
    );
    return fromCost + toCost - this.cost[from] - this.cost[to];
  }

  move(u: number, to: number): void {
    const { graph, originOf, stationsOf, slots } = this.problem;
    const from = this.slotOf[u];
    this.perimeter[from] -= graph.perimeterMeters[u] - 2 * this.sharedWith(u, from);
    this.perimeter[to] += graph.perimeterMeters[u] - 2 * this.sharedWith(u, to);
    this.slotOf[u] = to;
    this.residents[from] -= graph.residents[u];
    this.residents[to] += graph.residents[u];
    this.households[from] -= graph.households[u];
    this.households[to] += graph.households[u];
    this.area[from] -= graph.areaSquareMeters[u];
    this.area[to] += graph.areaSquareMeters[u];
    this.unitCount[from] -= 1;
    this.unitCount[to] += 1;
    this.stations[from] -= stationsOf[u];
    this.stations[to] += stationsOf[u];
    if (originOf[u] !== slots[from].origin) this.moved[from] -= 1;
    if (originOf[u] !== slots[to].origin) this.moved[to] += 1;
    this.cost[from] = this.costOf(from);
    this.cost[to] = this.costOf(to);
  }

  /**
   * Whether district s stays connected without unit u: a walk from one of u's neighbours in s that
   * stops as soon as it has met all the others (usually a few steps; at worst the district).
   */
  connectedWithout(u: number): boolean {
    const { graph } = this.problem;
    const s = this.slotOf[u];
    let first = -1;
    let toFind = 0;
    this.visit += 1;
    const mark = this.visit;
    this.visitMark[u] = mark;
    for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
      const v = graph.neighbours[h];
      if (this.slotOf[v] !== s || this.visitMark[v] === mark + 1) continue;
      // `mark + 1` flags "a neighbour still to find" until the walk reaches it.
      this.visitMark[v] = mark + 1;
      toFind += 1;
      if (first < 0) first = v;
    }
    if (toFind <= 1) {
      this.visit += 1;
      return true;
    }
    let head = 0;
    let tail = 0;
    this.queue[tail++] = first;
    this.visitMark[first] = mark;
    toFind -= 1;
    while (head < tail && toFind > 0) {
      const w = this.queue[head++];
      for (let h = graph.offsets[w]; h < graph.offsets[w + 1]; h += 1) {
        const v = graph.neighbours[h];
        if (this.slotOf[v] !== s) continue;
        const seen = this.visitMark[v];
        if (seen === mark) continue;
        if (seen === mark + 1) toFind -= 1;
        this.visitMark[v] = mark;
        this.queue[tail++] = v;
      }
    }
    this.visit += 1;
    return toFind === 0;
  }
}
