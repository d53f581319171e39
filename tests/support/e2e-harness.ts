/**
 * Shared set-up of the end-to-end tests (tests/e2e): the real server on embedded PostGIS in a
 * folder of its own with the demo region (a copy of the run's seeded template), the built client, and headless Chromium; plus helpers to
 * read the API and to turn map coordinates into page pixels through the app's MapLibre map.
 * The server's first administrator gets a random password (as LIFECIRCLE_ADMIN_PASSWORD would give
 * it); the browser signs in once per session, before the app loads, and the test's own API calls
 * (getJson, postJson, fetchApi) carry a session of their own.
 * Needs `npm run build` first (npm test does it) and Debian's chromium (CHROMIUM_PATH overrides).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { pointInPolygon } from '../../core/geometry/point-in-ring.js';
import type { Position } from '../../core/geometry/position.js';
import { FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import type { TileService } from '../../server/src/basemaps/tile-services.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { startLifecircleServer } from '../../server/src/server.js';
import { assertChromiumInstalled, launchHeadlessChromium } from './headless-chromium.js';
import { signIn, testPassword, withCredentials, type Credentials } from './sign-in.js';
import { templateDataDirectoryCopy } from './test-databases.js';

/** Debian's fonts-noto-cjk: the font Chromium draws Chinese with (tests/support/pdf-text.ts reads its glyph names). */
const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const VIEWPORT = { width: 1440, height: 900 };
/** How long the first map draw may take (embedded database warm-up and software WebGL). */
export const FIRST_DRAW_TIMEOUT_MS = 120_000;

export type Polygonal =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export interface Collection<G, P> {
  features: { geometry: G; properties: P }[];
}

export interface E2eSession {
  baseUrl: string;
  browser: Browser;
  /** Signed in as the first administrator (its context holds the session cookie). */
  page: Page;
  /** The node side's own session, which getJson, postJson and fetchApi send. */
  credentials: Credentials;
  /** Answers the client found not to match the contract (none, in a passing test). */
  contractMismatches: readonly string[];
  close(): Promise<void>;
}

/** How the session's server is configured beyond its defaults. */
export interface E2eSessionOptions {
  /** Online tile services, as LIFECIRCLE_TILE_SERVICES would list them (none by default, whatever the environment says). */
  tileServices?: readonly TileService[];
}

/** The administrator's password and the node side's session of each running server, by base URL. */
const signedInServers = new Map<string, { password: string; credentials: Credentials }>();

function signedInServer(baseUrl: string) {
  const server = signedInServers.get(baseUrl);
  if (!server) throw new Error(`no end-to-end session runs at ${baseUrl}`);
  return server;
}

/**
 * Signs the first administrator in within `page`'s browser context, through its request context
 * (which shares the context's cookies), so every page of the context loads the app signed in. Call
 * before the page first opens the app; a page of a new context must sign in too.
 */
export async function signInPage(page: Page, baseUrl: string): Promise<void> {
  const { password } = signedInServer(baseUrl);
  const response = await page.request.post(`${baseUrl}/api/session`, {
    data: { username: FIRST_ADMIN_USERNAME, password },
  });
  expect(response.status(), `signing the browser in: ${await response.text()}`).toBe(200);
}

/** A page of a new browser context (another browser, as far as the server knows), signed in. */
export async function newSignedInPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, ...options });
  await signInPage(page, baseUrl);
  return page;
}

