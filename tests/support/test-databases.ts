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

/**
 * Creates an empty database `lifecircle_test_<random>` on the server at `serverUrl` (so parallel
 * test files never share tables): its connection string, and how to drop it.
 */
export async function createThrowawayServerDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const databaseName = `lifecircle_test_${randomBytes(6).toString('hex')}`;
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await onServer(`CREATE DATABASE ${databaseName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
  };
}

async function openServerTestDatabase(serverUrl: string) {
  const throwaway = await createThrowawayServerDatabase(serverUrl);
  const database = await openServerDatabase(throwaway.url);
  return {
    database,
    url: throwaway.url,
    async dispose() {
      await database.close();
      await throwaway.drop();
    },
  };
}
