/**
 * Proposed partitions of a street (issue 11): up to N different ways to divide the street's units
 * into communities, each contiguous, each held to the size band its type has under the standards
 * profile (rules.ts's size-band rules, read with sizeBandOf) — or, where the profile gives the type
 * no band, balanced by residents — compact, and holding a service station when asked (else flagged
 * as needing one). Each proposal comes with its figures, the rule results its communities would get,
 * a score, and the `create` / `assign` edits that adopt it.
 *
 * The search (district-search.ts) runs several times, with seeds derived from `seed` (the same seed
 * gives the same proposals): from today's communities (the least change), from spread seeds (region
 * growing), and in later runs shaken by recombination steps (ReCom) and improved again; the
 * best-scoring runs that differ from each other by at least `minDifference` of the units are kept. Every proposal's edits
 * are applied through a ScenarioDraft on the street's current state and judged by a
 * ScenarioEvaluator, so its figures, contiguity and rule results are what adopting it would show.
 *
 * Communities named in `keep` stay exactly as they are; the others are redrawn. A district that
 * holds at least one unit of the community it was seeded from continues that community (its id,
 * name, type and surveyed figures); the rest are new communities.
 */

import { SERVICE_STATION_CATEGORY } from '../scenario/relocation-advice.js';
import { applyDraftResult, ScenarioDraft } from '../scenario/scenario-draft.js';
import {
  ScenarioEvaluator,
  type CommunityMetrics,
  type JudgeContext,
} from '../scenario/scenario-evaluator.js';
import {
  COMMUNITY_TYPES,
  distanceFromBand,
  type CommunityTypeId,
  type SizeRange,
} from '../standards/community-types.js';
import { STANDARDS_PROFILES, type StandardsProfileId } from '../standards/profiles.js';
import type { UnitReach } from '../standards/reach.js';
import { summarizeResults, type ResultSummary, type RuleResult } from '../standards/rule-results.js';
import { rulesOfProfile, sizeBandOf, typesOf } from '../standards/rules.js';
import type { ToolSettings } from '../standards/tool-defaults.js';
import type { Bilingual } from '../text/bilingual.js';
import { adoptionEdits, type AdoptedCommunity, type AssignEdit, type CreateEdit } from './adoption-edits.js';
import { searchPartition, type SearchRun } from './district-search.js';
import {
  bandExcess,
  DEFAULT_SEARCH_WEIGHTS,
  DistrictState,
  freePieces,
  partitionGraph,
  type DistrictSlot,
  type PartitionGraph,
  type SearchProblem,
  type SearchWeights,
} from './district-state.js';
import type { PartitionInput } from './partition-input.js';
import { attemptSeed, seededRandom } from './seeded-random.js';

/** Why no proposal could be made. */
export const PARTITION_NO_UNITS = 'no-units';
export const PARTITION_UNKNOWN_COMMUNITY = 'unknown-community';
export const PARTITION_NOTHING_TO_PARTITION = 'nothing-to-partition';
export const PARTITION_BAD_COUNT = 'bad-community-count';
export const PARTITION_TOO_FEW_UNITS = 'too-few-units';
export const PARTITION_NOT_CONNECTED = 'not-connected';

export type PartitionRefusalReason =
  | typeof PARTITION_NO_UNITS
  | typeof PARTITION_UNKNOWN_COMMUNITY
  | typeof PARTITION_NOTHING_TO_PARTITION
  | typeof PARTITION_BAD_COUNT
  | typeof PARTITION_TOO_FEW_UNITS
  | typeof PARTITION_NOT_CONNECTED;

/** A refusal says why in English (`message`) and Chinese (`messageZh`), with the figures at fault. */
export interface PartitionRefusal {
  ok: false;
  reason: PartitionRefusalReason;
  message: string;
  messageZh: string;
}

export interface PartitionOptions {
  profile: StandardsProfileId;
  /**
   * Communities the street should have afterwards, the kept ones included. Default: as many as now,
   * unless every community to redraw is of one type whose band the current count cannot meet — then
   * the count nearest to it that can (countBasis says which).
   */
  communities?: number;
  /** Communities left exactly as they are (their units are not redrawn). */
  keep?: readonly string[];
  /** Every community must hold a service station (category `service_station`). */
  stationsMustBeInside?: boolean;
  /** How many proposals at most, 1–20 (default 5). */
  proposals?: number;
  /** Seed of the search: the same seed gives the same proposals (default 1). */
  seed?: number;
  /** Type of communities added beyond today's count (default: the type most residents are in now). */
  newCommunityType?: CommunityTypeId;
  /** Search runs (default 3 × proposals); more finds more distinct proposals, slower. */
  attempts?: number;
  /** Share of the redrawn units two proposals must differ by at least (default 0.05). */
  minDifference?: number;
  /** Walking reach of the street's units, in input unit order, for the reach rules (null: undetermined). */
  reach?: UnitReach | null;
  /** Tool settings in force for judging. */
  settings?: Partial<ToolSettings>;
  /** Weights of the search's objective (district-search.ts). */
  searchWeights?: Partial<SearchWeights>;
}

/**
 * Weights of a proposal's score (lower is better):
 *   10 × bandExcess + 5 × stationsMissing + 2 × unbandedDeviation + 0.5 × populationDeviation
 *   + 1 × (1 − compactness) + 1 × movedShare.
 * The size criterion is the band where the profile gives one and balance where it gives none, so
 * being outside a band, or off balance without one, outweighs the rest, as does a missing station
 * when one was asked for; then moving a fifth of the units weighs as much as a banded community 40 %
 * off the middle of its piece's share, or as 0.2 of compactness.
 */
