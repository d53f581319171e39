import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import { documentOf } from '../osm/test-documents.js';
import { buildWalkingNetwork } from './osm-walking-network.js';

describe('buildWalkingNetwork', () => {
  it('splits ways where walkable ways share a node, not where they merely pass a non-walkable one', () => {
    // A street 1-2-3-4 crossed at 2 by a footway 5-2-6, and touched at 3 by a motorway 7-3.
    const document = documentOf({
      nodes: [
        [1, 0, 0],
        [2, 1, 0],
        [3, 2, 0],
        [4, 3, 0],
        [5, 1, -1],
        [6, 1, 1],
        [7, 2, 1],
      ],
      ways: [
        [100, [1, 2, 3, 4], { highway: 'residential' }],
        [101, [5, 2, 6], { highway: 'footway' }],
        [102, [7, 3], { highway: 'motorway' }],
      ],
    });
    const network = buildWalkingNetwork(document);
    expect(network.edges.map((edge) => [edge.wayId, edge.source, edge.target, edge.edgeClass])).toEqual([
      [100, 1, 2, 'street'],
      [100, 2, 4, 'street'],
      [101, 5, 2, 'footway'],
      [101, 2, 6, 'footway'],
    ]);
    expect(network.edges[1].coordinates).toHaveLength(3);
    expect(network.walkableWayCount).toBe(2);
    expect(network.nodeCount).toBe(5);
    expect(network.skippedWays).toEqual({
      'highway=motorway: motorway (pedestrians barred)': { count: 1, examples: ['way 102'] },
    });
  });

  it('measures each edge by the haversine length of its line', () => {
    const document = documentOf({
      nodes: [
        [1, 0, 0],
        [2, 1, 0],
        [3, 1, 1],
      ],
      ways: [[100, [1, 2, 3], { highway: 'path' }]],
    });
    const [edge] = buildWalkingNetwork(document).edges;
    const expected =
      haversineDistanceMeters([117, 28], [117.001, 28]) +
      haversineDistanceMeters([117.001, 28], [117.001, 28.001]);
    expect(edge.lengthMeters).toBeCloseTo(expected, 9);
    expect(edge.lengthMeters).toBeGreaterThan(200);
  });

  it('cuts a loop that meets the rest at one node into two edges, so its far side is a node', () => {
    const document = documentOf({
      nodes: [
        [1, 0, 0],
        [2, 1, 0],
        [3, 2, 0],
        [4, 2, 1],
        [5, 1, 1],
      ],
      ways: [
        [100, [1, 2], { highway: 'residential' }],
        [101, [2, 3, 4, 5, 2], { highway: 'service' }],
      ],
    });
    const edges = buildWalkingNetwork(document).edges;
    expect(edges.map((edge) => [edge.source, edge.target])).toEqual([
      [1, 2],
      [2, 4],
      [4, 2],
    ]);
  });

  it('cuts ways at nodes missing from the file and keeps separate components', () => {
    const document = documentOf({
      nodes: [
        [1, 0, 0],
        [2, 1, 0],
        [4, 3, 0],
        [5, 4, 0],
        [8, 0, 5],
        [9, 1, 5],
      ],
      ways: [
        [100, [1, 2, 3, 4, 5], { highway: 'footway' }],
        [101, [8, 9], { highway: 'steps' }],
      ],
    });
    const network = buildWalkingNetwork(document);
    expect(network.edges.map((edge) => [edge.source, edge.target])).toEqual([
      [1, 2],
      [4, 5],
      [8, 9],
    ]);
    expect(network.waysCut['references nodes missing from the file (cut there)'].examples).toEqual([
      'way 100',
    ]);
    expect(network.components).toEqual({ count: 3, nodeCounts: [2, 2, 2] });
    expect(network.edgeCountByClass).toEqual({ footway: 2, steps: 1 });
  });
});
