/**
 * A region's base maps: a PMTiles or MBTiles file read whole and stored with the region (every
 * tile a row, all or nothing), listed with the configured tile services, served tile by tile.
 * Decoding at import gives both formats one z/x/y URL MapLibre and the printed figure read alike,
 * with no pmtiles protocol in the client and no file beside the database (see
 * migrations/008-basemaps.sql for why the database). A PMTiles file is kept whole too, and served
 * by HTTP Range requests for PMTiles clients outside the app (basemap-archive.ts).
 */
import { MAX_BASEMAP_BYTES, type Basemap } from '../../../contract/basemaps.js';
import type { Database } from '../db/client.js';
import {
  BASEMAP_EXISTS,
  BASEMAP_TILE,
  DELETE_BASEMAP,
  INSERT_BASEMAP,
  insertBasemapTiles,
  LIST_BASEMAPS,
} from '../db/sql/basemaps.sql.js';
import { DomainError } from '../domain-error.js';
import { getRegion } from '../regions/region-store.js';
import { archiveChunks, basemapArchiveUrl } from './basemap-archive.js';
import { readMbtiles } from './read-mbtiles.js';
import { readPmtiles } from './read-pmtiles.js';
import { boundsText, type StoredTile, type TileArchive, type TileType } from './tile-archive.js';
import { serviceBasemap, type TileService } from './tile-services.js';

const PMTILES_MAGIC = 'PMTiles';
const SQLITE_MAGIC = 'SQLite format 3\0';
/** Tiles per INSERT: 6 values each, well under PostgreSQL's 65 535 parameters. */
const TILES_PER_INSERT = 500;
/** A PMTiles file's 1 MiB chunks per INSERT: a few MiB a statement. */
const CHUNKS_PER_INSERT = 4;

interface BasemapRow {
  id: string;
  name: string;
  format: 'pmtiles' | 'mbtiles';
  kind: 'raster' | 'vector';
  tile_type: TileType;
  minzoom: number;
  maxzoom: number;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
  vector_layers: string[];
  attribution: string | null;
  tile_count: number;
  has_archive: boolean;
}

/** The URL template the app serves a stored base map's tiles at. */
export function basemapTileTemplate(regionId: string, basemapId: string): string {
  return `/api/regions/${regionId}/basemaps/${basemapId}/{z}/{x}/{y}`;
}

function toBasemap(regionId: string, row: BasemapRow): Basemap {
  const { west, south, east, north } = row;
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    kind: row.kind,
    minzoom: row.minzoom,
    maxzoom: row.maxzoom,
    bounds:
      west === null || south === null || east === null || north === null ? null : [west, south, east, north],
    tiles: [basemapTileTemplate(regionId, row.id)],
    tileType: row.tile_type,
    vectorLayers: row.vector_layers,
    attribution: row.attribution,
    tileCount: row.tile_count,
    ...(row.has_archive ? { archive: basemapArchiveUrl(regionId, row.id) } : {}),
  };
}

/** Reads a base-map file, refusing one that is not PMTiles/MBTiles, is corrupt or too big. */
export async function readBasemapFile(bytes: Uint8Array, fileName: string): Promise<TileArchive> {
  if (bytes.length > MAX_BASEMAP_BYTES) {
    throw new DomainError('basemap.too-large', { fileName, limitMegabytes: MAX_BASEMAP_BYTES / 1024 / 1024 });
  }
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (start.startsWith(PMTILES_MAGIC)) return readPmtiles(bytes, fileName);
  if (start === SQLITE_MAGIC) return readMbtiles(bytes, fileName);
  throw new DomainError('basemap.not-tiles', { fileName });
}

