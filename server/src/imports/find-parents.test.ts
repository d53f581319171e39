import { describe, expect, it } from 'vitest';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { ProblemLog } from '../../../core/import/import-problems.js';
import { placeInParents, resolveReferences, type ParentReference, type Patch } from './find-parents.js';

const feature = (index: number, properties: Record<string, unknown>): ImportFeature => ({
  index,
  location: `row ${index + 2}`,
  id: `u${index}`,
  geometry: { type: 'Point', coordinates: [109.72, 28.28] },
  properties,
  hasErrors: false,
});

/** A patch function and the values it set, by feature index. */
function patches(): { patch: Patch; values: Map<number, Record<string, unknown>> } {
  const values = new Map<number, Record<string, unknown>>();
  return { values, patch: (index, set) => values.set(index, { ...(values.get(index) ?? {}), ...set }) };
}

const unitsInCommunities: ParentReference = {
  layer: 'units',
  field: 'communityId',
  table: 'communities',
  required: true,
  column: '社区',
};
const COMMUNITIES = new Map<string, string | null>([
  ['c-1', '滨江社区'],
  ['c-2', '文昌社区'],
  ['c-3', '文昌社区'],
]);

describe('resolveReferences', () => {
  it('keeps ids, turns a name into its id, reports unknown and ambiguous names, and derives the rest', () => {
    const features = [
      feature(0, { communityId: 'c-1' }),
      feature(1, { communityId: '滨江社区' }),
      feature(2, { communityId: '文昌社区' }),
      feature(3, { communityId: '东门社区' }),
      feature(4, { communityId: null }),
      feature(5, { communityId: null }),
    ];
    const log = new ProblemLog('units');
    // A feature refused for where it lies gets no parent.
    log.report({
      code: 'outside-region',
      index: 5,
      field: 'geometry',
      text: { en: 'outside', zh: '区域外' },
    });
    const { patch, values } = patches();
    const derive = resolveReferences(features, unitsInCommunities, COMMUNITIES, log, patch);
    expect(derive.map((item) => item.index)).toEqual([4]);
    expect([...values]).toEqual([[1, { communityId: 'c-1' }]]);
    expect(log.problems.slice(1).map((problem) => problem.message)).toEqual([
      'row 4 (id "u2"), field "communityId" (column "社区"): "文昌社区" names 2 communities (c-2, c-3): use the id',
      'row 5 (id "u3"), field "communityId" (column "社区"): "东门社区" is neither the id nor the name of one of the region\'s communities (c-1 滨江社区, c-2 文昌社区, c-3 文昌社区)',
    ]);
    expect(log.problems[1].messageZh).toBe(
      '第 4 行（编号“u2”），字段“所属社区”（文件列“社区”）：“文昌社区”对应 2 个社区（c-2、c-3）：请使用编号',
    );
  });
});

describe('placeInParents', () => {
  const rows = [
    { ordinal: 0, parentId: 'c-1', how: 'inside', meters: null },
    { ordinal: 1, parentId: 'c-2', how: 'overlap', meters: null },
    { ordinal: 2, parentId: 'c-3', how: 'nearest', meters: 12.34 },
    { ordinal: 3, parentId: 'c-3', how: 'nearest', meters: 420 },
  ];
  const features = [0, 1, 2, 3, 4].map((index) => feature(index, { communityId: null }));

  it('gives a required parent the nearest within the tolerance (a warning), else refuses', () => {
    const log = new ProblemLog('units');
    const { patch, values } = patches();
    placeInParents(features, features, rows, unitsInCommunities, log, patch);
    expect([...values]).toEqual([
      [0, { communityId: 'c-1' }],
      [1, { communityId: 'c-2' }],
      [2, { communityId: 'c-3' }],
    ]);
    expect(log.problems.map((problem) => [problem.severity, problem.code, problem.detail])).toEqual([
      ['warning', 'derived', 'lies in no community: given the nearest, c-3, 12.3 m away'],
      [
        'error',
        'no-parent',
        'lies in no community of the region (the nearest, c-3, is 420 m away): map a communityId column or fix the geometry',
      ],
    ]);
    expect(log.problems[1].detailZh).toBe(
      '不在区域的任何社区内（最近的 c-3 相距 420 米）：请为“所属社区”对应文件列，或修正几何',
    );
  });

  it('leaves an optional parent empty, and says how many when the file wrote none', () => {
    const log = new ProblemLog('facilities');
    const { patch, values } = patches();
    placeInParents(
      features,
      features,
      rows,
      { ...unitsInCommunities, layer: 'facilities', required: false, column: null },
      log,
      patch,
    );
    expect(values.get(2)).toEqual({ communityId: null });
    expect(values.get(3)).toEqual({ communityId: null });
    expect(log.problems.map((problem) => [problem.severity, problem.message])).toEqual([
      ['note', 'field "communityId": 2 of 5 features lie in no community (their communityId is empty)'],
    ]);
  });
});
