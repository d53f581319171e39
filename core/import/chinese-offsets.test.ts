import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from './chinese-offsets.js';

const PLACES: Position[] = [
  [109.72, 28.28],
  [116.397428, 39.90923],
  [121.473701, 31.230416],
  [87.6168, 43.8256],
  [110.35, 20.02],
];

describe('GCJ-02 and BD-09', () => {
  it('offsets places in China by hundreds of metres and leaves places abroad alone', () => {
    for (const place of PLACES) {
      const offset = haversineDistanceMeters(place, wgs84ToGcj02(place));
      expect(offset).toBeGreaterThan(50);
      expect(offset).toBeLessThan(1000);
    }
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });

  it('inverts the offsets to well under a millimetre', () => {
    for (const place of PLACES) {
      expect(haversineDistanceMeters(place, gcj02ToWgs84(wgs84ToGcj02(place)))).toBeLessThan(1e-3);
      expect(haversineDistanceMeters(place, bd09ToWgs84(gcj02ToBd09(wgs84ToGcj02(place))))).toBeLessThan(
        1e-3,
      );
      const gcj = wgs84ToGcj02(place);
      expect(haversineDistanceMeters(gcj, bd09ToGcj02(gcj02ToBd09(gcj)))).toBeLessThan(1e-3);
    }
  });

  it('puts BD-09 a further few hundred metres from GCJ-02', () => {
    const gcj = wgs84ToGcj02([109.72, 28.28]);
    const distance = haversineDistanceMeters(gcj, gcj02ToBd09(gcj));
    expect(distance).toBeGreaterThan(300);
    expect(distance).toBeLessThan(1500);
  });
});
