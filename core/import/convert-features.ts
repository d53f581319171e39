/**
 * Turns read records into features of a layer: mapped and typed properties (with value maps for
 * coded fields), geometry converted to WGS 84 `[lon, lat]`, and every problem named by record and
 * field — missing columns, empty or non-numeric values, unknown codes, duplicate ids, geometry of
 * the wrong type or malformed, coordinates in swapped order or outside the region. Geometry
 * validity (self-intersection) is judged later by PostGIS.
 */
import type { Bilingual } from '../formats/bilingual-error.js';
import type { SourceGeometry } from '../formats/source-geometry.js';
import { parseWkt } from '../formats/wkt-geometry.js';
import {
  bboxesIntersect,
  bboxGapMeters,
  bboxOfPositions,
  growBboxMeters,
  type Bbox,
} from '../geometry/bbox.js';
import type { Position } from '../geometry/position.js';
import { DEFAULT_PERSONS_PER_HOUSEHOLD } from '../osm/buildings.js';
import { geometryTypeZh, locationZh } from './bilingual-text.js';
import { crsByEpsg, guessProjectedCrs, toWgs84, type CoordinateSystem } from './coordinate-systems.js';
import type { FieldMapping, ValueMap } from './field-mapping.js';
import {
  LAYER_GEOMETRY,
  LAYER_NAMES_ZH,
  layerFields,
  matchCode,
  type CodeValue,
  type ImportLayer,
  type LayerField,
} from './import-layers.js';
import { makeProblem, type ImportProblem, type ProblemInput } from './import-problems.js';
import type { CellValue, ImportRecord, ImportTable } from './read-import-file.js';

/** Largest PostgreSQL `integer`. */
const INT4_MAX = 2_147_483_647;

/** True when every character is ASCII (a word written in Chinese is not). */
function isAscii(text: string): boolean {
  return [...text].every((character) => character.charCodeAt(0) < 0x80);
}

/** Features may reach this far beyond the region's extent (as the accessibility API allows points). */
export const REGION_MARGIN_METERS = 1000;
/** Where a new region's features are expected: mainland China, Hainan and Taiwan, generously. */
const CHINA_EXTENT: Bbox = [73.4, 17.9, 135.1, 53.6];

const COORDINATE_DECIMALS = 1e9;

export type OutputGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface ImportFeature {
  index: number;
  location: string;
  id: string;
  geometry: OutputGeometry;
  /** Typed properties by field (references still as written: the server resolves them). */
  properties: Record<string, unknown>;
  /** Whether any error names this record (such features are previewed, never written). */
  hasErrors: boolean;
}

export interface ConvertOptions {
  layer: ImportLayer;
  /** Field → column, complete (suggestion with the user's choices applied). */
  mapping: FieldMapping;
  valueMap: ValueMap;
  /** Read every position as (y, x): for files whose columns or axes are the wrong way round. */
  swapAxes: boolean;
  /** Close unclosed rings (PostGIS's ST_MakeValid repairs the rest later). */
  repair: boolean;
  /** Generated ids are `${idPrefix}-${record number}`. */
  idPrefix: string;
  /** The region's extent, or null for a region the import creates. */
  regionExtent: Bbox | null;
  /** Ids the layer keeps that new features must not reuse (an import that adds to a layer); null when replacing. */
  takenIds: ReadonlySet<string> | null;
}

export interface ConversionResult {
  features: ImportFeature[];
  problems: ImportProblem[];
  /** Where the geometry came from: the file's own, or the mapped columns. */
  geometryFrom: 'file' | 'wkt' | 'lon/lat' | 'lonLat' | null;
  /** Fields mapped to a column after checks (missing columns unmapped). */
  mapping: FieldMapping;
}

