/**
 * Three import faults found by probing the server (issue 12): a CSV of more rows than an import
 * takes is refused while it is read, by code, naming the file, the limit and what to do, and
 * nothing is stored; a CSV mixing UTF-8 and GBK rows previews with a warning naming the rows in the
 * other encoding; and a preview locks nothing, so a scenario is created while it checks.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_RECORDS } from '../../core/import/import-limits.js';
import type { App } from '../../server/src/app.js';
import type { Database, Query } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { importsSettled } from '../../server/src/imports/run-import.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

/**
 * The database as it is, with every statement the app sends to it told to `onStatement` before it
 * runs (to start a request at a known step of another, and to see which came after which).
 */
function observed(database: Database, onStatement: (text: string) => void): Database {
  const watch =
    (query: Query): Query =>
    (text, params) => {
      onStatement(text);
      return query(text, params);
    };
  return {
    kind: database.kind,
    query: watch(database.query),
    transaction: (work) => database.transaction((query) => work(watch(query))),
    session: (work) => database.session((query) => work(watch(query))),
    close: () => database.close(),
  };
}

describe.each(testBackends())('import guards on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let appDatabase: Database | undefined;
  let app: SignedIn<App>;
  let onStatement: (text: string) => void = () => undefined;

  const parse = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as any,
  });
  const preview = async (name: string, bytes: Uint8Array, fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    // Every property as it would be written: a test reads the names decoded from the file.
    return parse(
      await app.request('/api/regions/tiny/imports?featureProperties=all', { method: 'POST', body: form }),
    );
  };
  const createScenario = async (name: string) =>
    parse(
      await app.request('/api/regions/tiny/scenarios', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, basedOn: 'baseline' }),
      }),
    );
  const count = async (sql: string) =>
    (await database.query<{ n: number }>(`SELECT (${sql})::int AS n`)).rows[0].n;

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const region = tinyRegion('tiny');
    await loadRegion(database, 'test', region.meta, region.layers);
    appDatabase = observed(database, (text) => onStatement(text));
    app = await createSignedInApp(appDatabase);
  });
  afterAll(async () => {
    // The app's imports run on the observed database: a preview's staging after its answer ends first.
    if (appDatabase) await importsSettled(appDatabase);
    await dispose?.();
  });

  it(`refuses a CSV of more than ${MAX_IMPORT_RECORDS} rows by code, naming the file, the limit and what to do, storing nothing`, async () => {
    const rows = Array.from(
      { length: MAX_IMPORT_RECORDS + 1 },
      (_, k) => `f-${k},站${k},kindergarten,109.7005,28.3005\n`,
    );
    const bytes = new TextEncoder().encode(`编号,名称,类别,经度,纬度\n${rows.join('')}`);
    const facilitiesBefore = await count(`SELECT count(*) FROM facilities WHERE region_id = 'tiny'`);

    const refused = await preview('too-many.csv', bytes, { layer: 'facilities' });

    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('import.too-many-records');
    expect(refused.body.params).toEqual({ fileName: 'too-many.csv', limit: MAX_IMPORT_RECORDS });
    expect(refused.body.error).toContain('too-many.csv');
    expect(refused.body.error).toContain(`more than ${MAX_IMPORT_RECORDS} rows`);
    expect(refused.body.error).toMatch(/split the file/);
    expect(refused.body.errorZh).toContain(`超过 ${MAX_IMPORT_RECORDS} 行`);
    expect(refused.body.errorZh).toMatch(/拆分/);
    expect(await count(`SELECT count(*) FROM imports`)).toBe(0);
    expect(await count(`SELECT count(*) FROM facilities WHERE region_id = 'tiny'`)).toBe(facilitiesBefore);
  });

  it('previews a CSV of UTF-8 rows and some GBK rows with a warning naming the GBK rows, in both languages', async () => {
    const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
    const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
    const parts = [
      utf8('编号,名称,类别,经度,纬度\n'),
      utf8('mix-1,东门幼儿园,kindergarten,109.7005,28.3005\n'),
      utf8('mix-2,西门幼儿园,kindergarten,109.7015,28.3005\n'),
      utf8('mix-3,南门幼儿园,kindergarten,109.7005,28.3015\n'),
      gbk('mix-4,北门幼儿园,kindergarten,109.7015,28.3015\n'),
      utf8('mix-5,中心幼儿园,kindergarten,109.7010,28.3010\n'),
      gbk('mix-6,河畔幼儿园,kindergarten,109.7012,28.3012\n'),
    ];
    const bytes = new Uint8Array(Buffer.concat(parts));

    const previewed = await preview('mixed.csv', bytes, { layer: 'facilities' });

    expect(previewed.status).toBe(200);
    expect(previewed.body.file.encoding.encoding).toBe('utf8');
    const warnings = previewed.body.problems.filter((problem: any) => problem.code === 'text-encoding');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].message).toMatch(/^rows 5, 7 are not UTF-8 text/);
    expect(warnings[0].messageZh).toMatch(/^第 5、7 行不是 UTF-8 文本/);
    expect(previewed.body.canCommit).toBe(true);
    // The UTF-8 rows, most of the file, read as they were written.
    const names = previewed.body.features.features.map((feature: any) => feature.properties.name);
    expect(names).toEqual(expect.arrayContaining(['东门幼儿园', '西门幼儿园', '南门幼儿园', '中心幼儿园']));
  });

  it('creates a scenario of the region while a preview of many units is still checking them', async () => {
    // Units of 1 m × 1 m laid over the tiny region's 2 × 2 cells: enough for several load statements.
    const side = 100;
    const step = 0.002 / side;
    const features = [];
    for (let row = 0; row < side; row += 1)
      for (let column = 0; column < side; column += 1) {
        const [west, south] = [109.7 + column * step, 28.3 + row * step];
        const size = step / 2;
        features.push({
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [west, south],
                [west + size, south],
                [west + size, south + size],
                [west, south + size],
                [west, south],
              ],
            ],
          },
          properties: { id: `many-${row}-${column}`, residents: 3 },
        });
      }
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    // The region's first scenario prepares its base; that is not what is measured here.
    expect((await createScenario('before the preview')).status).toBe(201);

    const events: string[] = [];
    let created: Promise<{ status: number; body: any }> | null = null;
    onStatement = (text) => {
      // The preview's check works on its temporary table; its final drop is not checking.
      if (/import_features/.test(text) && !/DROP TABLE/.test(text)) events.push('check statement');
      // Once the preview has begun loading its features, a planner creates a scenario.
      if (created === null && /INSERT INTO import_features/.test(text))
        created = createScenario('during the preview').then((answer) => {
          events.push('scenario created');
          return answer;
        });
    };
    try {
      const previewed = await preview('many-units.geojson', bytes, { layer: 'units' });
      expect(previewed.status).toBe(200);
      expect(previewed.body.featureCount).toBe(side * side);
      expect(created).not.toBeNull();
      expect((await created!).status).toBe(201);
    } finally {
      onStatement = () => undefined;
    }
    // The scenario was answered while the preview still had checking to do.
    const answeredAt = events.indexOf('scenario created');
    expect(answeredAt).toBeGreaterThan(0);
    expect(events.slice(answeredAt + 1)).toContain('check statement');
  });
});
