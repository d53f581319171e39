/**
 * Every metric of every community of a scenario, kept up to date edit by edit. Communities are made of
 * population units, so their sums (residents, households, area, covered residents) move by exactly
 * the units that change hands, their perimeter by the unit's boundary less what it shares with its new
 * and old neighbours, and only the two communities an edit touches are re-walked for contiguity.
 * Re-evaluating after an `assign` costs what the edit touches, not the region's size.
 */

import { COMMUNITY_TYPES, distanceFromBand, type CommunityTypeId } from '../standards/community-types.js';
import {
  evaluateCommunity,
  surveyedFiguresOf,
  type CommunityFigures,
  type RuleResult,
  type SurveyedFigures,
} from '../standards/evaluate-rules.js';
import type { StandardsProfileId } from '../standards/profiles.js';

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

/**
 * Which units reach each category within its tier (core/accessibility coverage): `covered[c][u]` is 1
 * when unit u reaches `categories[c]` in time. Independent of boundaries, so computed once per region.
 */
export interface UnitCoverage {
  categories: readonly string[];
  covered: readonly Uint8Array[];
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
  /** Share of residents reaching each category within its tier, 0–1; null with no residents. */
  coveredShareByCategory: Record<string, number | null>;
  /** How far residents lie outside the type's band: negative below, positive above, 0 inside or no band. */
  residentsOutsideBand: number;
  householdsOutsideBand: number;
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
  coveredResidents: Float64Array;
  parts: number;
  /** Set when the community is removed from the scenario (its slot stays, its id is free again). */
  removed: boolean;
}

export class ScenarioEvaluator {
  private readonly units: readonly ScenarioUnit[];
  private readonly unitIndexById = new Map<string, number>();
  /** CSR adjacency: neighbours of unit u are `neighbourUnits[offsets[u] … offsets[u+1]−1]`. */
  private readonly neighbourOffsets: Uint32Array;
  private readonly neighbourUnits: Uint32Array;
  private readonly neighbourSharedMeters: Float64Array;
  private readonly coverage: UnitCoverage;
  /** Community index of each unit. */
  private readonly assignment: Int32Array;
  private readonly communities: CommunitySums[] = [];
  private readonly communityIndexById = new Map<string, number>();
  /** Scratch for contiguity walks: the walk number that last visited each unit. */
  private readonly visitMark: Uint32Array;
  private walkNumber = 0;
  /**
   * Rule results by profile, then community index, kept until an edit touches the community: after
   * an assign only the two communities it touches (and, for the township-count rule, their street's
   * township communities) are judged again.
   */
  private readonly judgedByProfile = new Map<StandardsProfileId, (RuleResult[] | undefined)[]>();

