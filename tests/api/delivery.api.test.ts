import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTileServices, type TileService } from '../../server/src/basemaps/tile-services.js';
import { DEFAULT_API_LIMITS } from '../../server/src/config.js';
import { createSite } from '../../server/src/server.js';
import { noDatabase } from '../support/no-database.js';
import { refusalBody } from '../support/refusals.js';

// What the site adds around the API: headers, compression, caching, CORS, JSON 404s and 405s. None
// of it reads the database, so a database that refuses every query proves the answers come first.
const database = noDatabase('the site must not query the database here');

/** A built client as Vite lays it out: index.html naming hashed assets. */
const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('生活圈 '.repeat(2000))});`;

let clientDist: string;
const siteWith = (corsOrigins: string[] = [], tileServices: TileService[] = []) =>
  createSite(database, {
    clientDistDirectory: clientDist,
    limits: DEFAULT_API_LIMITS,
    corsOrigins,
    tileServices,
    queryTimeoutMilliseconds: 1000,
  });

beforeAll(async () => {
  clientDist = await mkdtemp(path.join(tmpdir(), 'lifecircle-dist-'));
  await mkdir(path.join(clientDist, 'assets'));
  await writeFile(path.join(clientDist, 'index.html'), INDEX_HTML);
  await writeFile(path.join(clientDist, 'assets/index-AbC123.js'), SCRIPT);
  await writeFile(path.join(clientDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rm(clientDist, { recursive: true, force: true }));

describe('the site', () => {
  it('sends the security headers on the page, the assets and the API', async () => {
    const site = siteWith();
    for (const url of ['/', '/assets/index-AbC123.js', '/api/openapi.json', '/api/no-such-thing']) {
      const response = await site.request(url);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, url).toMatch(/default-src 'self'/);
      expect(policy, url).toMatch(/script-src 'self'(;|$)/);
      expect(policy, url).toMatch(/worker-src 'self' blob:/);
      // Nothing from elsewhere while no tile service is configured.
      expect(policy, url).toMatch(/img-src 'self' data: blob:(;|$)/);
      expect(policy, url).toMatch(/connect-src 'self' data: blob:(;|$)/);
      expect(policy, url).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBe('same-origin');
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
      expect(response.headers.get('access-control-allow-origin'), url).toBeNull();
    }
  });

  it('lets the page load tiles from the configured tile services’ origins, and from no other', async () => {
    const site = siteWith(
      [],
      parseTileServices(
        JSON.stringify([
          {
            id: 'tianditu-img',
            name: '天地图影像',
            tiles: [
              'https://t0.tianditu.gov.cn/img_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY',
              'https://t1.tianditu.gov.cn/img_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY',
            ],
            gcj02: false,
          },
          {
            id: 'tianditu-cia',
            name: '天地图注记',
            tiles: ['https://t0.tianditu.gov.cn/cia_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY'],
            gcj02: false,
          },
        ]),
      ),
    );
    const policy = (await site.request('/')).headers.get('content-security-policy') ?? '';
    const origins = 'https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn';
    expect(policy).toContain(`img-src 'self' data: blob: ${origins};`);
    expect(policy).toContain(`connect-src 'self' data: blob: ${origins};`);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    // The key in the templates' query is not part of the policy.
    expect(policy).not.toContain('KEY');
  });

  it('keeps hashed assets for a year and asks again for index.html', async () => {
    const site = siteWith();
    const asset = await site.request('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/regions/demo']) {
      const page = await site.request(url);
      expect(page.status, url).toBe(200);
      expect(await page.text(), url).toBe(INDEX_HTML);
      expect(page.headers.get('cache-control'), url).toBe('no-cache');
    }
    const icon = await site.request('/favicon.svg');
    expect(icon.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });

  it('compresses assets and API answers for a browser that accepts gzip', async () => {
    const site = siteWith();
    for (const url of ['/assets/index-AbC123.js', '/api/openapi.json']) {
      const response = await site.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(response.headers.get('content-encoding'), url).toBe('gzip');
      const compressedBytes = (await response.arrayBuffer()).byteLength;
      const plain = await site.request(url);
      expect(plain.headers.get('content-encoding'), url).toBeNull();
      const plainBytes = (await plain.arrayBuffer()).byteLength;
      expect(compressedBytes, url).toBeLessThan(plainBytes / 2);
    }
  });

  it('answers an unknown API path with the JSON error shape, not a page or plain text', async () => {
    const site = siteWith();
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['GET', '/api/regions/demo/communities/extra/parts'],
      ['POST', '/api/nothing-here'],
    ] as const) {
      const response = await site.request(url, { method });
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type'), url).toMatch(/^application\/json/);
      expect(await response.json(), url).toEqual(
        refusalBody(`no such path: ${method} ${url}`, 'request.no-such-path'),
      );
    }
  });

  it('answers a known path asked with another method 405, naming the methods it answers', async () => {
    const site = siteWith();
    const response = await site.request('/api/openapi.json', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toMatch(/GET/);
    expect(await response.json()).toEqual(
      refusalBody(
        /^\/api\/openapi\.json does not answer DELETE; it answers GET/,
        'request.method-not-allowed',
      ),
    );
    const scenario = await site.request('/api/scenarios/abc', { method: 'PUT' });
    expect(scenario.status).toBe(405);
    expect((await scenario.json()).code).toBe('request.method-not-allowed');
  });

  it('allows other origins only when CORS_ORIGINS names them', async () => {
    const closed = await siteWith().request('/api/openapi.json', {
      headers: { origin: 'https://planning.example' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = siteWith(['https://planning.example']);
    const allowed = await open.request('/api/openapi.json', {
      headers: { origin: 'https://planning.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://planning.example');
    // A PMTiles reader there reads a base map's archive by ranges, and must see how they were answered.
    expect(allowed.headers.get('access-control-expose-headers')?.split(/,\s*/)).toEqual(
      expect.arrayContaining(['Content-Range', 'Accept-Ranges', 'ETag']),
    );
    const other = await open.request('/api/openapi.json', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
