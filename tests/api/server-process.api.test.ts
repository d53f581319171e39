import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../server/src/db/data-directory-lock.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, testPassword, withCredentials, type Credentials } from '../support/sign-in.js';
import { createThrowawayServerDatabase, testBackends } from '../support/test-databases.js';

/** The first administrator's password, given to each server as LIFECIRCLE_ADMIN_PASSWORD. */
const ADMIN_PASSWORD = testPassword();
/** The administrator, signed in once per server database; sessions live there, so a restart keeps them. */
let credentials: Credentials | null = null;

async function signInTo(server: ServerProcess): Promise<void> {
  credentials = await signIn(
    { request: (url, init) => fetch(url, init) },
    'admin',
    ADMIN_PASSWORD,
    server.url,
  );
}

/** The one way this file asks a running server: JSON in, status and JSON out. */
async function call(server: ServerProcess, method: string, url: string, body?: unknown) {
  const response = await fetch(
    `${server.url}${url}`,
    withCredentials(credentials, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * A JSON request whose body waits: it asks `Expect: 100-continue`, so once `accepted` resolves the
 * server has read its head and is handling it; `send` then sends the body and resolves the answer.
 */
function heldRequest(server: ServerProcess, method: string, url: string, body: unknown) {
  const text = JSON.stringify(body);
  let request!: ClientRequest;
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request = httpRequest(`${server.url}${url}`, {
      method,
      agent: false,
      headers: {
        ...credentials?.headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        expect: '100-continue',
      },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let received = '';
      response.on('data', (chunk: Buffer) => (received += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(received) }));
      response.on('error', reject);
    });
    request.flushHeaders();
  });
  answer.catch(() => undefined); // a request the server cuts is awaited (or not) by the test itself
  const accepted = new Promise<void>((resolve) => request.on('continue', resolve));
  return { accepted, send: () => (request.end(text), answer), answer };
}

/** Whether a new TCP connection to `port` is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(false)));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** PostgreSQL's DBState in global/pg_control (after a 64-bit system id and two 32-bit versions). */
async function clusterState(dataDirectory: string): Promise<'shut down' | 'in production' | number> {
  const control = await readFile(path.join(dataDirectory, 'global/pg_control'));
  const state = control.readInt32LE(16);
  return state === 1 ? 'shut down' : state === 6 ? 'in production' : state;
}

const SAVE_EDITS = [
  [{ op: 'update', communityId: 'c-ximen', changes: { staff: 40 } }],
  [{ op: 'update', communityId: 'c-binjiang', changes: { staff: 12 } }],
];

/**
 * Creates two scenarios and saves two versions of the first, each acknowledged; returns what a
 * restarted server must hold.
 */
async function makeAcknowledgedSaves(server: ServerProcess): Promise<Saves> {
  const first = await call(server, 'POST', '/api/regions/demo/scenarios', {
    name: '杀前方案甲',
    basedOn: 'baseline',
  });
  expect(first.status).toBe(201);
  const second = await call(server, 'POST', '/api/regions/demo/scenarios', {
    name: '杀前方案乙',
    basedOn: 'baseline',
  });
  expect(second.status).toBe(201);
  for (const [index, edits] of SAVE_EDITS.entries()) {
    const saved = await call(server, 'PATCH', `/api/scenarios/${first.body.id}`, {
      version: index + 1,
      edits,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(index + 2);
  }
  return { edited: first.body.id as string, editedVersion: 3, untouched: second.body.id as string };
}

/** What a server must hold of the saves acknowledged so far. */
interface Saves {
  edited: string;
  editedVersion: number;
  untouched: string;
}

async function expectSavesHeld(server: ServerProcess, saves: Saves) {
  const edited = await call(server, 'GET', `/api/scenarios/${saves.edited}`);
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ name: '杀前方案甲', version: saves.editedVersion });
  expect(edited.body.edits.map((entry: { version: number }) => entry.version)).toEqual(
    Array.from({ length: saves.editedVersion - 1 }, (_, index) => index + 2),
  );
  const untouched = await call(server, 'GET', `/api/scenarios/${saves.untouched}`);
  expect(untouched.body).toMatchObject({ name: '杀前方案乙', version: 1, edits: [] });
}

