/**
 * A logical backup of everything the app stores, written and read through the Database interface,
 * so one taken from the embedded database restores into a PostgreSQL server and back
 * (`npm run backup -- <file>`, `npm run restore -- <file>`, scripts/backup.ts and restore.ts).
 *
 * The tables are found in the catalogue, not listed here: every table of the app's schema (those
 * of extensions such as PostGIS's spatial_ref_sys excluded, and schema_migrations, which the header
 * names instead), parents before the tables whose foreign keys point at them. So a table a later
 * migration adds (users, sessions, audit …) is backed up without a change here.
 *
 * The file is gzipped lines of JSON: a header (format, version, migrations applied, the time, and
 * each table's columns with their types and row count, and the sequences' values), then each table
 * as a `{"table": name}` line and its rows, one JSON array a row, and an end line with the totals.
 * Every value is PostgreSQL's own text form of it, read in one snapshot with the time zone set to
 * UTC: geometry as hex EWKB, bytea as \x hex, jsonb, arrays and timestamps (to the microsecond) as
 * the server prints them and reads them back unchanged, as pg_dump's COPY does.
 *
 * A restore reads the whole file once to check it (header, every row's width, each table's count,
 * the end line) before it touches the target; then it brings the target to the backup's migration
 * level, writes every row in one transaction (refusing a target that has regions unless told to
 * replace them), sets the sequences, counts each table against the header, and only then commits.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '../domain-error.js';
import type { Database, DatabaseKind, Query } from './client.js';
import { knownMigrations, migrate } from './migrate.js';

export const BACKUP_FORMAT = 'lifecircle-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Rows fetched from a table's cursor at once: fewer where a row may hold megabytes (bytea). */
const ROWS_PER_FETCH = 2000;
const ROWS_PER_FETCH_WITH_BYTES = 16;
/** One INSERT's parameters (PostgreSQL takes 65 535) and text (a few MiB a statement). */
const PARAMETERS_PER_INSERT = 30_000;
const TEXT_PER_INSERT = 8 * 1024 * 1024;

export interface BackupColumn {
  name: string;
  /** The column's type as format_type() writes it, e.g. `geometry(MultiPolygon,4326)`. */
  type: string;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  rows: number;
}

