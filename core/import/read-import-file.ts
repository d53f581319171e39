/**
 * Reads an uploaded file into records with raw values and source geometry, before any mapping:
 * GeoJSON, a zipped Shapefile (.shp + .dbf, with .prj and .cpg honoured), CSV, an Excel workbook
 * (.xlsx, read as a CSV would be), a lone .dbf, or an OSM XML extract (road network only). Pure: the
 * caller hands over the bytes.
 */
import { BilingualError, messageZhOf, type Bilingual } from '../formats/bilingual-error.js';
import { CsvError, CsvTooManyRowsError, parseCsv } from '../formats/csv-table.js';
import { DbfError, readDbf } from '../formats/dbf-table.js';
import { OsmXmlError, parseOsmXml } from '../formats/osm-xml.js';
import { readShp, ShapefileError, shapeTypeName } from '../formats/shapefile-reader.js';
import type { SourceGeometry } from '../formats/source-geometry.js';
import {
  chooseTextEncoding,
  decodeText,
  encodingFromCpg,
  encodingLabel,
  encodingSourceText,
  linesNotIn,
  UnsupportedCodePageError,
  type ChosenEncoding,
  type TextEncodingName,
} from '../formats/text-encoding.js';
import { ArchiveTooLargeError, unzipBounded } from '../formats/bounded-unzip.js';
import { isCompoundFile, isZipArchive, readXlsx, XlsxError } from '../formats/xlsx-table.js';
import { buildWalkingNetwork } from '../network/osm-walking-network.js';
import { MAX_IMPORT_RECORDS } from './import-limits.js';
import {
  crsFromGeoJsonMember,
  crsFromPrj,
  DEFAULT_CRS,
  type CoordinateSystem,
} from './coordinate-systems.js';

