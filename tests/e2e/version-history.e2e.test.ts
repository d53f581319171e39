/**
 * End to end: the version history of a scenario. Two saves (a merge of two communities of a street,
 * then the merged community's staff) make versions 2 and 3; the 版本记录 section lists the three
 * versions, newest first, each with its time and its edits in words. Version 1 viewed read-only puts
 * the merged-away community back in the list and the figures, marks its units on the map, and offers
 * no editing; back to the current version, it is gone again. Restored, version 1 becomes version 4:
 * the server holds the baseline's communities again and the history lists four versions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  fetchApi,
  getJson,
  screenshotPath,
  useE2eSession,
  waitForDrawn,
  waitForMapIdle,
} from '../support/e2e-harness.js';

interface CommunityProps {
  id: string;
  streetId: string;
  residents: number;
  unitCount: number;
}

/** deck.gl's own view of its layers (private API, read by the test only). */
interface DeckInternals {
  _deck: { layerManager: { getLayers(): { id: string; props: { data: unknown } }[] } };
}

async function drawnRows(page: Page, layerId: string): Promise<number | null> {
  return page.evaluate((id) => {
    const { overlay } = window.__lifecircle!;
    const layer = (overlay as unknown as DeckInternals)._deck.layerManager
      .getLayers()
      .find((candidate) => candidate.id === id);
    return layer ? (layer.props.data as unknown[]).length : null;
  }, layerId);
}

async function metricResidents(page: Page): Promise<number> {
  return Number(await page.getByTestId('metric-residents').getAttribute('data-value'));
}

async function selectCommunity(page: Page, communityId: string): Promise<void> {
  await page.locator(`[data-testid="community-row"][data-community-id="${communityId}"]`).click();
  await expect
    .poll(() => page.getByTestId('community-metrics').getAttribute('data-community-id'))
    .toBe(communityId);
}

describe('the version history, in a browser', () => {
  const { openApp } = useE2eSession();

  it('lists the saves, shows an old version read-only on the map and in the figures, and restores it', async () => {
    const { baseUrl, page } = await openApp();
    const scenarioId = await createScenarioInPanel(page, '版本回看');
    const communities = (
      await getJson<{ features: { properties: CommunityProps }[] }>(
        baseUrl,
        `/api/scenarios/${scenarioId}/communities`,
      )
    ).features.map((feature) => feature.properties);
    const [a, b] = communities
      .flatMap((x) =>
        communities.filter((y) => y.id !== x.id && y.streetId === x.streetId).map((y) => [x, y]),
      )
      .find(([x, y]) => x.residents > 0 && y.residents > 0)!;
    const patch = async (version: number, edits: unknown[]) => {
      const response = await fetchApi(baseUrl, `/api/scenarios/${scenarioId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version, edits }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
    };
    await patch(1, [{ op: 'merge', communityIds: [a.id, b.id], into: a.id }]);
    await patch(2, [{ op: 'update', communityId: a.id, changes: { staff: 12 } }]);
    await page.reload();
    await waitForDrawn(page, 'communitiesLoaded', 120_000);
    const open = page.getByTestId('open-scenario');
    await expect.poll(() => open.getAttribute('data-version'), { timeout: 60_000 }).toBe('3');

    // The list: three versions, newest first, each with its time and its edits in words.
    const rows = page.getByTestId('version-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-version')))).toEqual(
      ['3', '2', '1'],
    );
    const row = (version: number) => page.locator(`[data-testid="version-row"][data-version="${version}"]`);
    expect(await row(3).textContent()).toContain('当前版本');
    expect(await row(3).getByTestId('version-edits').textContent()).toBe('1 项修改：修改属性 1 项');
    expect(await row(2).getByTestId('version-edits').textContent()).toBe('1 项修改：合并 1 项');
    expect(await row(1).getByTestId('version-edits').textContent()).toBe('新建方案');
    expect(await row(2).locator('time').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.locator(`[data-testid="community-row"][data-community-id="${b.id}"]`).count()).toBe(0);

    // Version 1 viewed: B is back in the list, its residents and A's as the baseline has them, its
    // units marked on the map; no editing tools, and nothing pending.
    await row(1).getByTestId('version-view').click();
    const banner = page.getByTestId('version-banner');
    await expect.poll(() => banner.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    expect(await banner.textContent()).toContain('正在查看第 1 版（只读）');
    expect(await page.getByTestId('scenario-tools').count()).toBe(0);
    expect(await page.getByTestId('pending-count').count()).toBe(0);
    await selectCommunity(page, b.id);
    expect(await metricResidents(page)).toBe(b.residents);
    expect(await page.getByTestId('attribute-form').count()).toBe(0);
    await selectCommunity(page, a.id);
    expect(await metricResidents(page)).toBe(a.residents);
    await expect.poll(() => drawnRows(page, 'scenario-pending-units')).toBe(b.unitCount);
    await page.evaluate(() => document.querySelector('.sidebar-left')?.scrollTo(0, 10_000));
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('version-history.png') });

    // Back to the current version: B merged away again, nothing marked.
    await page.getByTestId('version-back').click();
    await expect.poll(() => banner.count()).toBe(0);
    await page.getByTestId('scenario-tools').waitFor();
    expect(await page.locator(`[data-testid="community-row"][data-community-id="${b.id}"]`).count()).toBe(0);
    await selectCommunity(page, a.id);
    expect(await metricResidents(page)).toBe(a.residents + b.residents);
    await expect.poll(() => drawnRows(page, 'scenario-pending-units')).toBe(0);

    // Version 1 restored (after the confirmation) as version 4.
    await row(1).getByTestId('version-restore').click();
    await page.getByTestId('version-restore-confirm').click();
    await expect.poll(() => open.getAttribute('data-version'), { timeout: 60_000 }).toBe('4');
    const message = page.getByTestId('scenario-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('restored');
    expect(await message.textContent()).toContain('已将第 1 版恢复为第 4 版');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(4);
    const stored = await getJson<{ version: number; unitsMovedFromBaseline: number }>(
      baseUrl,
      `/api/scenarios/${scenarioId}`,
    );
    expect(stored).toMatchObject({ version: 4, unitsMovedFromBaseline: 0 });
    await expect
      .poll(() => page.locator(`[data-testid="community-row"][data-community-id="${b.id}"]`).count())
      .toBe(1);
    await selectCommunity(page, b.id);
    expect(await metricResidents(page)).toBe(b.residents);
  });
});
