/**
 * Reading a server-sent event stream in tests: the events of an answer's body as they arrive,
 * parsed by the contract's schemas, waited for one by one.
 */

import { LIVE_EVENT_SCHEMAS, type LiveEvent, type LiveEventName } from '../../contract/events.js';

export interface EventReader {
  /** The next event (after those already taken) that `matches`; fails after `timeoutMilliseconds`. */
  next<Name extends LiveEventName>(
    name: Name,
    matches?: (data: Extract<LiveEvent, { name: Name }>['data']) => boolean,
    timeoutMilliseconds?: number,
  ): Promise<Extract<LiveEvent, { name: Name }>['data']>;
  /** Comment lines (heartbeats) seen so far. */
  comments(): number;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Closes the stream from this side. */
  close(): Promise<void>;
}

/** Reads `response`'s body as text/event-stream; every `data:` is checked against its event's schema. */
export function readEvents(response: Response): EventReader {
  if (!response.body) throw new Error('the answer has no body to read events from');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: LiveEvent[] = [];
  let comments = 0;
  let wake: () => void = () => undefined;
  let buffer = '';
  let finished = false;
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      buffer += value;
      let blank: number;
      while ((blank = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, blank);
        buffer = buffer.slice(blank + 2);
        const lines = block.split('\n');
        if (lines.every((line) => line.startsWith(':'))) {
          comments += 1;
          continue;
        }
        const name = lines.find((line) => line.startsWith('event: '))?.slice(7) as LiveEventName;
        const data = lines.find((line) => line.startsWith('data: '))?.slice(6) ?? '';
        const schema = LIVE_EVENT_SCHEMAS[name];
        if (!schema) throw new Error(`unknown event "${name}" in the stream`);
        events.push({ name, data: schema.parse(JSON.parse(data)) } as LiveEvent);
      }
      wake();
    }
    finished = true;
    wake();
  })();
  let taken = 0;
  return {
    async next(name, matches = () => true, timeoutMilliseconds = 10_000) {
      const deadline = Date.now() + timeoutMilliseconds;
      for (;;) {
        while (taken < events.length) {
          const event = events[taken++];
          if (event.name === name && matches(event.data as never)) return event.data as never;
        }
        if (finished) throw new Error(`the stream ended before a "${name}" event`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMilliseconds} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    comments: () => comments,
    ended,
    async close() {
      await reader.cancel().catch(() => undefined);
      await ended;
    },
  };
}