export const IMPORT_FORMATS = ['geojson', 'shapefile', 'csv', 'xlsx', 'dbf', 'osm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type CellValue = string | number | boolean | null;

export interface ImportRecord {
  /** 0-based position among the file's records. */
  index: number;
  /** "row 7" (CSV line, Excel row), "record 5" (Shapefile/dBASE), "feature #3" (GeoJSON), "way 123" (OSM). */
  location: string;
  values: Record<string, CellValue>;
  /** The record's geometry as stored in the file (not yet converted), when the format carries one. */
  geometry: SourceGeometry | null;
  /** Why the file's geometry of this record could not be read. */
  geometryError: Bilingual | null;
}

export type CrsSource = 'option' | 'prj' | 'geojson' | 'default';

export interface ImportTable {
  fileName: string;
  format: ImportFormat;
  encoding: ChosenEncoding | null;
  /** The system the coordinates are in; null when the file names one this importer cannot convert. */
  crs: CoordinateSystem | null;
  crsFrom: CrsSource;
  /** Why the file's own coordinate system is refused (with `crs` null). */
  crsProblem: Bilingual | null;
  columns: string[];
  records: ImportRecord[];
  /** Whether geometry comes with the records (GeoJSON, Shapefile, OSM) or from columns (CSV, .xlsx, .dbf). */
  hasFileGeometry: boolean;
  /**
   * What a person should know about how the file was read (e.g. "3 deleted dBASE records skipped"),
   * in both languages: the wizard shows them in Chinese, the command line in English.
   */
  notes: Bilingual[];
  /**
   * What may be wrong with the text as read (rows in another encoding than the rest), in both
   * languages: the import reports each as a warning problem, so the preview shows it before a commit.
   */
  warnings: Bilingual[];
}

export interface ReadOptions {
  encoding?: TextEncodingName | null;
  /** A coordinate system the user declared; it overrides the file's own. */
  crs?: CoordinateSystem | null;
}

/** The file cannot be read at all; the message (and `messageZh`) says what it is and what to do. */
export class ImportFileError extends BilingualError {
  constructor(text: Bilingual) {
    super(text);
    this.name = 'ImportFileError';
  }
}

/** The file's text is in a code page that cannot be decoded: which file, which code page, and who named it. */
export class ImportEncodingError extends ImportFileError {
  readonly fileName: string;
  readonly codePage: string;
  /** Where the code page was named, as a phrase in both languages (".cpg", "dBASE language driver byte (0x64)"). */
  readonly namedBy: Bilingual;

  constructor(fileName: string, cause: UnsupportedCodePageError) {
    super({ en: `${fileName}: ${cause.message}`, zh: `${fileName}：${cause.messageZh}` });
    this.name = 'ImportEncodingError';
    this.fileName = fileName;
    this.codePage = cause.codePage;
    this.namedBy = encodingSourceText(cause.source, cause.languageDriver);
  }
}

/** The file holds more records than one import takes (MAX_IMPORT_RECORDS): split it, or import it by script. */
export class ImportTooManyRecordsError extends ImportFileError {
  constructor(
    readonly fileName: string,
    readonly limit: number,
  ) {
    super({
      en: `${fileName}: more than ${limit} rows (records); one import takes at most ${limit}: split the file into parts of at most ${limit} rows and import them one after another, adding to the layer`,
      zh: `${fileName}：超过 ${limit} 行（条记录）；一次导入最多 ${limit} 行：请把文件拆分为每份不超过 ${limit} 行，再逐份导入（追加到图层）`,
    });
    this.name = 'ImportTooManyRecordsError';
  }
}

/** A reader's error, prefixed with the file's name, in both languages. */
function fileError(fileName: string, error: BilingualError): ImportFileError {
  if (error instanceof UnsupportedCodePageError) return new ImportEncodingError(fileName, error);
  return new ImportFileError({ en: `${fileName}: ${error.message}`, zh: `${fileName}：${error.messageZh}` });
}

/** How a .dbf's text was read, when the file named its code page (the .cpg or the language driver byte). */
function namedEncodingNote(encoding: ChosenEncoding): Bilingual | null {
  if (encoding.from !== 'cpg' && encoding.from !== 'dbf-language-driver') return null;
  const label = encodingLabel(encoding.encoding);
  const source = encodingSourceText(encoding.from);
  return {
    en: `text read as ${label.en}, the code page the ${source.en} names ("${encoding.named ?? ''}")`,
    zh: `文本按${label.zh}读取，即${source.zh}指定的代码页（“${encoding.named ?? ''}”）`,
  };
}

const extensionOf = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Reads a file by its name's extension (and its first bytes when the extension says nothing).
 * Throws ImportTooManyRecordsError for a file of more than MAX_IMPORT_RECORDS records (an OSM
 * extract, whose ways are split into many more pieces, aside).
 */
export function readImportFile(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): ImportTable {
  const table = readByFormat(fileName, bytes, options);
  if (table.format !== 'osm' && table.records.length > MAX_IMPORT_RECORDS)
    throw new ImportTooManyRecordsError(fileName, MAX_IMPORT_RECORDS);
  return table;
}

function readByFormat(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  if (bytes.length === 0)
    throw new ImportFileError({ en: `${fileName}: the file is empty`, zh: `${fileName}：文件为空` });
  const extension = extensionOf(fileName);
  const starts = (text: string) => decodeText(bytes.subarray(0, 64), 'utf8').trimStart().startsWith(text);
  // An .xls that is really a zip is an .xlsx renamed; an .xlsx that is a compound file is encrypted.
  if (extension === 'xlsx' || extension === 'xlsm' || (extension === 'xls' && isZipArchive(bytes)))
    return readWorkbook(fileName, bytes, options);
  if (extension === 'xls' || extension === 'et' || (extension === '' && isCompoundFile(bytes))) {
    throw new ImportFileError({
      en: `${fileName}: Excel 97–2003 (.xls) and WPS (.et) workbooks cannot be read: open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV, then import that`,
      zh: `${fileName}：无法读取 Excel 97–2003（.xls）或 WPS（.et）工作簿：请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）或 CSV 后再导入`,
    });
  }
  if (extension === 'zip' || (bytes[0] === 0x50 && bytes[1] === 0x4b))
    return readZip(fileName, bytes, options);
  if (extension === 'shp' || extension === 'shx') {
    throw new ImportFileError({
      en: `${fileName}: a Shapefile needs its .dbf (and .prj, .cpg): zip the .shp, .shx, .dbf, .prj and .cpg together and import the .zip`,
      zh: `${fileName}：Shapefile 需要配套的 .dbf（以及 .prj、.cpg）：请把 .shp、.shx、.dbf、.prj 和 .cpg 一起压缩成 .zip 再导入`,
    });
  }
  if (extension === 'dbf') return readLoneDbf(fileName, bytes, options);
  if (extension === 'osm' || (extension === 'xml' && starts('<'))) return readOsm(fileName, bytes, options);
  if (extension === 'geojson' || extension === 'json' || (extension !== 'csv' && starts('{')))
    return readGeoJson(fileName, bytes, options);
  if (['csv', 'txt', 'tsv', ''].includes(extension)) return readCsv(fileName, bytes, options);
  throw new ImportFileError({
    en: `${fileName}: .${extension} files are not supported (GeoJSON, zipped Shapefile, CSV, Excel .xlsx, .dbf or OSM XML)`,
    zh: `${fileName}：不支持 .${extension} 文件（可导入 GeoJSON、Shapefile 压缩包、CSV、Excel（.xlsx）、.dbf 或 OSM XML）`,
  });
}

function baseTable(
  fileName: string,
  format: ImportFormat,
  options: ReadOptions,
  fileCrs: { crs: CoordinateSystem | null; from: CrsSource; problem: Bilingual | null },
) {
  if (options.crs)
    return { fileName, format, crs: options.crs, crsFrom: 'option' as const, crsProblem: null };
  return { fileName, format, crs: fileCrs.crs, crsFrom: fileCrs.from, crsProblem: fileCrs.problem };
}

function readGeoJson(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  const encoding = chooseTextEncoding(bytes, options.encoding);
  let document: unknown;
  try {
    document = JSON.parse(decodeText(bytes, encoding.encoding));
  } catch (error) {
    throw new ImportFileError({
      en: `${fileName}: not valid JSON (${(error as Error).message})`,
      zh: `${fileName}：不是有效的 JSON（${(error as Error).message}）`,
    });
  }
  const object = document as { type?: unknown; features?: unknown; crs?: unknown; geometry?: unknown };
  let features: unknown[];
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features)) features = object.features;
  else if (object?.type === 'Feature') features = [object];
  else
    throw new ImportFileError({
      en: `${fileName}: not a GeoJSON FeatureCollection or Feature`,
      zh: `${fileName}：不是 GeoJSON 的要素集合（FeatureCollection）或要素（Feature）`,
    });
  const member = crsFromGeoJsonMember(object.crs);
  const fileCrs =
    member === null
      ? { crs: DEFAULT_CRS, from: 'default' as const, problem: null }
      : member.ok
        ? { crs: member.crs, from: 'geojson' as const, problem: null }
        : { crs: null, from: 'geojson' as const, problem: { en: member.reason, zh: member.reasonZh } };
  const columns: string[] = [];
  const seen = new Set<string>();
  const records: ImportRecord[] = features.map((feature, index) => {
    const item = feature as { type?: unknown; geometry?: unknown; properties?: unknown; id?: unknown } | null;
    const location = `feature #${index}`;
    const values: Record<string, CellValue> = {};
    const properties =
      item && typeof item.properties === 'object' && item.properties !== null
        ? (item.properties as Record<string, unknown>)
        : {};
    for (const [key, value] of Object.entries(properties)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
      values[key] =
        value === null || value === undefined
          ? null
          : typeof value === 'object'
            ? JSON.stringify(value)
            : (value as CellValue);
    }
    // A feature's own "id" member is offered as a column too (when properties have no "id").
    if (item && (typeof item.id === 'string' || typeof item.id === 'number') && !('id' in properties)) {
      if (!seen.has('id')) {
        seen.add('id');
        columns.push('id');
      }
      values.id = item.id;
    }
    if (!item || item.type !== 'Feature')
      return {
        index,
        location,
        values,
        geometry: null,
        geometryError: { en: 'not a GeoJSON Feature', zh: '不是 GeoJSON 要素（Feature）' },
      };
    const geometry = readGeoJsonGeometry(item.geometry);
    return { index, location, values, ...geometry };
  });
  return {
    ...baseTable(fileName, 'geojson', options, fileCrs),
    encoding,
    columns,
    records,
    hasFileGeometry: true,
    notes: [],
    warnings: [],
  };
}

