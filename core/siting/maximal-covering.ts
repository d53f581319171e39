/**
 * Where to put the next k facilities: the maximal covering location problem (Church & ReVelle
 * 1974), plain or capacitated, over covering sets already computed (siting-coverage.ts builds them
 * from the walking network). Pure and synchronous; deterministic.
 *
 * Engine: greedy with exact marginal gains kept up to date through the transposed covering sets,
 * then vertex interchange until no swap improves (Teitz & Bart 1968). The upper bound is the
 * Lagrangian dual of the demand constraints, improved by subgradient steps (as in Galvão & ReVelle
 * 1996 for the MCLP); its best multipliers equal the LP relaxation's bound, far tighter than the
 * greedy's 1 − 1/e guarantee. Its first multipliers give the data-dependent greedy bound (value of
 * the chosen sites plus the k largest remaining gains, as in Leskovec et al. 2007), so the bound is
 * never worse than that. Each subproblem's k best sites are also tried as a solution.
 * When the bound meets the value the answer is proved optimal. Optionally an exact MILP solver the
 * caller hands in (HiGHS from npm, whose `solve` this module calls) closes what the bound leaves
 * open on small and medium instances.
 *
 * Capacitated: no new site is credited with more than `capacity` demand. Demand may be split
 * between sites: a unit is a block of many households, whose children or elders can go to two
 * kindergartens or day-care centres; splitting also makes "who goes where" for chosen sites a
 * max-flow (polynomial) instead of a bin-packing problem, so each value is exact.
 */

/** A siting problem over demand points and candidate sites. */
export interface SitingInput {
  /** Demand at each demand point (residents, children 3–6, elderly), ≥ 0. */
  demandWeights: ArrayLike<number>;
  /** Demand at each point the kept facilities already serve (0 … its weight); none when omitted. */
  existingCoveredWeights?: ArrayLike<number>;
  /**
   * Covering sets as compressed rows: candidate j reaches demand points
   * `coverDemand[coverOffsets[j]] … coverDemand[coverOffsets[j + 1] − 1]` within the tier.
   */
  coverOffsets: Uint32Array;
  coverDemand: Uint32Array;
}

/**
 * An exact MILP solver the caller may hand in: the shape of the `highs` npm package's loaded module
 * (`await loadHighs()`), kept structural so core imports no WebAssembly.
 */
