import { describe, expect, it } from 'vitest';
import {
  DijkstraWorkspace,
  nearestOriginTravelSeconds,
  shortestTravelSeconds,
  type TravelTimeOptions,
} from './dijkstra.js';
import { buildRoutingGraph, nodeIndexOf, type EdgeList } from './graph.js';
import { seededRandom, syntheticGrid } from './synthetic-grid.js';
import { STEPS_COST_FACTOR } from './walking-profiles.js';

const ADULT: TravelTimeOptions = { speedMetersPerSecond: 1, maxSeconds: Infinity };

/** Seconds by external node id from one node (by id) at no initial cost. */
function secondsFrom(edges: EdgeList, startId: number, options: Partial<TravelTimeOptions> = {}) {
  const graph = buildRoutingGraph(edges);
  const start = { nodeIndex: nodeIndexOf(graph, startId), initialSeconds: 0 };
  const seconds = shortestTravelSeconds(graph, [start], { ...ADULT, ...options });
  return Object.fromEntries([...graph.nodeIds].map((id, index) => [id, seconds[index]]));
}

const line = { source: [1, 2, 3], target: [2, 3, 4], lengthMeters: [100, 200, 300] };

describe('shortestTravelSeconds', () => {
  it('walks a line at the given speed', () => {
    expect(secondsFrom(line, 1)).toEqual({ 1: 0, 2: 100, 3: 300, 4: 600 });
    expect(secondsFrom(line, 3, { speedMetersPerSecond: 0.8 })).toEqual({ 1: 375, 2: 250, 3: 0, 4: 375 });
  });

  it('keeps nodes exactly at the cutoff and leaves those beyond it unreached', () => {
    expect(secondsFrom(line, 1, { maxSeconds: 300 })).toEqual({ 1: 0, 2: 100, 3: 300, 4: Infinity });
    expect(secondsFrom(line, 1, { maxSeconds: 299.999 })).toEqual({ 1: 0, 2: 100, 3: Infinity, 4: Infinity });
    expect(secondsFrom(line, 1, { maxSeconds: 0 })).toEqual({ 1: 0, 2: Infinity, 3: Infinity, 4: Infinity });
  });

  it('takes the diagonal of a square unless it is steps', () => {
    const square = {
      source: [1, 2, 3, 4, 1],
      target: [2, 3, 4, 1, 3],
      lengthMeters: [100, 100, 100, 100, 141.5],
    };
    expect(secondsFrom(square, 1)).toEqual({ 1: 0, 2: 100, 3: 141.5, 4: 100 });
    const stepsDiagonal = { ...square, costFactor: [1, 1, 1, 1, STEPS_COST_FACTOR] };
    expect(secondsFrom(stepsDiagonal, 1)).toEqual({ 1: 0, 2: 100, 3: 200, 4: 100 });
    expect(secondsFrom({ ...stepsDiagonal, lengthMeters: [100, 100, 100, 100, 90] }, 1)[3]).toBe(180);
  });

  it('never reaches another component', () => {
    const twoComponents = { source: [1, 10], target: [2, 11], lengthMeters: [5, 5] };
    expect(secondsFrom(twoComponents, 1)).toEqual({ 1: 0, 2: 5, 10: Infinity, 11: Infinity });
  });

  it('takes the shorter of parallel edges, walks zero-length edges for free and ignores self-loops', () => {
    expect(secondsFrom({ source: [1, 2], target: [2, 1], lengthMeters: [50, 30] }, 1)).toEqual({
      1: 0,
      2: 30,
    });
    expect(
      secondsFrom({ source: [1, 2], target: [2, 3], lengthMeters: [0, 10] }, 1, { maxSeconds: 0 }),
    ).toEqual({
      1: 0,
      2: 0,
      3: Infinity,
    });
    expect(secondsFrom({ source: [1, 1], target: [1, 2], lengthMeters: [5, 10] }, 2)).toEqual({
      1: 10,
      2: 0,
    });
  });

  it('starts each source at its initial seconds and drops sources beyond the cutoff', () => {
    const graph = buildRoutingGraph(line);
    const options = { speedMetersPerSecond: 1, maxSeconds: 400 };
    const seconds = shortestTravelSeconds(graph, [{ nodeIndex: 0, initialSeconds: 50 }], options);
    expect([...seconds]).toEqual([50, 150, 350, Infinity]);
    const both = shortestTravelSeconds(
      graph,
      [
        { nodeIndex: 0, initialSeconds: 50 },
        { nodeIndex: 3, initialSeconds: 401 },
      ],
      options,
    );
    expect([...both]).toEqual([50, 150, 350, Infinity]);
  });

  it('refuses a bad speed, cutoff, source or workspace, naming the value', () => {
    const graph = buildRoutingGraph(line);
    const source = [{ nodeIndex: 0, initialSeconds: 0 }];
    expect(() => shortestTravelSeconds(graph, source, { speedMetersPerSecond: 0, maxSeconds: 1 })).toThrow(
      'speed 0 m/s',
    );
    expect(() => shortestTravelSeconds(graph, source, { speedMetersPerSecond: 1, maxSeconds: NaN })).toThrow(
      'maxSeconds NaN',
    );
    expect(() => shortestTravelSeconds(graph, [{ nodeIndex: 4, initialSeconds: 0 }], ADULT)).toThrow(
      'node index 4',
    );
    expect(() => shortestTravelSeconds(graph, [{ nodeIndex: 1, initialSeconds: -1 }], ADULT)).toThrow(
      'initialSeconds -1',
    );
    const otherWorkspace = new DijkstraWorkspace(buildRoutingGraph(line));
    expect(() => shortestTravelSeconds(graph, source, ADULT, otherWorkspace)).toThrow(/another graph/);
  });
});

