/**
 * End to end: the accessibility panel against the real server (embedded PostGIS, demo region) in
 * headless Chromium. Click a kindergarten with the isochrone tool and read residents per band
 * (equal to the API's answer to the same request); switch to service radii (which count at least as
 * many people within 15 minutes); compare both; pick 幼儿园 for the heat map and check its legend,
 * the uncovered units and the coverage table against the coverage API; click far outside the region
 * and see the API's 400 message as a notice.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position.js';
import {
  fetchApi,
  getJson,
  mapRectangle,
  postJson,
  projectToPage,
  screenshotPath,
  useE2eSession,
  waitForDrawn,
  waitForMapIdle,
  type Collection,
} from '../support/e2e-harness.js';

/** The facility clicked must be this far (screen pixels) from every other facility dot, so it takes the click. */
const FACILITY_CLEARANCE_PIXELS = 16;
const CATEGORY = 'kindergarten';

interface FacilityProps {
  id: string;
  name: string;
  category: string;
}
interface BandProps {
  minutes: number;
  fromMinutes: number;
  residents: number;
  households: number;
  elderly: number;
}
interface CoverageAnswer {
  region: { residents: number; categories: { category: string; coveredShare: number | null }[] };
  communities: { id: string; categories: { category: string; coveredShare: number | null }[] }[];
  uncoveredUnitIds: Record<string, string[]>;
}

/** Attributes of every element matched, in page order. */
async function readRows(rows: Locator, names: string[]): Promise<Record<string, string | null>[]> {
  return rows.evaluateAll(
    (elements, attributeNames) =>
      elements.map((element) =>
        Object.fromEntries(attributeNames.map((name) => [name, element.getAttribute(name)])),
      ),
    names,
  );
}

async function clickMethod(page: Page, method: 'network' | 'radius' | 'compare'): Promise<void> {
  await page.getByTestId('method-switch').locator(`[data-value="${method}"]`).click();
}

