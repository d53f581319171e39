/**
 * Well-known text (OGC simple features, with PostGIS's EWKT `SRID=n;` prefix) to GeoJSON-shaped
 * geometry: POINT, LINESTRING, POLYGON and their MULTI forms, 2D (Z and M values are dropped).
 */
import type { Position } from '../geometry/position.js';
import { BilingualError, messageZhOf } from './bilingual-error.js';
import type { SourceGeometry } from './source-geometry.js';

/** A refusal says where reading stopped in English (`reason`) and in Chinese (`reasonZh`). */
export type WktResult =
  | { ok: true; geometry: SourceGeometry; srid: number | null }
  | { ok: false; reason: string; reasonZh: string };

const TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'] as const;

/** Parses WKT or EWKT; `reason` says where reading stopped. */
export function parseWkt(text: string): WktResult {
  let rest = text.trim();
  let srid: number | null = null;
  const sridMatch = /^SRID=(\d+);/i.exec(rest);
  if (sridMatch) {
    srid = Number(sridMatch[1]);
    rest = rest.slice(sridMatch[0].length).trim();
  }
  const head = /^([A-Za-z]+)\s*(ZM|Z|M)?\s*/.exec(rest);
  if (!head)
    return {
      ok: false,
      reason: `not WKT: "${abbreviate(text)}"`,
      reasonZh: `不是 WKT：“${abbreviate(text)}”`,
    };
  const typeName = head[1].toUpperCase();
  if (!(TYPES as readonly string[]).includes(typeName)) {
    return {
      ok: false,
      reason: `unsupported WKT type ${typeName} (expected ${TYPES.join(', ')})`,
      reasonZh: `不支持的 WKT 类型 ${typeName}（应为 ${TYPES.join('、')}）`,
    };
  }
  const body = rest.slice(head[0].length).trim();
  if (/^EMPTY$/i.test(body))
    return {
      ok: false,
      reason: `${typeName} EMPTY has no coordinates`,
      reasonZh: `${typeName} EMPTY 没有坐标`,
    };
  let nested: unknown;
  try {
    nested = readNested(body);
  } catch (error) {
    return {
      ok: false,
      reason: `${typeName}: ${(error as Error).message}`,
      reasonZh: `${typeName}：${messageZhOf(error)}`,
    };
  }
  const depth: Record<string, number> = {
    POINT: 1,
    LINESTRING: 2,
    MULTIPOINT: 2,
    POLYGON: 3,
    MULTILINESTRING: 3,
    MULTIPOLYGON: 4,
  };
  // MULTIPOINT may be written without inner parentheses: MULTIPOINT (1 2, 3 4).
  let value = nested as unknown[];
  if (typeName === 'POINT') value = (value as unknown[][])[0] as unknown[];
  if (typeName === 'MULTIPOINT')
    value = (value as unknown[]).map((item) => (isPositionList(item) ? (item as unknown[])[0] : item));
  const expectedDepth = typeName === 'POINT' ? 0 : typeName === 'MULTIPOINT' ? 1 : depth[typeName] - 1;
  if (nestingDepth(value) !== expectedDepth)
    return {
      ok: false,
      reason: `${typeName}: wrong nesting of parentheses`,
      reasonZh: `${typeName}：括号嵌套不正确`,
    };
  const geometryType = {
    POINT: 'Point',
    LINESTRING: 'LineString',
    POLYGON: 'Polygon',
    MULTIPOINT: 'MultiPoint',
    MULTILINESTRING: 'MultiLineString',
    MULTIPOLYGON: 'MultiPolygon',
  }[typeName as (typeof TYPES)[number]];
  return { ok: true, geometry: { type: geometryType, coordinates: value } as SourceGeometry, srid };
}

/** Reads "(...)" into nested arrays whose leaves are [x, y] positions. */
function readNested(body: string): unknown[] {
  let position = 0;
  const skip = () => {
    while (position < body.length && /\s/.test(body[position])) position += 1;
  };
  const list = (): unknown[] => {
    skip();
    if (body[position] !== '(')
      throw new BilingualError({
        en: `expected "(" at character ${position + 1}`,
        zh: `第 ${position + 1} 个字符处应为“(”`,
      });
    position += 1;
    const items: unknown[] = [];
    for (;;) {
      skip();
      if (body[position] === '(') items.push(list());
      else items.push(coordinate());
      skip();
      if (body[position] === ',') {
        position += 1;
        continue;
      }
      if (body[position] === ')') {
        position += 1;
        return items;
      }
      throw new BilingualError({
        en: `expected "," or ")" at character ${position + 1}`,
        zh: `第 ${position + 1} 个字符处应为“,”或“)”`,
      });
    }
  };
  const coordinate = (): Position => {
    const match = /^[-+0-9.eE]+(\s+[-+0-9.eE]+)+/.exec(body.slice(position));
    if (!match)
      throw new BilingualError({
        en: `expected coordinates at character ${position + 1}`,
        zh: `第 ${position + 1} 个字符处应为坐标`,
      });
    position += match[0].length;
    const numbers = match[0].trim().split(/\s+/).map(Number);
    if (numbers.length < 2 || numbers.some((n) => !Number.isFinite(n))) {
      throw new BilingualError({
        en: `bad coordinates "${match[0].trim()}"`,
        zh: `坐标“${match[0].trim()}”无效`,
      });
    }
    return [numbers[0], numbers[1]];
  };
  const result = list();
  skip();
  if (position !== body.length)
    throw new BilingualError({
      en: `unexpected text after the geometry at character ${position + 1}`,
      zh: `第 ${position + 1} 个字符处几何之后还有多余的文字`,
    });
  return result;
}

function isPosition(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number';
}

function isPositionList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 1 && isPosition(value[0]);
}

/** 0 for a position, 1 for a list of positions, and so on. */
function nestingDepth(value: unknown): number {
  if (isPosition(value)) return 0;
  if (!Array.isArray(value) || value.length === 0) return -1;
  const depths = value.map(nestingDepth);
  return depths.every((depth) => depth === depths[0] && depth >= 0) ? depths[0] + 1 : -1;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
