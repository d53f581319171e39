import { healthOperations } from '../../../contract/health.js';
import type { Database } from '../db/client.js';
import { implement } from '../http/operation-binding.js';
import { postgisVersion } from '../regions/region-store.js';

/** GET /api/health: the server is up and its database answers, with the PostGIS version. */
export function healthRoutes(database: Database) {
  return [
    implement(healthOperations.get, async () => ({
      status: 'ok' as const,
      database: { kind: database.kind, postgis: await postgisVersion(database) },
    })),
  ];
}
