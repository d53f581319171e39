import { Hono } from 'hono';
import type { Database } from '../db/client.js';
import { POSTGIS_VERSION } from '../db/sql/regions.sql.js';

/** GET /api/health: the server is up and its database answers, with the PostGIS version. */
export function healthRoutes(database: Database) {
  return new Hono().get('/', async (c) => {
    const { rows } = await database.query<{ version: string }>(POSTGIS_VERSION);
    return c.json({ status: 'ok' as const, database: { kind: database.kind, postgis: rows[0].version } });
  });
}
