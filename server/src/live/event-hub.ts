/**
 * The live event hub (issue 12): every open event stream of this process, the changes published to
 * them, and who has which scenario open (presence). A change accepted here is sent to this
 * process's streams at once and, on a server database, relayed by NOTIFY to every other process on
 * it (each hub LISTENs on one channel and drops what it sent itself). Presence is this process's
 * own: two processes behind one address each count the streams they hold.
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

interface RelayedEvent {
  origin: string;
  event: LiveEvent;
}

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
    if (scenarioId) this.announcePresence(scenarioId);
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
    if (this.database.kind !== 'postgres') return;
    const relayed: RelayedEvent = { origin: this.origin, event };
    try {
      await this.database.query(sql.NOTIFY_EVENT, [LIVE_CHANNEL, JSON.stringify(relayed)]);
    } catch (error) {
      console.error(`live events: could not relay ${event.name}: ${(error as Error).message}`);
    }
  }

  /** The viewers of `scenarioId` in this process: each user once, from their earliest stream. */
  viewersOf(scenarioId: string): Viewer[] {
    const byUser = new Map<string, Viewer>();
    for (const stream of this.streams) {
      if (stream.scenarioId !== scenarioId) continue;
      const known = byUser.get(stream.viewer.username);
      const since = stream.since.toISOString();
      if (known && known.since <= since) continue;
      byUser.set(stream.viewer.username, {
        username: stream.viewer.username,
        displayName: stream.viewer.displayName,
        role: stream.viewer.role,
        since,
      });
    }
    return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since));
  }

  /** Ends every stream and stops relaying (the server is stopping). */
  async close(): Promise<void> {
    this.closed = true;
    for (const stream of [...this.streams]) stream.end();
    this.stopHeartbeat();
    const relay = this.relay;
    this.relay = null;
    const stop = await relay?.catch(() => null);
    await stop?.();
  }

  private deliver(event: LiveEvent): void {
    const text = eventText(event);
    for (const stream of this.streams) stream.send(text);
  }

  private remove(stream: OpenStream): void {
    if (!this.streams.delete(stream)) return;
    if (stream.scenarioId) this.announcePresence(stream.scenarioId);
    if (this.streams.size === 0) this.stopHeartbeat();
  }

  private announcePresence(scenarioId: string): void {
    const text = eventText({ name: 'presence', data: { scenarioId, viewers: this.viewersOf(scenarioId) } });
    for (const stream of this.streams) if (stream.scenarioId === scenarioId) stream.send(text);
  }

  private async startRelay(): Promise<void> {
    const listen = this.database.listen;
    if (!listen || this.closed) return;
    this.relay ??= listen
      .call(this.database, LIVE_CHANNEL, (payload) => this.receive(payload))
      .catch((error: unknown) => {
        // Changes of other processes are missed until the next stream opens and tries again.
        console.error(`live events: cannot listen for other processes: ${(error as Error).message}`);
        this.relay = null;
        return null;
      });
    await this.relay;
  }

  private receive(payload: string): void {
    let relayed: RelayedEvent;
    try {
      relayed = JSON.parse(payload) as RelayedEvent;
    } catch {
      return;
    }
    if (relayed.origin === this.origin || !relayed.event) return;
    // Presence is each process's own; only changes cross.
    if (relayed.event.name === 'scenario-changed' || relayed.event.name === 'region-changed') {
      this.deliver(relayed.event);
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

  /** A comment line to every stream; a stream whose session has ended is ended. */
  private async beat(): Promise<void> {
    await Promise.all(
      [...this.streams].map(async (stream) => {
        const signedIn = await stream.viewer.stillSignedIn().catch(() => true);
        if (signedIn) stream.send(': heartbeat\n\n');
        else stream.end();
      }),
    );
  }
}