const GEOJSON_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function readGeoJsonGeometry(geometry: unknown): {
  geometry: SourceGeometry | null;
  geometryError: Bilingual | null;
} {
  if (geometry === null || geometry === undefined) return { geometry: null, geometryError: null };
  const item = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof item.type !== 'string')
    return { geometry: null, geometryError: { en: 'geometry without a type', zh: '几何没有类型（type）' } };
  if (!(item.type in GEOJSON_DEPTH))
    return {
      geometry: null,
      geometryError: {
        en: `a ${item.type} (expected Point, LineString, Polygon or their Multi forms)`,
        zh: `几何类型为 ${item.type}（应为 Point、LineString、Polygon 或相应的 Multi 类型）`,
      },
    };
  const depth = GEOJSON_DEPTH[item.type];
  if (!isNestedPositions(item.coordinates, depth))
    return {
      geometry: null,
      geometryError: {
        en: `a ${item.type} whose coordinates are not nested number arrays`,
        zh: `${item.type} 的坐标不是嵌套的数值数组`,
      },
    };
  return {
    geometry: { type: item.type, coordinates: planarCopy(item.coordinates, depth) } as SourceGeometry,
    geometryError: null,
  };
}

/** Whether `value` is positions (numbers, at least two each) nested `level` arrays deep. */
function isNestedPositions(value: unknown, level: number): boolean {
  if (level === 0)
    return (
      Array.isArray(value) &&
      value.length >= 2 &&
      value.every((n) => typeof n === 'number' && Number.isFinite(n))
    );
  return Array.isArray(value) && value.every((child) => isNestedPositions(child, level - 1));
}