/** A URL-safe id from the name the file goes by; empty when it has no Latin letters or digits. */
function idFromFileName(fileName: string): string {
  return fileName
    .replace(/\.(pmtiles|mbtiles)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

async function freeId(
  database: Database,
  regionId: string,
  fileName: string,
  format: string,
): Promise<string> {
  const fromName = idFromFileName(fileName);
  const exists = async (id: string) => (await database.query(BASEMAP_EXISTS, [regionId, id])).rows.length > 0;
  if (fromName) {
    if (await exists(fromName)) throw new DomainError('basemap.exists', { regionId, basemapId: fromName });
    return fromName;
  }
  // A name of Chinese characters only: number the format (pmtiles-1, pmtiles-2 …).
  for (let number = 1; ; number += 1) {
    if (!(await exists(`${format}-${number}`))) return `${format}-${number}`;
  }
}

const overlaps = (a: readonly number[], b: readonly number[]) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * Stores a base-map file with the region, all its tiles in one transaction. `name` is shown in
 * the layer panel (the file's own name, else the file name, when absent).
 */
export async function addBasemap(
  database: Database,
  regionId: string,
  fileName: string,
  bytes: Uint8Array,
  name: string | null,
): Promise<Basemap> {
  const region = await getRegion(database, regionId);
  const archive = await readBasemapFile(bytes, fileName);
  if (archive.bounds && region.bbox && !overlaps(archive.bounds, region.bbox)) {
    throw new DomainError('basemap.outside-region', {
      fileName,
      regionId,
      bounds: boundsText(archive.bounds),
      regionBounds: boundsText(region.bbox),
    });
  }
  const id = await freeId(database, regionId, fileName, archive.format);
  const bounds = archive.bounds ?? [null, null, null, null];
  await database.transaction(async (query) => {
    await query(INSERT_BASEMAP, [
      regionId,
      id,
      name ?? archive.name ?? fileName.replace(/\.(pmtiles|mbtiles)$/i, ''),
      archive.format,
      archive.kind,
      archive.tileType,
      archive.minzoom,
      archive.maxzoom,
      ...bounds,
      archive.vectorLayers,
      archive.attribution,
      archive.tiles.length,
      bytes.length,
    ]);
    const insert = async (tiles: readonly StoredTile[], perInsert: number) => {
      for (let start = 0; start < tiles.length; start += perInsert) {
        const batch = tiles.slice(start, start + perInsert);
        await query(
          insertBasemapTiles(batch.length),
          batch.flatMap((tile) => [regionId, id, tile.z, tile.x, tile.y, tile.data]),
        );
      }
    };
    await insert(archive.tiles, TILES_PER_INSERT);
    // A PMTiles file is kept as well, for clients that read it by ranges (basemap-archive.ts).
    if (archive.format === 'pmtiles') await insert(archiveChunks(bytes), CHUNKS_PER_INSERT);
  });
  const stored = (await listBasemaps(database, regionId, [])).find((basemap) => basemap.id === id);
  if (!stored) throw new Error(`base map ${regionId}/${id} was stored but cannot be read back`);
  return stored;
}

/** The region's stored base maps in the order they were added, then the configured services. */
export async function listBasemaps(
  database: Database,
  regionId: string,
  services: readonly TileService[],
): Promise<Basemap[]> {
  await getRegion(database, regionId);
  const { rows } = await database.query<BasemapRow>(LIST_BASEMAPS, [regionId]);
  return [...rows.map((row) => toBasemap(regionId, row)), ...services.map(serviceBasemap)];
}

/** One tile's bytes and type; refuses an unknown base map or a tile it does not have. */
export async function basemapTile(
  database: Database,
  regionId: string,
  basemapId: string,
  z: number,
  x: number,
  y: number,
): Promise<{ tileType: TileType; data: Uint8Array }> {
  const { rows } = await database.query<{ tile_type: TileType; data: Uint8Array | null }>(BASEMAP_TILE, [
    regionId,
    basemapId,
    z,
    x,
    y,
  ]);
  if (rows.length === 0) throw new DomainError('basemap.not-found', { regionId, basemapId });
  const { tile_type: tileType, data } = rows[0];
  if (!data) throw new DomainError('basemap.no-tile', { basemapId, z, x, y });
  return { tileType, data };
}

export async function removeBasemap(database: Database, regionId: string, basemapId: string): Promise<void> {
  const { rows } = await database.query(DELETE_BASEMAP, [regionId, basemapId]);
  if (rows.length === 0) throw new DomainError('basemap.not-found', { regionId, basemapId });
}
