import { describe, expect, it } from 'vitest';
import { parseWkt } from './wkt-geometry.js';

describe('parseWkt', () => {
  it('reads points, polygons with holes, multi geometries, Z values and EWKT', () => {
    expect(parseWkt('POINT (109.7 28.3)')).toEqual({
      ok: true,
      srid: null,
      geometry: { type: 'Point', coordinates: [109.7, 28.3] },
    });
    expect(parseWkt('POINT Z (1 2 3)')).toMatchObject({
      ok: true,
      geometry: { type: 'Point', coordinates: [1, 2] },
    });
    expect(parseWkt('polygon((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))')).toMatchObject({
      ok: true,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      },
    });
    expect(parseWkt('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))')).toMatchObject({
      ok: true,
      geometry: { type: 'MultiPolygon' },
    });
    // Both spellings of a multipoint (bare and parenthesised points) read the same.
    for (const text of ['MULTIPOINT (1 2, 3 4)', 'MULTIPOINT ((1 2), (3 4))']) {
      expect(parseWkt(text)).toMatchObject({
        ok: true,
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      });
    }
    expect(parseWkt('SRID=4546;LINESTRING(500000 3100000, 500100 3100000)')).toMatchObject({
      ok: true,
      srid: 4546,
      geometry: { type: 'LineString' },
    });
  });

  it('says where reading stopped', () => {
    expect(parseWkt('POLYGON((0 0, 1 0, 1')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/character/),
    });
    expect(parseWkt('CIRCLE(1 2)')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unsupported WKT type CIRCLE/),
    });
    expect(parseWkt('POINT EMPTY')).toMatchObject({ ok: false });
    expect(parseWkt('POLYGON(0 0, 1 0, 1 1, 0 0)')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nesting/),
    });
    expect(parseWkt('约300')).toMatchObject({ ok: false });
  });
});
