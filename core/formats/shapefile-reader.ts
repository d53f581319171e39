/**
 * Geometry of an ESRI Shapefile (.shp, ESRI Shapefile Technical Description, 1998): null, point,
 * multipoint, polyline and polygon records, with their Z and M variants read as 2D. Polygon rings
 * are grouped as the format defines them: clockwise rings are outer rings, counter-clockwise rings
 * holes of the outer ring that contains them.
 */
import { pointInRing } from '../geometry/point-in-ring.js';
import { ringSignedArea } from '../geometry/polygon-area.js';
import type { Position } from '../geometry/position.js';
import { BilingualError, type Bilingual } from './bilingual-error.js';
import type { SourceGeometry } from './source-geometry.js';

/** A record that cannot be read says why in English (`error`) and in Chinese (`errorZh`). */
export type ShapeRecord =
  { geometry: SourceGeometry | null } | { geometry: null; error: string; errorZh: string };

export class ShapefileError extends BilingualError {
  constructor(text: Bilingual) {
    super(text);
    this.name = 'ShapefileError';
  }
}

const SHAPE_TYPE_NAMES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};

/** The file's declared shape type name, e.g. "Polygon". */
export function shapeTypeName(type: number): string {
  return SHAPE_TYPE_NAMES[type] ?? `unknown type ${type}`;
}

/** Reads every record of a .shp, in order; a record that cannot be read carries an error instead. */
export function readShp(bytes: Uint8Array): { shapeType: number; records: ShapeRecord[] } {
  if (bytes.length < 100)
    throw new ShapefileError({
      en: 'the .shp is shorter than its 100-byte header',
      zh: '.shp 文件比 100 字节的文件头还短',
    });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994)
    throw new ShapefileError({
      en: 'not a .shp file (file code is not 9994)',
      zh: '不是 .shp 文件（文件代码不是 9994）',
    });
  const shapeType = view.getInt32(32, true);
  const declaredLength = view.getInt32(24, false) * 2;
  const end = Math.min(bytes.length, declaredLength > 100 ? declaredLength : bytes.length);
  const records: ShapeRecord[] = [];
  let position = 100;
  while (position + 8 <= end) {
    const contentLength = view.getInt32(position + 4, false) * 2;
    const start = position + 8;
    if (contentLength < 4 || start + contentLength > bytes.length) {
      records.push({
        geometry: null,
        error: `record truncated (needs ${contentLength} bytes at byte ${start})`,
        errorZh: `记录被截断（需要从第 ${start} 字节起的 ${contentLength} 字节）`,
      });
      break;
    }
    records.push(readRecord(view, start, contentLength));
    position = start + contentLength;
  }
  return { shapeType, records };
}

function readRecord(view: DataView, start: number, length: number): ShapeRecord {
  const type = view.getInt32(start, true);
  const point = (offset: number): Position => [
    view.getFloat64(offset, true),
    view.getFloat64(offset + 8, true),
  ];
  switch (type) {
    case 0:
      return { geometry: null };
    case 1:
    case 11:
    case 21:
      if (length < 20) return { geometry: null, error: 'point record too short', errorZh: '点记录太短' };
      return { geometry: { type: 'Point', coordinates: point(start + 4) } };
    case 8:
    case 18:
    case 28: {
      const count = view.getInt32(start + 36, true);
      if (count < 0 || 40 + count * 16 > length)
        return {
          geometry: null,
          error: `multipoint of ${count} points does not fit its record`,
          errorZh: `${count} 个点的多点超出了记录长度`,
        };
      const points = Array.from({ length: count }, (_, k) => point(start + 40 + k * 16));
      return { geometry: { type: 'MultiPoint', coordinates: points } };
    }
    case 3:
    case 13:
    case 23:
    case 5:
    case 15:
    case 25: {
      const partCount = view.getInt32(start + 36, true);
      const pointCount = view.getInt32(start + 40, true);
      const pointsAt = start + 44 + partCount * 4;
      if (partCount < 1 || pointCount < 0 || 44 + partCount * 4 + pointCount * 16 > length) {
        return {
          geometry: null,
          error: `${partCount} parts of ${pointCount} points do not fit the record`,
          errorZh: `${partCount} 个部件、${pointCount} 个点超出了记录长度`,
        };
      }
      const starts = Array.from({ length: partCount }, (_, k) => view.getInt32(start + 44 + k * 4, true));
      const parts: Position[][] = [];
      for (let k = 0; k < partCount; k += 1) {
        const from = starts[k];
        const to = k + 1 < partCount ? starts[k + 1] : pointCount;
        if (from < 0 || to > pointCount || from >= to)
          return {
            geometry: null,
            error: `part ${k} has impossible point indexes ${from}–${to}`,
            errorZh: `部件 ${k} 的点序号 ${from}–${to} 不可能成立`,
          };
        parts.push(Array.from({ length: to - from }, (_, j) => point(pointsAt + (from + j) * 16)));
      }
      if (type === 3 || type === 13 || type === 23) {
        return {
          geometry:
            parts.length === 1
              ? { type: 'LineString', coordinates: parts[0] }
              : { type: 'MultiLineString', coordinates: parts },
        };
      }
      return { geometry: assemblePolygon(parts) };
    }
    default:
      return {
        geometry: null,
        error: `unsupported shape type ${shapeTypeName(type)}`,
        errorZh: `不支持的几何类型 ${shapeTypeName(type)}`,
      };
  }
}

/**
 * Polygon rings into a Polygon or MultiPolygon: clockwise rings (negative signed area) are outer
 * rings; each hole goes to the smallest outer ring containing its first vertex. A hole no outer ring
 * contains is kept as an outer ring, so nothing is lost (PostGIS then judges validity).
 */
export function assemblePolygon(rings: Position[][]): SourceGeometry {
  const outers: { ring: Position[]; holes: Position[][]; area: number }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const area = ringSignedArea(ring);
    if (area <= 0) outers.push({ ring, holes: [], area: Math.abs(area) });
    else holes.push(ring);
  }
  // A file that writes every ring counter-clockwise (against the format) has no outer ring: treat them as outers.
  if (outers.length === 0)
    return rings.length === 1
      ? { type: 'Polygon', coordinates: rings }
      : { type: 'MultiPolygon', coordinates: rings.map((ring) => [ring]) };
  for (const hole of holes) {
    const containing = outers
      .filter((outer) => pointInRing(hole[0], outer.ring))
      .sort((a, b) => a.area - b.area)[0];
    if (containing) containing.holes.push(hole);
    else outers.push({ ring: hole, holes: [], area: Math.abs(ringSignedArea(hole)) });
  }
  const polygons = outers.map((outer) => [outer.ring, ...outer.holes]);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}
