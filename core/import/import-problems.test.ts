import { describe, expect, it } from 'vitest';
import { locationZh, validityReasonZh } from './bilingual-text.js';
import { makeProblem, ProblemLog } from './import-problems.js';

describe('makeProblem', () => {
  it('says where in both languages: row, id, field (by its Chinese name) and column', () => {
    const problem = makeProblem(
      {
        code: 'not-a-number',
        index: 5,
        location: 'row 7',
        featureId: 'f-3',
        field: 'residents',
        column: '人口',
        text: { en: '"约300" is not a number', zh: '“约300”不是数字' },
      },
      'units',
    );
    expect(problem.message).toBe(
      'row 7 (id "f-3"), field "residents" (column "人口"): "约300" is not a number',
    );
    expect(problem.messageZh).toBe('第 7 行（编号“f-3”），字段“常住人口”（文件列“人口”）：“约300”不是数字');
    expect(problem.locationZh).toBe('第 7 行');
    expect(problem.fieldZh).toBe('常住人口');
    // The wizard's table shows place and field in columns of their own, and the sentence without them.
    expect(problem.detail).toBe('"约300" is not a number');
    expect(problem.detailZh).toBe('“约300”不是数字');
  });

  it('names records, GeoJSON features (counted from 1, index kept) and OSM ways in Chinese', () => {
    const text = { en: 'no geometry', zh: '没有几何' };
    const at = (location: string) =>
      makeProblem({ code: 'geometry-missing', location, field: 'geometry', text }).messageZh;
    expect(at('record 5')).toBe('第 5 条记录，字段“几何”：没有几何');
    expect(at('feature #0')).toBe('第 1 个要素（#0），字段“几何”：没有几何');
    expect(at('way 123456')).toBe('OSM 路段 123456，字段“几何”：没有几何');
  });

  it('takes the layer into account for field names, and keeps texts without a place as they are', () => {
    const text = { en: 'x', zh: 'x' };
    const kind = (layer: 'streets' | 'units') =>
      makeProblem({ code: 'unknown-value', field: 'kind', text }, layer).fieldZh;
    expect(kind('streets')).toBe('类型（街道/乡镇）');
    expect(kind('units')).toBe('单元类型');
    // Without a layer, the first layer having the field names it; a field of no layer keeps its name.
    expect(makeProblem({ code: 'derived', field: 'communityId', text }).fieldZh).toBe('所属社区');
    expect(makeProblem({ code: 'derived', field: 'colour', text }).fieldZh).toBe('colour');
    const bare = makeProblem({
      code: 'geometry-missing',
      text: { en: 'the file holds no records', zh: '文件中没有任何记录' },
    });
    expect([bare.message, bare.messageZh, bare.locationZh, bare.fieldZh]).toEqual([
      'the file holds no records',
      '文件中没有任何记录',
      null,
      null,
    ]);
    // A place that is not a record's comes with its own Chinese.
    const rehomed = makeProblem({
      code: 'no-parent',
      location: 'unit "u-1" (in the region)',
      locationZh: '区域中的人口单元“u-1”',
      text: { en: 'lies in no community', zh: '不在任何社区内' },
    });
    expect(rehomed.messageZh).toBe('区域中的人口单元“u-1”：不在任何社区内');
  });
});

describe('Chinese of places and PostGIS reasons', () => {
  it('translates the record locations and leaves other text alone', () => {
    expect(['row 2', 'record 10', 'feature #9', 'way 7', 'somewhere'].map(locationZh)).toEqual([
      '第 2 行',
      '第 10 条记录',
      '第 10 个要素（#9）',
      'OSM 路段 7',
      'somewhere',
    ]);
  });

  it("says PostGIS's validity reasons in Chinese, keeping the position", () => {
    expect(validityReasonZh('Self-intersection[109.71 28.27]')).toBe('自相交，位置 [109.71 28.27]');
    expect(validityReasonZh('Ring Self-intersection[1 2]')).toBe('环自相交，位置 [1 2]');
    expect(validityReasonZh('Too few points in geometry component[109.7 28.2]')).toBe(
      '几何部件的点数太少，位置 [109.7 28.2]',
    );
    expect(validityReasonZh('Something new')).toBe('Something new');
  });
});

describe('ProblemLog', () => {
  it('keeps problems in the order found, names fields by the layer, and knows records refused for their geometry', () => {
    const log = new ProblemLog('units');
    log.report({
      code: 'empty-value',
      index: 1,
      location: 'row 3',
      field: 'residents',
      text: { en: 'empty', zh: '为空' },
    });
    log.add([
      makeProblem({
        code: 'outside-region',
        index: 4,
        field: 'geometry',
        text: { en: 'outside', zh: '区域外' },
      }),
    ]);
    log.report({
      severity: 'warning',
      code: 'derived',
      index: 5,
      field: 'geometry',
      text: { en: 'near', zh: '附近' },
    });
    expect(log.problems.map((problem) => problem.code)).toEqual(['empty-value', 'outside-region', 'derived']);
    expect(log.problems[0].messageZh).toBe('第 3 行，字段“常住人口”：为空');
    expect([...log.recordsRefusedForGeometry()]).toEqual([4]);
  });
});
