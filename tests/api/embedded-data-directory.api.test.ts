import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { openEmbeddedDatabase } from '../../server/src/db/client.js';
import { LOCK_FILE_NAME } from '../../server/src/db/data-directory-lock.js';

/** Runs `npm run serve` (server/src/index.ts) on `dataDirectory` until it exits; its code and output. */
function serveOn(dataDirectory: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx'),
      [path.join(REPOSITORY_ROOT, 'server/src/index.ts')],
      {
        env: { ...process.env, LIFECIRCLE_DATA_DIR: dataDirectory, PORT: '0', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

// The embedded database is one process's (issue 12: a second process on the folder split the data
// and lost an acknowledged save). The PostgreSQL server has its own guard and needs none.
describe('one embedded data directory, two processes', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-two-processes-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('refuses the second with a message naming the first, and the first’s data stays intact', async () => {
    const first = await openEmbeddedDatabase(folder);
    await first.query('CREATE TABLE saves (id integer PRIMARY KEY, note text)');
    await first.query("INSERT INTO saves VALUES (1, '已保存')");

    // Another opener in this process and another process both meet the lock.
    await expect(openEmbeddedDatabase(folder)).rejects.toThrow(
      `the embedded database in ${folder} is in use by process ${process.pid}`,
    );
    const second = await serveOn(folder);
    expect(second.code).toBe(1);
    expect(second.output).toContain(
      `Lifecircle cannot start: the embedded database in ${folder} is in use by process ${process.pid}`,
    );
    expect(second.output).not.toMatch(/\n\s+at /); // no stack trace

    // The first still serves, writes and reads its data.
    await first.query("INSERT INTO saves VALUES (2, '第二次保存')");
    await first.close();
    expect(existsSync(path.join(folder, LOCK_FILE_NAME))).toBe(false);

    const reopened = await openEmbeddedDatabase(folder);
    try {
      const { rows } = await reopened.query<{ id: number; note: string }>(
        'SELECT id, note FROM saves ORDER BY id',
      );
      expect(rows).toEqual([
        { id: 1, note: '已保存' },
        { id: 2, note: '第二次保存' },
      ]);
    } finally {
      await reopened.close();
    }
  });
});
