/**
 * Accounts (issue 12), on both databases: signing in and out, sessions and their CSRF token, API
 * tokens, rate-limited sign-in, password changes, users, and — read from the OpenAPI document —
 * every operation refused to each role that lacks its permission, and every scenario write refused
 * to whoever does not own or share the scenario. The audit log records every write.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contract/access.js';
import { createApp, type App } from '../../server/src/app.js';
import { ensureFirstAdmin } from '../../server/src/accounts/first-admin.js';
import { MAX_FAILURES_PER_NAME } from '../../server/src/accounts/sign-in-limiter.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import {
  addUserAndSignIn,
  signIn,
  signInFirstAdmin,
  testPassword,
  withCredentials,
  type Credentials,
} from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

interface DocumentedOperation {
  method: string;
  path: string;
  permission: { name: string; roles: Role[]; scenario?: string };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-permission': DocumentedOperation['permission'] }>>;
}

/** A path of the document with its parameters filled with values that exist in the test region. */
function fillDocumentPath(path: string, scenarioId: string): string {
  const values: Record<string, string> = {
    region: 'tiny',
    id: scenarioId,
    layer: 'facilities',
    basemap: 'none',
    importId: '00000000-0000-0000-0000-000000000000',
    username: 'nobody-here',
    z: '1',
    x: '0',
    y: '0',
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name);
}

