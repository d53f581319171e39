/**
 * The search behind a partition proposal: contiguous districts from a start (district-growth.ts:
 * grown from spread seeds, or today's communities), improved by moving boundary units between
 * neighbouring districts while each move lowers the objective and leaves the district it leaves
 * connected (region growing with local search, as in the districting heuristics of Ricca & Simeone
 * 2008); optionally shaken by recombination steps (recombination.ts) and improved again, to reach
 * partitions further from the start. Where every district must hold a service station, its last
 * station never leaves it.
 *
 * The objective is a sum over districts of
 *   band        × Σ over the size bands of its type (residents, households): the share by which the
 *                 figure lies outside the band (0 inside it),
 *   balance     × ((residents − target) ÷ target)², the target set by the caller
 *                 (an even share moved into the band),
 *   compactness × (area ÷ free area) × (1 − Polsby–Popper), so Σ is 1 − the area-weighted Polsby–Popper,
 *   moved       × units it holds that come from another community ÷ free units,
 *   station     × 1 when stations are asked for and it holds none.
 * Perimeters follow the evaluator's rule (scenario-evaluator.ts): a unit's perimeter less twice what
 * it shares with its district, so a district's perimeter is that of the union of its units.
 */

import { currentStart, growDistricts } from './district-growth.js';
import { DistrictState, type SearchProblem } from './district-state.js';
import { recombine } from './recombination.js';
import { shuffleInPlace, type RandomSource } from './seeded-random.js';

/** How a search run starts and whether it recombines. */
export interface SearchRun {
  start: 'seeds' | 'current';
  /** Recombination steps after the first improvement (then improved again); 0 for none. */
  recombinations: number;
}

/**
 * Draws the districts of `problem.slots` over the free units: the district of each unit (−1 for a
 * unit not free). Every district is contiguous and non-empty when each piece has at least one slot
 * and no more slots than units (the caller checks).
 */
export function searchPartition(problem: SearchProblem, random: RandomSource, run: SearchRun): Int32Array {
  const slotOf = run.start === 'current' ? currentStart(problem, random) : growDistricts(problem, random);
  const state = new DistrictState(problem, slotOf);
  improveDistricts(problem, state, random);
  if (run.recombinations > 0) {
    for (let step = 0; step < run.recombinations; step += 1) recombine(problem, state, random);
    improveDistricts(problem, state, random);
  }
  return slotOf;
}

/** Runs the local search on a partition already drawn; returns the moves made. */
export function improveDistricts(problem: SearchProblem, state: DistrictState, random: RandomSource): number {
  const { graph, stationsOf, stationsRequired } = problem;
  const maxSweeps = problem.maxSweeps ?? 80;
  const candidates: number[] = [];
  let moves = 0;
  for (let sweep = 0; sweep < maxSweeps; sweep += 1) {
    candidates.length = 0;
    for (let u = 0; u < graph.unitCount; u += 1) {
      const s = state.slotOf[u];
      if (s < 0) continue;
      for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
        const t = state.slotOf[graph.neighbours[h]];
        if (t >= 0 && t !== s) {
          candidates.push(u);
          break;
        }
      }
    }
    shuffleInPlace(random, candidates);
    let improved = 0;
    for (const u of candidates) {
      const from = state.slotOf[u];
      if (state.unitCount[from] <= 1) continue;
      if (stationsRequired && stationsOf[u] > 0 && state.stations[from] === stationsOf[u]) continue;
      let best = -1;
      let bestDelta = -1e-12;
      for (let h = graph.offsets[u]; h < graph.offsets[u + 1]; h += 1) {
        const to = state.slotOf[graph.neighbours[h]];
        if (to < 0 || to === from || to === best) continue;
        const delta = state.moveDelta(u, to);
        if (delta < bestDelta) [best, bestDelta] = [to, delta];
      }
      if (best < 0 || !state.connectedWithout(u)) continue;
      state.move(u, best);
      improved += 1;
    }
    moves += improved;
    if (improved === 0) break;
  }
  return moves;
}
