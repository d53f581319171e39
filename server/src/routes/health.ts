import { Hono } from 'hono';
import type { Database } from '../db/client.js';
import { POSTGIS_VERSION } from '../db/sql/regions.sql.js';
import { registerOperations } from '../openapi/operation-registry.js';

registerOperations({
  method: 'get',
  path: '/api/health',
  tag: 'health',
  summary: 'The server is up and its database answers',
  response: { description: '`{ status: "ok", database: { kind, postgis } }`', contentType: 'application/json' },
});

/** GET /api/health: the server is up and its database answers, with the PostGIS version. */
export function healthRoutes(database: Database) {
  return new Hono().get('/', async (c) => {
    const { rows } = await database.query<{ version: string }>(POSTGIS_VERSION);
    return c.json({ status: 'ok' as const, database: { kind: database.kind, postgis: rows[0].version } });
  });
}