export interface BackupSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Which database it was taken from. */
  database: DatabaseKind;
  /** Every migration applied to it, in order; the last is its level. */
  migrations: string[];
  /** Tables in the order they are written and restored (parents first). */
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** A row: each column's text form, or null. */
type BackupRow = (string | null)[];

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables (not an extension's, not schema_migrations), parents before children. */
async function appTables(query: Query): Promise<BackupTable[]> {
  const { rows: tables } = await query<{ name: string }>(`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'schema_migrations'
      AND NOT EXISTS (
        SELECT 1 FROM pg_depend d
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relname`);
  const names = new Set(tables.map((table) => table.name));
  const { rows: columns } = await query<{ table_name: string; name: string; type: string }>(`
    SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`);
  const { rows: references } = await query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`);
  const parents = new Map<string, Set<string>>([...names].map((name) => [name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && names.has(child) && names.has(parent)) parents.get(child)!.add(parent);
  }
  // Parents first; alphabetical among tables free to go, so the order is the same on every database.
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.size) {
    const ready = [...names].filter(
      (name) => !placed.has(name) && [...parents.get(name)!].every((parent) => placed.has(parent)),
    );
    if (ready.length === 0) {
      throw new Error(
        `the foreign keys of ${[...names].filter((name) => !placed.has(name)).join(', ')} form a cycle`,
      );
    }
    const next = ready.sort()[0];
    ordered.push(next);
    placed.add(next);
  }
  return ordered.map((name) => ({
    name,
    columns: columns
      .filter((column) => column.table_name === name)
      .map((column) => ({ name: column.name, type: column.type })),
    rows: 0,
  }));
}

async function appSequences(query: Query): Promise<BackupSequence[]> {
  const { rows } = await query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'S'
      AND NOT EXISTS (
        SELECT 1 FROM pg_depend d
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relname`);
  const sequences: BackupSequence[] = [];
  for (const { name } of rows) {
    const [value] = (
      await query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM ${quoted(name)}`,
      )
    ).rows;
    sequences.push({ name, lastValue: value.last_value, isCalled: value.is_called });
  }
  return sequences;
}

async function appliedMigrations(query: Query): Promise<string[]> {
  const { rows } = await query<{ present: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
  );
  if (!rows[0].present) return [];
  return (await query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).rows.map(
    (row) => row.id,
  );
}

/** Sets the transaction's text forms: UTC timestamps, ISO dates, floats to their last digit. */
async function canonicalTextForms(query: Query): Promise<void> {
  await query(`SET LOCAL TimeZone = 'UTC'`);
  await query(`SET LOCAL DateStyle = 'ISO, YMD'`);
  await query(`SET LOCAL IntervalStyle = 'postgres'`);
  await query(`SET LOCAL extra_float_digits = 3`);
  await query(`SET LOCAL bytea_output = 'hex'`);
}

export interface BackupSummary {
  header: BackupHeader;
  bytes: number;
}

/** Writes every table of `database` to `file` (gzipped), from one snapshot; the file appears only when complete. */
export async function writeBackup(database: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial);
  // A file that cannot be written (no such folder, a full disk) stops the backup rather than stalling it.
  output.on('error', (error) => gzip.destroy(error));
  gzip.on('error', () => undefined); // said by `written` (and by a wait for 'drain')
  gzip.pipe(output);
  const written = finished(output);
  written.catch(() => undefined);
  const write = async (value: unknown) => {
    if (gzip.destroyed) await written;
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const header = await database.transaction(async (query) => {
      await query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await canonicalTextForms(query);
      const tables = await appTables(query);
      for (const table of tables) {
        const [{ n }] = (await query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoted(table.name)}`))
          .rows;
        table.rows = Number(n);
      }
      const backupHeader: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        database: database.kind,
        migrations: await appliedMigrations(query),
        tables,
        sequences: await appSequences(query),
      };
      await write({ header: backupHeader });
      for (const table of tables) {
        await write({ table: table.name });
        const select = table.columns
          .map((column, index) => `${quoted(column.name)}::text AS c${index}`)
          .join(', ');
        await query(
          `DECLARE lifecircle_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoted(table.name)}`,
        );
        const perFetch = table.columns.some((column) => column.type === 'bytea')
          ? ROWS_PER_FETCH_WITH_BYTES
          : ROWS_PER_FETCH;
        let written = 0;
        for (;;) {
          const { rows } = await query<Record<string, string | null>>(
            `FETCH ${perFetch} FROM lifecircle_backup`,
          );
          for (const row of rows) await write(table.columns.map((_, index) => row[`c${index}`]));
          written += rows.length;
          if (rows.length < perFetch) break;
        }
        await query('CLOSE lifecircle_backup');
        if (written !== table.rows)
          throw new Error(`${table.name}: counted ${table.rows} rows, read ${written}`);
      }
      return backupHeader;
    });
    const total = header.tables.reduce((sum, table) => sum + table.rows, 0);
    await write({ end: { tables: header.tables.length, rows: total } });
    gzip.end();
    await written;
    await rename(partial, file);
    return { header, bytes: output.bytesWritten };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Every line of the gzipped file, parsed; a damaged file is refused naming what is wrong. */
async function* backupLines(file: string): AsyncGenerator<unknown> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  const parse = (line: string) => {
    lineNumber += 1;
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw unreadable(file, `line ${lineNumber} is not JSON`, `第 ${lineNumber} 行不是 JSON`);
    }
  };
  try {
    const gunzip = createGunzip();
    // pipe() does not pass the file's own errors (a missing file) on: without this the read would wait forever.
    createReadStream(file)
      .on('error', (error) => gunzip.destroy(error))
      .pipe(gunzip);
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) yield parse(line);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw unreadable(file, 'no such file', '文件不存在');
    throw unreadable(
      file,
      `it is not a complete gzip file (${(error as Error).message}): truncated or damaged`,
      `不是完整的 gzip 文件（${(error as Error).message}）：文件不完整或已损坏`,
    );
  }
  pending += decoder.end();
  if (pending.trim() !== '') yield parse(pending);
}

function unreadable(file: string, reason: string, reasonZh: string): DomainError {
  return new DomainError('backup.unreadable', { file, reason, reasonZh });
}

