/**
 * What a base-map file holds once read: its tiles (XYZ, y down, uncompressed) and what the map
 * needs to draw them. read-pmtiles.ts and read-mbtiles.ts read the two formats into it; a file that
 * is neither, is corrupt, or holds tiles the map cannot draw is refused with a DomainError naming it.
 */
import type { BasemapKind } from '../../../contract/basemaps.js';
import { DomainError } from '../domain-error.js';

export type TileType = 'png' | 'jpeg' | 'webp' | 'mvt';

export interface StoredTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface TileArchive {
  format: 'pmtiles' | 'mbtiles';
  tileType: TileType;
  kind: BasemapKind;
  /** The name the file gives itself, if any. */
  name: string | null;
  attribution: string | null;
  minzoom: number;
  maxzoom: number;
  /** `[west, south, east, north]` degrees, null when the file does not say and has no tiles. */
  bounds: [number, number, number, number] | null;
  vectorLayers: string[];
  tiles: StoredTile[];
}

export const CONTENT_TYPE_OF_TILE: Record<TileType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mvt: 'application/vnd.mapbox-vector-tile',
};

export function kindOf(tileType: TileType): BasemapKind {
  return tileType === 'mvt' ? 'vector' : 'raster';
}

/** A refusal of a file that cannot be read as `format`, with the reason in both languages. */
export function corrupt(fileName: string, format: string, reason: { en: string; zh: string }): DomainError {
  return new DomainError('basemap.corrupt', { fileName, format, reason: reason.en, reasonZh: reason.zh });
}

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** `[west, south, east, north]` as text for a refusal. */
export function boundsText(bounds: readonly number[]): string {
  return `[${bounds.map((value) => value.toFixed(4)).join(', ')}]`;
}
