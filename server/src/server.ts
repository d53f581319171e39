import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { createApp } from './app.js';
import { readConfig, type ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { prepareDatabase } from './db/prepare.js';
import { securityHeaders } from './http/security-headers.js';

export interface StartOptions {
  /** Port to listen on; 0 picks a free one. Defaults to PORT or 8080. */
  port?: number;
  /** Embedded database folder; defaults to LIFECIRCLE_DATA_DIR or .lifecircle/db. */
  dataDirectory?: string;
  /** A PostgreSQL/PostGIS URL; defaults to DATABASE_URL. When set, dataDirectory is not used. */
  databaseUrl?: string | null;
  /** Interface to bind; defaults to HOST or loopback (127.0.0.1). */
  hostname?: string;
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the database (creating, migrating and loading the shipped regions on first start), then
 * serves the API at /api and the built client at /. Used by `npm start` and the end-to-end tests alike.
 */
export async function startLifecircleServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = readConfig();
  const databaseUrl = options.databaseUrl === undefined ? config.databaseUrl : options.databaseUrl;
  const database = await openDatabase({
    databaseUrl,
    embeddedDataDirectory: options.dataDirectory ?? config.embeddedDataDirectory,
    statementTimeoutMilliseconds: config.queryTimeoutMilliseconds,
  });
  try {
    await prepareDatabase(database, config.seedRegionDirectories, (line) => console.log(line));
  } catch (error) {
    await database.close();
    throw error;
  }

  const site = createSite(database, config);
  const port = options.port ?? config.port;
  const hostname = options.hostname ?? config.host;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: site.fetch, port, hostname }, () => resolve(started));
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(hostname)}:${address.port}`;
  return {
    url,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** How a browser addresses the bound interface: every interface is reached as localhost. */
function urlHost(hostname: string): string {
  if (hostname === '0.0.0.0' || hostname === '::') return 'localhost';
  return hostname.includes(':') ? `[${hostname}]` : hostname;
}

/**
 * The whole site: security headers on every answer, compression, CORS only for the origins
 * CORS_ORIGINS lists, the API at /api and the built client at /.
 */
export function createSite(
  database: Database,
  config: Pick<
    ServerConfig,
    'clientDistDirectory' | 'limits' | 'corsOrigins' | 'tileServices' | 'queryTimeoutMilliseconds'
  >,
): Hono {
  const site = new Hono();
  site.use(securityHeaders());
  site.use(compress());
  if (config.corsOrigins.length > 0) {
    // A PMTiles reader on a trusted site reads a base map's archive by ranges: it needs these headers.
    const exposeHeaders = ['Content-Disposition', 'Content-Range', 'Accept-Ranges', 'ETag'];
    site.use('/api/*', cors({ origin: [...config.corsOrigins], exposeHeaders }));
  }
  site.route(
    '/',
    createApp(database, {
      limits: config.limits,
      trustedOrigins: config.corsOrigins,
      tileServices: config.tileServices,
      queryTimeoutMilliseconds: config.queryTimeoutMilliseconds,
    }),
  );
  mountClient(site, config.clientDistDirectory);
  return site;
}

/** Vite names every built asset by its content's hash, so a browser may keep it for good. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: a browser asks again each time (an ETag-free 200 is small). */
const ENTRY_PAGE_CACHE = 'no-cache';

/** Serves the built client; any other non-API GET gets index.html so client-side routes reload. */
function mountClient(site: Hono, clientDistDirectory: string) {
  const indexFile = path.join(clientDistDirectory, 'index.html');
  if (!existsSync(indexFile)) {
    console.warn(`client not built (${indexFile} missing): run "npm run build"; serving the API only`);
    return;
  }
  const cacheFor = (path: string) => (path.startsWith('/assets/') ? HASHED_ASSET_CACHE : ENTRY_PAGE_CACHE);
  site.use('/*', async (c, next) => {
    await next();
    const isPage = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    if (c.res.ok && !c.req.path.startsWith('/api/') && (isPage || c.req.path.startsWith('/assets/'))) {
      c.res.headers.set('Cache-Control', cacheFor(c.req.path));
    }
  });
  site.use('/*', serveStatic({ root: clientDistDirectory }));
  const entryPage = serveStatic({ path: indexFile });
  site.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return entryPage(c, next);
  });
}
