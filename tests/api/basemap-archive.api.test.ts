/**
 * A stored PMTiles base map served as its own file by HTTP Range requests, on both databases: the
 * `pmtiles` package reading it through a source that only ever asks for byte ranges (and insists on
 * 206 answers) finds exactly the tiles the z/x/y route serves; the Range cases of RFC 9110 (a-b, a-,
 * -n, past the end, malformed, several), HEAD, ETag with If-None-Match and If-Range; a file of
 * several 1 MiB chunks read across their seams; and no archive for an MBTiles base map.
 */
import { randomBytes } from 'node:crypto';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tilesCovering } from '../../core/geometry/web-mercator-tiles.js';
import {
  makeBasemapFixtures,
  RASTER_ZOOMS,
  TINY_REGION_BASEMAP_BOUNDS,
  VECTOR_ZOOMS,
  type BasemapFixtures,
} from '../../scripts/fixtures/make-basemap-fixtures.js';
import { writePmtiles } from '../../scripts/fixtures/pmtiles-writer.js';
import type { App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

const MIB = 1024 * 1024;

describe.each(testBackends())('PMTiles archives by range requests on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;
  let fixtures: BasemapFixtures;
  /** A PMTiles file of ~6 MiB: nine z15 tiles of 700 000 random bytes each, spanning chunk seams. */
  let large: Uint8Array;

  /** Every request of this file goes through here. */
  const request = (url: string, init: RequestInit = {}) => app.request(url, init);

  const upload = async (fileName: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await request('/api/regions/tiny/basemaps', { method: 'POST', body: form });
    const body = (await response.json()) as any;
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body;
  };
  const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
  /** Byte-for-byte equality of megabytes (vitest's toEqual walks them one element at a time). */
  const expectSameBytes = (actual: Uint8Array, expected: Uint8Array, what: string) => {
    expect(actual.length, what).toBe(expected.length);
    expect(Buffer.from(actual).equals(Buffer.from(expected)), what).toBe(true);
  };
  const ranged = (url: string, range: string, headers: Record<string, string> = {}) =>
    request(url, { headers: { range, ...headers } });

  /** A PMTiles source that reads only by Range requests to the app and accepts nothing but a 206. */
  class RangeOnlySource implements Source {
    readonly ranges: string[] = [];
    constructor(private readonly url: string) {}
    getKey() {
      return this.url;
    }
    async getBytes(offset: number, length: number): Promise<RangeResponse> {
      const range = `bytes=${offset}-${offset + length - 1}`;
      this.ranges.push(range);
      const response = await ranged(this.url, range);
      const data = await bytesOf(response);
      if (response.status !== 206) throw new Error(`${range} answered ${response.status}`);
      const [, first] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '') ?? [];
      expect(Number(first)).toBe(offset);
      expect(response.headers.get('content-length')).toBe(String(data.length));
      return { data: data.buffer, etag: response.headers.get('etag') ?? undefined };
    }
  }

  /**
   * Every tile position at `zooms` over the fixtures' bounds and a ring of tiles around them, read
   * through the archive by the pmtiles package and from the z/x/y route: both have a tile or neither,
   * and the same bytes. Returns how many tiles were found.
   */
  const expectSameTiles = async (basemap: { archive: string; tiles: string[] }, zooms: readonly number[]) => {
    const source = new RangeOnlySource(basemap.archive);
    const archive = new PMTiles(source);
    let found = 0;
    for (const z of zooms) {
      const inner = tilesCovering(TINY_REGION_BASEMAP_BOUNDS, z);
      const xs = inner.map((tile) => tile.x);
      const ys = inner.map((tile) => tile.y);
      for (let y = Math.min(...ys) - 1; y <= Math.max(...ys) + 1; y += 1) {
        for (let x = Math.min(...xs) - 1; x <= Math.max(...xs) + 1; x += 1) {
          const read = await archive.getZxy(z, x, y);
          const url = basemap.tiles[0]
            .replace('{z}', String(z))
            .replace('{x}', String(x))
            .replace('{y}', String(y));
          const served = await request(url);
          if (!read) {
            expect(served.status, `${z}/${x}/${y}`).toBe(404);
            await served.body?.cancel();
            continue;
          }
          expect(served.status, `${z}/${x}/${y}`).toBe(200);
          expectSameBytes(new Uint8Array(read.data), await bytesOf(served), `${z}/${x}/${y}`);
          found += 1;
        }
      }
    }
    expect(source.ranges.length).toBeGreaterThan(found);
    return found;
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const tiny = tinyRegion('tiny');
    await loadRegion(database, 'test', tiny.meta, tiny.layers);
    app = await createSignedInApp(database);
    fixtures = await makeBasemapFixtures();
    large = writePmtiles({
      tileType: 'jpeg',
      tiles: tilesCovering(TINY_REGION_BASEMAP_BOUNDS, 15).map((tile) => ({
        ...tile,
        data: new Uint8Array(randomBytes(700_000)),
      })),
      bounds: TINY_REGION_BASEMAP_BOUNDS,
      metadata: { name: '大文件' },
    });
  });
  afterAll(async () => dispose?.());

  it('lists an archive URL for a PMTiles base map and none for an MBTiles one', async () => {
    const raster = await upload('ortho.pmtiles', fixtures.rasterPmtiles);
    expect(raster.archive).toBe('/api/regions/tiny/basemaps/ortho/archive.pmtiles');
    const vector = await upload('topo.pmtiles', fixtures.vectorPmtiles);
    expect(vector.archive).toBe('/api/regions/tiny/basemaps/topo/archive.pmtiles');
    const mbtiles = await upload('ortho-mb.mbtiles', fixtures.rasterMbtiles);
    expect(mbtiles).not.toHaveProperty('archive');
    const listed = (await (await request('/api/regions/tiny/basemaps')).json()) as any[];
    expect(Object.fromEntries(listed.map((basemap) => [basemap.id, basemap.archive ?? null]))).toEqual({
      ortho: raster.archive,
      topo: vector.archive,
      'ortho-mb': null,
    });

    const none = await request('/api/regions/tiny/basemaps/ortho-mb/archive.pmtiles');
    expect(none.status).toBe(404);
    const refusal = (await none.json()) as any;
    expect(refusal).toMatchObject({ code: 'basemap.no-archive', params: { basemapId: 'ortho-mb' } });
    expect(refusal.error).toContain('/api/regions/tiny/basemaps/ortho-mb/{z}/{x}/{y}');
    expect(refusal.errorZh).toContain('MBTiles');
    const unknown = await request('/api/regions/tiny/basemaps/nothing/archive.pmtiles');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'basemap.not-found' });
  });

  it('gives the pmtiles package, reading only by ranges, the very tiles the z/x/y route serves', async () => {
    const listed = (await (await request('/api/regions/tiny/basemaps')).json()) as any[];
    const byId = Object.fromEntries(listed.map((basemap) => [basemap.id, basemap]));
    expect(await expectSameTiles(byId.ortho, RASTER_ZOOMS)).toBe(fixtures.rasterTileCount);
    expect(await expectSameTiles(byId.topo, VECTOR_ZOOMS)).toBe(fixtures.vectorTileCount);
    const header = await new PMTiles(new RangeOnlySource(byId.topo.archive)).getMetadata();
    expect(header).toMatchObject({ name: '地形图（测试）' });
  });

  it('answers each form of Range as RFC 9110 says, and the whole file without one', async () => {
    const url = '/api/regions/tiny/basemaps/ortho/archive.pmtiles';
    const file = fixtures.rasterPmtiles;
    const size = file.length;

    const whole = await request(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(whole.headers.get('content-length')).toBe(String(size));
    expect(whole.headers.get('content-range')).toBeNull();
    expect(await bytesOf(whole)).toEqual(file);

    const cases: [string, number, number][] = [
      ['bytes=0-126', 0, 126],
      ['bytes=100-', 100, size - 1],
      ['bytes=-20', size - 20, size - 1],
      ['bytes=5-5', 5, 5],
      // An end past the file, or a suffix longer than it, is cut to the file.
      [`bytes=10-${size + 1000}`, 10, size - 1],
      [`bytes=-${size * 3}`, 0, size - 1],
      [`bytes=${size - 1}-`, size - 1, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const answer = await ranged(url, range);
      expect(answer.status, range).toBe(206);
      expect(answer.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(answer.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(answer.headers.get('accept-ranges'), range).toBe('bytes');
      expect(await bytesOf(answer), range).toEqual(file.subarray(start, end + 1));
    }

    for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, 'bytes=-0']) {
      const refused = await ranged(url, range);
      expect(refused.status, range).toBe(416);
      expect(refused.headers.get('content-range'), range).toBe(`bytes */${size}`);
      const body = (await refused.json()) as any;
      expect(body, range).toMatchObject({
        code: 'basemap.range-not-satisfiable',
        params: { range, basemapId: 'ortho', size },
      });
      expect(body.errorZh, range).toContain(`${size} 字节`);
    }

    // A Range the server may ignore — malformed, reversed, not of bytes, or several — gets the whole file.
    for (const range of ['bytes=9-3', 'bytes=abc', 'items=0-10', 'bytes=0-1,4-5', 'bytes=-']) {
      const answer = await ranged(url, range);
      expect(answer.status, range).toBe(200);
      expect(answer.headers.get('content-range'), range).toBeNull();
      expect((await bytesOf(answer)).length, range).toBe(size);
    }
  });

  it('answers HEAD with the headers alone, and keeps to its ETag', async () => {
    const url = '/api/regions/tiny/basemaps/ortho/archive.pmtiles';
    const size = fixtures.rasterPmtiles.length;
    const head = await request(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(size));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(await head.text()).toBe('');
    const headRange = await request(url, { method: 'HEAD', headers: { range: 'bytes=0-9' } });
    expect(headRange.status).toBe(206);
    expect(headRange.headers.get('content-range')).toBe(`bytes 0-9/${size}`);
    expect(await headRange.text()).toBe('');

    const etag = head.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await ranged(url, 'bytes=0-9')).headers.get('etag')).toBe(etag);
    const notModified = await request(url, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    // If-Range: the range while the ETag still names these bytes, the whole file once it does not.
    const stillSame = await ranged(url, 'bytes=0-9', { 'if-range': etag });
    expect(stillSame.status).toBe(206);
    const changed = await ranged(url, 'bytes=0-9', { 'if-range': '"something-else"' });
    expect(changed.status).toBe(200);
    expect((await bytesOf(changed)).length).toBe(size);

    // Removed and stored again: other bytes may stand behind the same URL, so another ETag.
    expect((await request('/api/regions/tiny/basemaps/ortho', { method: 'DELETE' })).status).toBe(204);
    expect((await request(url)).status).toBe(404);
    await upload('ortho.pmtiles', fixtures.rasterPmtiles);
    const again = await request(url, { method: 'HEAD' });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).not.toBe(etag);
  });

  it('reads a file of several 1 MiB chunks across their seams, and streams it whole', async () => {
    const stored = await upload('large.pmtiles', large);
    expect(large.length).toBeGreaterThan(5 * MIB);
    const url = stored.archive as string;
    const cases: [number, number][] = [
      [MIB - 5, MIB + 4],
      [MIB, MIB],
      [MIB - 1, MIB - 1],
      [100, 3 * MIB + 17],
      [2 * MIB - 3, large.length - 1],
      // Longer than one read from the database (4 MiB).
      [7, 5 * MIB + 9],
    ];
    for (const [start, end] of cases) {
      const answer = await ranged(url, `bytes=${start}-${end}`);
      expect(answer.status).toBe(206);
      expectSameBytes(await bytesOf(answer), large.subarray(start, end + 1), `${start}-${end}`);
    }
    const whole = await request(url);
    expect(whole.status).toBe(200);
    expectSameBytes(await bytesOf(whole), large, 'the whole file');
    expect(await expectSameTiles(stored, [15])).toBe(tilesCovering(TINY_REGION_BASEMAP_BOUNDS, 15).length);
  });
});