describe('multi-source search on a random grid', () => {
  const graph = buildRoutingGraph(
    syntheticGrid({
      columns: 30,
      rows: 30,
      spacingMeters: 80,
      seed: 42,
      missingShare: 0.15,
      stepsShare: 0.1,
    }),
  );
  const random = seededRandom(4242);
  const origins = Array.from({ length: 6 }, () => [
    { nodeIndex: Math.floor(random() * graph.nodeCount), initialSeconds: random() * 60 },
  ]);
  const options = { speedMetersPerSecond: 0.8, maxSeconds: 900 };
  const singles = origins.map((sources) => shortestTravelSeconds(graph, sources, options));

  it('equals the minimum over single-source searches, node by node', () => {
    const multi = shortestTravelSeconds(graph, origins.flat(), options);
    const minimum = Float64Array.from({ length: graph.nodeCount }, (_, node) =>
      Math.min(...singles.map((s) => s[node])),
    );
    expect(multi).toEqual(minimum);
    const reached = multi.filter((seconds) => seconds < Infinity).length;
    expect(reached).toBeGreaterThan(graph.nodeCount / 4);
    expect(reached).toBeLessThan(graph.nodeCount);
  });

  it('names for each node an origin that reaches it in that time', () => {
    const { secondsByNode, originByNode } = nearestOriginTravelSeconds(graph, origins, options);
    for (let node = 0; node < graph.nodeCount; node += 1) {
      if (secondsByNode[node] === Infinity) expect(originByNode[node]).toBe(-1);
      else expect(singles[originByNode[node]][node]).toBe(secondsByNode[node]);
    }
  });

  it('gives the same answers from a reused workspace as from fresh ones', () => {
    const workspace = new DijkstraWorkspace(graph);
    const searches: [typeof origins, TravelTimeOptions][] = [
      [origins, { speedMetersPerSecond: 1, maxSeconds: Infinity }],
      [origins.slice(0, 1), { speedMetersPerSecond: 1, maxSeconds: 120 }],
      [origins.slice(2), options],
      [origins.slice(0, 1), { speedMetersPerSecond: 1, maxSeconds: 120 }],
    ];
    for (const [searchOrigins, searchOptions] of searches) {
      const reused = nearestOriginTravelSeconds(graph, searchOrigins, searchOptions, workspace);
      const fresh = nearestOriginTravelSeconds(graph, searchOrigins, searchOptions);
      expect(reused.secondsByNode).toEqual(fresh.secondsByNode);
      expect(reused.originByNode).toEqual(fresh.originByNode);
    }
  });
});
