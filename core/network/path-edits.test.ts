import { describe, expect, it } from 'vitest';
import type { NetworkInput } from '../accessibility/accessibility-types.js';
import type { Position } from '../geometry/position.js';
import { shortestTravelSeconds } from '../routing/dijkstra.js';
import { buildRoutingGraph, nodeIndexOf } from '../routing/graph.js';
import { ADDED_PATH_EDGE_CLASS, PathNetwork, type IdentifiedNetwork } from './path-edits.js';

/** ~100 m in degrees of latitude and, at 28.3°N, of longitude. */
const DY = 100 / 111_320;
const DX = DY / Math.cos((28.3 * Math.PI) / 180);
const at = (column: number, row: number): Position => [109.7 + column * DX, 28.3 + row * DY];

/**
 * Two horizontal streets (rows 0 and 2) from column 0 to 2, joined by one vertical street at column 0:
 * nodes 1 (0,0) 2 (1,0) 3 (2,0), 4 (0,2) 5 (1,2) 6 (2,2); edges 10–11 along row 0, 20–21 along
 * row 2, 30 from node 1 to node 4. Each edge is 100 m (200 m for 30).
 */
function network(): IdentifiedNetwork {
  const edges: [number, number, number, Position, Position][] = [
    [10, 1, 2, at(0, 0), at(1, 0)],
    [11, 2, 3, at(1, 0), at(2, 0)],
    [20, 4, 5, at(0, 2), at(1, 2)],
    [21, 5, 6, at(1, 2), at(2, 2)],
    [30, 1, 4, at(0, 0), at(0, 2)],
  ];
  return {
    edgeIds: edges.map((edge) => edge[0]),
    source: edges.map((edge) => edge[1]),
    target: edges.map((edge) => edge[2]),
    lengthMeters: edges.map((edge) => (edge[0] === 30 ? 200 : 100)),
    edgeClass: edges.map(() => 'street'),
    lines: edges.map((edge) => [edge[3], edge[4]]),
  };
}

/** Walking metres (at 1 m/s: seconds) between two node ids of a built network. */
function metersBetweenNodes(built: NetworkInput, from: number, to: number) {
  const graph = buildRoutingGraph(built);
  const seconds = shortestTravelSeconds(graph, [{ nodeIndex: nodeIndexOf(graph, from), initialSeconds: 0 }], {
    speedMetersPerSecond: 1,
    maxSeconds: 10_000,
  });
  return seconds[nodeIndexOf(graph, to)];
}

describe('PathNetwork', () => {
  it('joins a footbridge whose ends lie beside two streets, shortening the walk between them', () => {
    const paths = new PathNetwork(network());
    // From 5 m above street 11 to 5 m below street 21, at column 1.5.
    const line: Position[] = [
      [at(1.5, 0)[0], at(1.5, 0)[1] + 5 / 111_320],
      [at(1.5, 2)[0], at(1.5, 2)[1] - 5 / 111_320],
    ];
    expect(paths.add({ id: 'p-1', name: '人行桥', coordinates: line })).toBe(2);
    const { network: built, summary } = paths.build();
    expect(summary).toMatchObject({ splitEdges: 2, closedEdges: 0, junctions: 2 });
    // Streets 11 and 21 are cut in two; their pieces keep the street's length in total.
    expect(built.lengthMeters.slice(0, 6).reduce((a, b) => a + b, 0)).toBeCloseTo(400, 6);
    const added = built.edgeClass.flatMap((edgeClass, edge) =>
      edgeClass === ADDED_PATH_EDGE_CLASS ? [edge] : [],
    );
    expect(added).toHaveLength(1);
    // The path with its two 5 m connectors: ~200 m from street to street.
    expect(built.lengthMeters[added[0]]).toBeGreaterThan(199);
    expect(built.lengthMeters[added[0]]).toBeLessThan(201);
    // Node 3 to node 6 was 100 + 200 + 200 + 100 = 600 m around; now 50 + 200 + 50 = 300 m.
    expect(metersBetweenNodes(network(), 3, 6)).toBeCloseTo(600, 6);
    expect(metersBetweenNodes(built, 3, 6)).toBeCloseTo(300, 0);
  });

  it('joins a path at every crossing, and at an existing node without cutting the edge there', () => {
    const paths = new PathNetwork(network());
    // Vertical through node 2 (1,0) and across street 20–21 at node 5 (1,2), from (1,-1) to (1,3).
    expect(paths.add({ id: 'p-1', name: null, coordinates: [at(1, -1), at(1, 3)] })).toBe(2);
    const { network: built, summary } = paths.build();
    expect(summary.splitEdges).toBe(0);
    expect(built.source.length).toBe(5 + 3);
    expect(metersBetweenNodes(built, 2, 5)).toBeCloseTo(200, 0);
  });

  it('crosses a path added before, joining both there', () => {
    const paths = new PathNetwork(network());
    expect(paths.add({ id: 'p-1', name: null, coordinates: [at(1.5, -0.5), at(1.5, 1)] })).toBe(1);
    // From the vertical street (x = 0) across p-1 at (1.5, 0.5).
    expect(paths.add({ id: 'p-2', name: null, coordinates: [at(0, 0.5), at(2, 0.5)] })).toBe(2);
    const { network: built } = paths.build();
    // p-1 is cut in three (street 11 and p-2), p-2 in two (p-1), street 30 and street 11 in two.
    expect(built.edgeClass.filter((edgeClass) => edgeClass === ADDED_PATH_EDGE_CLASS)).toHaveLength(5);
    // From node 4 down street 30 to y = 0.5 (150 m), along p-2 to p-1 (150 m), down to street 11 (50 m), to node 3 (50 m).
    expect(metersBetweenNodes(built, 4, 3)).toBeCloseTo(400, 0);
  });

  it('refuses a path that meets no open edge, and closes edges', () => {
    const paths = new PathNetwork(network());
    expect(paths.isEdge(30)).toBe(true);
    expect(paths.isEdge(99)).toBe(false);
    expect(paths.add({ id: 'far', name: null, coordinates: [at(5, 5), at(6, 5)] })).toBe(0);
    // Beside street 30 only, 10 m off: once 30 is closed, nothing is near.
    const beside: Position[] = [
      [at(0, 1)[0] + 10 / (111_320 * Math.cos((28.3 * Math.PI) / 180)), at(0, 1)[1]],
      at(0.5, 1),
    ];
    const closed = new PathNetwork(network());
    closed.close(30);
    expect(closed.add({ id: 'p', name: null, coordinates: beside })).toBe(0);
    const { network: built, summary } = closed.build();
    expect(summary.closedEdges).toBe(1);
    expect(built.source).toHaveLength(4);
    expect(metersBetweenNodes(built, 1, 4)).toBe(Infinity);
    expect(new PathNetwork(network()).add({ id: 'p', name: null, coordinates: beside })).toBe(1);
  });
});
