/**
 * Communities seeded from `place=quarter|neighbourhood` points: each unit of a street goes to the
 * seed nearest by walking time along the network (multi-source Dijkstra, core/routing), so that a
 * community's territory is what its centre serves on foot, not a straight-line Voronoi cell that
 * ignores rivers and walls. A unit no seed reaches (another network component) goes to the nearest
 * seed in a straight line, and is counted.
 */
import { haversineDistanceMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { nearestOriginTravelSeconds } from '../routing/dijkstra.js';
import type { RoutingGraph } from '../routing/graph.js';
import { snappedPointSources, type SnappedPoint } from '../routing/snap.js';

export interface SeedAssignment {
  /** Index into the seeds for each unit. */
  seedByUnit: Int32Array;
  /** Walking seconds from the unit's seed (access walks included); Infinity where the seed was chosen by straight line. */
  secondsByUnit: Float64Array;
  /** Units no seed reaches along the network. */
  straightLineUnits: number;
}

export interface PartitionPoint {
  position: Position;
  snap: SnappedPoint;
}

/**
 * Gives each unit to the seed it is nearest by walking at `speedMetersPerSecond`, the straight
 * walks between the points and their snaps on the network included. Throws for an empty seed list.
 */
export function assignUnitsToSeeds(
  graph: RoutingGraph,
  seeds: readonly PartitionPoint[],
  units: readonly PartitionPoint[],
  speedMetersPerSecond: number,
): SeedAssignment {
  if (seeds.length === 0) throw new Error('assignUnitsToSeeds needs at least one seed');
  const travel = { speedMetersPerSecond, includeAccessWalk: true };
  const origins = seeds.map((seed) => snappedPointSources(graph, seed.snap, travel));
  const { secondsByNode, originByNode } = nearestOriginTravelSeconds(graph, origins, {
    speedMetersPerSecond,
    maxSeconds: Infinity,
  });

  const seedByUnit = new Int32Array(units.length);
  const secondsByUnit = new Float64Array(units.length);
  let straightLineUnits = 0;
  units.forEach((unit, index) => {
    const { edgeIndex, offsetMeters, distanceMeters } = unit.snap;
    const costFactor = graph.edgeCostFactor[edgeIndex];
    const accessSeconds = distanceMeters / speedMetersPerSecond;
    const ends = [
      { node: graph.edgeSource[edgeIndex], alongMeters: offsetMeters },
      { node: graph.edgeTarget[edgeIndex], alongMeters: graph.edgeLengthMeters[edgeIndex] - offsetMeters },
    ];
    let bestSeconds = Infinity;
    let bestSeed = -1;
    for (const { node, alongMeters } of ends) {
      const seconds = secondsByNode[node] + (alongMeters * costFactor) / speedMetersPerSecond + accessSeconds;
      if (seconds < bestSeconds) {
        bestSeconds = seconds;
        bestSeed = originByNode[node];
      }
    }
    // A seed on the unit's own edge may be nearer along the edge than through either end.
    seeds.forEach((seed, seedIndex) => {
      if (seed.snap.edgeIndex !== edgeIndex) return;
      const seconds =
        (seed.snap.distanceMeters + Math.abs(seed.snap.offsetMeters - offsetMeters) * costFactor) /
          speedMetersPerSecond +
        accessSeconds;
      if (seconds < bestSeconds) {
        bestSeconds = seconds;
        bestSeed = seedIndex;
      }
    });
    if (bestSeed < 0) {
      straightLineUnits += 1;
      let nearest = 0;
      seeds.forEach((seed, seedIndex) => {
        if (
          haversineDistanceMeters(seed.position, unit.position) <
          haversineDistanceMeters(seeds[nearest].position, unit.position)
        )
          nearest = seedIndex;
      });
      bestSeed = nearest;
      bestSeconds = Infinity;
    }
    seedByUnit[index] = bestSeed;
    secondsByUnit[index] = bestSeconds;
  });
  return { seedByUnit, secondsByUnit, straightLineUnits };
}
