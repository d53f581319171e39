/**
 * GeoJSON geometry as hex EWKB (PostGIS's extended well-known binary, little-endian, with its SRID),
 * which PostGIS reads as `text::geometry` without parsing JSON (sql/imports.sql.ts,
 * LOAD_IMPORT_FEATURES): loading a county's 99 200 imported
 * units this way took half the time of ST_GeomFromGeoJSON (issue 13). The text input checks
 * nothing of the rings (as ST_GeomFromGeoJSON), so an unclosed or self-crossing ring still reaches
 * ST_IsValid and is reported per feature.
 */

/** A GeoJSON geometry of the kinds imports carry. */
export type EwkbGeometry =
  | { type: 'Point'; coordinates: readonly number[] }
  | { type: 'LineString' | 'MultiPoint'; coordinates: readonly (readonly number[])[] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: readonly (readonly (readonly number[])[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly (readonly number[])[])[])[] };

const TYPE_CODES = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
} as const;

/** EWKB's flag saying an SRID follows the type. */
const SRID_FLAG = 0x20000000;

/**
 * `geometry` (two-dimensional, finite coordinates) as hex EWKB with `srid`; null for anything else
 * (a third coordinate, a non-number, an unknown type), which the caller hands to PostGIS as GeoJSON.
 */
export function geometryEwkbHex(geometry: EwkbGeometry, srid: number): string | null {
  const size = byteSize(geometry);
  if (size === null) return null;
  const writer = new EwkbWriter(size);
  writer.header(TYPE_CODES[geometry.type], srid);
  switch (geometry.type) {
    case 'Point':
      writer.point(geometry.coordinates);
      break;
    case 'LineString':
      writer.points(geometry.coordinates);
      break;
    case 'Polygon':
      writer.rings(geometry.coordinates);
      break;
    case 'MultiPoint':
      writer.count(geometry.coordinates.length);
      for (const position of geometry.coordinates) {
        writer.header(TYPE_CODES.Point, null);
        writer.point(position);
      }
      break;
    case 'MultiLineString':
      writer.count(geometry.coordinates.length);
      for (const line of geometry.coordinates) {
        writer.header(TYPE_CODES.LineString, null);
        writer.points(line);
      }
      break;
    case 'MultiPolygon':
      writer.count(geometry.coordinates.length);
      for (const polygon of geometry.coordinates) {
        writer.header(TYPE_CODES.Polygon, null);
        writer.rings(polygon);
      }
      break;
  }
  return writer.hex();
}

/**
 * Writes EWKB into a buffer of known size. A class, not closures made per geometry: under tsx every
 * function made at run time is also named (esbuild's keepNames), 0.2 s over a county's units.
 */
class EwkbWriter {
  private readonly buffer: Buffer;
  private offset = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Byte order, type and, for the outermost geometry (`srid` not null), the SRID. */
  header(type: number, srid: number | null): void {
    this.buffer.writeUInt8(1, this.offset);
    this.buffer.writeUInt32LE(srid === null ? type : type | SRID_FLAG, this.offset + 1);
    this.offset += 5;
    if (srid !== null) {
      this.buffer.writeUInt32LE(srid, this.offset);
      this.offset += 4;
    }
  }

  count(value: number): void {
    this.buffer.writeUInt32LE(value, this.offset);
    this.offset += 4;
  }

  point(position: readonly number[]): void {
    this.buffer.writeDoubleLE(position[0], this.offset);
    this.buffer.writeDoubleLE(position[1], this.offset + 8);
    this.offset += 16;
  }

  points(positions: readonly (readonly number[])[]): void {
    this.count(positions.length);
    for (const position of positions) this.point(position);
  }

  rings(polygon: readonly (readonly (readonly number[])[])[]): void {
    this.count(polygon.length);
    for (const ring of polygon) this.points(ring);
  }

  hex(): string {
    return this.buffer.toString('hex', 0, this.offset);
  }
}

/** Bytes of the EWKB of `geometry` (SRID included), or null when it cannot be written as such. */
function byteSize(geometry: EwkbGeometry): number | null {
  const head = 9;
  switch (geometry.type) {
    case 'Point':
      return isPlanarPosition(geometry.coordinates) ? head + 16 : null;
    case 'LineString': {
      const size = positionsSize(geometry.coordinates);
      return size === null ? null : head + size;
    }
    case 'Polygon': {
      const size = polygonSize(geometry.coordinates);
      return size === null ? null : head + size;
    }
    case 'MultiPoint': {
      const size = positionsSize(geometry.coordinates);
      return size === null ? null : head + 4 + geometry.coordinates.length * 21;
    }
    case 'MultiLineString': {
      let size = head + 4;
      for (const line of geometry.coordinates) {
        const lineSize = positionsSize(line);
        if (lineSize === null) return null;
        size += 5 + lineSize;
      }
      return size;
    }
    case 'MultiPolygon': {
      let size = head + 4;
      for (const polygon of geometry.coordinates) {
        const partSize = polygonSize(polygon);
        if (partSize === null) return null;
        size += 5 + partSize;
      }
      return size;
    }
    default:
      return null;
  }
}

function positionsSize(positions: readonly (readonly number[])[]): number | null {
  for (const position of positions) if (!isPlanarPosition(position)) return null;
  return 4 + positions.length * 16;
}

function polygonSize(polygon: readonly (readonly (readonly number[])[])[]): number | null {
  let size = 4;
  for (const ring of polygon) {
    const ringSize = positionsSize(ring);
    if (ringSize === null) return null;
    size += ringSize;
  }
  return size;
}

function isPlanarPosition(position: readonly number[]): boolean {
  return (
    Array.isArray(position) &&
    position.length === 2 &&
    Number.isFinite(position[0]) &&
    Number.isFinite(position[1])
  );
}
