import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './read-import-file.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/import');
const encode = (text: string) => new TextEncoder().encode(text);

/** The zone-37 facilities Shapefile (30 points, EPSG:4525 .prj, GBK .dbf), unzipped so a test can change its parts. */
function gkFacilities(): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path.join(FIXTURES, 'facilities-cgcs2000-gk-zone37.zip')));
}

const NO_PRJ = {
  en: 'the Shapefile has no .prj: its coordinates are taken as WGS 84 longitude/latitude unless you declare a coordinate system',
  zh: 'Shapefile 没有 .prj 文件：坐标按 WGS 84 经纬度读取，除非另行指定坐标系',
};

describe('notes on how a file was read, in English and Chinese', () => {
  it('says in both languages that a Shapefile without .prj is read as WGS 84', () => {
    const withPrj = readImportFile('facilities.zip', zipSync(gkFacilities()));
    expect(withPrj).toMatchObject({ format: 'shapefile', crsFrom: 'prj', crs: { id: 'EPSG:4525' } });
    expect(withPrj.notes).toEqual([{ en: 'Shapefile of Point records', zh: 'Shapefile，几何类型为点（Point）' }]);

    const parts = gkFacilities();
    delete parts['facilities.prj'];
    const withoutPrj = readImportFile('facilities-no-prj.zip', zipSync(parts));
    expect(withoutPrj).toMatchObject({ crsFrom: 'default', crs: { id: 'EPSG:4326' } });
    expect(withoutPrj.records.length).toBe(30);
    expect(withoutPrj.notes).toEqual([
      { en: 'Shapefile of Point records', zh: 'Shapefile，几何类型为点（Point）' },
      NO_PRJ,
    ]);

    // A coordinate system the user declares is used, but the file still has no .prj to say so.
    const declared = readImportFile('facilities-no-prj.zip', zipSync(parts), {
      crs: withPrj.crs,
    });
    expect(declared).toMatchObject({ crsFrom: 'option', crs: { id: 'EPSG:4525' } });
    expect(declared.notes).toContainEqual(NO_PRJ);
  });

  it('names an unread .cpg, records the .shp and .dbf count differently, and deleted dBASE records, with the same numbers', () => {
    const parts = gkFacilities();
    parts['facilities.cpg'] = encode('KOI8-R\n');
    const dbf = parts['facilities.dbf'].slice();
    const view = new DataView(dbf.buffer);
    const headerLength = view.getUint16(8, true);
    const recordLength = view.getUint16(10, true);
    view.setUint32(4, 28, true); // the .dbf now lists 28 of the 30 points
    dbf[headerLength] = 0x2a; // record 1 deleted
    dbf[headerLength + 4 * recordLength] = 0x2a; // record 5 deleted
    parts['facilities.dbf'] = dbf;

    const table = readImportFile('facilities.zip', zipSync(parts));
    expect(table.records.map((record) => record.location)).not.toContain('record 1');
    expect(table.records.length).toBe(28);
    expect(table.notes.map((note) => note.en)).toEqual([
      'Shapefile of Point records',
      'the .cpg names "KOI8-R", which this importer does not read; the encoding was detected instead',
      'the .shp has 30 records but the .dbf 28; records are paired by number',
      '2 records marked deleted in the .dbf were skipped',
    ]);
    expect(table.notes.map((note) => note.zh)).toEqual([
      'Shapefile，几何类型为点（Point）',
      '.cpg 文件指定的编码“KOI8-R”无法读取，已改为自动识别编码',
      '.shp 有 30 条记录，而 .dbf 有 28 条；按记录序号一一对应',
      '.dbf 中有 2 条记录标记为已删除，已跳过',
    ]);

    const lone = readImportFile('facilities.dbf', dbf);
    expect(lone.records.length).toBe(26);
    expect(lone.notes).toEqual([
      { en: '2 records marked deleted in the .dbf were skipped', zh: '.dbf 中有 2 条记录标记为已删除，已跳过' },
    ]);
  });

  it('notes extra CSV cells by line, and the OSM extract summary', () => {
    const csv = readImportFile('a.csv', encode('名称,人口\n甲,300\n乙,200,备注,\n丙,100,,\n'));
    expect(csv.notes).toEqual([
      {
        en: 'row 3: 4 cells for 2 columns (the extra cells are ignored)',
        zh: '第 3 行：有 4 个单元格，而表头只有 2 列（多出的单元格已忽略）',
      },
    ]);

    const osm = readImportFile(
      'roads.osm',
      encode(
        '<osm version="0.6">' +
          '<node id="1" lat="28.28" lon="109.72"/><node id="2" lat="28.281" lon="109.72"/><node id="3" lat="28.281" lon="109.721"/>' +
          '<way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>' +
          '<way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="motorway"/></way>' +
          '</osm>',
      ),
    );
    // Way 10 is walkable and shares no node with another walkable way; the motorway (11) is not walkable.
    expect(osm.records).toHaveLength(1);
    expect(osm.notes[0].en).toMatch(/\b1 walkable ways in 1 pieces/);
    expect(osm.notes[0].zh).toBe(
      'OpenStreetMap 数据：1 条可步行的道路，切分为 1 段（按 npm run import:osm 的可步行道路规则）',
    );
  });
});
