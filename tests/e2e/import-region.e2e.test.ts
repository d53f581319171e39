/**
 * End to end: the import wizard (issue 5) builds a new region and reads Chinese coordinate systems,
 * against the real server (embedded PostGIS, demo region) in headless Chromium.
 * - A new region "新城" is made from road centrelines (its walking network), then its communities,
 *   WKT population units and facilities are imported one after another; the app switches to it,
 *   its layers are on the map, and the API holds exactly the files' features.
 * - A Gauss–Krüger Shapefile without its .prj is read once the analyst picks the zone (3°, 111°E,
 *   zone number in the easting), and a GCJ-02 CSV copied from a web map is converted once GCJ-02 is
 *   picked: both land within 1 m / 5 m of the demo's own WGS 84 positions.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../../core/geometry/haversine.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import type { Position } from '../../core/geometry/position.js';
import { getJson, screenshotPath, useE2eSession, waitForDrawn } from '../support/e2e-harness.js';

const FIXTURES = path.join(REPOSITORY_ROOT, 'tests/fixtures/import');
const PREVIEW_TIMEOUT_MS = 60_000;

interface PointFeature {
  id?: string;
  geometry: { type: 'Point'; coordinates: Position };
  properties: { id: string; name: string; category: string; residents?: number };
}

/** Chooses a file in the wizard and waits for the preview of exactly that file. */
async function previewFile(
  wizard: Locator,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  await wizard.getByTestId('import-file').setInputFiles(file);
  const preview = wizard.getByTestId('import-preview');
  await preview.waitFor({ timeout: PREVIEW_TIMEOUT_MS });
  return preview;
}

/** Commits the preview on screen and waits for the success notice. */
async function commitPreview(wizard: Locator) {
  const commit = wizard.getByTestId('import-commit');
  await expect.poll(() => commit.isEnabled(), { timeout: PREVIEW_TIMEOUT_MS }).toBe(true);
  await commit.click();
  await wizard.getByTestId('import-success').waitFor({ timeout: PREVIEW_TIMEOUT_MS });
  // The next import starts from an empty file input.
  expect(await wizard.getByTestId('import-file').inputValue()).toBe('');
}

/** The text of the "detected" block once it names the `expected` coordinate system. */
async function detectedCrs(preview: Locator, expected: string): Promise<string> {
  await expect
    .poll(() => preview.getByTestId('import-detected').innerText(), { timeout: PREVIEW_TIMEOUT_MS })
    .toContain(expected);
  return preview.getByTestId('import-detected').innerText();
}

