/**
 * Imports a layer of a city's own data into a region of the database the server uses (the embedded
 * one in LIFECIRCLE_DATA_DIR, or DATABASE_URL): all of it in one transaction, or nothing.
 *
 *   npm run import -- tests/fixtures/import/facilities-gcj02.csv --region demo --layer facilities --crs gcj02
 *   npm run import -- roads.shp.zip --region newtown --layer network --create --name 新城
 *
 * The file is read before any database is opened, so an unreadable one is refused at once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  parseMappingArgument,
  parseValueMapArgument,
  type FieldMapping,
  type ValueMap,
} from '../core/import/field-mapping.js';
import { IMPORT_LAYERS, isImportLayer, type ImportLayer } from '../core/import/import-layers.js';
import { ImportFileError, readImportFile } from '../core/import/read-import-file.js';
import { parseEncodingName, type TextEncodingName } from '../core/import/text-encoding.js';
import { CRS_OPTION_HELP } from '../core/import/coordinate-systems.js';
import { readConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/client.js';
import { migrate } from '../server/src/db/migrate.js';
import type { ImportOptions } from '../server/src/imports/import-options.js';
import { formatImportOutcome } from '../server/src/imports/import-report.js';
import { ImportRefusal, runImport } from '../server/src/imports/run-import.js';

const USAGE = `usage: npm run import -- <file> --region <id> --layer <${IMPORT_LAYERS.join('|')}>
  file: GeoJSON, a zipped Shapefile (.shp .dbf .prj .cpg), CSV (lon/lat, "lon,lat" or WKT columns), .dbf, or OSM XML (network)
  [--create --name <name> [--name-en <text>]]  make the region from this layer
  [--replace]                       replace the layer instead of adding to it
  [--accept-scenario-changes]       go ahead although the region's scenarios change (the report says how)
  [--crs <system>]                  ${CRS_OPTION_HELP}
  [--encoding utf8|gbk]             text encoding (default: .cpg, else detected)
  [--map field=column,...]          which column feeds which field (field= unmaps it)
  [--value-map field.value=code,...] e.g. category.卫生室=health_station
  [--repair]                        repair invalid polygons with ST_MakeValid (the report lists them)
  [--swap-axes]                     read coordinates as (latitude, longitude)
  [--dry-run]                       check and report, write nothing`;

class UsageError extends Error {}

interface Arguments {
  file: string;
  regionId: string;
  options: ImportOptions;
  dryRun: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  let file: string | null = null;
  const valued = [
    '--region',
    '--layer',
    '--name',
    '--name-en',
    '--crs',
    '--encoding',
    '--map',
    '--value-map',
  ];
  const switches = [
    '--create',
    '--replace',
    '--accept-scenario-changes',
    '--repair',
    '--swap-axes',
    '--dry-run',
  ];
  for (let k = 0; k < argv.length; k += 1) {
    const argument = argv[k];
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    const inline = equals > 0 ? argument.slice(equals + 1) : undefined;
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (switches.includes(flag)) {
      flags.add(flag);
    } else if (valued.includes(flag)) {
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
  if (file === null) throw new UsageError('no file given');
  if (!values['--region']) throw new UsageError('--region <id> is required');
  const layer = values['--layer'];
  if (!isImportLayer(layer))
    throw new UsageError(
      `--layer must be one of ${IMPORT_LAYERS.join(', ')}${layer ? `, got "${layer}"` : ''}`,
    );
  if (flags.has('--create') && !values['--name']) throw new UsageError('--create needs --name <name>');
  let encoding: TextEncodingName | null = null;
  if (values['--encoding']) {
    encoding = parseEncodingName(values['--encoding']);
    if (!encoding) throw new UsageError(`--encoding must be utf8 or gbk, got "${values['--encoding']}"`);
  }
  let mapping: FieldMapping | null = null;
  if (values['--map'] !== undefined) {
    const parsed = parseMappingArgument(layer as ImportLayer, values['--map']);
    if (!parsed.ok) throw new UsageError(`--map: ${parsed.reason}`);
    mapping = parsed.value;
  }
  let valueMap: ValueMap | null = null;
  if (values['--value-map'] !== undefined) {
    const parsed = parseValueMapArgument(layer as ImportLayer, values['--value-map']);
    if (!parsed.ok) throw new UsageError(`--value-map: ${parsed.reason}`);
    valueMap = parsed.value;
  }
  return {
    file,
    regionId: values['--region'],
    dryRun: flags.has('--dry-run'),
    options: {
      layer,
      create: flags.has('--create'),
      name: values['--name'] ?? null,
      nameEn: values['--name-en'] ?? null,
      crs: values['--crs'] ?? null,
      encoding,
      mapping,
      valueMap,
      repair: flags.has('--repair'),
      replace: flags.has('--replace'),
      swapAxes: flags.has('--swap-axes'),
      acceptScenarioChanges: flags.has('--accept-scenario-changes'),
    },
  };
}

/** Runs the command; returns the exit code (0 imported, 1 refused, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let parsed: Arguments;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(parsed.file));
  } catch (error) {
    console.error(`cannot read ${parsed.file}: ${(error as Error).message}`);
    return 1;
  }
  const fileName = path.basename(parsed.file);
  try {
    // A file that cannot be read is refused before any database is opened.
    readImportFile(fileName, bytes, { encoding: parsed.options.encoding ?? null });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    console.error(`${error.message}\nnothing was imported`);
    return 1;
  }

  const config = readConfig();
  console.log(
    config.databaseUrl
      ? 'importing into PostgreSQL (DATABASE_URL)…'
      : `importing into the embedded database in ${config.embeddedDataDirectory}…`,
  );
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const started = Date.now();
    const outcome = await runImport(
      database,
      { importId: null, regionId: parsed.regionId, fileName, bytes, options: parsed.options },
      parsed.dryRun ? 'preview' : 'commit',
    );
    for (const line of formatImportOutcome(outcome)) console.log(line);
    console.log(
      `\n${parsed.dryRun ? 'checked' : 'imported'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
    if (error.outcome) for (const line of formatImportOutcome(error.outcome)) console.error(line);
    console.error(
      `\n${error.message}${error.status === 422 || error.outcome ? '' : '\nnothing was imported'}`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
