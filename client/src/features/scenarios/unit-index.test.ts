import { describe, expect, it } from 'vitest';
import type { Position, UnitFeature } from '../../lib/api-types';
import { buildUnitIndex } from './unit-index';

function square(id: string, west: number, south: number, size = 1): UnitFeature {
  const ring: Position[] = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    properties: {
      id,
      name: id,
      kind: 'block',
      communityId: 'c',
      communityName: 'c',
      residents: 1,
      households: 1,
      elderly: 0,
      children: 0,
      accessPoint: [west, south],
      estimated: false,
    },
  };
}

describe('buildUnitIndex', () => {
  it('orders units as asked, finds the unit under a point and gives interior points inside each unit', () => {
    const features = [square('b', 1, 0), square('a', 0, 0), square('c', 0, 1)];
    const index = buildUnitIndex(['a', 'b', 'c', 'missing'], features);
    expect(index.features.map((feature) => feature?.properties.id ?? null)).toEqual(['a', 'b', 'c', null]);
    expect(index.unitAt([0.5, 0.5])).toBe(0);
    expect(index.unitAt([1.5, 0.2])).toBe(1);
    expect(index.unitAt([0.3, 1.7])).toBe(2);
    expect(index.unitAt([1.5, 1.5])).toBe(-1);
    index.interiorPoints.slice(0, 3).forEach((point, unit) => {
      expect(index.unitAt(point)).toBe(unit);
    });
    expect(Number.isNaN(index.interiorPoints[3][0])).toBe(true);
  });
});