export interface MilpSolver {
  solve(
    problem: string,
    options?: Record<string, string | number | boolean>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
}

export interface SitingOptions {
  /** How many new sites, a positive integer. */
  count: number;
  /** Most demand one new site may be credited with (same unit as the demand); none when omitted. */
  capacity?: number | null;
  /** Subgradient steps for the bound (default 300); 0 keeps the greedy bound. */
  boundIterations?: number;
  /**
   * An exact solver run when the heuristic's answer is not proved optimal and the reduced problem has
   * at most `maxNonZeros` (default 20 000) covering pairs, for at most `timeLimitSeconds` (default 10).
   */
  milp?: { solver: MilpSolver; maxNonZeros?: number; timeLimitSeconds?: number };
}

/** One chosen site, in pick order. */
export interface SitedFacility {
  /** Index of the candidate in the input. */
  candidate: number;
  /** Demand this site adds to the sites picked before it (with capacity: to their max flow). */
  gainWeight: number;
  /** Demand credited to this site in the final assignment (equals gainWeight without capacity's rerouting). */
  servedWeight: number;
}

/** Demand of one point assigned to one chosen site (capacitated results only). */
export interface SitingAssignment {
  /** Index into `sites`. */
  site: number;
  demandPoint: number;
  weight: number;
}

export interface SitingResult {
  /** At most `count` sites: picking stops when no candidate adds demand. */
  sites: SitedFacility[];
  demandTotal: number;
  /** Demand the kept facilities serve. */
  coveredBefore: number;
  /** Demand served with the new sites (kept facilities' plus the new sites' credited demand). */
  coveredAfter: number;
  /** demandTotal − coveredAfter. */
  uncovered: number;
  /** No choice of `count` sites serves more than this (same measure as coveredAfter). */
  upperBound: number;
  /** upperBound − coveredAfter, ≥ 0. */
  gap: number;
  /** gap ÷ (upperBound − coveredBefore): the share of the best possible gain the answer may miss; 0 when none is possible. */
  relativeGap: number;
  /** Whether the answer is proved optimal (the bound met it, or the MILP solver proved it). */
  provedOptimal: boolean;
  /** `heuristic`: greedy + interchange + Lagrangian; `milp`: the caller's exact solver decided. */
  engine: 'heuristic' | 'milp';
  /** Capacitated only: who is served by which new site (demand split where it must be). */
  assignment: SitingAssignment[] | null;
  /** Sizes after reduction (demand points with demand left and in reach of a candidate; distinct candidates). */
  reduced: { demandPoints: number; candidates: number; coverPairs: number };
}

/** Below this share of the total demand two values count as equal. */
const RELATIVE_TOLERANCE = 1e-9;

/**
 * Chooses `options.count` sites among the candidates that serve the most demand not already served.
 * Throws a RangeError for a count that is not a positive integer, a capacity that is not positive, or
 * input arrays that disagree (naming the candidate or demand point).
 */
export function siteFacilities(input: SitingInput, options: SitingOptions): SitingResult {
  const { count } = options;
  if (!(Number.isInteger(count) && count >= 1))
    throw new RangeError(`count ${count} is not a positive integer`);
  const capacity = options.capacity ?? null;
  if (capacity !== null && !(capacity > 0)) throw new RangeError(`capacity ${capacity} is not positive`);
  const iterations = options.boundIterations ?? 300;

  const { residual, demandTotal, coveredBefore } = residualDemand(input);
  const instance = reduce(input, residual, capacity === null ? 1 : count);
  const tolerance = RELATIVE_TOLERANCE * Math.max(1, demandTotal);

  const solver: Solver =
    capacity === null ? new CoverSolver(instance, count) : new FlowSolver(instance, count, capacity);
  let best = solver.heuristic();
  let bound = solver.bound(best, iterations);
  let engine: SitingResult['engine'] = 'heuristic';
  best = solver.bestSeen();
  if (instance.integral) bound = Math.floor(bound + tolerance);
  bound = Math.max(bound, best.value);

  let provedOptimal = bound - best.value <= tolerance;
  const milp = options.milp;
  if (!provedOptimal && milp && instance.pairCount <= (milp.maxNonZeros ?? 20_000)) {
    const exact = solveByMilp(instance, count, capacity, milp.solver, milp.timeLimitSeconds ?? 10);
    if (exact) {
      const value = solver.value(exact.sites);
      if (value >= best.value - tolerance) {
        best = { sites: exact.sites, value };
        engine = 'milp';
      }
      if (exact.optimal) {
        bound = Math.min(bound, Math.max(best.value, exact.objective));
        provedOptimal = true;
      }
    }
  }

  const ordered = solver.pickOrder(best.sites);
  const coveredAfter = coveredBefore + best.value;
  const upperBound = coveredBefore + Math.max(bound, best.value);
  const possibleGain = upperBound - coveredBefore;
  const gap = provedOptimal ? 0 : Math.max(0, upperBound - coveredAfter);
  const served = solver.served(ordered.map((site) => site.site));
  return {
    sites: ordered.map((site, index) => ({
      candidate: instance.candidateOf[site.site],
      gainWeight: site.gain,
      servedWeight: served.bySite[index],
    })),
    demandTotal,
    coveredBefore,
    coveredAfter,
    uncovered: demandTotal - coveredAfter,
    upperBound: provedOptimal ? coveredAfter : upperBound,
    gap,
    relativeGap: possibleGain > tolerance ? gap / possibleGain : 0,
    provedOptimal,
    engine,
    assignment: capacity === null ? null : expandAssignment(instance, served.pairs),
    reduced: {
      demandPoints: instance.demandCount,
      candidates: instance.candidateCount,
      coverPairs: instance.pairCount,
    },
  };
}

// ——— Input and reduction ———

function residualDemand(input: SitingInput) {
  const { demandWeights, existingCoveredWeights } = input;
  const demandCount = demandWeights.length;
  if (existingCoveredWeights && existingCoveredWeights.length !== demandCount)
    throw new RangeError(`${existingCoveredWeights.length} covered weights for ${demandCount} demand points`);
  const residual = new Float64Array(demandCount);
  let demandTotal = 0;
  let coveredBefore = 0;
  for (let i = 0; i < demandCount; i += 1) {
    const weight = demandWeights[i];
    const covered = existingCoveredWeights ? existingCoveredWeights[i] : 0;
    if (!(weight >= 0 && weight < Infinity))
      throw new RangeError(`demand point #${i}: weight ${weight} is not finite and ≥ 0`);
    if (!(covered >= 0 && covered <= weight))
      throw new RangeError(`demand point #${i}: covered weight ${covered} is not within 0 … ${weight}`);
    demandTotal += weight;
    coveredBefore += covered;
    residual[i] = weight - covered;
  }
  return { residual, demandTotal, coveredBefore };
}

/**
 * The problem without what cannot matter: demand points already served or out of every candidate's
 * reach, candidates reaching nothing left, candidates with the same covering set as an earlier one
 * (kept `copies` times: once without capacity, up to `count` times with it, since two identical sites
 * double the capacity), and demand points reached by the same candidates merged into one.
 */
interface Instance {
  demandCount: number;
  candidateCount: number;
  pairCount: number;
  weight: Float64Array;
  /** Reduced candidate → reduced demand (CSR), and its transpose. */
  offsets: Uint32Array;
  demand: Uint32Array;
  demandOffsets: Uint32Array;
  demandCandidates: Uint32Array;
  candidateOf: Uint32Array;
  /** Original demand points of each reduced one (CSR), for the assignment. */
  memberOffsets: Uint32Array;
  members: Uint32Array;
  residual: Float64Array;
  /** Whether every weight is a whole number (then a bound can be rounded down). */
  integral: boolean;
}

function reduce(input: SitingInput, residual: Float64Array, copies: number): Instance {
  const { coverOffsets, coverDemand } = input;
  const originalCandidates = coverOffsets.length - 1;
  const originalDemand = residual.length;
  if (originalCandidates < 0 || coverOffsets[originalCandidates] !== coverDemand.length)
    throw new RangeError('coverOffsets do not delimit coverDemand');

  // Candidates' lists restricted to demand left, deduplicated by content.
  const keptLists: number[][] = [];
  const keptCandidates: number[] = [];
  const seen = new Map<number, number[]>();
  for (let j = 0; j < originalCandidates; j += 1) {
    const list: number[] = [];
    for (let k = coverOffsets[j]; k < coverOffsets[j + 1]; k += 1) {
      const i = coverDemand[k];
      if (!(i < originalDemand)) throw new RangeError(`candidate #${j}: demand point ${i} does not exist`);
      if (residual[i] > 0) list.push(i);
    }
    if (list.length === 0) continue;
    list.sort((a, b) => a - b);
    const key = hashList(list);
    const same = seen.get(key) ?? [];
    const copiesSoFar = same.filter((other) => equalLists(keptLists[other], list)).length;
    if (copiesSoFar >= copies) continue;
    same.push(keptLists.length);
    seen.set(key, same);
    keptLists.push(list);
    keptCandidates.push(j);
  }

  // Each demand point's candidates (ascending), then demand points grouped by that list.
  const candidatesOfDemand: number[][] = Array.from({ length: originalDemand }, () => []);
  keptLists.forEach((list, j) => {
    for (const i of list) candidatesOfDemand[i].push(j);
  });
  const groupOf = new Int32Array(originalDemand).fill(-1);
  const groupLists: number[][] = [];
  const groupMembers: number[][] = [];
  const groupsByKey = new Map<number, number[]>();
  for (let i = 0; i < originalDemand; i += 1) {
    const list = candidatesOfDemand[i];
    if (list.length === 0) continue;
    const key = hashList(list);
    const sameKey = groupsByKey.get(key) ?? [];
    let group = sameKey.find((other) => equalLists(groupLists[other], list));
    if (group === undefined) {
      group = groupLists.length;
      groupLists.push(list);
      groupMembers.push([]);
      sameKey.push(group);
      groupsByKey.set(key, sameKey);
    }
    groupOf[i] = group;
    groupMembers[group].push(i);
  }

  const demandCount = groupLists.length;
  const candidateCount = keptLists.length;
  const weight = new Float64Array(demandCount);
  let integral = true;
  groupMembers.forEach((membersOfGroup, group) => {
    for (const i of membersOfGroup) weight[group] += residual[i];
    if (!Number.isInteger(weight[group])) integral = false;
  });
  const demandOffsets = new Uint32Array(demandCount + 1);
  groupLists.forEach((list, group) => (demandOffsets[group + 1] = demandOffsets[group] + list.length));
  const demandCandidates = new Uint32Array(demandOffsets[demandCount]);
  groupLists.forEach((list, group) => demandCandidates.set(list, demandOffsets[group]));
  // Candidate → group lists from the transpose, so each group appears once and lists are ascending.
  const offsets = new Uint32Array(candidateCount + 1);
  for (const j of demandCandidates) offsets[j + 1] += 1;
  for (let j = 0; j < candidateCount; j += 1) offsets[j + 1] += offsets[j];
  const demand = new Uint32Array(offsets[candidateCount]);
  const cursor = offsets.slice(0, candidateCount);
  for (let group = 0; group < demandCount; group += 1)
    for (let k = demandOffsets[group]; k < demandOffsets[group + 1]; k += 1)
      demand[cursor[demandCandidates[k]]++] = group;

  const memberOffsets = new Uint32Array(demandCount + 1);
  groupMembers.forEach((list, group) => (memberOffsets[group + 1] = memberOffsets[group] + list.length));
  const members = new Uint32Array(memberOffsets[demandCount]);
  groupMembers.forEach((list, group) => members.set(list, memberOffsets[group]));

  return {
    demandCount,
    candidateCount,
    pairCount: demand.length,
    weight,
    offsets,
    demand,
    demandOffsets,
    demandCandidates,
    candidateOf: Uint32Array.from(keptCandidates),
    memberOffsets,
    members,
    residual,
    integral,
  };
}

function hashList(list: readonly number[]): number {
  let hash = 2166136261;
  for (const value of list) {
    hash = Math.imul(hash ^ value, 16777619);
    hash = Math.imul(hash ^ (value >>> 16), 16777619);
  }
  return hash ^ list.length;
}

function equalLists(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k += 1) if (a[k] !== b[k]) return false;
  return true;
}

