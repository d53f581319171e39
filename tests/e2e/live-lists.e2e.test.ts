/**
 * End to end: lists update live and the open scenario shows who else has it (issue 12). Two browser
 * contexts, the administrator and an analyst: the analyst creates a scenario and the administrator's
 * list shows it without a reload; both open it and each sees the other in the presence strip; the
 * analyst saves it and the administrator is told "… 刚保存了版本 2"; the analyst leaves and drops out
 * of the administrator's strip.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  fetchApi,
  FIRST_DRAW_TIMEOUT_MS,
  screenshotPath,
  useE2eSession,
  waitForDrawn,
} from '../support/e2e-harness.js';
import { signIn, testPassword, withCredentials } from '../support/sign-in.js';

const ANALYST = 'wang-analyst';

/** The usernames a page's presence strip shows. */
async function presentUsers(page: Page): Promise<string[]> {
  const viewers = page.locator('[data-testid="presence-viewer"]');
  return viewers.evaluateAll((items) => items.map((item) => item.getAttribute('data-username') ?? ''));
}

describe('live lists and presence', () => {
  const { openApp } = useE2eSession();

  it("shows another user's new scenario without a reload, who else has it open, and their save", async () => {
    const { page, browser, baseUrl } = await openApp();
    // The analyst, with a password of their own (a new user must change the one given first).
    const firstPassword = testPassword();
    const added = await fetchApi(baseUrl, '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: ANALYST,
        password: firstPassword,
        role: 'analyst',
        displayName: '王分析',
      }),
    });
    expect(added.status).toBe(201);
    const nodeFetch = { request: (url: string, init?: RequestInit) => fetch(url, init) };
    const password = testPassword();
    const changed = await fetch(
      `${baseUrl}/api/session/password`,
      withCredentials(await signIn(nodeFetch, ANALYST, firstPassword, baseUrl), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: firstPassword, newPassword: password }),
      }),
    );
    expect(changed.status, await changed.text()).toBe(204);

    const analystPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const signedIn = await analystPage.request.post(`${baseUrl}/api/session`, {
      data: { username: ANALYST, password },
    });
    expect(signedIn.status()).toBe(200);
    await analystPage.goto(baseUrl);
    await waitForDrawn(analystPage, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);

    // The administrator looks at the list; the analyst creates a scenario in their own browser.
    await page.getByTestId('sidebar-tab-scenarios').click();
    await page.getByTestId('scenario-panel').waitFor();
    const scenarioId = await createScenarioInPanel(analystPage, '实时协作方案');
    const card = page.locator(`[data-testid="scenario-card"][data-scenario-id="${scenarioId}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('实时协作方案');

    // Both have it open: each sees the other, not themself.
    await card.getByTestId('scenario-open').click();
    await expect.poll(() => presentUsers(page), { timeout: 15_000 }).toEqual([ANALYST]);
    await expect.poll(() => presentUsers(analystPage), { timeout: 15_000 }).toEqual(['admin']);
    expect(await page.getByTestId('presence-strip').textContent()).toContain('王分析');
    expect(await page.getByTestId('presence-strip').textContent()).toContain('分析员');

    // The analyst saves (through the API, as their own session): the administrator is told.
    const analyst = await signIn(nodeFetch, ANALYST, password, baseUrl);
    const saved = await fetch(
      `${baseUrl}/api/scenarios/${scenarioId}`,
      withCredentials(analyst, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          version: 1,
          edits: [{ op: 'update', communityId: 'c-ximen', changes: { staff: 40 } }],
        }),
      }),
    );
    expect(saved.status, await saved.clone().text()).toBe(200);
    const notice = page.getByTestId('live-save-notice');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('王分析 刚保存了版本 2');
    await page.getByTestId('open-scenario').screenshot({ path: await screenshotPath('live-presence.png') });

    // The analyst closes their page: they leave the administrator's strip.
    await analystPage.close();
    await expect.poll(() => presentUsers(page), { timeout: 15_000 }).toEqual([]);
  });
});
