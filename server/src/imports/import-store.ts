/**
 * Stored previews: a preview keeps its file and options (table `imports`) so that its commit, with
 * the mapping the user confirmed, writes exactly that file. Previews expire after a day; a
 * committed import keeps its report and drops its bytes.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import { DomainError } from '../domain-error.js';
import type { ImportChoices, ImportOptions } from '../../../contract/import-options.js';
import type { ImportReport, PreviewFeatureProperties } from '../../../contract/imports.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import { reportOf, type ImportOutcome } from './import-outcome.js';
import { importTimer } from './import-timing.js';
import { canStage, readStaging, stageImport, stagingFits } from './import-staging.js';
import {
  importsSettled,
  runImport,
  runStagedCommit,
  StagingOutdated,
  type ImportRequest,
} from './run-import.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Hours a preview waits for its commit. */
export const PREVIEW_LIFETIME_HOURS = 24;

/**
 * Per database, the newest preview asked for of each region's layer (`region/layer` → import id).
 * The wizard previews again on every change of a choice; an earlier preview whose staging has not
 * begun when a newer one is asked for gives it up (the newer one would delete its rows), so the
 * newer one waits only for its file to be stored. Should the newer one then fail, the earlier one
 * (which the wizard still shows) commits from its stored file: right, only slower.
 */
const newestPreviews = new WeakMap<Database, Map<string, string>>();

/** Reads, checks and stores an uploaded file; returns the preview (nothing of the region is written). */
export async function previewImport(
  database: Database,
  regionId: string,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
  previewFeatureProperties: PreviewFeatureProperties = 'status',
): Promise<ImportOutcome> {
  const mark = importTimer('store preview');
  const importId = randomUUID();
  const layerKey = `${regionId}/${options.layer}`;
  if (!newestPreviews.has(database)) newestPreviews.set(database, new Map());
  const newest = newestPreviews.get(database)!;
  newest.set(layerKey, importId);
  await database.query(sql.DELETE_EXPIRED_IMPORTS, [PREVIEW_LIFETIME_HOURS]);
  mark('expired previews deleted');
  // Gzipped on the thread pool while the preview checks.
  const stored = storedFile(bytes);
  stored.catch(() => undefined);
  const outcome = await runImport(
    database,
    {
      importId,
      regionId,
      fileName,
      bytes,
      options,
      previewFeatureProperties,
      hooks: {
        // Its row stored before the answer: the answer's importId is at once readable; cancelling
        // or committing it waits for the work after the answer (importsSettled).
        afterPreview: async (query) => {
          await query(sql.INSERT_IMPORT, [
            importId,
            regionId,
            options.layer,
            fileName,
            null,
            JSON.stringify(options),
          ]);
          mark('preview stored');
        },
        // After the answer: the gzipped file (0.4 s of a county's units on the embedded database),
        // then the staged features (2.8 s). A preview whose file could not be stored is forgotten
        // (its commit finds it no more); a failed staging leaves no staged row (the commit then
        // checks the stored file again).
        afterAnswer: async (query, checked) => {
          try {
            await query(sql.SET_IMPORT_FILE, [importId, await stored]);
          } catch (error) {
            console.error(
              `import ${importId}: its file could not be stored, the preview is forgotten`,
              error,
            );
            await query(sql.DELETE_PREVIEW, [importId]).catch(() => undefined);
            return;
          }
          mark('file stored');
          if (!canStage(checked)) return;
          if (newest.get(layerKey) !== importId) {
            // A newer preview of the layer is waiting; it commits from its stored file.
            mark('staging given up for a newer preview');
            return;
          }
          try {
            await stageImport(query, importId, options, checked);
          } catch (error) {
            console.error(`import ${importId}: staging failed, its commit will check the file again`, error);
            for (const statement of sql.UNSTAGE_IMPORT)
              await query(statement, [importId]).catch(() => undefined);
          }
          mark('features staged');
        },
      },
    },
    'preview',
  );
  mark('previewed');
  return outcome;
}

