import { describe, expect, it } from 'vitest';
import type { Position } from '../../lib/api-types';
import { multiPolygonBbox } from '../../map/geometry';
import { anyEstimatedUnitIn, communitiesWithEstimates } from './estimated';
import { unitFixture } from './unit-fixture';

describe('multiPolygonBbox', () => {
  it('bounds the outer rings of every part', () => {
    const square = (x: number, y: number): Position[] => [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ];
    expect(multiPolygonBbox([[square(0, 0)], [square(3, -2)]])).toEqual([0, -2, 4, 1]);
    expect(multiPolygonBbox([])).toBeNull();
  });
});

describe('anyEstimatedUnitIn', () => {
  const units = [
    unitFixture('a', 50, { communityId: 'c-1', accessPoint: [1, 1] }),
    unitFixture('b', 40, { communityId: 'c-2', accessPoint: [5, 5], estimated: true }),
    unitFixture('c', 0, { communityId: 'c-2', accessPoint: [2, 2], estimated: true }),
  ];

  it('is true only for an estimated unit with residents inside the box', () => {
    expect(anyEstimatedUnitIn(units, [0, 0, 3, 3])).toBe(false);
    expect(anyEstimatedUnitIn(units, [0, 0, 6, 6])).toBe(true);
    expect(anyEstimatedUnitIn(units, null)).toBe(false);
  });

  it('lists the communities holding estimated residents', () => {
    expect([...communitiesWithEstimates(units)]).toEqual(['c-2']);
  });
});