/** Nested positions `level` arrays deep, each cut to its first two numbers. */
function planarCopy(value: unknown, level: number): unknown {
  return level === 0
    ? [(value as number[])[0], (value as number[])[1]]
    : (value as unknown[]).map((child) => planarCopy(child, level - 1));
}

function readCsv(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  const encoding = chooseTextEncoding(bytes, options.encoding);
  let table;
  try {
    table = parseCsv(decodeText(bytes, encoding.encoding), undefined, MAX_IMPORT_RECORDS);
  } catch (error) {
    if (error instanceof CsvTooManyRowsError) throw new ImportTooManyRecordsError(fileName, error.maxRows);
    if (error instanceof CsvError) throw fileError(fileName, error);
    throw error;
  }
  const columns = uniqueNames(table.header);
  const notes: Bilingual[] = [];
  const records: ImportRecord[] = table.rows.map((row, index) => {
    const values: Record<string, CellValue> = {};
    columns.forEach((column, k) => {
      const cell = (row.cells[k] ?? '').trim();
      values[column] = cell === '' ? null : cell;
    });
    if (
      row.cells.length > columns.length &&
      row.cells.slice(columns.length).some((cell) => cell.trim() !== '')
    ) {
      notes.push({
        en: `row ${row.line}: ${row.cells.length} cells for ${columns.length} columns (the extra cells are ignored)`,
        zh: `第 ${row.line} 行：有 ${row.cells.length} 个单元格，而表头只有 ${columns.length} 列（多出的单元格已忽略）`,
      });
    }
    return { index, location: `row ${row.line}`, values, geometry: null, geometryError: null };
  });
  return {
    ...baseTable(fileName, 'csv', options, { crs: DEFAULT_CRS, from: 'default', problem: null }),
    encoding,
    columns,
    records,
    hasFileGeometry: false,
    notes: notes.slice(0, 20),
    warnings: [linesNotIn(bytes, encoding.encoding)]
      .filter((lines) => lines.length > 0)
      .map((lines) => mixedEncodingWarning(lines, encoding.encoding)),
  };
}

/** Rows named in a warning; the count covers the rest. */
const LISTED_ROWS = 10;

/**
 * The rows of a CSV whose text is not in the encoding the file is read with (linesNotIn): their
 * text comes out garbled, so the planner is told which rows before committing.
 */
