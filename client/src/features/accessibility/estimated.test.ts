import { describe, expect, it } from 'vitest';
import type { Position, UnitFeature } from '../../lib/api-types';
import { anyEstimatedUnitIn, communitiesWithEstimates, multiPolygonBbox } from './estimated';

function unit(
  id: string,
  communityId: string,
  accessPoint: Position,
  residents: number,
  estimated?: boolean,
): UnitFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [] },
    properties: {
      id,
      name: id,
      kind: 'block',
      communityId,
      communityName: communityId,
      residents,
      households: 0,
      elderly: null,
      children: null,
      accessPoint,
      estimated,
    },
  };
}

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
    unit('a', 'c-1', [1, 1], 50),
    unit('b', 'c-2', [5, 5], 40, true),
    unit('c', 'c-2', [2, 2], 0, true),
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
