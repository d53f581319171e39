/**
 * End to end: the planner's boundary-scenario flow against the real server (embedded PostGIS, demo
 * region) in headless Chromium. Create a scenario on the 方案 tab, paint two units of one community
 * into its neighbour with the brush (real mouse events on the map), read both communities' residents
 * change by exactly those units' residents in the metrics panel (from the API's units layer), undo and
 * redo, save (version 2 on the server), compare with the baseline (the two units listed, the deltas
 * shown), and download the GeoJSON export and read the two communities' residents from the file.
 */
import { readFile } from 'node:fs/promises';
import { getIssues } from '@placemarkio/check-geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position.js';
import {
  contains,
  distanceToEdges,
  fetchApi,
  getJson,
  mapRectangle,
  polygonsOf,
  projectToPage,
  screenshotPath,
  useE2eSession,
  waitForMapIdle,
  type Collection,
  type Polygonal,
} from '../support/e2e-harness.js';

/** The painted stroke must stay this far (screen pixels) from every other unit's edges. */
const STROKE_CLEARANCE_PIXELS = 4;
/** Zoom at which the stroke is painted (units some tens of pixels wide). */
const PAINT_ZOOM = 17;
/** Zoom of the screenshots: the painted units with their communities around them. */
const SCREENSHOT_ZOOM = 15;

interface UnitProps {
  id: string;
  name: string;
  communityId: string;
  residents: number;
}
interface CommunityProps {
  id: string;
  name: string;
  streetId: string;
  residents: number;
}
interface AdjacencyAnswer {
  unitIds: string[];
  unitA: number[];
  unitB: number[];
}