function mixedEncodingWarning(lines: number[], encoding: TextEncodingName): Bilingual {
  const listed = lines.slice(0, LISTED_ROWS);
  const more = lines.length - listed.length;
  const rows = `${lines.length === 1 ? 'row' : 'rows'} ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const rowsZh = `第 ${listed.join('、')} 行${more > 0 ? `等 ${lines.length} 行` : ''}`;
  const label = encodingLabel(encoding);
  const other =
    encoding === 'utf8'
      ? { en: 'perhaps GBK', zh: '可能是 GBK 编码' }
      : { en: 'they look like UTF-8', zh: '看起来是 UTF-8 编码' };
  return {
    en: `${rows} ${lines.length === 1 ? 'is' : 'are'} not ${label.en} text, the encoding the rest of the file is read in (${other.en}): their text comes out garbled. Save the whole file in one encoding (UTF-8) and import it again`,
    zh: `${rowsZh}不是${/^[A-Za-z]/.test(label.zh) ? ` ${label.zh} ` : label.zh}文本，而文件按此编码读取（这些行${other.zh}）：其中的文字会是乱码。请把整个文件另存为同一种编码（UTF-8）后重新导入`,
  };
}

/** An Excel workbook's first filled sheet, read as a CSV would be: records are located by their Excel row. */
function readWorkbook(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  let workbook;
  try {
    workbook = readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxError) throw fileError(fileName, error);
    throw error;
  }
  const columns = uniqueNames(workbook.header);
  const records: ImportRecord[] = workbook.rows.map((row, index) => {
    const values: Record<string, CellValue> = {};
    columns.forEach((column, k) => {
      const cell = row.cells[k]?.trim() ?? '';
      values[column] = cell === '' ? null : cell;
    });
    return { index, location: `row ${row.row}`, values, geometry: null, geometryError: null };
  });
  const notes = [...workbook.notes];
  if (options.encoding)
    notes.push({
      en: `an Excel workbook's text is Unicode: the encoding ${options.encoding} was not used`,
      zh: `Excel 工作簿的文本都是 Unicode：没有使用指定的编码 ${options.encoding}`,
    });
  return {
    ...baseTable(fileName, 'xlsx', options, { crs: DEFAULT_CRS, from: 'default', problem: null }),
    encoding: null,
    columns,
    records,
    hasFileGeometry: false,
    notes,
    warnings: [],
  };
}

function readLoneDbf(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  let dbf;
  try {
    dbf = readDbf(bytes, { encoding: options.encoding });
  } catch (error) {
    if (error instanceof DbfError || error instanceof UnsupportedCodePageError)
      throw fileError(fileName, error);
    throw error;
  }
  const records: ImportRecord[] = [];
  dbf.records.forEach((values, index) => {
    if (values)
      records.push({ index, location: `record ${index + 1}`, values, geometry: null, geometryError: null });
  });
  const deleted = dbf.records.length - records.length;
  return {
    ...baseTable(fileName, 'dbf', options, { crs: DEFAULT_CRS, from: 'default', problem: null }),
    encoding: dbf.encoding,
    columns: dbf.fields.map((field) => field.name),
    records,
    hasFileGeometry: false,
    notes: [namedEncodingNote(dbf.encoding), deleted > 0 ? deletedRecordsNote(deleted) : null].filter(
      (note): note is Bilingual => note !== null,
    ),
    warnings: [],
  };
}

function readZip(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipBounded(bytes);
  } catch (error) {
    if (error instanceof ArchiveTooLargeError) throw error;
    throw new ImportFileError({
      en: `${fileName}: not a readable zip (${(error as Error).message})`,
      zh: `${fileName}：不是可读的 zip 压缩包（${(error as Error).message}）`,
    });
  }
  const files = Object.entries(entries).filter(
    ([name, data]) => !name.endsWith('/') && !/(^|\/)__MACOSX\//.test(name) && data.length > 0,
  );
  const shps = files.filter(([name]) => extensionOf(name) === 'shp');
  if (shps.length > 1) {
    throw new ImportFileError({
      en: `${fileName}: the zip holds ${shps.length} Shapefiles (${shps.map(([name]) => name).join(', ')}); zip one layer per import`,
      zh: `${fileName}：压缩包中有 ${shps.length} 个 Shapefile（${shps.map(([name]) => name).join('、')}）；每次导入只压缩一个图层`,
    });
  }
  if (shps.length === 1) {
    const [shpName, shp] = shps[0];
    const stem = shpName.slice(0, -4).toLowerCase();
    const sibling = (extension: string) =>
      files.find(([name]) => name.toLowerCase() === `${stem}.${extension}`)?.[1] ?? null;
    const dbf = sibling('dbf');
    if (!dbf)
      throw new ImportFileError({
        en: `${fileName}: ${shpName} has no .dbf beside it in the zip (its attributes)`,
        zh: `${fileName}：压缩包中 ${shpName} 没有配套的 .dbf（属性表）`,
      });
    return readShapefile(fileName, shp, dbf, sibling('prj'), sibling('cpg'), options);
  }
  const others = files.filter(([name]) => ['geojson', 'json', 'csv', 'dbf'].includes(extensionOf(name)));
  if (others.length === 1) return readImportFile(others[0][0].split('/').pop()!, others[0][1], options);
  throw new ImportFileError({
    en: `${fileName}: the zip holds no Shapefile (.shp with its .dbf)${others.length > 1 ? ` and several other files (${others.map(([name]) => name).join(', ')})` : ''}`,
    zh: `${fileName}：压缩包中没有 Shapefile（.shp 及其 .dbf）${others.length > 1 ? `，却有多个其他文件（${others.map(([name]) => name).join('、')}）` : ''}`,
  });
}

