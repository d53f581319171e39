import { describe, expect, it } from 'vitest';
import type { Position } from '../../../core/geometry/position.js';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { ProblemLog } from '../../../core/import/import-problems.js';
import { buildImportNetwork } from './import-network.js';

const road = (
  index: number,
  coordinates: Position[],
  properties: Record<string, unknown> = {},
): ImportFeature => ({
  index,
  location: `feature #${index}`,
  id: `r${index}`,
  geometry: { type: 'LineString', coordinates },
  properties: { class: 'street', bridge: false, ...properties },
  hasErrors: false,
});

describe('buildImportNetwork', () => {
  it('splits the roads into edges, each of its class, leaving out features with errors', () => {
    const log = new ProblemLog('network');
    const network = buildImportNetwork(
      [
        road(
          0,
          [
            [110, 28],
            [110.001, 28],
            [110.002, 28],
          ],
          { class: 'footway' },
        ),
        road(
          1,
          [
            [110.001, 27.999],
            [110.001, 28],
          ],
          { class: 'not-a-class', bridge: true },
        ),
        {
          ...road(2, [
            [111, 29],
            [111.001, 29],
          ]),
          hasErrors: true,
        },
      ],
      { edgesBefore: 0, replace: false },
      log,
    );
    expect(network.edges.map((edge) => [edge.featureId, edge.edgeClass, edge.bridge])).toEqual([
      ['r0', 'footway', false],
      ['r0', 'footway', false],
      ['r1', 'street', true],
    ]);
    expect(log.problems).toEqual([]);
  });

  it('refuses to add to a network, and warns of separate pieces and dropped loops', () => {
    const log = new ProblemLog('network');
    buildImportNetwork(
      [
        road(0, [
          [110, 28],
          [110.001, 28],
        ]),
        road(1, [
          [111, 28],
          [111.001, 28],
        ]),
        road(2, [
          [112, 28],
          [112.001, 28],
          [112, 28],
        ]),
      ],
      { edgesBefore: 40, replace: false },
      log,
    );
    expect(log.problems.map((problem) => [problem.severity, problem.code])).toEqual([
      ['error', 'id-exists'],
      ['warning', 'geometry-malformed'],
      ['warning', 'derived'],
    ]);
    expect(log.problems[0].message).toBe(
      'the region has a network of 40 edges: a network is replaced as a whole (pass --replace)',
    );
    expect(log.problems[2].message).toMatch(
      /^field "geometry": the network has 2 separate pieces \(largest 2 of 4 nodes\)/,
    );
  });

  it('reports a network with no usable line as empty', () => {
    const log = new ProblemLog('network');
    const network = buildImportNetwork(
      [
        {
          ...road(0, [
            [110, 28],
            [110.001, 28],
          ]),
          hasErrors: true,
        },
      ],
      { edgesBefore: 40, replace: true },
      log,
    );
    expect(network.edges).toEqual([]);
    expect(log.problems.map((problem) => problem.code)).toEqual(['geometry-missing']);
  });
});
