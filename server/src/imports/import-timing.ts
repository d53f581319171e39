/**
 * Where an import's time goes, printed to stderr when IMPORT_TIMING is set (issue 13: measure
 * before speeding up). Each step and each SQL statement is one line with its milliseconds.
 */
import type { Query } from '../db/client.js';

const enabled = Boolean(process.env.IMPORT_TIMING);

/** Logs `label` with the time since the previous mark (or since `start`). */
export function importTimer(what: string): (label: string) => void {
  if (!enabled) return () => undefined;
  let last = performance.now();
  const start = last;
  return (label) => {
    const now = performance.now();
    process.stderr.write(
      `[import ${what}] ${label}: ${(now - last).toFixed(0)} ms (total ${(now - start).toFixed(0)} ms)\n`,
    );
    last = now;
  };
}

/** `query` logging each statement's time (its first words) when timing is on. */
export function timedQuery(query: Query): Query {
  if (!enabled) return query;
  return async <Row = Record<string, unknown>>(text: string, params?: unknown[]) => {
    const start = performance.now();
    const result = await query<Row>(text, params);
    const words = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    process.stderr.write(`    sql ${(performance.now() - start).toFixed(0)} ms: ${words}\n`);
    return result;
  };
}
