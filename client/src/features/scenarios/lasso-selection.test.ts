import { describe, expect, it } from 'vitest';
import type { Position } from '../../lib/api-types';
import { closeRing, isSimpleRing, pointsInsideOutline, ringContains } from './lasso-selection';

const square: Position[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];

describe('lasso selection', () => {
  it('takes the points inside an outline, open or closed, and leaves those outside', () => {
    const points: Position[] = [
      [5, 5],
      [11, 5],
      [-0.1, 3],
      [9.9, 9.9],
      [5, 10.5],
    ];
    expect(pointsInsideOutline(points, square)).toEqual([0, 3]);
    expect(pointsInsideOutline(points, closeRing(square))).toEqual([0, 3]);
    expect(pointsInsideOutline(points, square.slice(0, 2))).toEqual([]);
  });

  it('follows a concave outline: the notch of a U is outside', () => {
    const u: Position[] = [
      [0, 0],
      [9, 0],
      [9, 9],
      [6, 9],
      [6, 3],
      [3, 3],
      [3, 9],
      [0, 9],
    ];
    expect(ringContains(u, [4.5, 6])).toBe(false);
    expect(ringContains(u, [1.5, 6])).toBe(true);
    expect(ringContains(u, [4.5, 1.5])).toBe(true);
  });

  it('counts a self-crossing freehand lasso by the even–odd rule', () => {
    const bowTie: Position[] = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ];
    expect(
      pointsInsideOutline(
        [
          [2, 5],
          [8, 5],
          [5, 2],
        ],
        bowTie,
      ),
    ).toEqual([0, 1]);
  });

  it('tells simple rings from self-intersecting ones', () => {
    expect(isSimpleRing(square)).toBe(true);
    expect(isSimpleRing(closeRing(square))).toBe(true);
    expect(
      isSimpleRing([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ]),
    ).toBe(false);
    expect(
      isSimpleRing([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(false);
  });

  it('closes a ring once', () => {
    expect(closeRing(square)).toHaveLength(5);
    expect(closeRing(closeRing(square))).toHaveLength(5);
  });
});