export const SCORE_WEIGHTS = Object.freeze({
  bandExcess: 10,
  stationsMissing: 5,
  unbandedDeviation: 2,
  populationDeviation: 0.5,
  compactness: 1,
  movedShare: 1,
});

/** What a proposal's score is made of; every figure is over the redrawn communities only. */
export interface ScoreParts {
  /** Σ over communities and their bands of the share by which the figure lies outside (0: all within). */
  bandExcess: number;
  /** Communities outside their band (residents or households). */
  bandViolations: number;
  /** Communities without a service station when stations were asked for (else 0). */
  stationsMissing: number;
  /**
   * Largest |residents − target| ÷ target over the redrawn communities: the target is what balancing
   * aims at (an even share of its piece moved into its band; for a type without a band, the size its
   * communities have now on average).
   */
  populationDeviation: number;
  /** The same over the communities whose type has no band under the profile (0 when every type has one). */
  unbandedDeviation: number;
  /** Area-weighted mean Polsby–Popper (4πA/P², 1 for a disc) of the redrawn communities. */
  compactness: number;
  /** Units whose community changes (a new community's units all count). */
  movedUnits: number;
  /** movedUnits ÷ units redrawn. */
  movedShare: number;
}

export type BandStatus = 'within' | 'below' | 'above' | 'mixed' | 'no-band';

export interface ProposedCommunity {
  /** Its id: the kept or continued community's, or the id the draft gave a new one (`proposal-new-N`, replaced on adoption). */
  communityId: string;
  /** Whether adopting creates it (its id is then a placeholder). */
  isNew: boolean;
  /** Kept as it is (named in `keep`). */
  kept: boolean;
  name: string;
  type: CommunityTypeId;
  unitIds: string[];
  unitCount: number;
  residents: number;
  households: number;
  areaSquareKilometers: number;
  perimeterMeters: number;
  /** 4πA/P² with P the perimeter of the union of its units (shared edges taken out). */
  polsbyPopper: number | null;
  /** Separate pieces: 1 for every redrawn community. */
  parts: number;
  stationIds: string[];
  hasStation: boolean;
  /** No service station inside (原则上 one per community): one must be provided. */
  needsStation: boolean;
  /** The bands of its type under the profile; null where the profile gives none. */
  band: { residents: SizeRange | null; households: SizeRange | null };
  bandStatus: BandStatus;
  /** Units that come from another community now. */
  unitsMovedIn: number;
  /** Every community-scope rule of the profile, judged as adopting the proposal would judge it. */
  rules: RuleResult[];
  ruleSummary: ResultSummary;
}

export interface PartitionProposal {
  /** 1 for the best score. */
  rank: number;
  /** The search run that found it (a seed derived from the options' seed). */
  attemptSeed: number;
  score: number;
  scoreParts: ScoreParts;
  /** The street's communities under the proposal: kept ones, then redrawn ones. */
  communities: ProposedCommunity[];
  /** The edits that adopt it, in order; apply them to the scenario the input was read from. */
  edits: (CreateEdit | AssignEdit)[];
  /** Communities adopting it dissolves. */
  dissolvedCommunityIds: string[];
  /** Share of the redrawn units that differ from the best proposal (0 for the best). */
  differenceFromBest: number;
}

export interface TypeBand {
  type: CommunityTypeId;
  residents: SizeRange | null;
  households: SizeRange | null;
  /** The profile's size-band rules that set them. */
  ruleIds: string[];
}

export interface PartitionProposals {
  ok: true;
  streetId: string;
  profile: StandardsProfileId;
  /** Communities of each proposal, kept ones included. */
  communityCount: number;
  keptCommunityIds: string[];
  /** Where the count comes from: asked for, as many as now, or moved into what the band allows. */
  countBasis: 'requested' | 'current' | 'band';
  /** The bands of the types drawn (null bands: balanced by residents instead). */
  bands: TypeBand[];
  /** Whether the redrawn residents and households can be divided within the bands at all. */
  bandFeasible: boolean;
  stations: { asked: boolean; available: number; communities: number };
  /** What the planner should know: missing bands, an unreachable band, too few stations, fewer proposals. */
  notes: Bilingual[];
  scoreWeights: typeof SCORE_WEIGHTS;
  /**
   * The street as it is, scored the same way (each community held to its type's band; the current
   * communities' pieces may be several, which the score does not see): the figure to beat.
   */
  current: { communityCount: number; score: number; parts: ScoreParts };
  attempts: number;
  proposals: PartitionProposal[];
}

export type PartitionProposalsResult = PartitionProposals | PartitionRefusal;

/** Most proposals one call gives. */
export const MAX_PROPOSALS = 20;
const NEW_COMMUNITY_PREFIX = 'proposal-new-';
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const count = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: 0 }).replace(/,/g, ' ');
const range = (band: SizeRange) => `${count(band.min ?? 0)}–${band.max === null ? '∞' : count(band.max)}`;

/** A type's bands written out: "4 500–12 000 residents, 1 500–3 000 households". */
function bandText(band: TypeBand, residents: string, households: string): string {
  return [
    band.residents ? `${range(band.residents)} ${residents}` : null,
    band.households ? `${range(band.households)} ${households}` : null,
  ]
    .filter((text) => text !== null)
    .join(', ');
}

