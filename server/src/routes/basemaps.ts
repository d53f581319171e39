import { bodyLimit } from 'hono/body-limit';
import {
  basemapOperations as operations,
  basemapUploadSchema,
  MAX_BASEMAP_BYTES,
} from '../../../contract/basemaps.js';
import { invalidRequestParams, type ValidationIssue } from '../../../contract/validation.js';
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

/** Base maps: a file uploaded and stored with the region, listed with the configured services, served as tiles. */
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