/** Converts every record; see the module comment. Pure and deterministic. */
export function convertFeatures(table: ImportTable, options: ConvertOptions): ConversionResult {
  const { layer, valueMap } = options;
  const problems: ImportProblem[] = [];
  const report = (input: ProblemInput) => problems.push(makeProblem(input, layer));
  const fields = layerFields(layer);
  const columns = new Set(table.columns);
  const columnList = table.columns.join(', ');
  const columnListZh = table.columns.join('、');

  // File-level: mapped columns that are not there, required fields without a column.
  const mapping: FieldMapping = {};
  for (const [field, column] of Object.entries(options.mapping)) {
    if (!column) continue;
    if (!columns.has(column)) {
      report({
        code: 'missing-column',
        field,
        column,
        text: {
          en: `the file has no column "${column}" (its columns: ${columnList || 'none'})`,
          zh: `文件中没有“${column}”列（文件的列：${columnListZh || '无'}）`,
        },
      });
      continue;
    }
    mapping[field] = column;
  }
  for (const field of fields) {
    if (field.need === 'required' && !mapping[field.field] && !options.mapping[field.field]) {
      report({
        code: 'required-field',
        field: field.field,
        text: {
          en: `no column is mapped to it and the layer needs it (${field.description}); map one of: ${columnList || 'no columns'}`,
          zh: `该图层必须有此字段，但没有文件列与之对应；请从以下列中选择一列：${columnListZh || '（文件没有列）'}`,
        },
      });
    } else if (field.need === 'derived' && !options.mapping[field.field]) {
      report({
        severity: 'note',
        code: 'derived',
        field: field.field,
        text: { en: `no column mapped: ${field.derivation}`, zh: `未对应文件列：${field.derivationZh}` },
      });
    }
  }

  const geometryFrom: ConversionResult['geometryFrom'] = table.hasFileGeometry
    ? 'file'
    : mapping.wkt
      ? 'wkt'
      : mapping.lon && mapping.lat
        ? 'lon/lat'
        : mapping.lonLat
          ? 'lonLat'
          : null;
  if (geometryFrom === null) {
    report({
      code: 'geometry-missing',
      field: 'geometry',
      text: {
        en: `the file has no geometry column mapped: map lon and lat columns, a "lon,lat" column (lonLat) or a WKT column (wkt); its columns: ${columnList}`,
        zh: `没有对应的几何列：请对应经度和纬度两列、一个“经度,纬度”列（经纬度）或一个 WKT 列（WKT 几何）；文件的列：${columnListZh}`,
      },
    });
  }
  if (table.crs === null) {
    report({
      code: 'crs-unknown',
      field: 'geometry',
      text: table.crsProblem ?? { en: 'unknown coordinate system', zh: '无法识别坐标系' },
    });
  }
  const wantsLines = LAYER_GEOMETRY[layer] === 'line';
  if (wantsLines && !table.hasFileGeometry && geometryFrom !== 'wkt' && geometryFrom !== null) {
    report({
      code: 'geometry-type',
      field: 'geometry',
      text: {
        en: 'a road network needs line geometry: map a WKT column of LINESTRINGs, or import GeoJSON, a Shapefile or an OSM extract',
        zh: '道路网需要线几何：请对应一个 LINESTRING 的 WKT 列，或导入 GeoJSON、Shapefile 或 OSM 数据',
      },
    });
  }

  const converter = table.crs ? makeConverter(table.crs, table.crsFrom === 'option', options) : null;
  const seenIds = new Map<string, string>();
  const features: ImportFeature[] = [];
  let swappedCount = 0;

  for (const record of table.records) {
    const before = problems.length;
    const rawId = mapping.id ? record.values[mapping.id] : undefined;
    const idText = rawId === undefined ? `${options.idPrefix}-${record.index + 1}` : cellText(rawId);
    const id = idText ?? '';
    const where = { index: record.index, location: record.location, featureId: id || null };
    if (mapping.id && idText === null)
      report({
        ...where,
        code: 'empty-value',
        field: 'id',
        column: mapping.id,
        text: { en: 'the id is empty', zh: '编号为空' },
      });
    if (id !== '') {
      const first = seenIds.get(id);
      if (first !== undefined)
        report({
          ...where,
          code: 'duplicate-id',
          field: 'id',
          column: mapping.id ?? null,
          text: {
            en: `duplicate id "${id}" (also ${first})`,
            zh: `重复编号“${id}”（${locationZh(first)}已使用）`,
          },
        });
      else seenIds.set(id, record.location);
      if (first === undefined && options.takenIds?.has(id)) {
        report({
          ...where,
          code: 'id-exists',
          field: 'id',
          column: mapping.id ?? null,
          text: {
            en: `the region's ${layer} already have id "${id}": replace the layer, or give new ids`,
            zh: `区域的${LAYER_NAMES_ZH[layer]}中已有编号“${id}”：请替换整个图层，或改用新的编号`,
          },
        });
      }
    }

    const properties: Record<string, unknown> = { id };
    for (const field of fields) {
      if (field.field === 'id') continue;
      const column = mapping[field.field];
      properties[field.field] = column
        ? readField(field, record.values[column], column, where, valueMap, report)
        : null;
    }
    applyDerivedDefaults(layer, properties, mapping);

    const geometry =
      converter && geometryFrom
        ? readGeometry(record, geometryFrom, mapping, layer, where, converter, report, options)
        : null;
    if (geometry?.swapped) swappedCount += 1;
    let hasErrors = false;
    for (let k = before; k < problems.length && !hasErrors; k += 1)
      hasErrors = problems[k].severity === 'error';
    if (geometry?.geometry)
      features.push({
        index: record.index,
        location: record.location,
        id,
        geometry: geometry.geometry,
        properties,
        hasErrors,
      });
  }
  if (swappedCount > 1 && !options.swapAxes) {
    report({
      code: 'axis-swapped',
      field: 'geometry',
      text: {
        en: `${swappedCount} of ${table.records.length} records have their coordinates in (latitude, longitude) order: fix the columns or pass --swap-axes (API: "swapAxes": true)`,
        zh: `${table.records.length} 条记录中有 ${swappedCount} 条坐标顺序颠倒（纬度在前）：请修正文件的列，或勾选“坐标为（纬度, 经度）顺序”（命令行 --swap-axes）`,
      },
    });
  }
  return { features, problems, geometryFrom, mapping };
}

