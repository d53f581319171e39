/**
 * `npm run user -- …`: add a user (a generated one-time password printed once), change a role,
 * reset a password, disable, list — run in-process on each database, and once as the real command on
 * the embedded database the server uses; bad usage exits with 2 naming the problem.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUserCommand, runUserCommand } from '../../scripts/cli/user-command.js';
import { checkPassword, listUsers } from '../../server/src/accounts/account-store.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { templateDataDirectoryCopy, testBackends } from '../support/test-databases.js';

const run = promisify(execFile);
const TSX = path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(REPOSITORY_ROOT, 'scripts/user.ts');

describe.each(testBackends())('the user command on $name', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const user = (...args: string[]) => runUserCommand(database, parseUserCommand(args));

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
  });
  afterAll(async () => dispose?.());

  it('adds a user with a one-time password, changes the role, resets and disables', async () => {
    const added = await user('add', 'Zhang.Wei', '--role', 'planner', '--name', '张伟');
    expect(added[0]).toBe('added zhang.wei (planner)');
    const oneTime = /one-time password \(change it at the first sign-in\): (\S+)/.exec(added[1])?.[1];
    expect(oneTime).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await checkPassword(database, 'zhang.wei', oneTime as string)).toMatchObject({
      mustChangePassword: true,
    });

    expect(await user('role', 'zhang.wei', 'analyst')).toEqual([
      'zhang.wei is now analyst; their sessions ended',
    ]);
    await user('reset', 'zhang.wei', '--password=a-chosen-password');
    expect(await user('list')).toEqual(['zhang.wei\tanalyst\t张伟\tactive']);
    expect(await checkPassword(database, 'zhang.wei', oneTime as string)).toBeNull();
    expect(await checkPassword(database, 'zhang.wei', 'a-chosen-password')).toMatchObject({
      role: 'analyst',
      mustChangePassword: false,
    });

    await user('disable', 'zhang.wei');
    expect(await checkPassword(database, 'zhang.wei', 'a-chosen-password')).toBeNull();
    expect((await listUsers(database)).map((row) => [row.username, row.disabled])).toEqual([
      ['zhang.wei', true],
    ]);
    await expect(user('role', 'nobody', 'leader')).rejects.toThrow('no user "nobody"');
  });

  it('refuses bad usage naming the problem', () => {
    expect(() => parseUserCommand(['add', 'li', '--role', 'mayor'])).toThrow(
      'the role must be one of admin, analyst, planner, leader (got mayor)',
    );
    expect(() => parseUserCommand(['reset', 'li', '--password', 'short'])).toThrow(
      '--password must be at least 10 characters',
    );
    expect(() => parseUserCommand(['add', '张伟', '--role', 'planner'])).toThrow(/^username: /);
    expect(() => parseUserCommand(['promote', 'li'])).toThrow('unknown action "promote"');
  });
});

describe('npm run user, as a command', () => {
  let dataDirectory: string;

  beforeAll(async () => {
    // A migrated data directory, as the server leaves it: the command opens it, not makes it.
    dataDirectory = await templateDataDirectoryCopy('migrated', 'lifecircle-user-cli-');
  });
  afterAll(async () => rm(dataDirectory, { recursive: true, force: true }));

  it('adds a user to the embedded database the server uses, and exits 2 on bad usage', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LIFECIRCLE_DATA_DIR: dataDirectory };
    delete env.DATABASE_URL;
    const added = await run(
      TSX,
      [SCRIPT, 'add', 'wang', '--role', 'leader', '--password', 'leader-password'],
      {
        env,
        cwd: REPOSITORY_ROOT,
      },
    );
    expect(added.stdout).toContain('added wang (leader)');
    const refused = await run(TSX, [SCRIPT, 'add', 'li', '--role', 'mayor'], {
      env,
      cwd: REPOSITORY_ROOT,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toContain('the role must be one of');

    const database = await openEmbeddedDatabase(dataDirectory);
    try {
      expect(await checkPassword(database, 'wang', 'leader-password')).toMatchObject({ role: 'leader' });
    } finally {
      await database.close();
    }
    // Two starts of an embedded database in child processes, and this one's: ~10 s idle, more on a loaded machine.
  }, 400_000);
});
