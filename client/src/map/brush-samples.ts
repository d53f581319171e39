/**
 * Where a brush stroke touches the map between two pointer positions: centres every few pixels along
 * the segment (so a fast stroke skips no unit) and, for a brush wider than a point, a ring of points
 * around each centre. Screen pixels in, screen pixels out; the map view unprojects them.
 */

export type Pixel = [number, number];

/** Points on the ring around each centre. */
const RING_POINTS = 8;

/**
 * Samples of a brush of `radiusPixels` moved from `from` (null at the start of a stroke) to `to`.
 * Centres are at most `max(2, radius / 2)` pixels apart; a radius of 0 samples the centres only.
 */
export function brushSamples(from: Pixel | null, to: Pixel, radiusPixels: number): Pixel[] {
  const step = Math.max(2, radiusPixels / 2);
  const centres: Pixel[] = [];
  if (from) {
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    const count = Math.max(1, Math.ceil(length / step));
    for (let k = 1; k <= count; k += 1) {
      const t = k / count;
      centres.push([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]);
    }
  } else {
    centres.push(to);
  }
  if (radiusPixels <= 0) return centres;
  const samples: Pixel[] = [];
  for (const [x, y] of centres) {
    samples.push([x, y]);
    for (const radius of [radiusPixels / 2, radiusPixels]) {
      for (let k = 0; k < RING_POINTS; k += 1) {
        const angle = (2 * Math.PI * k) / RING_POINTS;
        samples.push([x + radius * Math.cos(angle), y + radius * Math.sin(angle)]);
      }
    }
  }
  return samples;
}

/** A CSS cursor drawing the brush's circle (an SVG data URL), with a crosshair fallback. */
export function brushCursor(radiusPixels: number): string {
  const r = Math.max(3, Math.round(radiusPixels));
  const size = 2 * r + 4;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<circle cx="${r + 2}" cy="${r + 2}" r="${r}" fill="rgba(15,98,254,0.12)" stroke="white" stroke-width="3"/>` +
    `<circle cx="${r + 2}" cy="${r + 2}" r="${r}" fill="none" stroke="#0f2b3a" stroke-width="1.5"/>` +
    `<circle cx="${r + 2}" cy="${r + 2}" r="1.5" fill="#0f2b3a"/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}") ${r + 2} ${r + 2}, crosshair`;
}