/**
 * Cancels a preview: it is forgotten with its file and staged features. Throws DomainError
 * `import.not-found`, or `import.committed-already` for a committed import (it keeps its report).
 */
export async function cancelImport(database: Database, regionId: string, importId: string): Promise<void> {
  await importsSettled(database);
  const stored = await findImport(database, regionId, importId);
  if (stored.status !== 'previewed') throw new DomainError('import.committed-already', { importId });
  await database.query(sql.DELETE_PREVIEW, [importId]);
}

/**
 * The upload as stored until its commit: gzipped (fastest level), since writing and reading a 36 MB
 * GeoJSON as bytea took seconds of a preview and of its commit on the embedded database (issue 13).
 */
async function storedFile(bytes: Uint8Array): Promise<Buffer> {
  return gzipAsync(bytes, { level: 1 });
}

/** The upload a stored preview holds; previews stored before files were gzipped hold it as it came. */
async function uploadedFile(stored: Uint8Array): Promise<Uint8Array> {
  // No import format starts with gzip's magic number: such a file was stored gzipped.
  const gzipped = stored.length > 2 && stored[0] === 0x1f && stored[1] === 0x8b;
  return gzipped ? new Uint8Array(await gunzipAsync(stored)) : new Uint8Array(stored);
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
    throw new DomainError('import.not-found', { importId, regionId, hours: PREVIEW_LIFETIME_HOURS });
  }
  return stored;
}

/**
 * Commits a stored preview with the user's final choices laid over the options it was previewed
 * with. All or nothing: problems (import.has-problems) or scenario changes not accepted
 * (import.scenario-changes-unaccepted) write nothing.
 */
export async function commitImport(
  database: Database,
  regionId: string,
  importId: string,
  choices: ImportChoices,
): Promise<ImportOutcome> {
  const mark = importTimer('stored commit');
  // A preview still staging its features (after its answer) is waited for.
  await importsSettled(database);
  mark('earlier imports settled');
  const stored = await findImport(database, regionId, importId);
  mark('file read');
  if (stored.status === 'committed') throw new DomainError('import.committed-already', { importId });
  const defined = Object.fromEntries(Object.entries(choices).filter(([, value]) => value !== undefined));
  // Acceptance of scenario changes counts only when given with the commit, after the preview showed them.
  const options: ImportOptions = {
    ...(JSON.parse(stored.options) as ImportOptions),
    ...defined,
    acceptScenarioChanges: choices.acceptScenarioChanges ?? false,
  };
  const hooks: ImportRequest['hooks'] = {
    // A second commit of the same preview waits here, then finds it committed.
    before: async (query) => {
      const { rows } = await query<{ status: string }>(sql.LOCK_IMPORT, [importId]);
      if (rows[0]?.status !== 'previewed') throw new DomainError('import.committed-already', { importId });
    },
    afterCommit: async (query, outcome) => {
      await query(sql.MARK_IMPORT_COMMITTED, [
        importId,
        JSON.stringify(reportOf(outcome)),
        JSON.stringify(options),
      ]);
      for (const statement of sql.UNSTAGE_IMPORT) await query(statement, [importId]);
    },
  };
  const staged = await readStaging(database.query, importId);
  mark('staging read');
  if (staged && stagingFits(staged, options)) {
    try {
      return await runStagedCommit(
        database,
        { importId, regionId, fileName: stored.fileName, bytes: new Uint8Array(), options, hooks },
        staged,
      );
    } catch (error) {
      if (!(error instanceof StagingOutdated)) throw error;
      mark('staging outdated: the stored file is checked again');
    }
  }
  if (stored.fileBytes === null) throw new DomainError('import.committed-already', { importId });
  return runImport(
    database,
    {
      importId,
      regionId,
      fileName: stored.fileName,
      bytes: await uploadedFile(stored.fileBytes),
      options,
      hooks,
    },
    'commit',
  );
}