interface Where {
  index: number;
  location: string;
  featureId: string | null;
}

function cellText(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'number' ? String(value) : String(value).trim();
  return text === '' ? null : text;
}

/** Number words of spreadsheets: "1,234", "1 234", full-width digits, a trailing unit like 人 or ㎡. */
export function parseNumberCell(value: CellValue): { number: number; percent: boolean } | null | 'invalid' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { number: value, percent: false } : 'invalid';
  if (typeof value === 'boolean') return 'invalid';
  let text = value.normalize('NFKC').trim();
  if (text === '') return null;
  const percent = text.endsWith('%');
  text = text
    .replace(/%$/, '')
    .replace(/(人|户|个|座|床|张|所|平方米|平米|m2|m²|㎡)$/u, '')
    .replace(/(?<=\d)[,\s](?=\d{3}\b)/g, '')
    .trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return 'invalid';
  return { number: Number(text), percent };
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', '是', '对', '√', '✓']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', '否', '不是', '×', '✗']);

/**
 * Where a field's problem is. Built only for a problem (99 200 records × every mapped field made it
 * a good part of converting them), and not as a closure per field: tsx names every one it makes.
 */
function fieldAt(where: Where, field: LayerField, column: string) {
  return { ...where, field: field.field, column };
}

function readField(
  field: LayerField,
  value: CellValue,
  column: string,
  where: Where,
  valueMap: ValueMap,
  report: (input: ProblemInput) => void,
): unknown {
  const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  if (empty) {
    if (field.need === 'required')
      report({
        ...fieldAt(where, field, column),
        code: 'empty-value',
        text: { en: `empty (${field.description} is required)`, zh: '为空（此字段必填）' },
      });
    return null;
  }
  switch (field.type) {
    case 'id':
    case 'text':
    case 'reference':
      return cellText(value);
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const word = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      report({
        ...fieldAt(where, field, column),
        code: 'unknown-value',
        text: {
          en: `"${String(value)}" is not yes/no (是/否, true/false, 1/0)`,
          zh: `“${String(value)}”不是“是”或“否”（可写 是/否、true/false、1/0）`,
        },
      });
      return null;
    }
    case 'code': {
      const text = String(value).trim();
      const code = valueMap[field.field]?.[text] ?? matchCode(field.codes!, text);
      if (code && field.codes!.some((candidate) => candidate.id === code)) return code;
      const word = (candidate: CodeValue) =>
        candidate.words.find((written) => !isAscii(written)) ?? candidate.words[1] ?? candidate.id;
      const known = field.codes!.map((candidate) => `${candidate.id} (${word(candidate)})`);
      report({
        ...fieldAt(where, field, column),
        code: 'unknown-value',
        text: {
          en: `"${text}" is not a known ${field.field}; known: ${known.join(', ')} — map it with a value map (e.g. --value-map ${field.field}.${text}=${field.codes![0].id})`,
          // The wizard lists the known codes in its value-mapping step, so the sentence does not.
          zh: `“${text}”是未知的${field.labelZh}（已知 ${field.codes!.length} 类）：请在“未知分类取值”中为它选择对应的类别（命令行 --value-map ${field.field}.${text}=${field.codes![0].id}）`,
        },
      });
      return null;
    }
    case 'integer':
    case 'number':
    case 'share': {
      const parsed = parseNumberCell(value);
      if (parsed === null) return null;
      if (parsed === 'invalid') {
        report({
          ...fieldAt(where, field, column),
          code: 'not-a-number',
          text: { en: `"${String(value)}" is not a number`, zh: `“${String(value)}”不是数字` },
        });
        return null;
      }
      let number = parsed.number;
      if (field.type === 'share') {
        if (parsed.percent || (number > 1 && number <= 100)) number /= 100;
        if (number < 0 || number > 1) {
          report({
            ...fieldAt(where, field, column),
            code: 'out-of-range',
            text: {
              en: `${String(value)} is not a share from 0 to 1 (or 0–100 %)`,
              zh: `${String(value)} 不是 0 到 1（或 0–100%）之间的比例`,
            },
          });
          return null;
        }
        return number;
      }
      if (number < 0) {
        report({
          ...fieldAt(where, field, column),
          code: 'out-of-range',
          text: { en: `${String(value)} is negative`, zh: `${String(value)} 是负数` },
        });
        return null;
      }
      if (field.type === 'integer' && !Number.isInteger(number)) {
        const rounded = Math.round(number);
        report({
          ...fieldAt(where, field, column),
          severity: 'warning',
          code: 'rounded',
          text: {
            en: `${String(value)} is not a whole number: rounded to ${rounded}`,
            zh: `${String(value)} 不是整数：已四舍五入为 ${rounded}`,
          },
        });
        number = rounded;
      }
      // Past a field's own limit the figure is a typing or unit mistake; past int4 it cannot be stored.
      const max = field.max ?? (field.type === 'integer' ? INT4_MAX : Number.MAX_VALUE);
      if (!Number.isFinite(number) || number > max) {
        report({
          ...fieldAt(where, field, column),
          code: 'out-of-range',
          text: {
            en: `${String(value)} is more than the largest ${field.description} accepted, ${max}`,
            zh: `${String(value)} 超过${field.labelZh}的上限 ${max}`,
          },
        });
        return null;
      }
      return number;
    }
  }
}

