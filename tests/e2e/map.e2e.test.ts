/**
 * End to end: the real server (embedded PostGIS in a fresh folder, demo region) and the built client
 * in headless Chromium. Click a community on the map and read its attributes in the panel.
 * Needs `npm run build` first (npm test does it) and Debian's chromium (CHROMIUM_PATH overrides).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { startLifecircleServer } from '../../server/src/server.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOT_PATH = path.join(REPOSITORY_ROOT, 'test-results/map-community.png');
/** A click point must be this far (in screen pixels) from any facility dot and from the community's edge. */
const FACILITY_CLEARANCE_PIXELS = 20;
const EDGE_CLEARANCE_PIXELS = 4;

type Position = [number, number];
type Polygonal = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
interface Collection<G, P> {
  features: { geometry: G; properties: P }[];
}
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

function polygonsOf(geometry: Polygonal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Even–odd test over every ring of every part (screen or map coordinates alike). */
function contains(polygons: Position[][][], point: Position): boolean {
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

function distanceToEdges(polygons: Position[][][], point: Position): number {
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j];
        const [bx, by] = ring[i];
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSquared = dx * dx + dy * dy;
        const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point[0] - ax) * dx + (point[1] - ay) * dy) / lengthSquared));
        best = Math.min(best, Math.hypot(ax + t * dx - point[0], ay + t * dy - point[1]));
      }
    }
  }
  return best;
}

/** Project [lng, lat] positions to page pixels through the app's MapLibre map. */
async function projectToPage(page: Page, positions: Position[]): Promise<Position[]> {
  return page.evaluate((lngLats) => {
    const map = window.__lifecircle!.map;
    const rect = map.getContainer().getBoundingClientRect();
    return lngLats.map((lngLat) => {
      const point = map.project(lngLat);
      return [rect.left + point.x, rect.top + point.y] as [number, number];
    });
  }, positions);
}

describe('the map in a browser', () => {
  let server: Awaited<ReturnType<typeof startLifecircleServer>> | undefined;
  let dataDirectory: string | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(REPOSITORY_ROOT, 'client/dist/index.html'))) {
      throw new Error('client/dist is missing: run "npm run build" before the end-to-end test');
    }
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH`);
    }
    dataDirectory = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-e2e-'));
    server = await startLifecircleServer({ port: 0, dataDirectory, databaseUrl: null });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDirectory) await rm(dataDirectory, { recursive: true, force: true });
  });

  it('shows a clicked community’s name and residents, marks the demo synthetic, and speaks English on request', async () => {
    const baseUrl = server!.url;
    await page.goto(baseUrl);
    await page.waitForFunction(() => document.documentElement.dataset.communitiesLoaded === 'true', undefined, {
      timeout: 120_000,
    });

    const getJson = async <T>(apiPath: string): Promise<T> => {
      const response = await fetch(`${baseUrl}${apiPath}`);
      expect(response.status, apiPath).toBe(200);
      return (await response.json()) as T;
    };
    const communities = await getJson<Collection<Polygonal, CommunityProps>>('/api/regions/demo/communities');
    const units = await getJson<Collection<Polygonal, UnitProps>>('/api/regions/demo/units');
    const facilities = await getJson<Collection<{ type: 'Point'; coordinates: Position }, { id: string }>>(
      '/api/regions/demo/facilities',
    );
    expect(communities.features.length).toBeGreaterThan(0);

    const facilityPixels = await projectToPage(page, facilities.features.map((feature) => feature.geometry.coordinates));
    const viewport = page.viewportSize()!;
    const mapRect = await page.evaluate(() => {
      const rect = window.__lifecircle!.map.getContainer().getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    });

    // The most populous community, clicked at the access point of one of its units that lies inside it
    // on screen, clear of its edge and of every facility dot (those would take the click).
    const ordered = [...communities.features].sort((a, b) => b.properties.residents - a.properties.residents);
    let target: { community: (typeof ordered)[number]; pixel: Position } | undefined;
    for (const community of ordered) {
      const candidates = units.features
        .filter((unit) => unit.properties.communityId === community.properties.id && unit.properties.residents > 0)
        .map((unit) => unit.properties.accessPoint);
      if (candidates.length === 0) continue;
      const [candidatePixels, ringPixels] = await Promise.all([
        projectToPage(page, candidates),
        Promise.all(
          polygonsOf(community.geometry).map((polygon) => Promise.all(polygon.map((ring) => projectToPage(page, ring)))),
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
          facilityPixels.every((dot) => Math.hypot(dot[0] - point[0], dot[1] - point[1]) >= FACILITY_CLEARANCE_PIXELS),
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
    await expect.poll(() => panel.getByTestId('attribute-name').textContent(), { timeout: 10_000 }).toBe(
      community.properties.name,
    );
    expect(await panel.getByTestId('attribute-residents').textContent()).toBe(
      community.properties.residents.toLocaleString('zh-CN'),
    );

    await mkdir(path.dirname(SCREENSHOT_PATH), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PATH });

    expect(await page.getByTestId('synthetic-mark').isVisible()).toBe(true);
    expect(await page.locator('#layer-panel-title').textContent()).toBe('图层');

    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('#layer-panel-title').textContent()).toBe('Layers');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('synthetic-mark').textContent()).toContain('Synthetic demo data');
  });
});