function refuse(reason: PartitionRefusalReason, message: string, messageZh: string): PartitionRefusal {
  return { ok: false, reason, message, messageZh };
}

function newCommunityName(ordinal: number): { name: string; nameEn: string } {
  return {
    name: `新社区${CHINESE_ORDINALS[ordinal - 1] ?? ordinal}`,
    nameEn: `New community ${ordinal}`,
  };
}

/** The size-band rules of a profile that set a band for `type`. */
function bandRuleIds(profile: StandardsProfileId, type: CommunityTypeId): string[] {
  return rulesOfProfile(profile)
    .filter((rule) => rule.kind === 'size-band' && typesOf(rule, profile).includes(type))
    .map((rule) => rule.id);
}

function typeBand(profile: StandardsProfileId, type: CommunityTypeId): TypeBand {
  return {
    type,
    residents: sizeBandOf(profile, type, 'residents'),
    households: sizeBandOf(profile, type, 'households'),
    ruleIds: bandRuleIds(profile, type),
  };
}

/** Community counts a total fits into under a band: ⌈total ÷ max⌉ … ⌊total ÷ min⌋. */
function countsWithin(total: number, band: SizeRange | null): [number, number] {
  if (!band) return [1, Infinity];
  const fewest = band.max !== null && band.max > 0 ? Math.ceil(total / band.max) : 1;
  const most = band.min !== null && band.min > 0 ? Math.floor(total / band.min) : Infinity;
  return [Math.max(1, fewest), most];
}

/** Shares of `total` over weights, each ≥ 1 and ≤ its cap, summing to `total` (largest remainders). */
function apportion(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const quota = weights.map((weight) =>
    weightSum > 0 ? (weight / weightSum) * total : total / weights.length,
  );
  const shares = quota.map((q, p) => Math.min(caps[p], Math.max(1, Math.floor(q))));
  let sum = shares.reduce((a, b) => a + b, 0);
  while (sum < total) {
    let best = -1;
    for (let p = 0; p < shares.length; p += 1)
      if (shares[p] < caps[p] && (best < 0 || quota[p] - shares[p] > quota[best] - shares[best])) best = p;
    if (best < 0) break;
    shares[best] += 1;
    sum += 1;
  }
  while (sum > total) {
    let best = -1;
    for (let p = 0; p < shares.length; p += 1)
      if (shares[p] > 1 && (best < 0 || quota[p] - shares[p] < quota[best] - shares[best])) best = p;
    if (best < 0) break;
    shares[best] -= 1;
    sum -= 1;
  }
  return shares;
}

/** Share of the free units two partitions would have to move to agree (districts matched by overlap). */
function partitionDistance(a: Int32Array, b: Int32Array, k: number, freeUnits: number): number {
  const overlap = new Int32Array(k * k);
  for (let u = 0; u < a.length; u += 1) if (a[u] >= 0) overlap[a[u] * k + b[u]] += 1;
  let ab = 0;
  let ba = 0;
  for (let i = 0; i < k; i += 1) {
    let rowMax = 0;
    let columnMax = 0;
    for (let j = 0; j < k; j += 1) {
      rowMax = Math.max(rowMax, overlap[i * k + j]);
      columnMax = Math.max(columnMax, overlap[j * k + i]);
    }
    ab += rowMax;
    ba += columnMax;
  }
  return freeUnits > 0 ? 1 - Math.min(ab, ba) / freeUnits : 0;
}

interface Attempt {
  seed: number;
  slotOf: Int32Array;
  score: number;
  parts: ScoreParts;
}

function scoreOf(problem: SearchProblem, slotOf: Int32Array): { score: number; parts: ScoreParts } {
  const state = new DistrictState(problem, slotOf);
  const k = problem.slots.length;
  let excess = 0;
  let violations = 0;
  let missing = 0;
  let weightedCompactness = 0;
  let moved = 0;
  for (let s = 0; s < k; s += 1) {
    const slot = problem.slots[s];
    const outside =
      bandExcess(state.residents[s], slot.residentsBand) +
      bandExcess(state.households[s], slot.householdsBand);
    excess += outside;
    if (outside > 0) violations += 1;
    if (problem.stationsRequired && state.stations[s] === 0) missing += 1;
    weightedCompactness += state.area[s] * state.polsbyPopper(s);
    moved += state.moved[s];
  }
  let deviation = 0;
  let unbandedDeviation = 0;
  for (let s = 0; s < k; s += 1) {
    const slot = problem.slots[s];
    if (!(slot.targetResidents > 0)) continue;
    const off = Math.abs(state.residents[s] - slot.targetResidents) / slot.targetResidents;
    deviation = Math.max(deviation, off);
    if (!slot.residentsBand && !slot.householdsBand) unbandedDeviation = Math.max(unbandedDeviation, off);
  }
  const compactness = state.freeArea > 0 ? weightedCompactness / state.freeArea : 0;
  const movedShare = state.freeUnits > 0 ? moved / state.freeUnits : 0;
  const parts: ScoreParts = {
    bandExcess: excess,
    bandViolations: violations,
    stationsMissing: missing,
    populationDeviation: deviation,
    unbandedDeviation,
    compactness,
    movedUnits: moved,
    movedShare,
  };
  const score =
    SCORE_WEIGHTS.bandExcess * excess +
    SCORE_WEIGHTS.stationsMissing * missing +
    SCORE_WEIGHTS.unbandedDeviation * unbandedDeviation +
    SCORE_WEIGHTS.populationDeviation * deviation +
    SCORE_WEIGHTS.compactness * (1 - compactness) +
    SCORE_WEIGHTS.movedShare * movedShare;
  return { score, parts };
}

