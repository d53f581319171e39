import { bodyLimit } from 'hono/body-limit';
import { optionsFromFormFields } from '../../../contract/import-options.js';
import { importOperations as operations, MAX_IMPORT_BYTES } from '../../../contract/imports.js';
import { invalidRequestParams, type ValidationIssue } from '../../../contract/validation.js';
import { importOptionsSchema } from '../../../contract/import-options.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { implement } from '../http/operation-binding.js';
import { commitImport, previewImport, readImport, reportOf } from '../imports/import-store.js';
import { ImportRefusal, type ImportOutcome } from '../imports/run-import.js';

function withoutFeatures(outcome: ImportOutcome) {
  return { ...reportOf(outcome), committed: outcome.committed };
}

/** A refused import as a DomainError: 409/422 carry the outcome (problems, scenario impact) beside the error. */
async function refusalsAsDomainErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
    const extra = error.outcome && (error.status === 409 || error.status === 422) ? withoutFeatures(error.outcome) : {};
    throw new DomainError(`import.refused-${error.status}`, { reason: error.message, reasonZh: error.messageZh }, extra);
  }
}

const tooLarge = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new DomainError('request.too-large', { limitMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  },
});

/**
 * Imports of a city's own layers: a multipart upload previews without writing; the commit (JSON:
 * the confirmed mapping and choices) writes all or nothing; one import can be read back.
 */
export function importRoutes(database: Database) {
  return [
    implement(
      operations.preview,
      async ({ params }, c) => {
        const contentType = c.req.header('content-type') ?? '';
        if (!contentType.startsWith('multipart/form-data')) throw new DomainError('import.not-multipart');
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new DomainError('import.no-file');
        const parsed = importOptionsSchema.safeParse(optionsFromFormFields(form));
        if (!parsed.success) {
          throw new DomainError('request.invalid', invalidRequestParams(parsed.error.issues as ValidationIssue[]));
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        return refusalsAsDomainErrors(() => previewImport(database, params.region, file.name || 'upload', bytes, parsed.data));
      },
      { middleware: [tooLarge] },
    ),
    implement(operations.commit, async ({ params, body }) =>
      withoutFeatures(await refusalsAsDomainErrors(() => commitImport(database, params.region, params.importId, body))),
    ),
    implement(operations.get, ({ params }) =>
      refusalsAsDomainErrors(() => readImport(database, params.region, params.importId)),
    ),
  ];
}
