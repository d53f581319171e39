/**
 * Turns the API's answers (`/unit-adjacency`, `/state`) into what core's ScenarioEvaluator is built
 * from: units with their sums, area and perimeter, adjacency by unit index, facilities and streets,
 * the walking reach under the judging asked for, and a scenario's communities with the community of
 * each unit.
 */
import type { ScenarioStateAnswer, UnitAdjacencyAnswer } from '../../../../contract/scenarios';
import type { ScenarioReachAnswer } from '../../lib/api-types';
import type { JudgedWith } from '../../../../contract/standards';
import type { StreetRecord } from '../../../../core/standards/evaluate-region';
import type { UnitReach } from '../../../../core/standards/reach';
import {
  ScenarioEvaluator,
  type CommunityRecord,
  type ScenarioFacility,
  type ScenarioUnit,
  type UnitAdjacency,
} from '../../../../core/scenario/scenario-evaluator';

/**
 * What every scenario of a region shares, decoded once per region: a new judging (profile, speed,
 * tiers) brings a new answer but the same units, so the open session and its pending edits stay.
 */
export interface RegionUnits {
  regionId: string;
  units: ScenarioUnit[];
  unitIndexById: ReadonlyMap<string, number>;
  adjacency: UnitAdjacency;
  facilities: ScenarioFacility[];
  streets: StreetRecord[];
  /** Baseline community of each unit, by unit index. */
  baselineCommunityIds: readonly string[];
  /** Ids a new community may never take (the baseline's), as the server's draft is told. */
  reservedCommunityIds: ReadonlySet<string>;
}

/** One state of a scenario (or the baseline): its communities and each unit's community id. */
export interface ScenarioState {
  id: string;
  version: number;
  communities: CommunityRecord[];
  /** Community id of each unit, by unit index. */
  assignment: string[];
}

/**
 * Decodes a base64 bitset of `length` flags (bit u in byte u >> 3, least significant bit first).
 * Throws when the bitset is too short for `length` flags.
 */
export function decodeBitset(base64: string, length: number): Uint8Array {
  const binary = atob(base64);
  if (binary.length * 8 < length)
    throw new Error(`a reach bitset of ${binary.length} bytes cannot hold ${length} units`);
  const flags = new Uint8Array(length);
  for (let unit = 0; unit < length; unit += 1) flags[unit] = (binary.charCodeAt(unit >> 3) >> (unit & 7)) & 1;
  return flags;
}

export function decodeRegionUnits(answer: UnitAdjacencyAnswer): RegionUnits {
  const count = answer.unitIds.length;
  const fields = [
    'residents',
    'households',
    'elderly',
    'children',
    'areaSquareMeters',
    'perimeterMeters',
    'baselineCommunityIds',
  ] as const;
  for (const field of fields) {
    if (answer[field].length !== count)
      throw new Error(`unit-adjacency: ${field} has ${answer[field].length} entries for ${count} units`);
  }
  const units: ScenarioUnit[] = answer.unitIds.map((id, index) => ({
    id,
    residents: answer.residents[index],
    households: answer.households[index],
    elderly: answer.elderly[index],
    children: answer.children[index],
    areaSquareMeters: answer.areaSquareMeters[index],
    perimeterMeters: answer.perimeterMeters[index],
  }));
  return {
    regionId: answer.regionId,
    units,
    unitIndexById: new Map(answer.unitIds.map((id, index) => [id, index])),
    adjacency: {
      unitA: Uint32Array.from(answer.unitA),
      unitB: Uint32Array.from(answer.unitB),
      sharedMeters: Float64Array.from(answer.sharedMeters),
    },
    facilities: answer.facilities,
    streets: answer.streets,
    baselineCommunityIds: answer.baselineCommunityIds,
    reservedCommunityIds: new Set(answer.baselineCommunityIds),
  };
}

/** The walking reach of an answer, under the judging it says it was computed with. */
export interface JudgedReach {
  /** Which units meet each reach requirement; null without a walking network. */
  reach: UnitReach | null;
  judgedWith: JudgedWith;
}

export function decodeUnitReach(answer: UnitAdjacencyAnswer): JudgedReach {
  return decodeReach(answer, answer.unitIds.length);
}

/**
 * The walking reach of a scenario's answer (`GET /api/scenarios/:id/reach`), its bitsets over the
 * region's `unitCount` units in the order of the region's unit adjacency.
 */
export function decodeScenarioReach(answer: ScenarioReachAnswer, unitCount: number): JudgedReach {
  return decodeReach(answer, unitCount);
}

function decodeReach(answer: Pick<UnitAdjacencyAnswer, 'reach' | 'judgedWith'>, count: number): JudgedReach {
  return {
    reach: answer.reach && {
      tiers: answer.reach.tiers,
      speedMetersPerSecond: answer.reach.speedMetersPerSecond,
      requirements: answer.reach.requirements,
      covered: answer.reach.covered.map((bits) => decodeBitset(bits, count)),
    },
    judgedWith: answer.judgedWith,
  };
}

/** Whether an answer describes the same units, in the same order, as decoded units already held. */
export function sameUnits(region: RegionUnits, answer: UnitAdjacencyAnswer): boolean {
  return (
    region.regionId === answer.regionId &&
    region.units.length === answer.unitIds.length &&
    answer.unitIds.every((id, index) => region.units[index].id === id)
  );
}

export function decodeScenarioState(answer: ScenarioStateAnswer, unitCount: number): ScenarioState {
  if (answer.assignment.length !== unitCount) {
    throw new Error(`scenario ${answer.id}: ${answer.assignment.length} assignments for ${unitCount} units`);
  }
  const communities = answer.communities.map((community) => ({
    ...community,
    nameEn: community.nameEn ?? null,
  }));
  return {
    id: answer.id,
    version: answer.version,
    communities,
    assignment: answer.assignment.map((index) => {
      const community = communities[index];
      if (!community)
        throw new Error(
          `scenario ${answer.id}: assignment names community #${index}, which it does not have`,
        );
      return community.id;
    }),
  };
}

/** A fresh evaluator of a scenario state (O(units + adjacency)). */
export function buildEvaluator(region: RegionUnits, state: ScenarioState): ScenarioEvaluator {
  return new ScenarioEvaluator({
    units: region.units,
    adjacency: region.adjacency,
    communities: state.communities,
    assignment: state.assignment,
    facilities: region.facilities,
    streets: region.streets,
  });
}
