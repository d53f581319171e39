import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { MAX_EDIT_GEOMETRY_VERTICES } from '../../core/scenario/scenario-edit-schema.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { refusalBody } from '../support/refusals.js';
import { signedIn } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';

// What every request meets before a route reads it, found by probing the server (issue 12): NUL
// bytes, writes from other sites' pages, oversized bodies and outlines. Each answers a 4xx in the
// one error shape naming what is wrong, and writes nothing. Every request is the signed-in
// administrator's (session cookie and CSRF token), so what refuses it is the guard, not a sign-in.
describe.each(testBackends())('request guards on $name', (backend) => {
  const demo = useDemoApp(backend);
  const scenarioCount = async () =>
    Number((await demo.sql<{ count: string }>('SELECT count(*) AS count FROM scenarios'))[0].count);
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    demo.app().request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers NUL bytes in ids, names and edits with 400 naming the field, writing nothing', async () => {
    const before = await scenarioCount();
    const byId = await demo.call('GET', '/api/scenarios/abc%00def');
    expect(byId.status).toBe(400);
    expect(byId.body).toEqual(
      refusalBody('id: must not contain the NUL character (\\u0000)', 'request.invalid'),
    );
    expect(byId.body.params.field).toBe('id');
    expect(byId.body.errorZh).toBe('id：不能包含 NUL 字符（\\u0000）');

    const named = await demo.call('POST', '/api/regions/demo/scenarios', { name: 'plan\u0000A' });
    expect(named.status).toBe(400);
    expect(named.body.params.field).toBe('name');

    const { id, version } = await demo.createScenario('NUL edits');
    const edited = await demo.call('PATCH', `/api/scenarios/${id}`, {
      version,
      edits: [{ op: 'merge', communityIds: ['a', 'b\u0000'], into: 'a' }],
    });
    expect(edited.status).toBe(400);
    expect(edited.body.params.field).toBe('edits[0].communityIds[1]');
    // A member no schema names (an unknown key) is named too, before the schema refuses it as unknown.
    const unknownKey = await demo.call('PATCH', `/api/scenarios/${id}`, { version, note: 'x\u0000' });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.params.field).toBe('note');
    expect(await scenarioCount()).toBe(before + 1);
    expect((await demo.call('GET', `/api/scenarios/${id}`)).body.version).toBe(version);
  });

  it('refuses writes from another site’s page with 403 and takes the app’s own and scripts’ writes', async () => {
    const before = await scenarioCount();
    const fromElsewhere = await post(
      '/api/regions/demo/scenarios',
      { name: 'forged' },
      { origin: 'https://evil.example' },
    );
    expect(fromElsewhere.status).toBe(403);
    expect(await fromElsewhere.json()).toEqual(
      refusalBody(
        'POST /api/regions/demo/scenarios was sent by a page of another site (https://evil.example); writes are accepted from this app’s own pages only',
        'request.cross-site',
      ),
    );
    const markedCrossSite = await post(
      '/api/regions/demo/scenarios',
      { name: 'forged' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(markedCrossSite.status).toBe(403);
    // An upload from a form on another site, the probe that once stored one.
    const form = new FormData();
    form.append('file', new Blob(['id,name\n1,x\n']), 'forged.csv');
    form.append('layer', 'facilities');
    const upload = await demo.app().request('/api/regions/demo/imports', {
      method: 'POST',
      body: form,
      headers: { origin: 'null' },
    });
    expect(upload.status).toBe(403);
    expect(
      Number((await demo.sql<{ count: string }>('SELECT count(*) AS count FROM imports'))[0].count),
    ).toBe(0);
    expect(await scenarioCount()).toBe(before);

    // The app's own page (same origin as the request) and a script without Origin are served.
    const own = await post(
      '/api/regions/demo/scenarios',
      { name: 'own page' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    );
    expect(own.status, await own.clone().text()).toBe(201);
    const script = await post('/api/regions/demo/scenarios', { name: 'script' });
    expect(script.status).toBe(201);
    // Reading is never refused: a page elsewhere cannot read the answer without CORS anyway.
    const read = await demo.app().request('/api/regions', { headers: { origin: 'https://evil.example' } });
    expect(read.status).toBe(200);
    expect(await scenarioCount()).toBe(before + 2);
  });

  it('refuses a JSON body over the limit with 413 before reading it, and stores nothing', async () => {
    const { id, version } = await demo.createScenario('big bodies');
    const huge = JSON.stringify({ version, name: 'x'.repeat(9 * 1024 * 1024) });
    const response = await demo.app().request(`/api/scenarios/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(
      refusalBody('the request is larger than 8 MB', 'request.too-large'),
    );

    const strict = signedIn(
      createApp({ query: demo.sql, transaction: async () => undefined } as never, {
        limits: { jsonBodyBytes: 1000 },
      }),
      demo.app().credentials,
    );
    const small = await strict.request('/api/regions/demo/scenarios', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'y'.repeat(2000) }),
    });
    expect(small.status).toBe(413);
    expect((await small.json()).params).toEqual({ limitMegabytes: 0 });
    const current = await demo.call('GET', `/api/scenarios/${id}`);
    expect(current.body.version).toBe(version);
    expect(current.body.name).toBe('big bodies');
  });

  it('refuses an outline of more vertices than an edit may draw, naming the ring', async () => {
    const { id, version } = await demo.createScenario('huge outline');
    const count = MAX_EDIT_GEOMETRY_VERTICES + 1;
    const ring = Array.from({ length: count }, (_, index) => {
      const angle = (2 * Math.PI * index) / (count - 1);
      return [109.72 + 0.01 * Math.cos(angle), 28.28 + 0.01 * Math.sin(angle)];
    });
    ring[count - 1] = ring[0];
    const response = await demo.call('PATCH', `/api/scenarios/${id}`, {
      version,
      edits: [{ op: 'redraw', communityId: 'c01', outline: { type: 'Polygon', coordinates: [ring] } }],
    });
    expect(response.status).toBe(400);
    expect(response.body.params.field).toBe('edits[0].outline.coordinates[0]');
    expect(response.body.error).toBe(
      'edits[0].outline.coordinates[0]: a ring may have at most 20000 vertices',
    );
    expect(response.body.errorZh).toBe('edits[0].outline.coordinates[0]：最多 20000 项');
    const edits = await demo.sql('SELECT * FROM scenario_edits WHERE scenario_id = $1', [id]);
    expect(edits).toEqual([]);
  });

  it('refuses a zip bomb upload with 413 naming the entry, before unpacking it', async () => {
    // 64 MB of one repeated CSV row packs to ~60 kB: a thousand times, as no real table does.
    const row = new TextEncoder().encode('1,东区幼儿园,幼儿园,109.72,28.28\n');
    const rows = new Uint8Array(64 * 1024 * 1024);
    for (let offset = 0; offset + row.length <= rows.length; offset += row.length) rows.set(row, offset);
    const bomb = zipSync({ 'layers/facilities.csv': rows }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const form = new FormData();
    form.append('file', new Blob([bomb]), 'facilities.zip');
    form.append('layer', 'facilities');
    const response = await demo.app().request('/api/regions/demo/imports', { method: 'POST', body: form });
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body).toEqual(
      refusalBody(
        /^facilities\.zip: layers\/facilities\.csv: unpacks 64\.0 MB from more than 200 times less/,
        'import.archive-too-large',
      ),
    );
    expect(body.params.entry).toBe('layers/facilities.csv');
    expect(body.errorZh).toMatch(/^压缩包 facilities\.zip：layers\/facilities\.csv：解压后 64\.0 MB/);
    expect(
      Number((await demo.sql<{ count: string }>('SELECT count(*) AS count FROM imports'))[0].count),
    ).toBe(0);
  });
});
