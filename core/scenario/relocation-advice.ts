/**
 * Relocation-settlement communities (易地扶贫搬迁安置社区, standards §1, rule `size.relocation`):
 * below the band's minimum the advice is to merge into an adjacent community — the one whose
 * service station adds the least walking time to the relocated residents — and above its maximum a
 * proposed split into contiguous parts each within the band, ready to apply as `create` edits.
 * The band comes from the rule table under the active profile; adjacency is unit adjacency (units
 * sharing a stretch of boundary); walking times come from the region's network (core/routing via
 * core/accessibility's TravelField).
 */

import type { AccessibilityModel } from '../accessibility/accessibility-types.js';
import { TravelField } from '../accessibility/travel-field.js';
import { COMMUNITY_TYPES, distanceFromBand, type CommunityTypeId } from '../standards/community-types.js';
import { evaluateRule, surveyedFiguresOf, type RuleResult } from '../standards/evaluate-rules.js';
import type { StandardsProfileId } from '../standards/profiles.js';
import type { Bilingual } from '../standards/rules.js';
import type { ScenarioEdit } from './scenario-draft.js';
import type { CommunityMetrics, CommunityRecord } from './scenario-evaluator.js';
import { ruleById } from '../standards/rules.js';

/** The rule of the table that sets the relocation band. */
export const RELOCATION_SIZE_RULE_ID = 'size.relocation';

/** Facility category of a community's service station (standards §4: 社区综合服务站). */
export const SERVICE_STATION_CATEGORY = 'service_station';

/** What the merge advice ranks adjacent communities by. */
export const MERGE_MEASURE: Bilingual = {
  zh: '搬迁社区居民（按人口加权）沿步行路网走到相邻社区综合服务站（有多处时取最近者）的平均时间，与走到本社区服务站相比增加的时间',
  en: "residents-weighted mean walking time, along the walking network, from the relocation community's units to the adjacent community's service station (the nearest if it has several), less that to its own station",
};

/**
 * Walking times from units to service stations. `secondsToNearest` answers, for each unit id, the
 * walking seconds to the nearest of `stationIds` (Infinity when none is reached within the cutoff).
 */
export interface StationTravel {
  speedMetersPerSecond: number;
  maxSeconds: number;
  secondsToNearest(stationIds: readonly string[], unitIds: readonly string[]): Float64Array;
}

/**
 * StationTravel over a region's accessibility model: one multi-source search from the stations
 * (walking is undirected, so station → unit equals unit → station), each unit's time read off its
 * snapped edge. Throws naming the facility or unit the model does not hold.
 */
export function modelStationTravel(
  model: AccessibilityModel,
  options: { speedMetersPerSecond: number; maxSeconds: number },
): StationTravel {
  const unitIndexById = new Map(model.units.map((unit, index) => [unit.id, index]));
  const { edge, offsetMeters, accessMeters } = model.unitArrays;
  return {
    ...options,
    secondsToNearest(stationIds, unitIds) {
      const origins = stationIds.map((id) => {
        const index = model.facilityIndexById.get(id);
        if (index === undefined) throw new Error(`facility ${id} is not in the accessibility model`);
        return model.facilitySnaps[index];
      });
      const seconds = new Float64Array(unitIds.length).fill(Infinity);
      if (origins.length === 0) return seconds;
      const field = new TravelField(model, origins, options.speedMetersPerSecond, options.maxSeconds);
      unitIds.forEach((unitId, k) => {
        const unit = unitIndexById.get(unitId);
        if (unit === undefined) throw new Error(`unit ${unitId} is not in the accessibility model`);
        const time = field.secondsAt(edge[unit], offsetMeters[unit], accessMeters[unit]);
        seconds[k] = time <= options.maxSeconds ? time : Infinity;
      });
      return seconds;
    },
  };
}

/** What the advice reads off a scenario: the evaluator satisfies it. */
export interface RelocationSource {
  communityIds(): string[];
  communityRecord(id: string): CommunityRecord;
  metrics(id: string): CommunityMetrics;
  unitsOf(communityId: string): string[];
  communityOfUnit(unitId: string): string;
  neighboursOf(unitId: string): { unitId: string; sharedMeters: number }[];
}

