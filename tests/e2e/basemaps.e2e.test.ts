/**
 * End to end: the region's own base maps in Chromium. A vector MBTiles (added through the import
 * wizard) and a raster PMTiles (added through the layers panel) made by scripts/fixtures around the demo
 * region are drawn by MapLibre under deck.gl's communities, in the panel's order, shown and hidden
 * by their switches; the dashboard's printed A4 holds both under its coverage figure.
 */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { makeBasemapFixtures, RASTER_FIXTURE_RGB } from '../../scripts/fixtures/make-basemap-fixtures.js';
import { VECTOR_BASEMAP } from '../../client/src/map/colours.js';
import { getJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';
import {
  CHANNEL_TOLERANCE,
  mapSettled,
  near,
  pixelAt,
  regionProbePixels,
  type Rgb,
} from '../support/map-pixels.js';
import { readPdf } from '../support/pdf-text.js';

const VECTOR_FILL_RGB: Rgb = [
  parseInt(VECTOR_BASEMAP.fill.slice(1, 3), 16),
  parseInt(VECTOR_BASEMAP.fill.slice(3, 5), 16),
  parseInt(VECTOR_BASEMAP.fill.slice(5, 7), 16),
];

describe('the region’s own base maps in a browser', () => {
  const { openApp } = useE2eSession();

  it('draws a raster and a vector base map under the communities, in order, and prints them', async () => {
    const { baseUrl, page } = await openApp();
    const region = await getJson<{ bbox: [number, number, number, number] }>(baseUrl, '/api/regions/demo');
    const [west, south, east, north] = region.bbox;
    const margin = 0.05;
    const fixtures = await makeBasemapFixtures([
      west - margin,
      south - margin,
      east + margin,
      north + margin,
    ]);

    // The vector topographic map through the import wizard (a file that is not one refused there, in
    // Chinese), the imagery through the layers panel's button.
    const topoFile = await screenshotPath('topo.mbtiles');
    await writeFile(topoFile, fixtures.vectorMbtiles);
    const notTiles = await screenshotPath('roads.geojson');
    await writeFile(notTiles, '{"type":"FeatureCollection","features":[]}');
    const imageryFile = await screenshotPath('ortho.pmtiles');
    await writeFile(imageryFile, fixtures.rasterPmtiles);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-basemap-file').setInputFiles(notTiles);
    await expect
      .poll(() => page.getByTestId('import-basemap').getByTestId('import-error').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/“roads\.geojson”既不是 PMTiles 也不是 MBTiles/);
    await page.getByTestId('import-basemap-file').setInputFiles(topoFile);
    await expect
      .poll(() => page.getByTestId('import-basemap-stored').textContent(), { timeout: 30_000 })
      .toContain(`已保存底图“地形图（测试）”（矢量，${fixtures.vectorTileCount} 个瓦片，缩放级别 12–14）`);
    await page.getByTestId('import-close').click();
    await page.getByTestId('basemap-file').setInputFiles(imageryFile);
    await expect.poll(() => page.getByTestId('basemap-ortho').count(), { timeout: 30_000 }).toBe(1);
    // The newest on top in the panel.
    const rows = await page
      .getByTestId('basemap-list')
      .locator('li')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid')));
    expect(rows).toEqual(['basemap-ortho', 'basemap-topo']);

    // In the MapLibre style: above the region's ground and roads, under its street boundaries.
    const layerIds = await page.evaluate(() =>
      window.__lifecircle!.map.getStyle().layers.map((layer) => layer.id),
    );
    const at = (id: string) => layerIds.indexOf(id);
    expect(at('tile-basemap-ortho')).toBeGreaterThan(at('tile-basemap-topo-landcover-fill'));
    expect(at('tile-basemap-topo-landcover-fill')).toBeGreaterThan(at('bridge-arterial'));
    expect(at('tile-basemap-ortho')).toBeLessThan(at('street-boundary-halo'));

    const { outside, inside } = await regionProbePixels(page, baseUrl);
    expect(inside, 'a pixel inside a community, clear of edges and facilities').not.toBeNull();

    await mapSettled(page);
    await page.screenshot({ path: await screenshotPath('basemaps-raster-on-top.png') });
    expect(
      near(await pixelAt(page, ...outside), RASTER_FIXTURE_RGB),
      'the imagery’s colour outside the region',
    ).toBe(true);
    const communityOverImagery = await pixelAt(page, ...inside!);
    // Under the communities: the community's tint lies over the imagery, which shows through it.
    expect(near(communityOverImagery, RASTER_FIXTURE_RGB)).toBe(false);

    // Imagery off: the vector map's land cover shows, and the community now lies over that.
    await page.locator('#basemap-toggle-ortho').click();
    await mapSettled(page);
    expect(near(await pixelAt(page, ...outside), VECTOR_FILL_RGB), 'the land cover outside the region').toBe(
      true,
    );
    const communityOverTopo = await pixelAt(page, ...inside!);
    expect(near(communityOverTopo, communityOverImagery)).toBe(false);

    // Imagery on again but moved under the topographic map: the land cover is on top.
    await page.locator('#basemap-toggle-ortho').click();
    await page.getByTestId('basemap-down-ortho').click();
    await mapSettled(page);
    const orderAfter = await page.evaluate(() =>
      window.__lifecircle!.map.getStyle().layers.map((layer) => layer.id),
    );
    expect(orderAfter.indexOf('tile-basemap-ortho')).toBeLessThan(
      orderAfter.indexOf('tile-basemap-topo-landcover-fill'),
    );
    expect(near(await pixelAt(page, ...outside), VECTOR_FILL_RGB)).toBe(true);

    // Half-transparent topographic map over the imagery: a colour between the two.
    await page.getByTestId('basemap-opacity-topo').fill('50');
    await mapSettled(page);
    const blended = await pixelAt(page, ...outside);
    for (const channel of [0, 1, 2]) {
      const low = Math.min(RASTER_FIXTURE_RGB[channel], VECTOR_FILL_RGB[channel]) - CHANNEL_TOLERANCE;
      const high = Math.max(RASTER_FIXTURE_RGB[channel], VECTOR_FILL_RGB[channel]) + CHANNEL_TOLERANCE;
      expect(blended[channel]).toBeGreaterThanOrEqual(low);
      expect(blended[channel]).toBeLessThanOrEqual(high);
    }
    expect(near(blended, VECTOR_FILL_RGB) || near(blended, RASTER_FIXTURE_RGB)).toBe(false);
    await page.screenshot({ path: await screenshotPath('basemaps-topo-half.png') });

    // The printed A4: the coverage figure lies on both base maps, in the map's order and opacity.
    await page.getByTestId('dashboard-switch').click();
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getAttribute('data-ready'), { timeout: 120_000 }).toBe('true');
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: 'print' });
    const figureTiles = dashboard.locator('[data-testid="coverage-basemap"][data-basemap="ortho"] image');
    expect(await figureTiles.count()).toBeGreaterThan(0);
    const topo = dashboard.locator('[data-testid="coverage-basemap"][data-basemap="topo"]');
    await expect.poll(() => topo.getAttribute('data-drawn'), { timeout: 30_000 }).toBe('true');
    expect(await topo.locator('path').first().getAttribute('d')).toMatch(/^M[\d.-]+ [\d.-]+L/);
    await page.waitForFunction(() => document.fonts.ready.then(() => true));
    const figure = (await dashboard.getByTestId('coverage-map').boundingBox())!;
    await page.screenshot({ path: await screenshotPath('basemaps-dashboard-print.png'), fullPage: true });
    // Near the figure's top right corner (clear of the tiles' seams), outside the region: the half-transparent land cover over the imagery.
    const printedCorner = await pixelAt(page, figure.x + figure.width - 20, figure.y + 20);
    for (const channel of [0, 1, 2]) {
      expect(printedCorner[channel]).toBeGreaterThanOrEqual(
        Math.min(RASTER_FIXTURE_RGB[channel], VECTOR_FILL_RGB[channel]) - CHANNEL_TOLERANCE,
      );
      expect(printedCorner[channel]).toBeLessThanOrEqual(
        Math.max(RASTER_FIXTURE_RGB[channel], VECTOR_FILL_RGB[channel]) + CHANNEL_TOLERANCE,
      );
    }
    expect(near(printedCorner, VECTOR_FILL_RGB) || near(printedCorner, RASTER_FIXTURE_RGB)).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(await screenshotPath('basemaps-dashboard.pdf'), pdf);
    const printed = await readPdf(pdf);
    // The figure is on the first page (a long ranking runs on to a second, see dashboard.e2e).
    expect(printed.pageCount).toBeGreaterThanOrEqual(1);
    // The imagery's 256-pixel tiles are painted on the figure's page.
    expect(
      printed.pages[0]!.images.filter((image) => image.width === 256 && image.height === 256).length,
    ).toBeGreaterThan(0);
  });
});
