/**
 * Live events (issue 12) on both databases: the stream refuses a signed-out caller; a scenario
 * created and saved by one user reaches another's stream with its version and author; presence
 * lists everyone with a scenario open, once each, and drops a viewer whose stream closes; a stream
 * ends once its session ends; streams per user are capped; compression leaves the stream alone.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_STREAMS_PER_USER } from '../../contract/events.js';
import { createApp, type App } from '../../server/src/app.js';
import { readConfig } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { EventHub } from '../../server/src/live/event-hub.js';
import { createSite } from '../../server/src/server.js';
import { readEvents, type EventReader } from '../support/event-stream.js';
import {
  addUserAndSignIn,
  requestAs,
  signInFirstAdmin,
  withCredentials,
  type Credentials,
} from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

/** Short, so a session's end is noticed within the test. */
const HEARTBEAT_MILLISECONDS = 300;

describe.each(testBackends())('live events on $name', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let hub: EventHub;
  let app: App;
  let admin: Credentials;
  let analyst: Credentials;
  const open: EventReader[] = [];

  const call = (who: Credentials, method: string, path: string, body?: unknown) =>
    requestAs(app, who, method, path, body);
  /** Opens `who`'s stream (naming a scenario when given) and reads it from its `ready` event. */
  const stream = async (who: Credentials, query = '') => {
    const response = await app.request(`/api/events${query}`, withCredentials(who));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readEvents(response);
    open.push(events);
    expect(await events.next('ready')).toMatchObject({ username: who.username });
    return events;
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open());
    await migrate(database);
    const tiny = tinyRegion('tiny');
    await loadRegion(database, 'test', tiny.meta, tiny.layers);
    hub = new EventHub(database, { heartbeatMilliseconds: HEARTBEAT_MILLISECONDS });
    app = createApp(database, { eventHub: hub });
    admin = await signInFirstAdmin(app, database);
    analyst = await addUserAndSignIn(app, admin, 'analyst');
  });
  afterAll(async () => {
    for (const events of open) await events.close();
    await hub.close();
    await dispose?.();
  });

  it('refuses a signed-out caller with 401 and a malformed query with 400 naming the field', async () => {
    const signedOut = await app.request('/api/events');
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ code: 'auth.sign-in-required' });
    const empty = await call(admin, 'GET', '/api/events?scenario=');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/scenario/);
    const unknown = await call(admin, 'GET', '/api/events?viewer=me');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/viewer/);
    expect(hub.openStreams).toBe(0);
  });

  it("tells one user's stream of a scenario another creates and saves, with its version and author", async () => {
    const adminEvents = await stream(admin, '?region=tiny');
    const created = await call(analyst, 'POST', '/api/regions/tiny/scenarios', { name: '实时' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await adminEvents.next('scenario-changed', (data) => data.scenarioId === id)).toEqual({
      regionId: 'tiny',
      scenarioId: id,
      version: 1,
      change: 'created',
      by: analyst.username,
    });
    const saved = await call(analyst, 'PATCH', `/api/scenarios/${id}`, {
      version: 1,
      edits: [{ op: 'update', communityId: 'c-west', changes: { staff: 40 } }],
    });
    expect(saved.status, saved.text).toBe(200);
    expect(await adminEvents.next('scenario-changed', (data) => data.scenarioId === id)).toEqual({
      regionId: 'tiny',
      scenarioId: id,
      version: 2,
      change: 'saved',
      by: analyst.username,
    });
    // A refused save (stale version) tells no one.
    const stale = await call(analyst, 'PATCH', `/api/scenarios/${id}`, {
      version: 1,
      edits: [{ op: 'update', communityId: 'c-west', changes: { staff: 41 } }],
    });
    expect(stale.status).toBe(409);
    const deleted = await call(analyst, 'DELETE', `/api/scenarios/${id}`);
    expect(deleted.status).toBe(204);
    expect(await adminEvents.next('scenario-changed', (data) => data.scenarioId === id)).toEqual({
      regionId: 'tiny',
      scenarioId: id,
      version: null,
      change: 'deleted',
      by: analyst.username,
    });
    await adminEvents.close();
  });

  it('lists everyone with a scenario open, once each, and drops a viewer whose stream closes', async () => {
    const created = await call(admin, 'POST', '/api/regions/tiny/scenarios', { name: '同看' });
    const id = created.body.id as string;
    const query = `?region=tiny&scenario=${encodeURIComponent(id)}`;
    const adminEvents = await stream(admin, query);
    expect((await adminEvents.next('presence')).viewers.map((viewer) => viewer.username)).toEqual([
      admin.username,
    ]);
    const analystEvents = await stream(analyst, query);
    // A second page of the same user counts once.
    const analystSecondPage = await stream(analyst, query);
    const both = await adminEvents.next('presence', (data) => data.viewers.length === 2);
    expect(both.scenarioId).toBe(id);
    expect(both.viewers.map((viewer) => [viewer.username, viewer.role])).toEqual([
      [admin.username, 'admin'],
      [analyst.username, 'analyst'],
    ]);
    expect((await analystEvents.next('presence')).viewers).toHaveLength(2);
    // A stream naming no scenario is in no one's presence.
    await stream(analyst, '?region=tiny');
    expect(hub.viewersOf(id)).toHaveLength(2);

    await analystEvents.close();
    // The analyst still has the other page open.
    expect(hub.viewersOf(id).map((viewer) => viewer.username)).toEqual([admin.username, analyst.username]);
    await analystSecondPage.close();
    const alone = await adminEvents.next('presence', (data) => data.viewers.length === 1);
    expect(alone.viewers.map((viewer) => viewer.username)).toEqual([admin.username]);
    await adminEvents.close();
  });

  it('sends heartbeats, and ends a stream once its session ends', async () => {
    const planner = await addUserAndSignIn(app, admin, 'planner');
    const events = await stream(planner);
    await expect.poll(() => events.comments(), { timeout: 5_000 }).toBeGreaterThan(0);
    const signedOut = await call(planner, 'DELETE', '/api/session');
    expect(signedOut.status).toBe(204);
    await events.ended;
    await expect(events.next('ready')).rejects.toThrow(/ended/);
  });

  it(`caps one user at ${LIVE_STREAMS_PER_USER} streams, and frees a place when one closes`, async () => {
    const viewer = await addUserAndSignIn(app, admin, 'leader');
    const streams: EventReader[] = [];
    for (let index = 0; index < LIVE_STREAMS_PER_USER; index++) streams.push(await stream(viewer));
    const refused = await call(viewer, 'GET', '/api/events');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'live.too-many-streams' });
    expect(refused.body.errorZh).toContain(viewer.username);
    await streams[0].close();
    const again = await stream(viewer);
    await again.close();
    for (const events of streams.slice(1)) await events.close();
    expect(hub.openStreams).toBe(1); // the analyst's stream without a scenario, still open
  });

  it('is not compressed by the site, whatever the browser accepts', async () => {
    const site = createSite(database, { ...readConfig(), clientDistDirectory: '/nonexistent' }, hub);
    const response = await site.request(
      '/api/events',
      withCredentials(admin, { headers: { 'accept-encoding': 'gzip, deflate' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    const events = readEvents(response);
    open.push(events);
    expect(await events.next('ready')).toMatchObject({ username: admin.username });
    await events.close();
  });
});
