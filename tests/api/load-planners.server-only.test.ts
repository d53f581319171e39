/**
 * The load script (scripts/bench/load-planners.ts) run tiny against the PostgreSQL server: three
 * planners signed in over HTTP, each saving edits to its own scenario for a few seconds. Asserts
 * that saves and reads happened and that no answer was refused; the timings are the bench's to print.
 */

import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/bench/load-planners.js';

// vitest.config.ts runs *.server-only.test.ts files only when DATABASE_URL_TEST is set.
const serverUrl = process.env.DATABASE_URL_TEST ?? '';

describe('the load script on the PostgreSQL server', () => {
  it('three planners save and read for three seconds without one refusal', async () => {
    const result = await runLoad({ seconds: 3, planners: 3, databaseUrl: serverUrl });
    expect(result.firstErrors).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.saves.length).toBeGreaterThan(0);
    expect(result.reads.length).toBeGreaterThan(0);
    expect(result.databaseBytes).toBeGreaterThan(0);
  }, 240_000);
});
