/**
 * Shared set-up of the scenario API tests: a fresh database of one backend with the demo region
 * seeded, the app on it with the first administrator signed in once for the suite, and small
 * helpers to call the API (every request carries the session) and read the tables.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { createSignedInApp, type SignedIn } from './sign-in.js';
import type { TestBackend } from './test-databases.js';

/** An API answer: its JSON body (null when the body is empty or not JSON) and its raw text. */
export interface ApiAnswer {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export interface DemoApp {
  /**
   * The app as the signed-in administrator, for requests whose body is not JSON (exports);
   * `.unsigned` is the bare app and `.credentials` the session's headers.
   */
  app(): SignedIn<App>;
  /** The database under the app (a backup reads it whole). */
  database(): Database;
  call(method: string, url: string, body?: unknown): Promise<ApiAnswer>;
  sql<Row = Record<string, any>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Create a scenario of the demo region and expect 201. */
  createScenario(name: string, basedOn?: string): Promise<{ id: string; version: number }>;
}

/**
 * Call inside a `describe` block: opens a fresh database of `backend` with the demo region before its
 * tests and disposes of it after.
 */
export function useDemoApp(backend: TestBackend): DemoApp {
  let database: Database;
  let dispose: (() => Promise<void>) | undefined;
  let app: SignedIn<App>;

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('seeded'));
    app = await createSignedInApp(database);
  });
  afterAll(async () => dispose?.());

  const call = async (method: string, url: string, body?: unknown): Promise<ApiAnswer> => {
    const response = await app.request(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, body: json, text, headers: response.headers };
  };

  return {
    app: () => app,
    database: () => database,
    call,
    sql: async <Row = Record<string, any>>(text: string, params: unknown[] = []) =>
      (await database.query<Row>(text, params)).rows,
    createScenario: async (name: string, basedOn = 'baseline') => {
      const response = await call('POST', '/api/regions/demo/scenarios', { name, basedOn });
      expect(response.status, response.text).toBe(201);
      return response.body as { id: string; version: number };
    },
  };
}
