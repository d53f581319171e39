import { describe, expect, it } from 'vitest';
import {
  assembleFlatPolygons,
  flatRingDoubleArea,
  reverseFlatRing,
  traceIsoRings,
  type FlatPolygon,
  type ScalarGrid,
} from './iso-rings.js';
import { pointInPolygon } from './point-in-ring.js';
import { multiPolygonArea } from './polygon-area.js';
import { multiPolygonProblems } from './polygon-validity.js';
import type { Position } from './position.js';

function grid(columns: number, rows: number, value: (i: number, j: number) => number): ScalarGrid {
  const values = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j += 1)
    for (let i = 0; i < columns; i += 1) values[j * columns + i] = value(i, j);
  return { columns, rows, values };
}

function toCoordinates(polygons: FlatPolygon[]): Position[][][] {
  return polygons.map((polygon) =>
    polygon.map((ring) => {
      const positions: Position[] = [];
      for (let k = 0; k < ring.length; k += 2) positions.push([ring[k], ring[k + 1]]);
      positions.push([ring[0], ring[1]]);
      return positions;
    }),
  );
}

/** Deterministic smooth noise with several hills and pits, high on the border. */
function bumpyField(columns: number, rows: number, seed: number): ScalarGrid {
  return grid(columns, rows, (i, j) => {
    if (i === 0 || j === 0 || i === columns - 1 || j === rows - 1) return 100;
    return (
      5 * Math.sin(i * 0.37 + seed) * Math.cos(j * 0.29 - seed) +
      3 * Math.sin((i + j) * 0.71 + 2 * seed) +
      2 * Math.cos(i * 1.3 - j * 0.9 + seed)
    );
  });
}

describe('traceIsoRings', () => {
  it('outlines a disk around the minimum of a cone, counter-clockwise, with the disk\u2019s area', () => {
    const cone = grid(41, 41, (i, j) => Math.hypot(i - 20, j - 20));
    const rings = traceIsoRings(cone, 15);
    expect(rings).toHaveLength(1);
    expect(flatRingDoubleArea(rings[0])).toBeGreaterThan(0);
    expect(flatRingDoubleArea(rings[0]) / 2).toBeGreaterThan(Math.PI * 225 * 0.99);
    expect(flatRingDoubleArea(rings[0]) / 2).toBeLessThan(Math.PI * 225);
  });

  it('gives an annulus a clockwise hole', () => {
    const annulus = grid(41, 41, (i, j) => Math.abs(Math.hypot(i - 20, j - 20) - 10));
    const polygons = assembleFlatPolygons(traceIsoRings(annulus, 3));
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expect(flatRingDoubleArea(polygons[0][1])).toBeLessThan(0);
    const area = multiPolygonArea(toCoordinates(polygons));
    expect(area).toBeGreaterThan(Math.PI * (13 ** 2 - 7 ** 2) * 0.98);
    expect(area).toBeLessThan(Math.PI * (13 ** 2 - 7 ** 2) * 1.02);
  });

  it('decides saddles by the cell mean and never makes touching rings', () => {
    // A checkerboard of inside/outside samples: every interior cell is a saddle.
    const board = grid(12, 12, (i, j) =>
      i === 0 || j === 0 || i === 11 || j === 11 ? 10 : (i + j) % 2 === 0 ? 0 : 1,
    );
    for (const threshold of [0.4, 0.5, 0.6]) {
      const polygons = assembleFlatPolygons(traceIsoRings(board, threshold));
      expect(multiPolygonProblems(toCoordinates(polygons)), `threshold ${threshold}`).toEqual([]);
    }
    // Mean 0.5 ≤ 0.6 joins the inside samples into one region; 0.4 keeps each apart.
    expect(assembleFlatPolygons(traceIsoRings(board, 0.6))).toHaveLength(1);
    expect(assembleFlatPolygons(traceIsoRings(board, 0.4)).length).toBe(50);
  });

  it('gives valid, nested polygons and bands on a bumpy field', () => {
    for (const seed of [1, 2, 3]) {
      const field = bumpyField(70, 60, seed);
      const thresholds = [-4, -1, 0, 2.5, 6];
      const rings = thresholds.map((threshold) => traceIsoRings(field, threshold));
      const disks = rings.map((levelRings) => toCoordinates(assembleFlatPolygons(levelRings)));
      disks.forEach((disk, k) => {
        expect(multiPolygonProblems(disk), `seed ${seed} level ${thresholds[k]}`).toEqual([]);
        if (k === 0) return;
        const outside =
          disk.length > 0
            ? disks[k - 1]
                .flat(2)
                .filter((vertex) => !disk.some((polygon) => pointInPolygon(vertex, polygon)))
            : [];
        expect(outside, `seed ${seed}: level ${thresholds[k - 1]} inside ${thresholds[k]}`).toEqual([]);
        const band = toCoordinates(assembleFlatPolygons([...rings[k], ...rings[k - 1].map(reverseFlatRing)]));
        expect(multiPolygonProblems(band)).toEqual([]);
        expect(multiPolygonArea(band)).toBeCloseTo(
          multiPolygonArea(disk) - multiPolygonArea(disks[k - 1]),
          6,
        );
      });
      expect(disks[2].length).toBeGreaterThan(1);
      expect(disks[4].flat(1).length).toBeGreaterThan(disks[4].length);
    }
  });

  it('keeps crossing points off samples that equal the threshold', () => {
    const steps = grid(9, 9, (i, j) =>
      i === 0 || j === 0 || i === 8 || j === 8 ? 9 : Math.max(Math.abs(i - 4), Math.abs(j - 4)),
    );
    for (const threshold of [1, 2, 3]) {
      expect(
        multiPolygonProblems(toCoordinates(assembleFlatPolygons(traceIsoRings(steps, threshold)))),
      ).toEqual([]);
    }
  });

  it('requires an outside border', () => {
    expect(() =>
      traceIsoRings(
        grid(5, 5, () => 0),
        1,
      ),
    ).toThrow(/border/);
  });
});
