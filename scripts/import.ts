/**
 * Imports a layer of a city's own data into a region of the database the server uses (the embedded
 * one in LIFECIRCLE_DATA_DIR, or DATABASE_URL): all of it in one transaction, or nothing.
 *
 *   npm run import -- tests/fixtures/import/facilities-gcj02.csv --region demo --layer facilities --crs gcj02
 *   npm run import -- roads.shp.zip --region newtown --layer network --create --name 新城
 *
 * The file is read before any database is opened, so an unreadable one is refused at once.
 */
import path from 'node:path';
import { parseEncodingName, type TextEncodingName } from '../core/formats/text-encoding.js';
import { CRS_OPTION_HELP } from '../core/import/coordinate-systems.js';
import {
  parseMappingArgument,
  parseValueMapArgument,
  type FieldMapping,
  type ValueMap,
} from '../core/import/field-mapping.js';
import { IMPORT_LAYERS, isImportLayer, type ImportLayer } from '../core/import/import-layers.js';
import { ImportFileError, readImportFile } from '../core/import/read-import-file.js';
import { isDomainError } from '../server/src/domain-error.js';
import type { ImportOptions } from '../contract/import-options.js';
import { formatImportOutcome } from '../server/src/imports/import-outcome-text.js';
import { refusedImportReport } from '../server/src/imports/import-refusals.js';
import { runImport } from '../server/src/imports/run-import.js';
import {
  parseCommandLine,
  parseOrExplain,
  readInputFile,
  runCommand,
  UsageError,
  withConfiguredDatabase,
} from './cli/run-with-database.js';
import { BASEMAP_USAGE, importBasemapCommand } from './import-basemap.js';

const USAGE = `usage: npm run import -- <file> --region <id> --layer <${IMPORT_LAYERS.join('|')}>
  file: GeoJSON, a zipped Shapefile (.shp .dbf .prj .cpg), CSV or Excel .xlsx (lon/lat, "lon,lat" or WKT columns), .dbf, or OSM XML (network)
  [--create --name <name> [--name-en <text>]]  make the region from this layer
  [--replace]                       replace the layer instead of adding to it
  [--accept-scenario-changes]       go ahead although the region's scenarios change (the report says how)
  [--crs <system>]                  ${CRS_OPTION_HELP}
  [--encoding NAME]                 text encoding: utf8, gbk, big5, shift-jis, euc-kr, windows-1252 …
                                    or a code page number (default: .cpg, language driver, else detected)
  [--map field=column,...]          which column feeds which field (field= unmaps it)
  [--value-map field.value=code,...] e.g. category.卫生室=health_station
  [--repair]                        repair invalid polygons with ST_MakeValid (the report lists them)
  [--swap-axes]                     read coordinates as (latitude, longitude)
  [--dry-run]                       check and report, write nothing
${BASEMAP_USAGE.replace('usage: ', 'or:    ')}`;

interface Arguments {
  file: string;
  regionId: string;
  options: ImportOptions;
  dryRun: boolean;
}

function parseArguments(argv: string[]): Arguments {
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
  const { file, values, switches: flags } = parseCommandLine(argv, { usage: USAGE, valued, switches });
  if (file === null) throw new UsageError('no file given');
  if (!values['--region']) throw new UsageError('--region <id> is required');
  const layer = values['--layer'];
  if (!isImportLayer(layer))
    throw new UsageError(
      `--layer must be one of ${IMPORT_LAYERS.join(', ')} or basemap${layer ? `, got "${layer}"` : ''}`,
    );
  if (flags.has('--create') && !values['--name']) throw new UsageError('--create needs --name <name>');
  let encoding: TextEncodingName | null = null;
  if (values['--encoding']) {
    encoding = parseEncodingName(values['--encoding']);
    if (!encoding)
      throw new UsageError(
        `--encoding must name a code page: utf8, gbk, big5, shift-jis, euc-kr, windows-1251, koi8-r, utf-16le … or its number (936, 950, 1252 …); got "${values['--encoding']}"`,
      );
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
  // A base map is tiles, not features: its own command, with none of the layers' options.
  const layerAt = argv.findIndex((argument) => argument === '--layer' || argument === '--layer=basemap');
  if (layerAt >= 0 && (argv[layerAt] === '--layer=basemap' || argv[layerAt + 1] === 'basemap')) {
    return importBasemapCommand(argv);
  }
  const parsed = parseOrExplain(() => parseArguments(argv), USAGE);
  if (!parsed) return 2;
  const read = await readInputFile(parsed.file);
  if (!read) return 1;
  const bytes = new Uint8Array(read);
  const fileName = path.basename(parsed.file);
  try {
    // A file that cannot be read is refused before any database is opened.
    readImportFile(fileName, bytes, { encoding: parsed.options.encoding ?? null });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    console.error(`${error.message}\nnothing was imported`);
    return 1;
  }

  return withConfiguredDatabase(async (database) => {
    const started = Date.now();
    try {
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
      if (!isDomainError(error)) throw error;
      // A refused import of data (problems, unaccepted scenario changes) prints its report before the reason.
      const report = refusedImportReport(error);
      if (report) for (const line of formatImportOutcome(report)) console.error(line);
      console.error(`\n${error.message}${report ? '' : '\nnothing was imported'}`);
      return 1;
    }
  });
}

runCommand(() => main(process.argv.slice(2)));
