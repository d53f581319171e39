import { describe, expect, it } from 'vitest';
import type { CommunityRecord, ScenarioFacility } from '../scenario/scenario-evaluator.js';
import { squareLattice } from '../scenario/test-lattice.js';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import type { UnitReach } from '../standards/reach.js';
import { sliceUnitReach, streetPartitionInput } from './partition-input.js';

const record = (id: string, streetId: string): CommunityRecord => ({
  id,
  name: id,
  nameEn: null,
  type: 'urban',
  streetId,
  isTownshipSeat: false,
  ...NO_SURVEYED_FIGURES,
});

describe('streetPartitionInput', () => {
  // A 4 × 2 lattice: columns 0–1 are community a (street west), columns 2–3 communities b and c (street east).
  const { units, adjacency } = squareLattice(4, 2, () => ({
    residents: 10,
    households: 4,
    elderly: 1,
    children: 1,
  }));
  const assignment = units.map((_, u) => (u % 4 < 2 ? 'a' : u < 4 ? 'b' : 'c'));
  const communities = [record('a', 'west'), record('b', 'east'), record('c', 'east')];
  const facilities: ScenarioFacility[] = ['u-0-0', 'u-3-1'].map((unitId, k) => ({
    id: `f${k}`,
    category: 'service_station',
    unitId,
    floorAreaSquareMeters: null,
    landAreaSquareMeters: null,
    xMeters: null,
    yMeters: null,
  }));

  it('cuts one street out of a region: its units, the adjacency among them, its communities and facilities', () => {
    const east = streetPartitionInput({ units, adjacency, communities, assignment, facilities }, 'east');
    expect(east.units.map((unit) => unit.id)).toEqual(['u-2-0', 'u-3-0', 'u-2-1', 'u-3-1']);
    expect(Array.from(east.unitIndexes)).toEqual([2, 3, 6, 7]);
    expect(east.assignment).toEqual(['b', 'b', 'c', 'c']);
    expect(east.communities.map((c) => c.id)).toEqual(['b', 'c']);
    expect(east.facilities!.map((f) => f.id)).toEqual(['f1']);
    // Within the street: 2–3, 2–6, 3–7, 6–7; the pairs across to street west are dropped.
    const pairs = Array.from(east.adjacency.unitA, (a, p) => [a, east.adjacency.unitB[p]].sort().join('-'));
    expect(pairs.sort()).toEqual(['0-1', '0-2', '1-3', '2-3']);
  });

  it('cuts per-unit reach the same way', () => {
    const reach: UnitReach = {
      tiers: {},
      speedMetersPerSecond: 1,
      requirements: [{ key: 'k', allOf: [] }],
      covered: [Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1])],
    };
    expect(Array.from(sliceUnitReach(reach, [2, 3, 6, 7]).covered[0])).toEqual([1, 0, 0, 1]);
  });

  it('throws naming a unit in a community not given', () => {
    expect(() =>
      streetPartitionInput({ units, adjacency, communities: communities.slice(1), assignment }, 'east'),
    ).toThrow('unit u-0-0 is in community a, which is not given');
  });
});
