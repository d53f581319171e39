/**
 * A scenario's review (issue 12), on both databases: its editors submit it, a leader approves it or
 * returns it with a comment; submitted and approved scenarios are locked; a new draft can be based
 * on an approved one. Each step is kept with who took it, and is in the audit log.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { addUserAndSignIn, requestAs, signInFirstAdmin, type Credentials } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

describe.each(testBackends())('scenario review on $name', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: App;
  let admin: Credentials;
  let planner: Credentials;
  let leader: Credentials;

  const call = (who: Credentials, method: string, path: string, body?: unknown) =>
    requestAs(app, who, method, path, body);

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const tiny = tinyRegion('tiny');
    await loadRegion(database, 'test', tiny.meta, tiny.layers);
    app = createApp(database);
    admin = await signInFirstAdmin(app, database);
    planner = await addUserAndSignIn(app, admin, 'planner', 'zhang');
    leader = await addUserAndSignIn(app, admin, 'leader', 'director-li');
  });
  afterAll(async () => dispose?.());

  it('goes draft → submitted → returned → submitted → approved, locked while submitted and once approved', async () => {
    const created = await call(planner, 'POST', '/api/regions/tiny/scenarios', { name: '调整方案' });
    expect(created.body).toMatchObject({ reviewState: 'draft', lastReview: null, owner: 'zhang' });
    const id = created.body.id as string;
    const rename = (version: number, name: string) =>
      call(planner, 'PATCH', `/api/scenarios/${id}`, { version, edits: [], name });

    const submitted = await call(planner, 'POST', `/api/scenarios/${id}/submit`, {
      version: 1,
      comment: '请审阅',
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({
      reviewState: 'submitted',
      lastReview: { version: 1, action: 'submit', by: 'zhang', comment: '请审阅' },
    });

    const lockedSave = await rename(1, 'changed while submitted');
    expect(lockedSave.status).toBe(409);
    expect(lockedSave.body).toMatchObject({ code: 'scenario.locked-by-review' });
    expect(lockedSave.body.errorZh).toContain('已提交审核');
    expect((await call(planner, 'DELETE', `/api/scenarios/${id}`)).status).toBe(409);
    const again = await call(planner, 'POST', `/api/scenarios/${id}/submit`, { version: 1 });
    expect(again.body.code).toBe('scenario.review-step-refused');

    const plannerDecides = await call(planner, 'POST', `/api/scenarios/${id}/decision`, {
      version: 1,
      decision: 'approve',
    });
    expect(plannerDecides.status).toBe(403);
    expect(plannerDecides.body.code).toBe('auth.forbidden');
    const noComment = await call(leader, 'POST', `/api/scenarios/${id}/decision`, {
      version: 1,
      decision: 'return',
    });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error).toContain('comment');

    const returned = await call(leader, 'POST', `/api/scenarios/${id}/decision`, {
      version: 1,
      decision: 'return',
      comment: '西门社区人口超出上限，请拆分',
    });
    expect(returned.body).toMatchObject({
      reviewState: 'returned',
      lastReview: { action: 'return', by: 'director-li', comment: '西门社区人口超出上限，请拆分' },
    });

    expect((await rename(1, '调整方案（修改后）')).status).toBe(200);
    const stale = await call(planner, 'POST', `/api/scenarios/${id}/submit`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'scenario.stale-version', currentVersion: 2 });
    expect((await call(planner, 'POST', `/api/scenarios/${id}/submit`, { version: 2 })).status).toBe(200);
    const staleDecision = await call(leader, 'POST', `/api/scenarios/${id}/decision`, {
      version: 1,
      decision: 'approve',
    });
    expect(staleDecision.body.code).toBe('scenario.stale-version');
    const approved = await call(leader, 'POST', `/api/scenarios/${id}/decision`, {
      version: 2,
      decision: 'approve',
    });
    expect(approved.body).toMatchObject({
      reviewState: 'approved',
      version: 2,
      lastReview: { action: 'approve' },
    });

    const afterApproval = await rename(2, 'after approval');
    expect(afterApproval.body.code).toBe('scenario.locked-by-review');
    expect(afterApproval.body.error).toContain('create a new scenario based on it');
    expect(
      (await call(admin, 'PATCH', `/api/scenarios/${id}`, { version: 2, edits: [], name: 'x' })).status,
    ).toBe(409);
    expect(
      (
        await call(leader, 'POST', `/api/scenarios/${id}/decision`, {
          version: 2,
          decision: 'return',
          comment: 'late',
        })
      ).status,
    ).toBe(409);

    const detail = await call(leader, 'GET', `/api/scenarios/${id}`);
    expect(
      detail.body.reviews.map((step: { action: string; version: number; by: string }) => [
        step.action,
        step.version,
        step.by,
      ]),
    ).toEqual([
      ['submit', 1, 'zhang'],
      ['return', 1, 'director-li'],
      ['submit', 2, 'zhang'],
      ['approve', 2, 'director-li'],
    ]);

    const next = await call(planner, 'POST', '/api/regions/tiny/scenarios', { name: '下一版', basedOn: id });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ reviewState: 'draft', basedOn: id });
    expect(
      (
        await call(planner, 'PATCH', `/api/scenarios/${next.body.id}`, {
          version: 1,
          edits: [],
          name: '下一版 v2',
        })
      ).status,
    ).toBe(200);

    const audit = await call(admin, 'GET', `/api/audit?objectId=${id}`);
    expect(
      audit.body.map((entry: { operation: string; detail: string }) => entry.operation).slice(0, 4),
    ).toEqual([
      'POST /api/scenarios/:id/decision',
      'POST /api/scenarios/:id/submit',
      'PATCH /api/scenarios/:id',
      'POST /api/scenarios/:id/decision',
    ]);
    expect(audit.body[3].detail).toBe('returned: 西门社区人口超出上限，请拆分');
  });
});
