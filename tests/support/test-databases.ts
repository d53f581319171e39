import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openEmbeddedDatabase, openServerDatabase, type Database } from '../../server/src/db/client.js';
import { readConfig } from '../../server/src/config.js';
import { migrate } from '../../server/src/db/migrate.js';
import { prepareDatabase } from '../../server/src/db/prepare.js';
import { importsSettled } from '../../server/src/imports/run-import.js';
import { databaseUrl, onServer } from './database-templates.js';

/**
 * What a test database starts as: empty (the default: nothing, not even PostGIS), `migrated` (every
 * migration applied), or `seeded` (migrated, with the shipped regions loaded as a first start
 * loads them). The last two are copies of the run's templates (tests/support/database-templates.ts),
 * which saves each suite the ~10–30 s of making them; neither holds a user.
 */
export type TestDatabaseStart = 'empty' | 'migrated' | 'seeded';

export interface TestBackend {
  name: 'embedded' | 'postgres';
  /**
   * A fresh database of this kind, empty unless `start` says otherwise; `dispose` closes and
   * removes it. A server's comes with its connection string (for a child process to open it too).
   */
  open(start?: TestDatabaseStart): Promise<{ database: Database; dispose(): Promise<void>; url?: string }>;
}

/**
 * The databases API tests run against: always the embedded PGlite, and the PostgreSQL server named
 * by DATABASE_URL_TEST when set. In CI (CI=true) the server is required: its absence fails the run.
 */
export function testBackends(): TestBackend[] {
  const serverUrl = process.env.DATABASE_URL_TEST;
  if (!serverUrl && process.env.CI === 'true') {
    throw new Error('DATABASE_URL_TEST is not set: CI must run the database tests against PostgreSQL too');
  }
  const backends: TestBackend[] = [{ name: 'embedded', open: openEmbeddedTestDatabase }];
  if (serverUrl)
    backends.push({ name: 'postgres', open: (start) => openServerTestDatabase(serverUrl, start) });
  return backends;
}

/** The run's templates, or undefined outside a run with the global set-up (then made afresh). */
function templates() {
  return inject('databaseTemplates') as ReturnType<typeof inject<'databaseTemplates'>> | undefined;
}

async function openEmbeddedTestDatabase(start: TestDatabaseStart = 'empty') {
  const made = templates();
  const dump = made && { empty: made.emptyDump, migrated: made.migratedDump, seeded: made.seededDump }[start];
  const database = await openEmbeddedDatabase(
    null,
    dump ? { template: new Blob([await readFile(dump)]) } : {},
  );
  if (!dump) await startAs(database, start);
  // A preview stages its features after its answer: that work ends before the database closes.
  const dispose = async () => {
    await importsSettled(database);
    await database.close();
  };
  return { database, dispose };
}

/**
 * A new folder under the system's temporary one (named `prefix…`) holding a copy of the run's
 * `start` embedded data directory, for a server or a command started on it (the caller removes it).
 * Outside a run with the global set-up the folder stays empty, and the first start makes it afresh.
 */
export async function templateDataDirectoryCopy(
  start: 'migrated' | 'seeded',
  prefix: string,
): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  const made = templates();
  if (made) {
    await cp(start === 'migrated' ? made.migratedDataDirectory : made.seededDataDirectory, folder, {
      recursive: true,
    });
  }
  return folder;
}

/** Makes an empty database what `start` asks, the way the server's first start does. */
async function startAs(database: Database, start: TestDatabaseStart) {
  if (start === 'empty') return;
  await migrate(database);
  if (start === 'seeded')
    await prepareDatabase(database, readConfig().seedRegionDirectories, () => undefined);
}

/**
 * Creates an empty database `lifecircle_test_<random>` on the server at `serverUrl` (so parallel
 * test files never share tables): its connection string, and how to drop it.
 */
export async function createThrowawayServerDatabase(
  serverUrl: string,
  start: TestDatabaseStart = 'empty',
): Promise<{ url: string; drop(): Promise<void> }> {
  const databaseName = `lifecircle_test_${randomBytes(6).toString('hex')}`;
  const template = start === 'empty' ? undefined : templates()?.server?.[start];
  await onServer(serverUrl, `CREATE DATABASE ${databaseName}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = databaseUrl(serverUrl, databaseName);
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  if (!template && start !== 'empty') {
    const database = await openServerDatabase(url);
    try {
      await startAs(database, start);
    } finally {
      await database.close();
    }
  }
  return { url, drop };
}

async function openServerTestDatabase(serverUrl: string, start?: TestDatabaseStart) {
  const throwaway = await createThrowawayServerDatabase(serverUrl, start);
  const database = await openServerDatabase(throwaway.url);
  return {
    database,
    url: throwaway.url,
    async dispose() {
      await importsSettled(database);
      await database.close();
      await throwaway.drop();
    },
  };
}
