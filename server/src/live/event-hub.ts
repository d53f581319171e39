/**
 * The live event hub (issue 12): every open event stream of this process, the changes published to
 * them, and who has which scenario open (presence). A change accepted here is sent to this
 * process's streams at once and, on a server database, relayed by NOTIFY to every other process on
 * it (each hub LISTENs on one channel and drops what it sent itself). Presence crosses the same
 * way: each process announces its own viewers of a scenario when they change and again at every
 * heartbeat, and forgets another process's viewers once it has been silent for three heartbeats
 * (it stopped, or lost the database).
 */

import { randomUUID } from 'node:crypto';
import type { Role } from '../../../contract/access.js';
import {
  LIVE_HEARTBEAT_SECONDS,
  LIVE_STREAMS_PER_USER,
  type LiveEvent,
  type Viewer,
} from '../../../contract/events.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/live.sql.js';
import { DomainError } from '../domain-error.js';

/** The NOTIFY channel the processes of one database relay changes on. */
export const LIVE_CHANNEL = 'lifecircle_live_events';

export interface EventHubOptions {
  /** How often each stream gets a comment line and its session is checked; 20 s unless given. */
  heartbeatMilliseconds?: number;
}

/** Who opens a stream, and how to ask whether they are still signed in. */
export interface StreamViewer {
  username: string;
  displayName: string;
  role: Role;
  /** Whether the session or token that opened the stream still signs them in. */
  stillSignedIn(): Promise<boolean>;
}

interface OpenStream {
  viewer: StreamViewer;
  scenarioId: string | null;
  since: Date;
  send(text: string): void;
  end(): void;
}

/** What one process tells the others on the channel. */
type Relayed = { origin: string } & (
  | { event: LiveEvent }
  /** This process's own viewers of one scenario (none: they all left). */
  | { presence: { scenarioId: string; viewers: Viewer[] } }
  /** A process that has just started listening asks the others for their viewers. */
  | { hello: true }
);

/** Another process's viewers by scenario, and when it last spoke. */
interface RemoteViewers {
  heardAt: number;
  byScenario: Map<string, Viewer[]>;
}

/** Heartbeats another process may miss before its viewers are forgotten. */
const SILENT_HEARTBEATS = 3;

const ENCODER = new TextEncoder();

