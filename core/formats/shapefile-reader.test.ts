import { describe, expect, it } from 'vitest';
import type { Position } from '../geometry/position.js';
import { assemblePolygon, readShp } from './shapefile-reader.js';

const clockwise: Position[] = [
  [0, 0],
  [0, 10],
  [10, 10],
  [10, 0],
  [0, 0],
];
const hole: Position[] = [
  [2, 2],
  [4, 2],
  [4, 4],
  [2, 4],
  [2, 2],
];
const farClockwise: Position[] = [
  [20, 0],
  [20, 5],
  [25, 5],
  [25, 0],
  [20, 0],
];

describe('Shapefile polygons', () => {
  it('groups counter-clockwise rings as holes of the clockwise ring holding them', () => {
    expect(assemblePolygon([clockwise, hole])).toEqual({ type: 'Polygon', coordinates: [clockwise, hole] });
    expect(assemblePolygon([clockwise, farClockwise, hole])).toEqual({
      type: 'MultiPolygon',
      coordinates: [[clockwise, hole], [farClockwise]],
    });
    // Every ring counter-clockwise (against the format): each is an outer ring, nothing is lost.
    expect(assemblePolygon([hole])).toEqual({ type: 'Polygon', coordinates: [hole] });
  });

  it('reads point records and reports a truncated record', () => {
    const bytes = new Uint8Array(100 + 28 + 8);
    const view = new DataView(bytes.buffer);
    view.setInt32(0, 9994, false);
    view.setInt32(24, bytes.length / 2, false);
    view.setInt32(32, 1, true);
    view.setInt32(100, 1, false);
    view.setInt32(104, 10, false);
    view.setInt32(108, 1, true);
    view.setFloat64(112, 500123.5, true);
    view.setFloat64(120, 3130456.25, true);
    view.setInt32(128, 2, false);
    view.setInt32(132, 10, false);
    const { shapeType, records } = readShp(bytes);
    expect(shapeType).toBe(1);
    expect(records[0]).toEqual({ geometry: { type: 'Point', coordinates: [500123.5, 3130456.25] } });
    expect(records[1]).toMatchObject({ geometry: null, error: expect.stringMatching(/truncated/) });
    expect(() => readShp(new Uint8Array(100))).toThrow(/not a \.shp/);
  });
});
