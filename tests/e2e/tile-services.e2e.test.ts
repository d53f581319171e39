/**
 * End to end: online tile services (issue 13), in Chromium against the real server. With none
 * configured, nothing the page asks for, from the sign-in page through the drawn map, panned and
 * zoomed, to the layers panel, leaves the app's own origin. With one configured (an XYZ tile server
 * this test starts on 127.0.0.1), the layers panel lists it among the base maps with its controls;
 * on, the map asks that server for the tiles of its view and draws them under the communities; off,
 * it asks for none.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '../../scripts/fixtures/png-image.js';
import { tilesCovering } from '../../core/geometry/web-mercator-tiles.js';
import { FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import type { TileService } from '../../server/src/basemaps/tile-services.js';
import {
  FIRST_DRAW_TIMEOUT_MS,
  mapRectangle,
  screenshotPath,
  useE2eSession,
  waitForDrawn,
  waitForMapIdle,
} from '../support/e2e-harness.js';
import { mapSettled, near, pixelAt, regionProbePixels, type Rgb } from '../support/map-pixels.js';

/** The service's colour: a magenta nothing else on the map is drawn in. */
const SERVICE_RGB: Rgb = [214, 40, 170];
const SERVICE_ID = 'test-imagery';
const SERVICE_NAME = '测试影像服务';

interface TileAddress {
  z: number;
  x: number;
  y: number;
}

interface TileServer {
  /** The URL template `http://127.0.0.1:{port}/{z}/{x}/{y}.png`. */
  template: string;
  origin: string;
  /** The tiles asked for since the start or the last `hits.length = 0`, in order. */
  hits: TileAddress[];
  close(): Promise<void>;
}

