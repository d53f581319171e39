/**
 * One declaration per operation: method, path, the zod schemas of what it reads and answers, and
 * its refusals. The server binds a handler to each (server/src/http/operation-binding.ts), the
 * OpenAPI document is generated from them, and the client calls them through lib/api with types
 * inferred from the same schemas.
 */

import type { z } from 'zod';
import { PERMISSIONS, type Permission, type PermissionName } from './access.js';

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
  /** Headers the answer carries that a client reads (name → what it says), e.g. a download's `ETag`. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Other successful answers beside this one, by status: a byte range's 206 Partial Content, a
   * conditional request's 304 Not Modified. Each with its own description, headers and bodies.
   */
  alternatives?: Readonly<Record<number, Omit<ResponseSpec, 'status' | 'alternatives'>>>;
}

/** The client faults (and the one server state) an operation can answer. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 416 | 422 | 429 | 503;

/** An error answer: when it happens, and its body when that is more than the common error shape. */
export interface ErrorSpec {
  description: string;
  schema?: z.ZodType;
  /** Headers the refusal carries beside its body (a 416 names the size in `Content-Range`). */
  headers?: Readonly<Record<string, string>>;
}

export interface OperationSpec {
  method: HttpMethod;
  /** The path under the app's root in Hono's syntax, e.g. `/api/regions/:region/coverage`. */
  path: string;
  /** One line: what the operation does. */
  summary: string;
  /** Groups operations on the docs page (regions, accessibility, scenarios, imports, exports…). */
  tag: string;
  /** What the caller must be allowed (contract/access.ts); the server checks it before anything else. */
  access: PermissionName;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body, or multipart form fields when `bodyType` is multipart. */
  body?: z.ZodType;
  bodyType?: 'application/json' | 'multipart/form-data';
  /** What a successful answer holds. */
  response: ResponseSpec;
  /**
   * The answer's own schema when a path parameter decides which of `response`'s alternatives it is
   * (a layer's name): checking a 6 000-feature network against every other layer first collects
   * so many issues that zod overflows the browser's stack.
   */
  answerForParams?: (params: Readonly<Record<string, string | number>>) => z.ZodType | undefined;
  /** Every error status the operation answers, with when (a string) or when and its body. */
  errors?: Partial<Record<ErrorStatus, string | ErrorSpec>>;
}

/**
 * Declares an operation, keeping its exact schema types for the server's handler and the client's
 * call. An operation that reads a path, query or body must say when it answers 400.
 */
export function defineOperation<const Spec extends OperationSpec>(spec: Spec): Spec {
  if ((spec.params || spec.query || spec.body) && !spec.errors?.[400]) {
    throw new Error(
      `operation ${spec.method.toUpperCase()} ${spec.path} validates its input but documents no 400 answer`,
    );
  }
  return { ...spec, errors: { ...accessErrors(spec), ...spec.errors } };
}

/** The refusals every operation that needs a signed-in user answers, from its `access`. */
function accessErrors(spec: OperationSpec): Partial<Record<ErrorStatus, string>> {
  if (spec.access === 'public') return {};
  const permission: Permission = PERMISSIONS[spec.access];
  const roles = permission.roles?.join(', ');
  const writes = spec.method !== 'get';
  return {
    401: 'No one is signed in (no session cookie or API token, or it expired or was revoked)',
    403:
      `The signed-in role may not ${permission.en} (roles: ${roles})` +
      (permission.scenario ? ', or the scenario is not theirs' : '') +
      (writes ? ', or a write with the session cookie sent no valid X-CSRF-Token' : ''),
  };
}

type SchemaOutput<S> = S extends z.ZodType ? z.output<S> : undefined;
type SchemaInput<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a handler receives, validated: params, query and body as the schemas produce them. */
export interface OperationInput<Spec extends OperationSpec> {
  params: SchemaOutput<Spec['params']>;
  query: SchemaOutput<Spec['query']>;
  body: SchemaOutput<Spec['body']>;
}

/** What a caller sends: params, query and body as the schemas accept them. */
export type OperationRequest<Spec extends OperationSpec> = (Spec['params'] extends z.ZodType
  ? { params: SchemaInput<Spec['params']> }
  : { params?: undefined }) &
  (Spec['query'] extends z.ZodType ? { query?: SchemaInput<Spec['query']> } : { query?: undefined }) &
  (Spec['body'] extends z.ZodType ? { body: SchemaInput<Spec['body']> } : { body?: undefined });

/** The JSON (or GeoJSON) body of a successful answer, as its schema describes it. */
export type OperationAnswer<Spec extends OperationSpec> =
  Spec['response']['content'] extends Readonly<Record<string, z.ZodType>>
    ? Spec['response']['content'] extends { 'application/json': infer S extends z.ZodType }
      ? z.output<S>
      : Spec['response']['content'] extends { 'application/geo+json': infer S extends z.ZodType }
        ? z.output<S>
        : unknown
    : undefined;

/**
 * The schema of a successful JSON (or GeoJSON) answer, if the operation has one; the exact one for
 * these path parameters where the operation names it.
 */
export function answerSchema(
  spec: OperationSpec,
  params: Readonly<Record<string, string | number>> = {},
): z.ZodType | undefined {
  return (
    spec.answerForParams?.(params) ??
    spec.response.content?.['application/json'] ??
    spec.response.content?.['application/geo+json']
  );
}

/** Hono's `:name` and `:name{pattern}` path parameters as OpenAPI's `{name}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

/** The path with its parameters filled in (each URI-encoded), e.g. `/api/regions/demo/coverage`. */
export function fillPath(honoPath: string, params: Readonly<Record<string, string | number>> = {}): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path ${honoPath} needs the parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
