import { describe, expect, it } from 'vitest';
import { shortestTravelSeconds } from './dijkstra.js';
import { buildRoutingGraph } from './graph.js';
import {
  buildSnapIndex,
  snappedPointSources,
  snapToNetwork,
  travelSecondsToSnappedPoint,
  type SnappedPoint,
} from './snap.js';
import { seededRandom } from './synthetic-grid.js';
import { STEPS_COST_FACTOR } from './walking-profiles.js';

// Meters per degree in snap.ts's equirectangular frame, near 28.3°N.
const METERS_PER_DEGREE_LAT = (6_371_008.8 * Math.PI) / 180;
const METERS_PER_DEGREE_LON = METERS_PER_DEGREE_LAT * Math.cos((28.3 * Math.PI) / 180);

/**
 * Edge 0 runs from node 1 at [109.7, 28.3] ~97.9 m east to a bend, then ~111.2 m north to node 2;
 * edge 1 (steps) carries on north to node 3; edge 2 links nodes 1 and 3 straight.
 */
function bentLines() {
  return [
    [
      [109.7, 28.3],
      [109.701, 28.3],
      [109.701, 28.301],
    ],
    [
      [109.701, 28.301],
      [109.701, 28.302],
    ],
    [
      [109.7, 28.3],
      [109.701, 28.302],
    ],
  ];
}

function bentNetwork() {
  const graph = buildRoutingGraph({
    source: [1, 2, 1],
    target: [2, 3, 3],
    lengthMeters: [209, 111, 245],
    costFactor: [1, STEPS_COST_FACTOR, 1],
  });
  return { graph, index: buildSnapIndex(graph, bentLines()) };
}

