/**
 * Every metric of every community of a scenario, kept up to date edit by edit. Communities are made of
 * population units, so their sums (residents, households, area, residents reaching each requirement)
 * move by exactly the units that change hands, their perimeter by the unit's boundary less what it
 * shares with its new and old neighbours, and only the two communities an edit touches are re-walked
 * for contiguity. Facilities stand in units and follow them into whichever community holds them.
 * Re-evaluating after an `assign` costs what the edit touches, not the region's size.
 *
 * Judging takes the profile, the walking reach computed with the tier table and speed in force
 * (a UnitReach), and the tool settings: nothing about walking is assumed here.
 */

import type { CommunityTypeId } from '../standards/community-types.js';
import { surveyedFiguresOf, type SurveyedFigures } from '../standards/community-figures.js';
import {
  adjacencyCategories,
  evaluateCommunity,
  type CommunityFigures,
  type FacilityFigures,
} from '../standards/evaluate-rules.js';
import {
  evaluateRegion,
  type RegionCommunity,
  type RegionJudgement,
  type StreetRecord,
} from '../standards/evaluate-region.js';
import type { StandardsProfileId } from '../standards/profiles.js';
import type { UnitReach } from '../standards/reach.js';
import type { RuleContribution, RuleResult } from '../standards/rule-results.js';
import { TOOL_DEFAULTS, type ToolSettings } from '../standards/tool-defaults.js';

/** A population unit as the evaluator needs it; area and perimeter in the region's metric plane. */
export interface ScenarioUnit {
  id: string;
  residents: number;
  households: number;
  elderly: number;
  children: number;
  areaSquareMeters: number;
  perimeterMeters: number;
}

/** Pairs of units sharing a stretch of boundary, by unit index, with its length in meters. */
export interface UnitAdjacency {
  unitA: ArrayLike<number>;
  unitB: ArrayLike<number>;
  sharedMeters: ArrayLike<number>;
}

/** A community's own attributes (what is not summed from its units). */
export interface CommunityRecord extends SurveyedFigures {
  id: string;
  name: string;
  nameEn?: string | null;
  type: CommunityTypeId;
  streetId: string;
  isTownshipSeat: boolean;
}

/** A facility as the rules see it: the unit it stands in, its size where known, its position for 毗邻. */
export interface ScenarioFacility {
  id: string;
  category: string;
  /** The unit it stands in: the facility belongs to whichever community holds that unit. */
  unitId: string;
  floorAreaSquareMeters: number | null;
  landAreaSquareMeters: number | null;
  /** Position in the region's metric plane, metres east and north; null when unknown. */
  xMeters: number | null;
  yMeters: number | null;
}

/** What judging reads besides the scenario: the profile, the walking reach in force, the tool settings. */
export interface JudgeContext {
  profile: StandardsProfileId;
  /**
   * Which units reach what, computed with the tier table and walking speed in force
   * (core/accessibility's computeUnitReach), in this evaluator's unit order; null without a walking
   * network (reach rules are then undetermined).
   */
  reach: UnitReach | null;
  /** Changes to the tool defaults (reach share, adjacency distance). */
  settings?: Partial<ToolSettings>;
}

export interface CommunityMetrics {
  id: string;
  name: string;
  type: CommunityTypeId;
  streetId: string;
  unitCount: number;
  residents: number;
  households: number;
  elderly: number;
  children: number;
  areaSquareKilometers: number;
  residentsPerSquareKilometer: number | null;
  perimeterMeters: number;
  /** Polsby–Popper compactness 4πA/P², 1 for a disc; null for an empty community. */
  polsbyPopper: number | null;
  /** Separate pieces the community falls into (1 = contiguous, 0 = empty). */
  parts: number;
  serviceFloorAreaSquareMeters: number | null;
  serviceFloorAreaPer100Households: number | null;
  staff: number | null;
  staffPer10kResidents: number | null;
  /** Facilities inside the community by category (empty when the evaluator has no facility layer). */
  facilityCountByCategory: Record<string, number>;
  /**
   * Share of residents meeting each requirement of the reach passed to metrics() (by key: a category
   * id for one category at its tier, `circle@15`…), 0–1; null with no residents; empty without reach.
   */
  reachShareByKey: Record<string, number | null>;
}

