import { describe, expect, it } from 'vitest';
import { shapefileZip, type ShapefileRecord } from './shapefile-writer.js';

interface Collection {
  features: { geometry: { type: string; coordinates: any } | null; properties: Record<string, unknown> }[];
}

/** shpjs, an independent reader; a variable name keeps TypeScript from wanting its types. */
async function readBack(zip: Uint8Array): Promise<Collection> {
  const shpjsModule = 'shpjs';
  const { default: read } = (await import(shpjsModule)) as {
    default: (zip: ArrayBuffer) => Promise<Collection>;
  };
  return read(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer);
}

/** shpjs passes coordinates through proj4 with the .prj, which may move them by ~1e-15°. */
function expectGeometry(
  actual: { type: string; coordinates: any } | null,
  type: string,
  coordinates: unknown,
) {
  expect(actual?.type).toBe(type);
  const flat = (value: unknown): number[] => (Array.isArray(value) ? value.flatMap(flat) : [value as number]);
  const [got, want] = [flat(actual?.coordinates), flat(coordinates)];
  expect(got).toHaveLength(want.length);
  got.forEach((value, index) => expect(value).toBeCloseTo(want[index], 9));
  expect(JSON.stringify(actual!.coordinates).replace(/[-\d.e]+/g, '0')).toBe(
    JSON.stringify(coordinates).replace(/[-\d.e]+/g, '0'),
  );
}

const fields = [
  { name: 'name', kind: 'text' as const },
  { name: 'value', kind: 'number' as const },
];

describe('shapefileZip', () => {
  it('writes points that read back at their coordinates with their Chinese names', async () => {
    const records: ShapefileRecord[] = [
      { geometry: { type: 'Point', coordinates: [103.76, 29.55] }, values: ['幼儿园', 1] },
      { geometry: { type: 'Point', coordinates: [103.77, 29.56] }, values: ['菜市场', 2.5] },
    ];
    const read = await readBack(shapefileZip('points', fields, records));
    expectGeometry(read.features[0].geometry, 'Point', [103.76, 29.55]);
    expectGeometry(read.features[1].geometry, 'Point', [103.77, 29.56]);
    expect(read.features.map((feature) => [feature.properties.name, feature.properties.value])).toEqual([
      ['幼儿园', 1],
      ['菜市场', 2.5],
    ]);
  });

  it('writes lines and multi-lines as polylines', async () => {
    const line: [number, number][] = [
      [103.7, 29.5],
      [103.71, 29.51],
      [103.72, 29.5],
    ];
    const other: [number, number][] = [
      [103.8, 29.6],
      [103.81, 29.61],
    ];
    const read = await readBack(
      shapefileZip('lines', fields, [
        { geometry: { type: 'LineString', coordinates: line }, values: ['a', 1] },
        { geometry: { type: 'MultiLineString', coordinates: [line, other] }, values: ['b', 2] },
      ]),
    );
    expectGeometry(read.features[0].geometry, 'LineString', line);
    expectGeometry(read.features[1].geometry, 'MultiLineString', [line, other]);
  });

  it('writes multipoints', async () => {
    const points: [number, number][] = [
      [103.7, 29.5],
      [103.71, 29.51],
    ];
    const read = await readBack(
      shapefileZip('multipoints', fields, [
        { geometry: { type: 'MultiPoint', coordinates: points }, values: ['a', 1] },
      ]),
    );
    expectGeometry(read.features[0].geometry, 'MultiPoint', points);
  });

  it('refuses points and polygons in one file, naming the record', () => {
    const square: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(() =>
      shapefileZip('mixed', fields, [
        { geometry: { type: 'Polygon', coordinates: [square] }, values: ['a', 1] },
        { geometry: { type: 'Point', coordinates: [0.5, 0.5] }, values: ['b', 2] },
      ]),
    ).toThrow(/record 1: a Point among other shapes/);
  });
});