/** A reduced group's assigned demand split over its original points in proportion to what each has left. */
function expandAssignment(
  instance: Instance,
  pairs: { site: number; group: number; weight: number }[],
): SitingAssignment[] {
  const result: SitingAssignment[] = [];
  for (const { site, group, weight } of pairs) {
    const total = instance.weight[group];
    for (let k = instance.memberOffsets[group]; k < instance.memberOffsets[group + 1]; k += 1) {
      const point = instance.members[k];
      const share = (weight * instance.residual[point]) / total;
      if (share > 0) result.push({ site, demandPoint: point, weight: share });
    }
  }
  return result;
}

// ——— Solvers ———

interface Solution {
  sites: number[];
  value: number;
}

interface Solver {
  /** Greedy, then interchange. */
  heuristic(): Solution;
  /** Lagrangian upper bound on the new sites' value (trying each subproblem's sites as solutions too). */
  bound(start: Solution, iterations: number): number;
  /** The best solution seen so far (the heuristic's or one the bound's subproblems gave). */
  bestSeen(): Solution;
  value(sites: readonly number[]): number;
  /** The sites re-ordered greedily, each with its marginal gain over those before it. */
  pickOrder(sites: readonly number[]): { site: number; gain: number }[];
  /** Demand credited to each site (in the order given) and, with capacity, the flow's pairs. */
  served(sites: readonly number[]): {
    bySite: number[];
    pairs: { site: number; group: number; weight: number }[];
  };
}

