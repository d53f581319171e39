/**
 * What the import commands (scripts/import.ts, scripts/import-osm.ts) share: reading `--flag value`
 * arguments, refusing bad usage with exit code 2, reading the input file before any database is
 * opened, and working in the database the server uses (the embedded one in LIFECIRCLE_DATA_DIR, or
 * DATABASE_URL), which is always closed again.
 */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../../server/src/config.js';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import { migrate } from '../../server/src/db/migrate.js';

/** Wrong arguments: the message is printed with the usage text, and the command exits with 2. */
export class UsageError extends Error {}

export interface CommandLine {
  /** The one argument that is not a flag, or null when none is given. */
  file: string | null;
  /** Values of the valued flags given, by flag (`--region`). */
  values: Record<string, string>;
  /** The switches given (`--replace`). */
  switches: Set<string>;
}

/**
 * Splits `argv` into one file, `--flag value` (or `--flag=value`) pairs of the `valued` flags and the
 * `switches`; prints `usage` and exits 0 on `--help`. Throws UsageError on anything else.
 */
export function parseCommandLine(
  argv: readonly string[],
  spec: { usage: string; valued: readonly string[]; switches: readonly string[] },
): CommandLine {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  let file: string | null = null;
  for (let k = 0; k < argv.length; k += 1) {
    const argument = argv[k];
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    const inline = equals > 0 ? argument.slice(equals + 1) : undefined;
    if (flag === '--help' || flag === '-h') {
      console.log(spec.usage);
      process.exit(0);
    } else if (spec.switches.includes(flag)) {
      switches.add(flag);
    } else if (spec.valued.includes(flag)) {
      const value = inline ?? argv[++k];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values[flag] = value;
    } else if (flag.startsWith('--')) {
      throw new UsageError(`unknown flag ${flag}`);
    } else if (file === null) {
      file = argument;
    } else {
      throw new UsageError(`one file at a time (got ${file} and ${argument})`);
    }
  }
  return { file, values, switches };
}

/**
 * Runs `parse`; on a UsageError prints its message with `usage` and returns undefined (the command
 * then exits with 2). Other errors propagate.
 */
export function parseOrExplain<T>(parse: () => T, usage: string): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return undefined;
  }
}

/** The file's bytes, or null after printing why it cannot be read (the command then exits with 1). */
export async function readInputFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
}

/**
 * Opens the database the server uses (saying which), brings its schema up to date, runs `work` on it
 * and closes it whether `work` succeeds or throws.
 */
export async function withConfiguredDatabase<T>(
  work: (database: Database) => Promise<T>,
  activity = 'importing into',
): Promise<T> {
  const config = readConfig();
  console.log(
    config.databaseUrl
      ? `${activity} PostgreSQL (DATABASE_URL)…`
      : `${activity} the embedded database in ${config.embeddedDataDirectory}…`,
  );
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

/**
 * Runs a command's `main` and sets the process exit code to what it returns; when it throws, prints
 * the error (`printError` may say it better) and exits with 1.
 */
export function runCommand(
  main: () => Promise<number>,
  printError: (error: unknown) => void = (error) => console.error(error),
): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      printError(error);
      process.exitCode = 1;
    },
  );
}