/** Values of derived fields without a column (see each field's `derivation`). */
function applyDerivedDefaults(
  layer: ImportLayer,
  properties: Record<string, unknown>,
  mapping: FieldMapping,
) {
  if (layer === 'streets' && !mapping.kind) {
    properties.kind =
      typeof properties.name === 'string' && /[镇乡]$/.test(properties.name) ? 'township' : 'street';
  }
  if (layer === 'communities' && !mapping.type) properties.type = 'urban';
  if (layer === 'units') {
    if (!mapping.kind) properties.kind = 'estate';
    if (!mapping.households && typeof properties.residents === 'number') {
      properties.households = Math.round(properties.residents / DEFAULT_PERSONS_PER_HOUSEHOLD);
    }
  }
  if (layer === 'network' && !mapping.class) properties.class = 'street';
}

// --- geometry ---------------------------------------------------------------------------------------

interface Converter {
  crs: CoordinateSystem;
  /** Converts a source position to WGS 84, swapping the axes first when asked. */
  convert(position: Position, swap: boolean): Position;
  sridConverters: Map<number, ((position: Position) => Position) | null>;
  accept: Bbox;
  regionKnown: boolean;
  /** Whether the user declared the system (then an EWKT SRID does not override it). */
  declared: boolean;
}

function makeConverter(crs: CoordinateSystem, declared: boolean, options: ConvertOptions): Converter {
  const forward = toWgs84(crs);
  return {
    crs,
    convert: (position, swap) => forward(swap ? [position[1], position[0]] : position),
    sridConverters: new Map(),
    accept: options.regionExtent ? growBboxMeters(options.regionExtent, REGION_MARGIN_METERS) : CHINA_EXTENT,
    regionKnown: options.regionExtent !== null,
    declared,
  };
}

function mapPositions(geometry: SourceGeometry, map: (position: Position) => Position): SourceGeometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: map(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(map) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((line) => line.map(map)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(map))),
      };
  }
}

