/**
 * The OpenAPI 3.1 document of the contract's operations. Parameters, query strings and bodies are
 * the operations' zod schemas converted with z.toJSONSchema as the request is sent (the schemas'
 * input side, since several of them transform what they read); answers are the zod schemas of the
 * bodies sent, converted the same way as what they produce (the output side).
 */

import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../../../contract/access.js';
import { errorBodySchema } from '../../../contract/errors.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/access-control.js';
import {
  openApiPath,
  type ErrorSpec,
  type ErrorStatus,
  type OperationSpec,
  type ResponseSpec,
} from '../../../contract/operation.js';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
};

/** Where schemas named with `.meta({ id })` (ErrorBody, MultiPolygon, RuleResult…) are kept in the document. */
const COMPONENT_PREFIX = '#/components/schemas/';

/** JSON Schema's bounds of `z.number().int()`: the safe-integer range, which says nothing to a reader. */
const SAFE_INTEGER_BOUNDS = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

/**
 * Points `#/$defs/X` at the document's components and drops the safe-integer bounds, in place.
 * Named schemas are kept once in `components` rather than inline in every operation.
 */
function tidy(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(tidy);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  if (typeof object.$ref === 'string') object.$ref = object.$ref.replace(/^#\/\$defs\//, COMPONENT_PREFIX);
  if (object.type === 'integer' && object.minimum === SAFE_INTEGER_BOUNDS.minimum) delete object.minimum;
  if (object.type === 'integer' && object.maximum === SAFE_INTEGER_BOUNDS.maximum) delete object.maximum;
  Object.values(object).forEach(tidy);
}

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): `input` for requests, `output` for
 * answers. Named parts go to `components`; one name must always mean one schema.
 */
function jsonSchemaOf(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  delete json.$schema;
  const definitions = json.$defs ?? {};
  delete json.$defs;
  tidy(json);
  for (const [name, definition] of Object.entries(definitions)) {
    tidy(definition);
    if (name in components && JSON.stringify(components[name]) !== JSON.stringify(definition)) {
      throw new Error(
        `schema "${name}" is named twice with different content (as a request and as an answer?)`,
      );
    }
    components[name] = definition;
  }
  return json;
}

/** A request schema as JSON Schema, transforms showing their input; named parts are added to `components`. */
export function requestJsonSchema(
  schema: z.ZodType,
  components: Record<string, JsonSchema> = {},
): JsonSchema {
  return jsonSchemaOf(schema, 'input', components);
}

/** An answer's schema as JSON Schema, transforms showing their output; named parts are added to `components`. */
export function responseJsonSchema(
  schema: z.ZodType,
  components: Record<string, JsonSchema> = {},
): JsonSchema {
  return jsonSchemaOf(schema, 'output', components);
}

/**
 * An upload's form fields with the file beside them: every multipart operation reads its file from
 * the part named `file` (routes/imports.ts, routes/basemaps.ts), which the fields' zod schema does
 * not describe.
 */
function withUploadedFile(fields: JsonSchema): JsonSchema {
  return {
    ...fields,
    properties: {
      file: {
        type: 'string',
        contentMediaType: 'application/octet-stream',
        description: 'The file uploaded',
      },
      ...(fields.properties ?? {}),
    },
    required: ['file', ...(fields.required ?? [])],
  };
}

function parameters(spec: OperationSpec, components: Record<string, JsonSchema>) {
  const list: Record<string, unknown>[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = requestJsonSchema(schema, components);
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

function content(bodies: Readonly<Record<string, z.ZodType>>, components: Record<string, JsonSchema>) {
  return Object.fromEntries(
    Object.entries(bodies).map(([type, schema]) => [
      type,
      { schema: responseJsonSchema(schema, components) },
    ]),
  );
}

/** An error answer's description and body schema: the common `{ "error": "…" }` unless the operation says more. */
function errorAnswer(error: string | ErrorSpec): { description: string; schema: z.ZodType } {
  return typeof error === 'string'
    ? { description: error, schema: errorBodySchema }
    : { description: error.description, schema: error.schema ?? errorBodySchema };
}

/**
 * The zod schema the document gives an answer of `spec` with this status and content type (its
 * media type, without parameters), or undefined when the document does not list that answer.
 * Tests parse real answers with it: the very schema the document was generated from.
 */
export function documentedAnswerSchema(
  spec: OperationSpec,
  status: number,
  contentType: string,
): z.ZodType | undefined {
  if (status === (spec.response.status ?? 200)) return spec.response.content?.[contentType];
  const alternative = spec.response.alternatives?.[status];
  if (alternative) return alternative.content?.[contentType];
  const error = spec.errors?.[status as ErrorStatus];
  return error && contentType === 'application/json' ? errorAnswer(error).schema : undefined;
}

/** How a caller signs in: the session cookie of `POST /api/session`, or an API token. */
const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `Set by POST /api/session; writes made with it send the session's CSRF token as ${CSRF_HEADER}`,
  },
  apiToken: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/tokens' },
};

