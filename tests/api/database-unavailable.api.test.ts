import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { refusalBody } from '../support/refusals.js';
import { openServerDatabase } from '../../server/src/db/client.js';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a database that cannot be reached', () => {
  it('answers 503 with a JSON error that names the problem', async () => {
    const database = await openServerDatabase(`postgres://nobody@127.0.0.1:${await closedPort()}/lifecircle`);
    const app = createApp(database);
    try {
      for (const url of ['/api/health', '/api/regions', '/api/regions/demo/communities']) {
        const response = await app.request(url);
        expect(response.status, url).toBe(503);
        expect(await response.json()).toEqual(
          refusalBody('the database is unavailable; try again shortly', 'server.database-unavailable'),
        );
      }
    } finally {
      await database.close();
    }
  });
});
