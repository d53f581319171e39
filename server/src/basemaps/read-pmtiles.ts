/**
 * Reads a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) whole:
 * the header by the pmtiles package, then every directory (root and leaves) walked here with its
 * varint coding, each tile entry (and run of repeated tiles) read out as XYZ tiles, uncompressed.
 */
import { gunzipSync } from 'fflate';
import {
  bytesToHeader,
  Compression,
  readVarint,
  tileIdToZxy,
  TileType as PmtilesTileType,
  type Header,
} from 'pmtiles';
import { DomainError } from '../domain-error.js';
import { corrupt, kindOf, type StoredTile, type TileArchive, type TileType } from './tile-archive.js';

const HEADER_BYTES = 127;

const TILE_TYPES: Partial<Record<PmtilesTileType, TileType>> = {
  [PmtilesTileType.Png]: 'png',
  [PmtilesTileType.Jpeg]: 'jpeg',
  [PmtilesTileType.Webp]: 'webp',
  [PmtilesTileType.Mvt]: 'mvt',
};
const TILE_TYPE_NAMES: Record<number, string> = { 0: 'unknown', 5: 'avif', 6: 'mlt' };

interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

function decompress(bytes: Uint8Array, compression: Compression, fileName: string, what: string): Uint8Array {
  if (compression === Compression.None || compression === Compression.Unknown) return bytes;
  if (compression === Compression.Gzip) {
    try {
      return gunzipSync(bytes);
    } catch (error) {
      throw corrupt(fileName, 'PMTiles', {
        en: `its ${what} is not valid gzip (${(error as Error).message})`,
        zh: `其${what === 'directory' ? '目录' : '瓦片'}不是有效的 gzip 数据`,
      });
    }
  }
  const name = Compression[compression] ?? String(compression);
  throw corrupt(fileName, 'PMTiles', {
    en: `its ${what} is compressed with ${name}; convert it with gzip compression (pmtiles convert)`,
    zh: `其${what === 'directory' ? '目录' : '瓦片'}使用 ${name} 压缩；请转换为 gzip 压缩（pmtiles convert）`,
  });
}

function deserializeDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const position = { buf: bytes, pos: 0 };
  const count = readVarint(position);
  const entries: DirectoryEntry[] = [];
  let lastId = 0;
  for (let index = 0; index < count; index += 1) {
    lastId += readVarint(position);
    entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 1 });
  }
  for (const entry of entries) entry.runLength = readVarint(position);
  for (const entry of entries) entry.length = readVarint(position);
  entries.forEach((entry, index) => {
    const value = readVarint(position);
    entry.offset =
      value === 0 && index > 0 ? entries[index - 1].offset + entries[index - 1].length : value - 1;
  });
  if (position.pos > bytes.length) throw new RangeError('directory ends early');
  return entries;
}

function readHeader(bytes: Uint8Array, fileName: string): Header {
  if (bytes.length < HEADER_BYTES) {
    throw corrupt(fileName, 'PMTiles', {
      en: `it has ${bytes.length} bytes, fewer than the 127-byte header`,
      zh: `文件只有 ${bytes.length} 字节，不足 127 字节的文件头`,
    });
  }
  if (bytes[7] !== 3) {
    throw corrupt(fileName, 'PMTiles', {
      en: `it is PMTiles version ${bytes[7]}; only version 3 is read (pmtiles convert upgrades it)`,
      zh: `其 PMTiles 版本为 ${bytes[7]}，只能读取第 3 版（可用 pmtiles convert 升级）`,
    });
  }
  const header = bytesToHeader(bytes.slice(0, HEADER_BYTES).buffer);
  const sections = [
    ['root directory', header.rootDirectoryOffset, header.rootDirectoryLength],
    ['metadata', header.jsonMetadataOffset, header.jsonMetadataLength],
    ['leaf directories', header.leafDirectoryOffset, header.leafDirectoryLength ?? 0],
    ['tile data', header.tileDataOffset, header.tileDataLength ?? 0],
  ] as const;
  for (const [section, offset, length] of sections) {
    if ((offset < HEADER_BYTES && length > 0) || offset + length > bytes.length) {
      throw corrupt(fileName, 'PMTiles', {
        en: `its header places the ${section} at bytes ${offset}–${offset + length}, outside the file's ${bytes.length} bytes (truncated or damaged)`,
        zh: `文件头所记的${section}位置（字节 ${offset}–${offset + length}）超出文件的 ${bytes.length} 字节（文件不完整或已损坏）`,
      });
    }
  }
  return header;
}

