import { describe, expect, it } from 'vitest';
import { geometryEwkbHex } from './ewkb.js';

describe('geometryEwkbHex', () => {
  it('writes a point as PostGIS writes SRID=4326;POINT(1 2)', () => {
    expect(geometryEwkbHex({ type: 'Point', coordinates: [1, 2] }, 4326)).toBe(
      '0101000020e6100000000000000000f03f0000000000000040',
    );
  });

  it('writes a multipolygon with its parts untagged by SRID, every byte accounted for', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const hex = geometryEwkbHex({ type: 'MultiPolygon', coordinates: [[square], [square, square]] }, 4326)!;
    // head 9 + count 4 + part one (5 + 4 + ring 4 + 64) + part two (5 + 4 + 2 × 68)
    expect(hex.length / 2).toBe(9 + 4 + (5 + 4 + 68) + (5 + 4 + 136));
    expect(hex.slice(0, 18)).toBe('0106000020e6100000');
    expect(hex.slice(26, 36)).toBe('0103000000');
  });

  it('leaves to GeoJSON what it cannot write: a third coordinate, a non-number, an unknown type', () => {
    expect(geometryEwkbHex({ type: 'Point', coordinates: [1, 2, 3] }, 4326)).toBeNull();
    expect(geometryEwkbHex({ type: 'LineString', coordinates: [[1, Number.NaN]] }, 4326)).toBeNull();
    expect(geometryEwkbHex({ type: 'GeometryCollection' } as never, 4326)).toBeNull();
  });
});