function bandStatusOf(residents: number, households: number, band: ProposedCommunity['band']): BandStatus {
  if (!band.residents && !band.households) return 'no-band';
  const sides = [distanceFromBand(residents, band.residents), distanceFromBand(households, band.households)];
  const below = sides.some((side) => side < 0);
  const above = sides.some((side) => side > 0);
  return below && above ? 'mixed' : below ? 'below' : above ? 'above' : 'within';
}

/**
 * Up to `options.proposals` partitions of the street's units into communities (see the file's
 * comment), best score first; or a refusal when none can be drawn: no units, a kept community not
 * of the street, a count outside what the units allow, or units that fall into more separate pieces
 * than there are communities to draw. Throws for input that contradicts itself (programmer error:
 * arrays of different lengths, a unit in a community not given, a community of another street).
 */
export function proposePartitions(
  input: PartitionInput,
  options: PartitionOptions,
): PartitionProposalsResult {
  const { units, communities, assignment, streetId } = input;
  const { profile } = options;
  if (assignment.length !== units.length)
    throw new Error(`the assignment has ${assignment.length} entries for ${units.length} units`);
  const communityIndex = new Map(communities.map((community, index) => [community.id, index]));
  for (const community of communities)
    if (community.streetId !== streetId)
      throw new Error(`community ${community.id} is in street ${community.streetId}, not ${streetId}`);
  const originOf = Int32Array.from(assignment, (id, u) => {
    const index = communityIndex.get(id);
    if (index === undefined) throw new Error(`unit ${units[u].id} is in community ${id}, which is not given`);
    return index;
  });
  if (units.length === 0)
    return refuse(PARTITION_NO_UNITS, `street "${streetId}" has no units`, `街道“${streetId}”没有人口单元`);

  const keep = [...new Set(options.keep ?? [])];
  for (const id of keep) {
    if (!communityIndex.has(id))
      return refuse(
        PARTITION_UNKNOWN_COMMUNITY,
        `community "${id}" to keep is not in street "${streetId}"`,
        `要保留的社区“${id}”不在街道“${streetId}”中`,
      );
  }
  const kept = new Uint8Array(communities.length);
  for (const id of keep) kept[communityIndex.get(id)!] = 1;
  const free = Uint8Array.from(originOf, (c) => (kept[c] ? 0 : 1));
  const freeUnits = free.reduce((sum, value) => sum + value, 0);
  if (freeUnits === 0)
    return refuse(
      PARTITION_NOTHING_TO_PARTITION,
      `every unit of street "${streetId}" is in a community to keep: nothing to redraw`,
      `街道“${streetId}”的全部人口单元都属于要保留的社区，没有可重新划分的单元`,
    );

  const graph = partitionGraph(units, input.adjacency);
  const pieces = freePieces(graph, free);
  const stationsOf = new Uint16Array(units.length);
  const unitIndexById = new Map(units.map((unit, index) => [unit.id, index]));
  const stationIdsByUnit = new Map<number, string[]>();
  for (const facility of input.facilities ?? []) {
    if (facility.category !== SERVICE_STATION_CATEGORY) continue;
    const u = unitIndexById.get(facility.unitId);
    if (u === undefined)
      throw new Error(`facility ${facility.id} stands in unit ${facility.unitId}, not in the street`);
    stationsOf[u] += 1;
    stationIdsByUnit.set(u, [...(stationIdsByUnit.get(u) ?? []), facility.id]);
  }

  // Communities to redraw, largest first (a smaller count drops the smallest: they are merged away).
  const residentsOf = new Float64Array(communities.length);
  const unitCountOf = new Int32Array(communities.length);
  for (let u = 0; u < units.length; u += 1) {
    residentsOf[originOf[u]] += units[u].residents;
    unitCountOf[originOf[u]] += 1;
  }
  const redrawn = communities
    .map((_, index) => index)
    .filter((index) => !kept[index] && unitCountOf[index] > 0)
    .sort((a, b) => residentsOf[b] - residentsOf[a] || (communities[a].id < communities[b].id ? -1 : 1));
  let freeResidents = 0;
  let freeHouseholds = 0;
  for (let u = 0; u < units.length; u += 1) {
    if (!free[u]) continue;
    freeResidents += units[u].residents;
    freeHouseholds += units[u].households;
  }

  const notes: Bilingual[] = [];
  const newType: CommunityTypeId =
    options.newCommunityType ?? mostResidentsType(redrawn, communities, residentsOf);

  // How many communities to draw.
  let drawCount: number;
  let countBasis: PartitionProposals['countBasis'];
  if (options.communities !== undefined) {
    const asked = options.communities;
    if (!Number.isInteger(asked) || asked < keep.length + 1)
      return refuse(
        PARTITION_BAD_COUNT,
        `${asked} communities cannot be drawn: the street keeps ${keep.length} and needs at least one more for its other units`,
        `无法划分为 ${asked} 个社区：本街道保留 ${keep.length} 个社区，其余单元至少还需 1 个社区`,
      );
    drawCount = asked - keep.length;
    countBasis = 'requested';
  } else {
    drawCount = redrawn.length;
    countBasis = 'current';
    const types = new Set(redrawn.map((index) => communities[index].type));
    if (types.size === 1) {
      const band = typeBand(profile, [...types][0]);
      const [fewestR, mostR] = countsWithin(freeResidents, band.residents);
      const [fewestH, mostH] = countsWithin(freeHouseholds, band.households);
      const [fewest, most] = [Math.max(fewestR, fewestH), Math.min(mostR, mostH)];
      if ((band.residents || band.households) && fewest <= most && (drawCount < fewest || drawCount > most)) {
        const derived = Math.min(Math.max(drawCount, fewest), most);
        notes.push({
          zh: `现有 ${drawCount} 个社区无法都在${COMMUNITY_TYPES[band.type].nameZh}规模区间内，按规模区间改为 ${derived} 个`,
          en: `The current ${drawCount} communities cannot all be within the ${COMMUNITY_TYPES[band.type].nameEn.toLowerCase()} band; ${derived} are drawn, as the band allows`,
        });
        drawCount = derived;
        countBasis = 'band';
      }
    }
  }
  if (drawCount > freeUnits)
    return refuse(
      PARTITION_TOO_FEW_UNITS,
      `${drawCount} communities to draw but only ${freeUnits} units to draw them from`,
      `需划分 ${drawCount} 个社区，但只有 ${freeUnits} 个人口单元可供划分`,
    );
  if (drawCount < pieces.count)
    return refuse(
      PARTITION_NOT_CONNECTED,
      `the units to redraw fall into ${pieces.count} separate pieces, each needing its own community, but only ${drawCount} are to be drawn: ask for at least ${keep.length + pieces.count}`,
      `待划分的人口单元分为 ${pieces.count} 个互不相连的部分，每部分至少需要一个社区，但只划分 ${drawCount} 个：请至少设 ${keep.length + pieces.count} 个社区`,
    );

  // Slots: today's communities (the largest first), then new ones.
  const slotOrigins = redrawn.slice(0, drawCount);
  if (drawCount < redrawn.length) {
    const dropped = redrawn.slice(drawCount).map((index) => communities[index].name);
    notes.push({
      zh: `社区数减少：${dropped.join('、')}（人口最少者）的单元并入其他社区`,
      en: `Fewer communities: the units of ${dropped.join(', ')} (the smallest) go to the others`,
    });
  }
  const slotTypes: CommunityTypeId[] = [
    ...slotOrigins.map((index) => communities[index].type),
    ...new Array<CommunityTypeId>(drawCount - slotOrigins.length).fill(newType),
  ];
  const slotOrigin = [...slotOrigins, ...new Array<number>(drawCount - slotOrigins.length).fill(-1)];
  const bandsByType = new Map<CommunityTypeId, TypeBand>();
  for (const type of slotTypes) if (!bandsByType.has(type)) bandsByType.set(type, typeBand(profile, type));
  const profileName = STANDARDS_PROFILES[profile];
  for (const band of bandsByType.values()) {
    if (band.residents || band.households) continue;
    notes.push({
      zh: `${profileName.nameZh}标准未规定“${COMMUNITY_TYPES[band.type].nameZh}”的规模区间：按常住人口均衡划分（以该类社区现有平均人口为准）`,
      en: `The ${profileName.nameEn} profile gives the type “${COMMUNITY_TYPES[band.type].nameEn}” no size band: residents are balanced instead (towards the current mean of its communities)`,
    });
  }

  // Each piece of the free units gets slots in proportion to its residents (at least one).
  const pieceResidents = new Float64Array(pieces.count);
  const pieceHouseholds = new Float64Array(pieces.count);
  const pieceUnits = new Int32Array(pieces.count);
  for (let u = 0; u < units.length; u += 1) {
    const piece = pieces.pieceOf[u];
    if (piece < 0) continue;
    pieceResidents[piece] += units[u].residents;
    pieceHouseholds[piece] += units[u].households;
    pieceUnits[piece] += 1;
  }
  const slotPiece = allocateSlotsToPieces(
    slotOrigin,
    pieces,
    originOf,
    graph,
    freeResidents > 0 ? Array.from(pieceResidents) : Array.from(pieceUnits),
    Array.from(pieceUnits),
  );
  const slotsInPiece = new Int32Array(pieces.count);
  for (const piece of slotPiece) slotsInPiece[piece] += 1;
  const targets = balanceTargets(
    slotTypes.map((type, s) => ({
      piece: slotPiece[s],
      band: bandsByType.get(type)!,
      currentResidents: slotOrigin[s] >= 0 ? residentsOf[slotOrigin[s]] : null,
    })),
    pieceResidents,
  );
  const slots: DistrictSlot[] = slotTypes.map((type, s) => ({
    residentsBand: bandsByType.get(type)!.residents,
    householdsBand: bandsByType.get(type)!.households,
    origin: slotOrigin[s],
    piece: slotPiece[s],
    targetResidents: targets[s],
  }));

  // Can the pieces' residents and households be divided within the bands at all?
  let bandFeasible = true;
  for (let piece = 0; piece < pieces.count; piece += 1) {
    const ofPiece = slots.filter((slot) => slot.piece === piece);
    for (const [total, bandOf] of [
      [pieceResidents[piece], (slot: DistrictSlot) => slot.residentsBand],
      [pieceHouseholds[piece], (slot: DistrictSlot) => slot.householdsBand],
    ] as const) {
      const low = ofPiece.reduce((sum, slot) => sum + (bandOf(slot)?.min ?? 0), 0);
      const high = ofPiece.reduce((sum, slot) => sum + (bandOf(slot)?.max ?? Infinity), 0);
      if (total < low || total > high) bandFeasible = false;
    }
  }
  if (!bandFeasible) {
    const shown = [...bandsByType.values()].filter((band) => band.residents || band.households);
    const zh = shown.map((band) => `${COMMUNITY_TYPES[band.type].nameZh} ${bandText(band, '人', '户')}`);
    const en = shown.map(
      (band) =>
        `${COMMUNITY_TYPES[band.type].nameEn.toLowerCase()} ${bandText(band, 'residents', 'households')}`,
    );
    notes.push({
      zh: `${count(freeResidents)} 名常住人口、${count(freeHouseholds)} 户无法划分为 ${drawCount} 个都在规模区间内的社区（${zh.join('；')}）：各方案尽量接近区间`,
      en: `${count(freeResidents)} residents in ${count(freeHouseholds)} households cannot be divided into ${drawCount} communities all within their bands (${en.join('; ')}): the proposals come as close as they can`,
    });
  }

  const stationsRequired = options.stationsMustBeInside ?? false;
  let freeStations = 0;
  for (let u = 0; u < units.length; u += 1) if (free[u] && stationsOf[u] > 0) freeStations += 1;
  if (stationsRequired && freeStations < drawCount) {
    notes.push({
      zh: `待划分范围内只有 ${freeStations} 处社区综合服务站（按所在单元计），少于 ${drawCount} 个社区：没有服务站的社区标为需新设`,
      en: `Only ${freeStations} units with a community service station among those to redraw, fewer than the ${drawCount} communities: those without one are flagged as needing one`,
    });
  }

  const problem: SearchProblem = {
    graph,
    pieceOf: pieces.pieceOf,
    originOf,
    stationsOf,
    slots,
    stationsRequired,
    weights: { ...DEFAULT_SEARCH_WEIGHTS, ...options.searchWeights },
  };

  // Today's communities scored the same way, for comparison.
  const currentSlotOf = Int32Array.from(originOf, (c, u) => (free[u] ? redrawn.indexOf(c) : -1));
  const currentPiece = redrawn.map((c) => {
    for (let u = 0; u < units.length; u += 1)
      if (originOf[u] === c && pieces.pieceOf[u] >= 0) return pieces.pieceOf[u];
    return 0;
  });
  const currentBands = redrawn.map(
    (c) => bandsByType.get(communities[c].type) ?? typeBand(profile, communities[c].type),
  );
  const currentTargets = balanceTargets(
    redrawn.map((c, r) => ({
      piece: currentPiece[r],
      band: currentBands[r],
      currentResidents: residentsOf[c],
    })),
    pieceResidents,
  );
  const current = scoreOf(
    {
      ...problem,
      slots: redrawn.map((c, r) => ({
        residentsBand: currentBands[r].residents,
        householdsBand: currentBands[r].households,
        origin: c,
        piece: currentPiece[r],
        targetResidents: currentTargets[r],
      })),
    },
    currentSlotOf,
  );

  // Search, then keep the best attempts that differ enough from those kept before.
  const wanted = Math.min(MAX_PROPOSALS, Math.max(1, Math.floor(options.proposals ?? 5)));
  const attemptCount = Math.max(wanted, Math.floor(options.attempts ?? 3 * wanted));
  const minDifference = options.minDifference ?? 0.05;
  const baseSeed = options.seed ?? 1;
  const attempts: Attempt[] = [];
  for (let a = 0; a < attemptCount; a += 1) {
    const seed = attemptSeed(baseSeed, a);
    const slotOf = searchPartition(problem, seededRandom(seed), searchRun(a, drawCount));
    attempts.push({ seed, slotOf, ...scoreOf(problem, slotOf) });
  }
  attempts.sort((a, b) => a.score - b.score || a.seed - b.seed);
  const chosen: Attempt[] = [];
  for (const attempt of attempts) {
    if (chosen.length === wanted) break;
    if (
      chosen.every(
        (other) => partitionDistance(attempt.slotOf, other.slotOf, drawCount, freeUnits) >= minDifference,
      )
    )
      chosen.push(attempt);
  }
  if (chosen.length < wanted) {
    notes.push({
      zh: `${attemptCount} 次搜索只得到 ${chosen.length} 个彼此差异不少于 ${Math.round(minDifference * 100)}% 单元的方案`,
      en: `${attemptCount} search runs gave only ${chosen.length} proposals differing by at least ${Math.round(minDifference * 100)} % of the units`,
    });
  }

  const context: JudgeContext = { profile, reach: options.reach ?? null, settings: options.settings };
  const base = new ScenarioEvaluator({
    units,
    adjacency: input.adjacency,
    communities,
    assignment,
    facilities: input.facilities ?? null,
  });
  const proposals = chosen.map((attempt, rank) =>
    proposalOf(input, attempt, rank, chosen[0], {
      base,
      context,
      keep,
      slots,
      slotTypes,
      originOf,
      stationIdsByUnit,
      freeUnits,
      drawCount,
      bandsByType,
    }),
  );

  return {
    ok: true,
    streetId,
    profile,
    communityCount: keep.length + drawCount,
    keptCommunityIds: keep,
    countBasis,
    bands: [...bandsByType.values()],
    bandFeasible,
    stations: { asked: stationsRequired, available: freeStations, communities: drawCount },
    notes,
    scoreWeights: SCORE_WEIGHTS,
    current: { communityCount: keep.length + redrawn.length, ...current },
    attempts: attemptCount,
    proposals,
  };
}

