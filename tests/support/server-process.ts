/**
 * The real server (`npm run serve`: server/src/index.ts) as a child process, for tests of what
 * happens to a whole process: a kill, a SIGTERM, a restart on the same data.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../../server/src/config.js';

export interface ServerProcess {
  /** Where it serves, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once its output matches `pattern`. */
  printed(pattern: RegExp): Promise<void>;
  /** Resolves when it has exited, with its exit code (null when a signal ended it) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts the server with `env` over this process's environment (PORT 0 and loopback unless given)
 * and resolves once it says it is ready; rejects, with what it printed, if it exits before.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // Node itself with tsx's loader, not the tsx command: that one runs the server in a child of
  // its own, and a SIGKILL to it would leave the server running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPOSITORY_ROOT, 'server/src/index.ts')],
    {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const watchers = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const watcher of watchers) watcher();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) {
          watchers.delete(check);
          resolve();
        }
      };
      watchers.add(check);
      check();
      void exited.then(() => {
        if (!watchers.has(check)) return;
        watchers.delete(check);
        reject(new Error(`the server exited before printing ${pattern}:\n${output}`));
      });
    });

  return printed(/Lifecircle is ready at (http:\/\/\S+)/).then(() => {
    const url = /Lifecircle is ready at (http:\/\/\S+)/.exec(output)![1];
    return {
      url,
      port: Number(new URL(url).port),
      pid: child.pid!,
      output: () => output,
      printed,
      exited,
      kill: (signal) => child.kill(signal),
    };
  });
}