function metadataOf(bytes: Uint8Array, header: Header, fileName: string): Record<string, unknown> {
  if (header.jsonMetadataLength === 0) return {};
  const raw = bytes.subarray(
    header.jsonMetadataOffset,
    header.jsonMetadataOffset + header.jsonMetadataLength,
  );
  const text = new TextDecoder().decode(decompress(raw, header.internalCompression, fileName, 'directory'));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw corrupt(fileName, 'PMTiles', { en: 'its metadata is not JSON', zh: '其元数据不是 JSON' });
  }
}

/** The names of a vector base map's layers from TileJSON-style `vector_layers`. */
export function vectorLayerNames(metadata: Record<string, unknown>): string[] {
  const layers = metadata.vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers
    .map((layer: unknown) => (layer && typeof layer === 'object' ? (layer as { id?: unknown }).id : null))
    .filter((id): id is string => typeof id === 'string');
}

export function readPmtiles(bytes: Uint8Array, fileName: string): TileArchive {
  const header = readHeader(bytes, fileName);
  const tileType = TILE_TYPES[header.tileType];
  if (!tileType) {
    throw new DomainError('basemap.unknown-tile-type', {
      fileName,
      tileType: TILE_TYPE_NAMES[header.tileType] ?? String(header.tileType),
    });
  }
  const metadata = metadataOf(bytes, header, fileName);
  const tiles: StoredTile[] = [];
  const walk = (offset: number, length: number, depth: number) => {
    if (depth > 4) {
      throw corrupt(fileName, 'PMTiles', { en: 'its directories nest too deep', zh: '其目录嵌套过深' });
    }
    let entries: DirectoryEntry[];
    try {
      entries = deserializeDirectory(
        decompress(
          bytes.subarray(offset, offset + length),
          header.internalCompression,
          fileName,
          'directory',
        ),
      );
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw corrupt(fileName, 'PMTiles', {
        en: `a directory cannot be read (${(error as Error).message})`,
        zh: '某个目录无法读取',
      });
    }
    for (const entry of entries) {
      if (entry.runLength === 0) {
        walk(header.leafDirectoryOffset + entry.offset, entry.length, depth + 1);
        continue;
      }
      const start = header.tileDataOffset + entry.offset;
      if (start + entry.length > bytes.length) {
        throw corrupt(fileName, 'PMTiles', {
          en: `tile ${entry.tileId} lies beyond the end of the file (truncated)`,
          zh: `瓦片 ${entry.tileId} 超出文件末尾（文件不完整）`,
        });
      }
      const data = decompress(
        bytes.subarray(start, start + entry.length),
        header.tileCompression,
        fileName,
        'tiles',
      );
      for (let run = 0; run < entry.runLength; run += 1) {
        const [z, x, y] = tileIdToZxy(entry.tileId + run);
        tiles.push({ z, x, y, data });
      }
    }
  };
  walk(header.rootDirectoryOffset, header.rootDirectoryLength, 0);
  const bounds: [number, number, number, number] = [
    header.minLon,
    header.minLat,
    header.maxLon,
    header.maxLat,
  ];
  return {
    format: 'pmtiles',
    tileType,
    kind: kindOf(tileType),
    name: typeof metadata.name === 'string' ? metadata.name : null,
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution : null,
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    bounds: bounds.every(Number.isFinite) && bounds[0] < bounds[2] && bounds[1] < bounds[3] ? bounds : null,
    vectorLayers: vectorLayerNames(metadata),
    tiles,
  };
}