function positionsOf(geometry: SourceGeometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

const isDegrees = (positions: Position[]) =>
  positions.every(
    ([lon, lat]) =>
      Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90,
  );

/** Reads, checks and converts one record's geometry; null when it has none usable. */
function readGeometry(
  record: ImportRecord,
  from: NonNullable<ConversionResult['geometryFrom']>,
  mapping: FieldMapping,
  layer: ImportLayer,
  where: Where,
  converter: Converter,
  report: (input: ProblemInput) => void,
  options: ConvertOptions,
): { geometry: OutputGeometry | null; swapped: boolean } | null {
  const at = { ...where, field: 'geometry' };
  let source: SourceGeometry | null = null;
  let convert = converter.convert;
  let column: string | null = null;
  if (from === 'file') {
    if (record.geometryError) {
      report({ ...at, code: 'geometry-malformed', text: record.geometryError });
      return null;
    }
    source = record.geometry;
  } else if (from === 'wkt') {
    column = mapping.wkt!;
    const text = cellText(record.values[column]);
    if (text !== null) {
      const parsed = parseWkt(text);
      if (!parsed.ok) {
        report({
          ...at,
          column,
          code: 'geometry-malformed',
          text: { en: parsed.reason, zh: parsed.reasonZh },
        });
        return null;
      }
      source = parsed.geometry;
      // An EWKT SRID speaks for its own value unless the user declared the system.
      if (parsed.srid !== null && !converter.declared && converter.crs.id !== `EPSG:${parsed.srid}`) {
        let sridConvert = converter.sridConverters.get(parsed.srid);
        if (sridConvert === undefined) {
          const crs = crsByEpsg(parsed.srid);
          sridConvert = crs ? toWgs84(crs) : null;
          converter.sridConverters.set(parsed.srid, sridConvert);
        }
        if (!sridConvert) {
          report({
            ...at,
            column,
            code: 'crs-unknown',
            text: {
              en: `SRID=${parsed.srid} is not a coordinate system this importer converts`,
              zh: `SRID=${parsed.srid} 不是本导入工具能转换的坐标系`,
            },
          });
          return null;
        }
        const chosen = sridConvert;
        convert = (position, swap) => chosen(swap ? [position[1], position[0]] : position);
      }
    }
  } else if (from === 'lon/lat') {
    const lon = parseNumberCell(record.values[mapping.lon!]);
    const lat = parseNumberCell(record.values[mapping.lat!]);
    if (lon === 'invalid' || lat === 'invalid') {
      const bad = lon === 'invalid' ? 'lon' : 'lat';
      report({
        ...at,
        field: bad,
        column: mapping[bad]!,
        code: 'not-a-number',
        text: {
          en: `"${String(record.values[mapping[bad]!])}" is not a coordinate`,
          zh: `“${String(record.values[mapping[bad]!])}”不是坐标值`,
        },
      });
      return null;
    }
    if (lon && lat) source = { type: 'Point', coordinates: [lon.number, lat.number] };
    else if (lon || lat) {
      const missing = lon ? 'lat' : 'lon';
      report({
        ...at,
        field: missing,
        column: mapping[missing]!,
        code: 'empty-value',
        text: { en: 'the coordinate is empty', zh: '坐标为空' },
      });
      return null;
    }
  } else {
    column = mapping.lonLat!;
    const text = cellText(record.values[column]);
    if (text !== null) {
      const parts = text
        .normalize('NFKC')
        .split(/[,;\s]+/)
        .filter((part) => part !== '');
      const numbers = parts.map(Number);
      if (numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n))) {
        report({
          ...at,
          field: 'lonLat',
          column,
          code: 'not-a-number',
          text: { en: `"${text}" is not "lon,lat"`, zh: `“${text}”不是“经度,纬度”` },
        });
        return null;
      }
      source = { type: 'Point', coordinates: [numbers[0], numbers[1]] };
    }
  }
  if (!source) {
    report({ ...at, column, code: 'geometry-missing', text: { en: 'no geometry', zh: '没有几何' } });
    return null;
  }

  const shaped = shapeForLayer(
    source,
    layer,
    options.repair,
    (text, code = 'geometry-type', severity = 'error') => report({ ...at, column, code, severity, text }),
  );
  if (!shaped) return null;

  const positions = positionsOf(shaped);
  if (positions.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
    report({
      ...at,
      column,
      code: 'geometry-malformed',
      text: { en: 'a coordinate is not a finite number', zh: '有坐标不是有限的数值' },
    });
    return null;
  }
  const swap = options.swapAxes;
  const primary = positions.map((position) => convert(position, swap));
  if (fitsRegion(primary, converter))
    return {
      geometry: roundGeometry(mapPositions(shaped, (position) => convert(position, swap))) as OutputGeometry,
      swapped: false,
    };
  const alternative = positions.map((position) => convert(position, !swap));
  const regionWord = converter.regionKnown ? 'the region' : 'China';
  const insideZh = converter.regionKnown ? '区域范围之内' : '中国境内';
  const outsideZh = converter.regionKnown ? '区域范围之外' : '中国境外';
  if (fitsRegion(alternative, converter)) {
    report({
      ...at,
      column,
      code: 'axis-swapped',
      text: swap
        ? {
            en: `with the axes swapped (swapAxes) this lies outside ${regionWord}, in the file's order inside it: drop swapAxes`,
            zh: `按（纬度, 经度）顺序读取时位于${outsideZh}，按文件原有顺序则位于${insideZh}：请取消勾选“坐标为（纬度, 经度）顺序”（命令行去掉 --swap-axes）`,
          }
        : {
            en: `the coordinates look swapped (latitude, longitude): swapped they fall inside ${regionWord}; fix the columns or pass --swap-axes (API: "swapAxes": true)`,
            zh: `坐标顺序颠倒（纬度在前）：对调后位于${insideZh}；请修正文件的列，或勾选“坐标为（纬度, 经度）顺序”（命令行 --swap-axes）`,
          },
    });
    return { geometry: null, swapped: true };
  }
  const geographic = converter.crs.kind !== 'projected';
  if (geographic && !isDegrees(positions)) {
    const guess = guessProjectedCrs(
      positions[0][0],
      converter.regionKnown ? (converter.accept[0] + converter.accept[2]) / 2 : null,
    );
    report({
      ...at,
      column,
      code: 'not-degrees',
      text: {
        en:
          `[${positions[0].join(', ')}] are not longitude/latitude degrees (${converter.crs.label}); the file looks projected (metres)` +
          (guess
            ? `: declare its coordinate system, e.g. --crs ${guess.id} (${guess.label})`
            : ': declare its coordinate system with --crs'),
        zh:
          `[${positions[0].join(', ')}] 不是经纬度（${converter.crs.label}），文件看来是以米为单位的投影坐标` +
          (guess
            ? `：请在“坐标系”中指定，例如 ${guess.id}（${guess.label}，命令行 --crs ${guess.id}）`
            : '：请在“坐标系”中指定文件的坐标系（命令行 --crs）'),
      },
    });
    return null;
  }
  if (!isDegrees(primary)) {
    report({
      ...at,
      column,
      code: 'outside-region',
      text: {
        en: `converts to no place on Earth from ${converter.crs.label}: check the coordinate system`,
        zh: `按 ${converter.crs.label} 换算后不在地球上：请检查坐标系`,
      },
    });
    return null;
  }
  const box = bboxOfPositions(primary);
  const distance = bboxGapMeters(box, converter.accept);
  const at0 = primary[0].map((n) => n.toFixed(6)).join(', ');
  if (converter.regionKnown) {
    report({
      ...at,
      column,
      code: 'outside-region',
      text: {
        en: `lies outside the region: at [${at0}], ${(distance / 1000).toFixed(1)} km beyond its extent plus ${REGION_MARGIN_METERS} m [${converter.accept.map((n) => n.toFixed(4)).join(', ')}]`,
        zh: `位于区域范围之外：位置 [${at0}]，距区域范围（外扩 ${REGION_MARGIN_METERS} 米后为 [${converter.accept.map((n) => n.toFixed(4)).join(', ')}]）${(distance / 1000).toFixed(1)} 公里`,
      },
    });
    return {
      geometry: roundGeometry(mapPositions(shaped, (position) => convert(position, swap))) as OutputGeometry,
      swapped: false,
    };
  }
  report({
    ...at,
    column,
    severity: 'warning',
    code: 'outside-region',
    text: {
      en: `lies outside China (at [${at0}]): is the coordinate system right?`,
      zh: `位于中国境外（位置 [${at0}]）：坐标系是否正确？`,
    },
  });
  return {
    geometry: roundGeometry(mapPositions(shaped, (position) => convert(position, swap))) as OutputGeometry,
    swapped: false,
  };
}

