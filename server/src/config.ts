import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../contract/accounts.js';
import { parseTileServices, type TileService } from './basemaps/tile-services.js';

/** Repository root, resolved from this file so the server runs from any working directory. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface the HTTP server binds: loopback unless HOST says otherwise (e.g. 0.0.0.0 for every one). */
  host: string;
  /** PostgreSQL/PostGIS connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database (created and migrated on first start). */
  embeddedDataDirectory: string;
  /** Folder of the built client served at `/`. */
  clientDistDirectory: string;
  /** Region folders loaded, in order, on start when their region is missing from the database. */
  seedRegionDirectories: string[];
  /** The API's limits on what one request may ask (app.ts). */
  limits: ApiLimits;
  /** Longest a server-database statement may run before it is cancelled and the request answers 503. */
  queryTimeoutMilliseconds: number;
  /**
   * On SIGTERM/SIGINT, longest the server waits for requests in flight before it cuts them, closes
   * the database and exits anyway.
   */
  drainTimeoutMilliseconds: number;
  /** Other sites' origins allowed to call the API from a browser (CORS); none unless CORS_ORIGINS lists them. */
  corsOrigins: string[];
  /** Online tile services an administrator listed in LIFECIRCLE_TILE_SERVICES (none by default: offline). */
  tileServices: readonly TileService[];
  /**
   * The first administrator's password (LIFECIRCLE_ADMIN_PASSWORD), used only when the database has
   * no user yet; without it the first start prints a one-time password.
   */
  adminPassword: string | null;
  /** The issuing unit (编制单位) the dashboard prints until an administrator sets one (LIFECIRCLE_ISSUING_UNIT). */
  issuingUnit: string;
}

/** What one API request may carry. */
export interface ApiLimits {
  /** Largest JSON body, in bytes (uploads have their own limit, contract/imports.ts). */
  jsonBodyBytes: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = { jsonBodyBytes: 8 * 1024 * 1024 };
const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_QUERY_TIMEOUT_MILLISECONDS = 120_000;
export const DEFAULT_DRAIN_TIMEOUT_MILLISECONDS = 10_000;
/** The issuing unit printed when neither LIFECIRCLE_ISSUING_UNIT nor an administrator names one. */
export const DEFAULT_ISSUING_UNIT = '自然资源和规划局';

/** A positive whole number from the environment, or `fallback` when unset. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${text}"`);
  }
  return value;
}

const DEFAULT_PORT = 8080;
/** The region folders shipped in data/geojson (scripts/generate-demo.ts writes them). */
const SHIPPED_REGIONS = ['demo', 'jishou-demo'] as const;

/** LIFECIRCLE_ADMIN_PASSWORD, held to the rules every password keeps (contract/accounts.ts). */
function adminPassword(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  if (text.length < MIN_PASSWORD_LENGTH || text.length > MAX_PASSWORD_LENGTH) {
    throw new Error(
      `LIFECIRCLE_ADMIN_PASSWORD must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
    );
  }
  return text;
}

/** The only reader of `process.env` in the server. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ? env.HOST : DEFAULT_HOST,
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    embeddedDataDirectory: path.resolve(
      env.LIFECIRCLE_DATA_DIR ?? path.join(REPOSITORY_ROOT, '.lifecircle/db'),
    ),
    clientDistDirectory: path.join(REPOSITORY_ROOT, 'client/dist'),
    // The shipped synthetic regions, the demo first (the client opens the first region listed).
    seedRegionDirectories: SHIPPED_REGIONS.map((region) =>
      path.join(REPOSITORY_ROOT, 'data/geojson', region),
    ),
    limits: {
      jsonBodyBytes: positiveInteger(
        env,
        'LIFECIRCLE_JSON_BODY_LIMIT_BYTES',
        DEFAULT_API_LIMITS.jsonBodyBytes,
      ),
    },
    queryTimeoutMilliseconds: positiveInteger(
      env,
      'LIFECIRCLE_QUERY_TIMEOUT_MS',
      DEFAULT_QUERY_TIMEOUT_MILLISECONDS,
    ),
    drainTimeoutMilliseconds: positiveInteger(
      env,
      'LIFECIRCLE_DRAIN_TIMEOUT_MS',
      DEFAULT_DRAIN_TIMEOUT_MILLISECONDS,
    ),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    tileServices: parseTileServices(env.LIFECIRCLE_TILE_SERVICES),
    adminPassword: adminPassword(env.LIFECIRCLE_ADMIN_PASSWORD),
    issuingUnit: env.LIFECIRCLE_ISSUING_UNIT?.trim() || DEFAULT_ISSUING_UNIT,
  };
}
