/**
 * End to end: the leaders' dashboard and back keeps the editor's map overlays. With a scenario open
 * and a facility placed but not saved, the planner goes to the dashboard and back twice: deck.gl
 * still draws the facility's ring on the new map,
 * the pending edit is still there, and deck.gl and WebGL said nothing in the console (before the
 * fix, every scenario layer failed deck.gl's assertion on the new map and the overlays vanished).
 * The screenshot shows the ring back where it was placed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  screenshotPath,
  useE2eSession,
  waitForMapIdle,
} from '../support/e2e-harness.js';

const RING_LAYER = 'scenario-facility-rings';

/** deck.gl's own view of its layers (private API, read by the test only). */
interface DeckInternals {
  _deck: { layerManager: { getLayers(): { id: string; isLoaded: boolean; getModels(): unknown[] }[] } };
}

/**
 * Whether deck.gl has the layer initialised on the map now on screen: its GPU models built (a
 * layer that failed deck.gl's assertion has none) and its data loaded.
 */
async function drawsLayer(page: Page, layerId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const { overlay } = window.__lifecircle!;
    const layer = (overlay as unknown as DeckInternals)._deck.layerManager
      .getLayers()
      .find((candidate) => candidate.id === id);
    return layer !== undefined && layer.isLoaded && layer.getModels().length > 0;
  }, layerId);
}

describe('the dashboard and back, in a browser', () => {
  const { openApp } = useE2eSession();

  it('keeps the scenario editor’s overlays and pending edits, with nothing said in the console', async () => {
    const { page } = await openApp();
    const complaints: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' || /WebGL|deck/i.test(text)) complaints.push(text.slice(0, 300));
    });
    page.on('pageerror', (error) => complaints.push(error.message));

    await createScenarioInPanel(page, '看板往返');
    await page.getByTestId('tool-place-facility').click();
    await page.getByTestId('facility-name').fill('往返幼儿园');
    await waitForMapIdle(page);
    const box = (await page.locator('.maplibregl-canvas').first().boundingBox())!;
    const site: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
    const sitePosition = await page.evaluate(([x, y]) => {
      const map = window.__lifecircle!.map;
      const rect = map.getContainer().getBoundingClientRect();
      const point = map.unproject([x - rect.left, y - rect.top]);
      return [point.lng, point.lat] as [number, number];
    }, site);
    await page.mouse.click(site[0], site[1]);
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    await expect.poll(() => drawsLayer(page, RING_LAYER), { timeout: 10_000 }).toBe(true);

    for (let round = 0; round < 2; round += 1) {
      await page.getByTestId('dashboard-switch').click();
      await expect
        .poll(() => page.getByTestId('dashboard').getAttribute('data-ready'), { timeout: 60_000 })
        .toBe('true');
      await page.getByTestId('dashboard-switch').click();
      await page.getByTestId('scenario-panel').waitFor();
      await waitForMapIdle(page);
      await expect.poll(() => drawsLayer(page, RING_LAYER), { timeout: 10_000 }).toBe(true);
      expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    }
    await page.evaluate((center) => window.__lifecircle!.map.jumpTo({ center, zoom: 16 }), sitePosition);
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('dashboard-return.png') });
    expect(complaints).toEqual([]);
  });
});