/** An XYZ tile server answering every /{z}/{x}/{y}.png with one PNG, counting what it is asked for. */
async function startTileServer(png: Uint8Array): Promise<TileServer> {
  const hits: TileAddress[] = [];
  const server = createServer((request, response) => {
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(request.url ?? '');
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    hits.push({ z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) });
    // As an online service answers a map on another site: readable across origins, never kept, so
    // each tile the map needs again is asked for again.
    response.writeHead(200, {
      'Content-Type': 'image/png',
      'Content-Length': png.length,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    response.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    template: `${origin}/{z}/{x}/{y}.png`,
    origin,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface MapView {
  zoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
}

/** The map's view now. */
function mapView(page: Page): Promise<MapView> {
  return page.evaluate(() => {
    const map = window.__lifecircle!.map;
    // [[west, south], [east, north]]
    return { zoom: map.getZoom(), bounds: map.getBounds().toArray().flat() as MapView['bounds'] };
  });
}

/**
 * The 256-pixel tiles covering the view, as "z/x/y": MapLibre's zoom counts 512-pixel tiles, so it
 * draws 256-pixel ones one level deeper, rounded.
 */
const tilesOfView = (view: MapView) => distinctTiles(tilesCovering(view.bounds, Math.round(view.zoom + 1)));

/** The tiles asked for, each once, as "z/x/y". */
const distinctTiles = (hits: readonly TileAddress[]) =>
  [...new Set(hits.map(({ z, x, y }) => `${z}/${x}/${y}`))].sort();

/** Every address the page's browser context asks for from now on (documents, scripts, images, fetches). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

/** The addresses neither on `origin` nor data: or blob: (which never leave the browser). */
function elsewhere(urls: readonly string[], origin: string): string[] {
  return urls.filter((url) => {
    const { protocol, origin: urlOrigin } = new URL(url);
    return urlOrigin !== origin && protocol !== 'data:' && protocol !== 'blob:';
  });
}

describe('with no tile service configured', () => {
  const { openApp } = useE2eSession();

  it('asks nothing of any other origin, from the sign-in page through a panned map to the layers panel', async () => {
    const { browser, baseUrl, credentials } = await openApp();
    // A browser of its own, recorded before it first opens the app, signing in on the sign-in page.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const requests = recordRequests(page);
    try {
      await page.goto(baseUrl);
      await page.getByTestId('sign-in-form').waitFor();
      await page.getByTestId('sign-in-username').fill(FIRST_ADMIN_USERNAME);
      await page.getByTestId('sign-in-password').fill(credentials.password);
      await page.getByTestId('sign-in-submit').click();
      await waitForDrawn(page, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
      await waitForMapIdle(page);

      // Pan by dragging, zoom in and out with the wheel.
      const rect = await mapRectangle(page);
      const centre: [number, number] = [(rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2];
      await page.mouse.move(...centre);
      await page.mouse.down();
      await page.mouse.move(centre[0] - 240, centre[1] + 120, { steps: 12 });
      await page.mouse.up();
      await waitForMapIdle(page);
      await page.mouse.wheel(0, -500);
      await waitForMapIdle(page);
      await page.mouse.wheel(0, 500);
      await waitForMapIdle(page);

      // The layers panel, opened from another tab: its base maps are the region's own files (none).
      await page.getByTestId('sidebar-tab-scenarios').click();
      await page.getByTestId('scenario-panel').waitFor();
      await page.getByTestId('sidebar-tab-layers').click();
      await page.getByTestId('basemap-list').waitFor();
      expect(await page.getByTestId('basemap-list').locator('li').count()).toBe(0);
      await waitForMapIdle(page);

      const ownOrigin = new URL(baseUrl).origin;
      // Enough asked for that the record means something: the app, its API, the region's layers.
      expect(requests.filter((url) => url.startsWith(`${ownOrigin}/api/`)).length).toBeGreaterThan(5);
      expect(elsewhere(requests, ownOrigin), 'requests that left the app’s origin').toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('with a tile service configured', () => {
  let tileServer: TileServer | undefined;
  beforeAll(async () => {
    tileServer = await startTileServer(solidPng(SERVICE_RGB));
  });
  afterAll(async () => {
    await tileServer?.close();
  });
  // Registered after the tile server's start, so it starts after it, with the server's address.
  const { openApp } = useE2eSession(() => ({
    tileServices: [
      {
        id: SERVICE_ID,
        name: SERVICE_NAME,
        tiles: [tileServer!.template],
        kind: 'raster',
        minzoom: 0,
        maxzoom: 18,
        attribution: '测试瓦片',
        gcj02: false,
      } satisfies TileService,
    ],
  }));

  it('lists it among the base maps and, on, draws its tiles of the view under the communities', async () => {
    const { page, baseUrl } = await openApp();
    const server = tileServer!;
    const requests = recordRequests(page);

    // Listed by its name as an online service, with its switch, opacity and order controls.
    const row = page.getByTestId(`basemap-${SERVICE_ID}`);
    await row.waitFor();
    expect(await row.locator('.layer-name').textContent()).toBe(SERVICE_NAME);
    expect(await row.textContent()).toContain('在线服务');
    const toggle = page.locator(`#basemap-toggle-${SERVICE_ID}`);
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.getByTestId(`basemap-opacity-${SERVICE_ID}`).inputValue()).toBe('100');
    // The only base map: no place to move it to, either way.
    expect(await page.getByTestId(`basemap-up-${SERVICE_ID}`).isDisabled()).toBe(true);
    expect(await page.getByTestId(`basemap-down-${SERVICE_ID}`).isDisabled()).toBe(true);

    // In the MapLibre style under the region's street boundaries (deck.gl's communities lie above the whole map).
    const layerIds = await page.evaluate(() =>
      window.__lifecircle!.map.getStyle().layers.map((layer) => layer.id),
    );
    expect(layerIds.indexOf(`tile-basemap-${SERVICE_ID}`)).toBeGreaterThanOrEqual(0);
    expect(layerIds.indexOf(`tile-basemap-${SERVICE_ID}`)).toBeLessThan(
      layerIds.indexOf('street-boundary-halo'),
    );

    // Pixels read on the first view: one outside the region, one inside a community clear of its edges.
    const probes = await regionProbePixels(page, baseUrl);
    expect(probes.inside, 'a pixel inside a community, clear of edges and facilities').not.toBeNull();
    const { outside } = probes;
    const inside = probes.inside!;

    // Off: the region's own ground shows, and panning and zooming asks the service for nothing.
    await toggle.click();
    await mapSettled(page);
    const outsideOff = await pixelAt(page, ...outside);
    const insideOff = await pixelAt(page, ...inside);
    expect(near(outsideOff, SERVICE_RGB)).toBe(false);
    const firstView = await page.evaluate(() => {
      const map = window.__lifecircle!.map;
      return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    });
    server.hits.length = 0;
    // A step east and a level in: tiles the map has not asked for before.
    await page.evaluate(
      ({ center: [lng, lat], zoom }) => window.__lifecircle!.map.jumpTo({ center: [lng + 0.002, lat], zoom }),
      { center: firstView.center, zoom: firstView.zoom + 1 },
    );
    await mapSettled(page);
    expect(server.hits, 'tiles asked for while the service is off').toEqual([]);

    // On: the map asks the service for exactly the tiles covering its view.
    await toggle.click();
    await mapSettled(page);
    expect(server.hits.length).toBeGreaterThan(0);
    expect(distinctTiles(server.hits)).toEqual(tilesOfView(await mapView(page)));

    // Back on the first view: the service's colour around the region, the community's tint over it.
    await page.evaluate((view) => window.__lifecircle!.map.jumpTo(view), firstView);
    await mapSettled(page);
    await page.screenshot({ path: await screenshotPath('tile-service-on.png') });
    expect(
      near(await pixelAt(page, ...outside), SERVICE_RGB),
      'the service’s colour outside the region',
    ).toBe(true);
    const insideOn = await pixelAt(page, ...inside);
    expect(near(insideOn, SERVICE_RGB), 'the community drawn over the service').toBe(false);
    expect(near(insideOn, insideOff), 'the service showing through the community').toBe(false);

    // Its opacity slider fades it out.
    await page.getByTestId(`basemap-opacity-${SERVICE_ID}`).fill('0');
    await mapSettled(page);
    expect(near(await pixelAt(page, ...outside), outsideOff)).toBe(true);

    // Besides the app's own origin the page asked only the configured service.
    const ownOrigin = new URL(baseUrl).origin;
    const others = new Set(elsewhere(requests, ownOrigin).map((url) => new URL(url).origin));
    expect([...others]).toEqual([server.origin]);
  });
});
