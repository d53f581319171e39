/**
 * Creates a region from an OpenStreetMap XML extract in the database the server uses (the embedded
 * one in LIFECIRCLE_DATA_DIR, or DATABASE_URL), and prints what it made and left out.
 *
 *   npm run import:osm -- data/osm/guixi-jiangxi/guixi_center.osm --region guixi --name 贵溪市中心
 *
 * Flags: --name-en TEXT, --replace, --persons-per-square-meter N (of floor area), --default-levels N,
 * --persons-per-household N, --cell-meters N, --community-type ID.
 */
import path from 'node:path';
import { DEFAULT_PERSONS_PER_HOUSEHOLD, DEFAULT_PERSONS_PER_SQUARE_METER } from '../core/osm/buildings.js';
import { formatOsmImportReport } from '../core/osm/osm-import-report.js';
import { DEFAULT_CELL_METERS } from '../core/osm/population-grid.js';
import { COMMUNITY_TYPE_IDS, isCommunityTypeId } from '../core/standards/community-types.js';
import { RegionLoadError } from '../server/src/db/load-region.js';
import {
  importOsmRegion,
  OsmImportError,
  parseOsmFile,
  type OsmImportOptions,
} from '../server/src/imports/osm-region-import.js';
import {
  parseCommandLine,
  parseOrExplain,
  readInputFile,
  runCommand,
  UsageError,
  withConfiguredDatabase,
} from './cli/run-with-database.js';

const USAGE = `usage: npm run import:osm -- <file.osm> --region <id> --name <name>
  [--name-en <text>] [--replace]
  [--persons-per-square-meter <n>]  residents per m² of floor area (default ${DEFAULT_PERSONS_PER_SQUARE_METER})
  [--default-levels <n>]            floors of buildings without building:levels (default: by building type)
  [--persons-per-household <n>]     (default ${DEFAULT_PERSONS_PER_HOUSEHOLD})
  [--cell-meters <n>]               population grid cell side (default ${DEFAULT_CELL_METERS})
  [--community-type <${COMMUNITY_TYPE_IDS.join('|')}>] (default urban)`;

function parseArguments(argv: string[]): { file: string; options: OsmImportOptions } {
  const valued = [
    '--region',
    '--name',
    '--name-en',
    '--persons-per-square-meter',
    '--default-levels',
    '--persons-per-household',
    '--cell-meters',
    '--community-type',
  ];
  const { file, values, switches } = parseCommandLine(argv, {
    usage: USAGE,
    valued,
    switches: ['--replace'],
  });
  if (file === null) throw new UsageError('no OSM file given');
  if (!values['--region']) throw new UsageError('--region <id> is required');
  if (!values['--name']) throw new UsageError('--name <name> is required');
  const number = (flag: string, check: (value: number) => boolean, rule: string) => {
    if (values[flag] === undefined) return undefined;
    const value = Number(values[flag]);
    if (values[flag].trim() === '' || !check(value))
      throw new UsageError(`${flag} must be ${rule}, got "${values[flag]}"`);
    return value;
  };
  const communityType = values['--community-type'];
  if (communityType !== undefined && !isCommunityTypeId(communityType)) {
    throw new UsageError(
      `--community-type must be one of ${COMMUNITY_TYPE_IDS.join(', ')}, got "${communityType}"`,
    );
  }
  return {
    file,
    options: {
      regionId: values['--region'],
      name: values['--name'],
      nameEn: values['--name-en'] ?? null,
      replace: switches.has('--replace'),
      personsPerSquareMeter: number(
        '--persons-per-square-meter',
        (value) => value >= 0 && value <= 1,
        'a number from 0 to 1',
      ),
      defaultFloors:
        number(
          '--default-levels',
          (value) => value >= 1 && value <= 150,
          'a number of floors from 1 to 150',
        ) ?? null,
      personsPerHousehold: number(
        '--persons-per-household',
        (value) => value >= 1 && value <= 10,
        'a number from 1 to 10',
      ),
      cellMeters: number(
        '--cell-meters',
        (value) => value >= 10 && value <= 2000,
        'a number of metres from 10 to 2000',
      ),
      communityType: communityType as OsmImportOptions['communityType'],
    },
  };
}

async function main(): Promise<number> {
  const parsed = parseOrExplain(() => parseArguments(process.argv.slice(2)), USAGE);
  if (!parsed) return 2;
  const { file, options } = parsed;
  const bytes = await readInputFile(file);
  if (!bytes) return 1;
  const xml = bytes.toString('utf8');
  const fileName = path.basename(file);
  // A bad file is refused before any database is opened: nothing can be half-written.
  const document = parseOsmFile(xml, fileName);

  return withConfiguredDatabase(async (database) => {
    const started = Date.now();
    const { report } = await importOsmRegion(database, document, fileName, options);
    for (const line of formatOsmImportReport(report)) console.log(line);
    console.log(`\nimported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  });
}

runCommand(main, (error) => {
  if (error instanceof OsmImportError) console.error(error.message);
  else if (error instanceof RegionLoadError) console.error(`${error.message}\nnothing was imported`);
  else console.error(error);
});
