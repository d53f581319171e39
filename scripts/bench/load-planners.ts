/**
 * Load of the real server (issue 12): starts the server in process on a throw-away database, signs
 * in N planners over HTTP (one session each), gives each its own scenario of the demo region, then
 * for a fixed time every planner saves small edits at its scenario's current version and now and
 * then reads its communities or coverage. Every answer is counted; any non-2xx is an error.
 *
 *   DATABASE_URL=postgres://… npm run bench:load -- [--seconds 60] [--planners 50] [--database-url URL]
 *   npm run bench:load -- --embedded --seconds 10
 */

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import { startLifecircleServer, type RunningServer } from '../../server/src/server.js';
import {
  collectGarbage,
  signInOverHttp,
  withThrowawayDatabaseUrl,
  type HttpSession,
} from './bench-support.js';

export interface LoadOptions {
  seconds: number;
  planners: number;
  /** A PostgreSQL server (a throw-away database is made there), or null for the embedded database. */
  databaseUrl: string | null;
  /** Where progress lines go; silent when omitted. */
  log?: (line: string) => void;
}

export interface LoadError {
  what: string;
  /** The answer's status; 0 when the request got no answer (the connection failed). */
  status: number;
  body: string;
}

export interface Memory {
  rssBytes: number;
  heapUsedBytes: number;
}

export interface LoadResult {
  seconds: number;
  planners: number;
  saves: number[];
  reads: number[];
  errors: number;
  firstErrors: LoadError[];
  memoryBefore: Memory;
  memoryAfter: Memory;
  databaseBytes: number;
}

/** After every this many saves (from the first), a planner reads too (alternately its communities and its coverage). */
const SAVES_PER_READ = 4;
const FIRST_ERRORS_KEPT = 5;

function memoryNow(): Memory {
  collectGarbage();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed };
}