/** A population unit's own figures (for part sums). */
export interface UnitFigures {
  residents: number;
  households: number;
}

export interface MergeCandidate {
  communityId: string;
  name: string;
  type: CommunityTypeId;
  streetId: string;
  /** Only communities of one street merge (scenario-draft): others need the street boundary moved first. */
  sameStreet: boolean;
  /** Boundary the two communities' units share, meters. */
  sharedBoundaryMeters: number;
  residents: number;
  stationIds: string[];
  /** Residents-weighted mean walk to its nearest station, seconds; null without a station or when some residents reach none. */
  meanWalkSeconds: number | null;
  /** meanWalkSeconds less the mean walk to the relocation community's own station; null when either is unknown. */
  addedWalkSeconds: number | null;
  /** Residents of the relocation community who reach none of its stations within the cutoff. */
  unreachedResidents: number;
  mergedResidents: number;
  /** How far the merged community lies outside the candidate type's residents band (0 inside). */
  mergedResidentsOutsideBand: number;
}

export interface MergeAdvice {
  measure: Bilingual;
  ownStationIds: string[];
  ownMeanWalkSeconds: number | null;
  /** Adjacent communities, best first: mergeable ones (same street) with a known walk, by least added walk. */
  candidates: MergeCandidate[];
  /** The adjacent community of the same street that adds the least walking time; null when none qualifies. */
  recommended: string | null;
  /** The merge edit a client can send as is; null without a recommendation. */
  edit: Extract<ScenarioEdit, { op: 'merge' }> | null;
  message: Bilingual;
}

export interface SplitPart {
  unitIds: string[];
  residents: number;
  households: number;
}

export interface SplitProposal {
  /** Whether every part is contiguous and within the band. */
  ok: boolean;
  /** Why no valid split was found (ok = false). */
  reason?: 'not-contiguous' | 'band-unreachable' | 'too-few-units' | 'no-balanced-split';
  /** The first part stays the community (it holds its station when it has one); the others are new. */
  parts: SplitPart[];
  /** `create` edits for parts 2…n (the first part keeps the community's id). */
  edits: Extract<ScenarioEdit, { op: 'create' }>[];
  message: Bilingual;
}

export interface RelocationCommunityAdvice {
  communityId: string;
  name: string;
  streetId: string;
  residents: number;
  households: number;
  unitCount: number;
  status: 'within-band' | 'merge' | 'split' | 'not-judged';
  rule: RuleResult;
  merge?: MergeAdvice;
  split?: SplitProposal;
}

export interface RelocationAdviceReport {
  profile: StandardsProfileId;
  ruleId: string;
  sources: readonly string[];
  /** The band of the profile's rule, or null when the profile does not hold it. */
  band: { min: number; max: number } | null;
  speedMetersPerSecond: number | null;
  /** Why walking times are missing, when they are (e.g. no walking network). */
  travelNote: string | null;
  communities: RelocationCommunityAdvice[];
}

