/** The server's own state: is it up, and does its database answer. */

import { z } from 'zod';
import { DATABASE_UNAVAILABLE, jsonResponse } from './common.js';
import { defineOperation } from './operation.js';

export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.strictObject({
    kind: z
      .enum(['embedded', 'postgres'])
      .meta({ description: 'PGlite in the process, or a PostgreSQL server' }),
    postgis: z.string().meta({ description: 'PostGIS library version, e.g. 3.3.2' }),
  }),
});

export const healthOperations = {
  get: defineOperation({
    method: 'get',
    access: 'public',
    path: '/api/health',
    tag: 'health',
    summary: 'The server is up and its database answers',
    response: jsonResponse('The server and its database answer', healthSchema),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
};
