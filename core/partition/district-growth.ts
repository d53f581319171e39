/**
 * Where a partition search starts: districts grown from spread seeds (region growing; seeds at
 * service stations when every district must hold one), or — the least-change start — today's
 * communities, with new districts cut off the fullest ones and the units of communities merged
 * away grown into from their neighbours.
 */

import { IndexedMinHeap } from '../routing/binary-heap.js';
import { DistrictState, type PartitionGraph, type SearchProblem } from './district-state.js';
import { splitInto } from './recombination.js';
import { randomIndex, shuffleInPlace, type RandomSource } from './seeded-random.js';

/**
 * A fresh start: one seed per district (see chooseSeeds), then every district grown at once
 * (growInto).
 */
export function growDistricts(problem: SearchProblem, random: RandomSource): Int32Array {
  const slotOf = new Int32Array(problem.graph.unitCount).fill(-1);
  chooseSeeds(problem, random).forEach((u, s) => (slotOf[u] = s));
  growInto(problem, slotOf, random);
  return slotOf;
}

/**
 * The least-change start: each district continuing a community starts as that community (its
 * largest connected part in the district's piece); a district with nothing yet is cut off the
 * fullest district of its piece (splitInto), or seeded where its piece has none; units left over
 * (of communities merged away, or detached parts) are grown into from their neighbours (growInto).
 */
export function currentStart(problem: SearchProblem, random: RandomSource): Int32Array {
  const { graph, pieceOf, originOf, slots } = problem;
  const slotOf = new Int32Array(graph.unitCount).fill(-1);
  slots.forEach((slot, s) => {
    if (slot.origin < 0) return;
    const inOrigin = (u: number) => originOf[u] === slot.origin && pieceOf[u] === slot.piece;
    let largest: number[] = [];
    const seen = new Uint8Array(graph.unitCount);
    for (let u = 0; u < graph.unitCount; u += 1) {
      if (!inOrigin(u) || seen[u]) continue;
      const part = [u];
      seen[u] = 1;
      for (let head = 0; head < part.length; head += 1) {
        const w = part[head];
        for (let h = graph.offsets[w]; h < graph.offsets[w + 1]; h += 1) {
          const v = graph.neighbours[h];
          if (!seen[v] && inOrigin(v)) {
            seen[v] = 1;
            part.push(v);
          }
        }
      }
      if (part.length > largest.length) largest = part;
    }
    for (const u of largest) slotOf[u] = s;
  });
  growInto(problem, slotOf, random);

  // Districts still empty: cut off the district of their piece furthest above its target.
  const state = new DistrictState(problem, slotOf);
  slots.forEach((slot, s) => {
    if (state.unitCount[s] > 0) return;
    let from = -1;
    let fullest = -Infinity;
    slots.forEach((other, t) => {
      if (t === s || other.piece !== slot.piece || state.unitCount[t] < 2) return;
      const fill = state.residents[t] / Math.max(1, other.targetResidents);
      if (fill > fullest) [from, fullest] = [t, fill];
    });
    if (from >= 0) splitInto(problem, state, from, s, random);
  });
  // A piece where no district started (every community of it merged away): seed and grow as fresh.
  const unseeded = slots.flatMap((_, s) => (state.unitCount[s] === 0 ? [s] : []));
  if (unseeded.length > 0) {
    const seeds = chooseSeeds(problem, random);
    for (const s of unseeded) if (slotOf[seeds[s]] < 0) slotOf[seeds[s]] = s;
    growInto(problem, slotOf, random);
  }
  return slotOf;
}

/**
 * Grows the districts over the units not yet assigned in their pieces, all at once: the district
 * furthest below its share (of residents and of area, 3 : 1) takes its frontier unit fewest steps
 * from where it started. Assigned units keep their district.
 */
export function growInto(problem: SearchProblem, slotOf: Int32Array, random: RandomSource): void {
  const { graph, pieceOf, slots } = problem;
  const n = graph.unitCount;
  const pieceResidents = new Float64Array(pieceCountOf(pieceOf));
  const pieceArea = new Float64Array(pieceResidents.length);
  const slotsInPiece = new Int32Array(pieceResidents.length);
  for (let u = 0; u < n; u += 1) {
    if (pieceOf[u] < 0) continue;
    pieceResidents[pieceOf[u]] += graph.residents[u];
    pieceArea[pieceOf[u]] += graph.areaSquareMeters[u];
  }
  for (const slot of slots) slotsInPiece[slot.piece] += 1;

  const k = slots.length;
  const residents = new Float64Array(k);
  const area = new Float64Array(k);
  const depth = new Float64Array(n);
  const heaps = slots.map(() => new IndexedMinHeap(n));
  const targetResidents = slots.map((slot) =>
    slot.targetResidents > 0 ? slot.targetResidents : pieceResidents[slot.piece] / slotsInPiece[slot.piece],
  );
  const targetArea = slots.map((slot) => pieceArea[slot.piece] / slotsInPiece[slot.piece]);
  const fill = (s: number) =>
    (targetResidents[s] > 0 ? (0.75 * residents[s]) / targetResidents[s] : 0) +
    (targetArea[s] > 0 ? (0.25 * area[s]) / targetArea[s] : 0);

  const reachFrom = (s: number, u: number) => {
    for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
      const v = graph.neighbours[h];
      if (pieceOf[v] < 0 || slotOf[v] >= 0) continue;
      // Steps from the start, with a jitter so ties break at random and shapes come out rounder.
      heaps[s].insertOrDecrease(v, depth[u] + 1 + 1.5 * random());
    }
  };
  for (let u = 0; u < n; u += 1) {
    const s = slotOf[u];
    if (s < 0) continue;
    residents[s] += graph.residents[u];
    area[s] += graph.areaSquareMeters[u];
  }
  for (let u = 0; u < n; u += 1) if (slotOf[u] >= 0) reachFrom(slotOf[u], u);

  const active = new Uint8Array(k).fill(1);
  for (;;) {
    let chosen = -1;
    let chosenFill = Infinity;
    for (let s = 0; s < k; s += 1) {
      if (!active[s]) continue;
      const value = fill(s);
      if (value < chosenFill) [chosen, chosenFill] = [s, value];
    }
    if (chosen < 0) break;
    const heap = heaps[chosen];
    let unit = -1;
    while (heap.size > 0) {
      const u = heap.pop();
      if (slotOf[u] < 0) {
        unit = u;
        break;
      }
    }
    if (unit < 0) {
      active[chosen] = 0;
      continue;
    }
    let parentDepth = Infinity;
    for (let h = graph.offsets[unit]; h < graph.offsets[unit + 1]; h += 1) {
      const v = graph.neighbours[h];
      if (slotOf[v] === chosen) parentDepth = Math.min(parentDepth, depth[v]);
    }
    depth[unit] = parentDepth + 1;
    slotOf[unit] = chosen;
    residents[chosen] += graph.residents[unit];
    area[chosen] += graph.areaSquareMeters[unit];
    reachFrom(chosen, unit);
  }
}

