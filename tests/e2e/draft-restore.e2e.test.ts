/**
 * End to end: unsaved edits survive a reload, a closed tab and a crash. In one browser profile (a
 * context) the planner opens a scenario and makes three kinds of edit without saving: merges two
 * communities of a street (units change community), places a kindergarten (a facility) and sets a
 * community's staff (an attribute). The edits are kept in the browser's storage as they are made, so:
 * after a reload, after the tab is closed and another opened on the same address, and after the
 * page dies without its unload handlers running (a crash), the scenario opens with the three edits
 * pending, a notice saying they were restored, the merged community's residents in the figures and
 * the moved units and the new facility drawn on the map. Saving forgets the draft; so does
 * discarding. A draft made on a version the scenario has since left is still offered, says so, and
 * its save is rebased: its edit on the community the other save changed is named as a conflict.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  getJson,
  useE2eSession,
  waitForDrawn,
  waitForMapIdle,
  screenshotPath,
  FIRST_DRAW_TIMEOUT_MS,
  signInPage,
  fetchApi,
} from '../support/e2e-harness.js';

interface CommunityProps {
  id: string;
  name: string;
  streetId: string;
  residents: number;
  unitCount: number;
}

/** deck.gl's own view of its layers (private API, read by the test only). */
interface DeckInternals {
  _deck: { layerManager: { getLayers(): { id: string; props: { data: unknown } }[] } };
}

/** The rows a deck.gl layer of the map draws now (null: no such layer). */
async function drawnRows(page: Page, layerId: string): Promise<unknown[] | null> {
  return page.evaluate((id) => {
    const { overlay } = window.__lifecircle!;
    const layer = (overlay as unknown as DeckInternals)._deck.layerManager
      .getLayers()
      .find((candidate) => candidate.id === id);
    return layer ? [...(layer.props.data as unknown[])] : null;
  }, layerId);
}

const DRAFT_PREFIX = 'lifecircle.draft:';

/** The drafts this browser keeps (key → number of edits). */
async function storedDrafts(page: Page): Promise<Record<string, number>> {
  return page.evaluate((prefix) => {
    const drafts: Record<string, number> = {};
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index)!;
      if (key.startsWith(prefix))
        drafts[key] = (JSON.parse(localStorage.getItem(key)!) as { edits: unknown[] }).edits.length;
    }
    return drafts;
  }, DRAFT_PREFIX);
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

/** A page of the context, with the client checking every answer against the contract. */
async function newPage(context: BrowserContext, mismatches: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('[contract]'))
      mismatches.push(message.text());
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

