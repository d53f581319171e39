import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type PermissionName } from '../../contract/access.js';
import { API_OPERATIONS } from '../../contract/index.js';
import { createApp } from '../../server/src/app.js';
import { noDatabase as noDatabaseAt } from '../support/no-database.js';

// The document and the docs page are built from the route modules alone: no query reaches the
// database, so a database that refuses every query proves it.
const noDatabase = noDatabaseAt('the API docs must not query the database');

/** Hono's `:name{pattern}` and `:name` as OpenAPI's `{name}`. */
const openApiPathOf = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

type Schema = Record<string, any>;
interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
}

/** Follows `$ref`s into the document's components; a reference to nothing fails the test. */
function resolved(document: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.replace(/^#\/components\/schemas\//, '');
    expect(document.components.schemas[name], current.$ref).toBeDefined();
    current = document.components.schemas[name];
  }
  return current;
}

/** Whether a schema says what a body holds: named fields or items, or alternatives that each do. */
function describesBody(document: OpenApiDocument, schema: Schema): boolean {
  const target = resolved(document, schema);
  if (target.properties && Object.keys(target.properties).length > 0) return true;
  if (target.items || target.prefixItems) return true;
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
    const members = target[combinator] as Schema[] | undefined;
    if (members) return members.length > 0 && members.every((member) => describesBody(document, member));
  }
  return false;
}

/** Whether every body a schema allows carries a string `error`. */
function requiresError(document: OpenApiDocument, schema: Schema): boolean {
  const target = resolved(document, schema);
  if ((target.required ?? []).includes('error')) return target.properties?.error?.type === 'string';
  if (target.allOf) return (target.allOf as Schema[]).some((member) => requiresError(document, member));
  const alternatives = (target.anyOf ?? target.oneOf) as Schema[] | undefined;
  return Boolean(alternatives?.length) && alternatives!.every((member) => requiresError(document, member));
}

