/**
 * Reading what the map drew, for the end-to-end tests of base maps: one page pixel's colour (from a
 * screenshot decoded by the browser itself), a tolerant comparison of colours, and a wait until
 * MapLibre has every tile of its view on the canvas.
 */
import type { Page } from 'playwright-core';

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