/**
 * Subgradient optimisation of a Lagrangian bound over multipliers μ ∈ [0, weight] (Held, Wolfe &
 * Crowder 1974): Polyak steps towards the best solution's value, halving the step factor after 20
 * steps without a better bound.
 */
function subgradient(
  instance: Instance,
  multipliers: Float64Array,
  iterations: number,
  lowerBound: () => number,
  evaluate: (multipliers: Float64Array, subgradient: Float64Array) => number,
): number {
  const { weight } = instance;
  const direction = new Float64Array(instance.demandCount);
  let best = evaluate(multipliers, direction);
  let factor = 2;
  let sinceImproved = 0;
  const tolerance = RELATIVE_TOLERANCE * Math.max(1, best);
  for (let step = 0; step < iterations && factor > 1e-4; step += 1) {
    const gap = best - lowerBound();
    if (gap <= tolerance) break;
    let squared = 0;
    for (let i = 0; i < direction.length; i += 1) squared += direction[i] * direction[i];
    if (squared === 0) break;
    const length = (factor * gap) / squared;
    for (let i = 0; i < multipliers.length; i += 1) {
      const next = multipliers[i] - length * direction[i];
      multipliers[i] = next < 0 ? 0 : next > weight[i] ? weight[i] : next;
    }
    const value = evaluate(multipliers, direction);
    if (value < best - tolerance) {
      best = value;
      sinceImproved = 0;
    } else if (++sinceImproved >= 20) {
      factor /= 2;
      sinceImproved = 0;
    }
  }
  return best;
}

/** The k largest of `values` (ties to the lower index), written into `top`; returns their sum. */
function topK(values: Float64Array, k: number, top: Int32Array): number {
  let size = 0;
  for (let j = 0; j < values.length; j += 1) {
    const value = values[j];
    if (size === k && !(value > values[top[k - 1]])) continue;
    let at = size < k ? size++ : k - 1;
    while (at > 0 && values[top[at - 1]] < value) {
      top[at] = top[at - 1];
      at -= 1;
    }
    top[at] = j;
  }
  let sum = 0;
  for (let t = 0; t < size; t += 1) sum += values[top[t]];
  for (let t = size; t < k; t += 1) top[t] = -1;
  return sum;
}

/** The plain MCLP: a site covers every demand point it reaches. */
class CoverSolver implements Solver {
  private readonly coverCount: Int32Array;
  private readonly gain: Float64Array;
  private readonly selected: Uint8Array;
  private current: number[] = [];
  private currentValue = 0;
  private best: Solution = { sites: [], value: 0 };
  private readonly stamp: Uint32Array;
  private stampValue = 0;

  constructor(
    private readonly instance: Instance,
    private readonly count: number,
  ) {
    this.coverCount = new Int32Array(instance.demandCount);
    this.gain = new Float64Array(instance.candidateCount);
    this.selected = new Uint8Array(instance.candidateCount);
    this.stamp = new Uint32Array(instance.demandCount);
  }

  private reset(): void {
    const { offsets, demand, weight } = this.instance;
    this.coverCount.fill(0);
    this.selected.fill(0);
    for (let j = 0; j < this.instance.candidateCount; j += 1) {
      let sum = 0;
      for (let k = offsets[j]; k < offsets[j + 1]; k += 1) sum += weight[demand[k]];
      this.gain[j] = sum;
    }
    this.current = [];
    this.currentValue = 0;
  }

  private add(j: number): void {
    const { offsets, demand, weight, demandOffsets, demandCandidates } = this.instance;
    this.selected[j] = 1;
    this.current.push(j);
    for (let k = offsets[j]; k < offsets[j + 1]; k += 1) {
      const i = demand[k];
      if (this.coverCount[i]++ === 0) {
        this.currentValue += weight[i];
        for (let h = demandOffsets[i]; h < demandOffsets[i + 1]; h += 1)
          this.gain[demandCandidates[h]] -= weight[i];
      }
    }
  }

  private remove(j: number): void {
    const { offsets, demand, weight, demandOffsets, demandCandidates } = this.instance;
    this.selected[j] = 0;
    this.current.splice(this.current.indexOf(j), 1);
    for (let k = offsets[j]; k < offsets[j + 1]; k += 1) {
      const i = demand[k];
      if (--this.coverCount[i] === 0) {
        this.currentValue -= weight[i];
        for (let h = demandOffsets[i]; h < demandOffsets[i + 1]; h += 1)
          this.gain[demandCandidates[h]] += weight[i];
      }
    }
  }

  /** The unselected candidate of largest gain (ties to the lower index), or −1. */
  private bestAddition(): number {
    let bestCandidate = -1;
    let bestGain = 0;
    for (let j = 0; j < this.gain.length; j += 1) {
      if (!this.selected[j] && this.gain[j] > bestGain) {
        bestGain = this.gain[j];
        bestCandidate = j;
      }
    }
    return bestCandidate;
  }

  private tolerance(): number {
    return RELATIVE_TOLERANCE * Math.max(1, this.currentValue);
  }

