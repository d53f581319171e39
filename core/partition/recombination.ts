/**
 * Spanning-tree cuts of districts: recombination (ReCom, DeFord, Duchin & Solomon 2021, as
 * GerryChain draws it) merges two adjacent districts and cuts a random spanning tree of their units
 * in two, and a split cuts one district's tree to make room for a new district. Both halves of a
 * tree cut are contiguous, since each is connected in the tree.
 */

import { bandExcess, type DistrictState, type PartitionGraph, type SearchProblem } from './district-state.js';
import { randomIndex, shuffleInPlace, type RandomSource } from './seeded-random.js';

/** A spanning tree over `members`, by position in `members`: breadth-first order from member 0 and each one's parent. */
export interface MemberTree {
  order: Int32Array;
  parent: Int32Array;
}

/**
 * A minimum spanning tree of the units `members` (connected over adjacency) under random edge
 * weights (Kruskal on shuffled edges), or null when they are not connected.
 */
export function randomSpanningTree(
  graph: PartitionGraph,
  members: readonly number[],
  random: RandomSource,
): MemberTree | null {
  const m = members.length;
  const local = new Int32Array(graph.unitCount).fill(-1);
  members.forEach((u, x) => (local[u] = x));
  const edges: number[] = [];
  members.forEach((u, x) => {
    for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
      const y = local[graph.neighbours[h]];
      if (y > x) edges.push(x * m + y);
    }
  });
  shuffleInPlace(random, edges);
  const root = Int32Array.from({ length: m }, (_, x) => x);
  const find = (x: number): number => {
    while (root[x] !== x) x = root[x] = root[root[x]];
    return x;
  };
  const treeNeighbours: number[][] = members.map(() => []);
  for (const edge of edges) {
    const [x, y] = [Math.floor(edge / m), edge % m];
    const [rx, ry] = [find(x), find(y)];
    if (rx === ry) continue;
    root[rx] = ry;
    treeNeighbours[x].push(y);
    treeNeighbours[y].push(x);
  }
  const parent = new Int32Array(m).fill(-1);
  const order = new Int32Array(m);
  let size = 1;
  parent[0] = 0;
  for (let head = 0; head < size; head += 1)
    for (const y of treeNeighbours[order[head]])
      if (parent[y] < 0) {
        parent[y] = order[head];
        order[size++] = y;
      }
  return size === m ? { order, parent } : null;
}

/** Sums of a per-member figure over each member's subtree. */
export function subtreeSums(tree: MemberTree, values: ArrayLike<number>): Float64Array {
  const sums = Float64Array.from(values);
  for (let k = tree.order.length - 1; k > 0; k -= 1) sums[tree.parent[tree.order[k]]] += sums[tree.order[k]];
  return sums;
}

/** Which members lie in the subtree of `top` (marks it and its descendants). */
export function subtreeMembers(tree: MemberTree, top: number): Uint8Array {
  const inside = new Uint8Array(tree.order.length);
  inside[top] = 1;
  // `order` lists parents before children, so one pass marks every descendant.
  for (let k = 1; k < tree.order.length; k += 1) {
    const x = tree.order[k];
    if (x !== top && inside[tree.parent[x]]) inside[x] = 1;
  }
  return inside;
}

/** Largest relative deviation from its target a recombination may leave a district with (unless it was further off before). */
const RECOMBINATION_BALANCE_TOLERANCE = 0.15;

/**
 * One recombination step (ReCom, DeFord, Duchin & Solomon 2021, as GerryChain draws it): two
 * adjacent districts are merged, a spanning tree of their units is drawn (minimum spanning tree
 * under random edge weights), and one of its edges is cut, at random among the cuts that leave
 * both halves no further outside their bands than the two were, within 15 % of their targets (or
 * no worse than before), and with no fewer stations where stations are asked for. Both halves are
 * contiguous (each is connected in the tree). Returns whether the districts changed.
 */
