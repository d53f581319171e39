import { describe, expect, it } from 'vitest';
import { convertFeatures, parseNumberCell, type ConvertOptions, type Extent } from './convert-features.js';
import { parseCrsOption } from './coordinate-systems.js';
import { applyMappingChoices, suggestMapping } from './field-mapping.js';
import type { ImportLayer } from './import-layers.js';
import { readImportFile } from './read-import-file.js';

const DEMO_EXTENT: Extent = [109.6895, 28.2585, 109.750646, 28.301812];

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
});