  constructor(input: {
    units: readonly ScenarioUnit[];
    adjacency: UnitAdjacency;
    communities: readonly CommunityRecord[];
    /** Community id of each unit, by unit index. */
    assignment: readonly string[];
    coverage?: UnitCoverage;
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
    this.coverage = input.coverage ?? { categories: [], covered: [] };
    for (const [c, covered] of this.coverage.covered.entries()) {
      if (covered.length !== units.length)
        throw new Error(`coverage of ${this.coverage.categories[c]} does not cover every unit`);
    }

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
  }

  /** Adds a community (e.g. one the planner creates); it starts with no units. */
  addCommunity(record: CommunityRecord): void {
    if (this.communityIndexById.has(record.id)) throw new Error(`community ${record.id} exists already`);
    this.forgetJudgementsOfStreet(record.streetId);
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
      coveredResidents: new Float64Array(this.coverage.categories.length),
      parts: 0,
      removed: false,
    });
  }

  /** Removes a community that has no units left (merged away or dissolved); its id may be reused. */
  removeCommunity(id: string): void {
    const index = this.communityIndex(id);
    const community = this.communities[index];
    if (community.unitCount > 0) throw new Error(`community ${id} still has ${community.unitCount} units`);
    community.removed = true;
    this.communityIndexById.delete(id);
    this.forgetJudgementsOfStreet(community.record.streetId);
  }

  hasCommunity(id: string): boolean {
    return this.communityIndexById.has(id);
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
    const community = this.communities[this.communityIndex(id)];
    const streetBefore = community.record.streetId;
    community.record = { ...community.record, ...changes };
    // A type change can change how many township communities its street counts.
    this.forgetJudgementsOfStreet(streetBefore);
    this.forgetJudgementsOfStreet(community.record.streetId);
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
      if (this.communities[index].record.type === 'township')
        this.forgetJudgementsOfStreet(this.communities[index].record.streetId);
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

  metrics(communityId: string): CommunityMetrics {
    return this.metricsOf(this.communities[this.communityIndex(communityId)]);
  }

  allMetrics(): CommunityMetrics[] {
    return this.communities
      .filter((community) => !community.removed)
      .map((community) => this.metricsOf(community));
  }

  /** Every rule of the profile for one community, with the figure that decided it. */
  judge(communityId: string, profile: StandardsProfileId): RuleResult[] {
    const index = this.communityIndex(communityId);
    let judged = this.judgedByProfile.get(profile);
    if (!judged) this.judgedByProfile.set(profile, (judged = []));
    // Shared with later callers until an edit touches the community: callers must not modify it.
    return (judged[index] ??= evaluateCommunity(profile, this.figuresOf(this.communities[index])));
  }

  private forgetJudgements(index: number): void {
    for (const judged of this.judgedByProfile.values()) judged[index] = undefined;
  }

  private forgetJudgementsOfStreet(streetId: string): void {
    if (this.judgedByProfile.size === 0) return;
    this.communities.forEach((community, index) => {
      if (community.record.streetId === streetId) this.forgetJudgements(index);
    });
  }

  private communityIndex(id: string): number {
    const index = this.communityIndexById.get(id);
    if (index === undefined) throw new Error(`community ${id} is not in this scenario`);
    return index;
  }

  /** Moves one unit's sums and perimeter from its community (if any) to `target`. */
  private moveUnit(unitIndex: number, target: number): void {
    const unit = this.units[unitIndex];
    const source = this.assignment[unitIndex];
    if (source >= 0) {
      const from = this.communities[source];
      // Boundary it shared with its old community becomes outer boundary of that community again.
      from.perimeterMeters -= unit.perimeterMeters - 2 * this.sharedWith(unitIndex, source);
      this.addSums(from, unitIndex, -1);
    }
    this.assignment[unitIndex] = target;
    const to = this.communities[target];
    to.perimeterMeters += unit.perimeterMeters - 2 * this.sharedWith(unitIndex, target);
    this.addSums(to, unitIndex, 1);
  }

  private addSums(community: CommunitySums, unitIndex: number, sign: 1 | -1): void {
    const unit = this.units[unitIndex];
    community.unitCount += sign;
    community.residents += sign * unit.residents;
    community.households += sign * unit.households;
    community.elderly += sign * unit.elderly;
    community.children += sign * unit.children;
    community.areaSquareMeters += sign * unit.areaSquareMeters;
    this.coverage.covered.forEach((covered, c) => {
      if (covered[unitIndex]) community.coveredResidents[c] += sign * unit.residents;
    });
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

  private metricsOf(community: CommunitySums): CommunityMetrics {
    const { record } = community;
    const areaSquareKilometers = community.areaSquareMeters / 1e6;
    const perimeter = community.perimeterMeters;
    const type = COMMUNITY_TYPES[record.type];
    const coveredShareByCategory: Record<string, number | null> = {};
    this.coverage.categories.forEach((category, c) => {
      coveredShareByCategory[category] =
        community.residents > 0 ? community.coveredResidents[c] / community.residents : null;
    });
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
      coveredShareByCategory,
      residentsOutsideBand: distanceFromBand(community.residents, type.residents),
      householdsOutsideBand: distanceFromBand(community.households, type.households),
    };
  }

  private figuresOf(community: CommunitySums): CommunityFigures {
    const { record } = community;
    const metrics = this.metricsOf(community);
    const townshipCommunitiesAtSeat =
      record.type === 'township'
        ? this.communities.filter(
            (other) =>
              !other.removed &&
              other.record.type === 'township' &&
              other.record.streetId === record.streetId &&
              other.unitCount > 0,
          ).length
        : null;
    return {
      type: record.type,
      residents: community.residents,
      households: community.households,
      ...surveyedFiguresOf(record),
      townshipCommunitiesAtSeat,
      coveredShareByCategory: metrics.coveredShareByCategory,
    };
  }
}
