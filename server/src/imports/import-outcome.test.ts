import { describe, expect, it } from 'vitest';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { ProblemLog } from '../../../core/import/import-problems.js';
import { buildRoadNetwork } from '../../../core/network/road-network.js';
import {
  countLayerChanges,
  MAX_LISTED_IDS,
  previewFeatures,
  reportOf,
  type ImportOutcome,
} from './import-outcome.js';

const point = (index: number, id: string, properties: Record<string, unknown> = {}): ImportFeature => ({
  index,
  location: `row ${index + 2}`,
  id,
  geometry: { type: 'Point', coordinates: [110 + index / 1000, 28] },
  properties: { id, ...properties },
  hasErrors: false,
});

describe('countLayerChanges', () => {
  const existing = new Set(['a', 'b', 'c']);
  const network = { edgesBefore: 7, edgesAfter: 9 };

  it('adds new ids and updates known ones; a replacement removes the rest', () => {
    expect(countLayerChanges('units', existing, new Set(['b', 'd']), false, network)).toEqual({
      before: 3,
      added: 1,
      updated: 1,
      removed: 0,
      after: 4,
      removedIds: [],
    });
    expect(countLayerChanges('units', existing, new Set(['b', 'd']), true, network)).toEqual({
      before: 3,
      added: 1,
      updated: 1,
      removed: 2,
      after: 2,
      removedIds: ['a', 'c'],
    });
  });

  it('replaces a network as a whole, and lists at most MAX_LISTED_IDS removed ids', () => {
    expect(countLayerChanges('network', new Set(), new Set(['x']), false, network)).toEqual({
      before: 7,
      added: 9,
      updated: 0,
      removed: 7,
      after: 9,
      removedIds: [],
    });
    const many = new Set(Array.from({ length: MAX_LISTED_IDS + 5 }, (_, k) => `u${k}`));
    const counts = countLayerChanges('units', many, new Set(), true, network);
    expect(counts.removed).toBe(MAX_LISTED_IDS + 5);
    expect(counts.removedIds).toHaveLength(MAX_LISTED_IDS);
  });
});

describe('previewFeatures', () => {
  it('marks each feature by its worst problem, else as repaired or ok, with its derived values', () => {
    const features = [point(0, 'a'), point(1, 'b'), point(2, 'c'), point(3, 'd')];
    const log = new ProblemLog('units');
    log.report({ severity: 'warning', code: 'derived', index: 0, text: { en: 'w', zh: 'w' } });
    log.report({ severity: 'error', code: 'no-parent', index: 0, text: { en: 'e', zh: 'e' } });
    log.report({ severity: 'note', code: 'derived', index: 1, text: { en: 'n', zh: 'n' } });
    log.report({ severity: 'warning', code: 'derived', index: 2, text: { en: 'w', zh: 'w' } });
    log.report({ severity: 'error', code: 'required-field', text: { en: 'file', zh: 'file' } });
    const repairedPolygon = { type: 'Polygon', coordinates: [] };
    const derived = {
      network: null,
      patches: new Map([[1, { communityId: 'c-1', accessPoint: [110, 28], pointOnSurface: [110, 28] }]]),
      repairedGeometry: new Map([[3, repairedPolygon]]),
      repairedIndexes: new Set([3]),
    };
    const preview = previewFeatures(features, log.problems, derived, 'all');
    expect(preview.map((feature) => feature.properties.importStatus)).toEqual([
      'error',
      'ok',
      'warning',
      'repaired',
    ]);
    expect(preview[1].properties).toEqual({
      id: 'b',
      communityId: 'c-1',
      accessPoint: [110, 28],
      importLocation: 'row 3',
      importStatus: 'ok',
    });
    expect(preview[3].geometry).toBe(repairedPolygon);

    // What the map draws only: the same states and geometry, without the properties.
    const forTheMap = previewFeatures(features, log.problems, derived, 'status');
    expect(forTheMap.map((feature) => feature.properties)).toEqual(
      preview.map(({ properties }) => ({
        importLocation: properties.importLocation,
        importStatus: properties.importStatus,
      })),
    );
    expect(forTheMap.map((feature) => feature.geometry)).toEqual(preview.map((feature) => feature.geometry));
  });

  it('previews a network as its edges', () => {
    const network = buildRoadNetwork([
      {
        lines: [
          [
            [110, 28],
            [110.001, 28],
          ],
        ],
        edgeClass: 'footway',
        bridge: true,
        featureId: 'r1',
      },
    ]);
    const derived = {
      network,
      patches: new Map(),
      repairedGeometry: new Map(),
      repairedIndexes: new Set<number>(),
    };
    const [edge] = previewFeatures([], [], derived, 'all');
    expect(edge).toMatchObject({
      id: '1',
      geometry: { type: 'LineString' },
      properties: {
        id: 1,
        source: 1,
        target: 2,
        class: 'footway',
        bridge: true,
        importLocation: 'from feature r1',
        importStatus: 'ok',
      },
    });
    expect(edge.properties.lengthMeters).toBeCloseTo(98.2, 1);
    const [drawn] = previewFeatures([], [], derived, 'status');
    expect(drawn.geometry).toEqual(edge.geometry);
    expect(drawn.properties).toEqual({ importLocation: 'from feature r1', importStatus: 'ok' });
  });
});

describe('reportOf', () => {
  it('keeps all but the features, columns and fields', () => {
    const outcome = {
      regionId: 'demo',
      committed: true,
      features: {},
      columns: [],
      fields: [],
    } as unknown as ImportOutcome;
    expect(reportOf(outcome)).toEqual({ regionId: 'demo', committed: true });
  });
});
