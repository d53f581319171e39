/**
 * What a partition proposal reads: one street's units with their figures and adjacency, the
 * communities of the street with the community each unit is in now, and the facilities standing in
 * its units. The shapes are the scenario evaluator's (core/scenario/scenario-evaluator.ts), so the
 * server slices them from the region base and scenario it already holds (streetPartitionInput).
 */

import type {
  CommunityRecord,
  ScenarioFacility,
  ScenarioUnit,
  UnitAdjacency,
} from '../scenario/scenario-evaluator.js';
import type { UnitReach } from '../standards/reach.js';

export interface PartitionInput {
  streetId: string;
  /** The street's units; area and perimeter in a metric plane (the region's SRID, or spherical). */
  units: readonly ScenarioUnit[];
  /** Unit pairs sharing boundary, by index into `units`, with the length shared in metres. */
  adjacency: UnitAdjacency;
  /** Every community of the street (each record's streetId is `streetId`). */
  communities: readonly CommunityRecord[];
  /** The community each unit is in now, by unit index. */
  assignment: readonly string[];
  /**
   * Facilities standing in the street's units (service stations among them, category
   * `service_station`); omitted or null when the facility layer is unknown.
   */
  facilities?: readonly ScenarioFacility[] | null;
}

/** A region (or scenario) as the server holds it, from which one street is cut. */
export interface RegionPartitionSource {
  units: readonly ScenarioUnit[];
  adjacency: UnitAdjacency;
  communities: readonly CommunityRecord[];
  /** The community each unit of the region is in (the scenario's, or the baseline's). */
  assignment: readonly string[];
  facilities?: readonly ScenarioFacility[] | null;
}

/**
 * One street of a region as a PartitionInput, with `unitIndexes` (each street unit's index in the
 * region) to cut other per-unit arrays the same way (sliceUnitReach). Adjacency across the street's
 * edge is dropped: units never leave their street. Throws naming a unit whose community is not among
 * `region.communities` (programmer error).
 */
export function streetPartitionInput(
  region: RegionPartitionSource,
  streetId: string,
): PartitionInput & { unitIndexes: Uint32Array } {
  const streetOf = new Map(region.communities.map((community) => [community.id, community.streetId]));
  const communities = region.communities.filter((community) => community.streetId === streetId);
  const localIndex = new Int32Array(region.units.length).fill(-1);
  const unitIndexes: number[] = [];
  region.assignment.forEach((communityId, unit) => {
    const street = streetOf.get(communityId);
    if (street === undefined)
      throw new Error(`unit ${region.units[unit].id} is in community ${communityId}, which is not given`);
    if (street !== streetId) return;
    localIndex[unit] = unitIndexes.length;
    unitIndexes.push(unit);
  });
  const unitA: number[] = [];
  const unitB: number[] = [];
  const sharedMeters: number[] = [];
  for (let pair = 0; pair < region.adjacency.unitA.length; pair += 1) {
    const a = localIndex[region.adjacency.unitA[pair]];
    const b = localIndex[region.adjacency.unitB[pair]];
    if (a < 0 || b < 0) continue;
    unitA.push(a);
    unitB.push(b);
    sharedMeters.push(region.adjacency.sharedMeters[pair]);
  }
  const unitIds = new Set(unitIndexes.map((unit) => region.units[unit].id));
  return {
    streetId,
    units: unitIndexes.map((unit) => region.units[unit]),
    adjacency: {
      unitA: Uint32Array.from(unitA),
      unitB: Uint32Array.from(unitB),
      sharedMeters: Float64Array.from(sharedMeters),
    },
    communities,
    assignment: unitIndexes.map((unit) => region.assignment[unit]),
    facilities:
      region.facilities === undefined || region.facilities === null
        ? region.facilities
        : region.facilities.filter((facility) => unitIds.has(facility.unitId)),
    unitIndexes: Uint32Array.from(unitIndexes),
  };
}

/** A region's walking reach cut to the units `unitIndexes` names, in that order. */
export function sliceUnitReach(reach: UnitReach, unitIndexes: ArrayLike<number>): UnitReach {
  return {
    ...reach,
    covered: reach.covered.map((covered) => Uint8Array.from(unitIndexes, (unit) => covered[unit])),
  };
}
