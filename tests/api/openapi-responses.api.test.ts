import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LIVE_EVENT_SCHEMAS } from '../../contract/events.js';
import type { HttpMethod, OperationSpec } from '../../contract/operation.js';
import { operationsOf, type App } from '../../server/src/app.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { documentedAnswerSchema } from '../../server/src/openapi/openapi-document.js';
import {
  createSignedInApp,
  signedIn,
  signIn,
  testPassword,
  withCredentials,
  type RequestTarget,
  type SignedIn,
} from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';
import { lonLatToTile } from '../../core/geometry/web-mercator-tiles.js';
import { makeBasemapFixtures } from '../../scripts/fixtures/make-basemap-fixtures.js';

const FIXTURES = path.join(REPOSITORY_ROOT, 'tests/fixtures/import');

/** The operations the app serves (the contract's), filled in once the app exists. */
let served: readonly OperationSpec[] = [];

/** The served operation of a method and a Hono path, as the contract declares it. */
function operation(method: HttpMethod, honoPath: string): OperationSpec {
  const found = served.find((spec) => spec.method === method && spec.path === honoPath);
  if (!found) throw new Error(`no operation ${method.toUpperCase()} ${honoPath} is served`);
  return found;
}

/** What a parsed answer left for further checks: its status, media type and the body as parsed by its schema. */
interface CheckedAnswer {
  status: number;
  contentType: string;
  body: any;
  schema: z.ZodType;
}

/**
 * Fails unless `schema` refuses `body` with the field at `path` removed: a required field of the
 * documented schema is really required (a schema that accepts anything would pass every answer).
 */
function expectRequired(schema: z.ZodType, body: unknown, fieldPath: (string | number)[]) {
  const copy = structuredClone(body) as any;
  const parent = fieldPath.slice(0, -1).reduce((node, key) => node[key], copy);
  const key = fieldPath.at(-1)!;
  expect(parent, `nothing at ${fieldPath.join('.')}`).toBeTypeOf('object');
  expect(key in parent, `no field ${fieldPath.join('.')} to remove`).toBe(true);
  delete parent[key];
  expect(schema.safeParse(copy).success, `the schema accepts the answer without ${fieldPath.join('.')}`).toBe(
    false,
  );
}

