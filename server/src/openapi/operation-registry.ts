/**
 * The API's operations as each route module declares them, with the very zod schemas its
 * validators use and the zod schemas of what it answers, so the OpenAPI document cannot drift
 * from what the routes accept and send. Route modules register at import time;
 * openapi-document.ts reads the registry.
 */

import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A successful answer: its status and its body by content type, each with its zod schema. */
export interface ResponseSpec {
  /** 200 unless said. */
  status?: number;
  description: string;
  /**
   * Content type → the body's schema. Omitted for an answer without a body (204). A download that
   * answers in several formats lists each (application/geo+json, text/csv, application/zip).
   */
  content?: Readonly<Record<string, z.ZodType>>;
}

/** The client faults (and the one server state) an operation can answer. */
export type ErrorStatus = 400 | 404 | 405 | 409 | 413 | 422 | 503;

/**
 * An error answer: when it happens, and its JSON body when that is more than the common
 * `{ "error": "…" }` (e.g. a refused import's report beside `error`).
 */
export interface ErrorSpec {
  description: string;
  schema?: z.ZodType;
}

export interface OperationSpec {
  method: HttpMethod;
  /** The path under the app's root in Hono's syntax, e.g. `/api/regions/:region/coverage`. */
  path: string;
  /** One line: what the operation does. */
  summary: string;
  /** Groups operations on the docs page (regions, accessibility, scenarios, imports, exports…). */
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body, or multipart form fields when `bodyType` is multipart. */
  body?: z.ZodType;
  bodyType?: 'application/json' | 'multipart/form-data';
  /** What a successful answer holds. */
  response: ResponseSpec;
  /** Every error status the operation answers, with when (a string) or when and its body. */
  errors?: Partial<Record<ErrorStatus, string | ErrorSpec>>;
}

const operations: OperationSpec[] = [];

/**
 * Adds operations. Registering the same method and path twice, or an operation that reads a
 * path, query or body without documenting its 400, is a programming error.
 */
export function registerOperations(...specs: OperationSpec[]): void {
  for (const spec of specs) {
    const name = `${spec.method.toUpperCase()} ${spec.path}`;
    if (operations.some((known) => known.method === spec.method && known.path === spec.path)) {
      throw new Error(`operation ${name} is registered twice`);
    }
    if ((spec.params || spec.query || spec.body) && !spec.errors?.[400]) {
      throw new Error(`operation ${name} validates its input but documents no 400 answer`);
    }
    operations.push(spec);
  }
}

/** Every registered operation, in registration order. */
export function registeredOperations(): readonly OperationSpec[] {
  return operations;
}

/** Hono's `:name` and `:name{pattern}` path parameters as OpenAPI's `{name}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}
