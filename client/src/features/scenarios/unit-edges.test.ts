import { describe, expect, it } from 'vitest';
import type { Position, UnitFeature } from '../../lib/api-types';
import { buildUnitEdges, outlineSegments } from './unit-edges';

function square(x: number, y: number): UnitFeature {
  const ring: Position[] = [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  return {
    type: 'Feature',
    id: `${x},${y}`,
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    properties: {
      id: `${x},${y}`,
      name: '',
      kind: 'block',
      communityId: '',
      communityName: '',
      residents: 0,
      households: 0,
      elderly: 0,
      children: 0,
      accessPoint: [x, y],
      estimated: false,
    },
  };
}

describe('unit edges', () => {
  // A 2 × 2 block: units 0 (0,0), 1 (1,0), 2 (0,1), 3 (1,1).
  const edges = buildUnitEdges([square(0, 0), square(1, 0), square(0, 1), square(1, 1)]);

  it('keeps each shared edge once, with the units on both sides', () => {
    expect(edges.segments).toHaveLength(12);
    const shared = [...edges.right].filter((unit) => unit >= 0).length;
    expect(shared).toBe(4);
  });

  it('outlines a community by the edges it shares with no member', () => {
    const members = new Set([0, 1]);
    const outline = outlineSegments(edges, (unit) => members.has(unit));
    // The bottom row: 2 bottom edges, 2 sides, 2 edges to the row above.
    expect(outline).toHaveLength(6);
    const length = outline.reduce((sum, [p, q]) => sum + Math.hypot(q[0] - p[0], q[1] - p[1]), 0);
    expect(length).toBe(6);
    expect(outlineSegments(edges, () => true)).toHaveLength(8);
    expect(outlineSegments(edges, () => false)).toHaveLength(0);
  });
});
