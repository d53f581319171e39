import { describe, expect, it } from 'vitest';
import { multiPolygonProblems } from './polygon-validity.js';
import type { Position } from './position.js';

const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const clockwise = (ring: Position[]) => [...ring].reverse();

describe('multiPolygonProblems', () => {
  it('accepts a polygon with a hole next to an island', () => {
    expect(
      multiPolygonProblems([[square(0, 0, 10), clockwise(square(2, 2, 3))], [square(20, 0, 2)]]),
    ).toEqual([]);
  });

  it('finds a bow tie', () => {
    const bowTie: Position[] = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(multiPolygonProblems([[bowTie]]).join()).toMatch(/intersects itself/);
  });

  it('finds rings that touch, wrong orientations, stray holes and slivers', () => {
    expect(multiPolygonProblems([[square(0, 0, 2)], [square(2, 0, 2)]]).join()).toMatch(/intersect or touch/);
    expect(multiPolygonProblems([[clockwise(square(0, 0, 2))]]).join()).toMatch(/clockwise/);
    expect(multiPolygonProblems([[square(0, 0, 2), square(0.5, 0.5, 1)]]).join()).toMatch(
      /counter-clockwise/,
    );
    expect(multiPolygonProblems([[square(0, 0, 2), clockwise(square(5, 5, 1))]]).join()).toMatch(
      /outside its outer ring/,
    );
    const sliver: Position[] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 0],
    ];
    expect(multiPolygonProblems([[sliver]]).join()).toMatch(/zero area/);
    const repeated: Position[] = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(multiPolygonProblems([[repeated]]).join()).toMatch(/repeats/);
    const spike: Position[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 1],
      [0, 2],
      [0, 0],
    ];
    expect(multiPolygonProblems([[spike]]).join()).toMatch(/intersects itself/);
  });
});