interface CommunitySums {
  record: CommunityRecord;
  unitCount: number;
  residents: number;
  households: number;
  elderly: number;
  children: number;
  areaSquareMeters: number;
  perimeterMeters: number;
  parts: number;
  /** Indexes (into `facilities`) of the facilities standing in its units. */
  facilities: Set<number>;
  /** Set when the community is removed from the scenario (its slot stays, its id is free again). */
  removed: boolean;
}

/** Residents meeting each requirement of one UnitReach, per community index, kept up to date by moves. */
interface ReachSums {
  reach: UnitReach;
  id: number;
  residents: Float64Array[];
}

/** Reach sets kept at once (tier tables or speeds in use); the least recently used goes first. */
const MAX_REACH_SETS = 4;
/** Judgement caches kept at once (profile × reach × settings). */
const MAX_JUDGEMENT_CACHES = 16;

export class ScenarioEvaluator {
  private readonly units: readonly ScenarioUnit[];
  private readonly unitIndexById = new Map<string, number>();
  /** CSR adjacency: neighbours of unit u are `neighbourUnits[offsets[u] … offsets[u+1]−1]`. */
  private readonly neighbourOffsets: Uint32Array;
  private readonly neighbourUnits: Uint32Array;
  private readonly neighbourSharedMeters: Float64Array;
  /** Community index of each unit. */
  private readonly assignment: Int32Array;
  private readonly communities: CommunitySums[] = [];
  private readonly communityIndexById = new Map<string, number>();
  /** Scratch for contiguity walks: the walk number that last visited each unit. */
  private readonly visitMark: Uint32Array;
  private walkNumber = 0;
  /** The facility layer (null: unknown), each facility's figures, and facilities by unit index. */
  private facilityFigures: FacilityFigures[] | null = null;
  private facilityList: readonly ScenarioFacility[] | null = null;
  private facilitiesByUnit = new Map<number, number[]>();
  private readonly streets: readonly StreetRecord[] | null;
  private readonly reachSets: ReachSums[] = [];
  private readonly reachIds = new WeakMap<UnitReach, number>();
  private nextReachId = 1;
  /**
   * Community results by judgement key (profile, reach, settings), then community index, kept until
   * an edit touches the community: community rules read nothing but the community itself.
   */
  private readonly judged = new Map<string, (RuleResult[] | undefined)[]>();
  /** Region results by judgement key; any edit clears them (they read every community). */
  private readonly regionJudged = new Map<string, RegionJudgement>();

  constructor(input: {
    units: readonly ScenarioUnit[];
    adjacency: UnitAdjacency;
    communities: readonly CommunityRecord[];
    /** Community id of each unit, by unit index. */
    assignment: readonly string[];
    /** The facility layer; omitted or null when unknown (provision rules are then undetermined). */
    facilities?: readonly ScenarioFacility[] | null;
    /** The region's streets and townships; omitted or null when unknown. */
    streets?: readonly StreetRecord[] | null;
  }) {
    const { units, adjacency } = input;
    this.units = units;
    units.forEach((unit, index) => {
      if (this.unitIndexById.has(unit.id)) throw new Error(`unit ${unit.id} appears twice`);
      this.unitIndexById.set(unit.id, index);
    });
    if (input.assignment.length !== units.length) {
      throw new Error(`the assignment has ${input.assignment.length} entries for ${units.length} units`);
    }
    this.streets = input.streets ?? null;

    // Adjacency into CSR, both directions.
    const pairCount = adjacency.unitA.length;
    const degree = new Uint32Array(units.length + 1);
    for (let p = 0; p < pairCount; p += 1) {
      const [a, b] = [adjacency.unitA[p], adjacency.unitB[p]];
      if (!(a >= 0 && a < units.length && b >= 0 && b < units.length) || a === b) {
        throw new Error(`adjacency pair ${p} (${a}, ${b}) does not join two units`);
      }
      degree[a + 1] += 1;
      degree[b + 1] += 1;
    }
    for (let u = 0; u < units.length; u += 1) degree[u + 1] += degree[u];
    this.neighbourOffsets = degree;
    this.neighbourUnits = new Uint32Array(2 * pairCount);
    this.neighbourSharedMeters = new Float64Array(2 * pairCount);
    const cursor = degree.slice(0, units.length);
    for (let p = 0; p < pairCount; p += 1) {
      const [a, b, shared] = [adjacency.unitA[p], adjacency.unitB[p], adjacency.sharedMeters[p]];
      this.neighbourUnits[cursor[a]] = b;
      this.neighbourSharedMeters[cursor[a]++] = shared;
      this.neighbourUnits[cursor[b]] = a;
      this.neighbourSharedMeters[cursor[b]++] = shared;
    }

    this.assignment = new Int32Array(units.length).fill(-1);
    this.visitMark = new Uint32Array(units.length);
    for (const record of input.communities) this.addCommunity(record);
    input.assignment.forEach((communityId, unitIndex) => {
      this.moveUnit(unitIndex, this.communityIndex(communityId));
    });
    this.countAllParts();
    this.setFacilities(input.facilities ?? null);
  }

