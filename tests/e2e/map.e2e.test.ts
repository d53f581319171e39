/**
 * End to end: the real server (embedded PostGIS in a fresh folder, demo region) and the built client
 * in headless Chromium. Click a community on the map and read its attributes in the panel.
 * Needs `npm run build` first (npm test does it) and Debian's chromium (CHROMIUM_PATH overrides).
 */
import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position.js';
import {
  contains,
  distanceToEdges,
  getJson,
  mapRectangle,
  polygonsOf,
  projectToPage,
  screenshotPath,
  useE2eSession,
  type Collection,
  type Polygonal,
} from '../support/e2e-harness.js';

/** A click point must be this far (in screen pixels) from any facility dot and from the community's edge. */
const FACILITY_CLEARANCE_PIXELS = 20;
const EDGE_CLEARANCE_PIXELS = 4;

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
    const facilities = await getJson<Collection<{ type: 'Point'; coordinates: Position }, { id: string }>>(
      baseUrl,
      '/api/regions/demo/facilities',
    );
    expect(communities.features.length).toBeGreaterThan(0);

    const facilityPixels = await projectToPage(
      page,
      facilities.features.map((feature) => feature.geometry.coordinates),
    );
    const viewport = page.viewportSize()!;
    const mapRect = await mapRectangle(page);

    // The most populous community, clicked at the access point of one of its units that lies inside it
    // on screen, clear of its edge and of every facility dot (those would take the click).
    const ordered = [...communities.features].sort((a, b) => b.properties.residents - a.properties.residents);
    let target: { community: (typeof ordered)[number]; pixel: Position } | undefined;
    for (const community of ordered) {
      const candidates = units.features
        .filter(
          (unit) => unit.properties.communityId === community.properties.id && unit.properties.residents > 0,
        )
        .map((unit) => unit.properties.accessPoint);
      if (candidates.length === 0) continue;
      const [candidatePixels, ringPixels] = await Promise.all([
        projectToPage(page, candidates),
        Promise.all(
          polygonsOf(community.geometry).map((polygon) =>
            Promise.all(polygon.map((ring) => projectToPage(page, ring))),
          ),
        ),
      ]);
      const pixel = candidatePixels.find(
        (point) =>
          point[0] > mapRect.left + 20 &&
          point[0] < Math.min(mapRect.right, viewport.width) - 60 &&
          point[1] > mapRect.top + 50 &&
          point[1] < Math.min(mapRect.bottom, viewport.height) - 40 &&
          contains(ringPixels, point) &&
          distanceToEdges(ringPixels, point) >= EDGE_CLEARANCE_PIXELS &&
          facilityPixels.every(
            (dot) => Math.hypot(dot[0] - point[0], dot[1] - point[1]) >= FACILITY_CLEARANCE_PIXELS,
          ),
      );
      if (pixel) {
        target = { community, pixel };
        break;
      }
    }
    expect(target, 'a point inside some community, clear of facilities').toBeDefined();
    const { community, pixel } = target!;

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
    const download = await fetch(new URL(facilitiesHref!, baseUrl));
    expect(download.status).toBe(200);
    expect(((await download.json()) as { features: unknown[] }).features).toHaveLength(
      facilities.features.length,
    );

    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('#layer-panel-title').textContent()).toBe('Layers');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('synthetic-mark').textContent()).toContain('Synthetic demo data');
  });
});