  heuristic(): Solution {
    this.reset();
    while (this.current.length < this.count) {
      const j = this.bestAddition();
      if (j < 0 || this.gain[j] <= this.tolerance()) break;
      this.add(j);
    }
    this.interchange();
    this.remember();
    return this.best;
  }

  /** Best single swap (remove s, add j) while one improves: each removal is tried by crediting its lost demand back to the gains. */
  private interchange(): void {
    const { offsets, demand, weight, demandOffsets, demandCandidates } = this.instance;
    for (let pass = 0; pass < 100 * this.count; pass += 1) {
      let bestDelta = this.tolerance();
      let bestOut = -1;
      let bestIn = -1;
      for (const s of this.current) {
        let loss = 0;
        const credit = (sign: number) => {
          for (let k = offsets[s]; k < offsets[s + 1]; k += 1) {
            const i = demand[k];
            if (this.coverCount[i] !== 1) continue;
            if (sign > 0) loss += weight[i];
            for (let h = demandOffsets[i]; h < demandOffsets[i + 1]; h += 1)
              this.gain[demandCandidates[h]] += sign * weight[i];
          }
        };
        credit(1);
        this.selected[s] = 0;
        for (let j = 0; j < this.gain.length; j += 1) {
          if (this.selected[j] || j === s) continue;
          const delta = this.gain[j] - loss;
          if (delta > bestDelta) {
            bestDelta = delta;
            bestOut = s;
            bestIn = j;
          }
        }
        this.selected[s] = 1;
        credit(-1);
      }
      if (bestOut < 0) return;
      this.remove(bestOut);
      this.add(bestIn);
    }
  }

  private remember(): void {
    if (this.currentValue > this.best.value || this.best.sites.length === 0)
      this.best = { sites: [...this.current], value: this.value(this.current) };
  }

  bestSeen(): Solution {
    return this.best;
  }

  value(sites: readonly number[]): number {
    const { offsets, demand, weight } = this.instance;
    this.stampValue += 1;
    let total = 0;
    for (const j of sites) {
      for (let k = offsets[j]; k < offsets[j + 1]; k += 1) {
        const i = demand[k];
        if (this.stamp[i] === this.stampValue) continue;
        this.stamp[i] = this.stampValue;
        total += weight[i];
      }
    }
    return total;
  }

  bound(start: Solution, iterations: number): number {
    const { offsets, demand, weight, demandCount, candidateCount } = this.instance;
    const k = Math.min(this.count, candidateCount);
    if (k === 0) return 0;
    // μ = weight on the demand the start covers: the bound's first value is the greedy bound.
    const multipliers = new Float64Array(demandCount);
    this.stampValue += 1;
    for (const j of start.sites)
      for (let h = offsets[j]; h < offsets[j + 1]; h += 1) this.stamp[demand[h]] = this.stampValue;
    for (let i = 0; i < demandCount; i += 1)
      if (this.stamp[i] === this.stampValue) multipliers[i] = weight[i];
    const reduced = new Float64Array(candidateCount);
    const top = new Int32Array(k);
    const tried = new Set<string>();
    const evaluate = (mu: Float64Array, direction: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < demandCount; i += 1) {
        sum += mu[i];
        direction[i] = 1;
      }
      for (let j = 0; j < candidateCount; j += 1) {
        let value = 0;
        for (let h = offsets[j]; h < offsets[j + 1]; h += 1) value += weight[demand[h]] - mu[demand[h]];
        reduced[j] = value;
      }
      sum += topK(reduced, k, top);
      for (const j of top)
        if (j >= 0) for (let h = offsets[j]; h < offsets[j + 1]; h += 1) direction[demand[h]] -= 1;
      this.tryLagrangianSites(top, tried);
      return sum;
    };
    return subgradient(this.instance, multipliers, iterations, () => this.best.value, evaluate);
  }

  /** The subproblem's k best sites as a solution; improved by interchange when it beats the best so far. */
  private tryLagrangianSites(top: Int32Array, tried: Set<string>): void {
    const sites = [...top].filter((j) => j >= 0).sort((a, b) => a - b);
    const key = sites.join(',');
    if (tried.has(key)) return;
    tried.add(key);
    if (this.value(sites) <= this.best.value + this.tolerance()) return;
    this.reset();
    for (const j of sites) this.add(j);
    this.interchange();
    this.remember();
  }

  pickOrder(sites: readonly number[]): { site: number; gain: number }[] {
    const order: { site: number; gain: number }[] = [];
    const left = [...sites];
    let before = 0;
    while (left.length > 0) {
      let bestIndex = 0;
      let bestValue = -Infinity;
      left.forEach((site, index) => {
        const value = this.value([...order.map((entry) => entry.site), site]);
        if (value > bestValue) {
          bestValue = value;
          bestIndex = index;
        }
      });
      order.push({ site: left[bestIndex], gain: bestValue - before });
      before = bestValue;
      left.splice(bestIndex, 1);
    }
    return order;
  }

  served(sites: readonly number[]) {
    return { bySite: this.pickOrder(sites).map((entry) => entry.gain), pairs: [] };
  }
}

/** The capacitated MCLP: a site serves at most `capacity`, demand split as a max flow decides. */
class FlowSolver implements Solver {
  private best: Solution = { sites: [], value: 0 };
  private readonly flow: BipartiteFlow;