describe('the accessibility panel in a browser', () => {
  const { openApp } = useE2eSession();

  it('draws isochrones with residents per band, compares them with service radii, and maps kindergarten coverage', async () => {
    const { baseUrl, page } = await openApp();

    await page.getByTestId('sidebar-tab-accessibility').click();
    const panel = page.getByTestId('accessibility-panel');
    await panel.waitFor();
    expect(await panel.locator('#accessibility-panel-title').textContent()).toBe('可达性分析');

    // A kindergarten on screen whose dot no other facility crowds (the sidebar has widened the map's frame).
    await page.waitForFunction(() => !window.__lifecircle!.map.isMoving());
    const facilities = await getJson<Collection<{ type: 'Point'; coordinates: Position }, FacilityProps>>(
      baseUrl,
      '/api/regions/demo/facilities',
    );
    const pixels = await projectToPage(
      page,
      facilities.features.map((feature) => feature.geometry.coordinates),
    );
    const mapRect = await mapRectangle(page);
    const chosenIndex = facilities.features.findIndex(
      (feature, index) =>
        feature.properties.category === CATEGORY &&
        pixels[index][0] > mapRect.left + 80 &&
        pixels[index][0] < mapRect.right - 80 &&
        pixels[index][1] > mapRect.top + 80 &&
        pixels[index][1] < mapRect.bottom - 80 &&
        pixels.every(
          (other, otherIndex) =>
            otherIndex === index ||
            Math.hypot(other[0] - pixels[index][0], other[1] - pixels[index][1]) >= FACILITY_CLEARANCE_PIXELS,
        ),
    );
    expect(chosenIndex, 'a kindergarten clear of other facilities on screen').toBeGreaterThanOrEqual(0);
    const facility = facilities.features[chosenIndex];

    await page.mouse.click(pixels[chosenIndex][0], pixels[chosenIndex][1]);
    await waitForDrawn(page, 'isochronesLoaded');
    expect(await panel.getByTestId('isochrone-origin').getAttribute('data-facility-id')).toBe(
      facility.properties.id,
    );

    // Network isochrones: three bands, residents as the API answers the same request.
    const request = {
      facilityIds: [facility.properties.id],
      minutes: [5, 10, 15],
      speedMetersPerSecond: 1,
      mode: 'rings',
    };
    const network = await postJson<Collection<unknown, BandProps>>(baseUrl, '/api/regions/demo/isochrones', {
      ...request,
      method: 'network',
    });
    const networkRows = await readRows(panel.locator('[data-testid="isochrone-band"]'), [
      'data-minutes',
      'data-residents',
      'data-cumulative-residents',
      'data-method',
    ]);
    expect(networkRows.map((row) => Number(row['data-minutes']))).toEqual([5, 10, 15]);
    expect(networkRows.every((row) => row['data-method'] === 'network')).toBe(true);
    expect(networkRows.map((row) => Number(row['data-residents']))).toEqual(
      network.features.map((band) => band.properties.residents),
    );
    expect(networkRows.reduce((sum, row) => sum + Number(row['data-residents']), 0)).toBeGreaterThan(0);
    // What people read: the same figures, formatted with zh-CN separators.
    expect(await panel.getByTestId('band-residents').allTextContents()).toEqual(
      network.features.map((band) => band.properties.residents.toLocaleString('zh-CN')),
    );
    const networkWithin15 = Number(networkRows[2]['data-cumulative-residents']);
    expect(networkWithin15).toBe(network.features.reduce((sum, band) => sum + band.properties.residents, 0));

    // Service radii: the straight line ignores detours, so at least as many people fall within 15 minutes.
    await clickMethod(page, 'radius');
    await expect.poll(() => panel.getByTestId('isochrone-bands').getAttribute('data-method')).toBe('radius');
    await waitForDrawn(page, 'isochronesLoaded');
    const radius = await postJson<Collection<unknown, BandProps>>(baseUrl, '/api/regions/demo/isochrones', {
      ...request,
      method: 'radius',
    });
    const radiusRows = await readRows(panel.locator('[data-testid="isochrone-band"]'), [
      'data-minutes',
      'data-residents',
      'data-cumulative-residents',
    ]);
    expect(radiusRows.map((row) => Number(row['data-residents']))).toEqual(
      radius.features.map((band) => band.properties.residents),
    );
    const radiusWithin15 = Number(
      radiusRows.find((row) => row['data-minutes'] === '15')!['data-cumulative-residents'],
    );
    expect(radiusWithin15).toBeGreaterThanOrEqual(networkWithin15);

    // Both at once: network fill under dashed radii, with the two totals side by side.
    await clickMethod(page, 'compare');
    const compareRows = await readRows(panel.locator('[data-testid="isochrone-compare-row"]'), [
      'data-minutes',
      'data-network-residents',
      'data-radius-residents',
    ]);
    expect(compareRows.find((row) => row['data-minutes'] === '15')).toEqual({
      'data-minutes': '15',
      'data-network-residents': String(networkWithin15),
      'data-radius-residents': String(radiusWithin15),
    });
    await waitForDrawn(page, 'isochronesLoaded');
    // The isochrones shown can be downloaded: the GeoJSON holds one band per minutes value.
    const [isochroneFile] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-isochrones').locator('[data-format="geojson"]').click(),
    ]);
    const isochronePath = await isochroneFile.path();
    const exported = JSON.parse(await readFile(isochronePath, 'utf8')) as {
      features: { properties: { minutes: number } }[];
    };
    expect(exported.features.map((feature) => feature.properties.minutes)).toEqual([5, 10, 15]);
    await panel.getByTestId('isochrone-fit').click();
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('isochrones.png') });

    // Coverage of kindergartens: heat map with its legend, uncovered units and the coverage table.
    await panel.getByTestId('analysis-view').locator('[data-value="coverage"]').click();
    const picker = panel.getByTestId('category-picker');
    const option = await picker.locator(`option[value="${CATEGORY}"]`).textContent();
    expect(option).toBe('幼儿园 · 5 分钟');
    await picker.selectOption(CATEGORY);
    const legend = panel.getByTestId('heatmap-legend');
    await expect.poll(() => legend.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    await waitForDrawn(page, 'heatmapLoaded');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.getByTestId('heatmap-legend-step').allTextContents()).toEqual([
      '0–5',
      '5–10',
      '10–15',
      '15–20',
      '20–30',
      '> 30',
    ]);

    const coverage = await getJson<CoverageAnswer>(
      baseUrl,
      '/api/regions/demo/coverage?speedMetersPerSecond=1',
    );
    const uncovered = panel.getByTestId('uncovered-units');
    await expect
      .poll(() => uncovered.getAttribute('data-count'))
      .toBe(String(coverage.uncoveredUnitIds[CATEGORY].length));
    expect(await uncovered.locator('.kpi-value').textContent()).toBe(
      coverage.uncoveredUnitIds[CATEGORY].length.toLocaleString('zh-CN'),
    );

    const table = panel.getByTestId('coverage-table');
    const shares = (
      await readRows(table.locator('[data-testid="coverage-row"]'), ['data-share', 'data-community-id'])
    ).map((row) => ({
      id: row['data-community-id']!,
      share: row['data-share'] === '' ? null : Number(row['data-share']),
    }));
    const expectedShares = new Map(
      coverage.communities.map((community) => [
        community.id,
        community.categories.find((entry) => entry.category === CATEGORY)?.coveredShare ?? null,
      ]),
    );
    expect(shares.map((row) => row.id).sort()).toEqual([...expectedShares.keys()].sort());
    for (const row of shares) expect(row.share).toBe(expectedShares.get(row.id));
    const numeric = shares.map((row) => row.share).filter((share): share is number => share !== null);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    await page.waitForTimeout(300);
    await page.screenshot({ path: await screenshotPath('heatmap.png') });

    // What the view shows can be downloaded: coverage per community as CSV, one row per community.
    const coverageCsvHref = await panel
      .getByTestId('export-coverage')
      .locator('a[data-format="csv"]')
      .getAttribute('href');
    const coverageCsv = await fetchApi(baseUrl, coverageCsvHref!);
    expect(coverageCsv.status).toBe(200);
    const csvLines = (await coverageCsv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csvLines).toHaveLength(coverage.communities.length + 1);
    expect(await panel.getByTestId('export-heatmap').locator('a').count()).toBe(3);

    // The tier table is editable: kindergartens within 10 minutes leave fewer units uncovered.
    await panel.getByTestId('tier-picker').locator('[data-value="10"]').click();
    const coverageAt10 = await getJson<CoverageAnswer>(
      baseUrl,
      `/api/regions/demo/coverage?speedMetersPerSecond=1&tiers=${CATEGORY}:10`,
    );
    expect(coverageAt10.uncoveredUnitIds[CATEGORY].length).toBeLessThan(
      coverage.uncoveredUnitIds[CATEGORY].length,
    );
    await expect
      .poll(() => uncovered.getAttribute('data-count'), { timeout: 60_000 })
      .toBe(String(coverageAt10.uncoveredUnitIds[CATEGORY].length));
    expect(await picker.locator(`option[value="${CATEGORY}"]`).textContent()).toBe('幼儿园 · 10 分钟');
    await panel.getByTestId('tier-reset').click();
    await expect
      .poll(() => uncovered.getAttribute('data-count'), { timeout: 60_000 })
      .toBe(String(coverage.uncoveredUnitIds[CATEGORY].length));

    // Life-circle completeness has its own legend: 0 … N categories.
    await picker.selectOption('completeness');
    expect(await legend.getAttribute('data-kind')).toBe('completeness');
    await expect.poll(() => legend.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    await waitForDrawn(page, 'heatmapLoaded');
    const steps = await legend.getByTestId('heatmap-legend-step').allTextContents();
    expect(steps[0]).toBe('0');
    expect(steps.length).toBeGreaterThan(2);
    expect(steps[steps.length - 1]).toBe(String(steps.length - 1));

    // A click far outside the region: the API's 400 message, shown as a notice.
    await panel.getByTestId('analysis-view').locator('[data-value="isochrones"]').click();
    await panel.getByTestId('isochrone-clear').click();
    await page.evaluate(() => window.__lifecircle!.map.jumpTo({ zoom: 8 }));
    // Bottom right: clear of the overlays in the top-left corner and of the zoom buttons.
    const farPixel: Position = [mapRect.right - 100, mapRect.bottom - 80];
    const [farLngLat] = await page.evaluate(([x, y]) => {
      const map = window.__lifecircle!.map;
      const rect = map.getContainer().getBoundingClientRect();
      const point = map.unproject([x - rect.left, y - rect.top]);
      return [[point.lng, point.lat] as [number, number]];
    }, farPixel);
    const refused = await fetchApi(baseUrl, '/api/regions/demo/isochrones', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ origins: [farLngLat] }),
    });
    expect(refused.status).toBe(400);
    // The notice speaks the interface's language: the API's Chinese sentence once it gives one.
    const refusal = (await refused.json()) as { error: string; errorZh?: string };
    const apiMessage = refusal.errorZh ?? refusal.error;
    await page.mouse.click(farPixel[0], farPixel[1]);
    const notice = page.getByTestId('notice');
    await notice.first().waitFor({ timeout: 20_000 });
    expect(await notice.locator('strong').first().textContent()).toBe('服务器错误 400');
    // The same message; the coordinates printed in it may differ in the last digits of the click.
    const withoutNumbers = (text: string | null) => (text ?? '').replace(/-?\d+(\.\d+)?/g, '#');
    expect(withoutNumbers(await notice.locator('.notice-detail').first().textContent())).toBe(
      withoutNumbers(apiMessage),
    );
    expect(await panel.getByTestId('isochrone-bands').count()).toBe(0);
    expect(await panel.getByTestId('isochrone-hint').isVisible()).toBe(true);
  });
});
