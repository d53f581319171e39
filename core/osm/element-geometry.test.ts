import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import { elementPosition, joinWaysIntoRings, measureArea, multipolygonArea } from './element-geometry.js';
import { documentOf, squareNodes } from './test-documents.js';

describe('joinWaysIntoRings', () => {
  it('joins ways end to end into rings, reversing them where they run the other way', () => {
    expect(
      joinWaysIntoRings([
        [1, 2, 3],
        [1, 4, 3],
        [7, 8, 9, 7],
      ]),
    ).toEqual({
      rings: [
        [1, 2, 3, 4, 1],
        [7, 8, 9, 7],
      ],
      openChains: 0,
    });
  });

  it('counts chains that do not close', () => {
    expect(
      joinWaysIntoRings([
        [1, 2, 3],
        [3, 4],
      ]),
    ).toEqual({ rings: [], openChains: 1 });
  });
});

describe('measureArea', () => {
  it('gives a lattice square its ground area and its centre', () => {
    const square = [
      [117, 28],
      [117.001, 28],
      [117.001, 28.001],
      [117, 28.001],
      [117, 28],
    ] as [number, number][];
    const { areaSquareMeters, centroid } = measureArea({ outer: [square], inner: [] });
    const expected =
      haversineDistanceMeters([117, 28.0005], [117.001, 28.0005]) *
      haversineDistanceMeters([117, 28], [117, 28.001]);
    // Areas are measured on the WGS 84 ellipsoid, haversine on a sphere: they differ by ~0.2 % here.
    expect(Math.abs(areaSquareMeters / expected - 1)).toBeLessThan(4e-3);
    expect(centroid[0]).toBeCloseTo(117.0005, 7);
    expect(centroid[1]).toBeCloseTo(28.0005, 7);
  });

  it('takes holes out', () => {
    const ring = (x: number, y: number, size: number) =>
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ] as [number, number][];
    const solid = measureArea({ outer: [ring(117, 28, 0.003)], inner: [] }).areaSquareMeters;
    const holed = measureArea({
      outer: [ring(117, 28, 0.003)],
      inner: [ring(117.001, 28.001, 0.001)],
    }).areaSquareMeters;
    expect(holed / solid).toBeCloseTo(8 / 9, 3);
  });
});

describe('elementPosition', () => {
  const document = documentOf({
    nodes: [
      [1, 0, 0],
      [2, 4, 0],
      [3, 4, 2],
      [4, 0, 2],
      [5, 10, 10],
      ...squareNodes(10, 20, 20),
      ...squareNodes(20, 22, 20),
    ],
    ways: [
      [100, [1, 2, 3, 4, 1], { leisure: 'park' }],
      [101, [1, 2, 3], { leisure: 'track' }],
      [102, [11, 12, 13], {}],
      [103, [13, 14, 11], {}],
    ],
    relations: [
      [
        200,
        [
          { type: 'way', ref: 102, role: 'outer' },
          { type: 'way', ref: 103, role: 'outer' },
        ],
        { type: 'multipolygon', leisure: 'park' },
      ],
      [
        201,
        [
          { type: 'way', ref: 102, role: 'outer' },
          { type: 'way', ref: 999, role: 'outer' },
        ],
        { type: 'multipolygon' },
      ],
      [202, [], { type: 'route' }],
    ],
  });

  it('puts a node at its position, an area at its centroid and an open way at its middle vertex', () => {
    expect(elementPosition(document, 'node', 5)).toEqual({
      ok: true,
      position: [117.01, 28.01],
      areaSquareMeters: null,
    });
    const area = elementPosition(document, 'way', 100);
    expect(area.ok && area.position[0]).toBeCloseTo(117.002, 7);
    expect(area.ok && area.position[1]).toBeCloseTo(28.001, 7);
    expect(elementPosition(document, 'way', 101)).toMatchObject({ ok: true, position: [117.004, 28] });
    const relation = elementPosition(document, 'relation', 200);
    expect(relation.ok && relation.position[0]).toBeCloseTo(117.0205, 7);
  });

  it('says why a relation has no position', () => {
    expect(elementPosition(document, 'relation', 201)).toEqual({
      ok: false,
      reason: 'member way 999 is missing from the file',
    });
    expect(elementPosition(document, 'relation', 202)).toEqual({
      ok: false,
      reason: 'a type=route relation, not an area',
    });
    expect(multipolygonArea(document, document.relations.get(200)!)).toMatchObject({ ok: true });
  });
});