  constructor(
    private readonly instance: Instance,
    private readonly count: number,
    private readonly capacity: number,
  ) {
    this.flow = new BipartiteFlow(instance, capacity);
  }

  value(sites: readonly number[]): number {
    return this.flow.maxFlow(sites).value;
  }

  private tolerance(): number {
    return RELATIVE_TOLERANCE * Math.max(1, this.best.value);
  }

  /** Lazy greedy (Minoux 1978): stale gains bound current ones, as the max flow is submodular in the sites. */
  heuristic(): Solution {
    const { offsets, demand, weight, candidateCount } = this.instance;
    const upper = new Float64Array(candidateCount);
    for (let j = 0; j < candidateCount; j += 1) {
      let sum = 0;
      for (let k = offsets[j]; k < offsets[j + 1]; k += 1) sum += weight[demand[k]];
      upper[j] = Math.min(this.capacity, sum);
    }
    const heap = new MaxHeap(upper);
    const freshAt = new Int32Array(candidateCount).fill(-1);
    const sites: number[] = [];
    let value = 0;
    while (sites.length < this.count && heap.size > 0) {
      const j = heap.peek();
      if (freshAt[j] === sites.length) {
        heap.pop();
        if (upper[j] <= RELATIVE_TOLERANCE * Math.max(1, value)) break;
        sites.push(j);
        value += upper[j];
        continue;
      }
      upper[j] = this.value([...sites, j]) - value;
      freshAt[j] = sites.length;
      heap.update(j);
    }
    this.best = { sites, value: this.value(sites) };
    this.shortlist = heap.topIndexes(Math.max(60, 12 * this.count));
    this.interchange(this.best);
    return this.best;
  }

  /** Candidates with the largest gains left, where improving swaps are sought on large instances. */
  private shortlist: number[] = [];

  /** Best single swap while one improves, over the shortlist (every candidate on small instances). */
  private interchange(start: Solution): void {
    let current = start;
    const pool =
      this.instance.candidateCount <= 400
        ? Array.from({ length: this.instance.candidateCount }, (_, j) => j)
        : this.shortlist;
    for (let pass = 0; pass < 20 * this.count; pass += 1) {
      let improved: Solution | null = null;
      for (let out = 0; out < current.sites.length; out += 1) {
        for (const j of pool) {
          if (current.sites.includes(j)) continue;
          const sites = current.sites.map((site, index) => (index === out ? j : site));
          const value = this.value(sites);
          if (value > (improved?.value ?? current.value) + this.tolerance()) improved = { sites, value };
        }
      }
      if (!improved) break;
      current = improved;
    }
    if (current.value > this.best.value) this.best = current;
  }

  bestSeen(): Solution {
    return this.best;
  }

  bound(start: Solution, iterations: number): number {
    const { offsets, demand, weight, demandCount, candidateCount } = this.instance;
    const k = Math.min(this.count, candidateCount);
    if (k === 0) return 0;
    const multipliers = new Float64Array(demandCount);
    const startFlow = this.flow.maxFlow(start.sites);
    for (const { group, weight: served } of startFlow.pairs) multipliers[group] += served;
    const values = new Float64Array(candidateCount);
    const top = new Int32Array(k);
    const items: number[] = [];
    const tried = new Set<string>();
    const capacity = this.capacity;
    // Fractional knapsack of one candidate: demand by profit per unit (1 − μ/w), filled up to capacity.
    const knapsack = (
      j: number,
      mu: Float64Array,
      take: ((i: number, share: number) => void) | null,
    ): number => {
      let total = 0;
      let profit = 0;
      for (let h = offsets[j]; h < offsets[j + 1]; h += 1) {
        const i = demand[h];
        total += weight[i];
        profit += weight[i] - mu[i];
      }
      if (total <= capacity) {
        if (take) for (let h = offsets[j]; h < offsets[j + 1]; h += 1) take(demand[h], 1);
        return profit;
      }
      items.length = 0;
      for (let h = offsets[j]; h < offsets[j + 1]; h += 1)
        if (weight[demand[h]] > mu[demand[h]]) items.push(demand[h]);
      items.sort((a, b) => mu[a] / weight[a] - mu[b] / weight[b] || a - b);
      let room = capacity;
      profit = 0;
      for (const i of items) {
        if (room <= 0) break;
        const share = Math.min(1, room / weight[i]);
        profit += share * (weight[i] - mu[i]);
        room -= share * weight[i];
        if (take) take(i, share);
      }
      return profit;
    };
    const evaluate = (mu: Float64Array, direction: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < demandCount; i += 1) {
        sum += mu[i];
        direction[i] = 1;
      }
      for (let j = 0; j < candidateCount; j += 1) values[j] = knapsack(j, mu, null);
      sum += topK(values, k, top);
      for (const j of top) if (j >= 0) knapsack(j, mu, (i, share) => (direction[i] -= share));
      const sites = [...top].filter((j) => j >= 0).sort((a, b) => a - b);
      const key = sites.join(',');
      if (!tried.has(key)) {
        tried.add(key);
        const value = this.value(sites);
        if (value > this.best.value + this.tolerance()) {
          this.best = { sites, value };
          this.interchange(this.best);
        }
      }
      return sum;
    };
    return subgradient(this.instance, multipliers, iterations, () => this.best.value, evaluate);
  }

  pickOrder(sites: readonly number[]): { site: number; gain: number }[] {
    const order: { site: number; gain: number }[] = [];
    const left = [...sites];
    let before = 0;
    while (left.length > 0) {
      let bestIndex = 0;
      let bestValue = -Infinity;
      left.forEach((site, index) => {
        const value = this.value([...order.map((entry) => entry.site), site]);
        if (value > bestValue) {
          bestValue = value;
          bestIndex = index;
        }
      });
      order.push({ site: left[bestIndex], gain: bestValue - before });
      before = bestValue;
      left.splice(bestIndex, 1);
    }
    return order;
  }

  served(sites: readonly number[]) {
    const { pairs } = this.flow.maxFlow(sites);
    const bySite = sites.map(() => 0);
    for (const pair of pairs) bySite[pair.site] += pair.weight;
    return { bySite, pairs };
  }
}

