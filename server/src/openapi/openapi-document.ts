/**
 * The OpenAPI 3.1 document of the registered operations: parameters, query strings and bodies
 * are the routes' own zod schemas converted with z.toJSONSchema (as the request is sent, i.e.
 * the schemas' input side, since several of them transform what they read).
 */

import { z } from 'zod';
import { openApiPath, registeredOperations, type OperationSpec } from './operation-registry.js';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
};

/** A request schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); transforms show their input. */
export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(spec: OperationSpec) {
  const list: Record<string, unknown>[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = requestJsonSchema(schema);
    const required = new Set(json.required ?? []);
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  add('path', spec.params);
  add('query', spec.query);
  return list;
}

const ERROR_RESPONSE = {
  description: 'The request is refused: `{ "error": "…" }` naming the field at fault',
  content: {
    'application/json': {
      schema: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
    },
  },
};

/** The OpenAPI document of every registered operation. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registeredOperations()) {
    const path = openApiPath(spec.path);
    const status = String(spec.response.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, next?: string) => (next ?? '').toUpperCase())}`,
      parameters: parameters(spec),
      responses: {
        [status]: {
          description: spec.response.description,
          ...(spec.response.contentType ? { content: { [spec.response.contentType]: {} } } : {}),
        },
        '400': ERROR_RESPONSE,
        ...(spec.path.includes(':region') || spec.path.includes(':id') ? { '404': ERROR_RESPONSE } : {}),
      },
    };
    if (spec.body) {
      operation.requestBody = {
        required: true,
        content: { [spec.bodyType ?? 'application/json']: { schema: requestJsonSchema(spec.body) } },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lifecircle API (生活圈)',
      version: '1',
      description:
        'Regions and their layers, walking accessibility (isochrones, coverage, heat maps), boundary scenarios, imports and exports. Errors answer `{ "error": "…" }`.',
    },
    servers: [{ url: '/' }],
    paths,
  };
}
