import { describe, expect, it } from 'vitest';
import type { Position } from '../lib/api-types';
import { nearestLine, nearestPoint, segmentDistancePixels, type PickContext } from './map-pick';

/** A map at 100 pixels a degree, y downwards, clicked at `pixel`. */
function pickAt(pixel: [number, number]): PickContext {
  const toPosition = ([x, y]: [number, number]): Position => [x / 100, -y / 100];
  const [west, north] = toPosition([pixel[0] - 12, pixel[1] - 12]);
  const [east, south] = toPosition([pixel[0] + 12, pixel[1] + 12]);
  return { pixel, project: ([lng, lat]) => [lng * 100, -lat * 100], bbox: [west, south, east, north] };
}

describe('picking on the map', () => {
  it('measures a point’s distance to a segment, clamped at its ends', () => {
    expect(segmentDistancePixels([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(segmentDistancePixels([14, 3], [0, 0], [10, 0])).toBe(5);
  });

  it('picks the nearest point within the pick distance, or nothing', () => {
    const points: Position[] = [
      [1, -1],
      [1.05, -1],
    ];
    expect(nearestPoint(points, (point) => point, pickAt([104, 100]))).toEqual([1.05, -1]);
    expect(nearestPoint(points, (point) => point, pickAt([130, 100]))).toBeNull();
  });

  it('picks a line passing near the click even with no corner near it', () => {
    const lines: { id: number; line: Position[] }[] = [
      {
        id: 1,
        line: [
          [0, -1],
          [5, -1],
        ],
      },
      {
        id: 2,
        line: [
          [0, -1.2],
          [5, -1.2],
        ],
      },
    ];
    expect(nearestLine(lines, (row) => row.line, pickAt([250, 106]))?.id).toBe(1);
    expect(nearestLine(lines, (row) => row.line, pickAt([250, 116]))?.id).toBe(2);
    expect(nearestLine(lines, (row) => row.line, pickAt([250, 150]))).toBeNull();
  });
});