/**
 * The residents each district's balance term aims at. A type the profile gives no band keeps the
 * size its communities have now on average (villages stay village-sized rather than growing to the
 * urban communities' share); the residents left in the piece are shared evenly by the banded
 * districts (moved into their residents band) and by districts of an unbanded type with none today.
 * When every district is of an unbanded type, the targets are scaled to add up to the piece.
 */
function balanceTargets(
  slots: readonly { piece: number; band: TypeBand; currentResidents: number | null }[],
  pieceResidents: Float64Array,
): number[] {
  const targets = new Array<number>(slots.length).fill(0);
  for (let piece = 0; piece < pieceResidents.length; piece += 1) {
    const members = slots.flatMap((slot, s) => (slot.piece === piece ? [s] : []));
    const banded = (s: number) => slots[s].band.residents !== null || slots[s].band.households !== null;
    const typeMeans = new Map<CommunityTypeId, number>();
    for (const type of new Set(members.filter((s) => !banded(s)).map((s) => slots[s].band.type))) {
      const current = members
        .filter((s) => slots[s].band.type === type && slots[s].currentResidents !== null)
        .map((s) => slots[s].currentResidents!);
      if (current.length > 0) typeMeans.set(type, current.reduce((a, b) => a + b, 0) / current.length);
    }
    const fixedShare = members.filter((s) => !banded(s) && typeMeans.has(slots[s].band.type));
    const sharing = members.filter((s) => !fixedShare.includes(s));
    const fixedTotal = fixedShare.reduce((sum, s) => sum + typeMeans.get(slots[s].band.type)!, 0);
    if (sharing.length === 0) {
      const scale = fixedTotal > 0 ? pieceResidents[piece] / fixedTotal : 0;
      for (const s of fixedShare) targets[s] = typeMeans.get(slots[s].band.type)! * scale;
      continue;
    }
    for (const s of fixedShare) targets[s] = typeMeans.get(slots[s].band.type)!;
    const share = Math.max(0, pieceResidents[piece] - fixedTotal) / sharing.length;
    for (const s of sharing) {
      const band = slots[s].band.residents;
      targets[s] = Math.min(Math.max(share, band?.min ?? 0), band?.max ?? Infinity);
    }
  }
  return targets.map((target) => (target > 0 ? target : 0));
}

