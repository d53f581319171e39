import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { readConfig, REPOSITORY_ROOT } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { prepareDatabase } from '../../server/src/db/prepare.js';
import { testBackends } from '../support/test-databases.js';

const DEMO_DIRECTORY = path.join(REPOSITORY_ROOT, 'data/geojson/demo');
const LAYER_FILES = {
  streets: 'streets.geojson',
  communities: 'communities.geojson',
  facilities: 'facilities.geojson',
  units: 'units.geojson',
  network: 'network.geojson',
  water: 'water.geojson',
} as const;

interface FeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string | number;
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, any>;
  }[];
}

const readDemoFile = async <T>(file: string) =>
  JSON.parse(await readFile(path.join(DEMO_DIRECTORY, file), 'utf8')) as T;

describe.each(testBackends())('the API on $name PostGIS with the demo region', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: App;
  const getJson = async (url: string) => {
    const response = await app.request(url);
    return {
      status: response.status,
      body: (await response.json()) as any,
      contentType: response.headers.get('content-type'),
    };
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open());
    await prepareDatabase(database, readConfig().seedRegionDirectories, () => undefined);
    app = createApp(database);
  });
  afterAll(async () => dispose?.());

  it('reports health with the database kind and the PostGIS version', async () => {
    const { status, body } = await getJson('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      database: { kind: backend.name, postgis: expect.stringMatching(/^3\.\d+\.\d+/) },
    });
  });

  it('lists the demo region, marked synthetic, with a bbox near 28.28°N 109.72°E', async () => {
    const { status, body } = await getJson('/api/regions');
    expect(status).toBe(200);
    const demo = body.find((region: { id: string }) => region.id === 'demo');
    expect(demo).toMatchObject({ id: 'demo', synthetic: true, name: expect.any(String) });
    const [west, south, east, north] = demo.bbox as number[];
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(west).toBeLessThan(109.72 + 0.1);
    expect(east).toBeGreaterThan(109.72 - 0.1);
    expect(south).toBeLessThan(28.28 + 0.1);
    expect(north).toBeGreaterThan(28.28 - 0.1);
    expect(Object.keys(demo).sort()).toEqual([
      'attribution',
      'bbox',
      'id',
      'metricSrid',
      'name',
      'nameEn',
      'synthetic',
    ]);
  });

  it.each(Object.entries(LAYER_FILES))(
    'serves the %s layer with every feature of its file',
    async (layer, file) => {
      const expected = await readDemoFile<FeatureCollection>(file);
      const { status, body, contentType } = await getJson(`/api/regions/demo/${layer}`);
      expect(status).toBe(200);
      expect(contentType).toMatch(/^application\/geo\+json/);
      const collection = body as FeatureCollection;
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.features).toHaveLength(expected.features.length);
      const served = new Map(collection.features.map((feature) => [String(feature.properties.id), feature]));
      for (const feature of expected.features) {
        const match = served.get(String(feature.properties.id));
        expect(match, `${layer} ${feature.properties.id}`).toBeDefined();
        expect(match!.geometry.type.replace('Multi', '')).toBe(feature.geometry.type.replace('Multi', ''));
      }
    },
  );

  it('gives communities the fields the map needs, with residents equal to the sum of their units', async () => {
    const communities = (await getJson('/api/regions/demo/communities')).body as FeatureCollection;
    const units = (await getJson('/api/regions/demo/units')).body as FeatureCollection;
    const residentsByCommunity = new Map<string, number>();
    for (const unit of units.features) {
      const { communityId, residents } = unit.properties;
      residentsByCommunity.set(communityId, (residentsByCommunity.get(communityId) ?? 0) + residents);
      expect(unit.properties).toEqual(
        expect.objectContaining({ id: expect.any(String), households: expect.any(Number) }),
      );
    }
    for (const { properties } of communities.features) {
      expect(properties).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          type: expect.any(String),
          streetId: expect.any(String),
          streetName: expect.any(String),
          households: expect.any(Number),
        }),
      );
      expect(properties.residents).toBe(residentsByCommunity.get(properties.id));
      expect(properties.areaSquareKilometers).toBeGreaterThan(0);
    }
  });

  it('stores each community as exactly the union of its units, and streets partition nothing twice', async () => {
    const { rows } = await database.query<{ id: string; mismatchSquareMeters: number }>(
      `SELECT c.id, ST_Area(ST_Transform(ST_SymDifference(c.geom, ST_Union(u.geom)), r.metric_srid))::float8 AS "mismatchSquareMeters"
       FROM communities c JOIN regions r ON r.id = c.region_id
       JOIN population_units u ON u.region_id = c.region_id AND u.community_id = c.id
       WHERE c.region_id = 'demo' GROUP BY c.id, c.geom, r.metric_srid`,
    );
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) expect(row.mismatchSquareMeters, row.id).toBeLessThan(1);
    const overlaps = await database.query<{ overlapSquareMeters: number }>(
      `SELECT coalesce(sum(ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 4546))), 0)::float8 AS "overlapSquareMeters"
       FROM communities a JOIN communities b ON a.region_id = b.region_id AND a.id < b.id AND a.geom && b.geom
       WHERE a.region_id = 'demo'`,
    );
    expect(overlaps.rows[0].overlapSquareMeters).toBeLessThan(1);
  });

  it('filters a layer by bbox', async () => {
    const all = (await getJson('/api/regions/demo/facilities')).body as FeatureCollection;
    const region = (await getJson('/api/regions/demo')).body;
    const [west, south, east, north] = region.bbox as number[];
    const half = `${west},${south},${(west + east) / 2},${north}`;
    const { status, body } = await getJson(`/api/regions/demo/facilities?bbox=${half}`);
    expect(status).toBe(200);
    const inWestHalf = all.features.filter(
      (feature) => (feature.geometry.coordinates as number[])[0] <= (west + east) / 2,
    );
    expect(body.features).toHaveLength(inWestHalf.length);
    expect(body.features.length).toBeLessThan(all.features.length);
  });

  it.each([
    ['/api/regions/nowhere', 404, /no region "nowhere"/],
    ['/api/regions/nowhere/communities', 404, /no region "nowhere"/],
    ['/api/regions/demo/parcels', 404, /no such path: GET \/api\/regions\/demo\/parcels/],
    [
      '/api/regions/demo/anything/communities',
      404,
      /no such path: GET \/api\/regions\/demo\/anything\/communities/,
    ],
    ['/api/nothing-here', 404, /no such path/],
    ['/api/regions/DEMO!/communities', 400, /region: is not a region id/],
    ['/api/regions/demo/communities?bbox=1,2,3', 400, /bbox must be "west,south,east,north"/],
    ['/api/regions/demo/communities?bbox=109.8,28.2,109.7,28.3', 400, /bbox must be/],
    ['/api/regions/demo/communities?bbox=a,b,c,d', 400, /bbox must be/],
  ])('answers %s with %i and a JSON error, never a stack trace', async (url, expectedStatus, message) => {
    const { status, body } = await getJson(url);
    expect(status).toBe(expectedStatus);
    // The one error shape: English and Chinese sentences, a catalogue code and its params.
    expect(Object.keys(body).sort()).toEqual(['code', 'error', 'errorZh', 'params']);
    expect(body.errorZh).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error).toMatch(message);
    expect(body.error).not.toMatch(/\n\s+at /);
  });
});
