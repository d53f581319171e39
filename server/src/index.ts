import { readConfig } from './config.js';
import { DataDirectoryLockedError } from './db/data-directory-lock.js';
import { startLifecircleServer } from './server.js';

// `npm start`: the app on http://127.0.0.1:8080 (HOST, PORT override), embedded database unless DATABASE_URL.
const started = Date.now();
const config = readConfig();
console.log(
  config.databaseUrl
    ? 'starting Lifecircle on PostgreSQL (DATABASE_URL)…'
    : `starting Lifecircle on the embedded database in ${config.embeddedDataDirectory} (the first start takes ~30 s)…`,
);
const server = await startLifecircleServer().catch((error: unknown) => {
  // A refusal to start (the data folder in use, a bad setting) is a sentence, not a stack trace.
  if (error instanceof DataDirectoryLockedError) {
    console.error(`Lifecircle cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
});
console.log(`Lifecircle is ready at ${server.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing…`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
