import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { POSTGIS_VERSION } from '../db/sql/regions.sql.js';
import { DATABASE_UNAVAILABLE } from '../openapi/common-schemas.js';
import { registerOperations } from '../openapi/operation-registry.js';

registerOperations({
  method: 'get',
  path: '/api/health',
  tag: 'health',
  summary: 'The server is up and its database answers',
  response: {
    description: 'The server and its database answer',
    content: {
      'application/json': z.strictObject({
        status: z.literal('ok'),
        database: z.strictObject({
          kind: z
            .enum(['embedded', 'postgres'])
            .meta({ description: 'PGlite in the process, or a PostgreSQL server' }),
          postgis: z.string().meta({ description: 'PostGIS library version, e.g. 3.3.2' }),
        }),
      }),
    },
  },
  errors: { 503: DATABASE_UNAVAILABLE },
});

/** GET /api/health: the server is up and its database answers, with the PostGIS version. */
export function healthRoutes(database: Database) {
  return new Hono().get('/', async (c) => {
    const { rows } = await database.query<{ version: string }>(POSTGIS_VERSION);
    return c.json({ status: 'ok' as const, database: { kind: database.kind, postgis: rows[0].version } });
  });
}
