/**
 * Shapefiles written by another program — GDAL's ogr2ogr, at test time — in every kind of code page
 * a .cpg or the dBASE language driver byte can name: the text must come out as written, the numbers
 * as numbers, and the report must say which code page was used.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeShapefileWithGdal } from '../../tests/support/gdal.js';
import { ImportEncodingError, readImportFile } from './read-import-file.js';

/** ogr2ogr's -lco ENCODING, the encoding the importer must choose, and a name in that script. */
const CODE_PAGES: [string, string, string][] = [
  ['BIG5', 'big5', '臺北市中正區里民活動中心'],
  ['CP950', 'big5', '高雄市鹽埕區'],
  ['CP936', 'gbk', '吉首市峒河街道'],
  ['GB18030', 'gbk', '吉首市峒河街道'],
  ['UTF-8', 'utf8', '吉首市峒河街道 臺北'],
  ['SHIFT_JIS', 'shift-jis', '東京都千代田区'],
  ['CP932', 'shift-jis', '大阪市北区'],
  ['EUC-JP', 'euc-jp', '東京都千代田区'],
  ['EUC-KR', 'euc-kr', '서울특별시 중구'],
  ['CP949', 'euc-kr', '부산광역시'],
  ['KOI8-R', 'koi8-r', 'Москва'],
  ['CP1251', 'windows-1251', 'Москва'],
  ['CP866', 'ibm866', 'Москва'],
  ['CP1250', 'windows-1250', 'Łódź'],
  ['ISO-8859-2', 'iso-8859-2', 'Łódź'],
  ['CP1252', 'windows-1252', 'Zürich – “Altstadt”'],
  ['ISO-8859-1', 'iso-8859-1', 'Zürich'],
  ['CP1253', 'windows-1253', 'Αθήνα'],
  ['CP1254', 'windows-1254', 'İstanbul'],
  ['CP874', 'windows-874', 'กรุงเทพมหานคร'],
  ['CP437', 'cp437', 'Zürich'],
  ['CP850', 'cp850', 'Zürich'],
  ['UTF-16', 'utf-16le', '臺北市'],
];

/** A zipped one-point Shapefile ogr2ogr writes with `name` and a population of 3 444 165. */
async function gdalShapefile(name: string, layerOptions: string[]): Promise<Uint8Array> {
  const files = await writeShapefileWithGdal(
    'places',
    [{ lonLat: [121.51, 25.04], properties: { name, pop: 3444165 } }],
    layerOptions,
  );
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([extension, bytes]) => [`places.${extension}`, bytes])),
  );
}

describe('Shapefiles GDAL writes in other code pages', () => {
  it.each(CODE_PAGES)('reads ENCODING=%s as %s through the .cpg', async (gdalEncoding, encoding, name) => {
    const table = readImportFile('places.zip', await gdalShapefile(name, [`ENCODING=${gdalEncoding}`]));
    expect(table.encoding).toEqual({ encoding, from: 'cpg', named: gdalEncoding });
    const values = table.records[0].values;
    expect(values[table.columns.find((column) => column.startsWith('n'))!]).toBe(name);
    expect(values[table.columns.find((column) => column.startsWith('p'))!]).toBe(3444165);
    expect(table.notes.map((note) => note.en)).toContainEqual(
      expect.stringMatching(/^text read as .*the \.cpg names/),
    );
    expect(table.notes.map((note) => note.zh)).toContainEqual(
      expect.stringMatching(/^文本按.*读取，即\.cpg 文件指定的代码页/),
    );
  });

  it('reads the code page the language driver byte names when there is no .cpg (LDID 0x4F: Big5)', async () => {
    const table = readImportFile('places.zip', await gdalShapefile('臺北市中正區', ['ENCODING=LDID/79']));
    expect(table.encoding).toEqual({ encoding: 'big5', from: 'dbf-language-driver', named: '0x4F' });
    expect(table.records[0].values).toEqual({ name: '臺北市中正區', pop: 3444165 });
  });

  it('refuses a code page it cannot decode, naming the file and the code page; --encoding reads it anyway', async () => {
    const greek = await gdalShapefile('Αθήνα', ['ENCODING=CP737']);
    const refusal = (() => {
      try {
        readImportFile('greek-dos.zip', greek);
      } catch (error) {
        return error;
      }
    })() as ImportEncodingError;
    expect(refusal).toBeInstanceOf(ImportEncodingError);
    expect(refusal).toMatchObject({ fileName: 'greek-dos.zip', codePage: 'CP737', namedBy: { en: '.cpg' } });
    expect(refusal.message).toMatch(
      /^greek-dos\.zip: the \.cpg names code page "CP737", which cannot be decoded/,
    );
    expect(refusal.messageZh).toMatch(/^greek-dos\.zip：\.cpg 文件指定的代码页“CP737”无法解码/);
    expect(readImportFile('greek-dos.zip', greek, { encoding: 'windows-1253' }).records[0].values.pop).toBe(
      3444165,
    );

    const byDriver = await gdalShapefile('Αθήνα', ['ENCODING=LDID/106']);
    expect(() => readImportFile('greek-dos.zip', byDriver)).toThrow(
      /dBASE language driver byte \(0x6A\) names code page "737"/,
    );
  });
});