describe.each(testBackends())('real answers match the documented zod schemas on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;
  /** `METHOD path status` of every answer checked, for the summary test at the end. */
  const checked = new Set<string>();

  /**
   * Calls the app and checks the answer against what the document says of that operation: its status
   * is documented, its content type is one the document lists for that status, and its body parses
   * with the very zod schema the document was generated from (documentedAnswerSchema). Requests are
   * the signed-in administrator's unless `as` says who sends them.
   */
  const call = async (
    method: HttpMethod,
    honoPath: string,
    url: string,
    options: { json?: unknown; form?: FormData; expectStatus: number; as?: RequestTarget },
  ): Promise<CheckedAnswer> => {
    const init: RequestInit = { method: method.toUpperCase() };
    if (options.json !== undefined) {
      init.body = JSON.stringify(options.json);
      init.headers = { 'content-type': 'application/json' };
    } else if (options.form) {
      init.body = options.form;
    }
    const response = await (options.as ?? app).request(url, init);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    const text = await response.text();
    const label = `${method.toUpperCase()} ${url} → ${response.status} ${contentType}`;
    expect(response.status, `${label}: ${text.slice(0, 300)}`).toBe(options.expectStatus);
    const spec = operation(method, honoPath);
    if (response.status === 204) {
      expect(spec.response.status, label).toBe(204);
      expect(text, label).toBe('');
      checked.add(`${method} ${honoPath} 204`);
      return { status: 204, contentType, body: null, schema: z.null() };
    }
    const schema = documentedAnswerSchema(spec, response.status, contentType);
    if (!schema) throw new Error(`${label}: the document lists no such answer for ${method} ${honoPath}`);
    const body: unknown = /json$/.test(contentType) ? JSON.parse(text) : text;
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new Error(`${label} does not match its documented schema:\n${z.prettifyError(parsed.error)}`);
    checked.add(`${method} ${honoPath} ${response.status}`);
    return { status: response.status, contentType, body, schema };
  };

  const form = async (file: { name: string; bytes: Uint8Array } | null, fields: Record<string, string>) => {
    const data = new FormData();
    if (file) data.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const tiny = tinyRegion('tiny');
    await loadRegion(database, 'test', tiny.meta, tiny.layers);
    // The same region without a walking network: accessibility answers 409 there.
    const stranded = tinyRegion('tiny-no-network');
    stranded.layers.network.features = [];
    await loadRegion(database, 'test', stranded.meta, stranded.layers);
    app = await createSignedInApp(database);
    served = operationsOf(app.unsigned);
  });
  afterAll(async () => dispose?.());

  it('health, the regions, one region and each of its layers', async () => {
    const health = await call('get', '/api/health', '/api/health', { expectStatus: 200 });
    expect(health.body.database.kind).toBe(backend.name);

    const regions = await call('get', '/api/regions', '/api/regions', { expectStatus: 200 });
    expect(regions.body.map((region: { id: string }) => region.id).sort()).toEqual([
      'tiny',
      'tiny-no-network',
    ]);
    expectRequired(regions.schema, regions.body, [0, 'bbox']);
    expectRequired(regions.schema, regions.body, [0, 'metricSrid']);

    const region = await call('get', '/api/regions/:region', '/api/regions/tiny', { expectStatus: 200 });
    expect(region.body.metricSrid).toBe(4546);
    // A region made without a profile is judged nationally until one is stored.
    expect(region.body.profile).toBe('national');
    const stored = await call('patch', '/api/regions/:region', '/api/regions/tiny', {
      json: { profile: 'kaili' },
      expectStatus: 200,
    });
    expect(stored.body.profile).toBe('kaili');
    await call('patch', '/api/regions/:region', '/api/regions/tiny', {
      json: { profile: 'paris' },
      expectStatus: 400,
    });
    await call('patch', '/api/regions/:region', '/api/regions/nowhere', {
      json: { profile: 'kaili' },
      expectStatus: 404,
    });
    await call('patch', '/api/regions/:region', '/api/regions/tiny', {
      json: { profile: 'national' },
      expectStatus: 200,
    });

    const profiles = await call('get', '/api/profiles', '/api/profiles', { expectStatus: 200 });
    expect(profiles.body.map((profile: { id: string }) => profile.id)).toEqual([
      'national',
      'jishou',
      'kaili',
      'leshan',
      'linjiang',
      'qujing',
    ]);

    const layerRoute = operation(
      'get',
      '/api/regions/:region/:layer{(?:streets|communities|facilities|units|network|water)}',
    ).path;
    const counts: Record<string, number> = {};
    for (const layer of ['streets', 'communities', 'units', 'facilities', 'network', 'water']) {
      const answer = await call('get', layerRoute, `/api/regions/tiny/${layer}`, { expectStatus: 200 });
      expect(answer.contentType).toBe('application/geo+json');
      counts[layer] = answer.body.features.length;
    }
    expect(counts).toEqual({ streets: 1, communities: 2, units: 4, facilities: 2, network: 12, water: 1 });
    const units = await call('get', layerRoute, '/api/regions/tiny/units', { expectStatus: 200 });
    // Every layer's properties are required: a unit without residents matches no layer.
    expectRequired(units.schema, units.body, ['features', 0, 'properties', 'residents']);
    expectRequired(units.schema, units.body, ['features', 0, 'properties', 'accessPoint']);

    const document = await call('get', '/api/openapi.json', '/api/openapi.json', { expectStatus: 200 });
    expect(Object.keys(document.body.paths).length).toBeGreaterThan(20);
    const page = await call('get', '/api/docs', '/api/docs', { expectStatus: 200 });
    expect(page.contentType).toBe('text/html');
  });

  it('isochrones, travel times, coverage and heat maps of both kinds and formats', async () => {
    const isochrones = await call('post', '/api/regions/:region/isochrones', '/api/regions/tiny/isochrones', {
      json: { origins: [[109.7005, 28.3005]], minutes: [2, 5] },
      expectStatus: 200,
    });
    expect(isochrones.body.features.map((feature: any) => feature.properties.minutes)).toEqual([2, 5]);
    expect(isochrones.body.features.at(-1).properties.residents).toBeGreaterThan(0);
    expectRequired(isochrones.schema, isochrones.body, ['features', 0, 'properties', 'residents']);
    expectRequired(isochrones.schema, isochrones.body, ['origins']);

    const radii = await call('post', '/api/regions/:region/isochrones', '/api/regions/tiny/isochrones', {
      json: { facilityIds: ['f-1'], minutes: [5], method: 'radius', mode: 'disks' },
      expectStatus: 200,
    });
    expect(radii.body.features[0].properties.radiusMeters).toBeGreaterThan(0);

    const travel = await call('post', '/api/regions/:region/travel-times', '/api/regions/tiny/travel-times', {
      json: { from: { node: 0 }, maxSeconds: 600 },
      expectStatus: 200,
    });
    expect(travel.body.seconds['0']).toBe(0);
    expect(Object.keys(travel.body.seconds)).toHaveLength(9);

    const coverage = await call('get', '/api/regions/:region/coverage', '/api/regions/tiny/coverage', {
      expectStatus: 200,
    });
    expect(coverage.body.region.residents).toBe(1000);
    expect(coverage.body.communities.map((community: { id: string }) => community.id).sort()).toEqual([
      'c-east',
      'c-west',
    ]);
    expectRequired(coverage.schema, coverage.body, ['region', 'categories', 0, 'coveredShare']);

    const heatmapPath = '/api/regions/:region/heatmap';
    const travelGrid = await call(
      'get',
      heatmapPath,
      '/api/regions/tiny/heatmap?category=kindergarten&cellMeters=50',
      {
        expectStatus: 200,
      },
    );
    expect(travelGrid.body.values).toHaveLength(travelGrid.body.columns * travelGrid.body.rows);
    expectRequired(travelGrid.schema, travelGrid.body, ['values']);
    const completeness = await call(
      'get',
      heatmapPath,
      '/api/regions/tiny/heatmap?kind=completeness&cellMeters=50',
      {
        expectStatus: 200,
      },
    );
    expect(completeness.body).toMatchObject({ kind: 'completeness', category: null });
    const cells = await call(
      'get',
      heatmapPath,
      '/api/regions/tiny/heatmap?category=kindergarten&cellMeters=50&format=geojson',
      {
        expectStatus: 200,
      },
    );
    expect(cells.body.features.length).toBeGreaterThan(0);
    expectRequired(cells.schema, cells.body, ['features', 0, 'properties', 'minutes']);
    await call(
      'get',
      heatmapPath,
      '/api/regions/tiny/heatmap?kind=completeness&cellMeters=50&format=geojson',
      {
        expectStatus: 200,
      },
    );
  });

  it('exports in every format with the documented content types', async () => {
    const layerExport = operation(
      'get',
      '/api/regions/:region/:layer{(?:streets|communities|facilities|units|network|water)}/export',
    ).path;
    const communities = await call(
      'get',
      layerExport,
      '/api/regions/tiny/communities/export?format=geojson',
      { expectStatus: 200 },
    );
    expect(communities.contentType).toBe('application/geo+json');
    expect(communities.body.features).toHaveLength(2);
    expectRequired(communities.schema, communities.body, ['features', 0, 'properties', 'residents']);
    const facilities = await call('get', layerExport, '/api/regions/tiny/facilities/export?format=geojson', {
      expectStatus: 200,
    });
    expect(facilities.body.features).toHaveLength(2);
    const csv = await call('get', layerExport, '/api/regions/tiny/units/export?format=csv', {
      expectStatus: 200,
    });
    expect(csv.contentType).toBe('text/csv');
    expect(csv.body.split(/\r?\n/).filter(Boolean)).toHaveLength(5);
    const zip = await call('get', layerExport, '/api/regions/tiny/water/export?format=shapefile', {
      expectStatus: 200,
    });
    expect(zip.contentType).toBe('application/zip');

    const body = { origins: [[109.7005, 28.3005]], minutes: [5] };
    const isochrones = await call(
      'post',
      '/api/regions/:region/isochrones/export',
      '/api/regions/tiny/isochrones/export?format=geojson',
      {
        json: body,
        expectStatus: 200,
      },
    );
    expect(isochrones.body.features).toHaveLength(1);
    await call(
      'post',
      '/api/regions/:region/isochrones/export',
      '/api/regions/tiny/isochrones/export?format=csv',
      {
        json: body,
        expectStatus: 200,
      },
    );
    const coverage = await call(
      'get',
      '/api/regions/:region/coverage/export',
      '/api/regions/tiny/coverage/export?format=geojson',
      {
        expectStatus: 200,
      },
    );
    expect(Object.keys(coverage.body.features[0].properties)).toEqual(
      expect.arrayContaining(['residents', 'coveredShare.kindergarten']),
    );
    await call(
      'get',
      '/api/regions/:region/heatmap/export',
      '/api/regions/tiny/heatmap/export?category=kindergarten&cellMeters=50&format=geojson',
      {
        expectStatus: 200,
      },
    );
    await call(
      'get',
      '/api/regions/:region/scenarios/baseline/export',
      '/api/regions/tiny/scenarios/baseline/export?format=geojson',
      {
        expectStatus: 200,
      },
    );
  });

  it('scenarios: created, listed, edited, read, compared, advised on and deleted', async () => {
    const region = (suffix: string) => `/api/regions/:region/${suffix}`;
    const empty = await call('get', region('scenarios'), '/api/regions/tiny/scenarios', {
      expectStatus: 200,
    });
    expect(empty.body).toEqual([]);
    const created = await call('post', region('scenarios'), '/api/regions/tiny/scenarios', {
      json: { name: '方案一' },
      expectStatus: 201,
    });
    expect(created.body).toMatchObject({ regionId: 'tiny', name: '方案一', basedOn: 'baseline', version: 1 });
    expectRequired(created.schema, created.body, ['version']);
    const id = created.body.id as string;
    const listed = await call('get', region('scenarios'), '/api/regions/tiny/scenarios', {
      expectStatus: 200,
    });
    expect(listed.body.map((scenario: { id: string }) => scenario.id)).toEqual([id]);

    const baseline = await call('get', region('scenarios/baseline'), '/api/regions/tiny/scenarios/baseline', {
      expectStatus: 200,
    });
    expect(baseline.body).toMatchObject({ communityCount: 2, unitCount: 4 });
    const adjacency = await call('get', region('unit-adjacency'), '/api/regions/tiny/unit-adjacency', {
      expectStatus: 200,
    });
    expect(adjacency.body.unitIds).toEqual(['u-1', 'u-2', 'u-3', 'u-4']);
    await call('get', region('scenarios/baseline/state'), '/api/regions/tiny/scenarios/baseline/state', {
      expectStatus: 200,
    });
    const baselineCommunities = await call(
      'get',
      region('scenarios/baseline/communities'),
      '/api/regions/tiny/scenarios/baseline/communities',
      {
        expectStatus: 200,
      },
    );
    expect(baselineCommunities.contentType).toBe('application/geo+json');
    expectRequired(baselineCommunities.schema, baselineCommunities.body, [
      'features',
      0,
      'properties',
      'rules',
      0,
      'status',
    ]);
    await call(
      'get',
      region('scenarios/baseline/village-candidates'),
      '/api/regions/tiny/scenarios/baseline/village-candidates',
      {
        expectStatus: 200,
      },
    );
    await call(
      'get',
      region('scenarios/baseline/relocation-advice'),
      '/api/regions/tiny/scenarios/baseline/relocation-advice',
      {
        expectStatus: 200,
      },
    );

    // A village that may convert and a relocation community below its band, so the advice has entries.
    const saved = await call('patch', '/api/scenarios/:id', `/api/scenarios/${id}`, {
      json: {
        version: 1,
        edits: [
          {
            op: 'update',
            communityId: 'c-west',
            changes: { type: 'village', agriculturalLandShare: 0.2, developmentProgress: 0.8 },
          },
          { op: 'update', communityId: 'c-east', changes: { type: 'relocation' } },
        ],
      },
      expectStatus: 200,
    });
    expect(saved.body.version).toBe(2);
    const stale = await call('patch', '/api/scenarios/:id', `/api/scenarios/${id}`, {
      json: { version: 1, name: '旧版本' },
      expectStatus: 409,
    });
    expect(stale.body.currentVersion).toBe(2);
    expectRequired(stale.schema, stale.body, ['currentVersion']);

    const detail = await call('get', '/api/scenarios/:id', `/api/scenarios/${id}`, { expectStatus: 200 });
    expect(detail.body.edits.map((entry: { version: number }) => entry.version)).toEqual([2]);
    const state = await call('get', '/api/scenarios/:id/state', `/api/scenarios/${id}/state`, {
      expectStatus: 200,
    });
    expect(state.body.assignment).toHaveLength(4);
    await call('get', '/api/scenarios/:id/communities', `/api/scenarios/${id}/communities`, {
      expectStatus: 200,
    });
    const comparison = await call('get', '/api/scenarios/:id/compare', `/api/scenarios/${id}/compare`, {
      expectStatus: 200,
    });
    expect(comparison.body.movedUnits).toEqual([]);
    const villages = await call(
      'get',
      '/api/scenarios/:id/village-candidates',
      `/api/scenarios/${id}/village-candidates`,
      {
        expectStatus: 200,
      },
    );
    expect(villages.body.villages.map((village: { communityId: string }) => village.communityId)).toEqual([
      'c-west',
    ]);
    expectRequired(villages.schema, villages.body, ['villages', 0, 'gaps', 'summary']);
    const advice = await call(
      'get',
      '/api/scenarios/:id/relocation-advice',
      // The tiny region is judged nationally by default; Leshan's profile has the relocation band.
      `/api/scenarios/${id}/relocation-advice?profile=leshan`,
      {
        expectStatus: 200,
      },
    );
    const east = advice.body.communities.find(
      (community: { communityId: string }) => community.communityId === 'c-east',
    );
    expect(east.status).toBe('merge');
    expect(east.merge.candidates.map((candidate: { communityId: string }) => candidate.communityId)).toEqual([
      'c-west',
    ]);
    const exported = await call(
      'get',
      '/api/scenarios/:id/export',
      `/api/scenarios/${id}/export?format=geojson`,
      { expectStatus: 200 },
    );
    expect(exported.body.features).toHaveLength(2);

    // Its versions, one of them as it was, restored as a new version.
    const versions = await call('get', '/api/scenarios/:id/versions', `/api/scenarios/${id}/versions`, {
      expectStatus: 200,
    });
    expect(versions.body.versions.map((entry: { version: number }) => entry.version)).toEqual([2, 1]);
    const first = await call(
      'get',
      '/api/scenarios/:id/versions/:version/state',
      `/api/scenarios/${id}/versions/1/state`,
      { expectStatus: 200 },
    );
    expect(first.body.version).toBe(1);
    const restored = await call(
      'post',
      '/api/scenarios/:id/versions/:version/restore',
      `/api/scenarios/${id}/versions/1/restore`,
      { json: { version: 2 }, expectStatus: 200 },
    );
    expect(restored.body.version).toBe(3);

    // Its review: submitted, then returned with a comment (a returned scenario may be deleted).
    const submitted = await call('post', '/api/scenarios/:id/submit', `/api/scenarios/${id}/submit`, {
      json: { version: 3 },
      expectStatus: 200,
    });
    expect(submitted.body).toMatchObject({ reviewState: 'submitted', lastReview: { action: 'submit' } });
    const returned = await call('post', '/api/scenarios/:id/decision', `/api/scenarios/${id}/decision`, {
      json: { version: 3, decision: 'return', comment: '请补充说明' },
      expectStatus: 200,
    });
    expect(returned.body).toMatchObject({ reviewState: 'returned', lastReview: { comment: '请补充说明' } });

    await call('delete', '/api/scenarios/:id', `/api/scenarios/${id}`, { expectStatus: 204 });
    await call('get', '/api/scenarios/:id', `/api/scenarios/${id}`, { expectStatus: 404 });
  });

  it('scenario facilities and paths, their analyses, service areas, siting and the compare export', async () => {
    const created = await call('post', '/api/regions/:region/scenarios', '/api/regions/tiny/scenarios', {
      json: { name: '设施与道路' },
      expectStatus: 201,
    });
    const id = created.body.id as string;
    const scenario = (suffix: string, query = '') =>
      [`/api/scenarios/:id/${suffix}`, `/api/scenarios/${id}/${suffix}${query}`] as const;
    await call('patch', '/api/scenarios/:id', `/api/scenarios/${id}`, {
      json: {
        version: 1,
        edits: [
          {
            op: 'add-facility',
            facility: {
              id: 'f-3',
              name: '西幼儿园',
              category: 'kindergarten',
              position: [109.7005, 28.3005],
              capacity: 90,
            },
          },
          { op: 'move-facility', facilityId: 'f-1', position: [109.7006, 28.3006] },
          {
            op: 'add-path',
            id: 'p-1',
            line: {
              type: 'LineString',
              coordinates: [
                [109.7005, 28.3],
                [109.7005, 28.302],
              ],
            },
          },
          { op: 'close-path', edgeIds: [0] },
        ],
      },
      expectStatus: 200,
    });
    const facilities = await call('get', ...scenario('facilities'), { expectStatus: 200 });
    expect(facilities.body.features.map((feature: { id: string }) => feature.id)).toEqual([
      'f-1',
      'f-2',
      'f-3',
    ]);
    expectRequired(facilities.schema, facilities.body, ['features', 0, 'properties', 'change']);
    const reach = await call('get', ...scenario('reach'), { expectStatus: 200 });
    expect(reach.body.facilities.map((facility: { id: string }) => facility.id)).toEqual([
      'f-1',
      'f-2',
      'f-3',
    ]);
    const paths = await call('get', ...scenario('paths'), { expectStatus: 200 });
    expect(paths.body.features.map((feature: { id: string | number }) => feature.id)).toEqual(['p-1', 0]);
    await call('post', ...scenario('isochrones'), {
      json: { facilityIds: ['f-3'], minutes: [3] },
      expectStatus: 200,
    });
    const travel = await call('post', ...scenario('travel-times'), {
      json: { from: { node: 0 }, maxSeconds: 600 },
      expectStatus: 200,
    });
    expect(Object.keys(travel.body.seconds).length).toBeGreaterThan(9);
    const coverage = await call('get', ...scenario('coverage'), { expectStatus: 200 });
    expect(coverage.body.region.residents).toBe(1000);
    await call('get', ...scenario('heatmap', '?category=kindergarten&cellMeters=50'), { expectStatus: 200 });
    await call('get', '/api/scenarios/:id/heatmap', '/api/scenarios/baseline/heatmap?category=park', {
      expectStatus: 400,
    });

    const areas = await call(
      'get',
      '/api/regions/:region/service-areas',
      '/api/regions/tiny/service-areas?category=kindergarten',
      {
        expectStatus: 200,
      },
    );
    expect(areas.body.features.map((feature: { id: string }) => feature.id)).toEqual(['f-2']);
    expectRequired(areas.schema, areas.body, ['features', 0, 'properties', 'load']);
    const scenarioAreas = await call('get', ...scenario('service-areas', '?category=kindergarten'), {
      expectStatus: 200,
    });
    expect(scenarioAreas.body.features).toHaveLength(2);
    await call(
      'get',
      '/api/regions/:region/service-areas/export',
      '/api/regions/tiny/service-areas/export?category=kindergarten&format=geojson',
      {
        expectStatus: 200,
      },
    );
    await call('get', ...scenario('service-areas/export', '?category=kindergarten&format=geojson'), {
      expectStatus: 200,
    });

    const siting = await call('post', '/api/regions/:region/siting', '/api/regions/tiny/siting', {
      json: { category: 'supermarket', count: 1 },
      expectStatus: 200,
    });
    expect(siting.body.sites).toHaveLength(1);
    expectRequired(siting.schema, siting.body, ['demand', 'upperBound']);
    await call('post', ...scenario('siting'), {
      json: { category: 'kindergarten', count: 1, capacity: 30, candidates: 'grid', cellMeters: 50 },
      expectStatus: 200,
    });
    await call('post', ...scenario('siting'), { json: { category: 'parking', count: 1 }, expectStatus: 400 });

    const partition = await call(
      'post',
      '/api/regions/:region/partition-proposals',
      '/api/regions/tiny/partition-proposals',
      { json: { streetId: 's-1', proposals: 1 }, expectStatus: 200 },
    );
    expect(partition.body.proposals).toHaveLength(1);
    expectRequired(partition.schema, partition.body, ['proposals', 0, 'communities', 0, 'rules']);
    await call('post', ...scenario('partition-proposals'), {
      json: { streetId: 's-1', communities: 2, stationsMustBeInside: true },
      expectStatus: 200,
    });
    await call('post', ...scenario('partition-proposals'), { json: { streetId: 's-9' }, expectStatus: 400 });
    await call('post', ...scenario('partition-proposals'), {
      json: { streetId: 's-1', communities: 9 },
      expectStatus: 422,
    });

    const compared = await call('get', ...scenario('compare'), { expectStatus: 200 });
    expect(compared.body.facilityChanges.map((change: { change: string }) => change.change)).toEqual([
      'moved',
      'added',
    ]);
    const exported = await call('get', ...scenario('compare/export', '?format=geojson'), {
      expectStatus: 200,
    });
    expect(exported.body.features.map((feature: any) => feature.properties.kind)).toEqual([
      'community',
      'community',
      'facility',
      'facility',
      'path',
      'path',
    ]);
    // The imports below count the region's scenarios.
    await call('delete', '/api/scenarios/:id', `/api/scenarios/${id}`, { expectStatus: 204 });
  });

  it('refusals: 400, 404, 405 and 409 answers carry the documented error bodies', async () => {
    await call('get', '/api/regions/:region', '/api/regions/Not_A_Region', { expectStatus: 400 });
    const missing = await call('get', '/api/regions/:region', '/api/regions/nowhere', { expectStatus: 404 });
    expect(missing.body).toEqual({
      error: 'no region "nowhere"',
      errorZh: '没有区域“nowhere”',
      code: 'region.not-found',
      params: { regionId: 'nowhere' },
    });
    const layerRoute = operation(
      'get',
      '/api/regions/:region/:layer{(?:streets|communities|facilities|units|network|water)}',
    ).path;
    await call('get', layerRoute, '/api/regions/tiny/communities?bbox=1,2', { expectStatus: 400 });
    await call('get', layerRoute, '/api/regions/nowhere/communities', { expectStatus: 404 });
    await call('post', '/api/regions/:region/isochrones', '/api/regions/tiny/isochrones', {
      json: { origins: [[109.7005, 28.3005]], minutes: [5, 2] },
      expectStatus: 400,
    });
    await call('post', '/api/regions/:region/isochrones', '/api/regions/nowhere/isochrones', {
      json: { origins: [[109.7005, 28.3005]] },
      expectStatus: 404,
    });
    const stranded = await call(
      'post',
      '/api/regions/:region/isochrones',
      '/api/regions/tiny-no-network/isochrones',
      {
        json: { origins: [[109.7005, 28.3005]] },
        expectStatus: 409,
      },
    );
    expect(stranded.body.error).toMatch(/no walking network/);
    await call('get', '/api/regions/:region/coverage', '/api/regions/tiny-no-network/coverage', {
      expectStatus: 409,
    });
    await call('get', '/api/regions/:region/heatmap', '/api/regions/tiny/heatmap', { expectStatus: 400 });
    await call('get', '/api/regions/:region/scenarios', '/api/regions/nowhere/scenarios', {
      expectStatus: 404,
    });
    await call('post', '/api/regions/:region/scenarios', '/api/regions/tiny/scenarios', {
      json: { name: '' },
      expectStatus: 400,
    });
    await call('get', '/api/scenarios/:id', '/api/scenarios/baseline', { expectStatus: 400 });
    await call('get', '/api/scenarios/:id/compare', '/api/scenarios/no-such-scenario/compare', {
      expectStatus: 404,
    });
    await call('delete', '/api/scenarios/:id', '/api/scenarios/baseline', { expectStatus: 405 });
    await call('patch', '/api/scenarios/:id', '/api/scenarios/baseline', {
      json: { version: 1, name: 'x' },
      expectStatus: 405,
    });
  });

  it('imports: a preview, its commit and stored report, and refusals with and without the report', async () => {
    const imports = '/api/regions/:region/imports';
    const commitPath = '/api/regions/:region/imports/:importId/commit';
    const readPath = '/api/regions/:region/imports/:importId';
    const roads = {
      name: 'newtown-roads.geojson',
      bytes: await readFile(path.join(FIXTURES, 'newtown-roads.geojson')),
    };

    const preview = await call('post', imports, '/api/regions/newtown/imports', {
      form: await form(roads, { layer: 'network', create: 'true', name: '新城' }),
      expectStatus: 200,
    });
    expect(preview.body).toMatchObject({
      createsRegion: true,
      canCommit: true,
      network: { edges: 41, nodes: 27 },
    });
    expect(preview.body.features.features).toHaveLength(41);
    expectRequired(preview.schema, preview.body, ['problemCounts']);
    expectRequired(preview.schema, preview.body, ['features']);
    const importId = preview.body.importId as string;
    const committed = await call('post', commitPath, `/api/regions/newtown/imports/${importId}/commit`, {
      json: {},
      expectStatus: 200,
    });
    expect(committed.body).toMatchObject({ committed: true, featureCount: 41 });
    expect('features' in committed.body).toBe(false);
    const stored = await call('get', readPath, `/api/regions/newtown/imports/${importId}`, {
      expectStatus: 200,
    });
    expect(stored.body).toMatchObject({ status: 'committed', layer: 'network', report: { committed: true } });
    const again = await call('post', commitPath, `/api/regions/newtown/imports/${importId}/commit`, {
      json: {},
      expectStatus: 409,
    });
    expect(again.body.error).toMatch(/committed already/);

    // Units before their communities: every unit names a community the region lacks (422, report beside the error).
    const units = {
      name: 'newtown-units-wkt.csv',
      bytes: await readFile(path.join(FIXTURES, 'newtown-units-wkt.csv')),
    };
    const orphans = await call('post', imports, '/api/regions/newtown/imports', {
      form: await form(units, { layer: 'units' }),
      expectStatus: 200,
    });
    expect(orphans.body.canCommit).toBe(false);
    const refused = await call(
      'post',
      commitPath,
      `/api/regions/newtown/imports/${orphans.body.importId}/commit`,
      {
        json: {},
        expectStatus: 422,
      },
    );
    expect(refused.body.problems.length).toBeGreaterThan(0);
    expectRequired(refused.schema, refused.body, ['problems']);
    expectRequired(refused.schema, refused.body, ['error']);

    // Replacing the facilities of a region with a scenario needs acceptance (409, report beside the error).
    await call('post', '/api/regions/:region/scenarios', '/api/regions/tiny/scenarios', {
      json: { name: '方案二' },
      expectStatus: 201,
    });
    const facilities = {
      name: 'tiny-facilities.csv',
      bytes: new TextEncoder().encode(
        'id,name,category,lon,lat\nf-9,新幼儿园,kindergarten,109.7015,28.3015\n',
      ),
    };
    const replacing = await call('post', imports, '/api/regions/tiny/imports', {
      form: await form(facilities, { layer: 'facilities', replace: 'true' }),
      expectStatus: 200,
    });
    expect(replacing.body.scenarioImpact.requiresAcceptance).toBe(true);
    const conflict = await call(
      'post',
      commitPath,
      `/api/regions/tiny/imports/${replacing.body.importId}/commit`,
      {
        json: {},
        expectStatus: 409,
      },
    );
    expect(conflict.body.scenarioImpact.scenarios).toHaveLength(1);
    // The report of a 409 is the whole report: without its problems it is not a documented 409.
    expectRequired(conflict.schema, conflict.body, ['problems']);
    // Not accepted: the preview is cancelled, its stored file and staged features forgotten.
    await call('delete', readPath, `/api/regions/tiny/imports/${replacing.body.importId}`, {
      expectStatus: 204,
    });

    await call('post', imports, '/api/regions/nowhere/imports', {
      form: await form(roads, { layer: 'network' }),
      expectStatus: 404,
    });
    await call('post', imports, '/api/regions/tiny/imports', {
      form: await form(null, { layer: 'facilities' }),
      expectStatus: 400,
    });
    await call('post', imports, '/api/regions/tiny/imports', {
      form: await form(roads, { layer: 'network', create: 'true', name: '重复' }),
      expectStatus: 409,
    });
    await call('get', readPath, '/api/regions/tiny/imports/00000000-0000-4000-8000-000000000000', {
      expectStatus: 404,
    });
    await call('get', readPath, '/api/regions/tiny/imports/not-a-uuid', { expectStatus: 400 });
  });

  it('base maps: an upload, the list, a tile, a removal and a refused file', async () => {
    const fixtures = await makeBasemapFixtures();
    const listPath = '/api/regions/:region/basemaps';
    const uploaded = await call('post', listPath, '/api/regions/tiny/basemaps', {
      form: await form({ name: 'ortho.pmtiles', bytes: fixtures.rasterPmtiles }, { name: '影像' }),
      expectStatus: 201,
    });
    expectRequired(uploaded.schema, uploaded.body, ['tiles']);
    const listed = await call('get', listPath, '/api/regions/tiny/basemaps', { expectStatus: 200 });
    expectRequired(listed.schema, listed.body, [0, 'kind']);
    const { x, y } = lonLatToTile(109.7005, 28.3005, 14);
    const tilePath = '/api/regions/:region/basemaps/:basemap/:z/:x/:y';
    await call('get', tilePath, `/api/regions/tiny/basemaps/ortho/14/${x}/${y}`, { expectStatus: 200 });
    await call('get', tilePath, '/api/regions/tiny/basemaps/ortho/14/0/0', { expectStatus: 404 });
    await call('get', tilePath, '/api/regions/tiny/basemaps/ortho/z/0/0', { expectStatus: 400 });
    const archivePath = '/api/regions/:region/basemaps/:basemap/archive.pmtiles';
    const archive = await call('get', archivePath, uploaded.body.archive, { expectStatus: 200 });
    expect(archive.contentType).toBe('application/vnd.pmtiles');
    await call('get', archivePath, '/api/regions/tiny/basemaps/nothing/archive.pmtiles', {
      expectStatus: 404,
    });
    await call('post', listPath, '/api/regions/tiny/basemaps', {
      form: await form({ name: 'notes.txt', bytes: new TextEncoder().encode('not tiles') }, {}),
      expectStatus: 400,
    });
    const removePath = '/api/regions/:region/basemaps/:basemap';
    await call('delete', removePath, '/api/regions/tiny/basemaps/ortho', { expectStatus: 204 });
    await call('delete', removePath, '/api/regions/tiny/basemaps/ortho', { expectStatus: 404 });
  });

  it('accounts: the session, users, tokens, collaborators and the audit log, and 401 and 403 refusals', async () => {
    const session = await call('get', '/api/session', '/api/session', { expectStatus: 200 });
    expect(session.body).toMatchObject({ user: 'admin', role: 'admin', via: 'session' });
    expectRequired(session.schema, session.body, ['csrfToken']);
    const anonymous = await call('get', '/api/regions', '/api/regions', {
      as: app.unsigned,
      expectStatus: 401,
    });
    expect(anonymous.body.code).toBe('auth.sign-in-required');
    // A write with the session cookie but without its CSRF token, as a forged form would send it.
    const cookieOnly: RequestTarget = {
      request: (input, init) =>
        app.unsigned.request(
          input,
          withCredentials({ ...app.credentials, headers: { cookie: app.credentials.headers.cookie } }, init),
        ),
    };
    const forged = await call('post', '/api/regions/:region/scenarios', '/api/regions/tiny/scenarios', {
      json: { name: 'forged' },
      as: cookieOnly,
      expectStatus: 403,
    });
    expect(forged.body.code).toBe('auth.csrf');

    const password = testPassword();
    const added = await call('post', '/api/users', '/api/users', {
      json: { username: 'leader-1', password, role: 'leader' },
      expectStatus: 201,
    });
    expect(added.body).toMatchObject({ username: 'leader-1', role: 'leader', disabled: false });
    expectRequired(added.schema, added.body, ['role']);
    await call('post', '/api/users', '/api/users', {
      json: { username: 'leader-1', password, role: 'leader' },
      expectStatus: 409,
    });
    await call('post', '/api/users', '/api/users', {
      json: { username: 'x', password: 'short', role: 'leader' },
      expectStatus: 400,
    });
    const users = await call('get', '/api/users', '/api/users', { expectStatus: 200 });
    expect(users.body.map((user: { username: string }) => user.username)).toEqual(['admin', 'leader-1']);
    const renamed = await call('patch', '/api/users/:username', '/api/users/leader-1', {
      json: { displayName: '李华' },
      expectStatus: 200,
    });
    expect(renamed.body.displayName).toBe('李华');
    await call('patch', '/api/users/:username', '/api/users/nobody', {
      json: { displayName: '无' },
      expectStatus: 404,
    });

    const signedInAnswer = await call('post', '/api/session', '/api/session', {
      json: { username: 'leader-1', password },
      as: app.unsigned,
      expectStatus: 200,
    });
    expect(signedInAnswer.body).toMatchObject({ user: 'leader-1', role: 'leader', via: 'session' });
    await call('post', '/api/session', '/api/session', {
      json: { username: 'leader-1', password: `${password}-wrong` },
      as: app.unsigned,
      expectStatus: 401,
    });
    const leader = signedIn(app.unsigned, await signIn(app.unsigned, 'leader-1', password));
    const forbidden = await call('get', '/api/users', '/api/users', { as: leader, expectStatus: 403 });
    expect(forbidden.body.code).toBe('auth.forbidden');

    const created = await call('post', '/api/tokens', '/api/tokens', {
      json: { name: 'nightly import' },
      expectStatus: 201,
    });
    expect(created.body).toMatchObject({ name: 'nightly import', role: 'admin', revokedAt: null });
    expectRequired(created.schema, created.body, ['token']);
    const bearer: RequestTarget = {
      request: (input, init) =>
        app.unsigned.request(
          input,
          withCredentials(
            { ...app.credentials, headers: { authorization: `Bearer ${created.body.token}` } },
            init,
          ),
        ),
    };
    const byToken = await call('get', '/api/session', '/api/session', { as: bearer, expectStatus: 200 });
    expect(byToken.body).toMatchObject({ user: 'admin', via: 'token', csrfToken: null });
    const tokens = await call('get', '/api/tokens', '/api/tokens', { expectStatus: 200 });
    expect(tokens.body.map((token: { id: string }) => token.id)).toEqual([created.body.id]);
    await call('delete', '/api/tokens/:id', `/api/tokens/${created.body.id}`, { expectStatus: 204 });
    await call('delete', '/api/tokens/:id', '/api/tokens/no-such-token', { expectStatus: 404 });

    const scenario = await call('post', '/api/regions/:region/scenarios', '/api/regions/tiny/scenarios', {
      json: { name: '共享方案' },
      expectStatus: 201,
    });
    const sharingPath = '/api/scenarios/:id/collaborators';
    const sharingUrl = `/api/scenarios/${scenario.body.id}/collaborators`;
    const sharing = await call('get', sharingPath, sharingUrl, { expectStatus: 200 });
    expect(sharing.body).toEqual({ owner: 'admin', collaborators: [] });
    const shared = await call('put', sharingPath, sharingUrl, {
      json: { collaborators: ['leader-1'] },
      expectStatus: 200,
    });
    expect(shared.body).toEqual({ owner: 'admin', collaborators: ['leader-1'] });
    await call('put', sharingPath, sharingUrl, { json: { collaborators: ['nobody'] }, expectStatus: 400 });
    await call('get', sharingPath, '/api/scenarios/no-such-scenario/collaborators', { expectStatus: 404 });

    const settings = await call('get', '/api/settings', '/api/settings', { expectStatus: 200 });
    expectRequired(settings.schema, settings.body, ['issuingUnit']);
    const setSettings = await call('put', '/api/settings', '/api/settings', {
      json: { issuingUnit: '峒江县自然资源局' },
      expectStatus: 200,
    });
    expect(setSettings.body.issuingUnit).toBe('峒江县自然资源局');
    await call('put', '/api/settings', '/api/settings', { json: { issuingUnit: '' }, expectStatus: 400 });
    await call('put', '/api/settings', '/api/settings', {
      json: { issuingUnit: '越权修改' },
      as: leader,
      expectStatus: 403,
    });

    const audit = await call('get', '/api/audit', '/api/audit', { expectStatus: 200 });
    expect(audit.body.length).toBeGreaterThan(0);
    expectRequired(audit.schema, audit.body, [0, 'operation']);
    const csv = await call('get', '/api/audit', '/api/audit?format=csv', { expectStatus: 200 });
    expect(csv.contentType).toBe('text/csv');
    await call('get', '/api/audit', '/api/audit?limit=0', { expectStatus: 400 });

    // The leader's own account, last: a new password, then signing out ends the session.
    await call('put', '/api/session/password', '/api/session/password', {
      json: { currentPassword: `${password}-wrong`, newPassword: testPassword() },
      as: leader,
      expectStatus: 403,
    });
    await call('put', '/api/session/password', '/api/session/password', {
      json: { currentPassword: password, newPassword: testPassword() },
      as: leader,
      expectStatus: 204,
    });
    await call('delete', '/api/session', '/api/session', { as: leader, expectStatus: 204 });
    const ended = await call('get', '/api/session', '/api/session', { as: leader, expectStatus: 401 });
    expect(ended.body.error).toMatch(/session has ended/);
  });

  it('live events: the stream opens with its documented type and a ready event its schema holds', async () => {
    // The stream never ends by itself: its first event is read and the stream closed.
    const response = await app.request('/api/events?region=tiny');
    expect(response.status).toBe(200);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    expect(contentType).toBe('text/event-stream');
    const schema = documentedAnswerSchema(operation('get', '/api/events'), 200, contentType);
    if (!schema) throw new Error('the document lists no text/event-stream answer for GET /api/events');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader.cancel();
    const first = text.slice(0, text.indexOf('\n\n'));
    expect(schema.safeParse(first).success).toBe(true);
    const [eventLine, dataLine] = first.split('\n');
    expect(eventLine).toBe('event: ready');
    const ready = LIVE_EVENT_SCHEMAS.ready.parse(JSON.parse(dataLine.replace(/^data: /, '')));
    expect(ready.username).toBe('admin');
    checked.add('get /api/events 200');
  });

  it('checked a real answer of every documented operation, and an error answer of each kind', () => {
    // A new operation needs a call above: its schemas are then held to a real answer too.
    const unchecked = served
      .map((spec) => `${spec.method} ${spec.path} ${spec.response.status ?? 200}`)
      .filter((answer) => !checked.has(answer));
    expect(unchecked).toEqual([]);
    const statuses = new Set([...checked].map((entry) => Number(entry.split(' ').at(-1))));
    expect([...statuses].sort()).toEqual([200, 201, 204, 400, 401, 403, 404, 405, 409, 422]);
  });
});