function readShapefile(
  fileName: string,
  shpBytes: Uint8Array,
  dbfBytes: Uint8Array,
  prjBytes: Uint8Array | null,
  cpgBytes: Uint8Array | null,
  options: ReadOptions,
): ImportTable {
  let shp;
  let dbf;
  // An encoding the user gives wins: the .cpg is then not read at all (so it cannot refuse the file).
  const cpgText = cpgBytes && !options.encoding ? decodeText(cpgBytes, 'utf8').trim() : null;
  try {
    const cpgEncoding = cpgText ? encodingFromCpg(cpgText) : null;
    shp = readShp(shpBytes);
    dbf = readDbf(dbfBytes, { encoding: options.encoding, cpgEncoding, cpgNamed: cpgText });
  } catch (error) {
    if (
      error instanceof ShapefileError ||
      error instanceof DbfError ||
      error instanceof UnsupportedCodePageError
    )
      throw fileError(fileName, error);
    throw error;
  }
  const notes: Bilingual[] = [
    {
      en: `Shapefile of ${shapeTypeName(shp.shapeType)} records`,
      zh: `Shapefile，几何类型为${shapeTypeNameZh(shp.shapeType)}`,
    },
  ];
  const encodingNote = namedEncodingNote(dbf.encoding);
  if (encodingNote) notes.push(encodingNote);
  else if (cpgText && dbf.encoding.from !== 'option')
    notes.push({
      en: `the .cpg names "${cpgText}", the code page of the computer that wrote the file, which the file does not tell; the encoding was detected instead`,
      zh: `.cpg 文件指定的编码“${cpgText}”是写出文件的电脑的系统代码页，文件本身没有说明是哪一个；已改为自动识别编码`,
    });
  let fileCrs: { crs: CoordinateSystem | null; from: CrsSource; problem: Bilingual | null };
  if (prjBytes) {
    const result = crsFromPrj(decodeText(prjBytes, 'utf8'));
    fileCrs = result.ok
      ? { crs: result.crs, from: 'prj', problem: null }
      : { crs: null, from: 'prj', problem: { en: result.reason, zh: result.reasonZh } };
  } else {
    fileCrs = { crs: DEFAULT_CRS, from: 'default', problem: null };
    notes.push({
      en: 'the Shapefile has no .prj: its coordinates are taken as WGS 84 longitude/latitude unless you declare a coordinate system',
      zh: 'Shapefile 没有 .prj 文件：坐标按 WGS 84 经纬度读取，除非另行指定坐标系',
    });
  }
  if (shp.records.length !== dbf.records.length) {
    notes.push({
      en: `the .shp has ${shp.records.length} records but the .dbf ${dbf.records.length}; records are paired by number`,
      zh: `.shp 有 ${shp.records.length} 条记录，而 .dbf 有 ${dbf.records.length} 条；按记录序号一一对应`,
    });
  }
  const records: ImportRecord[] = [];
  const count = Math.max(shp.records.length, dbf.records.length);
  let deleted = 0;
  for (let index = 0; index < count; index += 1) {
    const values = dbf.records[index];
    if (values === null) {
      deleted += 1;
      continue;
    }
    const shape = shp.records[index];
    records.push({
      index,
      location: `record ${index + 1}`,
      values: values ?? {},
      geometry: shape?.geometry ?? null,
      geometryError:
        shape === undefined
          ? { en: 'no geometry in the .shp for this record', zh: '.shp 中没有这条记录的几何' }
          : 'error' in shape
            ? { en: shape.error, zh: shape.errorZh }
            : null,
    });
  }
  if (deleted > 0) notes.push(deletedRecordsNote(deleted));
  return {
    ...baseTable(fileName, 'shapefile', options, fileCrs),
    encoding: dbf.encoding,
    columns: dbf.fields.map((field) => field.name),
    records,
    hasFileGeometry: true,
    notes,
    warnings: [],
  };
}

