import { getIssues } from '@placemarkio/check-geojson';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { testBackends } from '../support/test-databases.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';

interface Feature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, any>;
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** shpjs reads a zipped Shapefile back into GeoJSON; a variable name keeps TypeScript from wanting its types. */
async function readShapefile(bytes: Uint8Array): Promise<Collection> {
  const shpjsModule = 'shpjs';
  const { default: read } = (await import(shpjsModule)) as {
    default: (zip: ArrayBuffer) => Promise<Collection>;
  };
  return read(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** A CSV body: BOM checked, then header and rows split (cells here hold no quoted commas or line breaks). */
function parseCsv(bytes: Uint8Array): { header: string[]; rows: string[][] } {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
  const split = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let k = 0; k < line.length; k += 1) {
      const character = line[k];
      if (quoted) {
        if (character === '"' && line[k + 1] === '"') {
          cell += '"';
          k += 1;
        } else if (character === '"') quoted = false;
        else cell += character;
      } else if (character === '"') quoted = true;
      else if (character === ',') {
        cells.push(cell);
        cell = '';
      } else cell += character;
    }
    cells.push(cell);
    return cells;
  };
  return { header: split(lines[0]), rows: lines.slice(1).map(split) };
}

const numberOrNull = (text: string) => (text === '' ? null : Number(text));

