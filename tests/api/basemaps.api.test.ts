/**
 * Base maps on both databases: PMTiles and MBTiles (raster and vector) made by
 * scripts/fixtures/make-basemap-fixtures.ts are stored with the tiny region, listed, served tile
 * by tile (XYZ: MBTiles' TMS rows flipped), removed; bad files are refused naming the file, in
 * both languages, with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToTile } from '../../core/geometry/web-mercator-tiles.js';
import {
  makeBasemapFixtures,
  RASTER_ZOOMS,
  TINY_REGION_BASEMAP_BOUNDS,
  VECTOR_FIXTURE_LAYERS,
  type BasemapFixtures,
} from '../../scripts/fixtures/make-basemap-fixtures.js';
import { writeMbtiles } from '../../scripts/fixtures/mbtiles-writer.js';
import { solidPng } from '../../scripts/fixtures/png-image.js';
import { parseTileServices } from '../../server/src/basemaps/tile-services.js';
import { createApp, type App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';
import { createSignedInApp, signedIn, type SignedIn } from '../support/sign-in.js';

/** A point inside the tiny region (its cells start at 109.7° E, 28.3° N). */
const INSIDE: [number, number] = [109.7005, 28.3005];

describe.each(testBackends())('base maps on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;
  let fixtures: BasemapFixtures;

  const upload = async (region: string, fileName: string, bytes: Uint8Array, name?: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    if (name) form.append('name', name);
    const response = await app.request(`/api/regions/${region}/basemaps`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as any };
  };
  const list = async (region = 'tiny') =>
    (await (await app.request(`/api/regions/${region}/basemaps`)).json()) as any[];
  const tileCount = async () =>
    Number(
      (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM basemap_tiles WHERE z >= 0'))
        .rows[0].n,
    );

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const tiny = tinyRegion('tiny');
    await loadRegion(database, 'test', tiny.meta, tiny.layers);
    // The same cells moved ~1 000 km north-east: no base map of the tiny region's meets it.
    const far = tinyRegion('far');
    for (const layer of Object.values(far.layers) as { features: { geometry: any; properties: any }[] }[]) {
      const move = (value: unknown): unknown =>
        Array.isArray(value) && typeof value[0] === 'number'
          ? [value[0] + 9, value[1] + 9]
          : Array.isArray(value)
            ? value.map(move)
            : value;
      for (const feature of layer.features) {
        if (feature.geometry) feature.geometry.coordinates = move(feature.geometry.coordinates);
        if (feature.properties.accessPoint)
          feature.properties.accessPoint = move(feature.properties.accessPoint);
      }
    }
    await loadRegion(database, 'test', far.meta, far.layers);
    app = await createSignedInApp(database);
    fixtures = await makeBasemapFixtures();
  });
  afterAll(async () => dispose?.());

  it('lists no base maps until one is added, and none for an unknown region', async () => {
    expect(await list()).toEqual([]);
    const missing = await app.request('/api/regions/nowhere/basemaps');
    expect(missing.status).toBe(404);
  });

  it('stores a raster PMTiles and serves its PNG tiles at z/x/y', async () => {
    const stored = await upload('tiny', 'ortho-2024.pmtiles', fixtures.rasterPmtiles);
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body).toMatchObject({
      id: 'ortho-2024',
      name: '正射影像（测试）',
      format: 'pmtiles',
      kind: 'raster',
      tileType: 'png',
      minzoom: RASTER_ZOOMS[0],
      maxzoom: RASTER_ZOOMS.at(-1),
      tiles: ['/api/regions/tiny/basemaps/ortho-2024/{z}/{x}/{y}'],
      tileCount: fixtures.rasterTileCount,
      attribution: '测试局',
    });
    stored.body.bounds.forEach((value: number, index: number) =>
      expect(value).toBeCloseTo(TINY_REGION_BASEMAP_BOUNDS[index], 6),
    );
    const { x, y } = lonLatToTile(...INSIDE, 15);
    const tile = await app.request(`/api/regions/tiny/basemaps/ortho-2024/15/${x}/${y}`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await tile.arrayBuffer())).toEqual(fixtures.rasterTile);
    // A tile of the world it does not cover is named in the refusal.
    const outside = await app.request(`/api/regions/tiny/basemaps/ortho-2024/15/0/0`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({
      code: 'basemap.no-tile',
      params: { basemapId: 'ortho-2024' },
    });
  });

  it('stores a raster MBTiles with its TMS rows turned into XYZ', async () => {
    const stored = await upload('tiny', 'ortho-mb.mbtiles', fixtures.rasterMbtiles, '2024 年影像');
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body).toMatchObject({
      id: 'ortho-mb',
      name: '2024 年影像',
      format: 'mbtiles',
      kind: 'raster',
    });
    expect(stored.body.tileCount).toBe(fixtures.rasterTileCount);
    const { x, y } = lonLatToTile(...INSIDE, 14);
    const tile = await app.request(`/api/regions/tiny/basemaps/ortho-mb/14/${x}/${y}`);
    expect(tile.status).toBe(200);
    expect(new Uint8Array(await tile.arrayBuffer())).toEqual(fixtures.rasterTile);
    // Read as TMS (unflipped) the row would be on the other side of the equator: nothing there.
    const tmsRow = 2 ** 14 - 1 - y;
    expect((await app.request(`/api/regions/tiny/basemaps/ortho-mb/14/${x}/${tmsRow}`)).status).toBe(404);
  });

  it.each([
    ['vector.pmtiles', 'pmtiles'],
    ['vector.mbtiles', 'mbtiles'],
  ] as const)('stores a vector %s and serves its tiles uncompressed', async (fileName, format) => {
    const bytes = format === 'pmtiles' ? fixtures.vectorPmtiles : fixtures.vectorMbtiles;
    const stored = await upload('tiny', `topo-${format}.${format}`, bytes);
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body).toMatchObject({
      format,
      kind: 'vector',
      tileType: 'mvt',
      vectorLayers: [...VECTOR_FIXTURE_LAYERS],
      tileCount: fixtures.vectorTileCount,
    });
    const { x, y } = lonLatToTile(...INSIDE, 13);
    const tile = await app.request(`/api/regions/tiny/basemaps/${stored.body.id}/13/${x}/${y}`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const bytesOfTile = new Uint8Array(await tile.arrayBuffer());
    expect(bytesOfTile[0]).toBe(0x1a); // field 3 (a layer), length-delimited: not gzip
    expect(new TextDecoder().decode(bytesOfTile)).toContain('landcover');
  });

  it('lists every stored base map in the order added, with tile URLs the app serves', async () => {
    const basemaps = await list();
    expect(basemaps.map((basemap) => basemap.id)).toEqual([
      'ortho-2024',
      'ortho-mb',
      'topo-pmtiles',
      'topo-mbtiles',
    ]);
    for (const basemap of basemaps) {
      expect(basemap.tiles).toEqual([`/api/regions/tiny/basemaps/${basemap.id}/{z}/{x}/{y}`]);
    }
  });

  it('names a file under a Chinese name by its format, and refuses an id taken', async () => {
    const first = await upload('tiny', '影像.pmtiles', fixtures.rasterPmtiles);
    expect(first.status).toBe(201);
    expect(first.body.id).toBe('pmtiles-1');
    const again = await upload('tiny', 'ortho-2024.pmtiles', fixtures.rasterPmtiles);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'basemap.exists', params: { basemapId: 'ortho-2024' } });
    expect(again.body.errorZh).toContain('已有底图');
  });

  it('removes a base map with its tiles', async () => {
    const before = await tileCount();
    const removed = await app.request('/api/regions/tiny/basemaps/pmtiles-1', { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await tileCount()).toBe(before - fixtures.rasterTileCount);
    expect((await list()).map((basemap) => basemap.id)).not.toContain('pmtiles-1');
    const again = await app.request('/api/regions/tiny/basemaps/pmtiles-1', { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  describe('refuses bad files, naming them in both languages, storing nothing', () => {
    const truncated = () => fixtures.rasterPmtiles.slice(0, 200);
    const wrongVersion = () => {
      const copy = fixtures.rasterPmtiles.slice();
      copy[7] = 2;
      return copy;
    };
    const cases: [string, () => Uint8Array | Promise<Uint8Array>, number, string, RegExp][] = [
      [
        'roads.geojson',
        () => new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
        400,
        'basemap.not-tiles',
        /neither a PMTiles nor an MBTiles/,
      ],
      ['cut.pmtiles', truncated, 400, 'basemap.corrupt', /outside the file's 200 bytes|beyond the end/],
      ['old.pmtiles', wrongVersion, 400, 'basemap.corrupt', /version 2/],
      [
        'header-only.pmtiles',
        () => fixtures.rasterPmtiles.slice(0, 60),
        400,
        'basemap.corrupt',
        /127-byte header/,
      ],
      [
        'broken.mbtiles',
        () => {
          const copy = fixtures.rasterMbtiles.slice(0, 4096);
          copy.fill(0x55, 100);
          return copy;
        },
        400,
        'basemap.corrupt',
        /MBTiles/,
      ],
      [
        'terrain.pmtiles',
        () => {
          const copy = fixtures.rasterPmtiles.slice();
          copy[99] = 5; // AVIF
          return copy;
        },
        400,
        'basemap.unknown-tile-type',
        /"avif"/,
      ],
    ];
    it.each(cases)('%s', async (fileName, bytes, status, code, english) => {
      const before = (await list()).length;
      const refused = await upload('tiny', fileName, await bytes());
      expect(refused.status).toBe(status);
      expect(refused.body.code).toBe(code);
      expect(refused.body.error).toMatch(english);
      expect(refused.body.error).toContain(fileName);
      expect(refused.body.errorZh).toContain(fileName);
      expect(refused.body.errorZh).toMatch(/[\u4e00-\u9fff]/);
      expect((await list()).length).toBe(before);
    });

    it('an MBTiles of tiles of an unknown format', async () => {
      const bytes = await writeMbtiles({
        format: 'png',
        tiles: [{ z: 14, x: 1, y: 1, data: solidPng([1, 2, 3], 4) }],
        metadata: { name: 'elevation', bounds: TINY_REGION_BASEMAP_BOUNDS.join(',') },
      });
      // Rewrite its format to one no map draws (the writer always writes its own `format` row last).
      const text = new TextDecoder('latin1').decode(bytes);
      const at = text.lastIndexOf('formatpng');
      expect(at).toBeGreaterThan(0);
      const copy = bytes.slice();
      copy.set(new TextEncoder().encode('formatxyz'), at);
      const refused = await upload('tiny', 'elevation.mbtiles', copy);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'basemap.unknown-tile-type', params: { tileType: 'xyz' } });
    });

    it('a base map that does not meet the region', async () => {
      const refused = await upload('far', 'ortho-2024.pmtiles', fixtures.rasterPmtiles);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('basemap.outside-region');
      expect(refused.body.error).toMatch(/does not meet region "far"/);
      expect(await list('far')).toEqual([]);
    });

    it('a file over the limit, by its length, before reading it', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(fixtures.rasterPmtiles)]), 'huge.pmtiles');
      // One envelope, its boundary and its bytes, sent claiming 300 MB: refused on the length alone.
      const envelope = new Response(form);
      const contentType = envelope.headers.get('content-type')!;
      const body = new Uint8Array(await envelope.arrayBuffer());
      const refused = await app.request('/api/regions/tiny/basemaps', {
        method: 'POST',
        body,
        headers: { 'content-type': contentType, 'content-length': String(300 * 1024 * 1024) },
      });
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as any).errorZh).toContain('256 MB');
    });

    it('an upload without a file', async () => {
      const form = new FormData();
      form.append('name', 'nothing');
      const refused = await app.request('/api/regions/tiny/basemaps', { method: 'POST', body: form });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as any).code).toBe('basemap.no-file');
    });
  });

  it('lists the configured tile services after the region’s own, and none unless configured', async () => {
    const services = parseTileServices(
      JSON.stringify([
        {
          id: 'tianditu-img',
          name: '天地图影像',
          tiles: ['https://t0.tianditu.gov.cn/img_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY'],
          maxzoom: 18,
          attribution: '天地图',
          gcj02: false,
        },
      ]),
    );
    // Another app on the same database: the suite's session is good there too.
    const configured = signedIn(createApp(database, { tileServices: services }), app.credentials);
    const basemaps = (await (await configured.request('/api/regions/tiny/basemaps')).json()) as any[];
    expect(basemaps.at(-1)).toMatchObject({
      id: 'tianditu-img',
      format: 'xyz',
      kind: 'raster',
      tileType: null,
    });
    expect(basemaps.slice(0, -1).every((basemap) => basemap.format !== 'xyz')).toBe(true);
    expect((await list()).some((basemap) => basemap.format === 'xyz')).toBe(false);
  });
});

describe('configured tile services', () => {
  it('refuses a GCJ-02 service, saying why in both languages', () => {
    const gcj = JSON.stringify([
      {
        id: 'amap',
        name: '高德',
        tiles: ['https://wprd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}'],
        gcj02: true,
      },
    ]);
    expect(() => parseTileServices(gcj)).toThrow(/"amap" is marked gcj02.*100–700 m.*火星坐标/s);
  });

  it('refuses a template without {z}/{x}/{y} and a service not marked either way', () => {
    expect(() =>
      parseTileServices(
        JSON.stringify([{ id: 'a', name: 'A', tiles: ['https://example.org/tiles'], gcj02: false }]),
      ),
    ).toThrow(/LIFECIRCLE_TILE_SERVICES\[0\.tiles\.0\]: must hold \{z\}, \{x\} and \{y\}/);
    expect(() =>
      parseTileServices(
        JSON.stringify([{ id: 'a', name: 'A', tiles: ['https://example.org/{z}/{x}/{y}.png'] }]),
      ),
    ).toThrow(/LIFECIRCLE_TILE_SERVICES\[0\.gcj02\]/);
    expect(parseTileServices(undefined)).toEqual([]);
  });
});
