import { describe, expect, it } from 'vitest';
import {
  applyMappingChoices,
  parseMappingArgument,
  parseValueMapArgument,
  suggestMapping,
  suggestValueMap,
} from './field-mapping.js';

describe('field mapping', () => {
  it('guesses columns from Chinese, pinyin and English names, one field per column', () => {
    expect(
      suggestMapping('units', ['小区编号', 'XQMC', '常住人口（人）', '户数', '所属社区', 'WKT'], true)
        .mapping,
    ).toEqual({
      id: '小区编号',
      name: 'XQMC',
      residents: '常住人口（人）',
      households: '户数',
      communityId: '所属社区',
      wkt: 'WKT',
    });
    expect(suggestMapping('facilities', ['name', 'type', 'lng', 'lat', 'wkt'], true).mapping).toEqual({
      name: 'name',
      category: 'type',
      lon: 'lng',
      lat: 'lat',
    });
    expect(suggestMapping('facilities', ['名称', '坐标'], true).mapping).toEqual({
      name: '名称',
      lonLat: '坐标',
    });
  });

  it('prefers the remembered mapping when the file has its columns, and lets choices override or unmap', () => {
    const remembered = { name: '单位', category: '分类码' };
    const suggested = suggestMapping('facilities', ['名称', '单位', '分类码', '类别'], false, remembered);
    expect(suggested.mapping).toEqual({ name: '单位', category: '分类码' });
    expect(suggested.from).toEqual({ name: 'remembered', category: 'remembered' });
    const chosen = applyMappingChoices(suggested, { name: '名称', category: null });
    expect(chosen.mapping).toEqual({ name: '名称', category: null });
    expect(chosen.from).toEqual({ name: 'given' });
  });

  it('parses --map and --value-map, naming what is wrong', () => {
    expect(parseMappingArgument('units', 'name=小区名称, residents=人口,households=')).toEqual({
      ok: true,
      value: { name: '小区名称', residents: '人口', households: null },
    });
    expect(parseMappingArgument('units', 'colour=颜色')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/"colour" is not a field of units/),
    });
    expect(
      parseValueMapArgument('facilities', 'category.卫生室=health_station,category.网吧=supermarket'),
    ).toEqual({
      ok: true,
      value: { category: { 卫生室: 'health_station', 网吧: 'supermarket' } },
    });
    expect(parseValueMapArgument('facilities', 'category.网吧=internet_cafe')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a category code/),
    });
    expect(parseValueMapArgument('facilities', 'name.甲=乙')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/coded fields: category/),
    });
  });

  it('suggests codes for the words in a coded column and lists the unknown ones', () => {
    const values = { 类别: ['幼儿园', '公厕', '网吧', 'park'] };
    const { valueMap, unknown } = suggestValueMap(
      'facilities',
      { category: '类别' },
      (column) => values[column as '类别'],
      { category: { 网吧: 'supermarket' } },
    );
    expect(valueMap).toEqual({
      category: { 幼儿园: 'kindergarten', 公厕: 'public_toilet', 网吧: 'supermarket' },
    });
    expect(unknown).toEqual({});
    expect(
      suggestValueMap('facilities', { category: '类别' }, (column) => values[column as '类别']).unknown,
    ).toEqual({ category: ['网吧'] });
  });
});
