import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import pg from 'pg';
import { lockDataDirectory } from './data-directory-lock.js';

export interface QueryResult<Row> {
  rows: Row[];
}

/** The one query function every repository takes: SQL text with `$1…$n` values. */
export type Query = <Row = Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<QueryResult<Row>>;

export type DatabaseKind = 'embedded' | 'postgres';

/**
 * A PostGIS database, embedded (PGlite) or a server (pg.Pool). Nothing above this file knows which:
 * both answer the same SQL through `query`, and `transaction` runs a function atomically.
 */
export interface Database {
  kind: DatabaseKind;
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one connection without a transaction: each statement commits on its own and
   * other requests' statements run between them, so long read-mostly work (an import preview)
   * holds no lock. Temporary tables live until dropped: the embedded database has one session, so
   * they are seen by every caller there, and work that makes them must not run twice at once.
   */
  session<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel`, from this process or another, on
   * one connection of its own (opened at the first call, closed with the database); resolves once
   * listening, with how to stop. Only a server database has it: the embedded one is locked to one
   * process, so there is no other to hear.
   */
  listen?(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PostgreSQL's type id of bytea. */
const BYTEA_TYPE_ID = 17;

/**
 * bytea through PGlite as hex text, converted by Node's Buffer: PGlite's own codec maps every byte
 * through a JavaScript string (`Array.from(bytes).map(…).join('')` and `parseInt` per byte), which
 * took 23 s of CPU for the 36 MB file an import preview stores.
 */
const FAST_BYTEA = {
  serializers: {
    [BYTEA_TYPE_ID]: (bytes: unknown) => {
      if (!(bytes instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
    },
  },
  parsers: {
    [BYTEA_TYPE_ID]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), 'hex')),
  },
};

/** Local buffers of the embedded database's one session, for temporary tables. */
const EMBEDDED_TEMP_BUFFERS = '128MB';

/** The embedded database, which can also copy itself whole (`dump`). */
export interface EmbeddedDatabase extends Database {
  kind: 'embedded';
  /**
   * The whole database as an uncompressed tar of its data directory, which `template` takes: the
   * tests make a migrated (and a seeded) database once per run and start each suite from a copy.
   */
  dump(): Promise<Blob>;
}

export interface EmbeddedDatabaseOptions {
  /**
   * Start from this `dump()` instead of an empty database (initdb): PGlite unpacks it, ~3 s instead
   * of the ~10 s that initdb, PostGIS and the migrations take. A folder given must not hold a database yet.
   */
  template?: Blob;
}

/**
 * Opens the embedded PostGIS (PGlite + pglite-postgis). `dataDirectory` null keeps it in memory
 * (tests); a folder is created if missing and reopened on the next start.
 */
export async function openEmbeddedDatabase(
  dataDirectory: string | null,
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  if (dataDirectory) await mkdir(dataDirectory, { recursive: true });
  // One process per folder (data-directory-lock.ts): a second one refused here has touched nothing.
  const unlock = dataDirectory ? lockDataDirectory(dataDirectory) : () => undefined;
  let pglite: PGlite;
  try {
    const pgliteOptions = { extensions: { postgis }, loadDataDir: options.template };
    pglite = dataDirectory ? new PGlite(dataDirectory, pgliteOptions) : new PGlite(pgliteOptions);
    await pglite.waitReady;
    // Set before any temporary table is touched (it cannot change after): an import's features sit
    // in one (import_features, ~50 MB for a county's 99 200 units), which past the default 8 MB of
    // local buffers went page by page through the in-memory file system at every pass (issue 13).
    // Buffers are taken only as temporary tables grow.
    await pglite.exec(`SET temp_buffers = '${EMBEDDED_TEMP_BUFFERS}'`);
  } catch (error) {
    unlock();
    throw error;
  }
  const query: Query = async (text, params) => {
    const result = await pglite.query(text, params as unknown[] | undefined, FAST_BYTEA);
    return { rows: result.rows as never[] };
  };
  return {
    kind: 'embedded',
    query,
    transaction: (work) =>
      pglite.transaction(async (transaction) =>
        work(async (text, params) => {
          const result = await transaction.query(text, params as unknown[] | undefined, FAST_BYTEA);
          return { rows: result.rows as never[] };
        }),
      ),
    // PGlite runs each statement under its own lock, and a transaction under one for all its
    // statements: plain statements let everyone else's run in between.
    session: (work) => work(query),
    dump: () => pglite.dumpDataDir('none'),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

export interface ServerDatabaseOptions {
  /**
   * Longest one statement may run before the server cancels it (PostgreSQL's statement_timeout,
   * SQLSTATE 57014, which the API answers 503); none when absent. The client gives up waiting
   * `QUERY_READ_MARGIN_MILLISECONDS` later, for a server that has gone silent.
   */
  statementTimeoutMilliseconds?: number;
}

/**
 * How much longer than the statement timeout the client waits for an answer before it gives up on
 * the connection ("Query read timeout", answered 503): a server that stops answering without closing
 * anything (powered off, network gone) otherwise holds the request for ever. The margin lets the
 * server's own cancellation, with its clearer message, come first.
 */
export const QUERY_READ_MARGIN_MILLISECONDS = 2_000;

/** Connects to a PostgreSQL server with PostGIS through a `pg` pool. */
export async function openServerDatabase(
  connectionString: string,
  options: ServerDatabaseOptions = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(options.statementTimeoutMilliseconds
      ? {
          statement_timeout: options.statementTimeoutMilliseconds,
          query_timeout: options.statementTimeoutMilliseconds + QUERY_READ_MARGIN_MILLISECONDS,
        }
      : {}),
  });
  // An idle client losing its connection must not crash the process: the next query reconnects
  // or fails with a connection error that the API answers with 503.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  const listener = notificationListener(connectionString);
  const query: Query = async (text, params) => {
    const result = await pool.query(text, params as unknown[] | undefined);
    return { rows: result.rows };
  };
  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect();
      let result: Awaited<ReturnType<typeof work>>;
      try {
        await client.query('BEGIN');
        result = await work(async (text, params) => {
          const queryResult = await client.query(text, params as unknown[] | undefined);
          return { rows: queryResult.rows };
        });
        await client.query('COMMIT');
      } catch (error) {
        // A connection that cannot even roll back (lost, or silent past the read timeout) is
        // closed, not pooled: the next request gets a fresh one.
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        client.release(rolledBack ? undefined : (error as Error));
        throw error;
      }
      client.release();
      return result;
    },
    async session(work) {
      const client = await pool.connect();
      let failed = false;
      try {
        return await work(async (text, params) => {
          const queryResult = await client.query(text, params as unknown[] | undefined);
          return { rows: queryResult.rows };
        });
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // A connection whose work failed is closed, not pooled, so no temporary table outlives it.
        client.release(failed);
      }
    },
    listen: (channel, onMessage) => listener.listen(channel, onMessage),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * LISTEN on one dedicated connection (a pooled one would be handed to other work): opened at the
 * first channel, reopened at the next call after it was lost.
 */
function notificationListener(connectionString: string) {
  let connecting: Promise<pg.Client> | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const connect = () => {
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString });
      client.on('error', (error) => {
        console.error(`live events: the listening connection was lost: ${error.message}`);
        connecting = null;
      });
      client.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      connecting = null;
      throw error;
    });
    return connecting;
  };
  return {
    async listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
      const client = await connect();
      const channelHandlers = handlers.get(channel) ?? new Set();
      handlers.set(channel, channelHandlers);
      channelHandlers.add(onMessage);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        channelHandlers.delete(onMessage);
        if (channelHandlers.size > 0) return;
        handlers.delete(channel);
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      };
    },
    async close(): Promise<void> {
      const open = connecting;
      connecting = null;
      if (open) await open.then((client) => client.end()).catch(() => undefined);
    },
  };
}

/**
 * Opens PostGIS at `databaseUrl` when given, else the embedded database in `embeddedDataDirectory`.
 * The statement timeout applies to the server only: PGlite runs a query on this process's one
 * thread and cannot be interrupted (its statement_timeout never fires).
 */
export function openDatabase(
  options: { databaseUrl: string | null; embeddedDataDirectory: string | null } & ServerDatabaseOptions,
) {
  return options.databaseUrl
    ? openServerDatabase(options.databaseUrl, options)
    : openEmbeddedDatabase(options.embeddedDataDirectory);
}
