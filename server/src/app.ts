import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OperationSpec } from '../../contract/operation.js';
import {
  DEFAULT_API_LIMITS,
  DEFAULT_ISSUING_UNIT,
  DEFAULT_QUERY_TIMEOUT_MILLISECONDS,
  type ApiLimits,
} from './config.js';
import type { TileService } from './basemaps/tile-services.js';
import type { Database } from './db/client.js';
import { DomainError } from './domain-error.js';
import { authorize, identify } from './http/access-control.js';
import { auditWrites } from './http/audit-writes.js';
import { SignInLimiter } from './accounts/sign-in-limiter.js';
import { accountRoutes } from './routes/accounts.js';
import { refuseCrossSiteWrites } from './http/cross-site-writes.js';
import { jsonBodyLimit } from './http/json-body-limit.js';
import { mountOperations, type BoundOperation } from './http/operation-binding.js';
import { docsRoutes } from './openapi/docs-routes.js';
import { accessibilityRoutes } from './routes/accessibility.js';
import { basemapRoutes } from './routes/basemaps.js';
import { healthRoutes } from './routes/health.js';
import { eventRoutes } from './routes/events.js';
import { EventHub } from './live/event-hub.js';
import { importRoutes } from './routes/imports.js';
import { regionRoutes } from './routes/regions.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { settingsRoutes } from './routes/settings.js';
import { standardsRoutes } from './routes/standards.js';

/** PostgreSQL error classes (SQLSTATE) that are the client's fault, and how they answer. */
const CLIENT_ERROR_STATUS_BY_SQLSTATE: Record<string, ContentfulStatusCode> = {
  '22P02': 400, // invalid_text_representation
  '22003': 400, // numeric_value_out_of_range
  '22021': 400, // character_not_in_repertoire: a NUL or invalid byte in text the contract let through
  '23502': 400, // not_null_violation
  '23503': 409, // foreign_key_violation
  '23505': 409, // unique_violation
  '23514': 400, // check_violation
  XX000: 400, // internal_error: PostGIS raises it for malformed geometry input
};

/** Node socket errors and PostgreSQL classes meaning the database cannot be reached right now. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** query_canceled: the statement timeout stopped the query (server/src/db/client.ts). */
const QUERY_CANCELED = '57014';

/**
 * out_of_memory: PostgreSQL could not allocate what the answer needs. The embedded database has at
 * most 2 GiB of WASM memory: a province's whole units layer (992 000 polygons) fails so (docs/scaling.md).
 */
const OUT_OF_MEMORY = '53200';

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  // "Query read timeout": the server stayed silent past the statement timeout (db/client.ts).
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout/i.test(
    message,
  );
}

/** A refusal in the one error shape: English `error`, Chinese `errorZh`, the catalogue's code and params. */
function errorAnswer(c: Context, error: DomainError) {
  return c.json(error.body(), error.status as ContentfulStatusCode);
}

export interface AppOptions {
  /** What one request may carry; the defaults of config.ts unless given. */
  limits?: ApiLimits;
  /** Other sites' origins trusted to write (CORS_ORIGINS); none by default. */
  trustedOrigins?: readonly string[];
  /** Online tile services listed beside each region's own base maps (config.ts); none by default. */
  tileServices?: readonly TileService[];
  /** The database's statement timeout, named in the 503 a cancelled query answers. */
  queryTimeoutMilliseconds?: number;
  /** Counts failed sign-ins (one per process unless given). */
  signInLimiter?: SignInLimiter;
  /** Live event streams and what they are told (one per app unless given; server.ts ends it on stopping). */
  eventHub?: EventHub;
  /** The issuing unit (编制单位) printed until an administrator sets one (config.ts). */
  issuingUnit?: string;
}

/**
 * The API. Every route answers JSON; every refusal is the one error shape of contract/errors.ts
 * (`error`, `errorZh`, `code`, `params`) with a 4xx a person can act on, 503 while the database is
 * unreachable, and a generic 500 (logged, no stack trace) otherwise. Writes from other sites' pages
 * are refused (403) and JSON bodies are limited (413) before any route reads them.
 */
