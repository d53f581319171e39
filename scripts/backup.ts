/**
 * `npm run backup -- <file>`: writes everything the app stores — every region, layer, scenario and
 * version, import, base map and whatever tables later migrations add — to one gzipped file, from
 * the database the server uses (the embedded one in LIFECIRCLE_DATA_DIR, or DATABASE_URL). The
 * format and what it holds: server/src/db/backup.ts. `npm run restore` brings it back, into either.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../server/src/config.js';
import { writeBackup } from '../server/src/db/backup.js';
import { openDatabase } from '../server/src/db/client.js';
import { parseCommandLine, parseOrExplain, runCommand, UsageError } from './cli/run-with-database.js';

export const BACKUP_USAGE = `usage: npm run backup -- <file.lifecircle-backup.gz>
  writes every table of the database the server uses (LIFECIRCLE_DATA_DIR, or DATABASE_URL) to one gzipped file;
  for the embedded database, stop the server first (one process at a time may open its folder)`;

export async function backupCommand(argv: string[]): Promise<number> {
  const parsed = parseOrExplain(() => {
    const line = parseCommandLine(argv, { usage: BACKUP_USAGE, valued: [], switches: [] });
    if (line.file === null) throw new UsageError('no file given');
    return { file: path.resolve(line.file) };
  }, BACKUP_USAGE);
  if (!parsed) return 2;
  const config = readConfig();
  if (!config.databaseUrl && !existsSync(config.embeddedDataDirectory)) {
    console.error(
      `there is no embedded database in ${config.embeddedDataDirectory} to back up (set LIFECIRCLE_DATA_DIR or DATABASE_URL)\n` +
        `${config.embeddedDataDirectory} 中没有可备份的内置数据库（请设置 LIFECIRCLE_DATA_DIR 或 DATABASE_URL）`,
    );
    return 1;
  }
  console.log(
    config.databaseUrl
      ? 'backing up PostgreSQL (DATABASE_URL)…'
      : `backing up the embedded database in ${config.embeddedDataDirectory}…`,
  );
  const started = Date.now();
  const database = await openDatabase(config);
  try {
    const { header, bytes } = await writeBackup(database, parsed.file);
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    for (const table of header.tables) console.log(`  ${table.name}: ${table.rows} rows`);
    console.log(
      `backed up ${header.tables.length} tables, ${rows} rows, at migration ${header.migrations.at(-1) ?? 'none'} ` +
        `→ ${parsed.file} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(() => backupCommand(process.argv.slice(2)));
