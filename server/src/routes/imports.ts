import { bodyLimit } from 'hono/body-limit';
import { importOptionsSchema, optionsFromFormFields } from '../../../contract/import-options.js';
import { importOperations as operations, MAX_IMPORT_BYTES } from '../../../contract/imports.js';
import { invalidRequestParams, type ValidationIssue } from '../../../contract/validation.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { implement } from '../http/operation-binding.js';
import { reportOf, type ImportOutcome } from '../imports/import-outcome.js';
import { cancelImport, commitImport, previewImport, readImport } from '../imports/import-store.js';

function withoutFeatures(outcome: ImportOutcome) {
  return { ...reportOf(outcome), committed: outcome.committed };
}

const tooLarge = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new DomainError('request.too-large', { limitMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  },
});

/**
 * Imports of a city's own layers: a multipart upload (`file` and the options as fields) previews
 * without writing; the commit (JSON: the confirmed mapping and choices) writes all or nothing; one
 * import can be read back. A refusal is a DomainError: a refused commit's report rides beside it.
 */
export function importRoutes(database: Database) {
  return [
    implement(
      operations.preview,
      async ({ params, query }, c) => {
        const contentType = c.req.header('content-type') ?? '';
        if (!contentType.startsWith('multipart/form-data')) throw new DomainError('import.not-multipart');
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new DomainError('import.no-file');
        const parsed = importOptionsSchema.safeParse(optionsFromFormFields(form));
        if (!parsed.success) {
          throw new DomainError(
            'request.invalid',
            invalidRequestParams(parsed.error.issues as ValidationIssue[]),
          );
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        return previewImport(
          database,
          params.region,
          file.name || 'upload',
          bytes,
          parsed.data,
          query.featureProperties,
        );
      },
      { middleware: [tooLarge] },
    ),
    implement(operations.commit, async ({ params, body }) =>
      withoutFeatures(await commitImport(database, params.region, params.importId, body)),
    ),
    implement(operations.cancel, async ({ params }) => {
      await cancelImport(database, params.region, params.importId);
      return null;
    }),
    implement(operations.get, ({ params }) => readImport(database, params.region, params.importId)),
  ];
}