const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)}`;
const count = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: 0 }).replace(/,/g, ' ');
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Residents-weighted mean of `seconds` over the units; null when a unit with residents is unreached or none has residents. */
function weightedMean(
  seconds: Float64Array,
  residents: readonly number[],
): { mean: number | null; unreached: number } {
  let weighted = 0;
  let total = 0;
  let unreached = 0;
  seconds.forEach((time, k) => {
    if (residents[k] <= 0) return;
    if (time === Infinity) unreached += residents[k];
    else weighted += residents[k] * time;
    total += residents[k];
  });
  return { mean: unreached > 0 || total === 0 ? null : weighted / total, unreached };
}

function compareCandidates(a: MergeCandidate, b: MergeCandidate): number {
  const rank = (candidate: MergeCandidate) =>
    (candidate.sameStreet ? 0 : 2) + (candidate.meanWalkSeconds === null ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (a.meanWalkSeconds ?? 0) - (b.meanWalkSeconds ?? 0) ||
    b.sharedBoundaryMeters - a.sharedBoundaryMeters ||
    (a.communityId < b.communityId ? -1 : 1)
  );
}

function mergeAdvice(
  scenario: RelocationSource,
  communityId: string,
  stationsByCommunity: ReadonlyMap<string, string[]>,
  unitFigures: (unitId: string) => UnitFigures,
  travel: StationTravel | null,
): MergeAdvice {
  const record = scenario.communityRecord(communityId);
  const unitIds = scenario.unitsOf(communityId);
  const residents = unitIds.map((unitId) => unitFigures(unitId).residents);
  const sharedByCommunity = new Map<string, number>();
  for (const unitId of unitIds) {
    for (const { unitId: neighbour, sharedMeters } of scenario.neighboursOf(unitId)) {
      const other = scenario.communityOfUnit(neighbour);
      if (other !== communityId)
        sharedByCommunity.set(other, (sharedByCommunity.get(other) ?? 0) + sharedMeters);
    }
  }
  const ownStationIds = stationsByCommunity.get(communityId) ?? [];
  const own =
    travel && ownStationIds.length > 0
      ? weightedMean(travel.secondsToNearest(ownStationIds, unitIds), residents).mean
      : null;
  const ownResidents = scenario.metrics(communityId).residents;

  const candidates = [...sharedByCommunity].map(([id, sharedBoundaryMeters]): MergeCandidate => {
    const other = scenario.communityRecord(id);
    const otherResidents = scenario.metrics(id).residents;
    const stationIds = stationsByCommunity.get(id) ?? [];
    const walk =
      travel && stationIds.length > 0
        ? weightedMean(travel.secondsToNearest(stationIds, unitIds), residents)
        : { mean: null, unreached: 0 };
    const mergedResidents = ownResidents + otherResidents;
    return {
      communityId: id,
      name: other.name,
      type: other.type,
      streetId: other.streetId,
      sameStreet: other.streetId === record.streetId,
      sharedBoundaryMeters,
      residents: otherResidents,
      stationIds,
      meanWalkSeconds: walk.mean,
      addedWalkSeconds: walk.mean !== null && own !== null ? walk.mean - own : null,
      unreachedResidents: walk.unreached,
      mergedResidents,
      mergedResidentsOutsideBand: distanceFromBand(mergedResidents, COMMUNITY_TYPES[other.type].residents),
    };
  });
  candidates.sort(compareCandidates);
  const best = candidates[0];
  const recommended = best && best.sameStreet && best.meanWalkSeconds !== null ? best : null;

  let message: Bilingual;
  if (recommended) {
    const added = recommended.addedWalkSeconds;
    const outside = recommended.mergedResidentsOutsideBand;
    const typeName = COMMUNITY_TYPES[recommended.type];
    message = {
      zh:
        `常住人口 ${count(ownResidents)} 人，不足搬迁安置社区下限，建议并入相邻的${recommended.name}：` +
        `居民步行至其综合服务站平均 ${minutes(recommended.meanWalkSeconds!)} 分钟` +
        `${added !== null ? `（比到本社区服务站多 ${minutes(added)} 分钟）` : ''}，为相邻社区中增加最少者` +
        (outside !== 0
          ? `；合并后 ${count(recommended.mergedResidents)} 人，${outside > 0 ? '超出' : '仍低于'}${typeName.nameZh}规模${outside > 0 ? '上限' : '下限'} ${count(Math.abs(outside))} 人`
          : ''),
      en:
        `${count(ownResidents)} residents, below the relocation band: merge into the adjacent ` +
        `${recommended.name} (${recommended.communityId}); its residents would walk ` +
        `${minutes(recommended.meanWalkSeconds!)} min on average to its service station` +
        `${added !== null ? ` (${minutes(added)} min more than to their own)` : ''}, ` +
        'the least added walk among the adjacent communities' +
        (outside !== 0
          ? `; merged it would have ${count(recommended.mergedResidents)} residents, ${count(Math.abs(outside))} ${outside > 0 ? 'above' : 'below'} the ${typeName.nameEn.toLowerCase()} band`
          : ''),
    };
  } else if (candidates.length === 0) {
    message = {
      zh: `常住人口 ${count(ownResidents)} 人，不足下限，但没有与之相邻的社区`,
      en: `${count(ownResidents)} residents, below the band, but no community borders it`,
    };
  } else {
    message = {
      zh: `常住人口 ${count(ownResidents)} 人，不足下限；相邻社区中没有同一街道且可步行到达服务站者，请人工选择并入对象`,
      en: `${count(ownResidents)} residents, below the band; no adjacent community of its street has a station its residents reach on foot: choose whom to merge with by hand`,
    };
  }
  return {
    measure: MERGE_MEASURE,
    ownStationIds,
    ownMeanWalkSeconds: own,
    candidates,
    recommended: recommended?.communityId ?? null,
    edit: recommended
      ? { op: 'merge', communityIds: [recommended.communityId, communityId], into: recommended.communityId }
      : null,
    message,
  };
}

/** A partition of `n` units over their adjacency into parts (part index per unit) with its band violation. */
export interface Partition {
  ok: boolean;
  reason?: SplitProposal['reason'];
  /** Part index of each unit (−1 only when no partition was attempted). */
  partOf: Int32Array;
  partCount: number;
  partResidents: number[];
}

/** Breadth-first hop counts from `start` over `neighbours` (Infinity where unreached). */
function hopsFrom(
  start: number,
  neighbours: readonly (readonly number[])[],
  allowed?: (unit: number) => boolean,
): Float64Array {
  const hops = new Float64Array(neighbours.length).fill(Infinity);
  hops[start] = 0;
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const unit = queue[head];
    for (const next of neighbours[unit]) {
      if (hops[next] !== Infinity || (allowed && !allowed(next))) continue;
      hops[next] = hops[unit] + 1;
      queue.push(next);
    }
  }
  return hops;
}

/** Whether the units of part `part` are connected once `without` is taken away (true for an emptied part). */
function connectedWithout(
  partOf: Int32Array,
  part: number,
  without: number,
  neighbours: readonly (readonly number[])[],
): boolean {
  let start = -1;
  let size = 0;
  for (let unit = 0; unit < partOf.length; unit += 1) {
    if (partOf[unit] !== part || unit === without) continue;
    size += 1;
    if (start < 0) start = unit;
  }
  if (size === 0) return true;
  const hops = hopsFrom(start, neighbours, (unit) => partOf[unit] === part && unit !== without);
  let reached = 0;
  for (let unit = 0; unit < partOf.length; unit += 1)
    if (partOf[unit] === part && unit !== without && hops[unit] !== Infinity) reached += 1;
  return reached === size;
}

/** Band violation (residents outside the band, summed) and spread (squared distance from the even share). */
function scoreOf(
  partResidents: readonly number[],
  band: { min: number; max: number },
  even: number,
): [number, number] {
  let violation = 0;
  let spread = 0;
  for (const residents of partResidents) {
    violation += Math.max(0, band.min - residents) + Math.max(0, residents - band.max);
    spread += (residents - even) ** 2;
  }
  return [violation, spread];
}

/**
 * Splits `n` connected units into `partCount` contiguous parts: seeds as far apart as hops allow
 * (farthest-point), parts grown over adjacency with the smallest part taking the next unit nearest
 * its seed, then boundary units moved between neighbouring parts while that lowers the band
 * violation (then the spread) and leaves the giving part connected.
 */
function growParts(
  neighbours: readonly (readonly number[])[],
  residents: readonly number[],
  partCount: number,
  band: { min: number; max: number },
): { partOf: Int32Array; partResidents: number[]; score: [number, number] } {
  const n = neighbours.length;
  const total = residents.reduce((sum, value) => sum + value, 0);
  const even = total / partCount;
  // Farthest-point seeds: the first is the unit farthest from unit 0 (a periphery unit).
  const seeds: number[] = [];
  const hopsBySeed: Float64Array[] = [];
  const nearestSeedHops = new Float64Array(n).fill(Infinity);
  let next = argMax(hopsFrom(0, neighbours));
  while (seeds.length < partCount) {
    seeds.push(next);
    const hops = hopsFrom(next, neighbours);
    hopsBySeed.push(hops);
    for (let unit = 0; unit < n; unit += 1)
      nearestSeedHops[unit] = Math.min(nearestSeedHops[unit], hops[unit]);
    next = argMax(nearestSeedHops);
  }

  const partOf = new Int32Array(n).fill(-1);
  const partResidents = new Array<number>(partCount).fill(0);
  seeds.forEach((seed, part) => {
    partOf[seed] = part;
    partResidents[part] += residents[seed];
  });
  let unassigned = n - partCount;
  while (unassigned > 0) {
    // The smallest part that can still grow takes its frontier unit nearest its seed.
    let bestPart = -1;
    let bestUnit = -1;
    for (let part = 0; part < partCount; part += 1) {
      if (bestPart >= 0 && partResidents[part] >= partResidents[bestPart]) continue;
      let candidate = -1;
      for (let unit = 0; unit < n; unit += 1) {
        if (partOf[unit] !== part) continue;
        for (const neighbour of neighbours[unit]) {
          if (partOf[neighbour] !== -1) continue;
          if (
            candidate < 0 ||
            hopsBySeed[part][neighbour] < hopsBySeed[part][candidate] ||
            (hopsBySeed[part][neighbour] === hopsBySeed[part][candidate] && neighbour < candidate)
          ) {
            candidate = neighbour;
          }
        }
      }
      if (candidate >= 0) [bestPart, bestUnit] = [part, candidate];
    }
    if (bestPart < 0) throw new Error('growParts: units are not connected');
    partOf[bestUnit] = bestPart;
    partResidents[bestPart] += residents[bestUnit];
    unassigned -= 1;
  }

  let score = scoreOf(partResidents, band, even);
  for (let round = 0; round < 4 * n; round += 1) {
    const moves: { unit: number; from: number; to: number; score: [number, number] }[] = [];
    for (let unit = 0; unit < n; unit += 1) {
      const from = partOf[unit];
      const targets = new Set<number>();
      for (const neighbour of neighbours[unit])
        if (partOf[neighbour] !== from) targets.add(partOf[neighbour]);
      for (const to of targets) {
        partResidents[from] -= residents[unit];
        partResidents[to] += residents[unit];
        const moved = scoreOf(partResidents, band, even);
        partResidents[from] += residents[unit];
        partResidents[to] -= residents[unit];
        if (moved[0] < score[0] || (moved[0] === score[0] && moved[1] < score[1] - 1e-9))
          moves.push({ unit, from, to, score: moved });
      }
    }
    moves.sort((a, b) => a.score[0] - b.score[0] || a.score[1] - b.score[1] || a.unit - b.unit);
    const move = moves.find(
      (candidate) =>
        countOf(partOf, candidate.from) > 1 &&
        connectedWithout(partOf, candidate.from, candidate.unit, neighbours),
    );
    if (!move) break;
    partOf[move.unit] = move.to;
    partResidents[move.from] -= residents[move.unit];
    partResidents[move.to] += residents[move.unit];
    score = move.score;
  }
  return { partOf, partResidents, score };
}

function argMax(values: Float64Array): number {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) {
    const value = values[k] === Infinity ? -1 : values[k];
    if (value > (values[best] === Infinity ? -1 : values[best])) best = k;
  }
  return best;
}

function countOf(partOf: Int32Array, part: number): number {
  let count = 0;
  for (const value of partOf) if (value === part) count += 1;
  return count;
}

/**
 * Partitions connected units (local indexes, `neighbours[u]` their adjacent units) into contiguous
 * parts each holding `band.min`–`band.max` residents, with as few parts as the band allows (trying
 * up to two more when the fewest cannot be balanced). `ok` is false, with a reason, when the units
 * are not connected, no part count fits the band, or no balanced split was found (the best attempt
 * is returned).
 */
export function partitionWithinBand(
  neighbours: readonly (readonly number[])[],
  residents: readonly number[],
  band: { min: number; max: number },
): Partition {
  const n = neighbours.length;
  const none = (reason: SplitProposal['reason']): Partition => ({
    ok: false,
    reason,
    partOf: new Int32Array(n).fill(-1),
    partCount: 0,
    partResidents: [],
  });
  if (n === 0) return none('too-few-units');
  const reach = hopsFrom(0, neighbours);
  if (reach.some((hops) => hops === Infinity)) return none('not-contiguous');
  const total = residents.reduce((sum, value) => sum + value, 0);
  const fewest = Math.max(2, Math.ceil(total / band.max));
  const most = Math.floor(total / band.min);
  if (fewest > most) return none('band-unreachable');
  if (fewest > n) return none('too-few-units');
  let best: Partition | null = null;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (let partCount = fewest; partCount <= Math.min(most, fewest + 2, n); partCount += 1) {
    const attempt = growParts(neighbours, residents, partCount, band);
    if (attempt.score[0] < bestScore[0]) {
      bestScore = attempt.score;
      best = {
        ok: attempt.score[0] === 0,
        partOf: attempt.partOf,
        partCount,
        partResidents: attempt.partResidents,
      };
    }
    if (attempt.score[0] === 0) break;
  }
  return best!.ok ? best! : { ...best!, reason: 'no-balanced-split' };
}

function splitProposal(
  scenario: RelocationSource,
  communityId: string,
  band: { min: number; max: number },
  stationUnitIds: ReadonlySet<string>,
  unitFigures: (unitId: string) => UnitFigures,
): SplitProposal {
  const record = scenario.communityRecord(communityId);
  const unitIds = scenario.unitsOf(communityId);
  const localIndex = new Map(unitIds.map((unitId, index) => [unitId, index]));
  const neighbours = unitIds.map((unitId) =>
    scenario
      .neighboursOf(unitId)
      .map((neighbour) => localIndex.get(neighbour.unitId))
      .filter((index): index is number => index !== undefined),
  );
  const figures = unitIds.map(unitFigures);
  const partition = partitionWithinBand(
    neighbours,
    figures.map((unit) => unit.residents),
    band,
  );
  const parts: SplitPart[] = Array.from({ length: partition.partCount }, () => ({
    unitIds: [],
    residents: 0,
    households: 0,
  }));
  partition.partOf.forEach((part, index) => {
    if (part < 0) return;
    parts[part].unitIds.push(unitIds[index]);
    parts[part].residents += figures[index].residents;
    parts[part].households += figures[index].households;
  });
  // The part with the community's station keeps its id (the station stays its centre), else the largest.
  const keeps = (part: SplitPart) => (part.unitIds.some((unitId) => stationUnitIds.has(unitId)) ? 1 : 0);
  parts.sort((a, b) => keeps(b) - keeps(a) || b.residents - a.residents);
  const edits = parts.slice(1).map((part, index): Extract<ScenarioEdit, { op: 'create' }> => ({
    op: 'create',
    community: {
      name: `${record.name}（${CHINESE_ORDINALS[index + 1] ?? index + 2}）`,
      type: record.type,
      streetId: record.streetId,
    },
    unitIds: part.unitIds,
  }));
  const sizes = parts.map((part) => count(part.residents)).join(' / ');
  const [min, max] = [count(band.min), count(band.max)];
  let message: Bilingual;
  if (partition.ok) {
    message = {
      zh: `常住人口超过搬迁安置社区上限 ${max} 人，可分设为 ${parts.length} 个连片的社区（${sizes} 人），每个在 ${min}–${max} 人之间`,
      en: `Above the relocation maximum of ${max}: it may be split into ${parts.length} contiguous communities (${sizes} residents), each within ${min}–${max}`,
    };
  } else {
    const why: Record<NonNullable<SplitProposal['reason']>, Bilingual> = {
      'not-contiguous': {
        zh: '社区本身不连片，请先调整其单元',
        en: 'the community is not contiguous: reassign its detached units first',
      },
      'band-unreachable': {
        zh: '人口无法分成均在区间内的若干部分',
        en: 'its residents cannot be divided into parts all within the band',
      },
      'too-few-units': { zh: '单元太少，无法拆分', en: 'it has too few units to split' },
      'no-balanced-split': {
        zh: `未找到各部分均在区间内的连片拆分，最佳尝试为 ${sizes} 人`,
        en: `no contiguous split with every part within the band was found; the best attempt is ${sizes}`,
      },
    };
    message = {
      zh: `常住人口超过上限 ${max} 人，但${why[partition.reason!].zh}`,
      en: `Above the maximum of ${max}, but ${why[partition.reason!].en}`,
    };
  }
  return { ok: partition.ok, reason: partition.reason, parts, edits: partition.ok ? edits : [], message };
}

/**
 * Advice for every relocation community of a scenario under `profile`: merge below the band of rule
 * `size.relocation`, split above it. `stationUnits` maps each service-station facility id to the
 * unit it stands in (so a station follows its unit into whichever community holds it now);
 * `unitFigures` gives a unit's residents and households; `travel` null leaves walking times out
 * (then no merge is recommended) with `travelNote` saying why.
 */
export function relocationAdvice(
  scenario: RelocationSource,
  options: {
    profile: StandardsProfileId;
    stationUnits: ReadonlyMap<string, string>;
    unitFigures: (unitId: string) => UnitFigures;
    travel: StationTravel | null;
    travelNote?: string | null;
  },
): RelocationAdviceReport {
  const { profile, stationUnits, unitFigures, travel } = options;
  const rule = ruleById(RELOCATION_SIZE_RULE_ID);
  const threshold = rule.thresholds[profile];
  const band =
    threshold && threshold.kind === 'range'
      ? { min: threshold.min, max: threshold.max }
      : threshold
        ? (() => {
            throw new Error(
              `rule ${RELOCATION_SIZE_RULE_ID} holds a "${threshold.kind}" threshold, not a range`,
            );
          })()
        : null;

  const stationsByCommunity = new Map<string, string[]>();
  for (const [stationId, unitId] of [...stationUnits].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const communityId = scenario.communityOfUnit(unitId);
    const list = stationsByCommunity.get(communityId) ?? [];
    list.push(stationId);
    stationsByCommunity.set(communityId, list);
  }
  const stationUnitIds = new Set(stationUnits.values());

  const communities: RelocationCommunityAdvice[] = [];
  for (const id of scenario.communityIds()) {
    const record = scenario.communityRecord(id);
    if (record.type !== 'relocation') continue;
    const metrics = scenario.metrics(id);
    const result = threshold
      ? evaluateRule(rule, threshold, {
          type: record.type,
          residents: metrics.residents,
          households: metrics.households,
          ...surveyedFiguresOf(record),
        })
      : null;
    const entry: RelocationCommunityAdvice = {
      communityId: id,
      name: record.name,
      streetId: record.streetId,
      residents: metrics.residents,
      households: metrics.households,
      unitCount: metrics.unitCount,
      status: 'not-judged',
      rule: result ?? {
        ruleId: rule.id,
        status: 'not-applicable',
        figure: null,
        threshold: '',
        sources: rule.sources,
        title: rule.title,
        advice: rule.advice,
      },
    };
    if (band && result?.status === 'fail' && result.side === 'below') {
      entry.status = 'merge';
      entry.merge = mergeAdvice(scenario, id, stationsByCommunity, unitFigures, travel);
    } else if (band && result?.status === 'fail' && result.side === 'above') {
      entry.status = 'split';
      entry.split = splitProposal(scenario, id, band, stationUnitIds, unitFigures);
    } else if (band && result?.status === 'pass') {
      entry.status = 'within-band';
    }
    communities.push(entry);
  }
  return {
    profile,
    ruleId: rule.id,
    sources: rule.sources,
    band,
    speedMetersPerSecond: travel?.speedMetersPerSecond ?? null,
    travelNote: travel ? null : (options.travelNote ?? 'no walking times'),
    communities,
  };
}
