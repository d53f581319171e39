import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const MIGRATIONS_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE_PATTERN = /^(\d{3})-[a-z0-9-]+\.sql$/;

/**
 * Applies every numbered migration in `db/migrations/` not yet recorded in `schema_migrations`,
 * each in its own transaction, in file-name order. Returns the ids it applied.
 */
export async function migrate(database: Database): Promise<string[]> {
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
