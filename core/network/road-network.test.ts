import { describe, expect, it } from 'vitest';
import { buildRoadNetwork, summarizeRoadNetwork, type CentrelineInput } from './road-network.js';

const line = (featureId: string, coordinates: [number, number][], bridge = false): CentrelineInput => ({
  featureId,
  lines: [coordinates],
  edgeClass: 'street',
  bridge,
});

describe('buildRoadNetwork', () => {
  it('splits lines where they share a vertex', () => {
    const network = buildRoadNetwork([
      line('a', [
        [110, 28],
        [110.001, 28],
        [110.002, 28],
      ]),
      line('b', [
        [110.001, 27.999],
        [110.001, 28],
        [110.001, 28.001],
      ]),
    ]);
    expect(network.edges.length).toBe(4);
    expect(network.nodes.length).toBe(5);
    expect(network.componentNodeCounts).toEqual([5]);
    const junction = network.nodes.find((node) => node.lon === 110.001 && node.lat === 28)!;
    expect(
      network.edges.filter((edge) => edge.source === junction.id || edge.target === junction.id).length,
    ).toBe(4);
    // ~98 m per 0.001° of longitude at 28°N.
    expect(network.edges[0].lengthMeters).toBeGreaterThan(97);
    expect(network.edges[0].lengthMeters).toBeLessThan(99);
  });

  it('leaves lines that cross without a shared vertex apart (a bridge)', () => {
    const network = buildRoadNetwork([
      line('road', [
        [110, 28],
        [110.002, 28],
      ]),
      line(
        'bridge',
        [
          [110.001, 27.999],
          [110.001, 28.001],
        ],
        true,
      ),
    ]);
    expect(network.edges.length).toBe(2);
    expect(network.componentNodeCounts).toEqual([2, 2]);
    expect(network.edges[1].bridge).toBe(true);
  });

  it('splits a ring road in two and drops degenerate loops and repeated vertices', () => {
    const network = buildRoadNetwork([
      line('ring', [
        [110, 28],
        [110.001, 28],
        [110.001, 28.001],
        [110, 28.001],
        [110, 28],
      ]),
      line('stub', [
        [110, 28],
        [110, 28],
        [110, 28],
      ]),
      line('spike', [
        [110.01, 28],
        [110.011, 28],
        [110.01, 28],
      ]),
    ]);
    expect(network.edges.filter((edge) => edge.featureId === 'ring').length).toBe(2);
    expect(network.droppedLines).toBe(1);
    for (const edge of network.edges) expect(edge.source).not.toBe(edge.target);
  });
});

describe('summarizeRoadNetwork', () => {
  it('counts edges, nodes and pieces, the largest first, and the length in whole metres', () => {
    const network = buildRoadNetwork([
      line('a', [
        [110, 28],
        [110.001, 28],
      ]),
      line('b', [
        [111, 28],
        [111.001, 28],
        [111.002, 28],
      ]),
    ]);
    const summary = summarizeRoadNetwork(network);
    expect(summary).toMatchObject({ edges: 2, nodes: 4, components: 2, largestComponentNodes: 2 });
    expect(summary.lengthMeters).toBe(
      Math.round(network.edges[0].lengthMeters + network.edges[1].lengthMeters),
    );
    expect(summarizeRoadNetwork(buildRoadNetwork([]))).toEqual({
      edges: 0,
      nodes: 0,
      components: 0,
      largestComponentNodes: 0,
      lengthMeters: 0,
    });
  });
});
