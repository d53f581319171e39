/**
 * Live events across processes (issue 12): two apps on one PostgreSQL database, as two server
 * processes would be, each with its own event hub. A scenario saved through one reaches a stream
 * held by the other (relayed by LISTEN/NOTIFY), once; presence counts the viewers of both, and
 * drops those of a process as their streams close or the process stops.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { openServerDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { EventHub } from '../../server/src/live/event-hub.js';
import { readEvents } from '../support/event-stream.js';
import {
  addUserAndSignIn,
  signIn,
  signInFirstAdmin,
  withCredentials,
  type Credentials,
} from '../support/sign-in.js';
import { createThrowawayServerDatabase } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

describe('live events between two apps on one PostgreSQL database', () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayServerDatabase>> | undefined;
  const databases: Database[] = [];
  const hubs: EventHub[] = [];
  let first: App;
  let second: App;
  let onFirst: Credentials;
  let onSecond: Credentials;
  /** Another user, signed in on the second app. */
  let analyst: Credentials;

  const call = async (app: App, who: Credentials, method: string, url: string, body?: unknown) => {
    const response = await app.request(
      url,
      withCredentials(who, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, text };
  };

  beforeAll(async () => {
    throwaway = await createThrowawayServerDatabase(process.env.DATABASE_URL_TEST!);
    databases.push(await openServerDatabase(throwaway.url), await openServerDatabase(throwaway.url));
    await migrate(databases[0]);
    const tiny = tinyRegion('tiny');
    await loadRegion(databases[0], 'test', tiny.meta, tiny.layers);
    hubs.push(new EventHub(databases[0]), new EventHub(databases[1]));
    first = createApp(databases[0], { eventHub: hubs[0] });
    second = createApp(databases[1], { eventHub: hubs[1] });
    onFirst = await signInFirstAdmin(first, databases[0]);
    onSecond = await signIn(second, onFirst.username, onFirst.password);
    const added = await addUserAndSignIn(first, onFirst, 'analyst');
    analyst = await signIn(second, added.username, added.password);
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.close();
    for (const database of databases) await database.close();
    await throwaway?.drop();
  });

  it("a save through one app reaches the other app's stream, once", async () => {
    const created = await call(first, onFirst, 'POST', '/api/regions/tiny/scenarios', { name: '两处' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const query = `/api/events?region=tiny&scenario=${encodeURIComponent(id)}`;
    const onSecondEvents = readEvents(await second.request(query, withCredentials(onSecond)));
    const onFirstEvents = readEvents(await first.request(query, withCredentials(onFirst)));
    await onSecondEvents.next('ready');
    await onFirstEvents.next('ready');

    const saved = await call(first, onFirst, 'PATCH', `/api/scenarios/${id}`, {
      version: 1,
      edits: [{ op: 'update', communityId: 'c-east', changes: { staff: 12 } }],
    });
    expect(saved.status, saved.text).toBe(200);
    const isSave = (data: { scenarioId: string; change: string }) =>
      data.scenarioId === id && data.change === 'saved';
    expect(await onSecondEvents.next('scenario-changed', isSave)).toEqual({
      regionId: 'tiny',
      scenarioId: id,
      version: 2,
      change: 'saved',
      by: onFirst.username,
    });
    // The app that made the change tells its own streams directly, and not again by the relay.
    expect((await onFirstEvents.next('scenario-changed', isSave)).version).toBe(2);
    // The second app's save reaches the first app's stream; neither stream got the first save twice.
    const again = await call(second, onSecond, 'PATCH', `/api/scenarios/${id}`, {
      version: 2,
      edits: [{ op: 'update', communityId: 'c-east', changes: { staff: 13 } }],
    });
    expect(again.status, again.text).toBe(200);
    expect((await onFirstEvents.next('scenario-changed')).version).toBe(3);
    expect((await onSecondEvents.next('scenario-changed')).version).toBe(3);
    await onFirstEvents.close();
    await onSecondEvents.close();
  });

  it('presence lists the viewers of both processes, and drops those whose stream closed or whose process stopped', async () => {
    const created = await call(first, onFirst, 'POST', '/api/regions/tiny/scenarios', { name: '两处同看' });
    const id = created.body.id as string;
    const query = `/api/events?region=tiny&scenario=${encodeURIComponent(id)}`;
    const adminEvents = readEvents(await first.request(query, withCredentials(onFirst)));
    await adminEvents.next('presence');
    const openAnalystStream = async () => {
      const events = readEvents(await second.request(query, withCredentials(analyst)));
      await events.next('ready');
      return events;
    };
    const usernames = (data: { viewers: { username: string }[] }) =>
      data.viewers.map((viewer) => viewer.username).join(',');
    const both = `${onFirst.username},${analyst.username}`;

    const analystEvents = await openAnalystStream();
    expect(usernames(await adminEvents.next('presence', (data) => usernames(data) === both))).toBe(both);
    expect(usernames(await analystEvents.next('presence', (data) => usernames(data) === both))).toBe(both);
    await analystEvents.close();
    expect(usernames(await adminEvents.next('presence', (data) => data.viewers.length === 1))).toBe(
      onFirst.username,
    );

    // The second process stops: its viewers leave at once, not after three silent heartbeats.
    await openAnalystStream();
    await adminEvents.next('presence', (data) => usernames(data) === both);
    await hubs[1].close();
    expect(usernames(await adminEvents.next('presence', (data) => data.viewers.length === 1))).toBe(
      onFirst.username,
    );
    await adminEvents.close();
  });
});
