/**
 * Reading what the map drew, for the end-to-end tests of base maps: one page pixel's colour (from a
 * screenshot decoded by the browser itself), a tolerant comparison of colours, a wait until
 * MapLibre has every tile of its view on the canvas, and two pixels worth reading on the demo's
 * first view.
 */
import type { Page } from 'playwright-core';
import {
  findClearClick,
  getJson,
  visibleMapRectangle,
  type ClickClearance,
  type Collection,
  type Polygonal,
} from './e2e-harness.js';

export type Rgb = [number, number, number];

/** Colour differences up to this per channel are antialiasing and colour management, not another layer. */
export const CHANNEL_TOLERANCE = 6;

/** The colour of one page pixel, from a screenshot decoded by the browser itself. */
export async function pixelAt(page: Page, x: number, y: number): Promise<Rgb> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
    return [red, green, blue] as Rgb;
  }, png.toString('base64'));
}

/** Whether two colours differ by no more than CHANNEL_TOLERANCE in any channel. */
export const near = (actual: Rgb, expected: Rgb): boolean =>
  actual.every((channel, index) => Math.abs(channel - expected[index]) <= CHANNEL_TOLERANCE);

/** Waits until MapLibre has every tile of the view and has drawn it. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__lifecircle!.map;
      return map.loaded() && map.areTilesLoaded() && !map.isMoving();
    },
    undefined,
    { timeout: 60_000 },
  );
  // One more frame, so the canvas shows what the map now holds.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** The community pixel read: clear of its edges (antialiasing), of facility dots and of the map's controls. */
const PIXEL_CLEARANCE: ClickClearance = {
  edgePixels: 8,
  facilityPixels: 20,
  inset: { left: 40, right: 40, top: 60, bottom: 60 },
};

/**
 * Two page pixels on the demo region's first view: one outside the region (no community there;
 * above the vector base map's road, which follows the middle latitude) and one inside a community,
 * clear of its edges and facilities (null when none of the first 40 communities has one).
 */
export async function regionProbePixels(
  page: Page,
  baseUrl: string,
): Promise<{ outside: [number, number]; inside: [number, number] | null }> {
  const mapRect = await visibleMapRectangle(page);
  const outside: [number, number] = [mapRect.left + 6, mapRect.top + (mapRect.bottom - mapRect.top) * 0.3];
  const communities = await getJson<Collection<Polygonal, { id: string }>>(
    baseUrl,
    '/api/regions/demo/communities',
  );
  // Candidates on an 8 × 8 grid over the community's box on the page.
  const found = await findClearClick(
    page,
    baseUrl,
    communities.features.slice(0, 40),
    (_community, parts) => {
      const xs = parts.flat(2).map((point) => point[0]);
      const ys = parts.flat(2).map((point) => point[1]);
      return Array.from({ length: 64 }, (_, step): [number, number] => [
        Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * ((step % 8) + 0.5)) / 8,
        Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * (Math.floor(step / 8) + 0.5)) / 8,
      ]);
    },
    PIXEL_CLEARANCE,
  );
  return { outside, inside: found?.pixel ?? null };
}
