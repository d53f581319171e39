/**
 * End to end: the real server (embedded PostGIS in a fresh folder, demo region) and the built client
 * in headless Chromium. Click a community on the map and read its attributes in the panel.
 * Needs `npm run build` first (npm test does it) and Debian's chromium (CHROMIUM_PATH overrides).
 */
import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position.js';
import {
  fetchApi,
  findClearClick,
  getJson,
  projectToPage,
  screenshotPath,
  useE2eSession,
  type ClickClearance,
  type Collection,
  type Polygonal,
} from '../support/e2e-harness.js';

/** How far (screen pixels) the click stays from facility dots, the community's edge and the map's sides. */
const CLICK_CLEARANCE: ClickClearance = {
  edgePixels: 4,
  facilityPixels: 20,
  inset: { left: 20, right: 60, top: 50, bottom: 40 },
};

interface CommunityProps {
  id: string;
  name: string;
  residents: number;
}
interface UnitProps {
  id: string;
  communityId: string;
  residents: number;
  accessPoint: Position;
}

describe('the map in a browser', () => {
  const { openApp } = useE2eSession();

  it('shows a clicked community’s name and residents, marks the demo synthetic, and speaks English on request', async () => {
    const { baseUrl, page } = await openApp();

    const communities = await getJson<Collection<Polygonal, CommunityProps>>(
      baseUrl,
      '/api/regions/demo/communities',
    );
    const units = await getJson<Collection<Polygonal, UnitProps>>(baseUrl, '/api/regions/demo/units');
    expect(communities.features.length).toBeGreaterThan(0);

    // The most populous community, clicked at the access point of one of its units that lies inside it
    // on screen, clear of its edge and of every facility dot (those would take the click).
    const ordered = [...communities.features].sort((a, b) => b.properties.residents - a.properties.residents);
    const target = await findClearClick(
      page,
      baseUrl,
      ordered,
      (community) =>
        projectToPage(
          page,
          units.features
            .filter(
              (unit) =>
                unit.properties.communityId === community.properties.id && unit.properties.residents > 0,
            )
            .map((unit) => unit.properties.accessPoint),
        ),
      CLICK_CLEARANCE,
    );
    expect(target, 'a point inside some community, clear of facilities').toBeDefined();
    const { feature: community, pixel } = target!;

    await page.mouse.click(pixel[0], pixel[1]);
    const panel = page.getByTestId('attribute-panel');
    await expect
      .poll(() => panel.getByTestId('attribute-name').textContent(), { timeout: 10_000 })
      .toBe(community.properties.name);
    expect(await panel.getByTestId('attribute-residents').textContent()).toBe(
      community.properties.residents.toLocaleString('zh-CN'),
    );

    await page.screenshot({ path: await screenshotPath('map-community.png') });

    expect(await page.getByTestId('synthetic-mark').isVisible()).toBe(true);
    expect(await page.locator('#layer-panel-title').textContent()).toBe('图层');

    // Every layer can be downloaded from the panel: the facilities GeoJSON holds every facility.
    const facilitiesHref = await page
      .getByTestId('export-facilities')
      .locator('a[data-format="geojson"]')
      .getAttribute('href');
    const download = await fetchApi(baseUrl, facilitiesHref!);
    expect(download.status).toBe(200);
    const facilities = await getJson<Collection<unknown, unknown>>(baseUrl, '/api/regions/demo/facilities');
    expect(((await download.json()) as { features: unknown[] }).features).toHaveLength(
      facilities.features.length,
    );

    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('#layer-panel-title').textContent()).toBe('Layers');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('synthetic-mark').textContent()).toContain('Synthetic demo data');
  });
});