/** The mean of a quadrilateral unit's corners: inside it, as the demo's units are convex. */
function cornerMean(geometry: Polygonal): Position {
  const ring = polygonsOf(geometry)[0][0].slice(0, -1);
  return [
    ring.reduce((sum, p) => sum + p[0], 0) / ring.length,
    ring.reduce((sum, p) => sum + p[1], 0) / ring.length,
  ];
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

describe('the scenario screen in a browser', () => {
  const { openApp } = useE2eSession();

  it('creates a scenario, paints units into a neighbour, saves, compares with the baseline and exports GeoJSON', async () => {
    const { baseUrl, page } = await openApp();

    const units = await getJson<Collection<Polygonal, UnitProps>>(baseUrl, '/api/regions/demo/units');
    const communities = await getJson<Collection<Polygonal, CommunityProps>>(
      baseUrl,
      '/api/regions/demo/communities',
    );
    const unitById = new Map(units.features.map((feature) => [feature.properties.id, feature]));
    const streetOf = new Map(
      communities.features.map((feature) => [feature.properties.id, feature.properties.streetId]),
    );
    const unitsOf = (communityId: string) =>
      units.features.filter((feature) => feature.properties.communityId === communityId);

    // Create the scenario on the 方案 tab.
    await page.getByTestId('sidebar-tab-scenarios').click();
    const panel = page.getByTestId('scenario-panel');
    await panel.waitFor();
    expect(await page.getByTestId('sidebar-tab-scenarios').textContent()).toContain('方案');
    await page.getByTestId('scenario-name-input').fill('滨江调整');
    await page.getByTestId('scenario-create').click();
    const openScenario = page.getByTestId('open-scenario');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('1');
    const scenarioId = (await openScenario.getAttribute('data-scenario-id'))!;
    expect(await page.getByTestId('open-scenario-name').textContent()).toBe('滨江调整');
    const listed = await getJson<{ id: string; name: string; version: number }[]>(
      baseUrl,
      '/api/regions/demo/scenarios',
    );
    expect(listed.find((scenario) => scenario.id === scenarioId)).toMatchObject({
      name: '滨江调整',
      version: 1,
    });

    // Two units of a community B that border a community A of the same street: u1 touches A, u2 touches u1.
    const adjacency = await getJson<AdjacencyAnswer>(baseUrl, '/api/regions/demo/unit-adjacency');
    const neighbours = new Map<string, string[]>();
    adjacency.unitA.forEach((a, pair) => {
      const [x, y] = [adjacency.unitIds[a], adjacency.unitIds[adjacency.unitB[pair]]];
      neighbours.set(x, [...(neighbours.get(x) ?? []), y]);
      neighbours.set(y, [...(neighbours.get(y) ?? []), x]);
    });
    await page.getByTestId('brush-size').locator('[data-value="unit"]').click();
    await waitForMapIdle(page);

    // Looked for in MapLibre's own pixel plane at the painting zoom (Web Mercator, 512-pixel world).
    const worldSize = 512 * 2 ** PAINT_ZOOM;
    const toPixels = ([lng, lat]: Position): Position => {
      const sin = Math.sin((lat * Math.PI) / 180);
      return [
        ((lng + 180) / 360) * worldSize,
        (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize,
      ];
    };
    const pixelPolygons = (id: string) =>
      polygonsOf(unitById.get(id)!.geometry).map((polygon) => polygon.map((ring) => ring.map(toPixels)));
    // Populous units first: the screenshots then show a town's streets, not its fields.
    const candidates = [...neighbours].sort(
      ([x], [y]) =>
        unitById.get(y)!.properties.residents - unitById.get(x)!.properties.residents || x.localeCompare(y),
    );
    let chosen: { a: string; b: string; u1: string; u2: string; start: Position; end: Position } | null =
      null;
    for (const [u1, around] of candidates) {
      const b = unitById.get(u1)!.properties.communityId;
      const a = around
        .map((id) => unitById.get(id)!.properties.communityId)
        .find((id) => id !== b && streetOf.get(id) === streetOf.get(b));
      if (!a || unitsOf(b).length < 5) continue;
      for (const u2 of around.filter((id) => unitById.get(id)!.properties.communityId === b)) {
        if (unitById.get(u1)!.properties.residents + unitById.get(u2)!.properties.residents <= 0) continue;
        // The stroke runs from u1's middle to u2's: it must stay inside the two, clear of every other unit.
        const start = cornerMean(unitById.get(u1)!.geometry);
        const end = cornerMean(unitById.get(u2)!.geometry);
        const [from, to] = [toPixels(start), toPixels(end)];
        const others = [...new Set([...(neighbours.get(u1) ?? []), ...(neighbours.get(u2) ?? [])])]
          .filter((id) => id !== u1 && id !== u2)
          .map(pixelPolygons);
        const [p1, p2] = [pixelPolygons(u1), pixelPolygons(u2)];
        let clear = true;
        for (let step = 0; step <= 40 && clear; step += 1) {
          const point: Position = [
            from[0] + ((to[0] - from[0]) * step) / 40,
            from[1] + ((to[1] - from[1]) * step) / 40,
          ];
          clear =
            (contains(p1, point) || contains(p2, point)) &&
            others.every((polygons) => distanceToEdges(polygons, point) >= STROKE_CLEARANCE_PIXELS);
        }
        if (clear) {
          chosen = { a, b, u1, u2, start, end };
          break;
        }
      }
      if (chosen) break;
    }
    expect(chosen, 'two units of one community along a neighbour of its street').not.toBeNull();
    const { a, b, u1, u2, start, end } = chosen!;
    await page.evaluate(
      ([center, zoom]) =>
        window.__lifecircle!.map.jumpTo({ center: center as [number, number], zoom: zoom as number }),
      [[(start[0] + end[0]) / 2, (start[1] + end[1]) / 2], PAINT_ZOOM] as const,
    );
    await waitForMapIdle(page);
    const [from, to] = await projectToPage(page, [start, end]);
    const mapRect = await mapRectangle(page);
    for (const [x, y] of [from, to]) {
      expect(
        x > mapRect.left && x < mapRect.right && y > mapRect.top && y < mapRect.bottom,
        'the stroke on the map',
      ).toBe(true);
    }
    const moved = unitById.get(u1)!.properties.residents + unitById.get(u2)!.properties.residents;
    const residentsOf = (communityId: string) =>
      unitsOf(communityId).reduce((sum, unit) => sum + unit.properties.residents, 0);

    // The metrics panel reads both communities as the units layer sums them.
    await selectCommunity(page, b);
    expect(await metricResidents(page)).toBe(residentsOf(b));
    await selectCommunity(page, a);
    expect(await metricResidents(page)).toBe(residentsOf(a));
    // Each rule reads its status and grade; opened, its source document by title with the clause.
    const firstRule = page.getByTestId('community-metrics').getByTestId('rule-row').first();
    expect(await firstRule.getAttribute('data-status')).toMatch(/^(pass|fail|advice|undetermined)$/);
    expect(await firstRule.getAttribute('data-grade')).toMatch(/^(binding|expected|guidance)$/);
    await firstRule.locator('summary').click();
    expect(await firstRule.getByTestId('rule-detail').innerText()).toMatch(/《[^》]+》/);
    await firstRule.locator('summary').click();

    // Paint u1 then u2 into A: one stroke with the mouse held down.
    await page.mouse.move(from[0], from[1]);
    await page.mouse.down();
    await page.mouse.move(to[0], to[1], { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => metricResidents(page)).toBe(residentsOf(a) + moved);
    expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('pending-list').textContent()).toContain('2 个单元划入');
    await page.evaluate((zoom) => window.__lifecircle!.map.jumpTo({ zoom }), SCREENSHOT_ZOOM);
    // The tools and the pending edit in view (choosing the communities scrolled the panel down).
    await page.evaluate(() => document.querySelector('.sidebar-left')?.scrollTo(0, 0));
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('scenario-edit.png') });
    await selectCommunity(page, b);
    expect(await metricResidents(page)).toBe(residentsOf(b) - moved);

    // Undo and redo from the keyboard.
    await page.keyboard.press('Control+z');
    await expect.poll(() => metricResidents(page)).toBe(residentsOf(b));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => metricResidents(page)).toBe(residentsOf(b) - moved);

    // Save: version 2 on the server, with both units away from their baseline community.
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 30_000 }).toBe('2');
    const stored = await getJson<{ version: number; unitsMovedFromBaseline: number }>(
      baseUrl,
      `/api/scenarios/${scenarioId}`,
    );
    expect(stored).toMatchObject({ version: 2, unitsMovedFromBaseline: 2 });
    expect(await metricResidents(page)).toBe(residentsOf(b) - moved);

    // Compare with the baseline: the two units listed, A and B changed by their residents.
    await page.getByTestId('scenario-mode').locator('[data-value="compare"]').click();
    const compare = page.getByTestId('compare-panel');
    await compare.getByTestId('delta-table').waitFor({ timeout: 30_000 });
    expect(await compare.getAttribute('data-with')).toBe('baseline');
    const movedIds = await compare
      .getByTestId('moved-unit')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-unit-id')));
    expect(movedIds.sort()).toEqual([u1, u2].sort());
    expect(await compare.getByTestId('compare-moved-count').getAttribute('data-value')).toBe('2');
    const deltas = await compare
      .getByTestId('delta-row')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            [
              row.getAttribute('data-community-id'),
              Number(row.getAttribute('data-delta-residents')),
            ] as const,
        ),
      );
    expect(new Map(deltas)).toEqual(
      new Map([
        [a, moved],
        [b, -moved],
      ]),
    );
    expect(
      await compare.locator(`[data-testid="delta-row"][data-community-id="${a}"] td`).first().textContent(),
    ).toBe(`+${moved.toLocaleString('zh-CN')}`);
    await page.evaluate((zoom) => window.__lifecircle!.map.jumpTo({ zoom }), SCREENSHOT_ZOOM);
    // Drag the swipe's handle left of the moved units: the baseline west of it, the scenario east.
    const grip = page.getByRole('slider');
    expect(Number(await grip.getAttribute('aria-valuenow'))).toBe(50);
    const gripBox = (await grip.boundingBox())!;
    await page.mouse.move(gripBox.x + gripBox.width / 2, gripBox.y + gripBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(gripBox.x + gripBox.width / 2 - 160, gripBox.y + gripBox.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(Number(await grip.getAttribute('aria-valuenow'))).toBeLessThan(35);
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('scenario-compare.png') });

    // Side by side: the baseline on a map of its own at the left, the scenario at the right, each
    // captioned; a pan of either map moves the other to the same view.
    await compare.getByTestId('compare-layout').locator('[data-value="side-by-side"]').click();
    await page.waitForFunction(() => document.documentElement.dataset.otherSideLoaded === 'true', null, {
      timeout: 60_000,
    });
    expect(await page.getByTestId('swipe').count()).toBe(0);
    expect(await page.getByTestId('side-caption-other').innerText()).toBe('现状基线');
    expect(await page.getByTestId('side-caption-main').innerText()).toBe(
      await page.getByTestId('open-scenario-name').innerText(),
    );
    const views = () =>
      page.evaluate(() => {
        const { map, otherMap } = window.__lifecircle!;
        return [map, otherMap!].map((each) => [each.getCenter().lng, each.getCenter().lat, each.getZoom()]);
      });
    const [mainView, otherView] = await views();
    for (let index = 0; index < 3; index += 1) expect(otherView![index]).toBeCloseTo(mainView![index]!, 9);
    const otherBox = (await page.getByTestId('map-side-other').boundingBox())!;
    await page.mouse.move(otherBox.x + otherBox.width / 2, otherBox.y + otherBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(otherBox.x + otherBox.width / 2 + 120, otherBox.y + otherBox.height / 2 + 40, {
      steps: 6,
    });
    await page.mouse.up();
    const [movedMain, movedOther] = await views();
    expect(movedOther![0]).not.toBeCloseTo(otherView![0]!, 6);
    for (let index = 0; index < 3; index += 1) expect(movedMain![index]).toBeCloseTo(movedOther![index]!, 9);
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('scenario-side-by-side.png') });
    await compare.getByTestId('compare-layout').locator('[data-value="swipe"]').click();
    await page.getByTestId('swipe').waitFor();

    // Export GeoJSON through the download link: a valid FeatureCollection with the new residents.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-geojson').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.geojson$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(getIssues(text)).toEqual([]);
    const exported = JSON.parse(text) as {
      type: string;
      features: { properties: { id: string; residents: number } }[];
    };
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features).toHaveLength(communities.features.length);
    const exportedResidents = new Map(
      exported.features.map((feature) => [feature.properties.id, feature.properties.residents]),
    );
    expect(exportedResidents.get(a)).toBe(residentsOf(a) + moved);
    expect(exportedResidents.get(b)).toBe(residentsOf(b) - moved);

    // Someone else renames it meanwhile: our next save meets the 409 and is merged on top, said so.
    const elsewhere = await fetchApi(baseUrl, `/api/scenarios/${scenarioId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 2, name: '别处改名' }),
    });
    expect(elsewhere.status).toBe(200);
    await page.getByTestId('scenario-mode').locator('[data-value="edit"]').click();
    const form = page.getByTestId('attribute-form');
    await page.locator('.attribute-form summary').click();
    await form.getByTestId('field-staff').fill('99');
    await form.getByTestId('attribute-apply').click();
    expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    await page.getByTestId('scenario-save').click();
    const message = page.getByTestId('scenario-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('rebased');
    expect(await message.textContent()).toContain('已合并他人在版本 3 的改名，您的 1 项修改已保存为版本 4');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 30_000 }).toBe('4');
    await expect.poll(() => page.getByTestId('open-scenario-name').textContent()).toBe('别处改名');
    expect(await page.getByTestId('pending-count').count()).toBe(0);
    const after = await getJson<{ version: number }>(baseUrl, `/api/scenarios/${scenarioId}`);
    expect(after.version).toBe(4);
  });
});
