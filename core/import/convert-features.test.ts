import { describe, expect, it } from 'vitest';
import type { Bbox } from '../geometry/bbox.js';
import { convertFeatures, parseNumberCell, type ConvertOptions } from './convert-features.js';
import { parseCrsOption } from './coordinate-systems.js';
import { applyMappingChoices, suggestMapping } from './field-mapping.js';
import type { ImportLayer } from './import-layers.js';
import { ImportFileError, readImportFile } from './read-import-file.js';

const DEMO_EXTENT: Bbox = [109.6895, 28.2585, 109.750646, 28.301812];

function convert(csv: string, layer: ImportLayer, options: Partial<ConvertOptions> & { crs?: string } = {}) {
  const crs = options.crs ? parseCrsOption(options.crs) : null;
  const table = readImportFile('test.csv', new TextEncoder().encode(csv), {
    crs: crs && crs.ok ? crs.crs : null,
  });
  const mapping = applyMappingChoices(suggestMapping(layer, table.columns, true), options.mapping).mapping;
  return convertFeatures(table, {
    layer,
    valueMap: {},
    swapAxes: false,
    repair: false,
    idPrefix: 'test',
    regionExtent: DEMO_EXTENT,
    takenIds: null,
    ...options,
    mapping,
  });
}
const errors = (result: ReturnType<typeof convert>) =>
  result.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.location}|${problem.field}|${problem.code}`);

describe('parseNumberCell', () => {
  it('reads spreadsheet numbers and refuses words', () => {
    expect(parseNumberCell('1,234')).toEqual({ number: 1234, percent: false });
    expect(parseNumberCell('１２３')).toEqual({ number: 123, percent: false });
    expect(parseNumberCell('300㎡')).toEqual({ number: 300, percent: false });
    expect(parseNumberCell('35%')).toEqual({ number: 35, percent: true });
    expect(parseNumberCell('约300')).toBe('invalid');
    expect(parseNumberCell('1,2')).toBe('invalid');
    expect(parseNumberCell('')).toBeNull();
  });
});

describe('convertFeatures', () => {
  it('maps, types and places facilities, generating ids from the file name', () => {
    const result = convert(
      '名称,类别,经度,纬度,建筑面积\n东区幼儿园,幼儿园,109.72,28.28,"1,200"\n西区卫生室,卫生室,109.70,28.27,80.5\n',
      'facilities',
    );
    expect(errors(result)).toEqual([]);
    expect(
      result.features.map((feature) => [
        feature.id,
        feature.properties.category,
        feature.properties.floorAreaSquareMeters,
      ]),
    ).toEqual([
      ['test-1', 'kindergarten', 1200],
      ['test-2', 'health_station', 80.5],
    ]);
    expect(result.features[0].geometry).toEqual({ type: 'Point', coordinates: [109.72, 28.28] });
  });

  it('names every bad value by row and field', () => {
    const result = convert(
      [
        '编号,名称,常住人口,WKT',
        'a,甲,约300,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.27))"',
        'a,乙,12.6,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.27))"',
        'c,丙,-1,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28))"',
      ].join('\n'),
      'units',
    );
    expect(errors(result)).toEqual([
      'row 2|residents|not-a-number',
      'row 3|id|duplicate-id',
      'row 4|residents|out-of-range',
      'row 4|geometry|geometry-malformed',
    ]);
    expect(result.problems.find((problem) => problem.code === 'rounded')!.message).toBe(
      'row 3 (id "a"), field "residents" (column "常住人口"): 12.6 is not a whole number: rounded to 13',
    );
    // Households follow residents at 2.8 persons per household when unmapped.
    expect(result.features.find((feature) => feature.location === 'row 3')!.properties.households).toBe(
      Math.round(13 / 2.8),
    );
  });

  it('detects swapped axes and points outside the region, and swaps on request', () => {
    const csv = 'id,name,category,lon,lat\nf1,甲,park,28.28,109.72\nf2,乙,park,116.39,39.9\n';
    expect(errors(convert(csv, 'facilities'))).toEqual([
      'row 2|geometry|axis-swapped',
      'row 3|geometry|outside-region',
    ]);
    const swapped = convert(csv, 'facilities', { swapAxes: true });
    expect(errors(swapped)).toEqual(['row 3|geometry|outside-region']);
    expect(swapped.features.find((feature) => feature.id === 'f1')!.geometry).toEqual({
      type: 'Point',
      coordinates: [109.72, 28.28],
    });
  });

  it('says when degrees are really metres, and which zone they are probably in', () => {
    const result = convert('id,name,category,x,y\nf1,甲,park,372000.5,3130000.2\n', 'facilities');
    const problem = result.problems.find((item) => item.code === 'not-degrees')!;
    expect(problem.message).toMatch(/--crs EPSG:4546/);
    const declared = convert('id,name,category,x,y\nf1,甲,park,372000.5,3130000.2\n', 'facilities', {
      crs: 'EPSG:4546',
    });
    expect(errors(declared)).toEqual([]);
  });

  it('refuses ids the layer already has unless it is replaced, and reports unmapped required fields and missing columns', () => {
    const csv = 'id,name,category,lon,lat\nf1,甲,park,109.72,28.28\n';
    expect(errors(convert(csv, 'facilities', { takenIds: new Set(['f1']) }))).toEqual(['row 2|id|id-exists']);
    expect(errors(convert(csv, 'facilities', { takenIds: null }))).toEqual([]);
    expect(errors(convert('id,lon,lat\nf1,109.72,28.28\n', 'facilities'))).toEqual([
      'null|name|required-field',
      'null|category|required-field',
    ]);
    expect(errors(convert(csv, 'facilities', { mapping: { name: '名称' } }))).toEqual([
      'null|name|missing-column',
    ]);
  });

  it('says every problem in Chinese too, naming the row and the field by its Chinese name', () => {
    const result = convert(
      [
        '编号,名称,类别,经度,纬度,建筑面积',
        'b1,甲,网吧,109.72,28.28,120',
        'b2,乙,公园,109.72,28.28,约300',
        'b2,丙,公园,109.72,28.28,80',
        'b4,丁,公园,28.28,109.72,80',
        'b5,戊,公园,116.39,39.9,80',
      ].join('\n'),
      'facilities',
    );
    expect(errors(result)).toEqual([
      'row 2|category|unknown-value',
      'row 3|floorAreaSquareMeters|not-a-number',
      'row 4|id|duplicate-id',
      'row 5|geometry|axis-swapped',
      'row 6|geometry|outside-region',
    ]);
    const zh = (code: string) => result.problems.find((problem) => problem.code === code)!.messageZh;
    expect(zh('not-a-number')).toBe(
      '第 3 行（编号“b2”），字段“建筑面积”（文件列“建筑面积”）：“约300”不是数字',
    );
    expect(zh('duplicate-id')).toBe(
      '第 4 行（编号“b2”），字段“编号”（文件列“编号”）：重复编号“b2”（第 3 行已使用）',
    );
    expect(zh('unknown-value')).toMatch(
      /^第 2 行（编号“b1”），字段“设施类别”（文件列“类别”）：“网吧”是未知的设施类别（已知 19 类）：请在“未知分类取值”中/,
    );
    expect(zh('axis-swapped')).toMatch(
      /^第 5 行（编号“b4”），字段“几何”：坐标顺序颠倒（纬度在前）：对调后位于区域范围之内；/,
    );
    expect(zh('outside-region')).toMatch(
      /^第 6 行（编号“b5”），字段“几何”：位于区域范围之外：位置 \[116\.390000, 39\.900000\]，距区域范围（外扩 1000 米后为 \[[\d., ]+\]）\d+\.\d 公里$/,
    );
    // Every problem is a whole Chinese sentence carrying the same row, and not the English one.
    for (const problem of result.problems) {
      expect(problem.messageZh, problem.message).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.messageZh).not.toContain(problem.message.replace(/^[^:]*: /, '').slice(0, 12));
      if (problem.location) expect(problem.messageZh).toContain(`第 ${problem.location.slice(4)} 行`);
    }
    // The same numbers in both languages: the distance beyond the region.
    const outside = result.problems.find((problem) => problem.code === 'outside-region')!;
    expect(/([\d.]+) 公里/.exec(outside.messageZh)![1]).toBe(/([\d.]+) km/.exec(outside.message)![1]);
  });

  it('says why a file or its geometry cannot be read in Chinese too', () => {
    const unreadable = (name: string, text: string) => {
      try {
        readImportFile(name, new TextEncoder().encode(text));
      } catch (error) {
        if (error instanceof ImportFileError) return [error.message, error.messageZh];
        throw error;
      }
      throw new Error(`${name} was read`);
    };
    expect(unreadable('a.csv', 'a,b\n"open,1\n2,3')).toEqual([
      'a.csv: a quoted field opened on line 2 is never closed',
      'a.csv：第 2 行开始的带引号字段没有闭合',
    ]);
    expect(unreadable('a.kml', '<kml/>')[1]).toBe(
      'a.kml：不支持 .kml 文件（可导入 GeoJSON、Shapefile 压缩包、CSV、Excel（.xlsx）、.dbf 或 OSM XML）',
    );
    const truncated = convert('id,WKT,常住人口\nu1,"POLYGON((109.70 28.27, 109.71 28.27",10\n', 'units');
    expect(truncated.problems.find((problem) => problem.code === 'geometry-malformed')!.messageZh).toMatch(
      /^第 2 行（编号“u1”），字段“几何”（文件列“WKT”）：POLYGON：第 \d+ 个字符处应为“,”或“\)”$/,
    );
    const unclosed = convert(
      'id,WKT,常住人口\nu1,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.28))",10\n',
      'units',
    );
    expect(unclosed.problems.find((problem) => problem.code === 'geometry-malformed')!.messageZh).toBe(
      '第 2 行（编号“u1”），字段“几何”（文件列“WKT”）：第 1 个环没有闭合（首末点不同）；勾选“修复无效几何”（命令行 --repair）可自动闭合',
    );
  });

  it('reads shares as fractions or percentages', () => {
    const result = convert(
      'id,name,农用地占比,WKT\nc1,甲,35%,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.27))"\nc2,乙,0.4,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.27))"\nc3,丙,140,"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.27))"\n',
      'communities',
    );
    expect(result.features.map((feature) => feature.properties.agriculturalLandShare)).toEqual([
      0.35,
      0.4,
      null,
    ]);
    expect(errors(result)).toEqual(['row 4|agriculturalLandShare|out-of-range']);
  });

  it('refuses figures past their limits, naming the limit: 1e308 m² and 2 147 483 647 staff', () => {
    const polygon = '"POLYGON((109.70 28.27, 109.71 28.27, 109.71 28.28, 109.70 28.27))"';
    const result = convert(
      `id,name,工作人员,服务用房面积,WKT\nc1,甲,2147483647,300,${polygon}\nc2,乙,12,1e308,${polygon}\nc3,丙,12,300,${polygon}\n`,
      'communities',
    );
    expect(errors(result)).toEqual([
      'row 2|staff|out-of-range',
      'row 3|serviceFloorAreaSquareMeters|out-of-range',
    ]);
    const staff = result.problems.find((problem) => problem.field === 'staff')!;
    expect(staff.detail).toBe('2147483647 is more than the largest staff accepted, 100000');
    expect(staff.detailZh).toBe('2147483647 超过社区工作者的上限 100000');
    expect(result.features.map((feature) => feature.properties.staff)).toEqual([null, 12, 12]);
  });

  it('refuses facility floor areas and capacities past their limits', () => {
    const result = convert(
      '名称,类别,经度,纬度,建筑面积,容量\n东区幼儿园,幼儿园,109.72,28.28,1e308,90\n西区幼儿园,幼儿园,109.70,28.27,800,2147483647\n',
      'facilities',
    );
    expect(errors(result)).toEqual([
      'row 2|floorAreaSquareMeters|out-of-range',
      'row 3|capacity|out-of-range',
    ]);
  });
});