function readHeader(file: string, line: unknown): BackupHeader {
  const header = (line as { header?: BackupHeader } | null)?.header;
  if (!header || header.format !== BACKUP_FORMAT) {
    throw unreadable(file, 'it is not a Lifecircle backup (no header)', '不是 Lifecircle 备份（没有文件头）');
  }
  if (header.version !== BACKUP_FORMAT_VERSION) {
    throw unreadable(
      file,
      `it is of format version ${header.version}; this app reads version ${BACKUP_FORMAT_VERSION}`,
      `其格式版本为 ${header.version}，本程序读取第 ${BACKUP_FORMAT_VERSION} 版`,
    );
  }
  if (
    !Array.isArray(header.tables) ||
    !Array.isArray(header.migrations) ||
    !Array.isArray(header.sequences)
  ) {
    throw unreadable(file, 'its header is incomplete', '其文件头不完整');
  }
  return header;
}

/**
 * Reads the backup through, checking each table's rows against its header, and hands each table's
 * rows to `onRows` in batches. Refuses a file that is not a backup, damaged, or cut short.
 */
async function readBackup(
  file: string,
  onRows?: (table: BackupTable, rows: BackupRow[]) => Promise<void>,
): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  let table: BackupTable | undefined;
  let tableIndex = -1;
  let counted = 0;
  let batch: BackupRow[] = [];
  let batchText = 0;
  let ended = false;
  const flush = async () => {
    if (table && batch.length > 0 && onRows) await onRows(table, batch);
    batch = [];
    batchText = 0;
  };
  const closeTable = async () => {
    await flush();
    if (table && counted !== table.rows) {
      throw unreadable(
        file,
        `table ${table.name} has ${counted} rows where its header says ${table.rows}`,
        `表 ${table.name} 有 ${counted} 行，而文件头记为 ${table.rows} 行`,
      );
    }
  };
  for await (const line of backupLines(file)) {
    if (!header) {
      header = readHeader(file, line);
      continue;
    }
    if (ended) throw unreadable(file, 'it goes on after its end line', '结束行之后仍有内容');
    if (Array.isArray(line)) {
      if (!table) throw unreadable(file, 'a row comes before any table', '某行数据出现在任何表之前');
      if (
        line.length !== table.columns.length ||
        !line.every((value) => value === null || typeof value === 'string')
      ) {
        throw unreadable(
          file,
          `row ${counted + 1} of table ${table.name} does not have its ${table.columns.length} columns`,
          `表 ${table.name} 的第 ${counted + 1} 行不是 ${table.columns.length} 列`,
        );
      }
      counted += 1;
      if (!onRows) continue;
      batch.push(line as BackupRow);
      batchText += line.reduce((sum, value) => sum + (value?.length ?? 0), 0);
      if ((batch.length + 1) * table.columns.length > PARAMETERS_PER_INSERT || batchText > TEXT_PER_INSERT) {
        await flush();
      }
      continue;
    }
    const marker = line as { table?: unknown; end?: { tables: number; rows: number } } | null;
    if (typeof marker?.table === 'string') {
      await closeTable();
      tableIndex += 1;
      table = header.tables[tableIndex];
      if (!table || table.name !== marker.table) {
        throw unreadable(
          file,
          `table ${marker.table} is not the one its header lists next`,
          `表 ${marker.table} 不是文件头所列的下一张表`,
        );
      }
      counted = 0;
    } else if (marker?.end) {
      await closeTable();
      if (tableIndex !== header.tables.length - 1) {
        throw unreadable(file, 'it ends before all its tables', '文件在所有表结束之前就结束了');
      }
      ended = true;
    } else {
      throw unreadable(
        file,
        'a line is neither a row, a table nor the end',
        '某行既不是数据行、表名也不是结束行',
      );
    }
  }
  if (!header) throw unreadable(file, 'it is empty', '文件为空');
  if (!ended) {
    throw unreadable(file, 'it stops before its end line (truncated)', '文件在结束行之前中断（不完整）');
  }
  return header;
}

/** The backup's header and counts, the whole file checked (nothing opened but the file). */
export function checkBackup(file: string): Promise<BackupHeader> {
  return readBackup(file);
}

export interface RestoreOptions {
  /** Replace a target's regions (and everything else in it) with the backup's. */
  replace?: boolean;
}

export interface RestoreSummary {
  header: BackupHeader;
  /** Rows written, by table. */
  rows: Record<string, number>;
  /** Migrations run after the restore (the app is newer than the backup). */
  migratedAfter: string[];
}

function schemaMismatch(file: string, backupLevel: string, reason: string, reasonZh: string): DomainError {
  return new DomainError('backup.schema-mismatch', { file, backupLevel, reason, reasonZh });
}

