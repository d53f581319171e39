import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { openServerDatabase, type Database } from '../../server/src/db/client.js';
import { migrate } from '../../server/src/db/migrate.js';
import { refusalBody } from '../support/refusals.js';
import { createSignedInApp, signedIn, type Credentials } from '../support/sign-in.js';

// A query that runs past the statement timeout is cancelled by PostgreSQL itself and answers 503
// with a sentence, not a hang or a 500. (PGlite cannot interrupt a query: the embedded database
// has no such timeout, see server/src/db/client.ts.)
describe('the statement timeout on the PostgreSQL server', () => {
  const serverUrl = process.env.DATABASE_URL_TEST!;
  const databaseName = `lifecircle_test_${randomBytes(6).toString('hex')}`;
  let database: Database;
  let credentials: Credentials;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    // The tables and the first administrator's session are made without the short timeout.
    const setup = await openServerDatabase(url.toString());
    try {
      await migrate(setup);
      credentials = (await createSignedInApp(setup)).credentials;
    } finally {
      await setup.close();
    }
    database = await openServerDatabase(url.toString(), { statementTimeoutMilliseconds: 200 });
  });
  afterAll(async () => {
    await database?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  });

  it('cancels a statement running past it, on the pool and in transactions', async () => {
    expect((await database.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await expect(database.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    await expect(database.transaction((query) => query('SELECT pg_sleep(2)'))).rejects.toMatchObject({
      code: '57014',
    });
  });

  it('answers a request whose query is cancelled with 503 naming the timeout', async () => {
    // Every query of this app first sleeps past the timeout: the real server cancels it.
    const slow: Database = {
      ...database,
      query: async (text, params) => {
        await database.query('SELECT pg_sleep(2)');
        return database.query(text, params);
      },
    };
    const app = signedIn(createApp(slow, { queryTimeoutMilliseconds: 200 }), credentials);
    const response = await app.request('/api/regions');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(
      refusalBody(
        'the database took longer than 0.2 s to answer and the query was stopped; try a smaller request or try again later',
        'server.query-timeout',
      ),
    );
  });
});
