import { describe, expect, it } from 'vitest';
import { pointInPolygon, pointInRing } from './point-in-ring.js';
import type { Position } from './position.js';

const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const clockwise = (ring: Position[]) => [...ring].reverse();

describe('pointInPolygon', () => {
  it('tells inside from outside and holes', () => {
    const polygon = [square(0, 0, 10), clockwise(square(2, 2, 3))];
    expect(pointInPolygon([1, 1], polygon)).toBe(true);
    expect(pointInPolygon([3, 3], polygon)).toBe(false);
    expect(pointInPolygon([11, 1], polygon)).toBe(false);
  });
});

describe('pointInRing', () => {
  it('counts a concave ring by the even–odd rule, whichever way it runs', () => {
    const u: Position[] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    for (const ring of [u, clockwise(u)]) {
      expect(pointInRing([0.5, 2], ring)).toBe(true);
      expect(pointInRing([1.5, 2], ring)).toBe(false);
      expect(pointInRing([1.5, 0.5], ring)).toBe(true);
      expect(pointInRing([4, 0.5], ring)).toBe(false);
    }
  });
});
