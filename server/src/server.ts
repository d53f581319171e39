import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { prepareDatabase } from './db/prepare.js';

export interface StartOptions {
  /** Port to listen on; 0 picks a free one. Defaults to PORT or 8080. */
  port?: number;
  /** Embedded database folder; defaults to LIFECIRCLE_DATA_DIR or .lifecircle/db. */
  dataDirectory?: string;
  /** A PostgreSQL/PostGIS URL; defaults to DATABASE_URL. When set, dataDirectory is not used. */
  databaseUrl?: string | null;
  /** Host to bind; defaults to all interfaces. */
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
  });
  try {
    await prepareDatabase(database, config.seedRegionDirectories, (line) => console.log(line));
  } catch (error) {
    await database.close();
    throw error;
  }

  const site = new Hono();
  site.use('/api/*', compress());
  site.route('/', createApp(database, { tileServices: config.tileServices }));
  mountClient(site, config.clientDistDirectory);

  const port = options.port ?? config.port;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: site.fetch, port, hostname: options.hostname }, () => resolve(started));
  });
  const address = server.address() as AddressInfo;
  const url = `http://localhost:${address.port}`;
  return {
    url,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** Serves the built client; any other non-API GET gets index.html so client-side routes reload. */
function mountClient(site: Hono, clientDistDirectory: string) {
  const indexFile = path.join(clientDistDirectory, 'index.html');
  if (!existsSync(indexFile)) {
    console.warn(`client not built (${indexFile} missing): run "npm run build"; serving the API only`);
    return;
  }
  site.use('/*', serveStatic({ root: clientDistDirectory }));
  site.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ path: indexFile })(c, next);
  });
}
