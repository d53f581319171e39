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
  it('answers 503 with a JSON error that names the problem, to a sign-in and to a signed-in request', async () => {
    const database = await openServerDatabase(`postgres://nobody@127.0.0.1:${await closedPort()}/lifecircle`);
    const app = createApp(database);
    const unavailable = refusalBody(
      'the database is unavailable; try again shortly',
      'server.database-unavailable',
    );
    // No one can sign in while the database is away, so requests carry the credentials a client
    // signed in earlier would hold: the session cookie (with its CSRF token) or an API token.
    const session = { cookie: 'lifecircle_session=a-session-of-before', 'x-csrf-token': 'its-csrf-token' };
    const token = { authorization: 'Bearer lc_a-token-of-before' };
    try {
      const health = await app.request('/api/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual(unavailable);
      const signIn = await app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'a-password-of-before' }),
      });
      expect(signIn.status).toBe(503);
      expect(await signIn.json()).toEqual(unavailable);
      for (const url of ['/api/session', '/api/regions', '/api/regions/demo/communities']) {
        for (const headers of [session, token]) {
          const response = await app.request(url, { headers });
          expect(response.status, `${url} with ${Object.keys(headers).join(', ')}`).toBe(503);
          expect(await response.json()).toEqual(unavailable);
        }
      }
      const write = await app.request('/api/regions/demo/scenarios', {
        method: 'POST',
        headers: { ...session, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'while the database is away' }),
      });
      expect(write.status).toBe(503);
      expect(await write.json()).toEqual(unavailable);
      // Without credentials no database is needed to know no one is signed in.
      const anonymous = await app.request('/api/regions');
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).code).toBe('auth.sign-in-required');
    } finally {
      await database.close();
    }
  });
});
