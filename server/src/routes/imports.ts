import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import {
  importChoicesSchema,
  importOptionsSchema,
  optionsFromFormFields,
} from '../imports/import-options.js';
import { reportOf, type ImportOutcome } from '../imports/import-outcome.js';
import { commitImport, previewImport, readImport } from '../imports/import-store.js';
import { DATABASE_UNAVAILABLE } from '../openapi/common-schemas.js';
import { registerOperations } from '../openapi/operation-registry.js';
import {
  importConflictSchema,
  importErrorSchema,
  importPreviewSchema,
  importRefusalSchema,
  importReportSchema,
  storedImportSchema,
} from './imports-response-schemas.js';
import { badRequestOnInvalid } from './validation.js';

/** The largest upload an import takes (a county's units as a zipped Shapefile are a few MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const regionParams = z.object({
  region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a region id'),
});
const importParams = regionParams.extend({ importId: z.string().uuid('is not an import id') });

const importError = (description: string) => ({ description, schema: importErrorSchema });

registerOperations(
  {
    method: 'post',
    path: '/api/regions/:region/imports',
    tag: 'imports',
    summary: 'Preview an import of a layer file (multipart: `file` and the options as fields); writes nothing',
    params: regionParams,
    body: importOptionsSchema,
    bodyType: 'multipart/form-data',
    response: {
      description: 'The preview: mapping, problems, scenario impact and the features as they would be written',
      content: { 'application/json': importPreviewSchema },
    },
    errors: {
      400: importError('No file, an option refused, or a file that cannot be read (named in `error`)'),
      404: importError('No such region (and `create` not asked for)'),
      409: importError('`create` asked for a region that exists'),
      413: importError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`),
      503: DATABASE_UNAVAILABLE,
    },
  },
  {
    method: 'post',
    path: '/api/regions/:region/imports/:importId/commit',
    tag: 'imports',
    summary: 'Write a previewed import with the confirmed mapping and choices, all or nothing',
    params: importParams,
    body: importChoicesSchema,
    response: {
      description: 'The committed import report',
      content: { 'application/json': importReportSchema },
    },
    errors: {
      400: importError('A choice is refused (named in `error`)'),
      404: importError('No such preview for the region (previews expire after a day)'),
      409: {
        description:
          'Committed already, or the import changes scenarios and `acceptScenarioChanges` was not given (then the report is beside `error`); nothing written',
        schema: importConflictSchema,
      },
      422: {
        description: 'The data has errors: the report, with every problem, is beside `error`; nothing written',
        schema: importRefusalSchema,
      },
      503: DATABASE_UNAVAILABLE,
    },
  },
  {
    method: 'get',
    path: '/api/regions/:region/imports/:importId',
    tag: 'imports',
    summary: 'One import and its report',
    params: importParams,
    response: {
      description: 'The stored import: options, status and, once committed, the report',
      content: { 'application/json': storedImportSchema },
    },
    errors: {
      400: importError('The region or import id is malformed'),
      404: importError('No such import for the region'),
      503: DATABASE_UNAVAILABLE,
    },
  },
);

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
          c.json(
            {
              error: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
              errorZh: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
            },
            413,
          ),
      }),
      zValidator('param', regionParams, badRequestOnInvalid),
      async (c) => {
        const { region } = c.req.valid('param');
        const contentType = c.req.header('content-type') ?? '';
        if (!contentType.startsWith('multipart/form-data')) {
          return c.json(
            {
              error: 'send the file as multipart/form-data with a "file" field and the options as fields',
              errorZh: '请以 multipart/form-data 发送文件（字段 "file"）和各项选项',
            },
            400,
          );
        }
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File))
          return c.json(
            {
              error: 'file: a multipart field "file" holding the file is required',
              errorZh: 'file：缺少装有文件的 multipart 字段 "file"',
            },
            400,
          );
        const parsed = importOptionsSchema.safeParse(optionsFromFormFields(form));
        if (!parsed.success) badRequestOnInvalid(parsed);
        const options = parsed.data!;
        const bytes = new Uint8Array(await file.arrayBuffer());
        // A refusal is a DomainError: app.ts's onError answers it, a refused commit's report beside it.
        return c.json(await previewImport(database, region, file.name || 'upload', bytes, options), 200);
      },
    )
    .post(
      '/:region/imports/:importId/commit',
      zValidator('param', importParams, badRequestOnInvalid),
      zValidator('json', importChoicesSchema, badRequestOnInvalid),
      async (c) => {
        const { region, importId } = c.req.valid('param');
        const choices = c.req.valid('json');
        return c.json(withoutFeatures(await commitImport(database, region, importId, choices)), 200);
      },
    )
    .get('/:region/imports/:importId', zValidator('param', importParams, badRequestOnInvalid), async (c) => {
      const { region, importId } = c.req.valid('param');
      return c.json(await readImport(database, region, importId), 200);
    });
}