  /** Adds a community (e.g. one the planner creates); it starts with no units. */
  addCommunity(record: CommunityRecord): void {
    if (this.communityIndexById.has(record.id)) throw new Error(`community ${record.id} exists already`);
    this.communityIndexById.set(record.id, this.communities.length);
    this.communities.push({
      record: { ...record },
      unitCount: 0,
      residents: 0,
      households: 0,
      elderly: 0,
      children: 0,
      areaSquareMeters: 0,
      perimeterMeters: 0,
      parts: 0,
      facilities: new Set(),
      removed: false,
    });
    for (const set of this.reachSets) set.residents.push(new Float64Array(set.reach.requirements.length));
    this.regionJudged.clear();
  }

  /** Removes a community that has no units left (merged away or dissolved); its id may be reused. */
  removeCommunity(id: string): void {
    const index = this.communityIndex(id);
    const community = this.communities[index];
    if (community.unitCount > 0) throw new Error(`community ${id} still has ${community.unitCount} units`);
    community.removed = true;
    this.communityIndexById.delete(id);
    this.forgetJudgements(index);
  }

  /**
   * Replaces the facility layer (a scenario's added, moved or removed facilities); null: unknown.
   * Throws naming a facility whose unit is not in the region.
   */
  setFacilities(facilities: readonly ScenarioFacility[] | null): void {
    for (const community of this.communities) community.facilities.clear();
    this.facilitiesByUnit = new Map();
    this.facilityList = facilities;
    this.facilityFigures = facilities === null ? null : facilityFiguresOf(facilities);
    for (const [index, facility] of (facilities ?? []).entries()) {
      const unitIndex = this.unitIndexById.get(facility.unitId);
      if (unitIndex === undefined)
        throw new Error(
          `facility ${facility.id} stands in unit ${facility.unitId}, which is not in this region`,
        );
      const list = this.facilitiesByUnit.get(unitIndex);
      if (list) list.push(index);
      else this.facilitiesByUnit.set(unitIndex, [index]);
      this.communities[this.assignment[unitIndex]].facilities.add(index);
    }
    this.forgetAllJudgements();
  }

  hasCommunity(id: string): boolean {
    return this.communityIndexById.has(id);
  }

  /** The facility layer as last set (null: unknown). */
  facilities(): readonly ScenarioFacility[] | null {
    return this.facilityList;
  }

  hasUnit(unitId: string): boolean {
    return this.unitIndexById.has(unitId);
  }

  /** A community's own attributes (a copy). */
  communityRecord(id: string): CommunityRecord {
    return { ...this.communities[this.communityIndex(id)].record };
  }

  /** Units of a community, without building its metrics. */
  unitCount(id: string): number {
    return this.communities[this.communityIndex(id)].unitCount;
  }

