/**
 * Bureau-wide settings (issue 12), on both databases: everyone signed in reads the issuing unit
 * (编制单位) the dashboard prints, the configured default until an administrator sets one; only an
 * administrator changes it; a bad value is refused naming the field; the change is in the audit log.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { migrate } from '../../server/src/db/migrate.js';
import {
  addUserAndSignIn,
  requestAs,
  signInFirstAdmin,
  withCredentials,
  type Credentials,
} from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';

const CONFIGURED_UNIT = '测试市自然资源和规划局';

describe.each(testBackends())('settings on $name', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: App;
  let admin: Credentials;
  let planner: Credentials;
  let leader: Credentials;

  const call = (who: Credentials | null, method: string, body?: unknown) =>
    requestAs(app, who, method, '/api/settings', body);

  beforeAll(async () => {
    ({ database, dispose } = await backend.open());
    await migrate(database);
    app = createApp(database, { issuingUnit: CONFIGURED_UNIT });
    admin = await signInFirstAdmin(app, database);
    planner = await addUserAndSignIn(app, admin, 'planner', 'zhang');
    leader = await addUserAndSignIn(app, admin, 'leader', 'director-li');
  });
  afterAll(async () => dispose?.());

  it('answers the configured issuing unit until an administrator sets one, to every role signed in', async () => {
    for (const who of [admin, planner, leader]) {
      const read = await call(who, 'GET');
      expect(read.status, read.text).toBe(200);
      expect(read.body).toEqual({ issuingUnit: CONFIGURED_UNIT, updatedAt: null, updatedBy: null });
    }
    expect((await call(null, 'GET')).status).toBe(401);
  });

  it('refuses a planner’s and a leader’s change (403), and a bad value naming the field (400)', async () => {
    const byPlanner = await call(planner, 'PUT', { issuingUnit: '规划科' });
    expect(byPlanner.status).toBe(403);
    expect(byPlanner.body.code).toBe('auth.forbidden');
    expect((await call(leader, 'PUT', { issuingUnit: '规划科' })).status).toBe(403);

    for (const bad of [{ issuingUnit: '   ' }, { issuingUnit: 'x'.repeat(101) }, {}, { issuingUnit: 7 }]) {
      const refused = await call(admin, 'PUT', bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error).toContain('issuingUnit');
      expect(refused.body.errorZh).toEqual(expect.any(String));
    }
    expect((await call(admin, 'PUT', { issuingUnit: '规划科', extra: 1 })).status).toBe(400);
    expect((await call(planner, 'GET')).body.issuingUnit).toBe(CONFIGURED_UNIT);
  });

  it('stores an administrator’s change (trimmed), reads it back for everyone, and audits it', async () => {
    const stored = await call(admin, 'PUT', { issuingUnit: '  吉首市自然资源局规划编制科  ' });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.body).toMatchObject({
      issuingUnit: '吉首市自然资源局规划编制科',
      updatedBy: admin.username,
    });
    expect(Date.now() - Date.parse(stored.body.updatedAt)).toBeLessThan(10 * 60 * 1000);

    const read = await call(planner, 'GET');
    expect(read.body).toEqual(stored.body);
    // A second change replaces the first.
    await call(admin, 'PUT', { issuingUnit: '吉首市规划局' });
    expect((await call(leader, 'GET')).body.issuingUnit).toBe('吉首市规划局');

    const audit = await app.request('/api/audit?objectId=issuing_unit', withCredentials(admin));
    const entries = (await audit.json()) as { operation: string; detail: string; username: string }[];
    expect(entries.map((entry) => [entry.operation, entry.detail, entry.username])).toEqual([
      ['PUT /api/settings', 'issuing unit: 吉首市规划局', admin.username],
      ['PUT /api/settings', 'issuing unit: 吉首市自然资源局规划编制科', admin.username],
    ]);
  });
});
