import { readConfig } from './config.js';
import { startLifecircleServer } from './server.js';

// `npm start`: the app on http://localhost:8080 (PORT overrides), embedded database unless DATABASE_URL.
const started = Date.now();
const config = readConfig();
console.log(
  config.databaseUrl
    ? 'starting Lifecircle on PostgreSQL (DATABASE_URL)…'
    : `starting Lifecircle on the embedded database in ${config.embeddedDataDirectory} (the first start takes ~30 s)…`,
);
const server = await startLifecircleServer();
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