/**
 * Restores `file` into `database`: checks the file through, brings the database to the backup's
 * migration level, writes every row in one transaction (see the top of this file), then runs the
 * app's newer migrations. A refusal leaves the target's data as it was.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const header = await checkBackup(file);
  const level = header.migrations.at(-1) ?? 'none';
  const known = await knownMigrations();
  const unknown = header.migrations.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw schemaMismatch(
      file,
      level,
      `this app does not know migration ${unknown.join(', ')} (the backup is from a newer version: update the app first)`,
      `本程序没有迁移 ${unknown.join('、')}（备份来自更新的版本：请先升级程序）`,
    );
  }
  await migrate(database, { upTo: level });
  const applied = await appliedMigrations(database.query);
  if (applied.join() !== header.migrations.join()) {
    const extra = applied.filter((id) => !header.migrations.includes(id));
    throw schemaMismatch(
      file,
      level,
      `the target database is at ${applied.at(-1) ?? 'none'}${extra.length ? ` (it has ${extra.join(', ')} as well)` : ''}; restore into an empty database`,
      `目标数据库处于迁移 ${applied.at(-1) ?? '无'}${extra.length ? `（另有 ${extra.join('、')}）` : ''}；请恢复到空数据库`,
    );
  }
  const rows = await database.transaction(async (query) => {
    await canonicalTextForms(query);
    const targetTables = await appTables(query);
    const byName = new Map(targetTables.map((table) => [table.name, table]));
    for (const table of header.tables) {
      const target = byName.get(table.name);
      if (!target) {
        throw schemaMismatch(
          file,
          level,
          `the target has no table ${table.name}`,
          `目标数据库没有表 ${table.name}`,
        );
      }
      for (const column of table.columns) {
        const targetColumn = target.columns.find((candidate) => candidate.name === column.name);
        if (targetColumn?.type !== column.type) {
          throw schemaMismatch(
            file,
            level,
            `the target's column ${table.name}.${column.name} is ${targetColumn?.type ?? 'missing'}, not ${column.type}`,
            `目标数据库的列 ${table.name}.${column.name} 为 ${targetColumn?.type ?? '缺失'}，而非 ${column.type}`,
          );
        }
      }
    }
    const missing = targetTables.filter((table) => !header.tables.some((other) => other.name === table.name));
    if (missing.length > 0) {
      throw schemaMismatch(
        file,
        level,
        `it holds no table ${missing.map((table) => table.name).join(', ')} that the target has`,
        `备份中没有目标数据库的表 ${missing.map((table) => table.name).join('、')}`,
      );
    }
    if (byName.has('regions')) {
      const { rows: regions } = await query<{ id: string }>('SELECT id FROM regions ORDER BY id');
      if (regions.length > 0 && !options.replace) {
        throw new DomainError('backup.target-has-regions', {
          count: regions.length,
          regions: regions.map((region) => region.id).join(', '),
        });
      }
    }
    // Whatever the target holds (rows a migration seeds, or everything under --replace) gives way —
    // the append-only audit log too (its triggers refuse TRUNCATE): the backup's own log replaces it.
    if (targetTables.length > 0) {
      const names = targetTables.map((table) => quoted(table.name));
      for (const name of names) await query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
      await query(`TRUNCATE ${names.join(', ')}`);
      for (const name of names) await query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
    }
    await readBackup(file, async (table, batch) => {
      const columns = table.columns.map((column) => quoted(column.name)).join(', ');
      const values = batch.map(
        (_, row) =>
          `(${table.columns.map((column, index) => `$${row * table.columns.length + index + 1}::text::${column.type}`).join(', ')})`,
      );
      // Every value is sent as text and read by its type's own input (the same as COPY), on both drivers.
      await query(
        `INSERT INTO ${quoted(table.name)} (${columns}) OVERRIDING SYSTEM VALUE VALUES ${values.join(', ')}`,
        batch.flat(),
      );
    });
    for (const sequence of header.sequences) {
      await query('SELECT setval($1::regclass, $2::bigint, $3)', [
        quoted(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    const restored: Record<string, number> = {};
    for (const table of header.tables) {
      const [{ n }] = (await query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoted(table.name)}`))
        .rows;
      restored[table.name] = Number(n);
      if (Number(n) !== table.rows) {
        throw new DomainError('backup.count-mismatch', {
          table: table.name,
          restored: Number(n),
          expected: table.rows,
        });
      }
    }
    return restored;
  });
  const migratedAfter = await migrate(database);
  return { header, rows, migratedAfter };
}