/** Runs the load against a server started here on a throw-away database, which is removed after. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const adminPassword = `bench-${randomBytes(12).toString('base64url')}`;
  const serve = async (start: () => Promise<RunningServer>) => {
    const server = await start();
    try {
      return await loadServer(server, adminPassword, options, log);
    } finally {
      await server.close();
    }
  };
  if (options.databaseUrl) {
    return withThrowawayDatabaseUrl(options.databaseUrl, (databaseUrl) =>
      serve(() => startLifecircleServer({ port: 0, databaseUrl, adminPassword })),
    );
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-load-'));
  try {
    return await serve(() =>
      startLifecircleServer({ port: 0, databaseUrl: null, dataDirectory: folder, adminPassword }),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function loadServer(
  server: RunningServer,
  adminPassword: string,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<LoadResult> {
  const errors: LoadError[] = [];
  let errorCount = 0;
  /** One request; its latency in ms, or null (counted as an error) for any answer but 2xx. */
  const request = async (
    session: HttpSession,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ milliseconds: number; json: unknown } | null> => {
    const start = performance.now();
    let status = 0;
    let text: string;
    try {
      const response = await fetch(`${server.url}${url}`, {
        method,
        headers: {
          ...session.headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      // fetch's own message is "fetch failed": the reason (a reset connection, …) is its cause.
      const cause = (error as { cause?: unknown }).cause;
      text = cause ? `${String(error)}: ${String(cause)}` : String(error);
    }
    const milliseconds = performance.now() - start;
    if (status < 200 || status > 299) {
      errorCount += 1;
      if (errors.length < FIRST_ERRORS_KEPT)
        errors.push({ what: `${method} ${url} (${session.username})`, status, body: text.slice(0, 500) });
      return null;
    }
    return { milliseconds, json: text ? JSON.parse(text) : null };
  };
  const must = async (session: HttpSession, method: string, url: string, body?: unknown) => {
    const answer = await request(session, method, url, body);
    if (!answer) throw new Error(`setting up: ${JSON.stringify(errors.at(-1))}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- set-up reads a few fields
    return answer.json as any;
  };

  const admin = await signInOverHttp(server.url, FIRST_ADMIN_USERNAME, adminPassword);
  const sessions: HttpSession[] = [];
  for (let k = 0; k < options.planners; k += 1) {
    const username = `planner-${String(k + 1).padStart(3, '0')}`;
    const password = `pw-${randomBytes(12).toString('base64url')}`;
    await must(admin, 'POST', '/api/users', { username, password, role: 'planner' });
    sessions.push(await signInOverHttp(server.url, username, password));
  }
  const scenarios: { id: string; version: number; communityIds: string[] }[] = [];
  for (const session of sessions) {
    const made = await must(session, 'POST', '/api/regions/demo/scenarios', {
      name: `负载 ${session.username}`,
      basedOn: 'baseline',
    });
    const communities = await must(session, 'GET', `/api/scenarios/${made.id}/communities`);
    const communityIds = (communities.features as { id: string }[]).map((feature) => feature.id);
    scenarios.push({ id: made.id, version: made.version, communityIds });
  }
  log(`  ${options.planners} planners signed in, each with its own scenario of the demo region`);

  const memoryBefore = memoryNow();
  const saves: number[] = [];
  const reads: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    sessions.map(async (session, k) => {
      const scenario = scenarios[k];
      for (let step = 0; performance.now() < deadline; step += 1) {
        const communityId = scenario.communityIds[step % scenario.communityIds.length];
        const saved = await request(session, 'PATCH', `/api/scenarios/${scenario.id}`, {
          version: scenario.version,
          edits: [{ op: 'update', communityId, changes: { staff: 10 + ((step + k) % 40) } }],
        });
        if (saved) {
          saves.push(saved.milliseconds);
          scenario.version = (saved.json as { version: number }).version;
        } else {
          // Re-read the version so one refusal does not turn every later save into a stale one.
          const state = await request(session, 'GET', `/api/scenarios/${scenario.id}`);
          if (state) scenario.version = (state.json as { version: number }).version;
        }
        // The first save is followed by a read, so even the shortest run reads.
        if (step % SAVES_PER_READ === 0) {
          const what = (step / SAVES_PER_READ) % 2 < 1 ? 'communities' : 'coverage';
          const read = await request(session, 'GET', `/api/scenarios/${scenario.id}/${what}`);
          if (read) reads.push(read.milliseconds);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const memoryAfter = memoryNow();
  const size = await server.database.query<{ bytes: string }>(
    'SELECT pg_database_size(current_database())::text AS bytes',
  );
  return {
    seconds,
    planners: options.planners,
    saves,
    reads,
    errors: errorCount,
    firstErrors: errors,
    memoryBefore,
    memoryAfter,
    databaseBytes: Number(size.rows[0].bytes),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function latencyLine(name: string, values: number[], seconds: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return (
    `  ${name}: ${values.length} (${(values.length / seconds).toFixed(1)}/s)  p50 ${ms(percentile(sorted, 50))}` +
    `  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? NaN)}`
  );
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function parseLoadArguments(argv: string[], env: NodeJS.ProcessEnv = process.env): LoadOptions {
  let seconds = 60;
  let planners = 50;
  let databaseUrl: string | null = env.DATABASE_URL || null;
  let embedded = false;
  const positive = (name: string, text: string | undefined) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`${name} must be a positive number, got ${text}`);
    return value;
  };
  for (let k = 0; k < argv.length; k += 1) {
    const [name, inline] = argv[k].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++k];
    if (name === '--seconds') seconds = positive(name, value());
    else if (name === '--planners') planners = Math.round(positive(name, value()));
    else if (name === '--database-url') databaseUrl = value();
    else if (name === '--embedded') embedded = true;
    else
      throw new Error(
        `unknown argument ${argv[k]} (usage: [--seconds N] [--planners N] [--database-url URL | --embedded])`,
      );
  }
  if (embedded) databaseUrl = null;
  else if (!databaseUrl)
    throw new Error('set DATABASE_URL or --database-url (a PostgreSQL server), or pass --embedded');
  return { seconds, planners, databaseUrl };
}

async function main(): Promise<void> {
  const options = parseLoadArguments(process.argv.slice(2));
  const where = options.databaseUrl
    ? 'a throw-away database on the PostgreSQL server'
    : 'the embedded database';
  console.log(`Load: ${options.planners} planners for ${options.seconds} s on ${where}`);
  const result = await runLoad({ ...options, log: (line) => console.log(line) });
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(
    `  ran ${result.seconds.toFixed(1)} s; load average (1/5/15 min) at the end ${load.join(' / ')}`,
  );
  console.log(latencyLine('saves', result.saves, result.seconds));
  console.log(latencyLine('reads', result.reads, result.seconds));
  console.log(`  errors: ${result.errors}`);
  for (const error of result.firstErrors) {
    const answer = error.status === 0 ? 'no answer' : String(error.status);
    console.log(`    ${error.what} → ${answer}: ${error.body}`);
  }
  const memory = (m: Memory) => `RSS ${megabytes(m.rssBytes)}, heap ${megabytes(m.heapUsedBytes)}`;
  console.log(
    `  server process memory before: ${memory(result.memoryBefore)}; after: ${memory(result.memoryAfter)}`,
  );
  console.log(`  database size after: ${megabytes(result.databaseBytes)}`);
  if (result.errors > 0 || result.saves.length === 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