export function recombine(problem: SearchProblem, state: DistrictState, random: RandomSource): boolean {
  const { graph, slots, stationsOf, stationsRequired } = problem;
  const { slotOf } = state;
  // A random boundary pair of districts.
  let a = -1;
  let b = -1;
  for (let tries = 0; tries < 64 && a < 0; tries += 1) {
    const u = randomIndex(random, graph.unitCount);
    if (slotOf[u] < 0) continue;
    const degree = graph.offsets[u + 1] - graph.offsets[u];
    if (degree === 0) continue;
    const v = graph.neighbours[graph.offsets[u] + randomIndex(random, degree)];
    if (slotOf[v] >= 0 && slotOf[v] !== slotOf[u]) [a, b] = [slotOf[u], slotOf[v]];
  }
  if (a < 0) return false;

  // The merged units, a random spanning tree over them, and its subtrees' sums.
  const members: number[] = [];
  for (let u = 0; u < graph.unitCount; u += 1) if (slotOf[u] === a || slotOf[u] === b) members.push(u);
  const tree = randomSpanningTree(graph, members, random);
  if (!tree) return false;
  const m = members.length;
  const residents = subtreeSums(
    tree,
    members.map((u) => graph.residents[u]),
  );
  const households = subtreeSums(
    tree,
    members.map((u) => graph.households[u]),
  );
  const stations = subtreeSums(
    tree,
    members.map((u) => stationsOf[u]),
  );
  // Units of the community a (b) continues: a cut is labelled so that more of them stay.
  const ofOriginA = subtreeSums(
    tree,
    members.map((u) => (problem.originOf[u] === slots[a].origin ? 1 : 0)),
  );
  const ofOriginB = subtreeSums(
    tree,
    members.map((u) => (problem.originOf[u] === slots[b].origin ? 1 : 0)),
  );

  const outside = (s: number, r: number, h: number) =>
    bandExcess(r, slots[s].residentsBand) + bandExcess(h, slots[s].householdsBand);
  const deviation = (s: number, r: number) =>
    slots[s].targetResidents > 0 ? Math.abs(r - slots[s].targetResidents) / slots[s].targetResidents : 0;
  const stationless = (first: number, second: number) => (first === 0 ? 1 : 0) + (second === 0 ? 1 : 0);
  const outsideBefore =
    outside(a, state.residents[a], state.households[a]) + outside(b, state.residents[b], state.households[b]);
  const toleranceBefore = Math.max(
    RECOMBINATION_BALANCE_TOLERANCE,
    deviation(a, state.residents[a]),
    deviation(b, state.residents[b]),
  );
  const stationlessBefore = stationless(state.stations[a], state.stations[b]);
  /** Whether district `first` may take the part (r1, h1, s1) and `second` the rest. */
  const valid = (first: number, second: number, r1: number, h1: number, s1: number): boolean =>
    outside(first, r1, h1) + outside(second, residents[0] - r1, households[0] - h1) <= outsideBefore + 1e-9 &&
    deviation(first, r1) <= toleranceBefore &&
    deviation(second, residents[0] - r1) <= toleranceBefore &&
    !(stationsRequired && stationless(s1, stations[0] - s1) > stationlessBefore);
  const [allOfA, allOfB] = [ofOriginA[0], ofOriginB[0]];
  const cuts: number[] = [];
  for (let k = 1; k < m; k += 1) {
    const x = tree.order[k];
    // Each district keeps a unit of the community it continues, if it had one, so it goes on
    // continuing it; of two valid labellings the one keeping more units where they are wins.
    const subtreeIsA =
      (allOfA === 0 || ofOriginA[x] > 0) &&
      (allOfB === 0 || allOfB - ofOriginB[x] > 0) &&
      valid(a, b, residents[x], households[x], stations[x]);
    const subtreeIsB =
      (allOfA === 0 || allOfA - ofOriginA[x] > 0) &&
      (allOfB === 0 || ofOriginB[x] > 0) &&
      valid(b, a, residents[x], households[x], stations[x]);
    if (!subtreeIsA && !subtreeIsB) continue;
    const staysIfA = ofOriginA[x] + (allOfB - ofOriginB[x]);
    const staysIfB = ofOriginB[x] + (allOfA - ofOriginA[x]);
    cuts.push(subtreeIsA && (!subtreeIsB || staysIfA >= staysIfB) ? x : -1 - x);
  }
  if (cuts.length === 0) return false;
  const cut = cuts[randomIndex(random, cuts.length)];
  const [subtreeRoot, subtreeSlot] = cut >= 0 ? [cut, a] : [-1 - cut, b];
  const otherSlot = subtreeSlot === a ? b : a;
  const inSubtree = subtreeMembers(tree, subtreeRoot);
  // One move at a time keeps the running sums exact.
  members.forEach((u, x) => {
    const target = inSubtree[x] ? subtreeSlot : otherSlot;
    if (slotOf[u] !== target) state.move(u, target);
  });
  return true;
}

/**
 * Makes room for the empty district `fresh`: cuts a random spanning tree of district `from` where
 * the cut-off subtree's residents come closest to `fresh`'s target and the rest to `from`'s (a cut
 * leaving a side without a station is taken only when none keeps both, where stations are asked
 * for), and gives that subtree to `fresh`. Returns whether it could (`from` has two units or more).
 */
export function splitInto(
  problem: SearchProblem,
  state: DistrictState,
  from: number,
  fresh: number,
  random: RandomSource,
): boolean {
  const { graph, slots, stationsOf, stationsRequired } = problem;
  const members: number[] = [];
  for (let u = 0; u < graph.unitCount; u += 1) if (state.slotOf[u] === from) members.push(u);
  if (members.length < 2) return false;
  const tree = randomSpanningTree(graph, members, random);
  if (!tree) return false;
  const residents = subtreeSums(
    tree,
    members.map((u) => graph.residents[u]),
  );
  const stations = subtreeSums(
    tree,
    members.map((u) => stationsOf[u]),
  );
  const [freshTarget, fromTarget] = [slots[fresh].targetResidents, slots[from].targetResidents];
  const scale = Math.max(1, residents[0]);
  let best = -1;
  let bestCost = Infinity;
  for (let k = 1; k < members.length; k += 1) {
    const x = tree.order[k];
    const stationMissing =
      stationsRequired && stations[0] >= 2 && (stations[x] === 0 || stations[x] === stations[0]) ? 1 : 0;
    const cost =
      stationMissing +
      (Math.abs(residents[x] - freshTarget) + Math.abs(residents[0] - residents[x] - fromTarget)) / scale;
    if (cost < bestCost) [best, bestCost] = [x, cost];
  }
  const inSubtree = subtreeMembers(tree, best);
  members.forEach((u, x) => {
    if (inSubtree[x]) state.move(u, fresh);
  });
  return true;
}
