/**
 * Backups on both databases: the demo region with scenarios, saved versions, facility edits and a
 * base map is backed up, restored into a fresh database — of the same kind, and of the other kind
 * when the server is configured — and every table compared row for row through one canonical
 * query; a target with regions is refused unless told to replace them; a damaged, cut-short or
 * altered file is refused naming the problem and leaves the target as it was. Then the npm scripts
 * once as child processes, embedded to embedded (and to the server when configured).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBasemapFixtures } from '../../scripts/fixtures/make-basemap-fixtures.js';
import { createApp } from '../../server/src/app.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { restoreBackup, writeBackup, type BackupHeader } from '../../server/src/db/backup.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { isDomainError } from '../../server/src/domain-error.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { signIn, signedIn } from '../support/sign-in.js';
import {
  templateDataDirectoryCopy,
  testBackends,
  type TestBackend,
  type TestDatabaseStart,
} from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

const run = promisify(execFile);
const TSX = path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
const SLOW = 900_000;

/** The app's tables as the catalogue has them (PostGIS's own and schema_migrations aside). */
async function tableNames(database: Database): Promise<string[]> {
  const { rows } = await database.query<{ name: string }>(`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('spatial_ref_sys', 'schema_migrations')
    ORDER BY table_name`);
  return rows.map((row) => row.name);
}

/**
 * Every table's whole contents in one canonical form: each row's text (geometry as hex EWKB, bytea
 * as hex, timestamps in UTC to the microsecond), sorted. Equal contents give equal answers on either database.
 */
