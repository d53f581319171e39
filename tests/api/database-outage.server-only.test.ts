import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { readConfig } from '../../server/src/config.js';
import { openServerDatabase, type Database } from '../../server/src/db/client.js';
import { prepareDatabase } from '../../server/src/db/prepare.js';
import { refusalBody } from '../support/refusals.js';
import { signInFirstAdmin, withCredentials, type Credentials } from '../support/sign-in.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const UNAVAILABLE = refusalBody(
  'the database is unavailable; try again shortly',
  'server.database-unavailable',
);

// Issue 12: the PostgreSQL server stopping mid-request answers 503 with a clear error, never a 500
// or a hang, and the app recovers by itself when the server returns. The shared test server is not
// stopped: the app reaches it through a proxy that is cut (every connection dropped, new ones
// refused) and reopened on the same address.
describe('the PostgreSQL server going away and coming back', () => {
  const serverUrl = new URL(process.env.DATABASE_URL_TEST!);
  const databaseName = `lifecircle_test_${randomBytes(6).toString('hex')}`;
  let proxy: TcpProxy;
  let database: Database;
  let app: App;
  let admin: Credentials;
  /** The test database through the proxy. */
  let proxiedUrl: string;
  /** A connection straight to the server (not through the proxy), to hold locks and watch. */
  let direct: pg.Client;

  const call = async (method: string, url: string, body?: unknown, on: App = app) => {
    const response = await on.request(
      url,
      withCredentials(admin, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    direct = new pg.Client({ connectionString: serverUrl.toString() });
    await direct.connect();
    await direct.query(`CREATE DATABASE ${databaseName}`);
    proxy = await startTcpProxy(serverUrl.hostname, Number(serverUrl.port || 5432));
    const throughProxy = new URL(serverUrl);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    throughProxy.pathname = `/${databaseName}`;
    proxiedUrl = throughProxy.toString();
    database = await openServerDatabase(proxiedUrl);
    await prepareDatabase(database, readConfig().seedRegionDirectories.slice(0, 1), () => undefined);
    app = createApp(database);
    admin = await signInFirstAdmin(app, database);
  });
  afterAll(async () => {
    await database?.close().catch(() => undefined);
    await proxy?.close();
    await direct?.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await direct?.end();
  });

  /** Waits until `count` of the app's statements wait on a lock in the test database. */
  const waitForBlockedStatements = async (count: number) => {
    for (;;) {
      const { rows } = await direct.query<{ blocked: number }>(
        `SELECT count(*)::int AS blocked FROM pg_stat_activity
         WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        [databaseName],
      );
      if (rows[0].blocked >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('answers requests in flight and after the cut with 503, then serves again once it returns', async () => {
    const created = await call('POST', '/api/regions/demo/scenarios', {
      name: '断线前',
      basedOn: 'baseline',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const save = { version: 1, edits: [{ op: 'update', communityId: 'c-ximen', changes: { staff: 40 } }] };

    // Two requests reach the database and wait there (a lock held on the server itself) when the
    // connection drops: a read, and a save inside its transaction.
    const holder = new pg.Client({ connectionString: new URL(`/${databaseName}`, serverUrl).toString() });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE scenarios IN ACCESS EXCLUSIVE MODE');
    const listing = call('GET', '/api/regions/demo/scenarios');
    const saving = call('PATCH', `/api/scenarios/${id}`, save);
    await waitForBlockedStatements(2);
    await proxy.cut();
    expect(await listing).toEqual({ status: 503, body: UNAVAILABLE });
    expect(await saving).toEqual({ status: 503, body: UNAVAILABLE });
    await holder.query('ROLLBACK');
    await holder.end();

    // While the server stays away every request answers the same, promptly.
    for (const url of ['/api/health', '/api/regions', `/api/scenarios/${id}`]) {
      expect(await call('GET', url), url).toEqual({ status: 503, body: UNAVAILABLE });
    }
    expect(await call('PATCH', `/api/scenarios/${id}`, save)).toEqual({ status: 503, body: UNAVAILABLE });

    // Back on the same address: the same app, not restarted, serves again and saves.
    const connectionsBefore = proxy.connectionCount();
    await proxy.reopen();
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await call('GET', `/api/scenarios/${id}`)).body).toMatchObject({ version: 1, edits: [] });
    const saved = await call('PATCH', `/api/scenarios/${id}`, save);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2 });
    expect((await call('GET', '/api/regions/demo/scenarios')).status).toBe(200);
    expect(proxy.connectionCount()).toBeGreaterThan(connectionsBefore); // new connections, not stale ones
  });

  it('answers 503 within the query timeout when the server stops answering without closing', async () => {
    // A server that goes silent (powered off, network gone) closes nothing: without a client-side
    // bound a query on an open connection waits for ever. This app's statements may run 2 s.
    const patient = await openServerDatabase(proxiedUrl, { statementTimeoutMilliseconds: 2000 });
    const patientApp = createApp(patient, { queryTimeoutMilliseconds: 2000 });
    try {
      const created = await call('POST', '/api/regions/demo/scenarios', {
        name: '静默前',
        basedOn: 'baseline',
      });
      const save = {
        version: 1,
        edits: [{ op: 'update', communityId: 'c-ximen', changes: { staff: 30 } }],
      };
      expect((await call('GET', '/api/regions', undefined, patientApp)).status).toBe(200); // a pooled connection
      proxy.freeze();
      expect(await call('GET', '/api/regions', undefined, patientApp)).toEqual({
        status: 503,
        body: UNAVAILABLE,
      });
      expect(await call('PATCH', `/api/scenarios/${created.body.id}`, save, patientApp)).toEqual({
        status: 503,
        body: UNAVAILABLE,
      });
      expect(await call('GET', '/api/health', undefined, patientApp)).toEqual({
        status: 503,
        body: UNAVAILABLE,
      });

      // The network comes back (the silent connections are gone with it): the same app serves again
      // (its cold scenario caches would need more than 2 s here, so it reads; the first test saves).
      await proxy.cut();
      await proxy.reopen();
      expect((await call('GET', '/api/health', undefined, patientApp)).status).toBe(200);
      expect((await call('GET', '/api/regions', undefined, patientApp)).status).toBe(200);
      // The save sent while it was silent never reached it.
      expect(
        (await call('GET', `/api/scenarios/${created.body.id}`, undefined, patientApp)).body,
      ).toMatchObject({
        version: 1,
      });
    } finally {
      await patient.close();
    }
  }, 120_000);
});
