/**
 * End to end: a save that lost the race rebases instead of dropping the planner's work. The
 * administrator has a scenario open in the browser and shares it with a planner, who saves through
 * the API (her own client, her own session) while the administrator has edits pending:
 * 1. the planner renamed another community: the administrator's edit saves on top, with the notice
 *    naming her and her version;
 * 2. the planner changed a community the administrator also edited: the conflict panel names that
 *    edit, her and her version; "save as a new scenario" saves every pending edit in a copy made at
 *    the version the administrator started from (read back through the API);
 * 3. again on the original: "save the rest" saves the edit that collides with nothing and drops
 *    the other (read back through the API);
 * 4. "drop the colliding edits" keeps the other pending on the current version, where it saves.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import { addUserAndSignIn, withCredentials, type Credentials } from '../support/sign-in.js';
import {
  createScenarioInPanel,
  fetchApi,
  getJson,
  screenshotPath,
  useE2eSession,
  type E2eSession,
} from '../support/e2e-harness.js';

interface CommunityProps {
  id: string;
  name: string;
}
interface ScenarioDetail {
  version: number;
  basedOn: string | null;
  name: string;
  edits: { version: number; author: string | null; edits: { op: string; communityId?: string }[] }[];
}
interface StateAnswer {
  communities: { id: string; name: string; staff?: number | null; grids?: number | null }[];
}

async function selectCommunity(page: Page, communityId: string): Promise<void> {
  await page.locator(`[data-testid="community-row"][data-community-id="${communityId}"]`).click();
  await expect
    .poll(() => page.getByTestId('community-metrics').getAttribute('data-community-id'))
    .toBe(communityId);
}

/** Sets a community's staff in the attribute form: one pending edit. */
async function setStaff(page: Page, communityId: string, staff: number): Promise<void> {
  const chip = page.getByTestId('pending-count');
  const before = (await chip.count()) > 0 ? Number(await chip.getAttribute('data-count')) : 0;
  await selectCommunity(page, communityId);
  await page.locator('.attribute-form summary').click();
  await page.getByTestId('attribute-form').getByTestId('field-staff').fill(String(staff));
  await page.getByTestId('attribute-form').getByTestId('attribute-apply').click();
  await expect
    .poll(() => page.getByTestId('pending-count').getAttribute('data-count'))
    .toBe(String(before + 1));
}

