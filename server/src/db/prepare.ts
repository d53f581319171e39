import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './client.js';
import { loadRegionFolder } from './load-region.js';
import { migrate } from './migrate.js';

/**
 * Brings a database up to date: applies pending migrations, then loads each seed region folder
 * whose region is not in the database yet (the demo region on first start).
 */
export async function prepareDatabase(
  database: Database,
  seedRegionDirectories: string[],
  log: (line: string) => void,
) {
  const applied = await migrate(database);
  if (applied.length > 0) log(`database migrated: ${applied.join(', ')}`);
  for (const folder of seedRegionDirectories) {
    const { id } = JSON.parse(await readFile(path.join(folder, 'region.json'), 'utf8')) as { id: string };
    const { rows } = await database.query('SELECT 1 FROM regions WHERE id = $1', [id]);
    if (rows.length > 0) continue;
    const started = Date.now();
    const report = await loadRegionFolder(database, folder);
    const counts = Object.entries(report.counts)
      .map(([layer, count]) => `${count} ${layer}`)
      .join(', ');
    log(`region "${id}" loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}`);
  }
}
