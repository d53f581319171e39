/**
 * Binds a handler to an operation of the contract: the path and method come from the operation,
 * its params, query and JSON body are validated with its schemas (a refusal is the catalogue's
 * `request.invalid`, naming each field in both languages), and what the handler returns becomes
 * the answer — a value as JSON with the operation's status, a Response as it is. Handlers hold no
 * SQL and never build error answers: services throw DomainError and app.ts's onError answers it.
 */

import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { OperationAnswer, OperationInput, OperationSpec } from '../../../contract/operation.js';
import { invalidRequestParams, type ValidationIssue } from '../../../contract/validation.js';
import { findNul, findTooDeep, NUL_REFUSAL } from '../../../core/text/plain-text.js';
import { DomainError } from '../domain-error.js';

type Awaitable<T> = T | Promise<T>;

/**
 * An answer's type as a handler may build it: read-only arrays and objects are fine, tuples may be
 * plain arrays, and the open records of loose schemas ask for their named fields only. The answer is
 * checked against the schema itself at run time by the tests (tests/api/openapi-responses).
 */
type Buildable<T> = T extends readonly (infer Item)[]
  ? readonly Buildable<Item>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: Buildable<T[K]> }
    : T;

/** What a handler may return: the answer's body (sent as JSON), a finished Response, or nothing for a 204. */
export type HandlerResult<Spec extends OperationSpec> = Response | Buildable<OperationAnswer<Spec>> | null;

export type OperationHandler<Spec extends OperationSpec> = (
  input: OperationInput<Spec>,
  c: Context,
) => Awaitable<HandlerResult<Spec>>;

export interface BindOptions<Spec extends OperationSpec> {
  /** Runs first (e.g. a body-size limit). */
  middleware?: MiddlewareHandler[];
  /** Checked once the path is valid and before the body is read, e.g. "the baseline is read-only". */
  guard?: (params: OperationInput<Spec>['params']) => void;
}

export interface BoundOperation {
  spec: OperationSpec;
  handlers: MiddlewareHandler[];
}

/** A refusal of the request's `where` part by its schema. */
function invalid(issues: readonly ValidationIssue[]): DomainError {
  return new DomainError('request.invalid', invalidRequestParams(issues));
}

/**
 * How deeply lists and objects may nest in a request: the deepest operation (a scenario edit's
 * outline, body → edits → edit → outline → coordinates → ring → point) needs 7. Deeper input is
 * refused before anything walks it: 50 000 nested lists once overflowed the stack and answered 500.
 */
export const MAX_JSON_NESTING_LEVELS = 32;

function validated<S extends z.ZodType | undefined>(
  schema: S,
  value: unknown,
): S extends z.ZodType ? z.output<S> : undefined {
  if (!schema) return undefined as never;
  const deepPath = findTooDeep(value, MAX_JSON_NESTING_LEVELS);
  if (deepPath) {
    const levels = MAX_JSON_NESTING_LEVELS;
    throw invalid([
      {
        code: 'custom',
        path: deepPath,
        message: `nested deeper than ${levels} levels of lists and objects`,
        params: { zh: `列表与对象的嵌套超过 ${levels} 层` },
      },
    ]);
  }
  // Every string of every operation, whatever its schema says: PostgreSQL cannot store NUL.
  const nulPath = findNul(value);
  if (nulPath) {
    throw invalid([
      { code: 'custom', path: nulPath, message: NUL_REFUSAL.en, params: { zh: NUL_REFUSAL.zh } },
    ]);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(result.error.issues as ValidationIssue[]);
  return result.data as never;
}

/** The query string as zod-validator reads it: a key given once is a string, given again a list. */
function queryObject(c: Context): Record<string, string | string[]> {
  const entries = Object.entries(c.req.queries());
  return Object.fromEntries(
    entries.map(([key, values]): [string, string | string[]] => [
      key,
      values.length === 1 ? values[0] : values,
    ]),
  );
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const JSON_ENCODER = new TextEncoder();

async function jsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType.split(';')[0].trim())) {
    throw new DomainError('request.not-json', { contentType: contentType || 'none' });
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('request.malformed-json', { reason: (error as Error).message });
  }
}

/** Declares how the server answers `spec`. */
export function implement<const Spec extends OperationSpec>(
  spec: Spec,
  handler: OperationHandler<Spec>,
  options: BindOptions<Spec> = {},
): BoundOperation {
  const status = spec.response.status ?? 200;
  const answer: MiddlewareHandler = async (c) => {
    const params = validated(spec.params, c.req.param()) as OperationInput<Spec>['params'];
    options.guard?.(params);
    const query = validated(spec.query, queryObject(c)) as OperationInput<Spec>['query'];
    const readsJson = spec.body !== undefined && (spec.bodyType ?? 'application/json') === 'application/json';
    const body = (
      readsJson ? validated(spec.body, await jsonBody(c)) : undefined
    ) as OperationInput<Spec>['body'];
    const result = await handler({ params, query, body }, c);
    if (result instanceof Response) return result;
    if (result === null || status === 204) return c.body(null, status as ContentfulStatusCode);
    // Encoded here: a Response made from a string re-scans it (USV conversion), ~60 ms for 9 MB of coverage.
    return c.body(JSON_ENCODER.encode(JSON.stringify(result)), status as ContentfulStatusCode, {
      'content-type': 'application/json',
    });
  };
  return { spec, handlers: [...(options.middleware ?? []), answer] };
}

/**
 * Adds every bound operation to the app at its method and path, in the order given; `before` gives
 * what runs ahead of each operation's own handlers (who may call it, what is recorded of it).
 */
export function mountOperations(
  app: Hono,
  operations: readonly BoundOperation[],
  before: (spec: OperationSpec) => MiddlewareHandler[] = () => [],
): void {
  const seen = new Set<string>();
  for (const { spec, handlers } of operations) {
    const name = `${spec.method.toUpperCase()} ${spec.path}`;
    if (seen.has(name)) throw new Error(`operation ${name} is bound twice`);
    seen.add(name);
    app.on([spec.method.toUpperCase()], [spec.path], ...before(spec), ...handlers);
  }
}