// Issue 12, "It holds": the real server as a process. A SIGKILL right after the acknowledgements
// loses none of them (the embedded database writes its WAL through to the files at each commit,
// the server database is PostgreSQL's own); SIGTERM lets a request in flight finish, refuses new
// connections, closes the database cleanly and exits 0, and a request that never finishes is cut
// at the drain deadline, said so, exit 1.
for (const backend of testBackends()) {
  describe(`the server process on ${backend.name}`, () => {
    let environment: Record<string, string>;
    let dataDirectory = '';
    let cleanup: () => Promise<void>;
    let restarted: ServerProcess | undefined;
    let saves: Saves;

    beforeAll(async () => {
      if (backend.name === 'embedded') {
        // An empty folder, not a copy of the run's templates (tests/support/database-templates.ts):
        // this is the suite's one end-to-end test of a first start from nothing (initdb, PostGIS,
        // the migrations, the demo regions, the first administrator).
        dataDirectory = await mkdtemp(path.join(tmpdir(), 'lifecircle-process-'));
        environment = {
          DATABASE_URL: '',
          LIFECIRCLE_DATA_DIR: dataDirectory,
          LIFECIRCLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        };
        cleanup = () => rm(dataDirectory, { recursive: true, force: true });
      } else {
        // Seeded from the run's template: the embedded variant above is the first start from nothing.
        const throwaway = await createThrowawayServerDatabase(process.env.DATABASE_URL_TEST!, 'seeded');
        environment = { DATABASE_URL: throwaway.url, LIFECIRCLE_ADMIN_PASSWORD: ADMIN_PASSWORD };
        cleanup = throwaway.drop;
      }
    });
    afterAll(async () => {
      restarted?.kill('SIGKILL');
      await restarted?.exited;
      await cleanup?.();
    });

    it('loses no acknowledged save to a SIGKILL', { timeout: 400_000 }, async () => {
      const first = await startServerProcess(environment);
      await signInTo(first);
      saves = await makeAcknowledgedSaves(first);
      first.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

      restarted = await startServerProcess(environment);
      await expectSavesHeld(restarted, saves);
      // And it goes on saving where the killed one stopped.
      const next = await call(restarted, 'PATCH', `/api/scenarios/${saves.edited}`, {
        version: 3,
        edits: SAVE_EDITS[0],
      });
      expect(next.body).toMatchObject({ version: 4 });
      saves.editedVersion = 4;
    });

    it('on SIGTERM finishes the request in flight, refuses new ones, closes the database and exits 0', async () => {
      const server = restarted!;
      const inFlight = heldRequest(server, 'POST', '/api/regions/demo/scenarios', {
        name: '停机时保存',
        basedOn: 'baseline',
      });
      await inFlight.accepted;
      // An open event stream never finishes by itself: stopping ends it rather than waiting for it.
      const events = await fetch(`${server.url}/api/events`, withCredentials(credentials));
      expect(events.status).toBe(200);
      const streamed = events.text();
      server.kill('SIGTERM');
      await server.printed(/SIGTERM: finishing 2 requests in flight/);
      expect(await connectionRefused(server.port)).toBe(true);
      expect(await streamed).toMatch(/^event: ready\n/);

      const answer = await inFlight.send();
      expect(answer.status).toBe(201);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(/closed: every request answered, database closed/);
      restarted = undefined;

      if (dataDirectory) {
        // A clean shutdown: the next start needs no recovery, and the folder is free again.
        expect(await clusterState(dataDirectory)).toBe('shut down');
        expect(existsSync(path.join(dataDirectory, LOCK_FILE_NAME))).toBe(false);
      }
      // The answer was the truth: the scenario saved while stopping is there on the next start.
      const next = await startServerProcess({ ...environment, LIFECIRCLE_DRAIN_TIMEOUT_MS: '1000' });
      restarted = next;
      expect((await call(next, 'GET', `/api/scenarios/${answer.body.id}`)).body).toMatchObject({
        name: '停机时保存',
        version: 1,
      });
      await expectSavesHeld(next, saves);
    });

    it('cuts a request still open at the drain deadline, says so and exits 1', async () => {
      const server = restarted!;
      const stuck = heldRequest(server, 'POST', '/api/regions/demo/scenarios', {
        name: '未完',
        basedOn: 'baseline',
      });
      await stuck.accepted;
      server.kill('SIGTERM');
      // Its body never comes: the deadline (1 s here) cuts it.
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(server.output()).toMatch(/drain deadline of 1 s passed: 1 request cut short/);
      restarted = undefined;
      await expect(stuck.answer).rejects.toThrow();
      if (dataDirectory) expect(existsSync(path.join(dataDirectory, LOCK_FILE_NAME))).toBe(false);
    });
  });
}
