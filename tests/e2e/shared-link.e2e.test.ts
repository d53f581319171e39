/**
 * End to end: the address bar holds the view, so a link opens it. The planner opens the 方案 tab,
 * creates a scenario and moves the map; the address then names the region, the tab, the scenario
 * and the map's centre and zoom, and a second tab opened on that address shows the same scenario
 * open on the same tab at the same view. With an edit not yet saved, leaving the page asks first
 * (its beforeunload event is cancelled, which makes the browser ask); after discarding, it does not.
 */
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  newSignedInPage,
  useE2eSession,
  waitForDrawn,
  waitForMapIdle,
} from '../support/e2e-harness.js';

describe('a shared link, in a browser', () => {
  const { openApp } = useE2eSession();

  it('opens the same region, tab, scenario and map view; leaving with unsaved edits asks first', async () => {
    const { page, browser, baseUrl } = await openApp();
    const scenarioId = await createScenarioInPanel(page, '链接分享');
    const view = await page.evaluate(() => {
      const map = window.__lifecircle!.map;
      const center = map.getCenter();
      map.jumpTo({ center: [center.lng + 0.004, center.lat - 0.003], zoom: 15.5 });
      const moved = map.getCenter();
      return { lon: moved.lng, lat: moved.lat, zoom: map.getZoom() };
    });
    await waitForMapIdle(page);

    const address = new URL(page.url());
    expect(address.searchParams.get('region')).toBe('demo');
    expect(address.searchParams.get('tab')).toBe('scenarios');
    expect(address.searchParams.get('scenario')).toBe(scenarioId);
    const [lon, lat, zoom] = address.searchParams.get('at')!.split(',').map(Number);
    expect(lon).toBeCloseTo(view.lon, 5);
    expect(lat).toBeCloseTo(view.lat, 5);
    expect(zoom).toBeCloseTo(view.zoom, 2);

    // The link in another browser, signed in there too: the same scenario, tab and map view.
    const second = await newSignedInPage(browser, baseUrl, { viewport: page.viewportSize() });
    await second.goto(address.href);
    await waitForDrawn(second, 'communitiesLoaded', 120_000);
    expect(await second.getByTestId('sidebar-tab-scenarios').getAttribute('aria-selected')).toBe('true');
    const secondScenario = second.getByTestId('open-scenario');
    await expect.poll(() => secondScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('1');
    expect(await secondScenario.getAttribute('data-scenario-id')).toBe(scenarioId);
    const secondView = await second.evaluate(() => {
      const map = window.__lifecircle!.map;
      return { lon: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() };
    });
    expect(secondView.lon).toBeCloseTo(view.lon, 5);
    expect(secondView.lat).toBeCloseTo(view.lat, 5);
    expect(secondView.zoom).toBeCloseTo(view.zoom, 2);

    // An unsaved edit: closing the tab asks first (the planner stays), and without one it does not.
    await second.getByTestId('tool-place-facility').click();
    await second.getByTestId('facility-name').fill('未保存的幼儿园');
    const box = (await second.locator('.maplibregl-canvas').first().boundingBox())!;
    await second.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => second.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    // What the browser asks before unloading: whether the page cancels its beforeunload event.
    const leavingIsQuestioned = () =>
      second.evaluate(() => {
        const leaving = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(leaving);
        return leaving.defaultPrevented;
      });
    expect(await leavingIsQuestioned()).toBe(true);
    await second.getByTestId('scenario-discard').click();
    await expect.poll(() => second.getByTestId('pending-count').count()).toBe(0);
    expect(await leavingIsQuestioned()).toBe(false);
    await second.close();
  });
});