  /** Units sharing boundary with a unit, with the length shared in meters. */
  neighboursOf(unitId: string): { unitId: string; sharedMeters: number }[] {
    const unitIndex = this.unitIndexById.get(unitId);
    if (unitIndex === undefined) throw new Error(`unit ${unitId} is not in this region`);
    const neighbours: { unitId: string; sharedMeters: number }[] = [];
    for (let h = this.neighbourOffsets[unitIndex]; h < this.neighbourOffsets[unitIndex + 1]; h += 1) {
      neighbours.push({
        unitId: this.units[this.neighbourUnits[h]].id,
        sharedMeters: this.neighbourSharedMeters[h],
      });
    }
    return neighbours;
  }

  /** Every unit's id, in unit order. */
  unitIds(): string[] {
    return this.units.map((unit) => unit.id);
  }

  /** The community id of every unit, in unit order (a snapshot for comparing scenarios). */
  communityIdsByUnit(): string[] {
    return Array.from(this.assignment, (index) => this.communities[index].record.id);
  }

  /** Changes a community's own attributes (name, type, floor area, staff …). */
  updateCommunity(id: string, changes: Partial<Omit<CommunityRecord, 'id'>>): void {
    const index = this.communityIndex(id);
    const community = this.communities[index];
    community.record = { ...community.record, ...changes };
    this.forgetJudgements(index);
  }

  /** Moves units to a community; returns the ids of the communities whose metrics changed. */
  assign(unitIds: readonly string[], communityId: string): string[] {
    const target = this.communityIndex(communityId);
    const touched = new Set<number>([target]);
    for (const unitId of unitIds) {
      const unitIndex = this.unitIndexById.get(unitId);
      if (unitIndex === undefined) throw new Error(`unit ${unitId} is not in this region`);
      const source = this.assignment[unitIndex];
      if (source === target) continue;
      touched.add(source);
      this.moveUnit(unitIndex, target);
    }
    for (const index of touched) {
      this.communities[index].parts = this.countParts(index);
      this.forgetJudgements(index);
    }
    return [...touched].map((index) => this.communities[index].record.id);
  }

  /** The community a unit belongs to now. */
  communityOfUnit(unitId: string): string {
    const unitIndex = this.unitIndexById.get(unitId);
    if (unitIndex === undefined) throw new Error(`unit ${unitId} is not in this region`);
    return this.communities[this.assignment[unitIndex]].record.id;
  }

  /** Ids of the units of a community, in unit order. */
  unitsOf(communityId: string): string[] {
    const index = this.communityIndex(communityId);
    const ids: string[] = [];
    for (let u = 0; u < this.units.length; u += 1)
      if (this.assignment[u] === index) ids.push(this.units[u].id);
    return ids;
  }

  /** Ids of the communities of the scenario, in the order they were added. */
  communityIds(): string[] {
    return this.communities.filter((community) => !community.removed).map((community) => community.record.id);
  }

  /** Metrics of a community; reach shares for the requirements of `reach` when given. */
  metrics(communityId: string, reach: UnitReach | null = null): CommunityMetrics {
    return this.metricsOf(this.communityIndex(communityId), reach);
  }

  allMetrics(reach: UnitReach | null = null): CommunityMetrics[] {
    const metrics: CommunityMetrics[] = [];
    this.communities.forEach((community, index) => {
      if (!community.removed) metrics.push(this.metricsOf(index, reach));
    });
    return metrics;
  }

  /**
   * What the rules read off a community now, judged as `type` when given (a village as the community
   * it would become): its figures, its facilities, its reach under `reach`.
   */
  figures(communityId: string, reach: UnitReach | null, type?: CommunityTypeId): CommunityFigures {
    const figures = this.figuresOf(this.communityIndex(communityId), reach);
    return type === undefined ? figures : { ...figures, type };
  }