/**
 * Max flow from demand (capacity: its weight) through the sites that reach it to a sink (capacity:
 * the site's), by Dinic's algorithm on a graph built per call: a handful of sites and the demand they
 * reach, small next to the whole problem.
 */
class BipartiteFlow {
  private readonly localOf: Int32Array;
  private readonly stampOf: Uint32Array;
  private stamp = 0;

  constructor(
    private readonly instance: Instance,
    private readonly capacity: number,
  ) {
    this.localOf = new Int32Array(instance.demandCount);
    this.stampOf = new Uint32Array(instance.demandCount);
  }

  maxFlow(sites: readonly number[]): {
    value: number;
    pairs: { site: number; group: number; weight: number }[];
  } {
    const { offsets, demand, weight } = this.instance;
    this.stamp += 1;
    // Nodes: 0 source, 1 sink, 2 … 2 + s − 1 sites, then the demand reached.
    const groups: number[] = [];
    let edgeCount = 0;
    for (const j of sites) {
      for (let k = offsets[j]; k < offsets[j + 1]; k += 1) {
        const i = demand[k];
        if (this.stampOf[i] !== this.stamp) {
          this.stampOf[i] = this.stamp;
          this.localOf[i] = groups.length;
          groups.push(i);
        }
        edgeCount += 1;
      }
    }
    const nodeCount = 2 + sites.length + groups.length;
    const arcs = 2 * (edgeCount + sites.length + groups.length);
    const head = new Int32Array(nodeCount).fill(-1);
    const next = new Int32Array(arcs);
    const to = new Int32Array(arcs);
    const residual = new Float64Array(arcs);
    let arc = 0;
    const addEdge = (from: number, target: number, capacity: number) => {
      to[arc] = target;
      residual[arc] = capacity;
      next[arc] = head[from];
      head[from] = arc++;
      to[arc] = from;
      residual[arc] = 0;
      next[arc] = head[target];
      head[target] = arc++;
    };
    const firstDemand = 2 + sites.length;
    groups.forEach((i, local) => addEdge(0, firstDemand + local, weight[i]));
    const siteArcStart: number[] = [];
    sites.forEach((j, s) => {
      siteArcStart.push(arc);
      for (let k = offsets[j]; k < offsets[j + 1]; k += 1)
        addEdge(firstDemand + this.localOf[demand[k]], 2 + s, Infinity);
      addEdge(2 + s, 1, this.capacity);
    });
    const epsilon = RELATIVE_TOLERANCE * Math.max(1, this.capacity);
    const level = new Int32Array(nodeCount);
    const iterator = new Int32Array(nodeCount);
    const queue = new Int32Array(nodeCount);
    let value = 0;
    const push = (node: number, limit: number): number => {
      if (node === 1) return limit;
      for (; iterator[node] >= 0; iterator[node] = next[iterator[node]]) {
        const a = iterator[node];
        const target = to[a];
        if (residual[a] > epsilon && level[target] === level[node] + 1) {
          const pushed = push(target, Math.min(limit, residual[a]));
          if (pushed > 0) {
            residual[a] -= pushed;
            residual[a ^ 1] += pushed;
            return pushed;
          }
        }
      }
      return 0;
    };
    for (;;) {
      level.fill(-1);
      level[0] = 0;
      let front = 0;
      let back = 0;
      queue[back++] = 0;
      while (front < back) {
        const node = queue[front++];
        for (let a = head[node]; a >= 0; a = next[a]) {
          if (residual[a] > epsilon && level[to[a]] < 0) {
            level[to[a]] = level[node] + 1;
            queue[back++] = to[a];
          }
        }
      }
      if (level[1] < 0) break;
      iterator.set(head);
      for (let pushed = push(0, Infinity); pushed > 0; pushed = push(0, Infinity)) value += pushed;
    }
    const pairs: { site: number; group: number; weight: number }[] = [];
    sites.forEach((j, s) => {
      // Each demand → site arc's reverse residual is the flow it carries.
      for (let k = offsets[j], a = siteArcStart[s]; k < offsets[j + 1]; k += 1, a += 2) {
        const carried = residual[a + 1];
        if (carried > epsilon) pairs.push({ site: s, group: demand[k], weight: carried });
      }
    });
    return { value, pairs };
  }
}