describe('the import wizard builds a new region and reads Chinese coordinate systems', () => {
  const { openApp } = useE2eSession();

  it('creates 新城 from road centrelines, then adds its communities, WKT units and facilities', async () => {
    const { baseUrl, page } = await openApp();
    const regionsBefore = await getJson<{ id: string }[]>(baseUrl, '/api/regions');
    const demoId = regionsBefore[0]!.id;

    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-target-new').check();
    expect(await wizard.getByTestId('import-layer').inputValue()).toBe('network');

    // The id is checked before anything is sent: its form, then that it is free.
    const idInput = wizard.getByTestId('import-region-id');
    await idInput.fill('New Town');
    expect(await wizard.getByTestId('import-region-problem').innerText()).toContain('小写字母');
    await idInput.fill(demoId);
    expect(await wizard.getByTestId('import-region-problem').innerText()).toContain('已有区域');
    await idInput.fill('newtown');
    await expect.poll(() => wizard.getByTestId('import-region-problem').innerText()).toContain('名称');
    await wizard.getByTestId('import-region-name').fill('新城');
    await wizard.getByTestId('import-region-name-en').fill('New Town');
    await wizard.getByTestId('import-region-name-en').press('Enter');
    expect(await wizard.getByTestId('import-region-problem').count()).toBe(0);

    // The network: 41 segments, 27 nodes, and the footbridge as a second, unconnected piece.
    let preview = await previewFile(wizard, path.join(FIXTURES, 'newtown-roads.geojson'));
    await expect
      .poll(() => preview.getByTestId('import-network').innerText(), { timeout: PREVIEW_TIMEOUT_MS })
      .toContain('41 条路段');
    expect(await preview.getByTestId('import-network').innerText()).toContain('27 个节点');
    expect(await preview.getByTestId('import-network-split').innerText()).toContain('2 个互不连通的片区');
    // Nothing is written before Commit.
    expect(
      (await getJson<{ id: string }[]>(baseUrl, '/api/regions')).map((region) => region.id),
    ).not.toContain('newtown');
    await page.screenshot({ path: await screenshotPath('import-new-region.png') });
    await commitPreview(wizard);
    expect(await wizard.getByTestId('import-created-region').innerText()).toContain('新城');

    // The app is on the new region (picker and address), with the wizard still open for its next layer.
    await expect
      .poll(() => page.locator('.region-picker select').inputValue(), { timeout: 30_000 })
      .toBe('newtown');
    expect(new URL(page.url()).searchParams.get('region')).toBe('newtown');
    expect(await wizard.getByTestId('import-target-current').isChecked()).toBe(true);
    expect(await wizard.getByTestId('import-target').innerText()).toContain('新城');

    const layers: { layer: string; file: string; count: number }[] = [
      { layer: 'communities', file: 'newtown-communities.geojson', count: 4 },
      { layer: 'units', file: 'newtown-units-wkt.csv', count: 16 },
      { layer: 'facilities', file: 'newtown-facilities.csv', count: 4 },
    ];
    for (const { layer, file, count } of layers) {
      await wizard.getByTestId('import-layer').selectOption(layer);
      preview = await previewFile(wizard, path.join(FIXTURES, file));
      await expect
        .poll(() => preview.getByTestId('import-feature-count').innerText(), { timeout: PREVIEW_TIMEOUT_MS })
        .toContain(String(count));
      const rows = await preview.getByTestId('import-problem').allInnerTexts();
      expect(
        rows.filter((row) => row.includes('错误')),
        `${file}: ${rows.join('\n')}`,
      ).toEqual([]);
      await commitPreview(wizard);
      const written = await getJson<{ features: unknown[] }>(baseUrl, `/api/regions/newtown/${layer}`);
      expect(written.features.length, layer).toBe(count);
    }

    // Residents come from the units; the demo region is untouched.
    const communities = await getJson<{ features: { properties: { id: string; residents: number } }[] }>(
      baseUrl,
      '/api/regions/newtown/communities',
    );
    expect(communities.features.map((feature) => feature.properties.residents)).toEqual([
      1970, 2266, 3154, 3450,
    ]);
    const demoRegions = await getJson<{ id: string }[]>(baseUrl, '/api/regions');
    expect(demoRegions.map((region) => region.id).sort()).toEqual([demoId, 'newtown'].sort());

    // Closed, the wizard gives way to the layer panel counting the new region's layers; the map draws them.
    await wizard.getByTestId('import-close').click();
    await expect
      .poll(
        () =>
          page.locator('.layer-row').filter({ hasText: '社区' }).first().locator('.layer-meta').innerText(),
        { timeout: 30_000 },
      )
      .toContain('4');
    await waitForDrawn(page, 'communitiesLoaded', 60_000);
    await page.screenshot({ path: await screenshotPath('import-new-region-built.png') });
  });

  it('reads a Gauss–Krüger Shapefile without .prj once the zone is chosen, and a GCJ-02 CSV once GCJ-02 is', async () => {
    const { baseUrl, page } = await openApp();
    const regionId = 'demo';
    const demoFacilities = new Map(
      (
        await getJson<{ features: PointFeature[] }>(baseUrl, `/api/regions/${regionId}/facilities`)
      ).features.map((feature) => [feature.properties.id, feature]),
    );
    await page.goto(`${baseUrl}/?region=${regionId}`);
    await waitForDrawn(page, 'communitiesLoaded', 60_000);
    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-layer').selectOption('facilities');

    // The zone-37 Shapefile with its .prj left out: the file alone cannot say where it is.
    const zipped = unzipSync(await readFile(path.join(FIXTURES, 'facilities-cgcs2000-gk-zone37.zip')));
    delete zipped['facilities.prj'];
    const withoutPrj = {
      name: 'facilities-gk-no-prj.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(zipped)),
    };
    let preview = await previewFile(wizard, withoutPrj);
    await expect
      .poll(() => preview.getByTestId('import-notes').innerText(), { timeout: PREVIEW_TIMEOUT_MS })
      .toContain('Shapefile 没有 .prj 文件：坐标按 WGS 84 经纬度读取，除非另行指定坐标系');
    await expect
      .poll(() => preview.getByTestId('import-commit').isDisabled(), { timeout: PREVIEW_TIMEOUT_MS })
      .toBe(true);

    // 3° zones, central meridian 111°E: without the zone number in the easting the points are nowhere near.
    await wizard.getByTestId('import-crs').selectOption('gk');
    const zone = wizard.getByTestId('import-zone');
    await zone.waitFor();
    expect(await zone.innerText()).toContain('EPSG:4546');
    await detectedCrs(preview, '4546');
    await expect
      .poll(() => preview.getByTestId('import-commit').isDisabled(), { timeout: PREVIEW_TIMEOUT_MS })
      .toBe(true);
    await zone.getByRole('checkbox').check();
    expect(await zone.innerText()).toContain('EPSG:4525');
    expect(await detectedCrs(preview, '4525')).toContain('高斯–克吕格 3° 带第 37 带');
    await expect
      .poll(() => preview.getByTestId('import-feature-count').innerText(), { timeout: PREVIEW_TIMEOUT_MS })
      .toContain('30');
    await commitPreview(wizard);

    // Back to "detect" for the next file: a GCJ-02 CSV read as WGS 84 is hundreds of metres off.
    await wizard.getByTestId('import-crs').selectOption('');
    preview = await previewFile(wizard, path.join(FIXTURES, 'facilities-gcj02.csv'));
    await expect
      .poll(() => preview.getByTestId('import-feature-count').innerText(), { timeout: PREVIEW_TIMEOUT_MS })
      .toContain('24');
    await wizard.getByTestId('import-crs').selectOption('gcj02');
    await detectedCrs(preview, 'GCJ');
    await commitPreview(wizard);

    const facilities = (
      await getJson<{ features: PointFeature[] }>(baseUrl, `/api/regions/${regionId}/facilities`)
    ).features;
    const imported = (prefix: string) =>
      facilities.filter((feature) => feature.properties.id.startsWith(prefix));
    expect(imported('gk-').length).toBe(30);
    expect(imported('gcj-').length).toBe(24);
    for (const [prefix, toleranceMeters] of [
      ['gk-', 1],
      ['gcj-', 5],
    ] as const) {
      for (const feature of imported(prefix)) {
        const known = demoFacilities.get(feature.properties.id.slice(prefix.length));
        expect(known, feature.properties.id).toBeDefined();
        const offsetMeters = haversineDistanceMeters(
          feature.geometry.coordinates,
          known!.geometry.coordinates,
        );
        expect(offsetMeters, feature.properties.id).toBeLessThan(toleranceMeters);
        expect(feature.properties.category).toBe(known!.properties.category);
      }
    }
  });
});