export function createApp(database: Database, options: AppOptions = {}) {
  const limits = options.limits ?? DEFAULT_API_LIMITS;
  const eventHub = options.eventHub ?? new EventHub(database);
  const operations: BoundOperation[] = [
    ...healthRoutes(database),
    ...accountRoutes(database, options.signInLimiter ?? new SignInLimiter()),
    ...regionRoutes(database),
    ...basemapRoutes(database, options.tileServices ?? []),
    ...accessibilityRoutes(database),
    ...importRoutes(database),
    ...scenarioRoutes(database),
    ...standardsRoutes(),
    ...eventRoutes(database, eventHub),
    ...settingsRoutes(database, options.issuingUnit ?? DEFAULT_ISSUING_UNIT),
    ...docsRoutes(() => specs),
  ];
  const specs = operations.map((operation) => operation.spec);

  const app = new Hono();
  const noSuchPath = (c: Context) =>
    errorAnswer(c, new DomainError('request.no-such-path', { method: c.req.method, path: c.req.path }));
  // A known path asked with another method answers 405 naming the methods it does answer.
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const allowed = methods.join(', ');
        const answer = errorAnswer(
          c,
          new DomainError('request.method-not-allowed', { method: c.req.method, path: c.req.path, allowed }),
        );
        answer.headers.set('Allow', allowed);
        return answer;
      },
    }),
  );
  app.use('/api/*', refuseCrossSiteWrites(options.trustedOrigins));
  app.use('/api/*', jsonBodyLimit(limits.jsonBodyBytes));
  app.use('/api/*', identify(database));
  mountOperations(app, operations, (spec) => {
    const audit = auditWrites(spec, database, eventHub);
    return [authorize(spec, database), ...(audit ? [audit] : [])];
  });
  // Last, so only a path no operation serves reaches it: mounted in the whole site (server.ts), an
  // unknown /api path must not fall through to the client's index.html or a plain-text 404.
  app.all('/api/*', noSuchPath);
  app.notFound(noSuchPath);

  app.onError((error, c) => {
    if (error instanceof DomainError) return errorAnswer(c, error);
    if (error instanceof HTTPException) {
      // Hono's own refusals (none of the routes throw them) carry only a status and an English message.
      return c.json(
        new DomainError('request.refused', { reason: error.message || 'request refused' }).body(),
        error.status,
      );
    }
    if (errorCode(error) === QUERY_CANCELED) {
      console.error(`query cancelled by the statement timeout: ${c.req.method} ${c.req.path}`);
      const timeoutMilliseconds = options.queryTimeoutMilliseconds ?? DEFAULT_QUERY_TIMEOUT_MILLISECONDS;
      return errorAnswer(c, new DomainError('server.query-timeout', { seconds: timeoutMilliseconds / 1000 }));
    }
    if (errorCode(error) === OUT_OF_MEMORY) {
      console.error(`database out of memory: ${c.req.method} ${c.req.path}: ${(error as Error).message}`);
      return errorAnswer(c, new DomainError('server.out-of-memory'));
    }
    if (isConnectionFailure(error)) {
      console.error(`database unavailable: ${(error as Error).message}`);
      return errorAnswer(c, new DomainError('server.database-unavailable'));
    }
    const status = CLIENT_ERROR_STATUS_BY_SQLSTATE[errorCode(error) ?? ''];
    if (status) {
      const reason = (error as Error).message;
      return errorAnswer(
        c,
        new DomainError(status === 409 ? 'database.conflict' : 'database.refused', { reason }),
      );
    }
    console.error(error);
    return errorAnswer(c, new DomainError('server.internal'));
  });

  servedOperations.set(app, specs);
  eventHubs.set(app, eventHub);
  return app;
}

export type App = ReturnType<typeof createApp>;

const servedOperations = new WeakMap<Hono, readonly OperationSpec[]>();

const eventHubs = new WeakMap<Hono, EventHub>();

/** The live event hub an app publishes to. */
export function eventHubOf(app: App): EventHub | undefined {
  return eventHubs.get(app);
}

/** The contract's operations an app serves, in the order it mounted them. */
export function operationsOf(app: App): readonly OperationSpec[] {
  return servedOperations.get(app) ?? [];
}
export type AppType = App;