/** Whether converted positions are degrees and meet the region (or China) the converter accepts. */
function fitsRegion(candidate: Position[], converter: Converter): boolean {
  return isDegrees(candidate) && bboxesIntersect(bboxOfPositions(candidate), converter.accept);
}

/**
 * The geometry in the form the layer stores, or null (after reporting) when it cannot be: points
 * for facilities, (multi)polygons with closed rings of four or more positions for areas, lines of
 * two or more distinct positions for roads.
 */
function shapeForLayer(
  source: SourceGeometry,
  layer: ImportLayer,
  repair: boolean,
  problem: (
    text: Bilingual,
    code?: 'geometry-type' | 'geometry-malformed' | 'repaired',
    severity?: 'error' | 'note',
  ) => void,
): SourceGeometry | null {
  const wanted = LAYER_GEOMETRY[layer];
  const typeZh = geometryTypeZh(source.type);
  if (wanted === 'point') {
    if (source.type === 'Point') return source;
    if (source.type === 'MultiPoint' && source.coordinates.length === 1)
      return { type: 'Point', coordinates: source.coordinates[0] };
    problem({
      en: `a ${source.type}; ${layer} are points`,
      zh: `几何是${typeZh}，而${LAYER_NAMES_ZH[layer]}应为点`,
    });
    return null;
  }
  if (wanted === 'line') {
    const lines =
      source.type === 'LineString'
        ? [source.coordinates]
        : source.type === 'MultiLineString'
          ? source.coordinates
          : null;
    if (!lines) {
      problem({
        en: `a ${source.type}; road centrelines are lines`,
        zh: `几何是${typeZh}，而道路中心线应为线`,
      });
      return null;
    }
    for (const [k, line] of lines.entries()) {
      const distinct = new Set(line.map(([x, y]) => `${x} ${y}`));
      if (distinct.size < 2) {
        problem(
          {
            en: `line ${k + 1} has fewer than two distinct positions`,
            zh: `第 ${k + 1} 条线不足两个不同的点`,
          },
          'geometry-malformed',
        );
        return null;
      }
    }
    return source;
  }
  const polygons =
    source.type === 'Polygon'
      ? [source.coordinates]
      : source.type === 'MultiPolygon'
        ? source.coordinates
        : null;
  if (!polygons) {
    problem({
      en: `a ${source.type}; ${layer} are polygons`,
      zh: `几何是${typeZh}，而${LAYER_NAMES_ZH[layer]}应为面`,
    });
    return null;
  }
  const closed: Position[][][] = [];
  for (const [p, polygon] of polygons.entries()) {
    const rings: Position[][] = [];
    for (const [r, ring] of polygon.entries()) {
      const name = `ring ${r + 1}${polygons.length > 1 ? ` of polygon ${p + 1}` : ''}`;
      const nameZh = `${polygons.length > 1 ? `第 ${p + 1} 个面的` : ''}第 ${r + 1} 个环`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      let fixed = ring;
      if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
        if (!repair) {
          problem(
            {
              en: `${name} is not closed (its first and last positions differ); pass --repair to close it`,
              zh: `${nameZh}没有闭合（首末点不同）；勾选“修复无效几何”（命令行 --repair）可自动闭合`,
            },
            'geometry-malformed',
          );
          return null;
        }
        fixed = [...ring, first];
        problem(
          { en: `${name} was not closed: closed it`, zh: `${nameZh}原未闭合：已自动闭合` },
          'repaired',
          'note',
        );
      }
      if (fixed.length < 4) {
        problem(
          {
            en: `${name} has ${fixed.length} positions; a ring needs at least 4 (3 corners and the closing one)`,
            zh: `${nameZh}只有 ${fixed.length} 个点；一个环至少需要 4 个点（3 个角点加闭合点）`,
          },
          'geometry-malformed',
        );
        return null;
      }
      rings.push(fixed);
    }
    closed.push(rings);
  }
  return closed.length === 1
    ? { type: 'Polygon', coordinates: closed[0] }
    : { type: 'MultiPolygon', coordinates: closed };
}

function roundGeometry(geometry: SourceGeometry): SourceGeometry {
  return mapPositions(geometry, ([lon, lat]) => [
    Math.round(lon * COORDINATE_DECIMALS) / COORDINATE_DECIMALS,
    Math.round(lat * COORDINATE_DECIMALS) / COORDINATE_DECIMALS,
  ]);
}
