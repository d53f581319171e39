import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import {
  importChoicesSchema,
  importOptionsSchema,
  optionsFromFormFields,
} from '../imports/import-options.js';
import { commitImport, previewImport, readImport, reportOf } from '../imports/import-store.js';
import { ImportRefusal, type ImportOutcome } from '../imports/run-import.js';
import { registerOperations } from '../openapi/operation-registry.js';
import { badRequestOnInvalid } from './validation.js';

/** The largest upload an import takes (a county's units as a zipped Shapefile are a few MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const regionParams = z.object({
  region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a region id'),
});
const importParams = regionParams.extend({ importId: z.string().uuid('is not an import id') });

registerOperations(
  {
    method: 'post',
    path: '/api/regions/:region/imports',
    tag: 'imports',
    summary: 'Preview an import of a layer file (multipart: `file` and the options as fields); writes nothing',
    params: regionParams,
    body: importOptionsSchema,
    bodyType: 'multipart/form-data',
    response: { description: 'The preview: mapping, problems, scenario impact', contentType: 'application/json' },
  },
  {
    method: 'post',
    path: '/api/regions/:region/imports/:importId/commit',
    tag: 'imports',
    summary: 'Write a previewed import with the confirmed mapping and choices, all or nothing',
    params: importParams,
    body: importChoicesSchema,
    response: { description: 'The committed import report', contentType: 'application/json' },
  },
  {
    method: 'get',
    path: '/api/regions/:region/imports/:importId',
    tag: 'imports',
    summary: 'One import and its report',
    params: importParams,
    response: { description: 'The stored import', contentType: 'application/json' },
  },
);

/** Turns a refusal into its answer: 409/422 carry the outcome (problems, scenario impact) beside the error. */
async function answering<T>(
  work: () => Promise<T>,
  respond: (value: T) => Response,
  json: (body: unknown, status: 409 | 422) => Response,
) {
  try {
    return respond(await work());
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
    if (error.outcome && (error.status === 409 || error.status === 422)) {
      return json({ error: error.message, ...withoutFeatures(error.outcome) }, error.status);
    }
    throw new HTTPException(error.status, { message: error.message });
  }
}

function withoutFeatures(outcome: ImportOutcome) {
  return { ...reportOf(outcome), committed: outcome.committed };
}

/**
 * Imports of a city's own layers (issue 5): `POST /:region/imports` (multipart: `file` and the
 * options as fields) previews without writing; `POST /:region/imports/:importId/commit` (JSON: the
 * confirmed mapping and choices) writes all or nothing; `GET /:region/imports/:importId` reads one.
 */
export function importRoutes(database: Database) {
  return new Hono()
    .post(
      '/:region/imports',
      bodyLimit({
        maxSize: MAX_IMPORT_BYTES,
        onError: (c) =>
          c.json({ error: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }, 413),
      }),
      zValidator('param', regionParams, badRequestOnInvalid),
      async (c) => {
        const { region } = c.req.valid('param');
        const contentType = c.req.header('content-type') ?? '';
        if (!contentType.startsWith('multipart/form-data')) {
          throw new HTTPException(400, {
            message: 'send the file as multipart/form-data with a "file" field and the options as fields',
          });
        }
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File))
          throw new HTTPException(400, {
            message: 'file: a multipart field "file" holding the file is required',
          });
        const parsed = importOptionsSchema.safeParse(optionsFromFormFields(form));
        if (!parsed.success) badRequestOnInvalid(parsed);
        const options = parsed.data!;
        const bytes = new Uint8Array(await file.arrayBuffer());
        return answering(
          () => previewImport(database, region, file.name || 'upload', bytes, options),
          (outcome) => c.json(outcome, 200),
          (body, status) => c.json(body, status),
        );
      },
    )
    .post(
      '/:region/imports/:importId/commit',
      zValidator('param', importParams, badRequestOnInvalid),
      zValidator('json', importChoicesSchema, badRequestOnInvalid),
      async (c) => {
        const { region, importId } = c.req.valid('param');
        const choices = c.req.valid('json');
        return answering(
          () => commitImport(database, region, importId, choices),
          (outcome) => c.json(withoutFeatures(outcome), 200),
          (body, status) => c.json(body, status),
        );
      },
    )
    .get('/:region/imports/:importId', zValidator('param', importParams, badRequestOnInvalid), async (c) => {
      const { region, importId } = c.req.valid('param');
      return answering(
        () => readImport(database, region, importId),
        (stored) => c.json(stored, 200),
        (body, status) => c.json(body, status),
      );
    });
}