/**
 * How search run `attempt` goes: the first from today's communities (the least change), the second
 * from seeds; then alternately from today's and from seeds, each shaken by two recombinations per
 * district, so later runs reach partitions further from either start.
 */
function searchRun(attempt: number, districts: number): SearchRun {
  return {
    start: attempt % 2 === 0 ? 'current' : 'seeds',
    recombinations: attempt < 2 ? 0 : 2 * districts,
  };
}

function mostResidentsType(
  redrawn: readonly number[],
  communities: PartitionInput['communities'],
  residentsOf: Float64Array,
): CommunityTypeId {
  const byType = new Map<CommunityTypeId, number>();
  for (const index of redrawn) {
    const type = communities[index].type;
    byType.set(type, (byType.get(type) ?? 0) + residentsOf[index]);
  }
  let best: CommunityTypeId = 'urban';
  let bestResidents = -1;
  for (const [type, residents] of byType)
    if (residents > bestResidents) [best, bestResidents] = [type, residents];
  return best;
}

/**
 * The piece each slot lies in: as many per piece as its share of residents (at least one, at most
 * its units); a slot continuing a community goes to the piece holding most of that community's
 * residents when that piece still has room.
 */
function allocateSlotsToPieces(
  slotOrigin: readonly number[],
  pieces: { pieceOf: Int32Array; count: number },
  originOf: Int32Array,
  graph: PartitionGraph,
  weights: number[],
  caps: number[],
): number[] {
  const wanted = apportion(slotOrigin.length, weights, caps);
  const preferred = slotOrigin.map((origin) => {
    if (origin < 0) return -1;
    const weight = new Float64Array(pieces.count);
    for (let u = 0; u < graph.unitCount; u += 1)
      if (originOf[u] === origin && pieces.pieceOf[u] >= 0)
        weight[pieces.pieceOf[u]] += graph.residents[u] + 1e-6;
    let best = -1;
    for (let p = 0; p < pieces.count; p += 1)
      if (weight[p] > 0 && (best < 0 || weight[p] > weight[best])) best = p;
    return best;
  });
  const slotPiece = new Array<number>(slotOrigin.length).fill(-1);
  const filled = new Int32Array(pieces.count);
  slotOrigin.forEach((_, s) => {
    const piece = preferred[s];
    if (piece >= 0 && filled[piece] < wanted[piece]) {
      slotPiece[s] = piece;
      filled[piece] += 1;
    }
  });
  slotOrigin.forEach((_, s) => {
    if (slotPiece[s] >= 0) return;
    let piece = 0;
    for (let p = 1; p < pieces.count; p += 1)
      if (wanted[p] - filled[p] > wanted[piece] - filled[piece]) piece = p;
    slotPiece[s] = piece;
    filled[piece] += 1;
  });
  return slotPiece;
}

