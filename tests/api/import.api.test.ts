import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../../core/geometry/haversine.js';
import type { Position } from '../../core/geometry/position.js';
import type { App } from '../../server/src/app.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { templateDataDirectoryCopy, testBackends } from '../support/test-databases.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';

const FIXTURES = path.join(REPOSITORY_ROOT, 'tests/fixtures/import');

/** The mapping guessed from the Chinese headers of the GBK CSV and Excel facility fixtures. */
const CHINESE_FACILITY_COLUMNS = {
  id: '编号',
  name: '名称',
  category: '类别',
  floorAreaSquareMeters: '建筑面积',
  lon: '经度',
  lat: '纬度',
};
const DEMO = path.join(REPOSITORY_ROOT, 'data/geojson/demo');

interface DemoFeature {
  geometry: { type: string; coordinates: any };
  properties: Record<string, any>;
}
interface Problem {
  severity: 'error' | 'warning' | 'note';
  code: string;
  location: string | null;
  field: string | null;
  featureId: string | null;
  message: string;
  locationZh: string | null;
  messageZh: string;
}

/** Chinese characters (CJK Unified Ideographs). */
const CJK = /[\u4e00-\u9fff]/;
/** How the Chinese texts name a record: "row 7" → 第 7 行, "record 5" → 第 5 条记录, "feature #3" → 第 4 个要素（#3）. */
const chinesePlace = (location: string) =>
  location
    .replace(/^row (\d+)$/, '第 $1 行')
    .replace(/^record (\d+)$/, '第 $1 条记录')
    .replace(/^feature #(\d+)$/, (_, index: string) => `第 ${Number(index) + 1} 个要素（#${index}）`);

const demoLayer = async (name: string) =>
  (JSON.parse(await readFile(path.join(DEMO, `${name}.geojson`), 'utf8')) as { features: DemoFeature[] })
    .features;

/** The problems of an answer that are errors, as "location|field|code" strings. */
const errorKeys = (problems: Problem[]) =>
  problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.location}|${problem.field}|${problem.code}`);

describe.each(testBackends())('imports on $name PostGIS with the demo region', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;
  let demoFacilities: Map<string, DemoFeature>;

  const sql = async <Row = Record<string, any>>(text: string, params: unknown[] = []) =>
    (await database.query<Row>(text, params)).rows;
  const parse = async (response: Response) => {
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body, text };
  };
  /** POST /imports with a fixture (or bytes) and the options as form fields. */
  const preview = async (
    region: string,
    file: string | { name: string; bytes: Uint8Array },
    fields: Record<string, unknown> = {},
  ) => {
    const form = new FormData();
    const { name, bytes } =
      typeof file === 'string' ? { name: file, bytes: await readFile(path.join(FIXTURES, file)) } : file;
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    for (const [key, value] of Object.entries(fields))
      form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
    // Every property as it would be written: this suite checks the values read from each file.
    return parse(
      await app.request(`/api/regions/${region}/imports?featureProperties=all`, {
        method: 'POST',
        body: form,
      }),
    );
  };
  const commit = async (region: string, importId: string, body: Record<string, unknown> = {}) =>
    parse(
      await app.request(`/api/regions/${region}/imports/${importId}/commit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  const call = async (method: string, url: string, body?: unknown) =>
    parse(
      await app.request(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  /** Everything an import could change in a region, to prove a refused one changed nothing. */
  const snapshot = async (region = 'demo') =>
    (
      await sql(
        `SELECT (SELECT created_at::text FROM regions WHERE id = $1) AS stamp,
                (SELECT count(*)::int FROM streets WHERE region_id = $1) AS streets,
                (SELECT count(*)::int FROM communities WHERE region_id = $1) AS communities,
                (SELECT count(*)::int FROM population_units WHERE region_id = $1) AS units,
                (SELECT count(*)::int FROM facilities WHERE region_id = $1) AS facilities,
                (SELECT count(*)::int FROM network_edges WHERE region_id = $1) AS edges,
                (SELECT md5(string_agg(id || community_id || ST_AsText(geom), ',' ORDER BY id)) FROM population_units WHERE region_id = $1) AS units_hash,
                (SELECT md5(string_agg(id || name || street_id || ST_AsText(geom), ',' ORDER BY id)) FROM communities WHERE region_id = $1) AS communities_hash`,
        [region],
      )
    )[0];
  const facilityPositions = async (prefix: string) =>
    sql<{
      id: string;
      name: string;
      category: string;
      floorArea: number | null;
      lon: number;
      lat: number;
      communityId: string | null;
    }>(
      `SELECT id, name, category, floor_area_square_meters AS "floorArea", ST_X(geom) AS lon, ST_Y(geom) AS lat, community_id AS "communityId"
       FROM facilities WHERE region_id = 'demo' AND id LIKE $1 ORDER BY id`,
      [`${prefix}%`],
    );

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('seeded'));
    app = await createSignedInApp(database);
    demoFacilities = new Map(
      (await demoLayer('facilities')).map((feature) => [feature.properties.id, feature]),
    );
  });
  afterAll(async () => dispose?.());

  it('refuses broken files of every format, naming the row, record or feature and the field, and writes nothing', async () => {
    const cases: { file: string; layer: string; fields?: Record<string, unknown>; expected: string[] }[] = [
      {
        file: 'facilities-broken.csv',
        layer: 'facilities',
        expected: [
          'row 2|category|unknown-value',
          'row 3|floorAreaSquareMeters|not-a-number',
          'row 5|id|duplicate-id',
          'row 6|geometry|axis-swapped',
          'row 7|geometry|outside-region',
          'row 8|lat|empty-value',
        ],
      },
      {
        file: 'facilities-gbk-broken.csv',
        layer: 'facilities',
        expected: ['row 2|category|unknown-value', 'row 4|id|duplicate-id', 'row 5|geometry|axis-swapped'],
      },
      {
        file: 'facilities-gcj02-broken.csv',
        layer: 'facilities',
        fields: { crs: 'gcj02' },
        expected: ['row 2|geometry|axis-swapped', 'row 3|geometry|outside-region'],
      },
      {
        file: 'units-broken.geojson',
        layer: 'units',
        expected: [
          'feature #0|geometry|invalid-geometry',
          'feature #1|residents|not-a-number',
          'feature #3|id|duplicate-id',
          'feature #4|geometry|outside-region',
          'feature #5|geometry|axis-swapped',
          'feature #6|geometry|geometry-malformed',
        ],
      },
      {
        file: 'communities-gk-broken.zip',
        layer: 'communities',
        expected: [
          'record 1|geometry|invalid-geometry',
          'record 3|id|duplicate-id',
          'record 3|type|unknown-value',
          'record 4|geometry|outside-region',
          'record 5|geometry|axis-swapped',
        ],
      },
    ];
    for (const { file, layer, fields, expected } of cases) {
      const before = await snapshot();
      const previewed = await preview('demo', file, { layer, ...fields });
      expect(previewed.status, previewed.text).toBe(200);
      expect(previewed.body.canCommit, file).toBe(false);
      expect(errorKeys(previewed.body.problems).sort(), file).toEqual([...expected].sort());
      for (const problem of previewed.body.problems as Problem[]) {
        if (problem.severity === 'error')
          expect(problem.message.startsWith(problem.location ?? ''), problem.message).toBe(true);
        // The same problem in Chinese for the wizard: a Chinese sentence naming the same record.
        expect(problem.messageZh, problem.message).toMatch(CJK);
        expect(problem.messageZh).not.toBe(problem.message);
        if (problem.location !== null) {
          expect(problem.locationZh).toBe(chinesePlace(problem.location));
          expect(problem.messageZh.startsWith(problem.locationZh!), problem.messageZh).toBe(true);
        }
      }
      const committed = await commit('demo', previewed.body.importId);
      expect(committed.status, file).toBe(422);
      expect(committed.body.error).toMatch(/nothing was imported/);
      const firstError = (committed.body.problems as Problem[]).find(
        (problem) => problem.severity === 'error',
      )!;
      expect(committed.body.errorZh).toBe(
        `${file} 中有 ${expected.length} 个问题，没有导入任何数据。第一个问题：${firstError.messageZh}`,
      );
      expect(errorKeys(committed.body.problems).sort()).toEqual([...expected].sort());
      expect(await snapshot(), file).toEqual(before);
    }
    // PostGIS names the self-intersection; the unknown category lists the known ones and the way out.
    const units = await preview('demo', 'units-broken.geojson', { layer: 'units' });
    const bowtie = units.body.problems.find((problem: Problem) => problem.code === 'invalid-geometry');
    expect(bowtie.message).toMatch(/Self-intersection\[/);
    expect(bowtie.messageZh).toMatch(
      /^第 1 个要素（#0）（编号“[^”]+”），字段“几何”：几何无效：自相交，位置 \[[\d. ]+\]；勾选“修复无效几何”/,
    );
    const residents = units.body.problems.find((problem: Problem) => problem.code === 'not-a-number');
    expect(residents.messageZh).toMatch(
      /^第 2 个要素（#1）（编号“[^”]+”），字段“常住人口”（文件列“[^”]+”）：“约300”不是数字$/,
    );
    // A file that cannot be read at all is refused in both languages.
    const loneShp = await preview(
      'demo',
      { name: 'communities.shp', bytes: new Uint8Array(100) },
      { layer: 'communities' },
    );
    expect(loneShp.status).toBe(400);
    expect(loneShp.body.error).toMatch(/^communities\.shp: a Shapefile needs its \.dbf/);
    expect(loneShp.body.errorZh).toMatch(/^communities\.shp：Shapefile 需要配套的 \.dbf/);
    const facilities = await preview('demo', 'facilities-broken.csv', { layer: 'facilities' });
    const unknown = facilities.body.problems.find((problem: Problem) => problem.code === 'unknown-value');
    expect(unknown.message).toMatch(
      /"网吧" is not a known category; known: service_station \(社区综合服务站\), kindergarten \(幼儿园\)/,
    );
    expect(unknown.message).toMatch(/--value-map category\.网吧=/);
  });

  it('repairs what it can on request and reports each repair, and maps unknown values through a value map', async () => {
    const repaired = await preview('demo', 'units-broken.geojson', { layer: 'units', repair: true });
    const notes = (repaired.body.problems as Problem[]).filter((problem) => problem.code === 'repaired');
    expect(notes.map((problem) => problem.location).sort()).toEqual(['feature #0', 'feature #6']);
    expect(notes.find((problem) => problem.location === 'feature #0')!.message).toMatch(
      /Self-intersection.*repaired with ST_MakeValid: now 2 polygons of \d+ m²/,
    );
    const bowtie = repaired.body.features.features.find((feature: any) => feature.id === 'ub-bowtie');
    expect(bowtie.geometry.type).toBe('MultiPolygon');
    expect(bowtie.properties.importStatus).toBe('repaired');
    // The other problems remain: a repair fixes geometry only.
    expect(errorKeys(repaired.body.problems)).not.toContain('feature #0|geometry|invalid-geometry');
    expect(errorKeys(repaired.body.problems)).toContain('feature #1|residents|not-a-number');

    const mapped = await preview('demo', 'facilities-broken.csv', {
      layer: 'facilities',
      valueMap: { category: { 网吧: 'supermarket' } },
    });
    expect(errorKeys(mapped.body.problems)).not.toContain('row 2|category|unknown-value');
    expect(
      mapped.body.features.features.find((feature: any) => feature.id === 'bad-1').properties.category,
    ).toBe('supermarket');

    const missing = await preview('demo', 'facilities-gcj02.csv', {
      layer: 'facilities',
      crs: 'gcj02',
      mapping: { name: '名称' },
    });
    expect(errorKeys(missing.body.problems)).toEqual(['null|name|missing-column']);
  });

  it("answers each preview feature's location and state only, unless every property is asked for", async () => {
    const upload = async (query: string) => {
      const form = new FormData();
      form.append('file', new Blob([await readFile(path.join(FIXTURES, 'facilities-broken.csv'))]), 'f.csv');
      form.append('layer', 'facilities');
      return parse(await app.request(`/api/regions/demo/imports${query}`, { method: 'POST', body: form }));
    };
    const [drawn, everything, refused] = [
      await upload(''),
      await upload('?featureProperties=all'),
      await upload('?featureProperties=some'),
    ];
    expect(drawn.status, drawn.text).toBe(200);
    expect(everything.status, everything.text).toBe(200);
    // The same features, states and geometry; only the properties the map does not draw are left out.
    expect(drawn.body.features.features).toEqual(
      everything.body.features.features.map((feature: any) => ({
        ...feature,
        properties: {
          importLocation: feature.properties.importLocation,
          importStatus: feature.properties.importStatus,
        },
      })),
    );
    expect(everything.body.features.features[0].properties).toHaveProperty('category');
    expect(
      new Set(drawn.body.features.features.map((feature: any) => feature.properties.importStatus)),
    ).toEqual(new Set(['ok', 'error']));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('featureProperties');
  });

  it('converts a GCJ-02 CSV to WGS 84 within 5 m of the known positions, and commits it', async () => {
    const before = await snapshot();
    const wrong = await preview('demo', 'facilities-gcj02.csv', { layer: 'facilities' });
    expect(wrong.status).toBe(200);
    const offsets = wrong.body.features.features.map((feature: any) =>
      haversineDistanceMeters(
        feature.geometry.coordinates,
        demoFacilities.get(feature.id.replace(/^gcj-/, ''))!.geometry.coordinates,
      ),
    );
    // Read as WGS 84 the web-map coordinates are hundreds of metres off: the conversion matters.
    expect(Math.min(...offsets)).toBeGreaterThan(100);

    const previewed = await preview('demo', 'facilities-gcj02.csv', { layer: 'facilities', crs: 'gcj02' });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body).toMatchObject({
      layer: 'facilities',
      mode: 'add',
      canCommit: true,
      featureCount: 24,
      mapping: { id: 'id', name: 'name', category: 'category', lon: 'lng', lat: 'lat' },
      file: { format: 'csv', crs: { id: 'gcj02', from: 'option' }, encoding: { encoding: 'utf8' } },
      changes: {
        before: before.facilities,
        added: 24,
        updated: 0,
        removed: 0,
        after: before.facilities + 24,
      },
    });
    expect(previewed.body.columns.find((column: any) => column.name === 'lng').samples.length).toBe(5);
    expect(await snapshot()).toEqual(before);

    const committed = await commit('demo', previewed.body.importId);
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body.committed).toBe(true);
    const rows = await facilityPositions('gcj-');
    expect(rows.length).toBe(24);
    for (const row of rows) {
      const known = demoFacilities.get(row.id.replace(/^gcj-/, ''))!;
      expect(haversineDistanceMeters([row.lon, row.lat], known.geometry.coordinates), row.id).toBeLessThan(5);
      expect(row.category).toBe(known.properties.category);
    }
    // Each facility is given the community it lies in.
    expect(rows.filter((row) => row.communityId !== null).length).toBeGreaterThan(20);
    expect((await snapshot()).facilities).toBe(before.facilities + 24);

    const again = await commit('demo', previewed.body.importId);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/was committed already/);
    expect(again.body.errorZh).toBe(`导入“${previewed.body.importId}”已经写入，不能再次写入`);
    const stored = await call('GET', `/api/regions/demo/imports/${previewed.body.importId}`);
    expect(stored.body).toMatchObject({ status: 'committed', report: { committed: true, featureCount: 24 } });
  });

  it('reads BD-09 coordinates from one "lng,lat" column', async () => {
    const previewed = await preview('demo', 'facilities-bd09.csv', { layer: 'facilities', crs: 'bd09' });
    expect(previewed.body.mapping).toMatchObject({ lonLat: '坐标', category: '类型' });
    expect(previewed.body.canCommit).toBe(true);
    for (const feature of previewed.body.features.features) {
      const known = demoFacilities.get(feature.id.replace(/^bd-/, ''))!;
      expect(haversineDistanceMeters(feature.geometry.coordinates, known.geometry.coordinates)).toBeLessThan(
        5,
      );
      expect(feature.properties.category).toBe(known.properties.category);
    }
  });

  it('reads a GBK CSV: Chinese names and category words come out right, and the mapping is remembered', async () => {
    const previewed = await preview('demo', 'facilities-gbk.csv', { layer: 'facilities' });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.file.encoding).toEqual({
      encoding: 'gbk',
      from: 'detected',
      named: null,
      label: 'GBK (Simplified Chinese, GB 18030, code page 936)',
      labelZh: '简体中文 GBK（GB 18030，代码页 936）',
    });
    expect(previewed.body.mapping).toEqual(CHINESE_FACILITY_COLUMNS);
    expect(previewed.body.valueMap.category).toMatchObject({ 幼儿园: 'kindergarten', 公厕: 'public_toilet' });
    const committed = await commit('demo', previewed.body.importId);
    expect(committed.status, committed.text).toBe(200);
    const rows = await facilityPositions('gbk-');
    expect(rows.length).toBe(previewed.body.featureCount);
    for (const row of rows) {
      const known = demoFacilities.get(row.id.replace(/^gbk-/, ''))!;
      expect(row.name).toBe(known.properties.name);
      expect(row.category).toBe(known.properties.category);
      expect(row.floorArea).toBe(known.properties.floorAreaSquareMeters);
      expect(haversineDistanceMeters([row.lon, row.lat], known.geometry.coordinates)).toBeLessThan(0.5);
    }
    // Read as UTF-8 on request, the same bytes give no Chinese names.
    const forced = await preview('demo', 'facilities-gbk.csv', { layer: 'facilities', encoding: 'utf8' });
    expect(forced.body.columns.map((column: any) => column.name)).not.toContain('名称');

    // The next file with the same columns gets the mapping last used for this region's facilities.
    const next = await preview('demo', 'facilities-broken.csv', { layer: 'facilities' });
    expect(next.body.mappingFrom).toMatchObject({
      name: 'remembered',
      category: 'remembered',
      lon: 'remembered',
    });
  });

  it('places a CGCS2000 Gauss–Krüger zone-37 Shapefile (GBK .dbf without .cpg) within 1 m of the known positions', async () => {
    const previewed = await preview('demo', 'facilities-cgcs2000-gk-zone37.zip', { layer: 'facilities' });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.file).toMatchObject({
      format: 'shapefile',
      crs: { id: 'EPSG:4525', from: 'prj' },
      encoding: { encoding: 'gbk', from: 'detected' },
    });
    expect(previewed.body.canCommit).toBe(true);
    const committed = await commit('demo', previewed.body.importId);
    expect(committed.status, committed.text).toBe(200);
    const rows = await facilityPositions('gk-');
    expect(rows.length).toBe(30);
    for (const row of rows) {
      const known = demoFacilities.get(row.id.replace(/^gk-/, ''))!;
      expect(haversineDistanceMeters([row.lon, row.lat], known.geometry.coordinates), row.id).toBeLessThan(1);
      expect(row.name).toBe(known.properties.name);
    }
  });

  it('replaces communities from a Gauss–Krüger Shapefile only when the scenario change is accepted, and keeps the scenario whole', async () => {
    const scenario = await call('POST', '/api/regions/demo/scenarios', {
      name: '导入前方案',
      basedOn: 'baseline',
    });
    expect(scenario.status, scenario.text).toBe(201);
    const moved = await call('PATCH', `/api/scenarios/${scenario.body.id}`, {
      version: 1,
      edits: [{ op: 'assign', unitIds: ['u-r38-c34'], communityId: 'c-ximen' }],
    });
    expect(moved.status, moved.text).toBe(200);

    const before = await snapshot();
    const previewed = await preview('demo', 'communities-cgcs2000-gk-cm111.zip', {
      layer: 'communities',
      replace: true,
    });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.file).toMatchObject({
      crs: { id: 'EPSG:4546', from: 'prj' },
      encoding: { encoding: 'gbk', from: 'cpg' },
    });
    expect(previewed.body.canCommit).toBe(true);
    expect(previewed.body.changes).toMatchObject({
      before: 22,
      added: 0,
      updated: 22,
      removed: 0,
      after: 22,
    });
    const impact = previewed.body.scenarioImpact;
    expect(impact.requiresAcceptance).toBe(true);
    expect(impact.scenarios.map((item: any) => item.id)).toContain(scenario.body.id);

    const refused = await commit('demo', previewed.body.importId);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/导入前方案/);
    expect(refused.body.errorZh).toMatch(/^本次导入会改变区域“demo”的 \d+ 个方案（.*“导入前方案/);
    // The scenario impact is said in Chinese too: the policy and every effect.
    expect(refused.body.scenarioImpact.policyZh).toMatch(/^每个方案保留自己的社区/);
    for (const item of refused.body.scenarioImpact.scenarios)
      for (const effect of item.effects) expect(effect.textZh, effect.text).toMatch(CJK);
    expect(
      refused.body.scenarioImpact.scenarios.find((item: any) => item.id === scenario.body.id).effects[0].kind,
    ).toBe('baseline-replaced');
    expect(await snapshot()).toEqual(before);

    const committed = await commit('demo', previewed.body.importId, { acceptScenarioChanges: true });
    expect(committed.status, committed.text).toBe(200);
    // Every vertex lands within 1 m of the demo's WGS 84 vertex; names read from GBK equal the demo's.
    const demoCommunities = await demoLayer('communities');
    const stored = new Map(
      (
        await sql<{ id: string; name: string; streetId: string; geometry: string }>(
          `SELECT id, name, street_id AS "streetId", ST_AsGeoJSON(geom, 9) AS geometry FROM communities WHERE region_id = 'demo'`,
        )
      ).map((row) => [row.id, row]),
    );
    for (const community of demoCommunities) {
      const row = stored.get(community.properties.id)!;
      expect(row.name).toBe(community.properties.name);
      expect(row.streetId).toBe(community.properties.streetId);
      const vertices = (JSON.parse(row.geometry).coordinates as Position[][][]).flat(2);
      const demoVertices = (community.geometry.coordinates as Position[][]).flat();
      expect(vertices.length).toBe(demoVertices.length);
      for (const vertex of demoVertices) {
        const nearest = Math.min(...vertices.map((candidate) => haversineDistanceMeters(candidate, vertex)));
        expect(nearest).toBeLessThan(1);
      }
    }
    // Units fall in the same communities as before (re-homed by where they lie).
    const demoUnits = await demoLayer('units');
    const homes = new Map(
      (
        await sql<{ id: string; communityId: string }>(
          `SELECT id, community_id AS "communityId" FROM population_units WHERE region_id = 'demo'`,
        )
      ).map((row) => [row.id, row.communityId]),
    );
    expect(
      demoUnits.filter((unit) => homes.get(unit.properties.id) !== unit.properties.communityId).length,
    ).toBe(0);
    // The scenario is intact: its move survives and it still evaluates.
    const compared = await call('GET', `/api/scenarios/${scenario.body.id}/compare?with=baseline`);
    expect(compared.status, compared.text).toBe(200);
    expect(compared.body.movedUnits).toEqual([{ id: 'u-r38-c34', from: 'c-gulou', to: 'c-ximen' }]);
    const read = await call('GET', `/api/scenarios/${scenario.body.id}`);
    expect(read.body.version).toBe(3);
  });

  it('replaces units only with the scenario change accepted, dropping and listing the moves of vanished units', async () => {
    const scenarios = await call('GET', '/api/regions/demo/scenarios');
    const scenario = scenarios.body.find((item: any) => item.name === '导入前方案');
    expect(scenario).toBeDefined();
    const demoUnits = await demoLayer('units');
    const dropped = new Set(['u-r38-c34', 'u-r38-c35', 'u-r39-c34']);
    const kept = demoUnits.filter((unit) => !dropped.has(unit.properties.id));
    expect(kept.length).toBe(demoUnits.length - 3);
    const file = {
      name: 'units-without-three.geojson',
      bytes: new TextEncoder().encode(
        JSON.stringify({
          type: 'FeatureCollection',
          features: kept.map((unit) => ({
            type: 'Feature',
            geometry: unit.geometry,
            properties: {
              id: unit.properties.id,
              name: unit.properties.name,
              kind: unit.properties.kind,
              residents: unit.properties.residents,
              households: unit.properties.households,
            },
          })),
        }),
      ),
    };
    const before = await snapshot();
    const previewed = await preview('demo', file, { layer: 'units', replace: true });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.canCommit, JSON.stringify(previewed.body.problems.slice(0, 3))).toBe(true);
    expect(previewed.body.changes).toMatchObject({
      before: demoUnits.length,
      removed: 3,
      after: demoUnits.length - 3,
    });
    const refused = await commit('demo', previewed.body.importId);
    expect(refused.status).toBe(409);
    const effects = refused.body.scenarioImpact.scenarios.find(
      (item: any) => item.id === scenario.id,
    ).effects;
    const droppedMoves = effects.find((effect: any) => effect.kind === 'moves-dropped');
    expect(droppedMoves.ids).toEqual(['u-r38-c34']);
    expect(droppedMoves.text).toMatch(/u-r38-c34 \(moved to c-ximen\)/);
    expect(droppedMoves.textZh).toMatch(
      /^其对 1 个已不存在的人口单元的调整被删除：u-r38-c34（调整到 c-ximen）$/,
    );
    expect(effects.find((effect: any) => effect.kind === 'units-removed').ids.sort()).toEqual(
      [...dropped].sort(),
    );
    expect(await snapshot()).toEqual(before);

    const committed = await commit('demo', previewed.body.importId, { acceptScenarioChanges: true });
    expect(committed.status, committed.text).toBe(200);
    expect((await snapshot()).units).toBe(demoUnits.length - 3);
    expect(
      await sql(`SELECT unit_id FROM scenario_assignments WHERE scenario_id = $1`, [scenario.id]),
    ).toEqual([]);
    const totals = await sql<{ mismatched: number }>(
      `SELECT count(*)::int AS mismatched FROM communities c
       WHERE c.region_id = 'demo' AND c.residents <> (SELECT coalesce(sum(u.residents), 0) FROM population_units u WHERE u.region_id = 'demo' AND u.community_id = c.id)`,
    );
    expect(totals[0].mismatched).toBe(0);
    const communities = await call('GET', `/api/scenarios/${scenario.id}/communities`);
    expect(communities.status, communities.text).toBe(200);
    const gulou = communities.body.features.find((feature: any) => feature.id === 'c-gulou');
    const gulouResidents = await sql<{ residents: number }>(
      `SELECT sum(residents)::int AS residents FROM population_units WHERE region_id = 'demo' AND community_id = 'c-gulou'`,
    );
    expect(gulou.properties.residents).toBe(gulouResidents[0].residents);
  });

  it('replaces streets: communities of the baseline and of scenarios follow to the new street, with acceptance', async () => {
    const streets = await demoLayer('streets');
    const file = {
      name: 'streets-renamed.geojson',
      bytes: new TextEncoder().encode(
        JSON.stringify({
          type: 'FeatureCollection',
          features: streets.map((street) => ({
            type: 'Feature',
            geometry: street.geometry,
            properties: {
              编号: street.properties.id === 's-hebei' ? 's-hebei-2' : street.properties.id,
              街道名称: street.properties.name,
            },
          })),
        }),
      ),
    };
    const previewed = await preview('demo', file, { layer: 'streets', replace: true });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.changes).toMatchObject({
      before: 4,
      added: 1,
      updated: 3,
      removed: 1,
      removedIds: ['s-hebei'],
      after: 4,
    });
    const impact = previewed.body.scenarioImpact;
    expect(impact.requiresAcceptance).toBe(true);
    const effect = impact.scenarios[0].effects[0];
    expect(effect.kind).toBe('streets-changed');
    expect(effect.text).toMatch(/c-gulou \(鼓楼社区\): s-hebei → s-hebei-2/);
    expect(effect.textZh).toMatch(/c-gulou（鼓楼社区）：s-hebei → s-hebei-2/);
    expect((await commit('demo', previewed.body.importId)).status).toBe(409);
    expect((await commit('demo', previewed.body.importId, { acceptScenarioChanges: true })).status).toBe(200);
    const byStreet = await sql<{ streetId: string; n: number }>(
      `SELECT street_id AS "streetId", count(*)::int AS n FROM communities WHERE region_id = 'demo' GROUP BY 1 ORDER BY 1`,
    );
    expect(byStreet).toEqual([
      { streetId: 's-chengnan', n: 5 },
      { streetId: 's-hebei-2', n: 9 },
      { streetId: 's-qingshan', n: 4 },
      { streetId: 's-xincheng', n: 4 },
    ]);
    const scenarioStreets = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM scenario_communities WHERE street_id = 's-hebei'`,
    );
    expect(scenarioStreets[0].n).toBe(0);
  });

  it('places a new unit whose community a scenario merged away in the scenario community holding it', async () => {
    const scenario = await call('POST', '/api/regions/demo/scenarios', {
      name: '合并方案',
      basedOn: 'baseline',
    });
    expect(scenario.status, scenario.text).toBe(201);
    const merged = await call('PATCH', `/api/scenarios/${scenario.body.id}`, {
      version: 1,
      edits: [{ op: 'merge', communityIds: ['c-gulou', 'c-ximen'], into: 'c-gulou' }],
    });
    expect(merged.status, merged.text).toBe(200);
    const [spot] = await sql<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM population_units
       WHERE region_id = 'demo' AND community_id = 'c-ximen' AND kind = 'estate' ORDER BY id LIMIT 1) s`,
    );
    const d = 0.00005;
    const square = [
      [spot.lon - d, spot.lat - d],
      [spot.lon + d, spot.lat - d],
      [spot.lon + d, spot.lat + d],
      [spot.lon - d, spot.lat + d],
      [spot.lon - d, spot.lat - d],
    ];
    const file = {
      name: 'one-unit.geojson',
      bytes: new TextEncoder().encode(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Polygon', coordinates: [square] },
              properties: { id: 'u-new-1', residents: 50 },
            },
          ],
        }),
      ),
    };
    const previewed = await preview('demo', file, { layer: 'units' });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.features.features[0].properties.communityId).toBe('c-ximen');
    const effects = previewed.body.scenarioImpact.scenarios.find(
      (item: any) => item.id === scenario.body.id,
    ).effects;
    expect(effects.find((effect: any) => effect.kind === 'units-placed').text).toMatch(/u-new-1 → c-gulou/);
    expect(previewed.body.scenarioImpact.requiresAcceptance).toBe(true);
    expect((await commit('demo', previewed.body.importId, { acceptScenarioChanges: true })).status).toBe(200);
    expect(
      await sql(
        `SELECT community_id AS "communityId" FROM scenario_assignments WHERE scenario_id = $1 AND unit_id = 'u-new-1'`,
        [scenario.body.id],
      ),
    ).toEqual([{ communityId: 'c-gulou' }]);
    const communities = await call('GET', `/api/scenarios/${scenario.body.id}/communities`);
    expect(communities.status, communities.text).toBe(200);
    expect(communities.body.features.some((feature: any) => feature.id === 'c-ximen')).toBe(false);
    // Only the community the unit joined is reshaped: its outline is the union of its units, new one included.
    const [gulou] = await sql<{ holdsUnit: boolean; isUnion: boolean }>(
      `SELECT ST_Contains(sc.geom, ST_PointOnSurface(n.geom)) AS "holdsUnit",
              ST_Equals(sc.geom, (SELECT ST_Union(u.geom) FROM population_units u
                LEFT JOIN scenario_assignments a ON a.scenario_id = sc.scenario_id AND a.unit_id = u.id
                WHERE u.region_id = 'demo' AND coalesce(a.community_id, u.community_id) = sc.id)) AS "isUnion"
       FROM scenario_communities sc, population_units n
       WHERE sc.scenario_id = $1 AND sc.id = 'c-gulou' AND n.region_id = 'demo' AND n.id = 'u-new-1'`,
      [scenario.body.id],
    );
    expect(gulou).toEqual({ holdsUnit: true, isUnion: true });
  });

  it("redraws a scenario community's outline when a unit's geometry changes, and keeps it when only figures do", async () => {
    const scenario = await call('POST', '/api/regions/demo/scenarios', {
      name: '边界方案',
      basedOn: 'baseline',
    });
    expect(scenario.status, scenario.text).toBe(201);
    // A unit on its community's outline, moved 2 m east (a redrawn boundary), and another unit of
    // the region with one more resident (a new census).
    const [moved] = await sql<{ id: string; communityId: string; geometry: string }>(
      `SELECT u.id, u.community_id AS "communityId", ST_AsGeoJSON(ST_Translate(u.geom, 0.00002, 0), 15) AS geometry
       FROM population_units u JOIN scenario_communities sc ON sc.scenario_id = $1 AND sc.id = u.community_id
       WHERE u.region_id = 'demo' AND ST_Intersects(ST_Boundary(sc.geom), u.geom) ORDER BY u.id LIMIT 1`,
      [scenario.body.id],
    );
    const [counted] = await sql<{ id: string; residents: number }>(
      `SELECT id, residents FROM population_units
       WHERE region_id = 'demo' AND community_id <> $1 ORDER BY id LIMIT 1`,
      [moved.communityId],
    );
    const outlines = async () =>
      new Map(
        (
          await sql<{ id: string; outline: string; isUnion: boolean }>(
            `SELECT sc.id, ST_AsText(sc.geom) AS outline,
                    ST_Equals(sc.geom, (SELECT ST_Union(u.geom) FROM population_units u
                      LEFT JOIN scenario_assignments a ON a.scenario_id = sc.scenario_id AND a.unit_id = u.id
                      WHERE u.region_id = 'demo' AND coalesce(a.community_id, u.community_id) = sc.id)) AS "isUnion"
             FROM scenario_communities sc WHERE sc.scenario_id = $1`,
            [scenario.body.id],
          )
        ).map((row) => [row.id, row]),
      );
    const before = await outlines();
    // The region's units as stored (a file repeating the layer), with those two changes.
    const stored = await sql<{
      id: string;
      name: string;
      kind: string;
      residents: number;
      households: number;
      geometry: string;
    }>(
      `SELECT id, name, kind, residents, households, ST_AsGeoJSON(geom, 15) AS geometry
       FROM population_units WHERE region_id = 'demo' ORDER BY id`,
    );
    const file = {
      name: 'units-new-census.geojson',
      bytes: new TextEncoder().encode(
        JSON.stringify({
          type: 'FeatureCollection',
          features: stored.map(({ geometry, ...properties }) => ({
            type: 'Feature',
            geometry: JSON.parse(properties.id === moved.id ? moved.geometry : geometry),
            properties:
              properties.id === counted.id ? { ...properties, residents: counted.residents + 1 } : properties,
          })),
        }),
      ),
    };
    const previewed = await preview('demo', file, { layer: 'units', replace: true });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.changes).toMatchObject({ added: 0, removed: 0 });
    expect(
      previewed.body.features.features.find((feature: any) => feature.properties.id === moved.id).properties
        .communityId,
    ).toBe(moved.communityId);
    const committed = await commit('demo', previewed.body.importId, { acceptScenarioChanges: true });
    expect(committed.status, committed.text).toBe(200);

    const after = await outlines();
    const movedCommunity = after.get(moved.communityId)!;
    expect(movedCommunity.outline).not.toBe(before.get(moved.communityId)!.outline);
    expect(movedCommunity.isUnion).toBe(true);
    // Every other outline is as it was (the census changed no geometry).
    for (const [id, { outline }] of after)
      if (id !== moved.communityId) expect(outline, id).toBe(before.get(id)!.outline);
    expect(
      await sql(`SELECT residents FROM population_units WHERE region_id = 'demo' AND id = $1`, [counted.id]),
    ).toEqual([{ residents: counted.residents + 1 }]);
  });

  it('refuses to replace facilities under scenarios without acceptance, saying their coverage is recomputed', async () => {
    const before = await snapshot();
    const previewed = await preview('demo', 'facilities-gcj02.csv', {
      layer: 'facilities',
      crs: 'gcj02',
      replace: true,
    });
    expect(previewed.body.scenarioImpact.requiresAcceptance).toBe(true);
    expect(
      previewed.body.scenarioImpact.scenarios.every(
        (item: any) => item.effects[0].kind === 'coverage-recomputed' && !item.changesStoredData,
      ),
    ).toBe(true);
    const refused = await commit('demo', previewed.body.importId);
    expect(refused.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('takes a walking network from an OSM extract for a new region, with the OSM attribution', async () => {
    const bytes = await readFile(path.join(REPOSITORY_ROOT, 'data/osm/guixi-jiangxi/guixi_center.osm'));
    const previewed = await preview(
      'guixi-roads',
      { name: 'guixi_center.osm', bytes },
      { layer: 'network', create: true, name: '贵溪路网' },
    );
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.file.format).toBe('osm');
    expect(previewed.body.network.edges).toBeGreaterThan(100);
    expect((await commit('guixi-roads', previewed.body.importId)).status).toBe(200);
    const region = await call('GET', '/api/regions/guixi-roads');
    expect(region.body.attribution).toBe('© OpenStreetMap contributors');
    // A region made by an import is judged by the national profile until someone picks another.
    expect(region.body.profile).toBe('national');
    const edges = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM network_edges WHERE region_id = 'guixi-roads'`,
    );
    expect(edges[0].n).toBe(previewed.body.network.edges);
  });

  it('creates a region from road centrelines, then adds communities, WKT units and facilities', async () => {
    const missing = await preview('newtown', 'newtown-roads.geojson', { layer: 'network' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/^no region "newtown"/);
    expect(missing.body.errorZh).toMatch(/^区域“newtown”不存在/);
    const network = await preview('newtown', 'newtown-roads.geojson', {
      layer: 'network',
      create: true,
      name: '新城',
    });
    expect(network.status, network.text).toBe(200);
    expect(network.body).toMatchObject({
      createsRegion: true,
      metricSrid: 4546,
      canCommit: true,
      network: { edges: 41, nodes: 27, components: 2 },
    });
    expect((await commit('newtown', network.body.importId)).status).toBe(200);

    const units = await preview('newtown', 'newtown-units-wkt.csv', { layer: 'units' });
    expect(errorKeys(units.body.problems)).toEqual(['null|communityId|no-parent']);
    const communities = await preview('newtown', 'newtown-communities.geojson', { layer: 'communities' });
    expect((await commit('newtown', communities.body.importId)).status).toBe(200);
    const brokenUnits = await preview('newtown', 'newtown-units-wkt-broken.csv', { layer: 'units' });
    expect(errorKeys(brokenUnits.body.problems).sort()).toEqual(
      [
        'row 2|geometry|geometry-malformed',
        'row 3|residents|not-a-number',
        'row 4|residents|out-of-range',
        'row 5|id|duplicate-id',
      ].sort(),
    );
    const goodUnits = await preview('newtown', 'newtown-units-wkt.csv', { layer: 'units' });
    expect(goodUnits.body.geometryFrom).toBe('wkt');
    expect((await commit('newtown', goodUnits.body.importId)).status).toBe(200);
    // Each unit steps onto the network at the nearest point of the nearest edge: its access point
    // lies on an edge, and no edge comes closer to the unit than the access point is.
    const steps = await sql<{
      id: string;
      onEdgeMeters: number;
      accessMeters: number;
      nearestMeters: number;
    }>(
      `SELECT u.id,
              (SELECT min(ST_Distance(e.geom::geography, u.access_point::geography)) FROM network_edges e WHERE e.region_id = 'newtown') AS "onEdgeMeters",
              ST_Distance(ST_PointOnSurface(u.geom)::geography, u.access_point::geography) AS "accessMeters",
              (SELECT min(ST_Distance(e.geom::geography, ST_PointOnSurface(u.geom)::geography)) FROM network_edges e WHERE e.region_id = 'newtown') AS "nearestMeters"
       FROM population_units u WHERE u.region_id = 'newtown' ORDER BY u.id`,
    );
    expect(steps.length).toBe(16);
    // Units lie inside blocks, away from the roads (one is crossed by the footbridge).
    expect(steps.filter((step) => step.accessMeters > 100).length).toBeGreaterThan(10);
    for (const step of steps) {
      expect(step.onEdgeMeters, step.id).toBeLessThan(0.05);
      expect(Math.abs(step.accessMeters - step.nearestMeters), step.id).toBeLessThan(0.5);
    }
    const facilities = await preview('newtown', 'newtown-facilities.csv', { layer: 'facilities' });
    expect((await commit('newtown', facilities.body.importId)).status).toBe(200);

    const regionCommunities = await call('GET', '/api/regions/newtown/communities');
    expect(
      regionCommunities.body.features.map((feature: any) => [
        feature.id,
        feature.properties.residents,
        feature.properties.type,
      ]),
    ).toEqual([
      ['nt-c1', 400 + 437 + 548 + 585, 'urban'],
      ['nt-c2', 474 + 511 + 622 + 659, 'urban'],
      ['nt-c3', 696 + 733 + 844 + 881, 'urban'],
      ['nt-c4', 770 + 807 + 918 + 955, 'village'],
    ]);
    const edges = await call('GET', '/api/regions/newtown/network');
    expect(edges.body.features.length).toBe(41);
    // The new region works end to end: residents are reached on its imported network (the blocks
    // are 400 m wide, so within half an hour), and not all of them.
    const isochrone = await call('POST', '/api/regions/newtown/isochrones', {
      facilityIds: ['newtown-facilities-1'],
      minutes: [30],
    });
    expect(isochrone.status, isochrone.text).toBe(200);
    const residents = isochrone.body.features[0].properties.residents;
    expect(residents).toBeGreaterThan(0);
    expect(residents).toBeLessThan(10840);
  });

  it('reads the Jishou applicant list as a 申请类型 column (城市社区 / 农村社区) of a communities file', async () => {
    const original = JSON.parse(
      await readFile(path.join(REPOSITORY_ROOT, 'data/geojson/jishou-demo/communities.geojson'), 'utf8'),
    ) as { features: { properties: Record<string, unknown> }[] };
    const words: Record<string, string> = { urban: '城市社区', rural: '农村社区' };
    const applied = new Map(
      original.features.map((feature) => [
        feature.properties.id as string,
        feature.properties.applicationTarget,
      ]),
    );
    expect([...applied.values()].filter((target) => target === 'urban')).toHaveLength(17);
    expect([...applied.values()].filter((target) => target === 'rural')).toHaveLength(7);
    // As a bureau's table has it: the application in words, under its Chinese header.
    const file = {
      ...original,
      features: original.features.map((feature) => {
        const { applicationTarget, ...properties } = feature.properties;
        return {
          ...feature,
          properties: {
            ...properties,
            申请类型: applicationTarget ? words[applicationTarget as string] : '',
          },
        };
      }),
    };
    await sql(`UPDATE communities SET application_target = NULL WHERE region_id = 'jishou-demo'`);
    const previewed = await preview(
      'jishou-demo',
      { name: 'jishou-communities.geojson', bytes: new TextEncoder().encode(JSON.stringify(file)) },
      { layer: 'communities', replace: true },
    );
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body.mapping).toMatchObject({ applicationTarget: '申请类型' });
    expect(previewed.body.canCommit, JSON.stringify(previewed.body.problemCounts)).toBe(true);
    const committed = await commit('jishou-demo', previewed.body.importId);
    expect(committed.status, committed.text).toBe(200);
    const stored = await sql<{ id: string; target: string | null }>(
      `SELECT id, application_target AS target FROM communities WHERE region_id = 'jishou-demo' ORDER BY id`,
    );
    expect(stored).toHaveLength(applied.size);
    for (const { id, target } of stored) expect(target, id).toBe(applied.get(id) ?? null);
  });

  it('reads facilities from an Excel workbook (the first of its sheets) at the demo positions, and refuses a broken one by row and field', async () => {
    const before = await snapshot();
    const previewed = await preview('demo', 'facilities.xlsx', { layer: 'facilities' });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body).toMatchObject({
      canCommit: true,
      featureCount: 20,
      file: { format: 'xlsx', records: 20, encoding: null, crs: { id: 'EPSG:4326', from: 'default' } },
      changes: { added: 20, updated: 0, removed: 0 },
    });
    expect(previewed.body.file.notes).toContain(
      'read sheet “设施” (1 of 3); the other sheets (“说明”, “Sheet3”) are not imported',
    );
    // The wizard shows the same notes in Chinese, in the same order.
    expect(previewed.body.file.notesZh.length).toBe(previewed.body.file.notes.length);
    expect(previewed.body.file.notesZh).toContain(
      '读取工作表“设施”（第 1 个，共 3 个）；其他工作表（“说明”、“Sheet3”）不导入',
    );
    expect(previewed.body.mapping).toEqual(CHINESE_FACILITY_COLUMNS);
    expect(previewed.body.problems.filter((problem: Problem) => problem.severity === 'error')).toEqual([]);
    // Records are located by the sheet's row numbers: the header is row 1 and row 12 is left empty.
    const rowsRead = previewed.body.features.features.map(
      (feature: any) => feature.properties.importLocation,
    );
    expect(rowsRead.length).toBe(20);
    expect(rowsRead).toContain('row 22');
    expect(rowsRead).not.toContain('row 12');
    expect(await snapshot()).toEqual(before);

    const committed = await commit('demo', previewed.body.importId);
    expect(committed.status, committed.text).toBe(200);
    const rows = await facilityPositions('xlsx-');
    expect(rows.length).toBe(20);
    for (const row of rows) {
      const known = demoFacilities.get(row.id.replace(/^xlsx-/, ''))!;
      expect(row.name).toBe(known.properties.name);
      expect(row.category).toBe(known.properties.category);
      expect(row.floorArea, row.id).toBe(known.properties.floorAreaSquareMeters);
      expect(Math.abs(row.lon - known.geometry.coordinates[0]), row.id).toBeLessThan(1e-6);
      expect(Math.abs(row.lat - known.geometry.coordinates[1]), row.id).toBeLessThan(1e-6);
    }
    // Areas were written as numbers, as text ("1630") and as "2,700": all of them came through.
    expect(rows.filter((row) => row.floorArea !== null).length).toBe(
      rows.filter(
        (row) => demoFacilities.get(row.id.replace(/^xlsx-/, ''))!.properties.floorAreaSquareMeters !== null,
      ).length,
    );
    expect((await snapshot()).facilities).toBe(before.facilities + 20);

    const afterGood = await snapshot();
    const broken = await preview('demo', 'facilities-broken.xlsx', { layer: 'facilities' });
    expect(broken.status, broken.text).toBe(200);
    expect(broken.body.canCommit).toBe(false);
    const expected = [
      'row 3|category|unknown-value',
      'row 4|floorAreaSquareMeters|not-a-number',
      'row 6|id|duplicate-id',
      'row 7|lon|empty-value',
      'row 8|floorAreaSquareMeters|not-a-number',
    ];
    expect(errorKeys(broken.body.problems).sort()).toEqual([...expected].sort());
    for (const problem of broken.body.problems as Problem[]) {
      if (problem.severity !== 'error') continue;
      expect(problem.message.startsWith(problem.location!), problem.message).toBe(true);
      expect(problem.locationZh).toBe(chinesePlace(problem.location!));
      expect(
        problem.messageZh.startsWith(`第 ${/\d+/.exec(problem.location!)![0]} 行`),
        problem.messageZh,
      ).toBe(true);
    }
    const errorCell = (broken.body.problems as Problem[]).find((problem) => problem.location === 'row 8')!;
    expect(errorCell.message).toMatch(/#DIV\/0!/);
    expect(errorCell.messageZh).toMatch(/^第 8 行（编号“xbad-6”），字段“建筑面积”.*“#DIV\/0!”不是数字$/);
    expect(broken.body.file.notes).toContain(
      'row 8, column 建筑面积 (F8): the cell holds the Excel error #DIV/0!',
    );
    const errorNote = broken.body.file.notes.indexOf(
      'row 8, column 建筑面积 (F8): the cell holds the Excel error #DIV/0!',
    );
    expect(broken.body.file.notesZh[errorNote]).toBe(
      '第 8 行，列“建筑面积”（单元格 F8）：单元格中是 Excel 错误值 #DIV/0!',
    );
    const refused = await commit('demo', broken.body.importId);
    expect(refused.status).toBe(422);
    expect(refused.body.errorZh).toMatch(/^facilities-broken\.xlsx 中有 5 个问题，没有导入任何数据。/);
    expect(await snapshot()).toEqual(afterGood);

    // An Excel 97–2003 workbook is refused before anything else, saying how to save it.
    const legacy = new Uint8Array(1024);
    legacy.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = await preview('demo', { name: '设施.xls', bytes: legacy }, { layer: 'facilities' });
    expect(xls.status).toBe(400);
    expect(xls.body.error).toMatch(
      /^设施\.xls: Excel 97–2003 \(\.xls\) and WPS \(\.et\) workbooks cannot be read: .*save it as an Excel workbook \(\.xlsx\) or as CSV/,
    );
    expect(xls.body.errorZh).toMatch(
      /^设施\.xls：无法读取 Excel 97–2003（\.xls）或 WPS（\.et）工作簿：.*另存为 Excel 工作簿（\.xlsx）或 CSV/,
    );
  });
});

describe('npm run import (the command line)', () => {
  const run = promisify(execFile);
  let dataDirectory: string;
  beforeAll(async () => {
    dataDirectory = await templateDataDirectoryCopy('migrated', 'lifecircle-import-cli-');
  });
  afterAll(async () => rm(dataDirectory, { recursive: true, force: true }));

  it('creates a region from road centrelines in the embedded database and refuses an unreadable file before opening it', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LIFECIRCLE_DATA_DIR: dataDirectory };
    delete env.DATABASE_URL;
    const tsx = path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
    const script = path.join(REPOSITORY_ROOT, 'scripts/import.ts');
    const { stdout } = await run(
      tsx,
      [
        script,
        path.join(FIXTURES, 'newtown-roads.geojson'),
        '--region',
        'clitown',
        '--layer',
        'network',
        '--create',
        '--name',
        '命令行新城',
      ],
      { env, cwd: REPOSITORY_ROOT },
    );
    expect(stdout).toMatch(
      /imported: newtown-roads\.geojson → region "clitown", layer network \(add, new region\)/,
    );
    expect(stdout).toMatch(/network: 41 edges, 27 nodes/);

    const loneShp = path.join(dataDirectory, 'communities.shp');
    await writeFile(loneShp, new Uint8Array(100));
    const refused = await run(tsx, [script, loneShp, '--region', 'clitown', '--layer', 'communities'], {
      env,
      cwd: REPOSITORY_ROOT,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/a Shapefile needs its \.dbf.*\nnothing was imported/s);

    const database = await openEmbeddedDatabase(dataDirectory);
    try {
      const rows = await database.query<{ edges: number; name: string }>(
        `SELECT (SELECT count(*)::int FROM network_edges WHERE region_id = 'clitown') AS edges, name FROM regions WHERE id = 'clitown'`,
      );
      expect(rows.rows).toEqual([{ edges: 41, name: '命令行新城' }]);
    } finally {
      await database.close();
    }
  });
});
