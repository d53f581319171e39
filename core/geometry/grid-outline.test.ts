import { describe, expect, it } from 'vitest';
import {
  cellCornerRing,
  cornerPolygonsToGeometry,
  traceCellOutline,
  traceLabelledCellOutlines,
  type CornerPolygon,
  type LatticeSize,
} from './grid-outline';
import { multiPolygonArea, ringSignedArea } from './polygon-area';
import type { Position } from './position';

/** Builds a lattice from an ASCII picture: '#' cells are inside; the first line is the northern row. */
function fromPicture(picture: string[]): {
  size: LatticeSize;
  includes: (column: number, row: number) => boolean;
} {
  const rows = picture.length;
  const columns = picture[0].length;
  return {
    size: { columns, rows },
    includes: (column, row) => picture[rows - 1 - row][column] === '#',
  };
}

/** Unit-square corners, or a deterministic warp of them (orientation preserving). */
function cornerPositions(size: LatticeSize, warp: boolean): (corner: number) => Position {
  return (corner) => {
    const i = corner % (size.columns + 1);
    const j = Math.floor(corner / (size.columns + 1));
    if (!warp) return [i, j];
    return [
      i + 0.23 * Math.sin(i * 1.7 + j * 0.9),
      j + 0.4 * Math.sin(i * 0.6) + 0.2 * Math.cos(i * 2.3 + j * 1.1),
    ];
  };
}

function cellsArea(
  size: LatticeSize,
  includes: (c: number, r: number) => boolean,
  position: (corner: number) => Position,
): number {
  let area = 0;
  for (let row = 0; row < size.rows; row++) {
    for (let column = 0; column < size.columns; column++) {
      if (includes(column, row)) area += ringSignedArea(cellCornerRing(size, column, row).map(position));
    }
  }
  return area;
}

function expectValidOrientation(polygons: CornerPolygon[], position: (corner: number) => Position): void {
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      expect(ring[0]).toBe(ring[ring.length - 1]);
      const area = ringSignedArea(ring.map(position));
      if (index === 0) expect(area).toBeGreaterThan(0);
      else expect(area).toBeLessThan(0);
      // A simple ring visits each corner once.
      expect(new Set(ring.slice(0, -1)).size).toBe(ring.length - 1);
    });
  }
}

function trace(picture: string[], warp = false) {
  const { size, includes } = fromPicture(picture);
  const position = cornerPositions(size, warp);
  const polygons = traceCellOutline(size, includes);
  const coordinates = polygons.map((polygon) => polygon.map((ring) => ring.map(position)));
  return {
    polygons,
    position,
    area: multiPolygonArea(coordinates),
    expectedArea: cellsArea(size, includes, position),
  };
}

describe('traceCellOutline', () => {
  it('outlines a single cell as a counter-clockwise square', () => {
    const { polygons, position, area } = trace(['#']);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    expect(polygons[0][0].map(position)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(area).toBe(1);
  });

  it('outlines a 2×2 square keeping the shared edge midpoints', () => {
    const { polygons, area } = trace(['##', '##']);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    expect(polygons[0][0]).toHaveLength(9);
    expect(area).toBe(4);
  });

  it('outlines an L shape', () => {
    const { polygons, position, area, expectedArea } = trace(['#..', '#..', '###']);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    expectValidOrientation(polygons, position);
    expect(area).toBe(5);
    expect(area).toBe(expectedArea);
  });

  it('outlines a ring with a clockwise hole', () => {
    const { polygons, position, area } = trace(['###', '#.#', '###']);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expectValidOrientation(polygons, position);
    expect(polygons[0][1].map(position).slice(0, -1).sort()).toEqual(
      [
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 2],
      ].sort(),
    );
    expect(area).toBe(8);
  });

  it('returns one polygon per disjoint part', () => {
    const { polygons, position, area } = trace(['##.#', '##.#']);
    expect(polygons).toHaveLength(2);
    expectValidOrientation(polygons, position);
    expect(area).toBe(6);
    const geometry = cornerPolygonsToGeometry(polygons, position);
    expect(geometry.type).toBe('MultiPolygon');
  });

  it('splits cells touching only at a corner into two polygons', () => {
    const { polygons, position, area } = trace(['.#', '#.']);
    expect(polygons).toHaveLength(2);
    expect(polygons.every((polygon) => polygon.length === 1 && polygon[0].length === 5)).toBe(true);
    expectValidOrientation(polygons, position);
    expect(area).toBe(2);
  });

  it('keeps a hole that touches the outer ring at one corner as a hole', () => {
    // The hole (centre) meets the outside diagonally at the north-east corner of the centre cell.
    const { polygons, position, area } = trace(['##.', '#.#', '###']);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expectValidOrientation(polygons, position);
    expect(area).toBe(7);
  });

  it('matches the cells’ total area exactly on a warped lattice with holes and pinches', () => {
    const picture = ['#####..#.', '#...#.#.#', '#.#.#..#.', '#...####.', '#####..##', '...#.#.##'];
    const { polygons, position, area, expectedArea } = trace(picture, true);
    expectValidOrientation(polygons, position);
    expect(area).toBeCloseTo(expectedArea, 10);
  });
});

describe('traceLabelledCellOutlines', () => {
  it('partitions a lattice into labelled outlines whose areas sum to the whole', () => {
    const picture = ['aabb', 'acbb', 'accd', 'dddd'];
    const size: LatticeSize = { columns: 4, rows: 4 };
    const outlines = traceLabelledCellOutlines(size, (column, row) => picture[3 - row][column]);
    expect([...outlines.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    const position = cornerPositions(size, true);
    let total = 0;
    for (const polygons of outlines.values()) {
      expectValidOrientation(polygons, position);
      total += multiPolygonArea(polygons.map((polygon) => polygon.map((ring) => ring.map(position))));
    }
    expect(total).toBeCloseTo(
      cellsArea(size, () => true, position),
      10,
    );
    expect(outlines.get('a')).toHaveLength(1);
  });
});