/** Every operation of the document as [label, operation]. */
const operationsOf = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [`${method} ${path}`, operation] as const),
  );

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
    // Every operation of the contract is served, and the app serves nothing the contract lacks.
    const contract = new Set(API_OPERATIONS.map((spec) => `${spec.method} ${openApiPathOf(spec.path)}`));
    expect([...contract].filter((operation) => !routes.has(operation))).toEqual([]);
    expect([...routes].filter((route) => !contract.has(route))).toEqual([]);
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
          expect(Object.keys(schemas[0].schema.properties ?? {}).length, `${method} ${path}`).toBeGreaterThan(
            0,
          );
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
    expect(exportFormat).toMatchObject({
      in: 'query',
      required: true,
      schema: { enum: ['geojson', 'csv', 'shapefile'] },
    });
  });

  it('gives every JSON answer a body schema generated from zod, and keeps the download formats', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
    let jsonAnswers = 0;
    for (const [label, operation] of operationsOf(document)) {
      const successes = Object.entries(
        operation.responses as Record<string, { content?: Record<string, { schema: Schema }> }>,
      ).filter(([status]) => status.startsWith('2') && status !== '206');
      expect(successes.length, label).toBe(1);
      const [status, success] = successes[0];
      // A file read by ranges answers a part of itself as 206, in the same types as the whole.
      const partial = (operation.responses as Record<string, { content?: Record<string, unknown> }>)['206'];
      if (partial)
        expect(Object.keys(partial.content ?? {}), label).toEqual(Object.keys(success.content ?? {}));
      if (status === '204') {
        expect(success.content, label).toBeUndefined();
        continue;
      }
      const content = success.content ?? {};
      expect(Object.keys(content).length, label).toBeGreaterThan(0);
      for (const [type, { schema }] of Object.entries(content)) {
        expect(schema, `${label} ${type}`).toBeDefined();
        if (!/json$/.test(type)) continue;
        jsonAnswers += 1;
        expect(
          describesBody(document, schema),
          `${label} ${type}: ${JSON.stringify(schema).slice(0, 200)}`,
        ).toBe(true);
      }
    }
    expect(jsonAnswers).toBeGreaterThan(30);

    const coverage = resolved(
      document,
      document.paths['/api/regions/{region}/coverage'].get.responses['200'].content['application/json']
        .schema,
    );
    expect(coverage.required).toEqual(
      expect.arrayContaining(['speedMetersPerSecond', 'region', 'communities', 'uncoveredUnitIds', 'tiers']),
    );
    const isochrones = resolved(
      document,
      document.paths['/api/regions/{region}/isochrones'].post.responses['200'].content['application/json']
        .schema,
    );
    const band = resolved(document, isochrones.properties.features.items).properties.properties;
    expect(band.required).toEqual(
      expect.arrayContaining(['minutes', 'residents', 'households', 'elderly', 'areaSquareMeters']),
    );
    expect(band.properties.areaSquareMeters.description).toMatch(/m²/);

    for (const path of [
      '/api/regions/{region}/{layer}/export',
      '/api/regions/{region}/coverage/export',
      '/api/regions/{region}/heatmap/export',
      '/api/scenarios/{id}/export',
    ]) {
      const content = document.paths[path].get.responses['200'].content;
      expect(Object.keys(content).sort(), path).toEqual([
        'application/geo+json',
        'application/zip',
        'text/csv',
      ]);
      expect(resolved(document, content['application/geo+json'].schema), path).toBeTruthy();
      expect(describesBody(document, content['application/geo+json'].schema), path).toBe(true);
      expect(content['text/csv'].schema.type, path).toBe('string');
      expect(content['application/zip'].schema, path).toMatchObject({ type: 'string', format: 'binary' });
    }
  });

  it('documents the error answers: 400 where input is validated, 404 for unknown ids, bodies with `error`', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
    for (const [label, operation] of operationsOf(document)) {
      const statuses = Object.keys(operation.responses);
      const validatesInput = operation.parameters.length > 0 || operation.requestBody !== undefined;
      if (validatesInput) expect(statuses, label).toContain('400');
      if (/\{(region|id|importId)\}/.test(label)) expect(statuses, label).toContain('404');
      for (const [status, answer] of Object.entries(operation.responses as Record<string, any>)) {
        if (!/^[45]/.test(status)) continue;
        expect(answer.description, `${label} ${status}`).toBeTruthy();
        expect(Object.keys(answer.content), `${label} ${status}`).toEqual(['application/json']);
        expect(requiresError(document, answer.content['application/json'].schema), `${label} ${status}`).toBe(
          true,
        );
      }
    }
    const statusesOf = (path: string, method: string) =>
      Object.keys(document.paths[path][method].responses).sort();
    expect(statusesOf('/api/regions/{region}/isochrones', 'post')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '503',
    ]);
    expect(statusesOf('/api/regions/{region}/imports', 'post')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '503',
    ]);
    expect(statusesOf('/api/regions/{region}/imports/{importId}/commit', 'post')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '422',
      '503',
    ]);
    expect(statusesOf('/api/scenarios/{id}', 'patch')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '405',
      '409',
      '503',
    ]);
    expect(statusesOf('/api/regions', 'get')).toEqual(['200', '401', '403', '503']);
    // What is open to all answers no 401 or 403: health, the document, the docs page, signing in.
    expect(statusesOf('/api/health', 'get')).toEqual(['200', '503']);
    expect(statusesOf('/api/openapi.json', 'get')).toEqual(['200']);

    const stale = resolved(
      document,
      document.paths['/api/scenarios/{id}'].patch.responses['409'].content['application/json'].schema,
    );
    expect(stale.required).toEqual(['error', 'errorZh', 'code', 'params', 'currentVersion']);
    // A refused commit carries its report beside `error`: problems, counts, scenario impact.
    const refused = resolved(
      document,
      document.paths['/api/regions/{region}/imports/{importId}/commit'].post.responses['422'].content[
        'application/json'
      ].schema,
    );
    const report = (refused.allOf as Schema[])
      .map((member) => resolved(document, member))
      .find((member) => member.properties?.problems);
    expect(report?.required).toEqual(
      expect.arrayContaining(['problems', 'problemCounts', 'scenarioImpact', 'canCommit']),
    );
  });

  it('says who may call each operation: a sign-in (cookie or token), its permission and roles, 401 and 403', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
    expect(document.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'lifecircle_session' },
      apiToken: { type: 'http', scheme: 'bearer' },
    });
    expect(document.components.securitySchemes.sessionCookie.description).toContain('X-CSRF-Token');
    const open: string[] = [];
    for (const [label, operation] of operationsOf(document)) {
      const permission = operation['x-permission'] as {
        name: PermissionName;
        roles: string[];
        scenario?: string;
      };
      expect(Object.keys(PERMISSIONS), label).toContain(permission.name);
      const declared = PERMISSIONS[permission.name];
      if (declared.roles === null) {
        open.push(label);
        expect(operation.security, label).toEqual([]);
        expect(permission.roles, label).toEqual([]);
        // Signing in answers its own 401 (a wrong password), never "no one is signed in".
        expect(operation.responses['401']?.description ?? '', label).not.toMatch(/signed in/);
        expect(Object.keys(operation.responses), label).not.toContain('403');
        continue;
      }
      expect(operation.security, label).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
      expect(permission.roles, label).toEqual([...declared.roles]);
      expect(permission.scenario, label).toBe('scenario' in declared ? declared.scenario : undefined);
      expect(operation.responses['401']?.description, label).toMatch(/signed in/);
      expect(operation.responses['403']?.description, label).toBeTruthy();
    }
    expect(open.sort()).toEqual([
      'get /api/docs',
      'get /api/health',
      'get /api/openapi.json',
      'post /api/session',
    ]);
    const patch = document.paths['/api/scenarios/{id}'].patch;
    expect(patch['x-permission']).toEqual({
      name: 'edit-scenario',
      roles: ['admin', 'analyst', 'planner'],
      scenario: 'owner-or-collaborator',
    });
    expect(patch.responses['403'].description).toMatch(/not theirs.*X-CSRF-Token/);
    // A read needs no CSRF token, so its 403 does not speak of one.
    const read = document.paths['/api/regions'].get;
    expect(read['x-permission']).toEqual({ name: 'read', roles: ['admin', 'analyst', 'planner', 'leader'] });
    expect(read.responses['403'].description).not.toMatch(/CSRF/);
  });

  it('keeps named schemas once, under components, and every reference resolves', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'ErrorBody',
        'MultiPolygon',
        'RuleResult',
        'ScenarioEdit',
        'ImportReport',
        'Region',
      ]),
    );
    const references: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const ref = (node as Schema).$ref;
        if (typeof ref === 'string') references.push(ref);
        Object.values(node).forEach(walk);
      }
    };
    walk(document);
    expect(references.length).toBeGreaterThan(50);
    for (const ref of new Set(references)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(JSON.stringify(document)).not.toContain('$defs');
  });

  it('serves /api/docs as a self-contained HTML page listing the operations', async () => {
    const response = await app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('/api/regions/{region}/coverage/export');
    // Answers are shown with their schemas, and named schemas are linked to their own section.
    expect(html).toContain('<li><b>409</b>');
    expect(html).toContain('id="schema-ErrorBody"');
    expect(html).toContain('href="#schema-ErrorBody"');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/i);
  });
});
