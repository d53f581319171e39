/**
 * A zipped ESRI Shapefile (.shp, .shx, .dbf, .prj, .cpg) from GeoJSON geometries in WGS 84 — points,
 * lines or polygons, one shape type per file as the format demands — written byte by byte after the
 * ESRI Shapefile Technical Description (1998) and the dBase III file layout. Text attributes are
 * UTF-8, which the .cpg file declares.
 */

import { zipSync } from 'fflate';
import { bboxOfPositions, bboxUnion, isEmptyBbox, type Bbox } from '../geometry/bbox.js';
import { ringSignedArea } from '../geometry/polygon-area.js';
import type { Position } from '../geometry/position.js';

type Ring = Position[];
type PolygonCoordinates = Ring[];

export type PolygonalGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

/** The GeoJSON geometries a Shapefile can hold (GeometryCollection cannot). */
export type ShapefileGeometry =
  | PolygonalGeometry
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Ring }
  | { type: 'MultiLineString'; coordinates: Ring[] };

export interface ShapefileField {
  /** At most 10 ASCII characters (dBase). */
  name: string;
  kind: 'text' | 'number';
}

export interface ShapefileRecord {
  geometry: ShapefileGeometry | null;
  values: readonly (string | number | null)[];
}

/** WGS 84 in the ESRI WKT that desktop GIS expect in a .prj. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const SHAPE_TYPE_NULL = 0;
const SHAPE_TYPE_POINT = 1;
const SHAPE_TYPE_POLYLINE = 3;
const SHAPE_TYPE_POLYGON = 5;
const SHAPE_TYPE_MULTIPOINT = 8;

type ShapeType =
  | typeof SHAPE_TYPE_POINT
  | typeof SHAPE_TYPE_POLYLINE
  | typeof SHAPE_TYPE_POLYGON
  | typeof SHAPE_TYPE_MULTIPOINT;

const SHAPE_TYPE_OF: Record<ShapefileGeometry['type'], ShapeType> = {
  Point: SHAPE_TYPE_POINT,
  MultiPoint: SHAPE_TYPE_MULTIPOINT,
  LineString: SHAPE_TYPE_POLYLINE,
  MultiLineString: SHAPE_TYPE_POLYLINE,
  Polygon: SHAPE_TYPE_POLYGON,
  MultiPolygon: SHAPE_TYPE_POLYGON,
};

/** The one shape type of the records; a file mixing points, lines and polygons is refused. */
function shapeTypeOf(records: readonly ShapefileRecord[]): ShapeType {
  let found: ShapeType | null = null;
  records.forEach((record, index) => {
    if (!record.geometry) return;
    const type = SHAPE_TYPE_OF[record.geometry.type];
    if (type === undefined)
      throw new Error(`record ${index}: a Shapefile cannot hold a ${record.geometry.type}`);
    if (found !== null && type !== found) {
      throw new Error(
        `record ${index}: a ${record.geometry.type} among other shapes; a Shapefile holds one shape type`,
      );
    }
    found = type;
  });
  return found ?? SHAPE_TYPE_POLYGON;
}

/** The parts (rings or lines) of a polyline or polygon shape, or the points of a (multi)point one. */
function partsOf(geometry: ShapefileGeometry): Ring[] {
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'MultiPoint':
      return [geometry.coordinates];
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
      return geometry.coordinates;
    default:
      return shapefileRings(geometry);
  }
}
const HEADER_BYTES = 100;

/** Shapefile rings: outer rings clockwise, holes counter-clockwise (the reverse of RFC 7946). */
function shapefileRings(geometry: PolygonalGeometry): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: Ring[] = [];
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const clockwise = ringSignedArea(ring) < 0;
      const wantClockwise = index === 0;
      rings.push(clockwise === wantClockwise ? ring : ring.slice().reverse());
    });
  }
  return rings;
}

function writeHeader(view: DataView, fileBytes: number, shapeType: ShapeType, box: Bbox): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  box.forEach((value, index) => view.setFloat64(36 + 8 * index, value, true));
}