interface ProposalContext {
  base: ScenarioEvaluator;
  context: JudgeContext;
  keep: readonly string[];
  slots: readonly DistrictSlot[];
  slotTypes: readonly CommunityTypeId[];
  originOf: Int32Array;
  stationIdsByUnit: ReadonlyMap<number, string[]>;
  freeUnits: number;
  drawCount: number;
  bandsByType: ReadonlyMap<CommunityTypeId, TypeBand>;
}

/** A proposal's communities, edits and rule results: its edits applied by a draft, then judged. */
function proposalOf(
  input: PartitionInput,
  attempt: Attempt,
  rank: number,
  best: Attempt,
  shared: ProposalContext,
): PartitionProposal {
  const { units, communities, assignment, streetId } = input;
  const { slots, slotTypes, originOf, drawCount } = shared;
  const k = slots.length;
  // A district continues its community when it holds one of its units; otherwise it is new.
  const continues = new Uint8Array(k);
  for (let u = 0; u < units.length; u += 1) {
    const s = attempt.slotOf[u];
    if (s >= 0 && slots[s].origin === originOf[u]) continues[s] = 1;
  }
  let newOrdinal = 0;
  const adopted: AdoptedCommunity[] = slots.map((slot, s) => {
    if (continues[s]) {
      const record = communities[slot.origin];
      return { communityId: record.id, name: record.name, nameEn: record.nameEn ?? null, type: record.type };
    }
    const { name, nameEn } = newCommunityName(++newOrdinal);
    return { communityId: null, name, nameEn, type: slotTypes[s] };
  });
  const unitIds = units.map((unit) => unit.id);
  const { edits, dissolved } = adoptionEdits(streetId, unitIds, assignment, attempt.slotOf, adopted);

  // Apply through a draft (the edits must be accepted as they are), then judge the result.
  let created = 0;
  const draft = new ScenarioDraft(shared.base, {
    reservedCommunityIds: new Set(communities.map((community) => community.id)),
    newCommunityId: () => `${NEW_COMMUNITY_PREFIX}${++created}`,
  });
  for (const edit of edits) {
    const outcome = draft.apply(edit);
    if (!outcome.ok) throw new Error(`a proposal's ${edit.op} edit was refused: ${outcome.message}`);
  }
  const result = draft.result();
  const evaluator = new ScenarioEvaluator({
    units,
    adjacency: input.adjacency,
    communities,
    assignment,
    facilities: input.facilities ?? null,
  });
  applyDraftResult(evaluator, result);
  const createdIds = result.created.map((record) => record.id);
  let createdCursor = 0;
  const districtIds = adopted.map((community) => community.communityId ?? createdIds[createdCursor++]);

  const unitsBySlot: string[][] = slots.map(() => []);
  const stationsBySlot: string[][] = slots.map(() => []);
  const movedIn = new Int32Array(k);
  attempt.slotOf.forEach((s, u) => {
    if (s < 0) return;
    unitsBySlot[s].push(unitIds[u]);
    stationsBySlot[s].push(...(shared.stationIdsByUnit.get(u) ?? []));
    if (assignment[u] !== districtIds[s]) movedIn[s] += 1;
  });

  const describe = (
    metrics: CommunityMetrics,
    extra: Pick<ProposedCommunity, 'isNew' | 'kept' | 'unitIds' | 'stationIds' | 'unitsMovedIn'>,
  ): ProposedCommunity => {
    const band = shared.bandsByType.get(metrics.type) ?? typeBand(shared.context.profile, metrics.type);
    const rules = evaluator.judge(metrics.id, shared.context);
    if (!extra.kept && metrics.parts !== 1)
      throw new Error(`proposed community ${metrics.id} falls into ${metrics.parts} pieces`);
    return {
      communityId: metrics.id,
      isNew: extra.isNew,
      kept: extra.kept,
      name: metrics.name,
      type: metrics.type,
      unitIds: extra.unitIds,
      unitCount: metrics.unitCount,
      residents: metrics.residents,
      households: metrics.households,
      areaSquareKilometers: metrics.areaSquareKilometers,
      perimeterMeters: metrics.perimeterMeters,
      polsbyPopper: metrics.polsbyPopper,
      parts: metrics.parts,
      stationIds: extra.stationIds,
      hasStation: extra.stationIds.length > 0,
      needsStation: extra.stationIds.length === 0,
      band: { residents: band.residents, households: band.households },
      bandStatus: bandStatusOf(metrics.residents, metrics.households, band),
      unitsMovedIn: extra.unitsMovedIn,
      rules: [...rules],
      ruleSummary: summarizeResults(rules),
    };
  };

  const keptCommunities = shared.keep.map((id) => {
    const unitIdsOfKept: string[] = [];
    const stationIds: string[] = [];
    assignment.forEach((communityId, u) => {
      if (communityId !== id) return;
      unitIdsOfKept.push(unitIds[u]);
      stationIds.push(...(shared.stationIdsByUnit.get(u) ?? []));
    });
    return describe(evaluator.metrics(id), {
      isNew: false,
      kept: true,
      unitIds: unitIdsOfKept,
      stationIds,
      unitsMovedIn: 0,
    });
  });
  const drawn = districtIds.map((id, s) =>
    describe(evaluator.metrics(id), {
      isNew: adopted[s].communityId === null,
      kept: false,
      unitIds: unitsBySlot[s],
      stationIds: stationsBySlot[s],
      unitsMovedIn: movedIn[s],
    }),
  );

  return {
    rank: rank + 1,
    attemptSeed: attempt.seed,
    score: attempt.score,
    scoreParts: attempt.parts,
    communities: [...keptCommunities, ...drawn],
    edits,
    dissolvedCommunityIds: dissolved,
    differenceFromBest:
      attempt === best ? 0 : partitionDistance(attempt.slotOf, best.slotOf, drawCount, shared.freeUnits),
  };
}
