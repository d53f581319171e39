/**
 * A database that runs out of memory building an answer (the embedded one has 2 GiB of WASM memory:
 * a province's whole units layer fails so, docs/scaling.md) answers 503 saying to ask for less,
 * not a bare 500. The failure here is the database's own error (SQLSTATE 53200, raised where the
 * layer is read), not a real exhaustion: that PGlite goes on answering after one is what
 * `npm run bench:province` showed at scale 200, not this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { refusalBody } from '../support/refusals.js';
import { createSignedInApp, signedIn, type Credentials } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';

describe.each(testBackends())('a database out of memory on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let credentials: Credentials;

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('seeded'));
    credentials = (await createSignedInApp(database)).credentials;
  });
  afterAll(async () => dispose?.());

  it('answers 503 naming the cause and how to ask for less, then answers again', async () => {
    // The real database raises its own out_of_memory (SQLSTATE 53200) where the units layer is read.
    let outOfMemory = true;
    const failing: Database = {
      ...database,
      query: (async (text: string, params?: unknown[]) => {
        if (outOfMemory && /FROM population_units/.test(text))
          await database.query(
            `DO $$ BEGIN RAISE EXCEPTION 'out of memory' USING ERRCODE = 'out_of_memory'; END $$`,
          );
        return database.query(text, params);
      }) as Database['query'],
    };
    const app = signedIn(createApp(failing), credentials);
    const refused = await app.request('/api/regions/demo/units');
    expect(refused.status).toBe(503);
    const body = await refused.json();
    expect(body).toEqual(
      refusalBody(/ran out of memory.*bbox=west,south,east,north/, 'server.out-of-memory'),
    );
    expect(body.errorZh).toContain('内存不足');

    outOfMemory = false;
    const answered = await app.request('/api/regions/demo/units');
    expect(answered.status).toBe(200);
    expect((await answered.json()).features.length).toBeGreaterThan(0);
  });
});
