/**
 * A stored PMTiles base map's own file, served as itself for PMTiles clients (the `pmtiles` npm
 * package, MapLibre's pmtiles:// protocol, QGIS) that read an archive by HTTP Range requests: its
 * header, then the directories and tiles they need. The bytes are kept in the database beside the
 * decoded tiles (db/sql/basemaps.sql.ts says how) and each range is cut out there, so a request
 * holds at most a few MiB of the file in memory however large it is.
 */
import type { Database } from '../db/client.js';
import {
  ARCHIVE_CHUNK_BYTES,
  ARCHIVE_CHUNK_Z,
  BASEMAP_ARCHIVE,
  BASEMAP_ARCHIVE_BYTES,
} from '../db/sql/basemaps.sql.js';
import { DomainError } from '../domain-error.js';
import type { StoredTile } from './tile-archive.js';

/** Bytes read from the database per query while a long range is sent. */
const BYTES_PER_READ = 4 * ARCHIVE_CHUNK_BYTES;

/** The URL the app serves a stored PMTiles base map's own file at. */
export function basemapArchiveUrl(regionId: string, basemapId: string): string {
  return `/api/regions/${regionId}/basemaps/${basemapId}/archive.pmtiles`;
}

/** The rows that keep a file's bytes, shaped as the tile rows they are stored among. */
export function archiveChunks(bytes: Uint8Array): StoredTile[] {
  const chunks: StoredTile[] = [];
  for (let start = 0, x = 0; start < bytes.length; start += ARCHIVE_CHUNK_BYTES, x += 1) {
    chunks.push({ z: ARCHIVE_CHUNK_Z, x, y: 0, data: bytes.subarray(start, start + ARCHIVE_CHUNK_BYTES) });
  }
  return chunks;
}

export interface StoredArchive {
  size: number;
  /** A strong validator: the same for the same bytes, another once the base map is replaced. */
  etag: string;
}

/** The archive's size and ETag; refuses an unknown base map or one without an archive (MBTiles). */
export async function basemapArchive(
  database: Database,
  regionId: string,
  basemapId: string,
): Promise<StoredArchive> {
  const { rows } = await database.query<{ size: number; stored_at: string; has_archive: boolean }>(
    BASEMAP_ARCHIVE,
    [regionId, basemapId],
  );
  if (rows.length === 0) throw new DomainError('basemap.not-found', { regionId, basemapId });
  const [{ size, stored_at: storedAt, has_archive: hasArchive }] = rows;
  if (!hasArchive) {
    throw new DomainError('basemap.no-archive', {
      basemapId,
      tiles: `/api/regions/${regionId}/basemaps/${basemapId}/{z}/{x}/{y}`,
    });
  }
  return { size, etag: `"${basemapId}-${storedAt}-${size}"` };
}

/** Bytes `start` to `end` (inclusive) of the archive, read from the database a few MiB at a time as they are sent. */
export function archiveBytes(
  database: Database,
  regionId: string,
  basemapId: string,
  start: number,
  end: number,
): ReadableStream<Uint8Array> {
  let next = start;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (next > end) {
          controller.close();
          return;
        }
        const last = Math.min(end, next + BYTES_PER_READ - 1);
        const { rows } = await database.query<{ data: Uint8Array }>(BASEMAP_ARCHIVE_BYTES, [
          regionId,
          basemapId,
          next,
          last,
          ARCHIVE_CHUNK_BYTES,
        ]);
        const read = rows.reduce((total, row) => total + row.data.length, 0);
        if (read !== last - next + 1) {
          // Removed while being sent: end the answer short rather than send wrong bytes.
          controller.error(new Error(`base map ${regionId}/${basemapId} changed while its archive was sent`));
          return;
        }
        for (const row of rows) controller.enqueue(row.data);
        next = last + 1;
      },
    },
    { highWaterMark: 1 },
  );
}

/** What a Range header asks of a file of `size` bytes. */
export type RangeRequest =
  { kind: 'whole' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header (RFC 9110 §14.1.2) against a file of `size` bytes: `bytes=a-b`, `bytes=a-`
 * and `bytes=-n`. One the server may ignore — absent, not of bytes, malformed, or several ranges
 * (which would need a multipart answer) — asks for the whole file; a range starting past the end,
 * or a suffix of none, is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const [, first, last] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || (last !== '' && Number(last) < start)) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