/** The .shp and .shx of the records' geometries. */
function writeShapes(records: readonly ShapefileRecord[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = shapeTypeOf(records);
  const contents = records.map((record) => {
    if (!record.geometry) return { rings: [] as Ring[], bytes: 4 };
    const rings = partsOf(record.geometry);
    const points = rings.reduce((sum, ring) => sum + ring.length, 0);
    if (shapeType === SHAPE_TYPE_POINT) return { rings, bytes: 20 };
    // A multipoint has no part index: box, count, points.
    if (shapeType === SHAPE_TYPE_MULTIPOINT) return { rings, bytes: 40 + 16 * points };
    return { rings, bytes: 44 + 4 * rings.length + 16 * points };
  });
  const shpBytes = HEADER_BYTES + contents.reduce((sum, content) => sum + 8 + content.bytes, 0);
  const shxBytes = HEADER_BYTES + 8 * records.length;
  const shp = new DataView(new ArrayBuffer(shpBytes));
  const shx = new DataView(new ArrayBuffer(shxBytes));
  let fileBox = bboxOfPositions([]);

  let offset = HEADER_BYTES;
  contents.forEach(({ rings, bytes }, index) => {
    shx.setInt32(HEADER_BYTES + 8 * index, offset / 2, false);
    shx.setInt32(HEADER_BYTES + 8 * index + 4, bytes / 2, false);
    shp.setInt32(offset, index + 1, false);
    shp.setInt32(offset + 4, bytes / 2, false);
    const start = offset + 8;
    if (rings.length === 0) {
      shp.setInt32(start, SHAPE_TYPE_NULL, true);
    } else if (shapeType === SHAPE_TYPE_POINT) {
      const [x, y] = rings[0][0];
      fileBox = bboxUnion(fileBox, [x, y, x, y]);
      shp.setInt32(start, SHAPE_TYPE_POINT, true);
      shp.setFloat64(start + 4, x, true);
      shp.setFloat64(start + 12, y, true);
    } else {
      const box = bboxOfPositions(rings.flat());
      fileBox = bboxUnion(fileBox, box);
      shp.setInt32(start, shapeType, true);
      box.forEach((value, k) => shp.setFloat64(start + 4 + 8 * k, value, true));
      const pointCount = rings.reduce((sum, ring) => sum + ring.length, 0);
      let cursor: number;
      if (shapeType === SHAPE_TYPE_MULTIPOINT) {
        shp.setInt32(start + 36, pointCount, true);
        cursor = start + 40;
      } else {
        shp.setInt32(start + 36, rings.length, true);
        shp.setInt32(start + 40, pointCount, true);
        cursor = start + 44;
        let pointIndex = 0;
        for (const ring of rings) {
          shp.setInt32(cursor, pointIndex, true);
          cursor += 4;
          pointIndex += ring.length;
        }
      }
      for (const ring of rings) {
        for (const [x, y] of ring) {
          shp.setFloat64(cursor, x, true);
          shp.setFloat64(cursor + 8, y, true);
          cursor += 16;
        }
      }
    }
    offset = start + bytes;
  });
  const box: Bbox = isEmptyBbox(fileBox) ? [0, 0, 0, 0] : fileBox;
  writeHeader(shp, shpBytes, shapeType, box);
  writeHeader(shx, shxBytes, shapeType, box);
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

const encoder = new TextEncoder();

/** The longest prefix of `text` whose UTF-8 encoding fits `maxBytes`, never cutting a character. */
function utf8Prefix(text: string, maxBytes: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

const TEXT_MAX_BYTES = 254;
const NUMBER_WIDTH = 18;

/** The dBase III table of the records' attributes. */
function writeDbf(fields: readonly ShapefileField[], records: readonly ShapefileRecord[]): Uint8Array {
  for (const field of fields) {
    if (!/^[A-Za-z0-9_]{1,10}$/.test(field.name))
      throw new Error(`DBF field name "${field.name}" must be 1–10 ASCII letters, digits or _`);
  }
  const layout = fields.map((field, column) => {
    if (field.kind === 'text') {
      const longest = records.reduce((max, record) => {
        const value = record.values[column];
        return Math.max(max, value === null ? 0 : utf8Prefix(String(value), TEXT_MAX_BYTES).length);
      }, 1);
      return { type: 'C', width: longest, decimals: 0 };
    }
    const integral = records.every((record) => {
      const value = record.values[column];
      return value === null || Number.isInteger(value);
    });
    return { type: 'N', width: NUMBER_WIDTH, decimals: integral ? 0 : 6 };
  });
  const headerBytes = 32 + 32 * fields.length + 1;
  const recordBytes = 1 + layout.reduce((sum, field) => sum + field.width, 0);
  const bytes = new Uint8Array(headerBytes + recordBytes * records.length + 1);
  const view = new DataView(bytes.buffer);
  const today = new Date();
  bytes[0] = 0x03;
  bytes[1] = today.getUTCFullYear() - 1900;
  bytes[2] = today.getUTCMonth() + 1;
  bytes[3] = today.getUTCDate();
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerBytes, true);
  view.setUint16(10, recordBytes, true);
  fields.forEach((field, column) => {
    const at = 32 + 32 * column;
    bytes.set(encoder.encode(field.name), at);
    bytes[at + 11] = layout[column].type.charCodeAt(0);
    bytes[at + 16] = layout[column].width;
    bytes[at + 17] = layout[column].decimals;
  });
  bytes[headerBytes - 1] = 0x0d;
  records.forEach((record, row) => {
    let cursor = headerBytes + recordBytes * row;
    bytes.fill(0x20, cursor, cursor + recordBytes);
    cursor += 1;
    layout.forEach((field, column) => {
      const value = record.values[column];
      if (value !== null && value !== '') {
        if (field.type === 'C') {
          bytes.set(utf8Prefix(String(value), field.width), cursor);
        } else {
          const text = Number(value).toFixed(field.decimals);
          const fitted = text.length <= field.width ? text : Number(value).toExponential(field.width - 8);
          bytes.set(encoder.encode(fitted.padStart(field.width, ' ')), cursor);
        }
      }
      cursor += field.width;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/**
 * A zip holding `<baseName>.shp/.shx/.dbf/.prj/.cpg`; the shape type follows the geometries
 * (all points, all lines or all polygons; a record without geometry is a null shape).
 */
export function shapefileZip(
  baseName: string,
  fields: readonly ShapefileField[],
  records: readonly ShapefileRecord[],
): Uint8Array {
  const { shp, shx } = writeShapes(records);
  return zipSync({
    [`${baseName}.shp`]: shp,
    [`${baseName}.shx`]: shx,
    [`${baseName}.dbf`]: writeDbf(fields, records),
    [`${baseName}.prj`]: encoder.encode(WGS84_PRJ),
    [`${baseName}.cpg`]: encoder.encode('UTF-8'),
  });
}

/**
 * A zip of several shapefiles, one per layer (`<baseName>.shp/.shx/.dbf/.prj/.cpg` each): the
 * format holds one shape type per file, so points, lines and polygons of one export go side by side.
 */
export function shapefileLayersZip(
  layers: readonly {
    baseName: string;
    fields: readonly ShapefileField[];
    records: readonly ShapefileRecord[];
  }[],
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const { baseName, fields, records } of layers) {
    const { shp, shx } = writeShapes(records);
    files[`${baseName}.shp`] = shp;
    files[`${baseName}.shx`] = shx;
    files[`${baseName}.dbf`] = writeDbf(fields, records);
    files[`${baseName}.prj`] = encoder.encode(WGS84_PRJ);
    files[`${baseName}.cpg`] = encoder.encode('UTF-8');
  }
  return zipSync(files);
}

/** The same writer under its former name: scenario exports are polygons. */
export const polygonShapefileZip = shapefileZip;