/** An OSM extract for the network layer: its walkable ways, already split where they share nodes. */
function readOsm(fileName: string, bytes: Uint8Array, options: ReadOptions): ImportTable {
  let document;
  try {
    document = parseOsmXml(decodeText(bytes, 'utf8'));
  } catch (error) {
    // The OSM reader's own messages are English: the Chinese says what failed and keeps the detail.
    if (error instanceof OsmXmlError)
      throw new ImportFileError({
        en: `${fileName}: ${error.message}`,
        zh: `${fileName}：无法读取 OSM XML（${messageZhOf(error)}）`,
      });
    throw error;
  }
  const network = buildWalkingNetwork(document);
  const records: ImportRecord[] = network.edges.map((edge, index) => ({
    index,
    location: `way ${edge.wayId}`,
    values: { class: edge.edgeClass, bridge: edge.bridge, wayId: edge.wayId },
    geometry: { type: 'LineString', coordinates: edge.coordinates.map(([lon, lat]) => [lon, lat]) },
    geometryError: null,
  }));
  return {
    ...baseTable(fileName, 'osm', options, { crs: DEFAULT_CRS, from: 'default', problem: null }),
    encoding: { encoding: 'utf8', from: 'detected' },
    columns: ['class', 'bridge', 'wayId'],
    records,
    hasFileGeometry: true,
    notes: [
      {
        en: `OpenStreetMap extract: ${network.walkableWayCount} walkable ways in ${network.edges.length} pieces (the walkable-way rules of npm run import:osm)`,
        zh: `OpenStreetMap 数据：${network.walkableWayCount} 条可步行的道路，切分为 ${network.edges.length} 段（按 npm run import:osm 的可步行道路规则）`,
      },
    ],
    warnings: [],
  };
}

function deletedRecordsNote(deleted: number): Bilingual {
  return {
    en: `${deleted} records marked deleted in the .dbf were skipped`,
    zh: `.dbf 中有 ${deleted} 条记录标记为已删除，已跳过`,
  };
}

// The geometry the Shapefile's type holds; Z and M variants carry the same shapes with heights or measures.
const SHAPE_KIND_ZH: Record<string, string> = {
  Null: '空',
  Point: '点',
  PolyLine: '线',
  Polygon: '面',
  MultiPoint: '多点',
  MultiPatch: '多面体',
};

/** A Shapefile's shape type in Chinese with its name: 5 → "面（Polygon）", 13 → "线（PolyLineZ）". */
function shapeTypeNameZh(type: number): string {
  const name = shapeTypeName(type);
  const kind = SHAPE_KIND_ZH[name.replace(/[ZM]$/, '')];
  return kind ? `${kind}（${name}）` : `未知类型 ${type}`;
}

/** Header names made unique ("名称", "名称_2") and never empty. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name, index) => {
    const base = name === '' ? `column${index + 1}` : name;
    const times = seen.get(base) ?? 0;
    seen.set(base, times + 1);
    return times === 0 ? base : `${base}_${times + 1}`;
  });
}

/** Up to `limit` distinct non-empty values of a column, in file order, as text. */
export function distinctColumnValues(table: ImportTable, column: string, limit = Infinity): string[] {
  const values: string[] = [];
  const seen = new Set<string>();
  for (const record of table.records) {
    const value = record.values[column];
    if (value === null || value === undefined || value === '') continue;
    const text = String(value).trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    values.push(text);
    if (values.length >= limit) break;
  }
  return values;
}
