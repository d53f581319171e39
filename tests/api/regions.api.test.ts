import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { testBackends } from '../support/test-databases.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';

const DEMO_DIRECTORY = path.join(REPOSITORY_ROOT, 'data/geojson/demo');
const JISHOU_DIRECTORY = path.join(REPOSITORY_ROOT, 'data/geojson/jishou-demo');
/** Issue 10's community figures, served by the communities layer. */
const COMMUNITY_FIGURES = [
  'applicationTarget',
  'stationProvenance',
  'activityFloorShare',
  'commercialFloorShare',
  'parkingSpaces',
  'seatKind',
];
/** Seed 000 四、3: the villages that applied for 村改社区, by street or township, with their targets. */
const JISHOU_APPLICANTS: Record<string, Record<string, 'urban' | 'rural'>> = {
  峒河街道: { 望江坳村: 'urban', 上佬村: 'urban', 振武营村: 'urban', 合群村: 'urban' },
  石家冲街道: { 寨阳村: 'urban', 曙光村: 'urban' },
  双塘街道: { 汇祥村: 'urban', 兴田村: 'urban', 联合村: 'urban', 荫上村: 'urban' },
  乾州街道: {
    小庄村: 'urban',
    吉庄村: 'urban',
    大庭村: 'urban',
    树岩桥村: 'urban',
    金坪村: 'urban',
    三岔坪村: 'urban',
    西门口村: 'urban',
  },
  太平镇: { 排吼村: 'rural', 太平村: 'rural' },
  己略乡: { 龙舞村: 'rural' },
  河溪镇: { 马鞍村: 'rural', 阿娜村: 'rural', 张排村: 'rural', 持久村: 'rural' },
};
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

const readDemoFile = async <T>(file: string, directory = DEMO_DIRECTORY) =>
  JSON.parse(await readFile(path.join(directory, file), 'utf8')) as T;

describe.each(testBackends())('the API on $name PostGIS with the demo region', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;
  const getJson = async (url: string) => {
    const response = await app.request(url);
    return {
      status: response.status,
      body: (await response.json()) as any,
      contentType: response.headers.get('content-type'),
    };
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('seeded'));
    app = await createSignedInApp(database);
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
      'dataLoadedAt',
      'id',
      'metricSrid',
      'name',
      'nameEn',
      'profile',
      'synthetic',
    ]);
    expect(demo.profile).toBe('leshan');
    // The data date: when the region was loaded (this suite loaded it moments ago).
    expect(Date.now() - Date.parse(demo.dataLoadedAt)).toBeLessThan(24 * 3600 * 1000);
    expect(demo.dataLoadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('lists both shipped regions, the demo first, each with the standards profile it is judged by', async () => {
    const { body } = await getJson('/api/regions');
    expect(body.map((region: { id: string; profile: string }) => [region.id, region.profile])).toEqual([
      ['demo', 'leshan'],
      ['jishou-demo', 'jishou'],
    ]);
    const { status, body: jishou } = await getJson('/api/regions/jishou-demo');
    expect(status).toBe(200);
    expect(jishou).toMatchObject({
      id: 'jishou-demo',
      name: '吉首市（合成示例）',
      synthetic: true,
      metricSrid: 4546,
      profile: 'jishou',
    });
    const [west, south, east, north] = jishou.bbox as number[];
    expect((west + east) / 2).toBeCloseTo(109.72, 1);
    expect((south + north) / 2).toBeCloseTo(28.27, 1);
  });

  it("serves jishou-demo's 24 applicant villages with their application targets, and issue 10's figures as in the file", async () => {
    const expected = await readDemoFile<FeatureCollection>('communities.geojson', JISHOU_DIRECTORY);
    const { status, body } = await getJson('/api/regions/jishou-demo/communities');
    expect(status).toBe(200);
    const served = (body as FeatureCollection).features.map((feature) => feature.properties);
    expect(served).toHaveLength(40);
    const applicants: Record<string, Record<string, string>> = {};
    for (const community of served.filter((properties) => properties.applicationTarget !== null)) {
      expect(community.type, community.name).toBe('village');
      (applicants[community.streetName] ??= {})[community.name] = community.applicationTarget;
    }
    expect(applicants).toEqual(JISHOU_APPLICANTS);
    const byId = new Map(served.map((properties) => [properties.id, properties]));
    const compared = [
      'type',
      'serviceFloorAreaSquareMeters',
      'staff',
      'developmentProgress',
      'agriculturalLandShare',
      'isTownshipSeat',
      ...COMMUNITY_FIGURES,
    ];
    const pick = (source: Record<string, unknown>) =>
      Object.fromEntries(compared.map((key) => [key, source[key]]));
    for (const { properties } of expected.features) {
      expect(pick(byId.get(properties.id)!), properties.id).toEqual(pick(properties));
    }
    // Some communities give each figure and some do not: both reach the client.
    for (const figure of COMMUNITY_FIGURES) {
      expect(
        served.some((properties) => properties[figure] !== null),
        figure,
      ).toBe(true);
      expect(
        served.some((properties) => properties[figure] === null),
        figure,
      ).toBe(true);
    }
  });

  it("serves the demo's communities with issue 10's figures unknown (its files predate them)", async () => {
    const { body } = await getJson('/api/regions/demo/communities');
    for (const { properties } of (body as FeatureCollection).features) {
      for (const figure of COMMUNITY_FIGURES)
        expect(properties[figure], `${properties.id} ${figure}`).toBeNull();
    }
  });

  it('stores each jishou-demo community as exactly the union of its units, residents summed', async () => {
    const { rows } = await database.query<{
      id: string;
      residents: number;
      unitResidents: number;
      mismatchSquareMeters: number;
    }>(
      `SELECT c.id, c.residents, sum(u.residents)::int AS "unitResidents",
              ST_Area(ST_Transform(ST_SymDifference(c.geom, ST_Union(u.geom)), r.metric_srid))::float8 AS "mismatchSquareMeters"
       FROM communities c JOIN regions r ON r.id = c.region_id
       JOIN population_units u ON u.region_id = c.region_id AND u.community_id = c.id
       WHERE c.region_id = 'jishou-demo' GROUP BY c.id, c.residents, c.geom, r.metric_srid`,
    );
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row.mismatchSquareMeters, row.id).toBeLessThan(1);
      expect(row.unitResidents, row.id).toBe(row.residents);
    }
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
