/**
 * Reads an MBTiles file (https://github.com/mapbox/mbtiles-spec, 1.3): an SQLite database with a
 * `metadata` table of name/value pairs and a `tiles` table (or view) of TMS rows, read with sql.js
 * (SQLite compiled to WebAssembly: no native build; Node 20 has no node:sqlite). Rows are flipped
 * to XYZ and gzip-compressed vector tiles uncompressed.
 */
import { gunzipSync } from 'fflate';
import initSqlJs, { type Database as SqliteDatabase, type SqlJsStatic } from 'sql.js';
import { flipTileRow, tileBounds } from '../../../core/geometry/web-mercator-tiles.js';
import { DomainError } from '../domain-error.js';
import { vectorLayerNames } from './read-pmtiles.js';
import { corrupt, isGzip, kindOf, type StoredTile, type TileArchive, type TileType } from './tile-archive.js';

let sqlJs: Promise<SqlJsStatic> | null = null;

const FORMATS: Record<string, TileType> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  pbf: 'mvt',
  mvt: 'mvt',
};

/** The tile type its first bytes show, for a file whose metadata names no format. */
function sniffTileType(data: Uint8Array): TileType | null {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'jpeg';
  if (String.fromCharCode(...data.subarray(8, 12)) === 'WEBP') return 'webp';
  if (isGzip(data) || data[0] === 0x1a) return 'mvt'; // a vector tile starts with field 3 (layers)
  return null;
}

function query(database: SqliteDatabase, sql: string, fileName: string, what: { en: string; zh: string }) {
  try {
    return database.exec(sql)[0]?.values ?? [];
  } catch (error) {
    throw corrupt(fileName, 'MBTiles', {
      en: `${what.en} (${(error as Error).message})`,
      zh: what.zh,
    });
  }
}

function parseBounds(text: string | undefined): [number, number, number, number] | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  return parts.length === 4 && parts.every(Number.isFinite) && parts[0] < parts[2] && parts[1] < parts[3]
    ? (parts as [number, number, number, number])
    : null;
}

export async function readMbtiles(bytes: Uint8Array, fileName: string): Promise<TileArchive> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  let database: SqliteDatabase;
  try {
    database = new SQL.Database(bytes);
  } catch (error) {
    throw corrupt(fileName, 'MBTiles', { en: (error as Error).message, zh: '不是有效的 SQLite 数据库' });
  }
  try {
    const metadataRows = query(database, 'SELECT name, value FROM metadata', fileName, {
      en: 'it has no readable metadata table',
      zh: '缺少可读的 metadata 表（不是 MBTiles 或已损坏）',
    });
    const metadata = Object.fromEntries(metadataRows.map(([name, value]) => [String(name), String(value)]));
    const rows = query(database, 'SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles', fileName, {
      en: 'it has no readable tiles table',
      zh: '缺少可读的 tiles 表（不是 MBTiles 或已损坏）',
    });
    const tiles: StoredTile[] = [];
    for (const [zoom, column, row, data] of rows) {
      if (!(data instanceof Uint8Array)) continue;
      const z = Number(zoom);
      tiles.push({ z, x: Number(column), y: flipTileRow(z, Number(row)), data });
    }
    const format = metadata.format?.toLowerCase();
    const tileType = format ? FORMATS[format] : tiles.length > 0 ? sniffTileType(tiles[0].data) : null;
    if (!tileType) {
      throw new DomainError('basemap.unknown-tile-type', { fileName, tileType: format ?? 'unknown' });
    }
    const stored = tiles.map((tile) => (isGzip(tile.data) ? { ...tile, data: gunzipSync(tile.data) } : tile));
    // A loop, not Math.min(...zooms): a county's orthophoto has more tiles than a call takes arguments.
    let [minzoom, maxzoom] = [Infinity, -Infinity];
    for (const tile of stored) {
      minzoom = Math.min(minzoom, tile.z);
      maxzoom = Math.max(maxzoom, tile.z);
    }
    if (stored.length === 0)
      [minzoom, maxzoom] = [Number(metadata.minzoom ?? 0), Number(metadata.maxzoom ?? 0)];
    let json: Record<string, unknown> = {};
    try {
      json = metadata.json ? (JSON.parse(metadata.json) as Record<string, unknown>) : {};
    } catch {
      throw corrupt(fileName, 'MBTiles', {
        en: 'its metadata "json" is not JSON',
        zh: '元数据 json 不是有效的 JSON',
      });
    }
    return {
      format: 'mbtiles',
      tileType,
      kind: kindOf(tileType),
      name: metadata.name ?? null,
      attribution: metadata.attribution ?? null,
      minzoom,
      maxzoom,
      bounds: parseBounds(metadata.bounds) ?? boundsOfTiles(stored, maxzoom),
      vectorLayers: vectorLayerNames(json),
      tiles: stored,
    };
  } finally {
    database.close();
  }
}

/** The extent of the tiles at `zoom`, for a file whose metadata has no bounds. */
function boundsOfTiles(tiles: readonly StoredTile[], zoom: number): [number, number, number, number] | null {
  const atZoom = tiles.filter((tile) => tile.z === zoom);
  if (atZoom.length === 0) return null;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const tile of atZoom) {
    const [west, south, east, north] = tileBounds(tile.z, tile.x, tile.y);
    box[0] = Math.min(box[0], west);
    box[1] = Math.min(box[1], south);
    box[2] = Math.max(box[2], east);
    box[3] = Math.max(box[3], north);
  }
  return box;
}
