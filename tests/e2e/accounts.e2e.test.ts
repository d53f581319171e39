/**
 * End to end: accounts and review in the browser. The administrator adds a planner on the 系统管理
 * page; the planner, in a browser of their own, is refused with a wrong password, signs in with the
 * initial one, must change it first, sees their role and no administration, creates a scenario and
 * submits it. A leader, in a third browser, opens the scenario from a link and returns it with a
 * comment, which the planner then reads; the audit log on the administrator's page lists it all.
 * Signing out brings the sign-in page back.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  fetchApi,
  useE2eSession,
  waitForDrawn,
  FIRST_DRAW_TIMEOUT_MS,
} from '../support/e2e-harness.js';

const VIEWPORT = { width: 1440, height: 900 };

/** A browser of its own (no session), at `address`, with the sign-in page filled in and sent. */
async function signInThroughPage(
  browser: Browser,
  address: string,
  username: string,
  password: string,
): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await page.goto(address);
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  return page;
}

/** The change-password form a password set by the administrator leads to, filled in and sent. */
async function changeInitialPassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByTestId('must-change-password').waitFor();
  await page.getByTestId('current-password').fill(current);
  await page.getByTestId('new-password').fill(next);
  await page.getByTestId('repeat-password').fill(next);
  await page.getByTestId('change-password-submit').click();
}

describe('accounts and review, in a browser', () => {
  const { openApp } = useE2eSession();

  it('adds a planner, who signs in, changes the password, submits a scenario a leader returns with a comment', async () => {
    const { page: adminPage, browser, baseUrl } = await openApp();

    // The administrator adds the planner on the 系统管理 page.
    await adminPage.getByTestId('account-button').click();
    await adminPage.getByTestId('account-administration').click();
    await adminPage.getByTestId('users-table').waitFor();
    await adminPage.getByTestId('add-user-username').fill('zhangwei');
    await adminPage.getByTestId('add-user-password').fill('initial-password-1');
    await adminPage.getByTestId('add-user-role').selectOption('planner');
    await adminPage.getByTestId('add-user-submit').click();
    await expect.poll(() => adminPage.getByTestId('admin-done').textContent()).toContain('zhangwei');
    const row = adminPage.locator('[data-testid="users-table"] tr[data-username="zhangwei"]');
    await expect.poll(() => row.textContent()).toContain('待改密码');
    const leaderAdded = await fetchApi(baseUrl, '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'director-li', password: 'leader-password-1', role: 'leader' }),
    });
    expect(leaderAdded.status).toBe(201);

    // The planner: a wrong password is refused in words, the right one asks for a new one first.
    const planner = await signInThroughPage(browser, baseUrl, 'zhangwei', 'not-the-password');
    await expect.poll(() => planner.getByTestId('sign-in-refusal').textContent()).toBe('用户名或密码错误');
    await planner.getByTestId('sign-in-password').fill('initial-password-1');
    await planner.getByTestId('sign-in-submit').click();
    await changeInitialPassword(planner, 'initial-password-1', 'planner-password-2');
    await waitForDrawn(planner, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
    expect(await planner.getByTestId('account-role').textContent()).toBe('规划人员');
    await planner.getByTestId('account-button').click();
    expect(await planner.getByTestId('account-administration').count()).toBe(0);
    await planner.getByTestId('account-button').click();

    // The planner's scenario, submitted for review.
    const scenarioId = await createScenarioInPanel(planner, '审核演示方案');
    const plannerBar = planner.getByTestId('review-bar');
    expect(await plannerBar.getAttribute('data-review-state')).toBe('draft');
    await planner.getByTestId('review-submit').click();
    await expect.poll(() => plannerBar.getAttribute('data-review-state')).toBe('submitted');
    expect(await planner.getByTestId('review-approve').count()).toBe(0);

    // The leader opens it from a link and returns it with a comment.
    const link = `${baseUrl}/?region=demo&tab=scenarios&scenario=${scenarioId}`;
    const leader = await signInThroughPage(browser, link, 'director-li', 'leader-password-1');
    await changeInitialPassword(leader, 'leader-password-1', 'leader-password-2');
    const leaderBar = leader.getByTestId('review-bar');
    await leaderBar.waitFor({ timeout: FIRST_DRAW_TIMEOUT_MS });
    expect(await leaderBar.getAttribute('data-review-state')).toBe('submitted');
    expect(await leader.getByTestId('review-submit').count()).toBe(0);
    await leader.getByTestId('review-return').click();
    await leader.getByTestId('review-return-comment').fill('西门社区人口超出上限，请拆分后再提交');
    await leader.getByTestId('review-confirm-return').click();
    await expect.poll(() => leaderBar.getAttribute('data-review-state')).toBe('returned');

    // The planner reads the comment after a reload, and may submit again.
    await planner.reload();
    await expect
      .poll(() => planner.getByTestId('review-comment').textContent(), { timeout: FIRST_DRAW_TIMEOUT_MS })
      .toBe('西门社区人口超出上限，请拆分后再提交');
    expect(await planner.getByTestId('review-bar').getAttribute('data-review-state')).toBe('returned');
    expect(await planner.getByTestId('review-submit').isEnabled()).toBe(true);

    // The audit log on the administrator's page lists what they did.
    await adminPage.reload();
    const audit = adminPage.getByTestId('audit-table');
    // The table's rows arrive after its head: wait for the latest step to be listed.
    await expect.poll(() => audit.textContent()).toContain('POST /api/scenarios/:id/decision');
    const auditText = await audit.textContent();
    expect(auditText).toContain('POST /api/scenarios/:id/decision');
    expect(auditText).toContain('returned: 西门社区人口超出上限，请拆分后再提交');
    expect(auditText).toContain('POST /api/scenarios/:id/submit');
    expect(auditText).toContain('PUT /api/session/password');

    // Signing out brings the sign-in page back, and the app's data is no longer served to that browser.
    await planner.getByTestId('account-button').click();
    await planner.getByTestId('account-sign-out').click();
    await planner.getByTestId('sign-in-form').waitFor();
    const afterSignOut = await planner.request.get(`${baseUrl}/api/regions`);
    expect(afterSignOut.status()).toBe(401);
  });
});
