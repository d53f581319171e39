import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { ensureFirstAdmin, firstAdminNotice } from './accounts/first-admin.js';
import { createApp } from './app.js';
import { tileServiceOrigins, type TileService } from './basemaps/tile-services.js';
import { readConfig, type ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { prepareDatabase } from './db/prepare.js';
import { EventHub } from './live/event-hub.js';
import { securityHeaders } from './http/security-headers.js';
import { importsSettled } from './imports/run-import.js';

export interface StartOptions {
  /** Port to listen on; 0 picks a free one. Defaults to PORT or 8080. */
  port?: number;
  /** Embedded database folder; defaults to LIFECIRCLE_DATA_DIR or .lifecircle/db. */
  dataDirectory?: string;
  /** A PostgreSQL/PostGIS URL; defaults to DATABASE_URL. When set, dataDirectory is not used. */
  databaseUrl?: string | null;
  /** Interface to bind; defaults to HOST or loopback (127.0.0.1). */
  hostname?: string;
  /** The first administrator's password when the database has no user; defaults to LIFECIRCLE_ADMIN_PASSWORD. */
  adminPassword?: string | null;
  /** Online tile services the base maps list; defaults to LIFECIRCLE_TILE_SERVICES (none when unset). */
  tileServices?: readonly TileService[];
}

export interface RunningServer {
  url: string;
  database: Database;
  /** Requests being answered right now. */
  requestsInFlight(): number;
  /**
   * Stops gently: refuses new connections at once, lets the requests in flight finish (keep-alive
   * connections close after their answer), then closes the database. Requests still open after
   * `drainMilliseconds` (LIFECIRCLE_DRAIN_TIMEOUT_MS unless given) are cut; their count comes back.
   */
  close(drainMilliseconds?: number): Promise<{ requestsCut: number }>;
}

/** After the drain deadline, longest the database may take to close before it is left as it is. */
const DATABASE_CLOSE_AFTER_DEADLINE_MILLISECONDS = 5_000;

/**
 * Opens the database (creating, migrating and loading the shipped regions on first start), then
 * serves the API at /api and the built client at /. Used by `npm start` and the end-to-end tests alike.
 */
export async function startLifecircleServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = readConfig();
  const tileServices = options.tileServices ?? config.tileServices;
  const databaseUrl = options.databaseUrl === undefined ? config.databaseUrl : options.databaseUrl;
  const database = await openDatabase({
    databaseUrl,
    embeddedDataDirectory: options.dataDirectory ?? config.embeddedDataDirectory,
    statementTimeoutMilliseconds: config.queryTimeoutMilliseconds,
  });
  try {
    await prepareDatabase(database, config.seedRegionDirectories, (line) => console.log(line));
    const admin = await ensureFirstAdmin(database, options.adminPassword ?? config.adminPassword);
    const notice = firstAdminNotice(admin);
    if (notice) console.log(notice);
    else if (admin.created)
      console.log(`created the administrator "${admin.username}" with LIFECIRCLE_ADMIN_PASSWORD`);
  } catch (error) {
    await database.close();
    throw error;
  }

  const eventHub = new EventHub(database);
  const site = createSite(database, { ...config, tileServices }, eventHub);
  const port = options.port ?? config.port;
  const hostname = options.hostname ?? config.host;
  // Without createServer options @hono/node-server serves plain HTTP/1.1 through node:http.
  const server = await new Promise<HttpServer>((resolve) => {
    const started = serve({ fetch: site.fetch, port, hostname }, () => resolve(started as HttpServer));
  });
  // Idle kept-alive connections stay open longer than clients keep them (undici 4 s, browsers
  // ~60 s, load balancers 60 s): a server closing one just as a client reuses it answers that
  // request with ECONNRESET (seen at 2 in ~1 500 requests of bench:load with Node's 5 s default).
  server.keepAliveTimeout = KEEP_ALIVE_MILLISECONDS;
  server.headersTimeout = KEEP_ALIVE_MILLISECONDS + 1_000;
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(hostname)}:${address.port}`;

  const answering = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    answering.add(response);
    // While closing, an answer is the connection's last: keep-alive must not hold the drain open.
    if (closing) response.shouldKeepAlive = false;
    response.once('close', () => answering.delete(response));
  });
  return {
    url,
    database,
    requestsInFlight: () => answering.size,
    close: async (drainMilliseconds = config.drainTimeoutMilliseconds) => {
      closing = true;
      for (const response of answering) response.shouldKeepAlive = false;
      // Stops listening and closes idle connections; resolves when the last connection has closed.
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Event streams never finish on their own: ended now, they do not hold the drain to its deadline.
      await eventHub.close();
      const inTime = await withinMilliseconds(drained, drainMilliseconds);
      const requestsCut = inTime ? 0 : answering.size;
      // A preview stages its features after its answer: that work ends before the database closes.
      await withinMilliseconds(importsSettled(database), DATABASE_CLOSE_AFTER_DEADLINE_MILLISECONDS);
      if (!inTime) {
        server.closeAllConnections();
        // A request cut mid-query may still hold the database: wait for it a bounded time.
        await withinMilliseconds(database.close(), DATABASE_CLOSE_AFTER_DEADLINE_MILLISECONDS);
      } else {
        await database.close();
      }
      return { requestsCut };
    },
  };
}

/** How long an idle kept-alive connection stays open (server.close still closes idle ones at once). */
const KEEP_ALIVE_MILLISECONDS = 65_000;

/** Whether `work` settled within `milliseconds` (its failure is rethrown). */
async function withinMilliseconds(work: Promise<unknown>, milliseconds: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), milliseconds)));
  try {
    return await Promise.race([work.then(() => true as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** How a browser addresses the bound interface: every interface is reached as localhost. */
function urlHost(hostname: string): string {
  if (hostname === '0.0.0.0' || hostname === '::') return 'localhost';
  return hostname.includes(':') ? `[${hostname}]` : hostname;
}

/**
 * The whole site: security headers on every answer (their policy lets in the configured tile
 * services' tiles), compression, CORS only for the origins CORS_ORIGINS lists, the API at /api and
 * the built client at /.
 */
export function createSite(
  database: Database,
  config: Pick<
    ServerConfig,
    'clientDistDirectory' | 'limits' | 'corsOrigins' | 'tileServices' | 'queryTimeoutMilliseconds'
  > &
    Partial<Pick<ServerConfig, 'issuingUnit'>>,
  eventHub?: EventHub,
): Hono {
  const site = new Hono();
  site.use(securityHeaders(tileServiceOrigins(config.tileServices)));
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
      eventHub,
      issuingUnit: config.issuingUnit,
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
