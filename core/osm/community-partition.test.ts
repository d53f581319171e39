import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters, lineStringLengthMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { buildRoutingGraph } from '../routing/graph.js';
import { buildSnapIndex, snapToNetwork } from '../routing/snap.js';
import { assignUnitsToSeeds } from './community-partition.js';

const at = (column: number, row: number): Position => [117 + column * 0.001, 28 + row * 0.001];

// A U-shaped road: up the west bank, across a bridge at the top, down the east bank; the river
// between the banks has no other crossing. A separate path lies far to the east.
const lines: Position[][] = [
  [at(0, 0), at(0, 10)],
  [at(0, 10), at(2, 10)],
  [at(2, 10), at(2, 0)],
  [at(10, 0), at(10, 1)],
];
const graph = buildRoutingGraph({
  source: [1, 2, 3, 5],
  target: [2, 3, 4, 6],
  lengthMeters: lines.map(lineStringLengthMeters),
});
const snapIndex = buildSnapIndex(graph, lines);
const point = (position: Position) => ({
  position,
  snap: snapToNetwork(snapIndex, position[0], position[1])!,
});

describe('assignUnitsToSeeds', () => {
  const seedA = point(at(0, 0));
  const seedB = point(at(1.1, 0.5)); // on the east bank's side of the river
  const westBankUnit = point(at(0.1, 5));

  it('gives a unit to the seed nearest on foot, not the one nearest in a straight line', () => {
    expect(haversineDistanceMeters(westBankUnit.position, seedB.position)).toBeLessThan(
      haversineDistanceMeters(westBankUnit.position, seedA.position),
    );
    const assignment = assignUnitsToSeeds(graph, [seedA, seedB], [westBankUnit, point(at(1.9, 3))], 1);
    expect([...assignment.seedByUnit]).toEqual([0, 1]);
    expect(assignment.straightLineUnits).toBe(0);
    // About 500 m up the west bank plus a ~10 m step onto it.
    expect(assignment.secondsByUnit[0]).toBeGreaterThan(550);
    expect(assignment.secondsByUnit[0]).toBeLessThan(570);
  });

  it('walks along a shared edge when seed and unit are on it', () => {
    const assignment = assignUnitsToSeeds(graph, [point(at(0, 3)), point(at(2, 5))], [point(at(0, 4))], 1);
    expect(assignment.seedByUnit[0]).toBe(0);
    expect(assignment.secondsByUnit[0]).toBeCloseTo(haversineDistanceMeters(at(0, 3), at(0, 4)), 0);
  });

  it('falls back to the straight line for units no seed reaches, and counts them', () => {
    const assignment = assignUnitsToSeeds(graph, [seedA, seedB], [point(at(10, 0.5))], 1);
    expect([...assignment.seedByUnit]).toEqual([1]);
    expect(assignment.secondsByUnit[0]).toBe(Infinity);
    expect(assignment.straightLineUnits).toBe(1);
  });

  it('needs a seed', () => {
    expect(() => assignUnitsToSeeds(graph, [], [westBankUnit], 1)).toThrow(/at least one seed/);
  });
});