describe.each(testBackends())('exports on $name PostGIS with the demo region', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;

  const get = async (url: string, init?: RequestInit) => {
    const response = await app.request(url, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      text: new TextDecoder().decode(bytes),
    };
  };
  const json = async (url: string, init?: RequestInit) => {
    const response = await get(url, init);
    expect(response.status, response.text).toBe(200);
    return JSON.parse(response.text);
  };
  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('seeded'));
    app = await createSignedInApp(database);
  });
  afterAll(async () => dispose?.());

  it.each(['streets', 'communities', 'facilities', 'units', 'network', 'water'])(
    'exports the %s layer as GeoJSON, CSV and Shapefile with one record per feature',
    async (layer) => {
      const source = (await json(`/api/regions/demo/${layer}`)) as Collection;
      expect(source.features.length).toBeGreaterThan(0);
      const byId = new Map(
        source.features.map((feature) => [String(feature.properties.id ?? feature.id), feature]),
      );

      const geojson = await get(`/api/regions/demo/${layer}/export?format=geojson`);
      expect(geojson.status, geojson.text).toBe(200);
      expect(geojson.headers.get('content-disposition')).toMatch(
        /^attachment; filename="demo-[a-z-]+\.geojson"/,
      );
      expect(getIssues(geojson.text)).toEqual([]);
      const exported = JSON.parse(geojson.text) as Collection;
      expect(exported.features).toHaveLength(source.features.length);

      const csv = await get(`/api/regions/demo/${layer}/export?format=csv`);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toMatch(/filename="demo-[a-z-]+\.csv"/);
      const table = parseCsv(csv.bytes);
      expect(table.header[0]).toBe('id');
      expect(table.rows).toHaveLength(source.features.length);
      expect(new Set(table.rows.map((row) => row[0]))).toEqual(new Set(byId.keys()));

      const zip = await get(`/api/regions/demo/${layer}/export?format=shapefile`);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const extensions = Object.keys(unzipSync(zip.bytes))
        .map((name) => name.split('.').pop())
        .sort();
      expect(extensions).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx']);
      const read = await readShapefile(zip.bytes);
      expect(read.features).toHaveLength(source.features.length);
      const expectedType = source.features[0].geometry!.type.replace(/^Multi/, '');
      for (const feature of read.features) {
        const match = byId.get(String(feature.properties.id));
        expect(match, `${layer} ${feature.properties.id}`).toBeDefined();
        expect(feature.geometry?.type.replace(/^Multi/, '')).toBe(expectedType);
        if (layer !== 'network') {
          // The names are Chinese: they survive the UTF-8 .dbf (declared by the .cpg) unchanged.
          // An absent name is an empty text field in a .dbf.
          expect(feature.properties.name || null).toBe(match!.properties.name || null);
        }
      }
      if (layer !== 'network') {
        expect(read.features.some((feature) => /[\u4e00-\u9fff]/.test(String(feature.properties.name)))).toBe(
          true,
        );
      }
    },
  );

  it('writes names a spreadsheet would run as formulas as text, in layer and scenario CSVs', async () => {
    // A name as an imported file or an edit may carry it (Excel and WPS would run it on opening).
    const [facility] = (
      await database.query<{ id: string; name: string }>(
        "SELECT id, name FROM facilities WHERE region_id = 'demo' ORDER BY id LIMIT 1",
      )
    ).rows;
    const formula = '=HYPERLINK("http://evil.example","点这里")';
    await database.query("UPDATE facilities SET name = $2 WHERE region_id = 'demo' AND id = $1", [
      facility.id,
      formula,
    ]);
    try {
      const layer = parseCsv((await get('/api/regions/demo/facilities/export?format=csv')).bytes);
      const nameColumn = layer.header.indexOf('name');
      const row = layer.rows.find((cells) => cells[0] === facility.id)!;
      expect(row[nameColumn]).toBe(`'${formula}`);
      expect(layer.rows.filter((cells) => /^[=+@]/.test(cells[nameColumn]))).toEqual([]);

      const created = await get('/api/regions/demo/scenarios', post({ name: '+公式方案' }));
      expect(created.status, created.text).toBe(201);
      const scenario = JSON.parse(created.text) as { id: string; version: number };
      const communities = (await json(`/api/scenarios/${scenario.id}/communities`)) as Collection;
      const renamed = await get(`/api/scenarios/${scenario.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          version: scenario.version,
          edits: [{ op: 'update', communityId: communities.features[0].id, changes: { name: '@SUM(A1)' } }],
        }),
      });
      expect(renamed.status, renamed.text).toBe(200);
      const exported = parseCsv((await get(`/api/scenarios/${scenario.id}/export?format=csv`)).bytes);
      const cells = exported.rows.flat();
      expect(cells).toContain("'@SUM(A1)");
      expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell))).toEqual([]);
    } finally {
      await database.query("UPDATE facilities SET name = $2 WHERE region_id = 'demo' AND id = $1", [
        facility.id,
        facility.name,
      ]);
    }
  });

  it('exports communities with their baseline metrics', async () => {
    const baseline = (await json('/api/regions/demo/scenarios/baseline/communities')) as Collection;
    const exported = JSON.parse(
      (await get('/api/regions/demo/communities/export?format=geojson')).text,
    ) as Collection;
    const residents = new Map(baseline.features.map((feature) => [feature.id, feature.properties.residents]));
    for (const feature of exported.features) {
      expect(feature.properties.residents).toBe(residents.get(feature.id));
      expect(Object.keys(feature.properties).some((key) => key.startsWith('coveredShare.'))).toBe(true);
    }
  });

  it('exports isochrones with the figures of /isochrones', async () => {
    const facilities = (await json('/api/regions/demo/facilities')) as Collection;
    const body = { facilityIds: [facilities.features[0].properties.id], minutes: [5, 10, 15] };
    const answer = (await json('/api/regions/demo/isochrones', post(body))) as Collection;
    const geojson = await get('/api/regions/demo/isochrones/export?format=geojson', post(body));
    expect(geojson.status, geojson.text).toBe(200);
    expect(getIssues(geojson.text)).toEqual([]);
    expect((JSON.parse(geojson.text) as Collection).features.map((feature) => feature.properties)).toEqual(
      answer.features.map((feature) => feature.properties),
    );
    const table = parseCsv((await get('/api/regions/demo/isochrones/export?format=csv', post(body))).bytes);
    const column = (name: string) => table.header.indexOf(name);
    expect(
      table.rows.map((row) => [Number(row[column('minutes')]), Number(row[column('residents')])]),
    ).toEqual(answer.features.map((feature) => [feature.properties.minutes, feature.properties.residents]));
    const read = await readShapefile(
      (await get('/api/regions/demo/isochrones/export?format=shapefile', post(body))).bytes,
    );
    expect(read.features.map((feature) => feature.properties.residents)).toEqual(
      answer.features.map((feature) => feature.properties.residents),
    );
    expect((await get('/api/regions/demo/isochrones/export?format=kml', post(body))).status).toBe(400);
    expect((await get('/api/regions/demo/isochrones/export?format=csv', post({ minutes: [5] }))).status).toBe(
      400,
    );
  });

  it('exports coverage per community with every category share of /coverage', async () => {
    const coverage = await json('/api/regions/demo/coverage?tiers=kindergarten:5');
    const communities = coverage.communities as {
      id: string;
      residents: number;
      categories: { category: string; coveredShare: number | null }[];
    }[];
    const table = parseCsv(
      (await get('/api/regions/demo/coverage/export?format=csv&tiers=kindergarten:5')).bytes,
    );
    expect(table.rows).toHaveLength(communities.length);
    for (const community of communities) {
      const row = table.rows.find((cells) => cells[0] === community.id)!;
      expect(row, community.id).toBeDefined();
      expect(Number(row[table.header.indexOf('residents')])).toBe(community.residents);
      for (const { category, coveredShare } of community.categories) {
        expect(numberOrNull(row[table.header.indexOf(`coveredShare.${category}`)]), category).toBe(
          coveredShare,
        );
      }
    }
    const geojson = await get('/api/regions/demo/coverage/export?format=geojson&tiers=kindergarten:5');
    expect(getIssues(geojson.text)).toEqual([]);
    const features = (JSON.parse(geojson.text) as Collection).features;
    expect(features).toHaveLength(communities.length);
    expect(features.every((feature) => /Polygon$/.test(feature.geometry?.type ?? ''))).toBe(true);
    const read = await readShapefile(
      (await get('/api/regions/demo/coverage/export?format=shapefile&tiers=kindergarten:5')).bytes,
    );
    expect(read.features).toHaveLength(communities.length);
    const kindergarten = new Map(
      communities.map((community) => [
        community.id,
        community.categories.find((category) => category.category === 'kindergarten')!.coveredShare,
      ]),
    );
    for (const feature of read.features) {
      expect(feature.properties.kindergart).toBeCloseTo(kindergarten.get(feature.properties.id)!, 5);
    }
    expect((await get('/api/regions/demo/coverage/export?format=xlsx')).status).toBe(400);
  });

  it('exports a heat map as cell polygons with the minutes of /heatmap', async () => {
    const query = 'kind=travel-time&category=kindergarten&cellMeters=250';
    const answer = (await json(`/api/regions/demo/heatmap?${query}&format=geojson`)) as Collection;
    expect(answer.features.length).toBeGreaterThan(0);
    const geojson = await get(`/api/regions/demo/heatmap/export?${query}&format=geojson`);
    expect(geojson.headers.get('content-disposition')).toMatch(
      /filename="demo-heatmap-kindergarten-250m\.geojson"/,
    );
    expect(getIssues(geojson.text)).toEqual([]);
    const table = parseCsv((await get(`/api/regions/demo/heatmap/export?${query}&format=csv`)).bytes);
    expect(table.header).toEqual(['id', 'minutes']);
    expect(table.rows.map((row) => [Number(row[0]), Number(row[1])])).toEqual(
      answer.features.map((feature) => [feature.id, feature.properties.minutes]),
    );
    const read = await readShapefile(
      (await get(`/api/regions/demo/heatmap/export?${query}&format=shapefile`)).bytes,
    );
    expect(read.features.map((feature) => feature.properties.minutes)).toEqual(
      answer.features.map((feature) => feature.properties.minutes),
    );
    expect(read.features.every((feature) => feature.geometry?.type === 'Polygon')).toBe(true);
    expect((await get(`/api/regions/demo/heatmap/export?${query}&format=grid`)).status).toBe(400);
    expect((await get('/api/regions/demo/heatmap/export?kind=travel-time&format=csv')).status).toBe(400);
  });

  it('refuses a bad format or an unknown layer', async () => {
    const bad = await get('/api/regions/demo/streets/export?format=kml');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatch(/format/);
    expect((await get('/api/regions/demo/streets/export')).status).toBe(400);
    expect((await get('/api/regions/demo/roads/export?format=csv')).status).toBe(404);
    expect((await get('/api/regions/nowhere/streets/export?format=csv')).status).toBe(404);
  });
});