/** A max-heap of candidate indexes keyed by `keys` (read live: call update after changing a key); ties to the lower index. */
class MaxHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  size: number;

  constructor(private readonly keys: Float64Array) {
    this.size = keys.length;
    this.items = Int32Array.from({ length: keys.length }, (_, j) => j);
    this.position = Int32Array.from({ length: keys.length }, (_, j) => j);
    for (let at = (this.size >> 1) - 1; at >= 0; at -= 1) this.down(at);
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka > kb || (ka === kb && a < b);
  }

  private swap(x: number, y: number): void {
    const a = this.items[x];
    const b = this.items[y];
    this.items[x] = b;
    this.items[y] = a;
    this.position[b] = x;
    this.position[a] = y;
  }

  private down(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && this.above(this.items[right], this.items[left]) ? right : left;
      if (!this.above(this.items[child], this.items[at])) return;
      this.swap(at, child);
      at = child;
    }
  }

  private up(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.above(this.items[at], this.items[parent])) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  peek(): number {
    return this.items[0];
  }

  pop(): number {
    const top = this.items[0];
    this.size -= 1;
    if (this.size > 0) {
      this.swap(0, this.size);
      this.down(0);
    }
    return top;
  }

  /** After the key of `item` (still in the heap) changed. */
  update(item: number): void {
    const at = this.position[item];
    this.up(at);
    this.down(this.position[item]);
  }

  /** Up to `count` items still in the heap with the largest keys (stale keys: upper bounds of the gains). */
  topIndexes(count: number): number[] {
    const left = Array.from(this.items.subarray(0, this.size));
    left.sort((a, b) => this.keys[b] - this.keys[a] || a - b);
    return left.slice(0, count);
  }
}

// ——— Exact solve by the caller's MILP solver ———

/** Writes the reduced problem in CPLEX LP format and solves it; null when the solver fails. */
function solveByMilp(
  instance: Instance,
  count: number,
  capacity: number | null,
  solver: MilpSolver,
  timeLimitSeconds: number,
): { sites: number[]; objective: number; optimal: boolean } | null {
  const { offsets, demand, weight, demandOffsets, demandCandidates, demandCount, candidateCount } = instance;
  const lines: string[] = ['Maximize', ' obj:'];
  const terms = (list: string[]) => {
    for (let k = 0; k < list.length; k += 8) lines.push(`  ${list.slice(k, k + 8).join(' ')}`);
  };
  const constraints: string[] = [];
  const bounds: string[] = [];
  if (capacity === null) {
    // max Σ w_i y_i : y_i ≤ Σ_{j reaches i} x_j, Σ x_j ≤ k, y ∈ [0, 1], x binary.
    terms(Array.from({ length: demandCount }, (_, i) => `+ ${weight[i]} y${i}`));
    for (let i = 0; i < demandCount; i += 1) {
      const row = [`+ y${i}`];
      for (let h = demandOffsets[i]; h < demandOffsets[i + 1]; h += 1) row.push(`- x${demandCandidates[h]}`);
      constraints.push(` d${i}:`, ...chunk(row), '  <= 0');
      bounds.push(` 0 <= y${i} <= 1`);
    }
  } else {
    // max Σ w_i z_ij : Σ_j z_ij ≤ 1, Σ_i w_i z_ij ≤ Q x_j, z_ij ≤ x_j, Σ x_j ≤ k, z ∈ [0, 1], x binary.
    const objective: string[] = [];
    const assigned: string[][] = Array.from({ length: demandCount }, () => []);
    for (let j = 0; j < candidateCount; j += 1) {
      const row: string[] = [];
      for (let h = offsets[j]; h < offsets[j + 1]; h += 1) {
        const i = demand[h];
        objective.push(`+ ${weight[i]} z${i}_${j}`);
        row.push(`+ ${weight[i]} z${i}_${j}`);
        assigned[i].push(`+ z${i}_${j}`);
        constraints.push(` s${i}_${j}: z${i}_${j} - x${j} <= 0`);
        bounds.push(` 0 <= z${i}_${j} <= 1`);
      }
      row.push(`- ${capacity} x${j}`);
      constraints.push(` c${j}:`, ...chunk(row), '  <= 0');
    }
    terms(objective);
    assigned.forEach((row, i) => constraints.push(` a${i}:`, ...chunk(row), '  <= 1'));
  }
  constraints.push(
    ' k:',
    ...chunk(Array.from({ length: candidateCount }, (_, j) => `+ x${j}`)),
    `  <= ${count}`,
  );
  lines.push('Subject To', ...constraints, 'Bounds', ...bounds, 'Binary');
  for (let j = 0; j < candidateCount; j += 8)
    lines.push(
      `  ${Array.from({ length: Math.min(8, candidateCount - j) }, (_, t) => `x${j + t}`).join(' ')}`,
    );
  lines.push('End');
  let result: ReturnType<MilpSolver['solve']>;
  try {
    result = solver.solve(lines.join('\n'), {
      output_flag: false,
      time_limit: timeLimitSeconds,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-7,
    });
  } catch {
    return null;
  }
  const optimal = result.Status === 'Optimal';
  if (!optimal && result.Status !== 'Time limit reached') return null;
  const sites: number[] = [];
  for (let j = 0; j < candidateCount; j += 1) if ((result.Columns[`x${j}`]?.Primal ?? 0) > 0.5) sites.push(j);
  return { sites: sites.slice(0, count), objective: result.ObjectiveValue, optimal };
}

function chunk(terms: string[]): string[] {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 8) lines.push(`  ${terms.slice(k, k + 8).join(' ')}`);
  return lines;
}