function json(method: string, body: unknown): RequestInit {
  if (method === 'GET' || method === 'HEAD') return { method };
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

describe.each(testBackends())('accounts on $name', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: App;
  let admin: Credentials;
  const users = {} as Record<Role, Credentials>;
  let document: OpenApiDocument;

  const call = async (credentials: Credentials | null, path: string, init: RequestInit = {}) => {
    const response = await app.request(path, withCredentials(credentials, init));
    const text = await response.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body, text, headers: response.headers };
  };

  const createScenario = async (owner: Credentials, name: string): Promise<string> => {
    const created = await call(owner, '/api/regions/tiny/scenarios', json('POST', { name }));
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const tiny = tinyRegion('tiny');
    await loadRegion(database, 'test', tiny.meta, tiny.layers);
    app = createApp(database);
    admin = await signInFirstAdmin(app, database);
    users.admin = admin;
    for (const role of ROLES.filter((role) => role !== 'admin')) {
      users[role] = await addUserAndSignIn(app, admin, role, `${role}-one`);
    }
    document = (await call(null, '/api/openapi.json')).body as OpenApiDocument;
  });
  afterAll(async () => dispose?.());

  it('answers 401 naming the operation to a request without a session, except the open operations', async () => {
    const open: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const url = fillDocumentPath(path, 'any-scenario');
        const answer = await call(null, url, { method: method.toUpperCase() });
        if (operation['x-permission'].roles.length === 0) {
          open.push(`${method.toUpperCase()} ${path}`);
          expect(answer.status, `${method} ${path}`).not.toBe(401);
          continue;
        }
        expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(401);
        expect(answer.body.code).toBe('auth.sign-in-required');
        expect(answer.body.error).toContain(`${method.toUpperCase()} ${url.split('?')[0]}`);
      }
    }
    expect(open.sort()).toEqual([
      'GET /api/docs',
      'GET /api/health',
      'GET /api/openapi.json',
      'POST /api/session',
    ]);
  });

  it('signs in with an HttpOnly SameSite=Strict cookie, says who is signed in, and signs out', async () => {
    const wrong = await call(
      null,
      '/api/session',
      json('POST', { username: 'planner-one', password: 'not-the-password' }),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'auth.wrong-password', errorZh: '用户名或密码错误' });
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const leader = await addUserAndSignIn(app, admin, 'leader', 'leader.two');
    const response = await app.request(
      '/api/session',
      json('POST', { username: 'LEADER.TWO', password: leader.password }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lifecircle_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ user: 'leader.two', role: 'leader', via: 'session' });
    expect(typeof answer.csrfToken).toBe('string');

    const who = await call(leader, '/api/session');
    expect(who.body).toMatchObject({
      user: 'leader.two',
      role: 'leader',
      csrfToken: leader.headers['x-csrf-token'],
    });

    expect((await call(leader, '/api/session', { method: 'DELETE' })).status).toBe(204);
    const after = await call(leader, '/api/regions');
    expect(after.status).toBe(401);
    expect(after.body.error).toContain('the session has ended or expired');
  });

  it('refuses a write made with the session cookie but without its CSRF token; a Bearer token needs none', async () => {
    const planner = users.planner;
    const { 'x-csrf-token': _, ...cookieOnly } = planner.headers;
    const body = JSON.stringify({ name: 'csrf' });
    const headers = { ...cookieOnly, 'content-type': 'application/json' };
    const missing = await app.request('/api/regions/tiny/scenarios', { method: 'POST', headers, body });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { code: string }).code).toBe('auth.csrf');
    const forged = await app.request('/api/regions/tiny/scenarios', {
      method: 'POST',
      headers: { ...headers, 'x-csrf-token': 'forged' },
      body,
    });
    expect(forged.status).toBe(403);
    const names = await database.query<{ name: string }>("SELECT name FROM scenarios WHERE name = 'csrf'");
    expect(names.rows).toEqual([]);

    const token = await call(planner, '/api/tokens', json('POST', { name: 'nightly script' }));
    expect(token.status).toBe(201);
    expect(token.body.token).toMatch(/^lct_/);
    const scripted = await app.request('/api/regions/tiny/scenarios', {
      method: 'POST',
      headers: { authorization: `Bearer ${token.body.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(scripted.status).toBe(201);
    expect(((await scripted.json()) as { owner: string }).owner).toBe(planner.username);
  });

  it('API tokens: listed without their secret, act with their role, and stop working once revoked', async () => {
    const refused = await call(
      users.planner,
      '/api/tokens',
      json('POST', { name: 'escalate', role: 'admin' }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('token.role-not-allowed');

    const leaderToken = await call(
      admin,
      '/api/tokens',
      json('POST', { name: 'read-only dashboard', role: 'leader' }),
    );
    expect(leaderToken.status).toBe(201);
    const bearer = { authorization: `Bearer ${leaderToken.body.token}` };
    expect((await app.request('/api/regions', { headers: bearer })).status).toBe(200);
    const asLeader = await app.request('/api/users', { headers: bearer });
    expect(asLeader.status).toBe(403);
    expect(((await asLeader.json()) as { error: string }).error).toContain('signed in as leader');

    const listed = await call(admin, '/api/tokens');
    const entry = listed.body.find((token: { id: string }) => token.id === leaderToken.body.id);
    expect(entry).toMatchObject({ name: 'read-only dashboard', role: 'leader', revokedAt: null });
    expect(entry.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(leaderToken.body.token);

    expect(
      (await call(users.planner, `/api/tokens/${leaderToken.body.id}`, { method: 'DELETE' })).status,
    ).toBe(404);
    expect((await call(admin, `/api/tokens/${leaderToken.body.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await app.request('/api/regions', { headers: bearer });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: string }).error).toContain('unknown or revoked');
  });

  it('refuses sign-in after repeated failures, even with the right password', async () => {
    const analyst = await addUserAndSignIn(app, admin, 'analyst', 'guessed-analyst');
    for (let attempt = 0; attempt < MAX_FAILURES_PER_NAME; attempt++) {
      const wrong = await call(
        null,
        '/api/session',
        json('POST', { username: analyst.username, password: `guess-${attempt}` }),
      );
      expect(wrong.status).toBe(401);
    }
    const limited = await call(
      null,
      '/api/session',
      json('POST', { username: analyst.username, password: analyst.password }),
    );
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'auth.too-many-attempts', params: { who: analyst.username } });
    // The session made before the failures still works: the limit is on signing in.
    expect((await call(analyst, '/api/session')).status).toBe(200);
  });

  it('changes a password only with the current one, and ends the user’s other sessions', async () => {
    const planner = await addUserAndSignIn(app, admin, 'planner', 'changes-password');
    const other = await signIn(app, planner.username, planner.password);
    const newPassword = testPassword();
    const wrong = await call(
      planner,
      '/api/session/password',
      json('PUT', { currentPassword: 'nope', newPassword }),
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('auth.wrong-current-password');
    const short = await call(
      planner,
      '/api/session/password',
      json('PUT', { currentPassword: planner.password, newPassword: 'short' }),
    );
    expect(short.status).toBe(400);
    expect(short.body.error).toContain('newPassword');

    const changed = await call(
      planner,
      '/api/session/password',
      json('PUT', { currentPassword: planner.password, newPassword }),
    );
    expect(changed.status).toBe(204);
    expect((await call(planner, '/api/session')).status).toBe(200);
    expect((await call(other, '/api/session')).status).toBe(401);
    await expect(signIn(app, planner.username, planner.password)).rejects.toThrow(/401/);
    expect((await signIn(app, planner.username, newPassword)).username).toBe(planner.username);
  });

  it('administrators add users, change roles, reset passwords and disable; the last administrator stays', async () => {
    const duplicate = await call(
      admin,
      '/api/users',
      json('POST', { username: 'planner-one', password: testPassword(), role: 'planner' }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('user.exists');
    const badName = await call(
      admin,
      '/api/users',
      json('POST', { username: '张伟', password: testPassword(), role: 'planner' }),
    );
    expect(badName.status).toBe(400);
    expect(badName.body.error).toContain('username');

    const demoteLast = await call(admin, '/api/users/admin', json('PATCH', { role: 'planner' }));
    expect(demoteLast.status).toBe(409);
    expect(demoteLast.body.code).toBe('user.last-admin');

    const target = await addUserAndSignIn(app, admin, 'planner', 'to-be-changed');
    const promoted = await call(
      admin,
      `/api/users/${target.username}`,
      json('PATCH', { role: 'analyst', displayName: '李娜' }),
    );
    expect(promoted.body).toMatchObject({ username: target.username, role: 'analyst', displayName: '李娜' });
    // A new role ends the user's sessions: they sign in again and act with it.
    expect((await call(target, '/api/session')).status).toBe(401);
    const again = await signIn(app, target.username, target.password);
    expect(again.role).toBe('analyst');

    const reset = testPassword();
    const resetAnswer = await call(
      admin,
      `/api/users/${target.username}`,
      json('PATCH', { password: reset }),
    );
    expect(resetAnswer.body.mustChangePassword).toBe(true);
    const afterReset = await signIn(app, target.username, reset);
    expect((await call(afterReset, '/api/session')).body.mustChangePassword).toBe(true);

    expect(
      (await call(admin, `/api/users/${target.username}`, json('PATCH', { disabled: true }))).status,
    ).toBe(200);
    expect((await call(afterReset, '/api/session')).status).toBe(401);
    await expect(signIn(app, target.username, reset)).rejects.toThrow(/401/);

    const listed = await call(admin, '/api/users');
    expect(listed.body.map((user: { username: string }) => user.username)).toContain(target.username);
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('refuses every operation of the OpenAPI document to each role that lacks its permission, naming it', async () => {
    const scenarioId = await createScenario(users.planner, 'matrix');
    const refusedBy: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const permission = operation['x-permission'];
        if (permission.roles.length === 0) continue;
        for (const role of ROLES) {
          if (permission.roles.includes(role)) continue;
          const answer = await call(
            users[role],
            fillDocumentPath(path, scenarioId),
            json(method.toUpperCase(), {}),
          );
          const label = `${role} ${method.toUpperCase()} ${path}`;
          expect(answer.status, `${label}: ${answer.text}`).toBe(403);
          expect(answer.body.code, label).toBe('auth.forbidden');
          expect(answer.body.params, label).toMatchObject({ role, roles: permission.roles.join(', ') });
          refusedBy.push(label);
        }
      }
    }
    // Spot checks that the document's permissions are the ones the issue asks for.
    expect(refusedBy).toEqual(
      expect.arrayContaining([
        'planner POST /api/regions/{region}/imports',
        'leader POST /api/regions/{region}/scenarios',
        'leader PATCH /api/scenarios/{id}',
        'analyst POST /api/users',
        'planner GET /api/audit',
        'leader POST /api/regions/{region}/basemaps',
        'planner PATCH /api/regions/{region}',
      ]),
    );
    // Nothing refused was done: the scenario is untouched and no user was added by a refused request.
    const scenario = await call(admin, `/api/scenarios/${scenarioId}`);
    expect(scenario.body).toMatchObject({ version: 1, name: 'matrix' });
  });

  it('lets only a scenario’s owner, its collaborators and administrators edit it, and only the owner delete or share it', async () => {
    const owner = users.planner;
    const colleague = await addUserAndSignIn(app, admin, 'planner', 'colleague');
    const outsider = await addUserAndSignIn(app, admin, 'planner', 'outsider');
    const id = await createScenario(owner, '共享方案');
    const rename = (version: number, name: string) => json('PATCH', { version, edits: [], name });

    const refused = await call(colleague, `/api/scenarios/${id}`, rename(1, 'not yet'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'auth.not-scenario-editor',
      params: { owner: owner.username },
    });

    const notShared = await call(
      colleague,
      `/api/scenarios/${id}/collaborators`,
      json('PUT', { collaborators: ['colleague'] }),
    );
    expect(notShared.status).toBe(403);
    const unknown = await call(
      owner,
      `/api/scenarios/${id}/collaborators`,
      json('PUT', { collaborators: ['no-such-user'] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('no-such-user');
    const shared = await call(
      owner,
      `/api/scenarios/${id}/collaborators`,
      json('PUT', { collaborators: ['colleague', owner.username] }),
    );
    expect(shared.body).toEqual({ owner: owner.username, collaborators: ['colleague'] });

    const saved = await call(colleague, `/api/scenarios/${id}`, rename(1, '共享方案（修改）'));
    expect(saved.status, saved.text).toBe(200);
    expect((await call(outsider, `/api/scenarios/${id}`, rename(2, 'outsider'))).status).toBe(403);
    expect((await call(colleague, `/api/scenarios/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await call(admin, `/api/scenarios/${id}`, rename(2, '管理员改名'))).status).toBe(200);

    const detail = await call(outsider, `/api/scenarios/${id}`);
    expect(detail.body.owner).toBe(owner.username);
    expect(detail.body.name).toBe('管理员改名');
    expect((await call(owner, `/api/scenarios/${id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('records every write in an append-only audit log: who, which object, which versions; CSV for admins', async () => {
    const planner = users.planner;
    const id = await createScenario(planner, '=审计方案');
    const saved = await call(
      planner,
      `/api/scenarios/${id}`,
      json('PATCH', { version: 1, edits: [], name: '=审计方案' }),
    );
    expect(saved.status).toBe(200);
    const detail = await call(planner, `/api/scenarios/${id}`);
    expect(detail.body.owner).toBe(planner.username);

    const entries = await call(admin, `/api/audit?objectId=${id}`);
    expect(entries.status).toBe(200);
    expect(
      entries.body.map((entry: any) => [entry.username, entry.operation, entry.fromVersion, entry.toVersion]),
    ).toEqual([
      [planner.username, 'PATCH /api/scenarios/:id', 1, 2],
      [planner.username, 'POST /api/regions/:region/scenarios', null, 1],
    ]);
    expect(entries.body[0]).toMatchObject({
      role: 'planner',
      via: 'session',
      objectType: 'scenario',
      status: 200,
    });

    const failures = await call(admin, `/api/audit?user=guessed-analyst`);
    expect(failures.body.filter((entry: any) => entry.status === 401).length).toBe(MAX_FAILURES_PER_NAME);
    expect(failures.body.some((entry: any) => entry.status === 429)).toBe(true);

    const csv = await app.request(`/api/audit?format=csv&objectId=${id}`, withCredentials(admin));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a byte-order mark, for Excel and WPS').toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'id,at,username,role,via,method,operation,path,objectType,objectId,fromVersion,toVersion,status,detail',
    );
    expect(text).toContain(`,PATCH,PATCH /api/scenarios/:id,/api/scenarios/${id},scenario,${id},1,2,200,`);

    await expect(database.query('UPDATE audit_log SET username = $1', ['someone else'])).rejects.toThrow(
      /append-only/,
    );
    await expect(database.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const count = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
    expect(count.rows[0].count).toBeGreaterThan(10);
  });
});

// A fresh database of its own: the server's when configured (quicker to make than a second PGlite).
const lastBackend = testBackends().at(-1);
describe.runIf(lastBackend)(`the first administrator on ${lastBackend?.name}`, () => {
  const backend = lastBackend as NonNullable<typeof lastBackend>;
  it('makes the first administrator once: with the configured password, or a one-time password to change', async () => {
    const fresh = await backend.open();
    try {
      await migrate(fresh.database);
      const made = await ensureFirstAdmin(fresh.database, null);
      expect(made).toMatchObject({ created: true, username: 'admin' });
      if (!made.created || !made.oneTimePassword) throw new Error('no one-time password');
      expect(made.oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
      expect(await ensureFirstAdmin(fresh.database, 'another-password')).toEqual({ created: false });
      const freshApp = createApp(fresh.database);
      const session = await signIn(freshApp, 'admin', made.oneTimePassword);
      const who = await freshApp.request('/api/session', withCredentials(session));
      expect(((await who.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    } finally {
      await fresh.dispose();
    }
  });
});
