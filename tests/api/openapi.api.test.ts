import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';

// The document and the docs page are built from the route modules alone: no query reaches the
// database, so a database that refuses every query proves it.
const noDatabase: Database = {
  kind: 'embedded',
  query: async () => {
    throw new Error('the API docs must not query the database');
  },
  transaction: async () => {
    throw new Error('the API docs must not query the database');
  },
  close: async () => undefined,
} as unknown as Database;

/** Hono's `:name{pattern}` and `:name` as OpenAPI's `{name}`. */
const openApiPathOf = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

describe('the OpenAPI document and docs page', () => {
  const app = createApp(noDatabase);

  it('is OpenAPI 3.x listing every route of the app with its method', async () => {
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBeTruthy();

    const routes = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method.toLowerCase()} ${openApiPathOf(route.path)}`),
    );
    expect(routes.size).toBeGreaterThan(20);
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method} ${path}`),
      ),
    );
    expect([...routes].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((operation) => !routes.has(operation))).toEqual([]);
    for (const path of [
      'get /api/regions/{region}/{layer}/export',
      'post /api/regions/{region}/isochrones/export',
      'get /api/regions/{region}/coverage/export',
      'get /api/regions/{region}/heatmap/export',
    ]) {
      expect(documented.has(path), path).toBe(true);
    }
  });

  it('gives every POST and PATCH its request body schema and every path parameter', async () => {
    const document = await (await app.request('/api/openapi.json')).json();
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
        if (method === 'post' || method === 'patch') {
          const content = operation.requestBody?.content ?? {};
          const schemas = Object.values(content) as { schema: { type?: string; properties?: object } }[];
          expect(schemas.length, `${method} ${path}`).toBe(1);
          expect(schemas[0].schema.type, `${method} ${path}`).toBe('object');
          expect(Object.keys(schemas[0].schema.properties ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
        }
        const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        const declared = (operation.parameters as { name: string; in: string }[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name)
          .sort();
        expect(declared, `${method} ${path}`).toEqual(pathNames);
      }
    }
    const isochrones = document.paths['/api/regions/{region}/isochrones'].post;
    expect(Object.keys(isochrones.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['origins', 'facilityIds', 'minutes', 'speedMetersPerSecond', 'mode', 'method']),
    );
    const exportFormat = document.paths['/api/regions/{region}/{layer}/export'].get.parameters.find(
      (parameter: { name: string }) => parameter.name === 'format',
    );
    expect(exportFormat).toMatchObject({ in: 'query', required: true, schema: { enum: ['geojson', 'csv', 'shapefile'] } });
  });

  it('serves /api/docs as a self-contained HTML page listing the operations', async () => {
    const response = await app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('/api/regions/{region}/coverage/export');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/i);
  });
});
