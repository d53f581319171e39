import { describe, expect, it } from 'vitest';
import { proposalColour, PROPOSAL_COLOURS, smallMap, type UnitPolygon } from './proposal-map';

const square = (west: number, south: number, size: number): UnitPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

describe('smallMap', () => {
  it('fits the street into the box, north up, one path per community', () => {
    // Two units side by side at the equator: twice as wide as high.
    const geometry = new Map([
      ['a', square(0, 0, 0.01)],
      ['b', square(0.01, 0, 0.01)],
    ]);
    const map = smallMap(
      [
        { communityId: 'c-1', unitIds: ['a'] },
        { communityId: 'c-2', unitIds: ['b', 'missing'] },
      ],
      geometry,
      200,
      200,
    );
    expect(map.widthPixels).toBe(200);
    expect(map.heightPixels).toBe(100);
    expect(map.paths.map((path) => path.communityId)).toEqual(['c-1', 'c-2']);
    // The first unit's south-west corner is at the bottom left; its north-east at (100, 0).
    expect(map.paths[0].d).toBe('M0.0 100.0L100.0 100.0L100.0 0.0L0.0 0.0L0.0 100.0Z');
    expect(map.paths[1].d.startsWith('M100.0 100.0L200.0 100.0')).toBe(true);
  });

  it('shrinks longitudes by the cosine of the latitude', () => {
    const map = smallMap(
      [{ communityId: 'c', unitIds: ['a'] }],
      new Map([['a', square(0, 60, 0.01)]]),
      300,
      300,
    );
    // At 60° a degree of longitude is about half a degree of latitude.
    expect(map.widthPixels / map.heightPixels).toBeCloseTo(0.5, 1);
  });

  it('draws nothing when no unit has a polygon', () => {
    expect(smallMap([{ communityId: 'c', unitIds: ['x'] }], new Map(), 120, 90).paths).toEqual([]);
  });
});

describe('proposalColour', () => {
  it('gives neighbouring indexes different colours and repeats past the palette', () => {
    expect(proposalColour(0)).not.toBe(proposalColour(1));
    expect(proposalColour(PROPOSAL_COLOURS.length)).toBe(proposalColour(0));
  });
});
