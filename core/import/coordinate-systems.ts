/**
 * The coordinate systems an import understands and their conversion to WGS 84 `[lon, lat]`.
 *
 * Projected systems are converted with proj4 (pure JavaScript) from PROJ definitions identical to
 * PostGIS's spatial_ref_sys (checked against PostGIS 3.3 and 3.6): it runs the same on both database
 * backends and in the browser, and needs no database round trip to preview a file. CGCS2000 is
 * taken as equal to WGS 84 (their realisations differ by centimetres; EPSG and PostGIS convert
 * between them without a datum shift). GCJ-02 and BD-09 are the web-map offsets (chinese-offsets.ts).
 * Beijing 1954 and Xian 1980 need local transformation parameters and are refused with advice.
 */
import proj4 from 'proj4';
import { BilingualError, messageZhOf } from '../formats/bilingual-error.js';
import type { Position } from '../geometry/position.js';
import { bd09ToWgs84, gcj02ToWgs84 } from './chinese-offsets.js';

export type CrsKind = 'geographic' | 'projected' | 'gcj02' | 'bd09';

export interface CoordinateSystem {
  /** "EPSG:4546", "gcj02", "bd09", or "custom" for a .prj that matches no EPSG code listed here. */
  id: string;
  label: string;
  kind: CrsKind;
  /** PROJ definition for projected systems. */
  proj4: string | null;
}

/** A refusal says why in English (`reason`) and in Chinese (`reasonZh`). */
export type CrsResult = { ok: true; crs: CoordinateSystem } | { ok: false; reason: string; reasonZh: string };

