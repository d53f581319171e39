import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEmbeddedDatabase, openServerDatabase, type Database } from '../../server/src/db/client.js';

export interface TestBackend {
  name: 'embedded' | 'postgres';
  /**
   * A fresh, empty database of this kind; `dispose` closes and removes it. A server's comes with its
   * connection string (for a child process to open it too).
   */
  open(): Promise<{ database: Database; dispose(): Promise<void>; url?: string }>;
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
  if (serverUrl) backends.push({ name: 'postgres', open: () => openServerTestDatabase(serverUrl) });
  return backends;
}

async function openEmbeddedTestDatabase() {
  const database = await openEmbeddedDatabase(null);
  return { database, dispose: () => database.close() };
}

/** Creates a throw-away database on the server so parallel test files never share tables. */
async function openServerTestDatabase(serverUrl: string) {
  const databaseName = `lifecircle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const database = await openServerDatabase(url.toString());
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