describe('snapToNetwork', () => {
  const { graph, index } = bentNetwork();

  it('projects onto the nearest segment of a bent polyline and measures the offset along it', () => {
    // 0.0002° east of the northward leg, halfway up it.
    const snapped = snapToNetwork(index, 109.7012, 28.3005)!;
    expect(snapped.edgeIndex).toBe(0);
    expect(snapped.distanceMeters).toBeCloseTo(0.0002 * METERS_PER_DEGREE_LON, 1);
    const alongMeters = 0.001 * METERS_PER_DEGREE_LON + 0.0005 * METERS_PER_DEGREE_LAT;
    const polylineMeters = 0.001 * METERS_PER_DEGREE_LON + 0.001 * METERS_PER_DEGREE_LAT;
    expect(snapped.fraction).toBeCloseTo(alongMeters / polylineMeters, 4);
    // Offsets are in the edge's own length (209 m), not the polyline's measured length.
    expect(snapped.offsetMeters).toBe(snapped.fraction * 209);
    expect(snapped.offsetMeters).toBeCloseTo((alongMeters / polylineMeters) * 209, 3);
  });

  it('snaps a point past an end onto that end, and the bend itself at its offset', () => {
    expect(snapToNetwork(index, 109.6995, 28.2995)).toMatchObject({ fraction: 0, offsetMeters: 0 });
    const north = snapToNetwork(index, 109.701, 28.3025)!;
    expect(north).toMatchObject({ edgeIndex: 1, fraction: 1, offsetMeters: 111 });
    const bend = snapToNetwork(index, 109.701, 28.2999)!;
    expect(bend.edgeIndex).toBe(0);
    expect(bend.distanceMeters).toBeCloseTo(0.0001 * METERS_PER_DEGREE_LAT, 1);
    expect(bend.offsetMeters).toBeCloseTo((97.9 / 209.1) * 209, 0);
  });

  it('returns null when no edge lies within the maximum distance', () => {
    expect(snapToNetwork(index, 109.7012, 28.3005, 20)).not.toBeNull();
    expect(snapToNetwork(index, 109.7012, 28.3005, 15)).toBeNull();
    expect(snapToNetwork(index, 110, 29, 1000)).toBeNull();
  });

  it('finds the same nearest distance as checking every segment', () => {
    const random = seededRandom(99);
    const lines = Array.from({ length: 300 }, () => {
      const vertexCount = 2 + Math.floor(random() * 3);
      let lon = 109.7 + random() * 0.02;
      let lat = 28.3 + random() * 0.02;
      return Array.from({ length: vertexCount }, () => [
        (lon += (random() - 0.5) * 0.002),
        (lat += (random() - 0.5) * 0.002),
      ]);
    });
    const randomGraph = buildRoutingGraph({
      source: lines.map((_, edge) => 2 * edge),
      target: lines.map((_, edge) => 2 * edge + 1),
      lengthMeters: lines.map(() => 100),
    });
    const randomIndex = buildSnapIndex(randomGraph, lines);
    for (let trial = 0; trial < 200; trial += 1) {
      const lon = 109.69 + random() * 0.04;
      const lat = 28.29 + random() * 0.04;
      const toMeters = ([x, y]: number[]) => [
        (x - lon) * METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180),
        (y - lat) * METERS_PER_DEGREE_LAT,
      ];
      let nearest = Infinity;
      for (const line of lines) {
        for (let i = 0; i + 1 < line.length; i += 1) {
          const [ax, ay] = toMeters(line[i]);
          const [bx, by] = toMeters(line[i + 1]);
          const t = Math.min(
            1,
            Math.max(0, -(ax * (bx - ax) + ay * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
          );
          nearest = Math.min(nearest, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
        }
      }
      expect(snapToNetwork(randomIndex, lon, lat)!.distanceMeters).toBeCloseTo(nearest, 9);
    }
  });

  it('refuses polylines that do not match the graph, naming the edge', () => {
    expect(() => buildSnapIndex(graph, [])).toThrow('0 edge polylines for a graph of 3 edges');
    expect(() => buildSnapIndex(graph, [[[109.7, 28.3]], [], []])).toThrow(
      'edge #0: a polyline needs 2 vertices, not 1',
    );
    const swapped = [
      [
        [28.3, 109.7],
        [28.3, 109.701],
      ],
      ...bentLines().slice(1),
    ];
    expect(() => buildSnapIndex(graph, swapped)).toThrow('edge #0: vertex 0 [28.3, 109.7] is not a position');
  });
});

describe('travel to and from snapped points', () => {
  const { graph } = bentNetwork();
  const at = (edgeIndex: number, offsetMeters: number, distanceMeters = 0): SnappedPoint => ({
    edgeIndex,
    offsetMeters,
    distanceMeters,
    fraction: offsetMeters / graph.edgeLengthMeters[edgeIndex],
  });
  const walk = { speedMetersPerSecond: 1, includeAccessWalk: false };
  const walkWithAccess = { speedMetersPerSecond: 1, includeAccessWalk: true };

  it('starts from both ends of the edge, the access walk added when asked, steps at their factor', () => {
    expect(snappedPointSources(graph, at(0, 9, 20), walk)).toEqual([
      { nodeIndex: 0, initialSeconds: 9 },
      { nodeIndex: 1, initialSeconds: 200 },
    ]);
    expect(snappedPointSources(graph, at(0, 9, 20), walkWithAccess).map((s) => s.initialSeconds)).toEqual([
      29, 220,
    ]);
    expect(snappedPointSources(graph, at(1, 11, 0), { ...walk, speedMetersPerSecond: 0.8 })).toEqual([
      { nodeIndex: 1, initialSeconds: 27.5 },
      { nodeIndex: 2, initialSeconds: 250 },
    ]);
  });

  it('reaches a snapped point through the quicker end of its edge', () => {
    const facility = at(2, 45, 10);
    const seconds = shortestTravelSeconds(graph, snappedPointSources(graph, facility, walkWithAccess), {
      speedMetersPerSecond: 1,
      maxSeconds: Infinity,
    });
    // Facility 10 m off edge 2, 45 m from node 1 and 200 m from node 3.
    expect([...seconds]).toEqual([55, 264, 210]);
    // A unit 5 m off edge 1 (steps, ×2), 100 m up from node 2: via node 3 (210 + 2 × 11) beats node 2 (264 + 200).
    expect(travelSecondsToSnappedPoint(graph, seconds, at(1, 100, 5), walkWithAccess)).toBe(237);
    expect(travelSecondsToSnappedPoint(graph, seconds, at(1, 100, 5), walk)).toBe(232);
    expect(travelSecondsToSnappedPoint(graph, new Float64Array(3).fill(Infinity), at(1, 100), walk)).toBe(
      Infinity,
    );
  });

  it('walks straight along a shared edge from a snapped origin', () => {
    const facility = at(0, 100);
    const seconds = shortestTravelSeconds(graph, snappedPointSources(graph, facility, walk), {
      speedMetersPerSecond: 1,
      maxSeconds: Infinity,
    });
    // Without the origin: back to node 2 (109 s) and down 99 m.
    expect(travelSecondsToSnappedPoint(graph, seconds, at(0, 110), walk)).toBe(208);
    expect(travelSecondsToSnappedPoint(graph, seconds, at(0, 110), walk, facility)).toBe(10);
    expect(travelSecondsToSnappedPoint(graph, seconds, at(0, 110, 3), walkWithAccess, at(0, 100, 4))).toBe(
      17,
    );
  });
});