const GRS80_TMERC = (centralMeridian: number, falseEasting: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

const WGS84: CoordinateSystem = {
  id: 'EPSG:4326',
  label: 'WGS 84 (longitude, latitude)',
  kind: 'geographic',
  proj4: null,
};
const CGCS2000: CoordinateSystem = {
  id: 'EPSG:4490',
  label: 'CGCS2000 (longitude, latitude)',
  kind: 'geographic',
  proj4: null,
};
export const GCJ02: CoordinateSystem = {
  id: 'gcj02',
  label: 'GCJ-02 (AMap, Tencent: longitude, latitude)',
  kind: 'gcj02',
  proj4: null,
};
export const BD09: CoordinateSystem = {
  id: 'bd09',
  label: 'BD-09 (Baidu: longitude, latitude)',
  kind: 'bd09',
  proj4: null,
};

/**
 * CGCS2000 Gauss–Krüger zones by EPSG code: 6° zones 13–23 with the zone number before the easting
 * (4491–4501) and by central meridian (4502–4512); 3° zones 25–45 with the zone prefix (4513–4533)
 * and by central meridian 75°E–135°E (4534–4554).
 */
function cgcs2000GaussKruger(code: number): CoordinateSystem | null {
  let centralMeridian: number;
  let falseEasting = 500000;
  let label: string;
  if (code >= 4491 && code <= 4501) {
    const zone = code - 4491 + 13;
    centralMeridian = zone * 6 - 3;
    falseEasting = zone * 1e6 + 500000;
    label = `CGCS2000 / Gauss-Kruger zone ${zone} (6°, CM ${centralMeridian}E)`;
  } else if (code >= 4502 && code <= 4512) {
    centralMeridian = 75 + (code - 4502) * 6;
    label = `CGCS2000 / Gauss-Kruger CM ${centralMeridian}E (6°)`;
  } else if (code >= 4513 && code <= 4533) {
    const zone = code - 4513 + 25;
    centralMeridian = zone * 3;
    falseEasting = zone * 1e6 + 500000;
    label = `CGCS2000 / 3-degree Gauss-Kruger zone ${zone} (CM ${centralMeridian}E)`;
  } else if (code >= 4534 && code <= 4554) {
    centralMeridian = 75 + (code - 4534) * 3;
    label = `CGCS2000 / 3-degree Gauss-Kruger CM ${centralMeridian}E`;
  } else {
    return null;
  }
  return { id: `EPSG:${code}`, label, kind: 'projected', proj4: GRS80_TMERC(centralMeridian, falseEasting) };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** The systems known by EPSG code. */
export function crsByEpsg(code: number): CoordinateSystem | null {
  if (code === 4326) return WGS84;
  if (code === 4490) return CGCS2000;
  if (code === 3857 || code === 900913) {
    return {
      id: 'EPSG:3857',
      label: 'WGS 84 / Pseudo-Mercator (web tiles)',
      kind: 'projected',
      proj4:
        '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
    };
  }
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const zone = code % 100;
    const south = code >= 32701;
    return {
      id: `EPSG:${code}`,
      label: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`,
      kind: 'projected',
      proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
    };
  }
  return cgcs2000GaussKruger(code);
}

/** What `--crs` accepts, for messages. */
export const CRS_OPTION_HELP =
  'EPSG:4326 (WGS 84), EPSG:4490 (CGCS2000), EPSG:4491–4554 (CGCS2000 Gauss–Krüger zones), EPSG:3857, EPSG:326xx/327xx (UTM), gcj02, bd09';
/** `CRS_OPTION_HELP` in Chinese. */
export const CRS_OPTION_HELP_ZH =
  'EPSG:4326（WGS 84）、EPSG:4490（CGCS2000）、EPSG:4491–4554（CGCS2000 高斯–克吕格分带）、EPSG:3857、EPSG:326xx/327xx（UTM）、gcj02（高德、腾讯）、bd09（百度）';

/** Parses `--crs`: "EPSG:4546", "4546", "wgs84", "cgcs2000", "gcj02", "bd09" (case and hyphens ignored). */
export function parseCrsOption(text: string): CrsResult {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (value === 'gcj02' || value === 'gcj' || value === 'amap' || value === 'mars')
    return { ok: true, crs: GCJ02 };
  if (value === 'bd09' || value === 'bd09ll' || value === 'baidu') return { ok: true, crs: BD09 };
  if (value === 'wgs84') return { ok: true, crs: WGS84 };
  if (value === 'cgcs2000') return { ok: true, crs: CGCS2000 };
  const match = /^(?:epsg:?)?(\d{4,5})$/.exec(value);
  if (match) {
    const crs = crsByEpsg(Number(match[1]));
    if (crs) return { ok: true, crs };
    return {
      ok: false,
      reason: `EPSG:${match[1]} is not supported (supported: ${CRS_OPTION_HELP})`,
      reasonZh: `不支持 EPSG:${match[1]}（支持：${CRS_OPTION_HELP_ZH}）`,
    };
  }
  return {
    ok: false,
    reason: `"${text}" is not a coordinate system this importer knows (use ${CRS_OPTION_HELP})`,
    reasonZh: `“${text}”不是本导入工具认识的坐标系（可用：${CRS_OPTION_HELP_ZH}）`,
  };
}

/** The default when a file says nothing: RFC 7946 GeoJSON, CSV coordinates and a .prj-less Shapefile are WGS 84. */
export const DEFAULT_CRS = WGS84;

// --- .prj (WKT 1, ESRI or OGC flavour) -------------------------------------------------------------

interface WktNode {
  keyword: string;
  values: (string | number | WktNode)[];
}

function parseWktTree(text: string): WktNode {
  let position = 0;
  const skip = () => {
    while (position < text.length && /[\s]/.test(text[position])) position += 1;
  };
  const node = (): WktNode => {
    skip();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(position));
    if (!keyword)
      throw new BilingualError({
        en: `expected a keyword at character ${position + 1}`,
        zh: `第 ${position + 1} 个字符处应为关键字`,
      });
    position += keyword[0].length;
    skip();
    const open = text[position];
    if (open !== '[' && open !== '(')
      throw new BilingualError({ en: `expected "[" after ${keyword[0]}`, zh: `${keyword[0]} 之后应为“[”` });
    position += 1;
    const values: WktNode['values'] = [];
    for (;;) {
      skip();
      const character = text[position];
      if (character === '"') {
        const end = text.indexOf('"', position + 1);
        if (end === -1)
          throw new BilingualError({ en: 'a quoted name is never closed', zh: '带引号的名称没有闭合' });
        values.push(text.slice(position + 1, end));
        position = end + 1;
      } else if (/[-+0-9.]/.test(character ?? '')) {
        const number = /^[-+0-9.eE]+/.exec(text.slice(position))![0];
        values.push(Number(number));
        position += number.length;
      } else if (/[A-Za-z_]/.test(character ?? '')) {
        // A bare word like NORTH or EAST in AXIS[], or a nested node.
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(position))![0];
        const after = text.slice(position + word.length).trimStart()[0];
        if (after === '[' || after === '(') values.push(node());
        else {
          values.push(word);
          position += word.length;
        }
      } else {
        throw new BilingualError({
          en: `unexpected "${character ?? 'end of text'}" at character ${position + 1}`,
          zh: `第 ${position + 1} 个字符处出现意外的${character === undefined ? '文本结尾' : `“${character}”`}`,
        });
      }
      skip();
      if (text[position] === ',') {
        position += 1;
        continue;
      }
      if (text[position] === ']' || text[position] === ')') {
        position += 1;
        return { keyword: keyword[0].toUpperCase(), values };
      }
      throw new BilingualError({
        en: `expected "," or "]" at character ${position + 1}`,
        zh: `第 ${position + 1} 个字符处应为“,”或“]”`,
      });
    }
  };
  return node();
}

const child = (node: WktNode, keyword: string) =>
  node.values.find((value): value is WktNode => typeof value === 'object' && value.keyword === keyword) ??
  null;
const children = (node: WktNode, keyword: string) =>
  node.values.filter((value): value is WktNode => typeof value === 'object' && value.keyword === keyword);
const nameOf = (node: WktNode | null) => (node && typeof node.values[0] === 'string' ? node.values[0] : '');
const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

type Datum = 'wgs84' | 'cgcs2000' | 'beijing1954' | 'xian1980' | 'unknown';

function datumOf(geographic: WktNode): { datum: Datum; name: string } {
  const datum = child(geographic, 'DATUM');
  const spheroid = datum ? child(datum, 'SPHEROID') : null;
  const names = [nameOf(geographic), nameOf(datum), nameOf(spheroid)].map(normal).join(' ');
  const name = nameOf(datum) || nameOf(geographic);
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(names)) return { datum: 'cgcs2000', name };
  if (/beijing1954|krasovsky|krassowsky/.test(names)) return { datum: 'beijing1954', name };
  if (/xian1980|iag75|iag1975/.test(names)) return { datum: 'xian1980', name };
  if (/wgs1984|wgs84/.test(names)) return { datum: 'wgs84', name };
  // A bare GRS 1980 ellipsoid without a named datum: CGCS2000 uses it (same a and 1/f to 1e-9).
  if (/grs1980|grs80/.test(names)) return { datum: 'cgcs2000', name };
  return { datum: 'unknown', name };
}

function refuseDatum(datum: Datum, name: string): CrsResult {
  const which =
    datum === 'beijing1954'
      ? 'Beijing 1954 (北京54)'
      : datum === 'xian1980'
        ? 'Xian 1980 (西安80)'
        : `"${name}"`;
  const whichZh = datum === 'beijing1954' ? '北京 54' : datum === 'xian1980' ? '西安 80' : `“${name}”`;
  return {
    ok: false,
    reason:
      `the .prj uses the ${which} datum; converting it to WGS 84 needs local transformation parameters (七参数) ` +
      'this importer does not have. Reproject the file to CGCS2000 (EPSG:4490 or a CGCS2000 Gauss–Krüger zone) ' +
      'in your GIS first, or pass --crs if the .prj is wrong',
    reasonZh:
      `.prj 使用${whichZh}坐标基准；转换到 WGS 84 需要本地转换参数（七参数），本导入工具没有这些参数。` +
      '请先在 GIS 软件中把文件转换到 CGCS2000（EPSG:4490 或 CGCS2000 高斯–克吕格分带）；如果 .prj 有误，可以另行指定坐标系（命令行 --crs）',
  };
}

/**
 * Identifies the coordinate system a .prj (ESRI or OGC WKT 1) describes: an EPSG authority code,
 * a geographic WGS 84 / CGCS2000 system, or a Transverse Mercator / Gauss–Krüger / Web Mercator
 * projection on those datums (matched to its EPSG code when one of the table has the same
 * parameters). Anything else is refused with the reason.
 */
export function crsFromPrj(text: string): CrsResult {
  let root: WktNode;
  try {
    root = parseWktTree(text.trim());
  } catch (error) {
    return {
      ok: false,
      reason: `the .prj is not readable WKT (${(error as Error).message})`,
      reasonZh: `.prj 不是可读的 WKT（${messageZhOf(error)}）`,
    };
  }
  const authority = child(root, 'AUTHORITY');
  if (authority && String(authority.values[0]).toUpperCase() === 'EPSG') {
    const crs = crsByEpsg(Number(authority.values[1]));
    if (crs) return { ok: true, crs };
  }
  if (root.keyword === 'GEOGCS' || root.keyword === 'GEOGCRS') {
    const { datum, name } = datumOf(root);
    if (datum === 'wgs84') return { ok: true, crs: WGS84 };
    if (datum === 'cgcs2000') return { ok: true, crs: CGCS2000 };
    return refuseDatum(datum, name);
  }
  if (root.keyword !== 'PROJCS')
    return {
      ok: false,
      reason: `the .prj describes a ${root.keyword}, not a geographic or projected system`,
      reasonZh: `.prj 描述的是 ${root.keyword}，不是地理坐标系或投影坐标系`,
    };
  const geographic = child(root, 'GEOGCS');
  if (!geographic) return { ok: false, reason: 'the .prj has no GEOGCS', reasonZh: '.prj 中没有 GEOGCS' };
  const { datum, name } = datumOf(geographic);
  if (datum !== 'wgs84' && datum !== 'cgcs2000') return refuseDatum(datum, name);
  const unit = children(root, 'UNIT').at(-1);
  const metres = unit ? Number(unit.values[1]) : 1;
  if (Math.abs(metres - 1) > 1e-9)
    return {
      ok: false,
      reason: `the .prj's linear unit "${nameOf(unit ?? null)}" is not the metre`,
      reasonZh: `.prj 的长度单位“${nameOf(unit ?? null)}”不是米`,
    };
  const projection = normal(nameOf(child(root, 'PROJECTION')));
  const parameters = new Map<string, number>();
  for (const parameter of children(root, 'PARAMETER'))
    parameters.set(normal(String(parameter.values[0])), Number(parameter.values[1]));
  const parameter = (key: string, fallback: number) => parameters.get(key) ?? fallback;
  const ellipsoid = datum === 'wgs84' ? '+datum=WGS84' : '+ellps=GRS80';

  if (projection === 'gausskruger' || projection === 'transversemercator') {
    const centralMeridian = parameter('centralmeridian', parameter('longitudeofcenter', Number.NaN));
    const falseEasting = parameter('falseeasting', 0);
    const falseNorthing = parameter('falsenorthing', 0);
    const scale = parameter('scalefactor', 1);
    const latitudeOfOrigin = parameter('latitudeoforigin', 0);
    if (!Number.isFinite(centralMeridian))
      return { ok: false, reason: 'the .prj gives no central meridian', reasonZh: '.prj 没有给出中央经线' };
    if (datum === 'cgcs2000' && scale === 1 && falseNorthing === 0 && latitudeOfOrigin === 0) {
      // A 3° and a 6° zone with the same central meridian are the same projection; the name tells
      // which the file means, and cities mostly use 3° zones.
      const sixDegrees = /6degree/.test(normal(nameOf(root)));
      const codes = [...range(4513, 4554), ...range(4491, 4512)];
      if (sixDegrees) codes.reverse();
      for (const code of codes) {
        const known = cgcs2000GaussKruger(code)!;
        if (known.proj4 === GRS80_TMERC(centralMeridian, falseEasting)) return { ok: true, crs: known };
      }
    }
    if (
      datum === 'wgs84' &&
      scale === 0.9996 &&
      latitudeOfOrigin === 0 &&
      falseEasting === 500000 &&
      (falseNorthing === 0 || falseNorthing === 10000000)
    ) {
      const zone = Math.round((centralMeridian + 183) / 6);
      const code = (falseNorthing === 0 ? 32600 : 32700) + zone;
      const known = crsByEpsg(code);
      if (known && zone * 6 - 183 === centralMeridian) return { ok: true, crs: known };
    }
    return {
      ok: true,
      crs: {
        id: 'custom',
        label: `${nameOf(root) || 'Transverse Mercator'} (CM ${centralMeridian}°, ${datum === 'wgs84' ? 'WGS 84' : 'CGCS2000'})`,
        kind: 'projected',
        proj4: `+proj=tmerc +lat_0=${latitudeOfOrigin} +lon_0=${centralMeridian} +k=${scale} +x_0=${falseEasting} +y_0=${falseNorthing} ${ellipsoid} +units=m +no_defs`,
      },
    };
  }
  if (
    /mercatorauxiliarysphere|popularvisualisation|pseudomercator/.test(projection) ||
    /webmercator|pseudomercator/.test(normal(nameOf(root)))
  ) {
    return { ok: true, crs: crsByEpsg(3857)! };
  }
  return {
    ok: false,
    reason: `the .prj's projection "${nameOf(child(root, 'PROJECTION'))}" is not supported (pass --crs if you know the EPSG code)`,
    reasonZh: `不支持 .prj 中的投影“${nameOf(child(root, 'PROJECTION'))}”（如果知道其 EPSG 代码，请另行指定坐标系）`,
  };
}

/**
 * The system a GeoJSON file's legacy `crs` member names (GeoJSON 2008: `{"type":"name",
 * "properties":{"name":"urn:ogc:def:crs:EPSG::4546"}}`); null when it has none.
 */
export function crsFromGeoJsonMember(member: unknown): CrsResult | null {
  const name = (member as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$/i.test(name)) return { ok: true, crs: WGS84 };
  const match = /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(name);
  if (!match)
    return {
      ok: false,
      reason: `the GeoJSON names an unknown crs "${name}"`,
      reasonZh: `GeoJSON 指定了未知的坐标系“${name}”`,
    };
  const crs = crsByEpsg(Number(match[1]));
  return crs
    ? { ok: true, crs }
    : {
        ok: false,
        reason: `the GeoJSON's crs EPSG:${match[1]} is not supported (${CRS_OPTION_HELP})`,
        reasonZh: `不支持 GeoJSON 指定的坐标系 EPSG:${match[1]}（支持：${CRS_OPTION_HELP_ZH}）`,
      };
}

/** A function taking a position in `crs` (x/easting first) to WGS 84 `[lon, lat]`. */
export function toWgs84(crs: CoordinateSystem): (position: Position) => Position {
  switch (crs.kind) {
    case 'geographic':
      return (position) => [position[0], position[1]];
    case 'gcj02':
      return gcj02ToWgs84;
    case 'bd09':
      return bd09ToWgs84;
    case 'projected': {
      const converter = proj4(crs.proj4!, 'EPSG:4326');
      return (position) => {
        const [lon, lat] = converter.forward([position[0], position[1]]);
        return [lon, lat];
      };
    }
  }
}

/**
 * A guess at the projected system of metre coordinates, for the advice when a file without a .prj
 * holds them: a zone number before the easting names its 3° (25–45) or 6° (13–23) zone; otherwise
 * the 3° zone whose central meridian is nearest `nearLongitude` (the region's centre).
 */
export function guessProjectedCrs(easting: number, nearLongitude: number | null): CoordinateSystem | null {
  const zone = Math.floor(easting / 1e6);
  if (zone >= 25 && zone <= 45) return crsByEpsg(4513 + zone - 25);
  if (zone >= 13 && zone <= 23) return crsByEpsg(4491 + zone - 13);
  if (zone === 0 && nearLongitude !== null) {
    const meridian = Math.round(nearLongitude / 3) * 3;
    if (meridian >= 75 && meridian <= 135) return crsByEpsg(4534 + (meridian - 75) / 3);
  }
  return null;
}