/** Start the server (its own copy of the seeded embedded database) and a signed-in Chromium page at 1440 × 900. */
export async function startE2eSession(options: E2eSessionOptions = {}): Promise<E2eSession> {
  if (!existsSync(path.join(REPOSITORY_ROOT, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run "npm run build" before the end-to-end test');
  }
  assertChromiumInstalled();
  if (!existsSync(CJK_FONT_PATH)) {
    // Without it Chinese prints as empty boxes, and the dashboard's PDF has no Chinese text to read.
    throw new Error(`no Chinese font at ${CJK_FONT_PATH}: apt-get install fonts-noto-cjk`);
  }
  // A copy of the run's seeded data directory (tests/support/database-templates.ts): migrated, the
  // shipped regions loaded, no user yet, so the start below makes the administrator with this password.
  const dataDirectory = await templateDataDirectoryCopy('seeded', 'lifecircle-e2e-');
  let server: Awaited<ReturnType<typeof startLifecircleServer>> | undefined;
  let browser: Browser | undefined;
  const adminPassword = testPassword();
  try {
    server = await startLifecircleServer({
      port: 0,
      dataDirectory,
      databaseUrl: null,
      adminPassword,
      tileServices: options.tileServices ?? [],
    });
    const baseUrl = server.url;
    const credentials = await signIn(
      { request: (url, init) => fetch(url, init) },
      FIRST_ADMIN_USERNAME,
      adminPassword,
      baseUrl,
    );
    signedInServers.set(baseUrl, { password: adminPassword, credentials });
    browser = await launchHeadlessChromium();
    const page = await newSignedInPage(browser, baseUrl);
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    // The client checks every answer against the contract's schemas when asked (lib/api.ts), and
    // logs a mismatch with a marker: the session fails on any.
    await page.addInitScript(() => localStorage.setItem('lifecircle.checkAnswers', '1'));
    const contractMismatches: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('[contract]'))
        contractMismatches.push(message.text());
    });
    const running = { server, browser };
    return {
      baseUrl,
      browser,
      page,
      credentials,
      contractMismatches,
      close: async () => {
        signedInServers.delete(baseUrl);
        await running.browser.close();
        await running.server.close();
        await rm(dataDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (server) signedInServers.delete(server.url);
    await browser?.close();
    await server?.close();
    await rm(dataDirectory, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Call inside a `describe` block: starts a session before its tests and closes it after. `openApp`
 * loads the client in the page and waits for the communities to be drawn (the first draw includes the
 * embedded database's warm-up, hence FIRST_DRAW_TIMEOUT_MS). `options` are read when the session
 * starts, so they may name what a `beforeAll` registered earlier has started.
 */
export function useE2eSession(options: () => E2eSessionOptions = () => ({})): {
  openApp(): Promise<E2eSession>;
} {
  let session: E2eSession | undefined;

  beforeAll(async () => {
    session = await startE2eSession(options());
  });

  afterAll(async () => {
    const mismatches = session?.contractMismatches ?? [];
    await session?.close();
    expect(mismatches, 'answers that do not match the contract').toEqual([]);
  });

  return {
    async openApp() {
      if (!session) throw new Error('the end-to-end session did not start');
      await session.page.goto(session.baseUrl);
      await waitForDrawn(session.page, 'communitiesLoaded', FIRST_DRAW_TIMEOUT_MS);
      return session;
    },
  };
}

/**
 * `fetch` from the test itself (not the page) as the signed-in administrator: `target` is a path
 * under `baseUrl` or an address (a download link the page shows, resolved against `baseUrl`).
 */
export function fetchApi(baseUrl: string, target: string | URL, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(target, baseUrl), withCredentials(signedInServer(baseUrl).credentials, init));
}

/** GET an API path as the signed-in administrator and expect 200. */
export async function getJson<T>(baseUrl: string, apiPath: string): Promise<T> {
  const response = await fetchApi(baseUrl, apiPath);
  expect(response.status, apiPath).toBe(200);
  return (await response.json()) as T;
}

/** POST JSON to an API path as the signed-in administrator and expect 200. */
export async function postJson<T>(baseUrl: string, apiPath: string, body: unknown): Promise<T> {
  const response = await fetchApi(baseUrl, apiPath, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `${apiPath} ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

/**
 * Wait until `<html data-{flag}="true">`: the map view sets communitiesLoaded, isochronesLoaded and
 * heatmapLoaded once the layer is drawn and the map is idle.
 */
export async function waitForDrawn(
  page: Page,
  flag: 'communitiesLoaded' | 'isochronesLoaded' | 'heatmapLoaded',
  timeout = 60_000,
): Promise<void> {
  await page.waitForFunction((name) => document.documentElement.dataset[name] === 'true', flag, { timeout });
}

/** Where screenshots go (test-results/ at the repository root). */
export async function screenshotPath(fileName: string): Promise<string> {
  const file = path.join(REPOSITORY_ROOT, 'test-results', fileName);
  await mkdir(path.dirname(file), { recursive: true });
  return file;
}

export function polygonsOf(geometry: Polygonal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Whether a point lies in one of the parts (screen or map coordinates alike). */
export function contains(polygons: Position[][][], point: Position): boolean {
  return polygons.some((polygon) => pointInPolygon(point, polygon));
}

export function distanceToEdges(polygons: Position[][][], point: Position): number {
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j];
        const [bx, by] = ring[i];
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSquared = dx * dx + dy * dy;
        const t =
          lengthSquared === 0
            ? 0
            : Math.max(0, Math.min(1, ((point[0] - ax) * dx + (point[1] - ay) * dy) / lengthSquared));
        best = Math.min(best, Math.hypot(ax + t * dx - point[0], ay + t * dy - point[1]));
      }
    }
  }
  return best;
}

/** Project [lng, lat] positions to page pixels through the app's MapLibre map. */
export async function projectToPage(page: Page, positions: Position[]): Promise<Position[]> {
  return page.evaluate((lngLats) => {
    const map = window.__lifecircle!.map;
    const rect = map.getContainer().getBoundingClientRect();
    return lngLats.map((lngLat) => {
      const point = map.project(lngLat);
      return [rect.left + point.x, rect.top + point.y] as [number, number];
    });
  }, positions);
}

/** The map's rectangle on the page. */
export async function mapRectangle(
  page: Page,
): Promise<{ left: number; top: number; right: number; bottom: number }> {
  return page.evaluate(() => {
    const rect = window.__lifecircle!.map.getContainer().getBoundingClientRect();
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  });
}

/** A polygon's parts as page pixels, through the app's MapLibre map. */
async function projectPolygonsToPage(page: Page, geometry: Polygonal): Promise<Position[][][]> {
  return Promise.all(
    polygonsOf(geometry).map((polygon) => Promise.all(polygon.map((ring) => projectToPage(page, ring)))),
  );
}

/** The part of the map's rectangle inside the page's viewport, in page pixels. */
export async function visibleMapRectangle(
  page: Page,
): Promise<{ left: number; top: number; right: number; bottom: number }> {
  const rect = await mapRectangle(page);
  const viewport = page.viewportSize()!;
  return {
    ...rect,
    right: Math.min(rect.right, viewport.width),
    bottom: Math.min(rect.bottom, viewport.height),
  };
}

/** How far a click must stay from what would take it instead, in page pixels. */
export interface ClickClearance {
  /** From the polygon's edges. */
  edgePixels: number;
  /** From every facility dot (a click there picks the facility). */
  facilityPixels: number;
  /** From each side of the map (its controls, the legend and the scale sit there). */
  inset: { left: number; right: number; top: number; bottom: number };
}

/**
 * The first of `features` (in their order) with a candidate page pixel where a click lands on that
 * polygon and nothing else: inside it, clear of its edges, of every facility dot of the region and
 * of the map's sides by `clearance`. `candidatesOf` proposes pixels from the polygon's parts in page
 * pixels. Undefined when no feature has one.
 */
export async function findClearClick<F extends { geometry: Polygonal | null }>(
  page: Page,
  baseUrl: string,
  features: readonly F[],
  candidatesOf: (feature: F, parts: Position[][][]) => Position[] | Promise<Position[]>,
  clearance: ClickClearance,
  regionId = 'demo',
): Promise<{ feature: F; pixel: Position } | undefined> {
  const facilities = await getJson<Collection<{ type: 'Point'; coordinates: Position }, unknown>>(
    baseUrl,
    `/api/regions/${regionId}/facilities`,
  );
  const facilityDots = await projectToPage(
    page,
    facilities.features.map((feature) => feature.geometry.coordinates),
  );
  const mapRect = await visibleMapRectangle(page);
  const { edgePixels, facilityPixels, inset } = clearance;
  for (const feature of features) {
    if (!feature.geometry) continue;
    const parts = await projectPolygonsToPage(page, feature.geometry);
    const pixel = (await candidatesOf(feature, parts)).find(
      (point) =>
        point[0] > mapRect.left + inset.left &&
        point[0] < mapRect.right - inset.right &&
        point[1] > mapRect.top + inset.top &&
        point[1] < mapRect.bottom - inset.bottom &&
        contains(parts, point) &&
        distanceToEdges(parts, point) >= edgePixels &&
        facilityDots.every((dot) => Math.hypot(dot[0] - point[0], dot[1] - point[1]) >= facilityPixels),
    );
    if (pixel) return { feature, pixel };
  }
  return undefined;
}

/** Wait until the map has stopped moving and drawn its last frame (MapLibre idle, then deck.gl's frame). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__lifecircle!.map.isMoving());
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__lifecircle!.map;
        map.once('idle', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        map.triggerRepaint();
      }),
  );
}

/**
 * Creates a scenario named `name` on the 方案 tab and waits until it is open at version 1 (its
 * session built); answers its id.
 */
export async function createScenarioInPanel(page: Page, name: string): Promise<string> {
  await page.getByTestId('sidebar-tab-scenarios').click();
  await page.getByTestId('scenario-panel').waitFor();
  await page.getByTestId('scenario-name-input').fill(name);
  await page.getByTestId('scenario-create').click();
  const openScenario = page.getByTestId('open-scenario');
  await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('1');
  return (await openScenario.getAttribute('data-scenario-id'))!;
}
