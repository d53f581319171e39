import { defineConfig } from 'vitest/config';

// Files named *.server-only.test.ts need the PostgreSQL server (pgRouting): they run whenever
// DATABASE_URL_TEST is set, which CI always does (tests/support/test-databases.ts fails CI without it).
const serverOnlyTests = process.env.DATABASE_URL_TEST ? [] : ['tests/**/*.server-only.test.ts'];

// Unit tests sit beside the code; tests/ holds tests that cross layers (API on real PostGIS,
// end-to-end in Chromium). Each embedded PostGIS takes ~0.8 GB and ~10 s to start, so the
// database suites run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'contract/**/*.test.ts',
            'core/**/*.test.ts',
            'scripts/**/*.test.ts',
            'server/**/*.test.ts',
            'client/src/**/*.test.{ts,tsx}',
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          exclude: serverOnlyTests,
          fileParallelism: false,
          globalSetup: ['tests/support/database-templates.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['tests/support/database-templates.ts'],
          // The scenario walk-through takes ~100 s on an idle two-core machine; a loaded one doubles it.
          testTimeout: 360_000,
          hookTimeout: 300_000,
          // What a page waits for (an answer, a redraw) can take seconds on a loaded two-core machine;
          // vitest's 1 s default for expect.poll made the audit table's rows a flake at load 7.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