describe('a save that meets the saves of others in the browser', () => {
  const { openApp } = useE2eSession();

  it('merges a save that collides with nothing, and lets the planner save the rest or save all as new', async () => {
    const session: E2eSession = await openApp();
    const { baseUrl, page } = session;
    page.on('dialog', (dialog) => void dialog.accept());
    const scenarioId = await createScenarioInPanel(page, '合并演示');
    const openScenario = page.getByTestId('open-scenario');
    const message = page.getByTestId('scenario-message');

    // The planner 李平 (liping), a collaborator of the scenario, saving from her own client.
    const liping: Credentials = await addUserAndSignIn(
      { request: (url, init) => fetch(url, init) },
      session.credentials,
      'planner',
      'liping',
      baseUrl,
    );
    const shared = await fetchApi(baseUrl, `/api/scenarios/${scenarioId}/collaborators`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collaborators: ['liping'] }),
    });
    expect(shared.status, await shared.text()).toBe(200);
    const lipingSaves = async (id: string, version: number, edits: unknown[]) => {
      const response = await fetch(
        `${baseUrl}/api/scenarios/${id}`,
        withCredentials(liping, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ version, edits }),
        }),
      );
      expect(response.status, await response.clone().text()).toBe(200);
    };
    const detail = (id: string) => getJson<ScenarioDetail>(baseUrl, `/api/scenarios/${id}`);
    const community = async (id: string, version: number, communityId: string) =>
      (
        await getJson<StateAnswer>(baseUrl, `/api/scenarios/${id}/versions/${version}/state`)
      ).communities.find((record) => record.id === communityId)!;

    const [c1, c2, c3] = (
      await getJson<{ features: { properties: CommunityProps }[] }>(
        baseUrl,
        `/api/scenarios/${scenarioId}/communities`,
      )
    ).features.map((feature) => feature.properties);

    // 1. The administrator sets c1's staff; meanwhile liping renames c2 (version 2). Saving merges.
    await setStaff(page, c1.id, 7);
    await lipingSaves(scenarioId, 1, [{ op: 'update', communityId: c2.id, changes: { name: '李平改名' } }]);
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('rebased');
    expect(await message.textContent()).toContain(
      '已合并 liping 在版本 2 的保存，您的 1 项修改已保存为版本 3',
    );
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('3');
    const merged = await detail(scenarioId);
    expect(merged.edits.map((entry) => [entry.version, entry.author])).toEqual([
      [2, 'liping'],
      [3, FIRST_ADMIN_USERNAME],
    ]);
    expect((await community(scenarioId, 3, c1.id)).staff).toBe(7);
    expect((await community(scenarioId, 3, c2.id)).name).toBe('李平改名');

    // 2. The administrator sets c2's and c3's staff; liping sets c2's grids (version 4): c2 collides.
    await setStaff(page, c2.id, 5);
    await setStaff(page, c3.id, 6);
    await lipingSaves(scenarioId, 3, [{ op: 'update', communityId: c2.id, changes: { grids: 4 } }]);
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('rebase-conflict');
    const conflicts = page.getByTestId('rebase-conflict');
    expect(await conflicts.count()).toBe(1);
    expect(await conflicts.getAttribute('data-index')).toBe('0');
    const withSave = conflicts.getByTestId('rebase-with');
    expect(await withSave.getAttribute('data-author')).toBe('liping');
    expect(await withSave.getAttribute('data-version')).toBe('4');
    expect(await conflicts.textContent()).toContain('李平改名');
    expect(await withSave.textContent()).toMatch(
      /与 liping 于 \d{4}-\d\d-\d\d \d\d:\d\d 保存的第 4 版冲突（同一社区）/,
    );
    expect(await openScenario.getAttribute('data-version')).toBe('3');
    await page.screenshot({ path: await screenshotPath('save-rebase-conflict.png') });

    // "Save as a new scenario": both edits, on version 3 as the administrator had it (not liping's 4).
    await page.getByTestId('rebase-save-as-new').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 60_000 }).toBe('saved-as-new');
    await expect
      .poll(() => openScenario.getAttribute('data-scenario-id'), { timeout: 60_000 })
      .not.toBe(scenarioId);
    const copyId = (await openScenario.getAttribute('data-scenario-id'))!;
    const copy = await detail(copyId);
    expect(copy).toMatchObject({ basedOn: scenarioId, name: '合并演示（另存）', version: 3 });
    expect(copy.edits.at(-1)).toMatchObject({ version: 3, author: FIRST_ADMIN_USERNAME });
    expect((await community(copyId, 3, c2.id)).staff).toBe(5);
    expect((await community(copyId, 3, c3.id)).staff).toBe(6);
    expect((await community(copyId, 3, c2.id)).grids ?? null).not.toBe(4);
    expect((await community(copyId, 3, c1.id)).staff).toBe(7);
    expect((await detail(scenarioId)).version).toBe(4);

    // 3. Back on the original (version 4): c2 and c3 again; liping renames c2 (version 5). Save the rest.
    await page.getByTestId('scenario-close').click();
    await page
      .locator(
        `[data-testid="scenario-card"][data-scenario-id="${scenarioId}"] [data-testid="scenario-open"]`,
      )
      .click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('4');
    await setStaff(page, c2.id, 8);
    await setStaff(page, c3.id, 9);
    await lipingSaves(scenarioId, 4, [{ op: 'update', communityId: c2.id, changes: { name: '李平再改' } }]);
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('rebase-conflict');
    expect(await page.getByTestId('rebase-with').getAttribute('data-version')).toBe('5');
    await page.getByTestId('rebase-save-rest').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('saved-rest');
    expect(await message.textContent()).toContain('已保存 1 项不冲突的修改为第 6 版；1 项冲突的修改已放弃');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('6');
    const rest = await detail(scenarioId);
    expect(rest.edits.at(-1)).toMatchObject({
      version: 6,
      author: FIRST_ADMIN_USERNAME,
      edits: [{ op: 'update', communityId: c3.id }],
    });
    expect((await community(scenarioId, 6, c3.id)).staff).toBe(9);
    expect(await community(scenarioId, 6, c2.id)).toMatchObject({ name: '李平再改', grids: 4 });
    expect((await community(scenarioId, 6, c2.id)).staff ?? null).not.toBe(8);
    expect(await page.getByTestId('pending-count').count()).toBe(0);

    // 4. c2 and c3 once more; liping renames c3 (version 7). Drop the colliding edit: the other
    // stays pending on version 7, and saves there.
    await setStaff(page, c2.id, 10);
    await setStaff(page, c3.id, 11);
    await lipingSaves(scenarioId, 6, [{ op: 'update', communityId: c3.id, changes: { name: '李平三改' } }]);
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('rebase-conflict');
    expect(await page.getByTestId('rebase-conflict').getAttribute('data-index')).toBe('1');
    await page.getByTestId('rebase-drop').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('kept-rest');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('7');
    await expect
      .poll(() => page.getByTestId('pending-count').getAttribute('data-count'), { timeout: 30_000 })
      .toBe('1');
    expect((await detail(scenarioId)).version).toBe(7);
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => message.getAttribute('data-kind'), { timeout: 30_000 }).toBe('saved');
    const kept = await detail(scenarioId);
    expect(kept.edits.at(-1)).toMatchObject({
      version: 8,
      author: FIRST_ADMIN_USERNAME,
      edits: [{ op: 'update', communityId: c2.id }],
    });
    expect((await community(scenarioId, 8, c2.id)).staff).toBe(10);
    expect(await community(scenarioId, 8, c3.id)).toMatchObject({ name: '李平三改', staff: 9 });
  });
});