  /**
   * Every community-scope rule of the profile for one community, with the figure that decided it.
   * Region- and street-scope rules are not among them: see judgeRegion and contributions.
   */
  judge(communityId: string, context: JudgeContext): RuleResult[] {
    const index = this.communityIndex(communityId);
    const key = this.judgementKey(context);
    let judged = this.judged.get(key);
    if (!judged) {
      if (this.judged.size >= MAX_JUDGEMENT_CACHES) this.judged.delete(this.judged.keys().next().value!);
      this.judged.set(key, (judged = []));
    }
    // Shared with later callers until an edit touches the community: callers must not modify it.
    return (judged[index] ??= evaluateCommunity(
      context.profile,
      this.figuresOf(index, context.reach),
      settingsOf(context),
    ));
  }

  /** The region- and street-scope rules of the profile over every community of the scenario. */
  judgeRegion(context: JudgeContext): RegionJudgement {
    // Region rules read no walking reach: the key leaves it out so any reach shares the result.
    const key = `${context.profile}`;
    let judgement = this.regionJudged.get(key);
    if (!judgement) {
      const communities: RegionCommunity[] = [];
      this.communities.forEach((community, index) => {
        if (community.removed) return;
        communities.push({
          ...this.figuresOf(index, null),
          id: community.record.id,
          streetId: community.record.streetId,
        });
      });
      judgement = evaluateRegion(context.profile, communities, this.streets);
      this.regionJudged.set(key, judgement);
    }
    return judgement;
  }

  /** What a community contributes to the region's and its street's results (never judged on its own). */
  contributions(communityId: string, context: JudgeContext): RuleContribution[] {
    this.communityIndex(communityId);
    return this.judgeRegion(context).contributions.get(communityId) ?? [];
  }

  private judgementKey(context: JudgeContext): string {
    const settings = settingsOf(context);
    const reach = context.reach === null ? 0 : this.reachSumsOf(context.reach).id;
    return `${context.profile}|${reach}|${settings.reachShare}|${settings.adjacencyMeters}`;
  }

  /**
   * The residents sums of a UnitReach, registered on first use (one pass over every unit) and then
   * kept up to date by every move; the least recently used of more than MAX_REACH_SETS is dropped.
   */
  private reachSumsOf(reach: UnitReach): ReachSums {
    const at = this.reachSets.findIndex((set) => set.reach === reach);
    if (at >= 0) {
      const [set] = this.reachSets.splice(at, 1);
      this.reachSets.push(set);
      return set;
    }
    for (const [r, covered] of reach.covered.entries()) {
      if (covered.length !== this.units.length) {
        throw new Error(
          `reach ${reach.requirements[r]?.key} covers ${covered.length} units, the scenario has ${this.units.length}`,
        );
      }
    }
    let id = this.reachIds.get(reach);
    if (id === undefined) this.reachIds.set(reach, (id = this.nextReachId++));
    const residents = this.communities.map(() => new Float64Array(reach.requirements.length));
    for (let u = 0; u < this.units.length; u += 1) {
      const sums = residents[this.assignment[u]];
      for (let r = 0; r < reach.covered.length; r += 1)
        if (reach.covered[r][u]) sums[r] += this.units[u].residents;
    }
    const set = { reach, id, residents };
    this.reachSets.push(set);
    if (this.reachSets.length > MAX_REACH_SETS) {
      const dropped = this.reachSets.shift()!;
      for (const key of [...this.judged.keys()])
        if (key.split('|')[1] === String(dropped.id)) this.judged.delete(key);
    }
    return set;
  }

  private forgetJudgements(index: number): void {
    for (const judged of this.judged.values()) judged[index] = undefined;
    this.regionJudged.clear();
  }

  private forgetAllJudgements(): void {
    this.judged.clear();
    this.regionJudged.clear();
  }

  private communityIndex(id: string): number {
    const index = this.communityIndexById.get(id);
    if (index === undefined) throw new Error(`community ${id} is not in this scenario`);
    return index;
  }

