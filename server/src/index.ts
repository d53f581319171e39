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
/**
 * SIGTERM/SIGINT: new connections are refused at once, the requests in flight finish with their
 * answers, the database closes cleanly, exit 0. Past the drain deadline the rest are cut: exit 1.
 */
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  const seconds = config.drainTimeoutMilliseconds / 1000;
  const inFlight = server.requestsInFlight();
  // close() stops listening before its first await: once this line is out, connecting is refused.
  const closed = server.close();
  console.log(
    `${signal}: finishing ${inFlight} request${inFlight === 1 ? '' : 's'} in flight (at most ${seconds} s), refusing new connections…`,
  );
  try {
    const { requestsCut } = await closed;
    if (requestsCut > 0) {
      console.error(
        `drain deadline of ${seconds} s passed: ${requestsCut} request${requestsCut === 1 ? '' : 's'} cut short; exiting anyway`,
      );
      process.exit(1);
    }
    console.log('closed: every request answered, database closed');
    process.exit(0);
  } catch (error) {
    console.error(`closing failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
