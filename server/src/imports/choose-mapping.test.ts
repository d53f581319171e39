import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../core/import/read-import-file.js';
import { chooseMapping, mergeValueMaps, pickRememberedMapping } from './choose-mapping.js';

const encode = (text: string) => new TextEncoder().encode(text);
const table = readImportFile(
  'facilities.csv',
  encode('名称,类别,经度,纬度\n甲,幼儿园,109.72,28.28\n乙,网吧,109.73,28.29\n'),
);

describe('pickRememberedMapping', () => {
  const own = { regionId: 'demo', mapping: { name: 'MC' }, valueMap: {} };
  const other = {
    regionId: 'xincheng',
    mapping: { name: '名称', category: null },
    valueMap: { category: { 网吧: 'library' } },
  };
  const otherMissing = { regionId: 'laocheng', mapping: { name: 'NAME' }, valueMap: {} };

  it("takes the region's own mapping whatever the columns, else another region's whose columns the file has", () => {
    expect(pickRememberedMapping([own, other], 'demo', table.columns)).toEqual({
      mapping: own.mapping,
      valueMap: {},
    });
    expect(pickRememberedMapping([otherMissing, other], 'demo', table.columns)).toEqual({
      mapping: other.mapping,
      valueMap: other.valueMap,
    });
    expect(pickRememberedMapping([otherMissing], 'demo', table.columns)).toBeNull();
  });
});

describe('chooseMapping', () => {
  it('guesses from the column names, lays the user’s choices over it, and reads coded values', () => {
    const chosen = chooseMapping(table, 'facilities', { mapping: { name: null } }, null);
    expect(chosen.mapping).toMatchObject({ name: null, category: '类别', lon: '经度', lat: '纬度' });
    expect(chosen.mappingFrom).toMatchObject({ category: 'guessed', lon: 'guessed' });
    expect(chosen.mappingFrom.name).toBeUndefined();
    expect(chosen.suggestedValueMap.category).toMatchObject({ 幼儿园: 'kindergarten' });
    expect(chosen.unknownValues).toEqual({ category: ['网吧'] });
  });

  it('reads with the remembered and given value maps, the given one winning', () => {
    const remembered = {
      mapping: { category: '类别' },
      valueMap: { category: { 网吧: 'library', 幼儿园: 'primary_school' } },
    };
    const chosen = chooseMapping(
      table,
      'facilities',
      { valueMap: { category: { 幼儿园: 'kindergarten' } } },
      remembered,
    );
    expect(chosen.mappingFrom.category).toBe('remembered');
    expect(chosen.valueMap.category).toMatchObject({ 网吧: 'library', 幼儿园: 'kindergarten' });
    expect(chosen.unknownValues).toEqual({});
  });

  it("maps an OSM extract's own class and bridge columns", () => {
    const osm = readImportFile(
      'town.osm',
      encode(
        '<osm version="0.6"><node id="1" lat="28.28" lon="109.72"/><node id="2" lat="28.29" lon="109.72"/>' +
          '<way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>',
      ),
    );
    const chosen = chooseMapping(osm, 'network', {}, null);
    expect(chosen.mapping).toEqual({ class: 'class', bridge: 'bridge' });
    expect(chosen.mappingFrom).toEqual({ class: 'guessed', bridge: 'guessed' });
  });
});

describe('mergeValueMaps', () => {
  it('lays the second over the first, field by field', () => {
    expect(
      mergeValueMaps({ category: { a: 'x', b: 'y' }, type: { c: 'z' } }, { category: { b: 'w' } }),
    ).toEqual({
      category: { a: 'x', b: 'w' },
      type: { c: 'z' },
    });
  });
});