/**
 * Who may call an operation: `security` (none for an open one) and `x-permission`, the permission
 * of contract/access.ts with the roles that hold it.
 */
function access(spec: OperationSpec) {
  const permission: Permission = PERMISSIONS[spec.access];
  if (permission.roles === null) return { security: [], 'x-permission': { name: spec.access, roles: [] } };
  return {
    security: [{ sessionCookie: [] }, { apiToken: [] }],
    'x-permission': {
      name: spec.access,
      roles: permission.roles,
      ...(permission.scenario ? { scenario: permission.scenario } : {}),
    },
  };
}

/** OpenAPI's `headers` of an answer: each a string, described. */
function headerObjects(headers: Readonly<Record<string, string>> | undefined) {
  if (!headers) return {};
  return {
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, description]) => [
        name,
        { description, schema: { type: 'string' } },
      ]),
    ),
  };
}

/** Every answer of an operation: its success and any alternatives (206, 304), then its errors by status. */
function responses(spec: OperationSpec, components: Record<string, JsonSchema>) {
  const answers: Record<string, unknown> = {};
  const successes: [number, Omit<ResponseSpec, 'status' | 'alternatives'>][] = [
    [spec.response.status ?? 200, spec.response],
    ...Object.entries(spec.response.alternatives ?? {}).map(
      ([status, answer]): [number, Omit<ResponseSpec, 'status' | 'alternatives'>] => [Number(status), answer],
    ),
  ];
  for (const [status, answer] of successes) {
    answers[String(status)] = {
      description: answer.description,
      ...headerObjects(answer.headers),
      ...(answer.content ? { content: content(answer.content, components) } : {}),
    };
  }
  const errors = Object.entries(spec.errors ?? {}) as [`${ErrorStatus}`, string | ErrorSpec][];
  for (const [status, error] of errors.sort(([a], [b]) => Number(a) - Number(b))) {
    const { description, schema } = errorAnswer(error);
    answers[status] = {
      description,
      ...headerObjects(typeof error === 'string' ? undefined : error.headers),
      content: content({ 'application/json': schema }, components),
    };
  }
  return answers;
}

/**
 * The OpenAPI document of `operations`. Built once per list (≈ 30 ms of zod → JSON Schema): the app
 * serves one list for its lifetime.
 */
export function openApiDocument(operations: readonly OperationSpec[]): OpenApiDocument {
  let document = built.get(operations);
  if (!document) {
    document = buildOpenApiDocument(operations);
    built.set(operations, document);
  }
  return document;
}

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
const built = new WeakMap<readonly OperationSpec[], OpenApiDocument>();

function buildOpenApiDocument(operations: readonly OperationSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, JsonSchema> = {};
  for (const spec of operations) {
    const path = openApiPath(spec.path);
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, next?: string) => (next ?? '').toUpperCase())}`,
      parameters: parameters(spec, components),
      responses: responses(spec, components),
      ...access(spec),
    };
    if (spec.body) {
      const bodyType = spec.bodyType ?? 'application/json';
      const schema = requestJsonSchema(spec.body, components);
      operation.requestBody = {
        required: true,
        content: {
          [bodyType]: { schema: bodyType === 'multipart/form-data' ? withUploadedFile(schema) : schema },
        },
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
        'Regions and their layers, walking accessibility (isochrones, coverage, heat maps), boundary scenarios, imports and exports. Every refusal answers `{ "error", "errorZh", "code", "params" }` (English and Chinese sentences, a stable code from the error catalogue and the values it names; a refused import adds its report); any operation that reads the database answers 503 while it is unreachable.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