  /** Moves one unit's sums, perimeter and facilities from its community (if any) to `target`. */
  private moveUnit(unitIndex: number, target: number): void {
    const unit = this.units[unitIndex];
    const source = this.assignment[unitIndex];
    if (source >= 0) {
      const from = this.communities[source];
      // Boundary it shared with its old community becomes outer boundary of that community again.
      from.perimeterMeters -= unit.perimeterMeters - 2 * this.sharedWith(unitIndex, source);
      this.addSums(source, unitIndex, -1);
    }
    this.assignment[unitIndex] = target;
    const to = this.communities[target];
    to.perimeterMeters += unit.perimeterMeters - 2 * this.sharedWith(unitIndex, target);
    this.addSums(target, unitIndex, 1);
  }

  private addSums(index: number, unitIndex: number, sign: 1 | -1): void {
    const community = this.communities[index];
    const unit = this.units[unitIndex];
    community.unitCount += sign;
    community.residents += sign * unit.residents;
    community.households += sign * unit.households;
    community.elderly += sign * unit.elderly;
    community.children += sign * unit.children;
    community.areaSquareMeters += sign * unit.areaSquareMeters;
    for (const set of this.reachSets) {
      const sums = set.residents[index];
      for (let r = 0; r < set.reach.covered.length; r += 1)
        if (set.reach.covered[r][unitIndex]) sums[r] += sign * unit.residents;
    }
    for (const facility of this.facilitiesByUnit.get(unitIndex) ?? []) {
      if (sign > 0) community.facilities.add(facility);
      else community.facilities.delete(facility);
    }
  }

  /** Boundary length unit u shares with units of community c (u itself excluded). */
  private sharedWith(unitIndex: number, communityIndex: number): number {
    let shared = 0;
    for (let h = this.neighbourOffsets[unitIndex]; h < this.neighbourOffsets[unitIndex + 1]; h += 1) {
      if (this.assignment[this.neighbourUnits[h]] === communityIndex) shared += this.neighbourSharedMeters[h];
    }
    return shared;
  }

  /** Pieces of every community in one walk over all units (the constructor's O(units + adjacency) pass). */
  private countAllParts(): void {
    for (const community of this.communities) community.parts = 0;
    this.walkNumber += 1;
    const mark = this.walkNumber;
    const queue: number[] = [];
    for (let start = 0; start < this.units.length; start += 1) {
      if (this.visitMark[start] === mark) continue;
      const index = this.assignment[start];
      this.communities[index].parts += 1;
      this.markPiece(start, mark, queue);
    }
  }

  /** Connected pieces of a community over unit adjacency (a flood from each unit no earlier flood reached). */
  private countParts(index: number): number {
    if (this.communities[index].unitCount === 0) return 0;
    this.walkNumber += 1;
    const mark = this.walkNumber;
    const queue: number[] = [];
    let parts = 0;
    for (let start = 0; start < this.units.length; start += 1) {
      if (this.assignment[start] !== index || this.visitMark[start] === mark) continue;
      parts += 1;
      this.markPiece(start, mark, queue);
    }
    return parts;
  }

  /**
   * Marks with `mark` every unit reachable from `start` without leaving its community: one piece.
   * `queue` is the caller's scratch, reused across pieces to spare allocations.
   */
  private markPiece(start: number, mark: number, queue: number[]): void {
    const index = this.assignment[start];
    this.visitMark[start] = mark;
    queue.length = 0;
    queue.push(start);
    while (queue.length > 0) {
      const u = queue.pop()!;
      for (let h = this.neighbourOffsets[u]; h < this.neighbourOffsets[u + 1]; h += 1) {
        const v = this.neighbourUnits[h];
        if (this.assignment[v] === index && this.visitMark[v] !== mark) {
          this.visitMark[v] = mark;
          queue.push(v);
        }
      }
    }
  }

  private reachShares(index: number, reach: UnitReach | null): Record<string, number | null> {
    const shares: Record<string, number | null> = {};
    if (reach === null) return shares;
    const sums = this.reachSumsOf(reach).residents[index];
    const residents = this.communities[index].residents;
    reach.requirements.forEach((requirement, r) => {
      shares[requirement.key] = residents > 0 ? sums[r] / residents : null;
    });
    return shares;
  }

