import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { si, workbook } from '../formats/test-workbooks.js';
import { locationZh } from './bilingual-text.js';
import { ImportFileError, readImportFile } from './read-import-file.js';

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
    expect(withPrj.notes).toEqual([
      { en: 'Shapefile of Point records', zh: 'Shapefile，几何类型为点（Point）' },
    ]);

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

  it('names a .cpg that says only "the system code page", records the .shp and .dbf count differently, and deleted dBASE records, with the same numbers', () => {
    const parts = gkFacilities();
    parts['facilities.cpg'] = encode('ANSI\n');
    const dbf = parts['facilities.dbf'].slice();
    const view = new DataView(dbf.buffer);
    const headerLength = view.getUint16(8, true);
    const recordLength = view.getUint16(10, true);
    view.setUint32(4, 28, true); // the .dbf now lists 28 of the 30 points
    dbf[headerLength] = 0x2a; // record 1 deleted
    dbf[headerLength + 4 * recordLength] = 0x2a; // record 5 deleted
    parts['facilities.dbf'] = dbf;

    const table = readImportFile('facilities.zip', zipSync(parts));
    expect(table.encoding).toEqual({ encoding: 'gbk', from: 'detected' });
    expect(table.records.map((record) => record.location)).not.toContain('record 1');
    expect(table.records.length).toBe(28);
    expect(table.notes.map((note) => note.en)).toEqual([
      'Shapefile of Point records',
      'the .cpg names "ANSI", the code page of the computer that wrote the file, which the file does not tell; the encoding was detected instead',
      'the .shp has 30 records but the .dbf 28; records are paired by number',
      '2 records marked deleted in the .dbf were skipped',
    ]);
    expect(table.notes.map((note) => note.zh)).toEqual([
      'Shapefile，几何类型为点（Point）',
      '.cpg 文件指定的编码“ANSI”是写出文件的电脑的系统代码页，文件本身没有说明是哪一个；已改为自动识别编码',
      '.shp 有 30 条记录，而 .dbf 有 28 条；按记录序号一一对应',
      '.dbf 中有 2 条记录标记为已删除，已跳过',
    ]);

    const lone = readImportFile('facilities.dbf', dbf);
    expect(lone.records.length).toBe(26);
    expect(lone.notes).toEqual([
      {
        en: '2 records marked deleted in the .dbf were skipped',
        zh: '.dbf 中有 2 条记录标记为已删除，已跳过',
      },
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

describe('readImportFile with an Excel workbook', () => {
  const facilities = workbook(
    [
      {
        name: '设施',
        rows:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>0</v></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>109.721798</v></c><c r="C2"><v>28.282531</v></c><c r="D2" t="inlineStr"><is><t> 1,630 </t></is></c><c r="E2" t="inlineStr"><is><t>x</t></is></c></row>' +
          '<row r="7"><c r="A7" t="s"><v>5</v></c><c r="C7"><v>28.288721</v></c><c r="D7"><v>890</v></c></row>',
      },
      { name: '说明', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>' },
    ],
    [si('名称'), si('经度'), si('纬度'), si('建筑面积'), si('滨江社区综合服务站'), si('文昌社区综合服务站')],
  );

  it('gives a table like a CSV: columns from the header, text values, records located by their Excel row', () => {
    const table = readImportFile('设施.xlsx', facilities);
    expect(table).toMatchObject({
      format: 'xlsx',
      encoding: null,
      crs: { id: 'EPSG:4326' },
      crsFrom: 'default',
      hasFileGeometry: false,
      columns: ['名称', '经度', '纬度', '建筑面积', '名称_2'],
    });
    expect(table.records.map((record) => [record.location, record.values])).toEqual([
      [
        'row 2',
        { 名称: '滨江社区综合服务站', 经度: '109.721798', 纬度: '28.282531', 建筑面积: '1,630', 名称_2: 'x' },
      ],
      ['row 7', { 名称: '文昌社区综合服务站', 经度: null, 纬度: '28.288721', 建筑面积: '890', 名称_2: null }],
    ]);
    expect(table.records.map((record) => locationZh(record.location))).toEqual(['第 2 行', '第 7 行']);
    expect(table.notes).toEqual([
      {
        en: 'read sheet “设施” (1 of 2); the other sheets (“说明”) are not imported',
        zh: '读取工作表“设施”（第 1 个，共 2 个）；其他工作表（“说明”）不导入',
      },
    ]);
    // An .xls that is really a zip is read as the workbook it is.
    expect(readImportFile('设施.xls', facilities).records.length).toBe(2);
  });

  it('refuses Excel 97–2003 files, encrypted workbooks and damaged ones in both languages', () => {
    const compound = new Uint8Array(512);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const refusal = (name: string, bytes: Uint8Array) => {
      try {
        readImportFile(name, bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportFileError);
        return { en: (error as ImportFileError).message, zh: (error as ImportFileError).messageZh };
      }
      throw new Error(`${name} was read`);
    };
    expect(refusal('设施.xls', compound)).toEqual({
      en: '设施.xls: Excel 97–2003 (.xls) and WPS (.et) workbooks cannot be read: open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV, then import that',
      zh: '设施.xls：无法读取 Excel 97–2003（.xls）或 WPS（.et）工作簿：请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）或 CSV 后再导入',
    });
    const encrypted = refusal('设施.xlsx', compound);
    expect(encrypted.en).toMatch(
      /^设施\.xlsx: this is an Excel 97–2003 workbook \(\.xls\) or a password-protected one/,
    );
    expect(encrypted.zh).toMatch(/^设施\.xlsx：这是 Excel 97–2003 工作簿（\.xls）或设置了密码的工作簿/);
    const corrupt = refusal('设施.xlsx', facilities.subarray(0, 200));
    expect(corrupt.en).toMatch(
      /^设施\.xlsx: not a readable Excel workbook \(\.xlsx\): the file is damaged or not a workbook/,
    );
    expect(corrupt.zh).toMatch(/^设施\.xlsx：不是可读的 Excel 工作簿（\.xlsx）：文件已损坏或不是工作簿/);
    const notWorkbook = refusal('设施.xlsx', zipSync({ 'a.txt': new Uint8Array([65]) }));
    expect(notWorkbook.zh).toMatch(/^设施\.xlsx：不是 Excel 工作簿：压缩包中没有 xl\/workbook\.xml/);
  });
});
