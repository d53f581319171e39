/**
 * One process per embedded data directory. PGlite has no postmaster to refuse a second server, so
 * two processes on one folder each wrote their own truth: an acknowledged save was lost, and a crash
 * afterwards left "PANIC: could not locate a valid checkpoint record". A lock file in the folder
 * names the holder's pid; a second opener is refused naming it, a lock whose process is gone (a
 * crash, a kill -9) is taken over, and the holder removes it on close or exit.
 */

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'lifecircle.lock';

/** What the lock file holds. */
interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Directories this process holds, so a second opener in the same process is refused too. */
const heldByThisProcess = new Set<string>();

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDirectory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database in ${dataDirectory} is in use by process ${holder.pid} on ${holder.host} ` +
        `(since ${holder.startedAt}); stop that process first, or set LIFECIRCLE_DATA_DIR to another folder ` +
        `(if no such process runs, delete ${path.join(dataDirectory, LOCK_FILE_NAME)})`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host, startedAt: String(holder.startedAt ?? 'unknown') }
      : null;
  } catch {
    return null; // unreadable or half-written: its writer died mid-write, so nobody holds it
  }
}

/** Whether a process of this machine with `pid` runs (EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `holder` still holds the lock; a lock of another host is taken as held (a shared disk). */
function isLive(holder: LockHolder | null, lockPath: string): holder is LockHolder {
  if (!holder) return false;
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldByThisProcess.has(lockPath);
  return isRunning(holder.pid);
}

/**
 * Takes the lock of `dataDirectory` (which must exist) or throws DataDirectoryLockedError naming the
 * process that holds it. Returns the release, which is also run when the process exits.
 */
export function lockDataDirectory(dataDirectory: string): () => void {
  const lockPath = path.join(path.resolve(dataDirectory), LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const descriptor = openSync(lockPath, 'wx');
      try {
        writeSync(descriptor, JSON.stringify(holder));
      } finally {
        closeSync(descriptor);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(lockPath);
      if (isLive(current, lockPath) || attempt > 0) {
        throw new DataDirectoryLockedError(path.resolve(dataDirectory), current ?? { ...holder, pid: -1 });
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  heldByThisProcess.add(lockPath);
  const releaseOnExit = () => release();
  function release() {
    if (!heldByThisProcess.delete(lockPath)) return;
    process.off('exit', releaseOnExit);
    if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
  }
  process.on('exit', releaseOnExit);
  return release;
}