async function contents(database: Database): Promise<Record<string, string[]>> {
  const names = await tableNames(database);
  return database.transaction(async (query) => {
    await query(`SET LOCAL TimeZone = 'UTC'`);
    await query(`SET LOCAL extra_float_digits = 3`);
    const all: Record<string, string[]> = {};
    for (const name of names) {
      const { rows } = await query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t ORDER BY 1`);
      all[name] = rows.map((row) => row.row);
    }
    return all;
  });
}

/** Compares table by table, so a difference names its table (and not megabytes of rows). */
function expectSameContents(actual: Record<string, string[]>, expected: Record<string, string[]>) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [table, rows] of Object.entries(expected)) {
    const restored = actual[table];
    expect(restored.length, table).toBe(rows.length);
    const firstDifference = rows.findIndex((row, index) => row !== restored[index]);
    expect(
      firstDifference === -1 ? null : [restored[firstDifference], rows[firstDifference]],
      table,
    ).toBeNull();
  }
}

/** What a refused restore threw: its code and English sentence. */
async function refusal(
  work: Promise<unknown>,
): Promise<{ code: string; message: string; messageZh: string }> {
  try {
    await work;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, message: error.message, messageZh: error.messageZh };
  }
  throw new Error('the restore was not refused');
}

const otherBackend = (backend: TestBackend) => testBackends().find((other) => other.name !== backend.name);

describe.each(testBackends())('backup and restore on $name PostGIS', (backend) => {
  const demo = useDemoApp(backend);
  let folder: string;
  let file: string;
  let source: Record<string, string[]>;
  let header: BackupHeader;
  const opened: (() => Promise<void>)[] = [];

  /** A fresh database of `kind` (empty unless `start` says), closed after the file's tests. */
  const fresh = async (kind: TestBackend, start?: TestDatabaseStart) => {
    const { database, dispose } = await kind.open(start);
    opened.push(dispose);
    return database;
  };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-backup-'));
    file = path.join(folder, 'demo.lifecircle-backup.gz');
    // Scenarios with saved versions: units moved, a community changed, facilities added, moved and removed.
    const first = await demo.createScenario('备份方案一');
    const moved = await demo.sql<{ id: string }>(
      `SELECT id FROM population_units WHERE region_id = 'demo' AND community_id = 'c-gulou' ORDER BY id LIMIT 2`,
    );
    const saves: [string, number, unknown[]][] = [
      [first.id, 1, [{ op: 'assign', unitIds: moved.map((unit) => unit.id), communityId: 'c-ximen' }]],
      [first.id, 2, [{ op: 'update', communityId: 'c-ximen', changes: { staff: 40 } }]],
    ];
    const second = await demo.createScenario('备份方案二');
    saves.push([
      second.id,
      1,
      [
        {
          op: 'add-facility',
          facility: {
            id: 'f-new-kg',
            name: '新建幼儿园',
            category: 'kindergarten',
            position: [109.7205, 28.2845],
            capacity: 180,
          },
        },
        { op: 'move-facility', facilityId: 'f-kindergarten-002', position: [109.7312, 28.2812] },
        { op: 'remove-facility', facilityId: 'f-kindergarten-004' },
      ],
    ]);
    for (const [id, version, edits] of saves) {
      const saved = await demo.call('PATCH', `/api/scenarios/${id}`, { version, edits });
      expect(saved.status, saved.text).toBe(200);
    }
    const region = await demo.call('GET', '/api/regions/demo');
    const fixtures = await makeBasemapFixtures(region.body.bbox);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(fixtures.rasterPmtiles)]), 'ortho.pmtiles');
    const uploaded = await demo.app().request('/api/regions/demo/basemaps', { method: 'POST', body: form });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);

    header = (await writeBackup(demo.database(), file)).header;
    source = await contents(demo.database());
  }, SLOW);
  afterAll(async () => {
    for (const dispose of opened) await dispose();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('names every table of the schema in its header, parents first, with its rows counted', async () => {
    expect(header.tables.map((table) => table.name).sort()).toEqual(await tableNames(demo.database()));
    for (const table of header.tables) expect(table.rows, table.name).toBe(source[table.name].length);
    const position = (name: string) => header.tables.findIndex((table) => table.name === name);
    expect(position('regions')).toBeLessThan(position('scenarios'));
    expect(position('scenarios')).toBeLessThan(position('scenario_edits'));
    expect(position('basemaps')).toBeLessThan(position('basemap_tiles'));
    expect(header).toMatchObject({ format: 'lifecircle-backup', version: 1, database: backend.name });
    expect(header.migrations.at(-1)).toBe(
      (await demo.sql<{ id: string }>('SELECT max(id) AS id FROM schema_migrations'))[0].id,
    );
    // A file that cannot be written stops the backup (and leaves nothing behind).
    await expect(writeBackup(demo.database(), path.join(folder, 'no-such-folder', 'x.gz'))).rejects.toThrow(
      /ENOENT/,
    );
    // What the test set up is there to compare.
    expect(source.scenario_edits.length).toBe(3);
    expect(source.basemaps.length).toBe(1);
    expect(source.scenario_facilities.length).toBeGreaterThan(0);
  });

  it(
    'restores into a fresh database of the same kind, every table row for row, and the app reads it',
    async () => {
      const target = await fresh(backend);
      const summary = await restoreBackup(target, file);
      expect(summary.migratedAfter).toEqual([]);
      expectSameContents(await contents(target), source);
      // The users came back too: the source's administrator signs in to the restored database.
      const { username, password } = demo.app().credentials;
      const bare = createApp(target);
      const app = signedIn(bare, await signIn(bare, username, password));
      const scenarios = (await (await app.request('/api/regions/demo/scenarios')).json()) as {
        name: string;
      }[];
      expect(scenarios.map((scenario) => scenario.name).sort()).toEqual(['备份方案一', '备份方案二']);
      const archive = await app.request('/api/regions/demo/basemaps/ortho/archive.pmtiles', {
        headers: { range: 'bytes=0-6' },
      });
      expect(archive.status).toBe(206);
      expect(await archive.text()).toBe('PMTiles');
    },
    SLOW,
  );

  // Only with both databases (CI always has both): not a test that passes by checking nothing.
  it.runIf(otherBackend(backend))(
    'restores into the other kind of database when the server is configured',
    async () => {
      const other = otherBackend(backend) as TestBackend;
      const target = await fresh(other);
      await restoreBackup(target, file);
      expectSameContents(await contents(target), source);
    },
    SLOW,
  );

  it(
    'refuses a target with regions unless told to replace, and refuses damaged files leaving the target as it was',
    async () => {
      const target = await fresh(backend, 'migrated');
      const tiny = tinyRegion('tiny');
      await loadRegion(target, 'test', tiny.meta, tiny.layers);
      const before = await contents(target);

      const occupied = await refusal(restoreBackup(target, file));
      expect(occupied.code).toBe('backup.target-has-regions');
      expect(occupied.message).toContain('1 region(s) (tiny)');
      expect(occupied.message).toContain('--replace');
      expect(occupied.messageZh).toContain('目标数据库已有 1 个区域');

      const bytes = await readFile(file);
      const damaged = async (name: string, content: Uint8Array) => {
        const damagedFile = path.join(folder, name);
        await writeFile(damagedFile, content);
        return refusal(restoreBackup(target, damagedFile, { replace: true }));
      };
      const cut = await damaged('cut.gz', bytes.subarray(0, Math.floor(bytes.length / 2)));
      expect(cut.code).toBe('backup.unreadable');
      expect(cut.message).toMatch(/not a complete gzip file.*truncated or damaged.*nothing was restored/);
      expect(cut.messageZh).toContain('文件不完整或已损坏');

      const lines = gunzipSync(bytes).toString('utf8').split('\n');
      const withoutEnd = await damaged('no-end.gz', gzipSync(lines.slice(0, -2).join('\n')));
      expect(withoutEnd.message).toMatch(/stops before its end line \(truncated\)/);

      const altered = JSON.parse(lines[0]) as { header: BackupHeader };
      altered.header.tables.find((table) => table.name === 'facilities')!.rows += 1;
      const miscounted = await damaged(
        'miscounted.gz',
        gzipSync([JSON.stringify(altered), ...lines.slice(1)].join('\n')),
      );
      expect(miscounted.message).toMatch(/table facilities has \d+ rows where its header says \d+/);

      const notBackup = await damaged('notes.gz', gzipSync('{"hello": "world"}\n'));
      expect(notBackup.message).toMatch(/not a Lifecircle backup/);
      const missing = await refusal(restoreBackup(target, path.join(folder, 'nothing.gz')));
      expect(missing.message).toMatch(/nothing\.gz.*no such file/);

      expectSameContents(await contents(target), before);

      // Told to replace: the backup's regions and everything else, and none of the target's own.
      await restoreBackup(target, file, { replace: true });
      expectSameContents(await contents(target), source);
    },
    SLOW,
  );
});

describe('npm run backup and npm run restore as commands', () => {
  let folder: string;
  /** The source data directory, as a server left it (migrated); the target is a new, empty folder. */
  let from: string;
  const server = testBackends().find((backend) => backend.name === 'postgres');
  let disposeServer: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-backup-cli-'));
    from = await templateDataDirectoryCopy('migrated', 'lifecircle-backup-from-');
  });
  afterAll(async () => {
    await disposeServer?.();
    if (folder) await rm(folder, { recursive: true, force: true });
    if (from) await rm(from, { recursive: true, force: true });
  });

  const command = (script: string, args: string[], env: Record<string, string>) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    return run(TSX, [path.join(REPOSITORY_ROOT, 'scripts', script), ...args], {
      env: childEnv,
      cwd: REPOSITORY_ROOT,
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  };

  it(
    'backs up an embedded data directory and restores it into another (and into the server)',
    async () => {
      const to = path.join(folder, 'to');
      const file = path.join(folder, 'tiny.lifecircle-backup.gz');
      const database = await openEmbeddedDatabase(from);
      let expected: Record<string, string[]>;
      try {
        await migrate(database);
        const tiny = tinyRegion('tiny');
        await loadRegion(database, 'test', tiny.meta, tiny.layers);
        expected = await contents(database);
      } finally {
        await database.close();
      }

      const backedUp = await command('backup.ts', [file], { LIFECIRCLE_DATA_DIR: from });
      expect(backedUp.code, backedUp.stderr).toBe(0);
      expect(backedUp.stdout).toMatch(/backed up \d+ tables, \d+ rows, at migration \d{3}-[a-z-]+ →/);

      const restored = await command('restore.ts', [file], { LIFECIRCLE_DATA_DIR: to });
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('population_units: 4 rows');
      const again = await command('restore.ts', [file], { LIFECIRCLE_DATA_DIR: to });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already has 1 region\(s\) \(tiny\).*--replace.*\n.*目标数据库已有/s);
      const replaced = await command('restore.ts', [file, '--replace'], { LIFECIRCLE_DATA_DIR: to });
      expect(replaced.code, replaced.stderr).toBe(0);

      const copy = await openEmbeddedDatabase(to);
      try {
        expectSameContents(await contents(copy), expected);
      } finally {
        await copy.close();
      }

      if (server) {
        const { database: target, dispose, url } = await server.open();
        disposeServer = dispose;
        const intoServer = await command('restore.ts', [file], { DATABASE_URL: url! });
        expect(intoServer.code, intoServer.stderr).toBe(0);
        expect(intoServer.stdout).toContain('restoring into PostgreSQL (DATABASE_URL)');
        expectSameContents(await contents(target), expected);
      }
    },
    SLOW,
  );
});
