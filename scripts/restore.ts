/**
 * `npm run restore -- <file> [--replace]`: brings a backup written by `npm run backup` back into the
 * database the server uses (the embedded one in LIFECIRCLE_DATA_DIR, or DATABASE_URL), from either
 * kind to either kind. The file is checked through before the database is touched; the rows go in
 * one transaction, so a refused or failed restore leaves the database's data as it was. A database
 * that has regions already is refused unless --replace says to replace everything in it.
 */
import path from 'node:path';
import { readConfig } from '../server/src/config.js';
import { checkBackup, restoreBackup } from '../server/src/db/backup.js';
import { openDatabase } from '../server/src/db/client.js';
import { isDomainError } from '../server/src/domain-error.js';
import { parseCommandLine, parseOrExplain, runCommand, UsageError } from './cli/run-with-database.js';

export const RESTORE_USAGE = `usage: npm run restore -- <file.lifecircle-backup.gz> [--replace]
  restores a backup into the database the server uses (LIFECIRCLE_DATA_DIR, or DATABASE_URL): an empty one,
  or with --replace one whose regions, scenarios and everything else are then replaced by the backup's;
  for the embedded database, stop the server first`;

export async function restoreCommand(argv: string[]): Promise<number> {
  const parsed = parseOrExplain(() => {
    const line = parseCommandLine(argv, { usage: RESTORE_USAGE, valued: [], switches: ['--replace'] });
    if (line.file === null) throw new UsageError('no file given');
    return { file: path.resolve(line.file), replace: line.switches.has('--replace') };
  }, RESTORE_USAGE);
  if (!parsed) return 2;
  const refused = (error: unknown) => {
    if (!isDomainError(error)) throw error;
    console.error(`${error.message}\n${error.messageZh}`);
    return 1;
  };
  const started = Date.now();
  try {
    // The file first: a damaged one is refused before any database is opened.
    const header = await checkBackup(parsed.file);
    console.log(
      `backup of ${header.createdAt} from the ${header.database} database, migration ${header.migrations.at(-1) ?? 'none'}: ` +
        `${header.tables.length} tables, ${header.tables.reduce((sum, table) => sum + table.rows, 0)} rows`,
    );
  } catch (error) {
    return refused(error);
  }
  const config = readConfig();
  console.log(
    config.databaseUrl
      ? 'restoring into PostgreSQL (DATABASE_URL)…'
      : `restoring into the embedded database in ${config.embeddedDataDirectory}…`,
  );
  const database = await openDatabase(config);
  try {
    const summary = await restoreBackup(database, parsed.file, { replace: parsed.replace });
    for (const [table, rows] of Object.entries(summary.rows)) console.log(`  ${table}: ${rows} rows`);
    if (summary.migratedAfter.length > 0) console.log(`then migrated: ${summary.migratedAfter.join(', ')}`);
    console.log(`restored ${parsed.file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    return refused(error);
  } finally {
    await database.close();
  }
}

runCommand(() => restoreCommand(process.argv.slice(2)));
