import { describe, expect, it } from 'vitest';
import { buildRoutingGraph, nodeIndexOf, routingGraphMemoryBytes, type RoutingGraph } from './graph.js';
import { syntheticGrid } from './synthetic-grid.js';

const BIG_ID = Number.MAX_SAFE_INTEGER;

/** Each node's neighbours as [neighbour id, cost meters, edge index], sorted, keyed by node id. */
function adjacency(graph: RoutingGraph) {
  const byNode: Record<number, [number, number, number][]> = {};
  for (let node = 0; node < graph.nodeCount; node += 1) {
    const list: [number, number, number][] = [];
    for (let halfEdge = graph.offsets[node]; halfEdge < graph.offsets[node + 1]; halfEdge += 1) {
      list.push([
        graph.nodeIds[graph.neighbours[halfEdge]],
        graph.neighbourCostMeters[halfEdge],
        graph.neighbourEdge[halfEdge],
      ]);
    }
    byNode[graph.nodeIds[node]] = list.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  }
  return byNode;
}

describe('buildRoutingGraph', () => {
  it('maps large sparse ids to dense indexes and stores each edge both ways', () => {
    const graph = buildRoutingGraph({
      source: [BIG_ID, 5, 5, 5, 40],
      target: [5, 40, 40, 5, 0],
      lengthMeters: [10, 20, 15, 3, 0],
      costFactor: [1, 1, 2, 1, 1],
    });
    expect(graph.nodeCount).toBe(4);
    expect(graph.edgeCount).toBe(5);
    expect([...graph.nodeIds]).toEqual([0, 5, 40, BIG_ID]);
    expect(nodeIndexOf(graph, BIG_ID)).toBe(3);
    expect(nodeIndexOf(graph, 6)).toBe(-1);
    // The self-loop (edge 3) has no half-edges; both parallel edges 5–40 stay, the steps one at 2 × 15 m.
    expect(adjacency(graph)).toEqual({
      0: [[40, 0, 4]],
      5: [
        [40, 20, 1],
        [40, 30, 2],
        [BIG_ID, 10, 0],
      ],
      40: [
        [0, 0, 4],
        [5, 20, 1],
        [5, 30, 2],
      ],
      [BIG_ID]: [[5, 10, 0]],
    });
    expect(graph.offsets[graph.nodeCount]).toBe(8);
    expect([graph.edgeSource[3], graph.edgeTarget[3]]).toEqual([1, 1]);
    expect([...graph.edgeLengthMeters]).toEqual([10, 20, 15, 3, 0]);
    expect(graph.nodeLon).toBeNull();
  });

  it('accepts typed arrays and places node coordinates by id, ignoring nodes off the network', () => {
    const graph = buildRoutingGraph(
      {
        source: new Int32Array([1, 2]),
        target: new Int32Array([2, 3]),
        lengthMeters: new Float64Array([1, 1]),
      },
      { id: [3, 99, 1, 2], lon: [109.3, 0, 109.1, 109.2], lat: [28.3, 0, 28.1, 28.2] },
    );
    expect([...graph.nodeLon!]).toEqual([109.1, 109.2, 109.3]);
    expect([...graph.nodeLat!]).toEqual([28.1, 28.2, 28.3]);
    expect([...graph.edgeCostFactor]).toEqual([1, 1]);
    expect(() =>
      buildRoutingGraph({ source: [1], target: [2], lengthMeters: [1] }, { id: [1], lon: [0], lat: [0] }),
    ).toThrow('node 2 has no coordinates');
  });

  it('throws naming the edge for ids, lengths and factors it cannot route on', () => {
    const build = (edge: { source?: number; target?: number; lengthMeters?: number; costFactor?: number }) =>
      buildRoutingGraph({
        source: [1, edge.source ?? 1],
        target: [2, edge.target ?? 2],
        lengthMeters: [1, edge.lengthMeters ?? 1],
        costFactor: [1, edge.costFactor ?? 1],
      });
    expect(() => build({ target: 2 ** 53 })).toThrow(
      'edge #1: node id 9007199254740992 is not a safe integer',
    );
    expect(() => build({ source: 1.5 })).toThrow('edge #1: node id 1.5');
    expect(() => build({ lengthMeters: -1 })).toThrow('edge #1: length -1 m');
    expect(() => build({ lengthMeters: NaN })).toThrow('edge #1: length NaN m');
    expect(() => build({ costFactor: 0 })).toThrow('edge #1: cost factor 0');
    expect(() => buildRoutingGraph({ source: [1, 2], target: [2], lengthMeters: [1, 1] })).toThrow(
      /differ in length/,
    );
  });

  it('holds a 100 000-edge network in well under 100 MB', () => {
    const edges = syntheticGrid({ columns: 225, rows: 224, spacingMeters: 80, seed: 1 });
    const graph = buildRoutingGraph(edges);
    expect(graph.edgeCount).toBeGreaterThanOrEqual(100_000);
    expect(graph.nodeCount).toBe(225 * 224);
    expect(routingGraphMemoryBytes(graph)).toBeLessThan(100 * 1024 * 1024);
    // Typed arrays only: 56 bytes per edge and 12 per node.
    expect(routingGraphMemoryBytes(graph)).toBeLessThan(10 * 1024 * 1024);
  });
});
