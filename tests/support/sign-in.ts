/**
 * Signing in from tests, once per suite, the way any client does: the first administrator is made
 * by the same start-up step `npm start` runs (with a password of the suite's own, as
 * LIFECIRCLE_ADMIN_PASSWORD would give it), then `POST /api/session` answers the cookie and the
 * CSRF token that every later request carries. Other users are added through `POST /api/users`.
 */

import { randomBytes } from 'node:crypto';
import type { Role } from '../../contract/access.js';
import { createApp, type App, type AppOptions } from '../../server/src/app.js';
import { ensureFirstAdmin, FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import type { Database } from '../../server/src/db/client.js';

/** Anything that answers requests like Hono's `app.request` (the app, or a signed-in wrapper of it). */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** A signed-in user: who, and the headers that carry the session (cookie + X-CSRF-Token). */
export interface Credentials {
  username: string;
  role: Role;
  password: string;
  headers: Readonly<Record<string, string>>;
}

/** A password for a test user: random, so no test depends on a known one. */
export function testPassword(): string {
  return `pw-${randomBytes(12).toString('base64url')}`;
}

/** `init` with the credentials' headers added (its own headers win, so a test can override one). */
export function withCredentials(credentials: Credentials | null, init: RequestInit = {}): RequestInit {
  if (!credentials) return init;
  const headers = new Headers(credentials.headers);
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  return { ...init, headers };
}

/** Signs `username` in through `POST /api/session`; fails the test with the answer if refused. */
export async function signIn(
  target: RequestTarget,
  username: string,
  password: string,
  baseUrl = '',
): Promise<Credentials> {
  const response = await target.request(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`signing in as ${username} answered ${response.status}: ${text}`);
  const answer = JSON.parse(text) as { user: string; role: Role; csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error(`signing in as ${username} set no cookie`);
  return {
    username: answer.user,
    role: answer.role,
    password,
    headers: { cookie, 'x-csrf-token': answer.csrfToken },
  };
}

/** Makes the first administrator of a fresh database (as the server's start does) and signs them in. */
export async function signInFirstAdmin(target: RequestTarget, database: Database): Promise<Credentials> {
  const password = testPassword();
  const admin = await ensureFirstAdmin(database, password);
  if (!admin.created) throw new Error('the database has users already: sign in as one of them instead');
  return signIn(target, FIRST_ADMIN_USERNAME, password);
}

/** Adds a user of `role` through `POST /api/users` (as `admin`) and signs them in. */
export async function addUserAndSignIn(
  target: RequestTarget,
  admin: Credentials,
  role: Role,
  username = `${role}-${randomBytes(3).toString('hex')}`,
  baseUrl = '',
): Promise<Credentials> {
  const password = testPassword();
  const response = await target.request(
    `${baseUrl}/api/users`,
    withCredentials(admin, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, role }),
    }),
  );
  if (response.status !== 201)
    throw new Error(`adding ${username} answered ${response.status}: ${await response.text()}`);
  return signIn(target, username, password, baseUrl);
}

/** A target whose every request carries `credentials`; `unsigned` is the target itself. */
export type SignedIn<T extends RequestTarget> = RequestTarget & { credentials: Credentials; unsigned: T };

/** `target` with every request carrying `credentials`: what API tests call instead of the bare app. */
export function signedIn<T extends RequestTarget>(target: T, credentials: Credentials): SignedIn<T> {
  return {
    credentials,
    unsigned: target,
    request: (input, init) => target.request(input, withCredentials(credentials, init)),
  };
}

/**
 * The app on a fresh `database` with its first administrator signed in: what an API suite makes in
 * its `beforeAll` and sends every request through.
 */
export async function createSignedInApp(database: Database, options?: AppOptions): Promise<SignedIn<App>> {
  const app = createApp(database, options);
  return signedIn(app, await signInFirstAdmin(app, database));
}

/** An answer read whole: its status, its body parsed as JSON (null when empty) and its text. */
export interface ReadAnswer {
  status: number;
  body: any; // whatever the answer holds: each test reads what it expects
  text: string;
}

/** `method path` as `who` (null: signed out), with `body` sent as JSON when given; the answer read whole. */
export async function requestAs(
  target: RequestTarget,
  who: Credentials | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ReadAnswer> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await target.request(path, withCredentials(who, init));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}
