import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, LOCK_FILE_NAME, lockDataDirectory } from './data-directory-lock.js';

const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lifecircle-lock-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The pid of a process that has exited (pids are not reused this quickly). */
const exitedPid = () =>
  Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));

describe('lockDataDirectory', () => {
  it('writes this process’s pid, refuses a second opener naming it, and frees the folder on release', () => {
    const folder = freshFolder();
    const release = lockDataDirectory(folder);
    const lockFile = path.join(folder, LOCK_FILE_NAME);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataDirectory(folder)).toThrow(DataDirectoryLockedError);
    expect(() => lockDataDirectory(folder)).toThrow(
      new RegExp(`in use by process ${process.pid} .*stop that process first`),
    );
    release();
    expect(existsSync(lockFile)).toBe(false);
    lockDataDirectory(folder)();
  });

  it('takes over a lock whose process is gone or whose file is half written', () => {
    const folder = freshFolder();
    const lockFile = path.join(folder, LOCK_FILE_NAME);
    writeFileSync(lockFile, JSON.stringify({ pid: exitedPid(), host: hostname(), startedAt: 'earlier' }));
    const release = lockDataDirectory(folder);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    release();
    writeFileSync(lockFile, '{"pid":');
    lockDataDirectory(folder)();
  });

  it('refuses while another running process holds the folder', () => {
    const folder = freshFolder();
    // This test runner's parent is alive for the whole test: it stands for the other server.
    writeFileSync(
      path.join(folder, LOCK_FILE_NAME),
      JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: 'earlier' }),
    );
    expect(() => lockDataDirectory(folder)).toThrow(`in use by process ${process.ppid}`);
  });
});