describe('unsaved scenario edits kept in the browser', () => {
  const { openApp } = useE2eSession();

  it('come back after a reload, a closed tab and a crash; a save or a discard forgets them', async () => {
    const { baseUrl, browser, page: firstPage } = await openApp();
    const mismatches: string[] = [];
    const context = await browser.newContext({ viewport: firstPage.viewportSize(), deviceScaleFactor: 1 });
    await context.addInitScript(() => localStorage.setItem('lifecircle.checkAnswers', '1'));
    let page = await newPage(context, mismatches);
    // A browser context of its own signs in once; its later pages share the session cookie.
    await signInPage(page, baseUrl);
    await page.goto(baseUrl);
    await waitForDrawn(page, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
    const scenarioId = await createScenarioInPanel(page, '草稿恢复');
    const address = page.url();

    // Two communities of one street: A keeps, B merges into it.
    const communities = (
      await getJson<{ features: { properties: CommunityProps }[] }>(
        baseUrl,
        `/api/scenarios/${scenarioId}/communities`,
      )
    ).features.map((feature) => feature.properties);
    const pair = communities
      .flatMap((a) =>
        communities.filter((b) => b.id !== a.id && b.streetId === a.streetId).map((b) => [a, b]),
      )
      .find(([a, b]) => a.residents > 0 && b.residents > 0);
    expect(pair, 'two communities of one street').toBeDefined();
    const [a, b] = pair!;

    // 1. A merge.
    await page.getByTestId('tool-merge').click();
    await page.getByTestId('active-community').selectOption(a.id);
    await page.getByTestId('merge-with').selectOption(b.id);
    await page.getByTestId('merge-apply').click();
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    // 2. A kindergarten placed in the middle of the map.
    await page.getByTestId('tool-place-facility').click();
    await page.getByTestId('facility-name').fill('草稿幼儿园');
    await waitForMapIdle(page);
    const box = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('2');
    // 3. The merged community's staff.
    await page.getByTestId('tool-select').click();
    await selectCommunity(page, a.id);
    await page.locator('.attribute-form summary').click();
    await page.getByTestId('attribute-form').getByTestId('field-staff').fill('42');
    await page.getByTestId('attribute-form').getByTestId('attribute-apply').click();
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('3');
    expect(await storedDrafts(page)).toEqual({
      [`${DRAFT_PREFIX}demo:${encodeURIComponent(scenarioId)}:1`]: 3,
    });

    /** The scenario is open at `version` with the three edits back, said, in the figures and on the map. */
    const expectRestored = async (target: Page, version: string) => {
      await waitForDrawn(target, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
      const open = target.getByTestId('open-scenario');
      await expect.poll(() => open.getAttribute('data-version'), { timeout: 60_000 }).toBe(version);
      expect(await open.getAttribute('data-scenario-id')).toBe(scenarioId);
      await expect
        .poll(() => target.getByTestId('pending-count').getAttribute('data-count'), { timeout: 30_000 })
        .toBe('3');
      const notice = target.getByTestId('draft-notice');
      expect(await notice.getAttribute('data-restored')).toBe('3');
      expect(await notice.textContent()).toContain('已恢复上次未保存的 3 项修改');
      const lines = await target.getByTestId('pending-list').locator('li').allTextContents();
      expect(lines).toHaveLength(3);
      expect(lines.join('\n')).toContain('草稿幼儿园');
      // The figures: A holds B's residents, with the staff set.
      await selectCommunity(target, a.id);
      expect(await metricResidents(target)).toBe(a.residents + b.residents);
      expect(await target.locator(`[data-testid="community-row"][data-community-id="${b.id}"]`).count()).toBe(
        0,
      );
      // The map: B's units drawn as moved, the new kindergarten ringed as added.
      await expect
        .poll(async () => (await drawnRows(target, 'scenario-pending-units'))?.length)
        .toBe(b.unitCount);
      const rings = (await drawnRows(target, 'scenario-facility-rings')) as { change: string }[] | null;
      expect(rings?.filter((row) => row.change === 'added')).toHaveLength(1);
    };

    // A reload.
    await page.reload();
    await expectRestored(page, '1');
    await page.evaluate(() => document.querySelector('.sidebar-left')?.scrollTo(0, 0));
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('draft-restored.png') });

    // The tab closed (its unload handlers run) and another opened on the same address.
    await page.close({ runBeforeUnload: true });
    page = await newPage(context, mismatches);
    await page.goto(address);
    await expectRestored(page, '1');

    // A crash: the page goes without its unload handlers.
    await page.close({ runBeforeUnload: false });
    page = await newPage(context, mismatches);
    await page.goto(address);
    await expectRestored(page, '1');

    // Saved: the draft is gone, and a reload finds nothing to restore.
    await page.getByTestId('scenario-save').click();
    const open = page.getByTestId('open-scenario');
    await expect.poll(() => open.getAttribute('data-version'), { timeout: 60_000 }).toBe('2');
    await expect.poll(() => page.getByTestId('pending-count').count()).toBe(0);
    expect(await storedDrafts(page)).toEqual({});
    expect(await page.getByTestId('draft-notice').count()).toBe(0);

    // An edit discarded: gone too.
    await selectCommunity(page, a.id);
    await page.locator('.attribute-form summary').click();
    await page.getByTestId('attribute-form').getByTestId('field-staff').fill('7');
    await page.getByTestId('attribute-form').getByTestId('attribute-apply').click();
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    expect(Object.values(await storedDrafts(page))).toEqual([1]);
    await page.getByTestId('scenario-discard').click();
    await expect.poll(() => page.getByTestId('pending-count').count()).toBe(0);
    expect(await storedDrafts(page)).toEqual({});
    await page.reload();
    await waitForDrawn(page, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
    await expect.poll(() => open.getAttribute('data-version'), { timeout: 60_000 }).toBe('2');
    expect(await page.getByTestId('pending-count').count()).toBe(0);
    expect(await page.getByTestId('draft-notice').count()).toBe(0);

    // A draft made on version 2 while someone else saves version 3: offered on 3, said so, and its
    // save meets the conflict.
    await selectCommunity(page, a.id);
    await page.locator('.attribute-form summary').click();
    await page.getByTestId('attribute-form').getByTestId('field-staff').fill('9');
    await page.getByTestId('attribute-form').getByTestId('attribute-apply').click();
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    const elsewhere = await fetchApi(baseUrl, `/api/scenarios/${scenarioId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: 2,
        edits: [{ op: 'update', communityId: a.id, changes: { grids: 3 } }],
      }),
    });
    expect(elsewhere.status).toBe(200);
    await page.reload();
    await waitForDrawn(page, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
    await expect.poll(() => open.getAttribute('data-version'), { timeout: 60_000 }).toBe('3');
    await expect
      .poll(() => page.getByTestId('pending-count').getAttribute('data-count'), { timeout: 30_000 })
      .toBe('1');
    const notice = page.getByTestId('draft-notice');
    expect(await notice.getAttribute('data-newer')).toBe('true');
    expect(await page.getByTestId('draft-newer').textContent()).toContain('第 3 版');
    await page.getByTestId('scenario-save').click();
    const message = page.getByTestId('scenario-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('rebase-conflict');
    // The draft's edit and the other save changed the same community: named, with the save it meets.
    expect(await page.getByTestId('rebase-conflict').count()).toBe(1);
    expect(await page.getByTestId('rebase-with').getAttribute('data-version')).toBe('3');

    await context.close();
    expect(mismatches, 'answers that do not match the contract').toEqual([]);
  });
});
