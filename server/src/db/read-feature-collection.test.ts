import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FeatureCollectionSplitter,
  FeatureCollectionSyntaxError,
  readFeatureCollection,
} from './read-feature-collection.js';

/** Splits `text` handed over in pieces of `pieceLength` characters; answers the features and the rest. */
function split(text: string, pieceLength: number) {
  const features: { feature: unknown; index: number }[] = [];
  const splitter = new FeatureCollectionSplitter((feature, index) => features.push({ feature, index }));
  for (let start = 0; start < text.length; start += pieceLength)
    splitter.push(text.slice(start, start + pieceLength));
  return { features, rest: splitter.end() };
}

const collection = {
  type: 'FeatureCollection',
  name: 'units [with "brackets", {braces} and \\ escapes]',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  features: [
    {
      type: 'Feature',
      properties: { id: 'u-1', name: '滨江小区 "东" [1]}', tags: ['a', ']', '}'] },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [109.7, 28.2],
            [109.71, 28.2],
            [109.71, 28.21],
            [109.7, 28.2],
          ],
        ],
      },
    },
    { type: 'Feature', properties: { id: 'u-2', note: 'back\\slash \\" quote' }, geometry: null },
    null,
    42,
    'not a feature',
    [1, [2, 3]],
  ],
};

describe('FeatureCollectionSplitter', () => {
  it('hands over every feature in order with its index, whatever the size of the pieces', () => {
    for (const text of [JSON.stringify(collection), JSON.stringify(collection, null, 2)]) {
      for (const pieceLength of [1, 2, 3, 7, 64, text.length]) {
        const { features, rest } = split(text, pieceLength);
        expect(features.map(({ index }) => index)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(features.map(({ feature }) => feature)).toEqual(collection.features);
        expect(rest).toEqual({ ...collection, features: [] });
      }
    }
  });

  it('answers an empty features array and a file with no features key as they are', () => {
    expect(split('{"type":"FeatureCollection","features":[ ]}', 5)).toEqual({
      features: [],
      rest: { type: 'FeatureCollection', features: [] },
    });
    // Only the top-level object's "features" is split: a nested one and a top-level array stay whole.
    const nested = { type: 'Feature', properties: { features: [1, 2] }, geometry: null };
    expect(split(JSON.stringify(nested), 4)).toEqual({ features: [], rest: nested });
    expect(split('[{"type":"Feature"}]', 3)).toEqual({ features: [], rest: [{ type: 'Feature' }] });
  });

  it('refuses text that is not JSON, naming the feature where it can', () => {
    const refusal = (text: string) => {
      try {
        split(text, 3);
      } catch (error) {
        expect(error).toBeInstanceOf(FeatureCollectionSyntaxError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${text}`);
    };
    expect(refusal('{"type":"FeatureCollection","features":[{"type":"Feature"},{"type":Feature}]}')).toMatch(
      /^feature #1: /,
    );
    expect(refusal('{"type":"FeatureCollection","features":[{},]}')).toMatch(
      /unexpected "\]".*after feature #0/,
    );
    expect(refusal('{"type":"FeatureCollection","features":[,{}]}')).toMatch(
      /unexpected "," in the features array before the first feature/,
    );
    expect(refusal('{"type":"FeatureCollection","features":[{}')).toMatch(/ends inside the features array/);
    expect(refusal('{"type":"FeatureCollection","features":[{}]')).toMatch(/unexpected end/);
    expect(refusal('{"type":"FeatureCollection" "features":[]}')).toBeTruthy();
    expect(refusal('{"type":"FeatureCollection","features":[{} {}]}')).toMatch(/^feature #0: /);
    expect(refusal('}')).toMatch(/unexpected "}"/);
  });
});

describe('readFeatureCollection', () => {
  it('reads a file piecewise, multi-byte characters across its pieces included', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-read-features-'));
    try {
      // More than one 1 MiB read of three-byte characters, so some fall across two reads.
      const features = Array.from({ length: 3000 }, (_, k) => ({
        type: 'Feature',
        properties: { id: `u-${k}`, name: `生活圈单元`.repeat(40 + (k % 7)) },
        geometry: { type: 'Point', coordinates: [109.7 + k * 1e-5, 28.2] },
      }));
      const file = path.join(folder, 'units.geojson');
      await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
      const read: unknown[] = [];
      const rest = await readFeatureCollection(file, (feature) => read.push(feature));
      expect(rest).toEqual({ type: 'FeatureCollection', features: [] });
      expect(read).toEqual(features);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
