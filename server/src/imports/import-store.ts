/**
 * Stored previews: a preview keeps its file and options (table `imports`) so that its commit, with
 * the mapping the user confirmed, writes exactly that file. Previews expire after a day; a
 * committed import keeps its report and drops its bytes.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import type { ImportChoices, ImportOptions } from '../../../contract/import-options.js';
import type { ImportReport } from '../../../contract/imports.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import { ImportRefusal, runImport, type ImportOutcome } from './run-import.js';

/** Hours a preview waits for its commit. */
export const PREVIEW_LIFETIME_HOURS = 24;

/** Reads, checks and stores an uploaded file; returns the preview (nothing of the region is written). */
export async function previewImport(
  database: Database,
  regionId: string,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportOutcome> {
  await database.query(sql.DELETE_EXPIRED_IMPORTS, [PREVIEW_LIFETIME_HOURS]);
  const importId = randomUUID();
  const outcome = await runImport(database, { importId, regionId, fileName, bytes, options }, 'preview');
  await database.query(sql.INSERT_IMPORT, [
    importId,
    regionId,
    options.layer,
    fileName,
    Buffer.from(bytes),
    JSON.stringify(options),
  ]);
  return outcome;
}

interface StoredImport {
  id: string;
  regionId: string;
  layer: ImportLayer;
  fileName: string;
  fileBytes: Uint8Array | null;
  options: string;
  status: 'previewed' | 'committed';
  report: string | null;
}

/** A stored import's status and, once committed, its report. */
export async function readImport(database: Database, regionId: string, importId: string) {
  const stored = await findImport(database, regionId, importId);
  return {
    importId: stored.id,
    regionId: stored.regionId,
    layer: stored.layer,
    fileName: stored.fileName,
    status: stored.status,
    options: JSON.parse(stored.options) as ImportOptions,
    report: stored.report ? (JSON.parse(stored.report) as ImportReport) : null,
  };
}

async function findImport(database: Database, regionId: string, importId: string): Promise<StoredImport> {
  const { rows } = await database.query<StoredImport>(sql.GET_IMPORT, [importId]);
  const stored = rows[0];
  if (!stored || stored.regionId !== regionId) {
    throw new ImportRefusal(404, {
      en: `no import "${importId}" for region "${regionId}" (previews expire after ${PREVIEW_LIFETIME_HOURS} hours)`,
      zh: `区域“${regionId}”没有导入“${importId}”（预览在 ${PREVIEW_LIFETIME_HOURS} 小时后失效）`,
    });
  }
  return stored;
}

/**
 * Commits a stored preview with the user's final choices laid over the options it was previewed
 * with. All or nothing: problems (422) or scenario changes not accepted (409) write nothing.
 */
export async function commitImport(
  database: Database,
  regionId: string,
  importId: string,
  choices: ImportChoices,
): Promise<ImportOutcome> {
  const stored = await findImport(database, regionId, importId);
  if (stored.status === 'committed' || stored.fileBytes === null) {
    throw new ImportRefusal(409, committedAlready(importId));
  }
  const defined = Object.fromEntries(Object.entries(choices).filter(([, value]) => value !== undefined));
  // Acceptance of scenario changes counts only when given with the commit, after the preview showed them.
  const options: ImportOptions = {
    ...(JSON.parse(stored.options) as ImportOptions),
    ...defined,
    acceptScenarioChanges: choices.acceptScenarioChanges ?? false,
  };
  return runImport(
    database,
    {
      importId,
      regionId,
      fileName: stored.fileName,
      bytes: new Uint8Array(stored.fileBytes),
      options,
      hooks: {
        // A second commit of the same preview waits here, then finds it committed.
        before: async (query) => {
          const { rows } = await query<{ status: string }>(sql.LOCK_IMPORT, [importId]);
          if (rows[0]?.status !== 'previewed')
            throw new ImportRefusal(409, committedAlready(importId));
        },
        afterCommit: async (query, outcome) => {
          await query(sql.MARK_IMPORT_COMMITTED, [
            importId,
            JSON.stringify(reportOf(outcome)),
            JSON.stringify(options),
          ]);
        },
      },
    },
    'commit',
  );
}

function committedAlready(importId: string) {
  return { en: `import "${importId}" was committed already`, zh: `导入“${importId}”已经写入，不能再次写入` };
}

/** What is kept of a committed import: everything but the features. */
export function reportOf(outcome: ImportOutcome) {
  const { features: _features, columns: _columns, fields: _fields, ...report } = outcome;
  return report;
}
