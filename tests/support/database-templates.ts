/**
 * Vitest global set-up of the database suites (api, e2e): once per run, before any test file, makes
 * the databases every suite would otherwise make for itself (initdb, PostGIS and the migrations take
 * ~10 s of an embedded open, the shipped regions ~5 s more):
 * - `empty`: an embedded database just made (initdb alone takes ~3 s of a ~6 s open), as a dump;
 * - `migrated`: an empty database with every migration applied, as an embedded dump (tar) and, when
 *   DATABASE_URL_TEST is set, as a template database on the server;
 * - `seeded`: the same with the shipped regions loaded (what a server's first start loads), likewise;
 * - `migratedDataDirectory`, `seededDataDirectory`: stopped embedded data directories of those two,
 *   which the end-to-end harness and child-process tests copy before starting a server or command on
 *   one (test-databases.ts `templateDataDirectoryCopy`).
 * None holds a user: each suite still makes its own first administrator with its own password.
 * They are rebuilt on every run (a new migration is always in them) and removed after it. Suites
 * that test the fresh path itself (initdb, migrations, demo load, first administrator) open an
 * empty database instead: tests/api/server-process.api.test.ts starts the real server on an
 * empty data directory, and load-region.api the migrations one by one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../../server/src/config.js';
import { openEmbeddedDatabase, openServerDatabase } from '../../server/src/db/client.js';
import { migrate } from '../../server/src/db/migrate.js';
import { prepareDatabase } from '../../server/src/db/prepare.js';

/** Where a run's templates are: files and folders of this machine, database names on the server. */
export interface DatabaseTemplates {
  /** An embedded database just made (initdb): not even PostGIS in it yet. */
  emptyDump: string;
  migratedDump: string;
  seededDump: string;
  /** Stopped embedded data directories, to copy whole (never to open in place). */
  migratedDataDirectory: string;
  seededDataDirectory: string;
  /** Template databases on DATABASE_URL_TEST's server (absent without one). */
  server?: { migrated: string; seeded: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

/** One build per run for every project that asks (api and e2e run their set-ups in one process). */
interface Shared {
  built: Promise<{ templates: DatabaseTemplates; remove(): Promise<void> }>;
  users: number;
}
const SHARED_KEY = Symbol.for('lifecircle.databaseTemplates');
const shared = globalThis as typeof globalThis & { [SHARED_KEY]?: Shared };

export default async function setup(project: TestProject) {
  const state = (shared[SHARED_KEY] ??= { built: buildTemplates(), users: 0 });
  state.users += 1;
  const { templates } = await state.built;
  project.provide('databaseTemplates', templates);
  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    delete shared[SHARED_KEY];
    await (await state.built).remove();
  };
}

async function buildTemplates() {
  const started = Date.now();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-templates-'));
  const seedRegions = readConfig().seedRegionDirectories;
  const seededDataDirectory = path.join(folder, 'seeded-data');
  const migratedDataDirectory = path.join(folder, 'migrated-data');
  const emptyDump = path.join(folder, 'empty.tar');
  const migratedDump = path.join(folder, 'migrated.tar');
  const seededDump = path.join(folder, 'seeded.tar');
  const serverUrl = process.env.DATABASE_URL_TEST;
  let serverTemplates: { migrated: string; seeded: string } | undefined;
  try {
    // One after the other: PGlite works on this process's one thread, and a server connection
    // waiting meanwhile would time out.
    if (serverUrl) {
      const prefix = `lifecircle_template_${randomBytes(6).toString('hex')}`;
      serverTemplates = { migrated: `${prefix}_migrated`, seeded: `${prefix}_seeded` };
      await onServer(serverUrl, `CREATE DATABASE ${serverTemplates.migrated}`);
      const migrated = await openServerDatabase(databaseUrl(serverUrl, serverTemplates.migrated));
      try {
        await migrate(migrated);
      } finally {
        await migrated.close();
      }
      await onServer(
        serverUrl,
        `CREATE DATABASE ${serverTemplates.seeded} TEMPLATE ${serverTemplates.migrated}`,
      );
      const seeded = await openServerDatabase(databaseUrl(serverUrl, serverTemplates.seeded));
      try {
        await prepareDatabase(seeded, seedRegions, () => undefined);
      } finally {
        await seeded.close();
      }
    }
    const database = await openEmbeddedDatabase(seededDataDirectory);
    let migrated: Blob;
    try {
      await writeFile(emptyDump, new Uint8Array(await (await database.dump()).arrayBuffer()));
      await migrate(database);
      migrated = await database.dump();
      await writeFile(migratedDump, new Uint8Array(await migrated.arrayBuffer()));
      await prepareDatabase(database, seedRegions, () => undefined);
      await writeFile(seededDump, new Uint8Array(await (await database.dump()).arrayBuffer()));
    } finally {
      await database.close();
    }
    // Closed cleanly, so each copy starts without recovery and without a lock file.
    await (await openEmbeddedDatabase(migratedDataDirectory, { template: migrated })).close();
  } catch (error) {
    await removeTemplates(folder, serverUrl, serverTemplates);
    throw error;
  }
  console.log(`database templates made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    templates: {
      emptyDump,
      migratedDump,
      seededDump,
      migratedDataDirectory,
      seededDataDirectory,
      server: serverTemplates,
    },
    remove: () => removeTemplates(folder, serverUrl, serverTemplates),
  };
}

async function removeTemplates(
  folder: string,
  serverUrl: string | undefined,
  serverTemplates: { migrated: string; seeded: string } | undefined,
) {
  await rm(folder, { recursive: true, force: true });
  if (serverUrl && serverTemplates) {
    for (const name of [serverTemplates.seeded, serverTemplates.migrated])
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** `serverUrl` with its database replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement (CREATE/DROP DATABASE) on its own connection to the server. */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
