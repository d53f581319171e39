/**
 * The covering sets of a siting problem from the walking model: which demand points (units) each
 * candidate site reaches within the tier, and how much demand the facilities kept already serve.
 *
 * One search per demand point, run backwards from the unit (walking is undirected, so a unit reaches
 * a site exactly when the site reaches it), cut off at the tier: the demand points to search are
 * only those the kept facilities leave unserved, usually far fewer than the candidates (every node
 * of the network). The kept facilities' own reach is one multi-source search, as core/accessibility's
 * coverage runs it, so "covered before" here is that module's covered figure.
 */

import type { AccessibilityModel } from '../accessibility/accessibility-types.js';
import { TravelField } from '../accessibility/travel-field.js';
import { validateWalkSpeed } from '../routing/walking-profiles.js';
import type { SnappedPoint } from '../routing/snap.js';
import type { SitingCandidates } from './siting-candidates.js';
import type { SitingInput } from './maximal-covering.js';

export interface SitingCoverageOptions {
  /** Demand of each unit of the model, by unit index (residents, children 3–6, elderly …), ≥ 0. */
  demandByUnit: ArrayLike<number>;
  candidates: SitingCandidates;
  /** The tier: a site covers a unit within this many walking minutes, (0, 60]. */
  tierMinutes: number;
  speedMetersPerSecond: number;
  /** The facilities kept (e.g. the model's facilities of the category); none when omitted. */
  existing?: readonly SnappedPoint[];
}

/** A siting problem over the model's units: demand point i is unit i. */
export interface NetworkSitingInput extends SitingInput {
  /** 1 for each unit a kept facility reaches within the tier. */
  coveredByExisting: Uint8Array;
  /** Demand points searched from (those with demand left unserved), for the benchmark's figures. */
  searchedDemandCount: number;
}

/**
 * Builds the covering sets of `candidates` over the model's units. Throws a RangeError for a bad
 * speed, a tier outside (0, 60], or a demand array whose length is not the model's unit count or that
 * holds a negative or non-finite figure (naming the unit).
 */
export function buildNetworkSitingInput(
  model: AccessibilityModel,
  options: SitingCoverageOptions,
): NetworkSitingInput {
  const { demandByUnit, candidates, tierMinutes, speedMetersPerSecond } = options;
  const speed = validateWalkSpeed(speedMetersPerSecond);
  if (!speed.ok) throw new RangeError(`speed ${speedMetersPerSecond} m/s: ${speed.reason}`);
  if (!(tierMinutes > 0 && tierMinutes <= 60))
    throw new RangeError(`tier ${tierMinutes} minutes is not in (0, 60]`);
  const unitCount = model.units.length;
  if (demandByUnit.length !== unitCount)
    throw new RangeError(`${demandByUnit.length} demand figures for ${unitCount} units`);
  const demandWeights = new Float64Array(unitCount);
  for (let unit = 0; unit < unitCount; unit += 1) {
    const demand = demandByUnit[unit];
    if (!(demand >= 0 && demand < Infinity))
      throw new RangeError(
        `unit ${model.units[unit].id}: demand ${demand} is not a finite non-negative number`,
      );
    demandWeights[unit] = demand;
  }
  const tierSeconds = tierMinutes * 60;
  const { edge: unitEdge, offsetMeters: unitOffset, accessMeters: unitAccess } = model.unitArrays;

  // What the kept facilities reach, exactly as computeCoverage counts it.
  const coveredByExisting = new Uint8Array(unitCount);
  const existingCoveredWeights = new Float64Array(unitCount);
  if (options.existing && options.existing.length > 0) {
    const field = new TravelField(model, options.existing, speedMetersPerSecond, tierSeconds);
    for (let unit = 0; unit < unitCount; unit += 1) {
      if (field.secondsAt(unitEdge[unit], unitOffset[unit], unitAccess[unit]) <= tierSeconds) {
        coveredByExisting[unit] = 1;
        existingCoveredWeights[unit] = demandWeights[unit];
      }
    }
  }

  // Candidates by edge (CSR), so a search visits only the candidates on edges it reached.
  const candidateCount = candidates.edge.length;
  const edgeCount = model.graph.edgeCount;
  const byEdgeOffsets = new Uint32Array(edgeCount + 1);
  for (let candidate = 0; candidate < candidateCount; candidate += 1) {
    const candidateEdge = candidates.edge[candidate];
    if (!(candidateEdge < edgeCount))
      throw new RangeError(`candidate #${candidate}: edge ${candidateEdge} is not in the network`);
    byEdgeOffsets[candidateEdge + 1] += 1;
  }
  for (let e = 0; e < edgeCount; e += 1) byEdgeOffsets[e + 1] += byEdgeOffsets[e];
  const byEdge = new Uint32Array(candidateCount);
  const cursor = byEdgeOffsets.slice(0, edgeCount);
  for (let candidate = 0; candidate < candidateCount; candidate += 1)
    byEdge[cursor[candidates.edge[candidate]]++] = candidate;

  // (candidate, unit) pairs, grown as needed, then turned into the candidates' CSR.
  let pairCandidate: Uint32Array<ArrayBuffer> = new Uint32Array(1 << 16);
  let pairUnit: Uint32Array<ArrayBuffer> = new Uint32Array(1 << 16);
  let pairCount = 0;
  let searchedDemandCount = 0;
  for (let unit = 0; unit < unitCount; unit += 1) {
    if (!(demandWeights[unit] - existingCoveredWeights[unit] > 0)) continue;
    searchedDemandCount += 1;
    const field = new TravelField(model, [model.unitSnaps[unit]], speedMetersPerSecond, tierSeconds);
    for (const reachedEdge of field.reachedEdges()) {
      for (let k = byEdgeOffsets[reachedEdge], end = byEdgeOffsets[reachedEdge + 1]; k < end; k += 1) {
        const candidate = byEdge[k];
        const seconds = field.secondsAt(
          reachedEdge,
          candidates.offsetMeters[candidate],
          candidates.accessMeters[candidate],
        );
        if (!(seconds <= tierSeconds)) continue;
        if (pairCount === pairCandidate.length) {
          pairCandidate = grow(pairCandidate);
          pairUnit = grow(pairUnit);
        }
        pairCandidate[pairCount] = candidate;
        pairUnit[pairCount] = unit;
        pairCount += 1;
      }
    }
  }

  const coverOffsets = new Uint32Array(candidateCount + 1);
  for (let p = 0; p < pairCount; p += 1) coverOffsets[pairCandidate[p] + 1] += 1;
  for (let c = 0; c < candidateCount; c += 1) coverOffsets[c + 1] += coverOffsets[c];
  const coverDemand = new Uint32Array(pairCount);
  const fill = coverOffsets.slice(0, candidateCount);
  // Pairs come unit by unit in ascending order, so each candidate's list is sorted.
  for (let p = 0; p < pairCount; p += 1) coverDemand[fill[pairCandidate[p]]++] = pairUnit[p];

  return {
    demandWeights,
    existingCoveredWeights,
    coverOffsets,
    coverDemand,
    coveredByExisting,
    searchedDemandCount,
  };
}

function grow(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
