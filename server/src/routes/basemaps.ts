import { bodyLimit } from 'hono/body-limit';
import {
  basemapOperations as operations,
  basemapUploadSchema,
  MAX_BASEMAP_BYTES,
  PMTILES_MEDIA_TYPE,
} from '../../../contract/basemaps.js';
import { invalidRequestParams, type ValidationIssue } from '../../../contract/validation.js';
import { archiveBytes, basemapArchive, parseRange } from '../basemaps/basemap-archive.js';
import { addBasemap, basemapTile, listBasemaps, removeBasemap } from '../basemaps/basemap-store.js';
import { CONTENT_TYPE_OF_TILE } from '../basemaps/tile-archive.js';
import type { TileService } from '../basemaps/tile-services.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { implement } from '../http/operation-binding.js';

/** The multipart envelope around the file: a few hundred bytes of boundaries and fields. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = bodyLimit({
  maxSize: MAX_BASEMAP_BYTES + MULTIPART_OVERHEAD_BYTES,
  onError: () => {
    throw new DomainError('request.too-large', { limitMegabytes: MAX_BASEMAP_BYTES / 1024 / 1024 });
  },
});

/** True when an If-None-Match header names `etag` (or is `*`). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** Base maps: a file uploaded and stored with the region, listed with the configured services, served as tiles (and a PMTiles file as itself, by ranges). */
export function basemapRoutes(database: Database, tileServices: readonly TileService[]) {
  return [
    implement(operations.list, ({ params }) => listBasemaps(database, params.region, tileServices)),
    implement(
      operations.upload,
      async ({ params }, c) => {
        const contentType = c.req.header('content-type') ?? '';
        if (!contentType.startsWith('multipart/form-data')) throw new DomainError('basemap.no-file');
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new DomainError('basemap.no-file');
        const fields = basemapUploadSchema.safeParse({
          name: typeof form.name === 'string' ? form.name : undefined,
        });
        if (!fields.success) {
          throw new DomainError(
            'request.invalid',
            invalidRequestParams(fields.error.issues as ValidationIssue[]),
          );
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        return addBasemap(database, params.region, file.name || 'upload', bytes, fields.data.name ?? null);
      },
      { middleware: [tooLarge] },
    ),
    implement(operations.remove, async ({ params }) => {
      await removeBasemap(database, params.region, params.basemap);
      return null;
    }),
    implement(operations.archive, async ({ params }, c) => {
      const { size, etag } = await basemapArchive(database, params.region, params.basemap);
      const headers: Record<string, string> = {
        'accept-ranges': 'bytes',
        etag,
        'cache-control': 'private, max-age=300',
      };
      if (matchesEtag(c.req.header('if-none-match'), etag))
        return new Response(null, { status: 304, headers });
      const ifRange = c.req.header('if-range');
      // A Range under an If-Range naming other bytes (or a date: no Last-Modified is sent) gets the whole file.
      const range =
        ifRange && ifRange.trim() !== etag
          ? { kind: 'whole' as const }
          : parseRange(c.req.header('range'), size);
      if (range.kind === 'unsatisfiable') {
        const refusal = new DomainError('basemap.range-not-satisfiable', {
          range: c.req.header('range') ?? '',
          basemapId: params.basemap,
          size,
        });
        return Response.json(refusal.body(), {
          status: 416,
          headers: { ...headers, 'content-range': `bytes */${size}` },
        });
      }
      const [start, end] = range.kind === 'range' ? [range.start, range.end] : [0, size - 1];
      const body =
        c.req.method === 'HEAD' ? null : archiveBytes(database, params.region, params.basemap, start, end);
      return new Response(body, {
        status: range.kind === 'range' ? 206 : 200,
        headers: {
          ...headers,
          'content-type': PMTILES_MEDIA_TYPE,
          'content-length': String(end - start + 1),
          ...(range.kind === 'range' ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
        },
      });
    }),
    implement(operations.tile, async ({ params }) => {
      const tile = await basemapTile(database, params.region, params.basemap, params.z, params.x, params.y);
      return new Response(tile.data as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': CONTENT_TYPE_OF_TILE[tile.tileType],
          // Short: a base map removed and added again under its id must not show old tiles for long.
          'cache-control': 'private, max-age=300',
        },
      });
    }),
  ];
}
