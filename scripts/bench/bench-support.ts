/**
 * What the benchmarks share: the `--scale N` argument, the app with its first administrator signed
 * in (as `npm start` makes them and a browser signs in), and a throw-away database on a PostgreSQL
 * server (created, handed over, then dropped whatever happens) so a bench never touches real data.
 */

import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import { ensureFirstAdmin, FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import { createApp, type AppOptions } from '../../server/src/app.js';
import { openServerDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import type { RegionScenarioBase } from '../../server/src/scenarios/region-base.js';

// A collectable heap makes the memory figures mean something; tsx gives no way to pass --expose-gc.
v8.setFlagsFromString('--expose-gc');
/** Runs a full garbage collection (V8's `gc`, exposed above). */
export const collectGarbage = vm.runInNewContext('gc') as () => void;

/** What answers API requests in process: the app, or the app as a signed-in user. */
export interface ApiTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * The app on a migrated `database` that has no user yet, with its first administrator made (as
 * `npm start` does, with a random password as LIFECIRCLE_ADMIN_PASSWORD would give) and signed in
 * through `POST /api/session`: every request through it carries the session cookie and the CSRF
 * token, as the browser's do.
 */
export async function signedInApp(database: Database, options?: AppOptions): Promise<ApiTarget> {
  const app = createApp(database, options);
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  if (!(await ensureFirstAdmin(database, password)).created)
    throw new Error('the bench database has users already; a bench signs in on a fresh one');
  const credentials = await signInAsFirstAdmin((url, init) => app.request(url, init), password);
  return {
    request: (input, init = {}) => {
      const headers = new Headers(credentials);
      new Headers(init.headers).forEach((value, name) => headers.set(name, value));
      return app.request(input, { ...init, headers });
    },
  };
}

/**
 * Signs the first administrator in through `POST /api/session` on `request` (the app in process, or
 * `fetch` on a running server) and hands back the headers a browser's requests then carry: the
 * session cookie and the CSRF token.
 */
export async function signInAsFirstAdmin(
  request: ApiTarget['request'],
  password: string,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: FIRST_ADMIN_USERNAME, password }),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`signing in answered ${response.status}: ${text.slice(0, 300)}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/**
 * A JSON caller of the API in process: sends `body` as JSON, throws on any answer but 2xx (status
 * and the start of the answer in the message), and hands back the answer's text, its size in bytes
 * and its parsed JSON.
 */
export function apiCaller(app: ApiTarget) {
  return async (method: string, url: string, body?: unknown) => {
    const response = await app.request(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a bench reads a few fields of many answers
    return { text, bytes: Buffer.byteLength(text), json: () => JSON.parse(text) as any };
  };
}

/**
 * Border pairs of a region's scenario base: a unit and an adjacent unit of another community of the
 * same street, one move per community pair so every community stays non-empty and the moves are
 * independent. At most `count`, spread over the adjacency list.
 */
export function borderMoves(
  base: RegionScenarioBase,
  count: number,
): { unitId: string; from: string; to: string }[] {
  const streetOf = new Map(base.baselineCommunities.map((community) => [community.id, community.streetId]));
  const moves: { unitId: string; from: string; to: string }[] = [];
  const used = new Set<string>();
  const stride = Math.max(1, Math.floor(base.adjacency.unitA.length / (count * 4)));
  // Spread over the list first; where that finds too few (at --scale 200 it found none of 5), every pair.
  for (const step of stride > 1 ? [stride, 1] : [1]) {
    for (let p = 0; p < base.adjacency.unitA.length && moves.length < count; p += step) {
      const [a, b] = [base.adjacency.unitA[p], base.adjacency.unitB[p]];
      const [from, to] = [base.baselineAssignment[a], base.baselineAssignment[b]];
      const unitId = base.units[a].id;
      if (from === to || streetOf.get(from) !== streetOf.get(to) || used.has(from) || used.has(to)) continue;
      used.add(from);
      used.add(to);
      moves.push({ unitId, from, to });
    }
  }
  return moves;
}

/** `--scale N` (or `--scale=N`) of the demo region, 20 unless given; anything else is refused. */
export function parseScaleArgument(argv: string[], defaultScale = 20): { scale: number } {
  let scale = defaultScale;
  for (let k = 0; k < argv.length; k += 1) {
    if (argv[k] === '--scale') scale = Number(argv[++k]);
    else if (argv[k].startsWith('--scale=')) scale = Number(argv[k].slice('--scale='.length));
    else throw new Error(`unknown argument ${argv[k]} (usage: [--scale N])`);
  }
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`--scale must be a positive integer, got ${scale}`);
  return { scale };
}

/**
 * Runs `work` on a fresh database `lifecircle_bench_<random>` of the server at `serverUrl` (a role
 * that may CREATE DATABASE), and drops it afterwards, also when `work` fails.
 */
export async function withThrowawayServerDatabase<T>(
  serverUrl: string,
  work: (database: Database, databaseName: string) => Promise<T>,
): Promise<T> {
  return withThrowawayDatabaseUrl(serverUrl, async (databaseUrl, databaseName) => {
    const database = await openServerDatabase(databaseUrl);
    try {
      return await work(database, databaseName);
    } finally {
      await database.close();
    }
  });
}

/**
 * The server half of a bench: with `DATABASE_URL` set, loads the region folder into a throw-away
 * database there and runs `work` on it; without, says what was skipped (`what`) and how to run it.
 */
export async function benchOnServerIfConfigured(
  folder: string,
  what: string,
  work: (database: Database) => Promise<void>,
): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log(
      `\nPostgreSQL server skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres) to run ${what} there too.`,
    );
    return;
  }
  console.log('\nPostgreSQL server');
  await withThrowawayServerDatabase(serverUrl, async (database) => {
    const start = performance.now();
    await migrate(database);
    await loadRegionFolder(database, folder);
    console.log(`  migrate and load the region: ${((performance.now() - start) / 1000).toFixed(2)} s`);
    await work(database);
  });
}

/**
 * Runs `work` with the connection string of a fresh, empty database `lifecircle_bench_<random>` on
 * the server at `serverUrl` (for a server started on it to open itself), and drops it afterwards,
 * also when `work` fails.
 */
export async function withThrowawayDatabaseUrl<T>(
  serverUrl: string,
  work: (databaseUrl: string, databaseName: string) => Promise<T>,
): Promise<T> {
  const databaseName = `lifecircle_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  try {
    return await work(url.toString(), databaseName);
  } finally {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await cleanup.end();
  }
}

/** The headers that carry a session over HTTP: its cookie and the CSRF token writes send back. */
export interface HttpSession {
  username: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * Signs `username` in at the server `baseUrl` the way any client does (`POST /api/session`, which
 * answers the session cookie and the CSRF token); throws with the answer when refused.
 */
export async function signInOverHttp(
  baseUrl: string,
  username: string,
  password: string,
): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`signing in as ${username} answered ${response.status}: ${text}`);
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error(`signing in as ${username} set no cookie`);
  return { username, headers: { cookie, 'x-csrf-token': csrfToken } };
}