/** One event as the text/event-stream format writes it. */
function eventText(event: LiveEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export class EventHub {
  private readonly streams = new Set<OpenStream>();
  private readonly origin = randomUUID();
  private readonly heartbeatMilliseconds: number;
  private heartbeat: NodeJS.Timeout | null = null;
  private relay: Promise<(() => Promise<void>) | null> | null = null;
  private readonly remote = new Map<string, RemoteViewers>();
  private closed = false;

  constructor(
    private readonly database: Database,
    options: EventHubOptions = {},
  ) {
    this.heartbeatMilliseconds = options.heartbeatMilliseconds ?? LIVE_HEARTBEAT_SECONDS * 1000;
  }

  /** How many streams are open in this process. */
  get openStreams(): number {
    return this.streams.size;
  }

  /**
   * Opens a stream for `viewer`, counted in the presence of `scenarioId` when given: the answer to
   * send, which starts with a `ready` event (and the scenario's presence). Refuses a viewer who
   * holds LIVE_STREAMS_PER_USER streams already.
   */
  async open(viewer: StreamViewer, scenarioId: string | null): Promise<Response> {
    const held = [...this.streams].filter((stream) => stream.viewer.username === viewer.username).length;
    if (held >= LIVE_STREAMS_PER_USER) {
      throw new DomainError('live.too-many-streams', { user: viewer.username, count: held });
    }
    // Listening before the answer: a change made once the stream is open reaches it.
    await this.startRelay();
    let stream: OpenStream | undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        let ended = false;
        stream = {
          viewer,
          scenarioId,
          since: new Date(),
          send: (text) => {
            if (ended) return;
            try {
              controller.enqueue(ENCODER.encode(text));
            } catch {
              ended = true;
            }
          },
          end: () => {
            if (ended) return;
            ended = true;
            try {
              controller.close();
            } catch {
              // Already cancelled by the reader.
            }
            this.remove(stream!);
          },
        };
      },
      cancel: () => {
        if (stream) this.remove(stream);
      },
    });
    const opened = stream!;
    this.streams.add(opened);
    this.startHeartbeat();
    opened.send(
      eventText({
        name: 'ready',
        data: { username: viewer.username, heartbeatSeconds: Math.round(this.heartbeatMilliseconds / 1000) },
      }),
    );
    if (scenarioId) this.presenceChanged(scenarioId);
    return new Response(body, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: no compression or proxy may hold events back to fill a buffer.
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  }

  /**
   * Sends `event` to every stream of this process and, on a server database, to every other
   * process on it. A failure to relay is logged: the change itself is already saved.
   */
  async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
    await this.tellOthers({ origin: this.origin, event });
  }

  /**
   * Everyone with `scenarioId` open, in this process and (on a server database) in the others:
   * each user once, from their earliest stream.
   */
  viewersOf(scenarioId: string): Viewer[] {
    const silentSince = Date.now() - SILENT_HEARTBEATS * this.heartbeatMilliseconds;
    const remote = [...this.remote.values()]
      .filter((other) => other.heardAt >= silentSince)
      .flatMap((other) => other.byScenario.get(scenarioId) ?? []);
    return earliestOfEach([...this.localViewersOf(scenarioId), ...remote]);
  }

  /** Ends every stream and stops relaying (the server is stopping). */
  async close(): Promise<void> {
    const scenarioIds = new Set([...this.streams].map((stream) => stream.scenarioId));
    this.closed = true;
    for (const stream of [...this.streams]) stream.end();
    this.stopHeartbeat();
    // The other processes drop this one's viewers now rather than after three silent heartbeats.
    await Promise.all(
      [...scenarioIds]
        .filter((scenarioId) => scenarioId !== null)
        .map((scenarioId) => this.notify({ origin: this.origin, presence: { scenarioId, viewers: [] } })),
    );
    const relay = this.relay;
    this.relay = null;
    const stop = await relay?.catch(() => null);
    await stop?.();
  }

  private deliver(event: LiveEvent): void {
    const text = eventText(event);
    for (const stream of this.streams) stream.send(text);
  }

  /** This process's own viewers of `scenarioId`. */
  private localViewersOf(scenarioId: string): Viewer[] {
    return earliestOfEach(
      [...this.streams]
        .filter((stream) => stream.scenarioId === scenarioId)
        .map((stream) => ({
          username: stream.viewer.username,
          displayName: stream.viewer.displayName,
          role: stream.viewer.role,
          since: stream.since.toISOString(),
        })),
    );
  }

  private remove(stream: OpenStream): void {
    if (!this.streams.delete(stream)) return;
    if (stream.scenarioId) this.presenceChanged(stream.scenarioId);
    if (this.streams.size === 0) this.stopHeartbeat();
  }

  /** A viewer of `scenarioId` came or went here: told to this process's viewers and to the others. */
  private presenceChanged(scenarioId: string): void {
    this.announcePresence(scenarioId);
    void this.tellOthers({
      origin: this.origin,
      presence: { scenarioId, viewers: this.localViewersOf(scenarioId) },
    });
  }

  private announcePresence(scenarioId: string): void {
    const text = eventText({ name: 'presence', data: { scenarioId, viewers: this.viewersOf(scenarioId) } });
    for (const stream of this.streams) if (stream.scenarioId === scenarioId) stream.send(text);
  }

  /** This process's viewers of every scenario open here, for the other processes. */
  private tellOwnPresence(): void {
    const scenarioIds = new Set([...this.streams].map((stream) => stream.scenarioId));
    for (const scenarioId of scenarioIds) {
      if (!scenarioId) continue;
      const presence = { scenarioId, viewers: this.localViewersOf(scenarioId) };
      void this.tellOthers({ origin: this.origin, presence });
    }
  }

  /** NOTIFY on the channel, on a server database; a failure is logged (this process goes on alone). */
  private async tellOthers(relayed: Relayed): Promise<void> {
    if (!this.closed) await this.notify(relayed);
  }

  private async notify(relayed: Relayed): Promise<void> {
    if (this.database.kind !== 'postgres') return;
    try {
      await this.database.query(sql.NOTIFY_EVENT, [LIVE_CHANNEL, JSON.stringify(relayed)]);
    } catch (error) {
      console.error(`live events: could not tell the other processes: ${(error as Error).message}`);
    }
  }

  private async startRelay(): Promise<void> {
    const listen = this.database.listen;
    if (!listen || this.closed) return;
    this.relay ??= listen
      .call(this.database, LIVE_CHANNEL, (payload) => this.receive(payload))
      .then((stop) => {
        void this.tellOthers({ origin: this.origin, hello: true });
        return stop;
      })
      .catch((error: unknown) => {
        // Changes of other processes are missed until the next stream opens and tries again.
        console.error(`live events: cannot listen for other processes: ${(error as Error).message}`);
        this.relay = null;
        return null;
      });
    await this.relay;
  }

  private receive(payload: string): void {
    let relayed: Relayed;
    try {
      relayed = JSON.parse(payload) as Relayed;
    } catch {
      return;
    }
    if (relayed.origin === this.origin) return;
    if ('event' in relayed) {
      const { event } = relayed;
      if (event.name === 'scenario-changed' || event.name === 'region-changed') this.deliver(event);
    } else if ('presence' in relayed) {
      const other = this.remote.get(relayed.origin) ?? { heardAt: 0, byScenario: new Map() };
      this.remote.set(relayed.origin, other);
      other.heardAt = Date.now();
      const { scenarioId, viewers } = relayed.presence;
      const before = JSON.stringify(other.byScenario.get(scenarioId) ?? []);
      if (viewers.length > 0) other.byScenario.set(scenarioId, viewers);
      else other.byScenario.delete(scenarioId);
      if (JSON.stringify(viewers) !== before) this.announcePresence(scenarioId);
    } else if ('hello' in relayed) {
      this.tellOwnPresence();
    }
  }

  /** Forgets the viewers of processes silent too long, telling the viewers of their scenarios. */
  private forgetSilent(): void {
    const silentSince = Date.now() - SILENT_HEARTBEATS * this.heartbeatMilliseconds;
    for (const [origin, other] of this.remote) {
      if (other.heardAt >= silentSince) continue;
      this.remote.delete(origin);
      for (const scenarioId of other.byScenario.keys()) this.announcePresence(scenarioId);
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMilliseconds);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /**
   * A comment line to every stream; a stream whose session has ended is ended. The other processes
   * hear this one's viewers again, and those silent too long are forgotten.
   */
  private async beat(): Promise<void> {
    this.tellOwnPresence();
    this.forgetSilent();
    await Promise.all(
      [...this.streams].map(async (stream) => {
        const signedIn = await stream.viewer.stillSignedIn().catch(() => true);
        if (signedIn) stream.send(': heartbeat\n\n');
        else stream.end();
      }),
    );
  }
}

/** Each user once, from their earliest `since`, earliest first. */
function earliestOfEach(viewers: readonly Viewer[]): Viewer[] {
  const byUser = new Map<string, Viewer>();
  for (const viewer of viewers) {
    const known = byUser.get(viewer.username);
    if (!known || viewer.since < known.since) byUser.set(viewer.username, viewer);
  }
  return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since));
}
