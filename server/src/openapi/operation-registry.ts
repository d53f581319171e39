/**
 * The API's operations as each route module declares them, with the very zod schemas its
 * validators use, so the OpenAPI document cannot drift from what the routes accept.
 * Route modules register at import time; openapi-document.ts reads the registry.
 */

import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

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
  /** What a successful answer holds, and its status and content type. */
  response: { status?: number; description: string; contentType?: string };
}

const operations: OperationSpec[] = [];

/** Adds operations; registering the same method and path twice is a programming error. */
export function registerOperations(...specs: OperationSpec[]): void {
  for (const spec of specs) {
    if (operations.some((known) => known.method === spec.method && known.path === spec.path)) {
      throw new Error(`operation ${spec.method.toUpperCase()} ${spec.path} is registered twice`);
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
