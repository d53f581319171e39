import { describe, expect, it } from 'vitest';
import { brushCursor, brushSamples } from './brush-samples';

describe('brushSamples', () => {
  it('samples the centre alone for a point brush at the start of a stroke', () => {
    expect(brushSamples(null, [10, 20], 0)).toEqual([[10, 20]]);
  });

  it('fills a fast stroke with centres no more than two pixels apart', () => {
    const samples = brushSamples([0, 0], [10, 0], 0);
    expect(samples).toHaveLength(5);
    expect(samples.at(-1)).toEqual([10, 0]);
    for (let k = 1; k < samples.length; k += 1)
      expect(samples[k][0] - samples[k - 1][0]).toBeLessThanOrEqual(2);
  });

  it('surrounds each centre with two rings for a wide brush, none farther than its radius', () => {
    const samples = brushSamples(null, [0, 0], 12);
    expect(samples).toHaveLength(1 + 16);
    for (const [x, y] of samples) expect(Math.hypot(x, y)).toBeLessThanOrEqual(12 + 1e-9);
    expect(Math.max(...samples.map(([x]) => x))).toBeCloseTo(12);
  });

  it('draws a cursor the size of the brush', () => {
    expect(brushCursor(10)).toMatch(/^url\("data:image\/svg\+xml,.*"\) 12 12, crosshair$/);
  });
});
