import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { readConfig } from '../../server/src/config.js';
import { openServerDatabase, type Database } from '../../server/src/db/client.js';
import { prepareDatabase } from '../../server/src/db/prepare.js';
import { createThrowawayServerDatabase } from '../support/test-databases.js';
import { signIn, signInFirstAdmin, withCredentials, type Credentials } from '../support/sign-in.js';

// Issue 12: two app processes on one PostgreSQL database serve the same truth. Each app here has its
// own pool, its own in-memory models (walking model, scenario base, scenario evaluators are cached
// per Database object) — as two processes would — on one throw-away server database.
describe('two apps on one PostgreSQL database', () => {
  const serverUrl = process.env.DATABASE_URL_TEST!;
  let throwaway: Awaited<ReturnType<typeof createThrowawayServerDatabase>> | undefined;
  const databases: Database[] = [];
  let first: App;
  let second: App;
  /** One user signed in on each app (sessions live in the shared database). */
  const credentials = new Map<App, Credentials>();

  /** The one way this file makes a request: JSON in, status and JSON out. */
  const call = async (app: App, method: string, url: string, body?: unknown) => {
    const response = await app.request(
      url,
      withCredentials(credentials.get(app) ?? null, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as any };
  };
  const upload = async (app: App, url: string, file: { name: string; text: string }, fields: object) => {
    const form = new FormData();
    form.append('file', new Blob([file.text]), file.name);
    for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
    const response = await app.request(
      url,
      withCredentials(credentials.get(app) ?? null, { method: 'POST', body: form }),
    );
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    throwaway = await createThrowawayServerDatabase(serverUrl);
    const url = throwaway.url;
    databases.push(await openServerDatabase(url), await openServerDatabase(url));
    await prepareDatabase(databases[0], readConfig().seedRegionDirectories.slice(0, 1), () => undefined);
    first = createApp(databases[0]);
    second = createApp(databases[1]);
    const signedIn = await signInFirstAdmin(first, databases[0]);
    credentials.set(first, signedIn);
    credentials.set(second, await signIn(second, signedIn.username, signedIn.password));
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
    await throwaway?.drop();
  });

  const staffOf = async (app: App, scenarioId: string, communityId: string) => {
    const answer = await call(app, 'GET', `/api/scenarios/${scenarioId}/communities`);
    expect(answer.status).toBe(200);
    return answer.body.features.find((feature: { id: string }) => feature.id === communityId).properties
      .staff;
  };

  it('a save on one is what the other reads, and saves on both follow one version line', async () => {
    const created = await call(first, 'POST', '/api/regions/demo/scenarios', {
      name: '两处共用',
      basedOn: 'baseline',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const staffBefore = await staffOf(second, id, 'c-ximen'); // the second app now holds it at version 1
    expect(staffBefore).not.toBe(40);

    const saved = await call(first, 'PATCH', `/api/scenarios/${id}`, {
      version: 1,
      edits: [{ op: 'update', communityId: 'c-ximen', changes: { staff: 40 } }],
    });
    expect(saved.body).toMatchObject({ version: 2 });
    expect((await call(second, 'GET', `/api/scenarios/${id}`)).body).toMatchObject({ version: 2 });
    expect(await staffOf(second, id, 'c-ximen')).toBe(40);

    // The second saves on top of it; the first, still at version 1 in its own cache, sees that save
    // and is refused a save against the version it last wrote.
    const onSecond = await call(second, 'PATCH', `/api/scenarios/${id}`, {
      version: 2,
      edits: [{ op: 'update', communityId: 'c-ximen', changes: { staff: 41 } }],
    });
    expect(onSecond.body).toMatchObject({ version: 3 });
    expect(await staffOf(first, id, 'c-ximen')).toBe(41);
    const stale = await call(first, 'PATCH', `/api/scenarios/${id}`, {
      version: 2,
      edits: [{ op: 'update', communityId: 'c-ximen', changes: { staff: 42 } }],
    });
    expect(stale.status).toBe(409);
    expect((await call(second, 'GET', `/api/scenarios/${id}`)).body).toMatchObject({ version: 3 });
  });

  it('an import on one makes the other rebuild its walking model and scenario base', async () => {
    // 柳塘社区 has no kindergarten within reach: the second app builds its model and says so.
    const coverageOf = async (app: App) => {
      const answer = await call(app, 'GET', '/api/regions/demo/coverage');
      expect(answer.status).toBe(200);
      const liutang = answer.body.communities.find(
        (community: { name: string }) => community.name === '柳塘社区',
      );
      return liutang.categories.find((entry: { category: string }) => entry.category === 'kindergarten')
        .coveredResidents as number;
    };
    expect(await coverageOf(second)).toBe(0);
    // …and its scenarios' base (units, adjacency, facilities), which scenario evaluators start from.
    const baseFacilityIds = async (app: App) => {
      const answer = await call(app, 'GET', '/api/regions/demo/unit-adjacency');
      expect(answer.status).toBe(200);
      return answer.body.facilities.map((facility: { id: string }) => facility.id) as string[];
    };
    expect(await baseFacilityIds(second)).not.toContain('f-liutang-new');

    // The first imports a kindergarten in the middle of 柳塘社区.
    const { rows } = await databases[0].query<{ lon: number; lat: number }>(
      `SELECT ST_X(u.access_point) AS lon, ST_Y(u.access_point) AS lat
       FROM population_units u JOIN communities c ON c.region_id = u.region_id AND c.id = u.community_id
       WHERE u.region_id = 'demo' AND c.name = '柳塘社区' AND u.residents > 0 ORDER BY u.id LIMIT 1`,
    );
    const csv = `id,name,category,lon,lat\nf-liutang-new,柳塘新幼儿园,kindergarten,${rows[0].lon},${rows[0].lat}\n`;
    const previewed = await upload(
      first,
      '/api/regions/demo/imports',
      { name: 'kindergarten.csv', text: csv },
      {
        layer: 'facilities',
      },
    );
    expect(previewed.status).toBe(200);
    expect(previewed.body.canCommit).toBe(true);
    const committed = await call(
      first,
      'POST',
      `/api/regions/demo/imports/${previewed.body.importId}/commit`,
      {},
    );
    expect(committed.status).toBe(200);

    // The second, asked again, answers from the imported facilities, not from its old model.
    expect(await coverageOf(second)).toBeGreaterThan(0);
    expect(await coverageOf(first)).toBe(await coverageOf(second));
    expect(await baseFacilityIds(second)).toContain('f-liutang-new');
  });
});