function pieceCountOf(pieceOf: Int32Array): number {
  let count = 0;
  for (const piece of pieceOf) if (piece + 1 > count) count = piece + 1;
  return count;
}

/** Steps from the nearest of `from` to every unit `allowed` admits, walking only through those (Infinity elsewhere). */
function stepsFrom(
  graph: PartitionGraph,
  allowed: (unit: number) => boolean,
  from: readonly number[],
): Float64Array {
  const steps = new Float64Array(graph.unitCount).fill(Infinity);
  const queue = new Int32Array(graph.unitCount);
  let tail = 0;
  for (const u of from) {
    steps[u] = 0;
    queue[tail++] = u;
  }
  for (let head = 0; head < tail; head += 1) {
    const u = queue[head];
    for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
      const v = graph.neighbours[h];
      if (steps[v] !== Infinity || !allowed(v)) continue;
      steps[v] = steps[u] + 1;
      queue[tail++] = v;
    }
  }
  return steps;
}

/** One of the units of `pool` ranked highest by `steps`, drawn at random from the top `share`. */
function drawFromTop(
  random: RandomSource,
  pool: readonly number[],
  steps: Float64Array,
  share: number,
): number {
  const ranked = [...pool].sort((a, b) => steps[b] - steps[a] || a - b);
  return ranked[randomIndex(random, Math.max(1, Math.ceil(ranked.length * share)))];
}

/**
 * One seed unit per slot. A slot that continues a community starts deep inside it (at one of its
 * stations when stations are asked for), drawn from the inner half of its units; the others start
 * at a station, or else a unit, far from the seeds already placed, drawn from the farthest quarter.
 * The draws make attempts differ.
 */
function chooseSeeds(problem: SearchProblem, random: RandomSource): number[] {
  const { graph, pieceOf, originOf, stationsOf, slots, stationsRequired } = problem;
  const seeds = new Array<number>(slots.length).fill(-1);
  const taken = new Uint8Array(graph.unitCount);
  const bySlotOrder = shuffleInPlace(
    random,
    slots.map((_, s) => s),
  );
  const pieces = [...new Set(slots.map((slot) => slot.piece))];
  for (const piece of pieces) {
    const inPiece = (u: number) => pieceOf[u] === piece;
    const units: number[] = [];
    for (let u = 0; u < graph.unitCount; u += 1) if (inPiece(u)) units.push(u);
    const placed: number[] = [];
    const place = (s: number, u: number) => {
      seeds[s] = u;
      taken[u] = 1;
      placed.push(u);
    };
    const ofPiece = bySlotOrder.filter((s) => slots[s].piece === piece);
    for (const s of ofPiece) {
      const origin = slots[s].origin;
      if (origin < 0) continue;
      const own = units.filter((u) => originOf[u] === origin);
      let pool = own.filter((u) => !taken[u]);
      if (stationsRequired) pool = pool.filter((u) => stationsOf[u] > 0);
      if (pool.length === 0) continue;
      // Depth inside the community: steps from its units that border another.
      const border = own.filter((u) => {
        for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1)
          if (originOf[graph.neighbours[h]] !== origin) return true;
        return false;
      });
      const depth = stepsFrom(graph, (u) => originOf[u] === origin, border.length > 0 ? border : [own[0]]);
      place(s, drawFromTop(random, pool, depth, 0.5));
    }
    for (const s of ofPiece) {
      if (seeds[s] >= 0) continue;
      const free = units.filter((u) => !taken[u]);
      const stations = stationsRequired ? free.filter((u) => stationsOf[u] > 0) : [];
      const pool = stations.length > 0 ? stations : free;
      if (placed.length === 0) place(s, pool[randomIndex(random, pool.length)]);
      else place(s, drawFromTop(random, pool, stepsFrom(graph, inPiece, placed), 0.25));
    }
  }
  return seeds;
}
