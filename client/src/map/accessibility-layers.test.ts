import { describe, expect, it } from 'vitest';
import type { AccessBandFeature, Position } from '../lib/api-types';
import { outerRings, radiusLabelPosition, radiusLabels } from './accessibility-layers';

function square(west: number, south: number, side: number): Position[] {
  return [
    [west, south],
    [west + side, south],
    [west + side, south + side],
    [west, south + side],
    [west, south],
  ];
}

function band(minutes: number, polygons: Position[][][], radiusMeters?: number): AccessBandFeature {
  return {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: polygons },
    properties: {
      minutes,
      fromMinutes: 0,
      residents: 0,
      households: 0,
      elderly: 0,
      areaSquareMeters: 0,
      method: 'radius',
      radiusMeters,
    },
  };
}

describe('service-radius outlines', () => {
  // A ring band: the 10-minute circle with the 5-minute circle as its hole.
  const five = band(5, [[square(1, 1, 1)]], 300);
  const ten = band(10, [[square(0, 0, 3), square(1, 1, 1)]], 500);

  it('draws each circle once: outer rings only, holes left out', () => {
    expect(outerRings([five, ten])).toEqual([square(1, 1, 1), square(0, 0, 3)]);
  });

  it('labels each radius at the top of its circle', () => {
    expect(radiusLabelPosition(ten)?.[1]).toBe(3);
    expect(radiusLabels([five, ten, band(15, [[square(0, 0, 1)]])])).toEqual([
      { position: [2, 2], text: '300 m' },
      { position: [3, 3], text: '500 m' },
    ]);
  });
});
