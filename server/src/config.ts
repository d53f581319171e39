import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTileServices, type TileService } from './basemaps/tile-services.js';

/** Repository root, resolved from this file so the server runs from any working directory. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** PostgreSQL/PostGIS connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database (created and migrated on first start). */
  embeddedDataDirectory: string;
  /** Folder of the built client served at `/`. */
  clientDistDirectory: string;
  /** Region folders loaded, in order, on start when their region is missing from the database. */
  seedRegionDirectories: string[];
  /** Online tile services an administrator listed in LIFECIRCLE_TILE_SERVICES (none by default: offline). */
  tileServices: TileService[];
}

const DEFAULT_PORT = 8080;
/** The region folders shipped in data/geojson (scripts/generate-demo.ts writes them). */
const SHIPPED_REGIONS = ['demo', 'jishou-demo'] as const;

/** The only reader of `process.env` in the server. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    embeddedDataDirectory: path.resolve(
      env.LIFECIRCLE_DATA_DIR ?? path.join(REPOSITORY_ROOT, '.lifecircle/db'),
    ),
    clientDistDirectory: path.join(REPOSITORY_ROOT, 'client/dist'),
    // The shipped synthetic regions, the demo first (the client opens the first region listed).
    seedRegionDirectories: SHIPPED_REGIONS.map((region) =>
      path.join(REPOSITORY_ROOT, 'data/geojson', region),
    ),
    tileServices: parseTileServices(env.LIFECIRCLE_TILE_SERVICES),
  };
}
