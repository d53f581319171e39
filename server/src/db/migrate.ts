import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const MIGRATIONS_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE_PATTERN = /^(\d{3})-[a-z0-9-]+\.sql$/;

/** The ids of every migration this version of the app has (`008-basemaps` …), in order. */
export async function knownMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIRECTORY))
    .filter((name) => MIGRATION_FILE_PATTERN.test(name))
    .sort()
    .map((name) => name.replace(/\.sql$/, ''));
}

/**
 * Applies every numbered migration in `db/migrations/` not yet recorded in `schema_migrations`,
 * each in its own transaction, in file-name order. Returns the ids it applied. `upTo` stops after
 * that migration (a restore brings a database to its backup's level first, scripts/restore.ts).
 */
export async function migrate(database: Database, options: { upTo?: string } = {}): Promise<string[]> {
  await database.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (await database.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id),
  );
  const files = (await readdir(MIGRATIONS_DIRECTORY))
    .filter((name) => MIGRATION_FILE_PATTERN.test(name))
    .sort();
  const newlyApplied: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.sql$/, '');
    if (options.upTo !== undefined && id > options.upTo) break;
    if (applied.has(id)) continue;
    const sql = await readFile(path.join(MIGRATIONS_DIRECTORY, file), 'utf8');
    await database.transaction(async (query) => {
      for (const statement of splitSqlStatements(sql)) await query(statement);
      await query('INSERT INTO schema_migrations (id) VALUES ($1)', [id]);
    });
    newlyApplied.push(id);
  }
  return newlyApplied;
}

/**
 * Splits a migration into statements at semicolons that end a line. Migrations keep to that form
 * (no semicolons inside function bodies), which both drivers then run one statement at a time.
 */
export function splitSqlStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