  private metricsOf(index: number, reach: UnitReach | null): CommunityMetrics {
    const community = this.communities[index];
    const { record } = community;
    const areaSquareKilometers = community.areaSquareMeters / 1e6;
    const perimeter = community.perimeterMeters;
    const facilityCountByCategory: Record<string, number> = {};
    for (const facility of community.facilities) {
      const category = this.facilityFigures![facility].category;
      facilityCountByCategory[category] = (facilityCountByCategory[category] ?? 0) + 1;
    }
    return {
      id: record.id,
      name: record.name,
      type: record.type,
      streetId: record.streetId,
      unitCount: community.unitCount,
      residents: community.residents,
      households: community.households,
      elderly: community.elderly,
      children: community.children,
      areaSquareKilometers,
      residentsPerSquareKilometer:
        areaSquareKilometers > 0 ? community.residents / areaSquareKilometers : null,
      perimeterMeters: perimeter,
      polsbyPopper:
        perimeter > 0 ? (4 * Math.PI * community.areaSquareMeters) / (perimeter * perimeter) : null,
      parts: community.parts,
      serviceFloorAreaSquareMeters: record.serviceFloorAreaSquareMeters,
      serviceFloorAreaPer100Households:
        record.serviceFloorAreaSquareMeters !== null && community.households > 0
          ? (record.serviceFloorAreaSquareMeters / community.households) * 100
          : null,
      staff: record.staff,
      staffPer10kResidents:
        record.staff !== null && community.residents > 0
          ? (record.staff / community.residents) * 10_000
          : null,
      facilityCountByCategory,
      reachShareByKey: this.reachShares(index, reach),
    };
  }

  private figuresOf(index: number, reach: UnitReach | null): CommunityFigures {
    const community = this.communities[index];
    const { record } = community;
    return {
      ...surveyedFiguresOf(record),
      type: record.type,
      residents: community.residents,
      households: community.households,
      facilities:
        this.facilityFigures === null
          ? null
          : [...community.facilities].sort((a, b) => a - b).map((f) => this.facilityFigures![f]),
      reach:
        reach === null
          ? null
          : {
              tiers: reach.tiers,
              speedMetersPerSecond: reach.speedMetersPerSecond,
              shareByKey: this.reachShares(index, reach),
            },
    };
  }
}

function settingsOf(context: JudgeContext): ToolSettings {
  return context.settings ? { ...TOOL_DEFAULTS, ...context.settings } : TOOL_DEFAULTS;
}

/**
 * Each facility's figures, with the straight-line distance from every facility an adjacency rule
 * measures from (health centres…) to the nearest facility of each target category (elderly care):
 * Infinity when the region has none of the category, null when its own position is unknown or no
 * target's is known. Targets without a position are left out.
 */
function facilityFiguresOf(facilities: readonly ScenarioFacility[]): FacilityFigures[] {
  const { from, to } = adjacencyCategories();
  const targetsByCategory = new Map<string, ScenarioFacility[]>([...to].map((category) => [category, []]));
  for (const facility of facilities) targetsByCategory.get(facility.category)?.push(facility);
  return facilities.map((facility) => {
    const figures: FacilityFigures = {
      id: facility.id,
      category: facility.category,
      floorAreaSquareMeters: facility.floorAreaSquareMeters,
      landAreaSquareMeters: facility.landAreaSquareMeters,
    };
    if (!from.has(facility.category)) return figures;
    const nearest: Record<string, number | null> = {};
    for (const category of to) {
      const ofCategory = targetsByCategory.get(category)!;
      if (ofCategory.length === 0) {
        nearest[category] = Infinity;
        continue;
      }
      let best: number | null = null;
      if (facility.xMeters !== null && facility.yMeters !== null) {
        for (const target of ofCategory) {
          if (target.xMeters === null || target.yMeters === null) continue;
          const meters = Math.hypot(target.xMeters - facility.xMeters, target.yMeters - facility.yMeters);
          if (best === null || meters < best) best = meters;
        }
      }
      nearest[category] = best;
    }
    return { ...figures, nearestMetersByCategory: nearest };
  });
}
