/**
 * `npm run import -- <file> --region <id> --layer basemap [--name <名称>]`: stores a PMTiles or
 * MBTiles base map (imagery or vector tiles) with a region of the database the server uses. The
 * file is read and checked before any database is opened, so a bad one is refused at once.
 */
import path from 'node:path';
import { readBasemapFile, addBasemap } from '../server/src/basemaps/basemap-store.js';
import { isDomainError } from '../server/src/domain-error.js';
import {
  parseCommandLine,
  parseOrExplain,
  readInputFile,
  UsageError,
  withConfiguredDatabase,
} from './cli/run-with-database.js';

export const BASEMAP_USAGE = `usage: npm run import -- <file.pmtiles|file.mbtiles> --region <id> --layer basemap [--name <name>]
  stores a base map (raster imagery or vector tiles) with the region; the map draws it under the communities`;

/** Runs the command; returns the exit code (0 stored, 1 refused, 2 usage). */
export async function importBasemapCommand(argv: string[]): Promise<number> {
  const parsed = parseOrExplain(() => {
    const line = parseCommandLine(argv, {
      usage: BASEMAP_USAGE,
      valued: ['--region', '--layer', '--name'],
      switches: [],
    });
    if (line.file === null) throw new UsageError('no file given');
    if (!line.values['--region']) throw new UsageError('--region <id> is required');
    return { file: line.file, regionId: line.values['--region'], name: line.values['--name'] ?? null };
  }, BASEMAP_USAGE);
  if (!parsed) return 2;
  const read = await readInputFile(parsed.file);
  if (!read) return 1;
  const bytes = new Uint8Array(read);
  const fileName = path.basename(parsed.file);
  try {
    await readBasemapFile(bytes, fileName);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    console.error(`${error.message}\n${error.messageZh}\nnothing was imported`);
    return 1;
  }
  return withConfiguredDatabase(async (database) => {
    try {
      const basemap = await addBasemap(database, parsed.regionId, fileName, bytes, parsed.name);
      console.log(
        `imported: ${fileName} → region "${parsed.regionId}", base map "${basemap.id}" (${basemap.name}): ` +
          `${basemap.format}, ${basemap.kind}, ${basemap.tileCount} tiles, zoom ${basemap.minzoom}–${basemap.maxzoom}`,
      );
      return 0;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      console.error(`${error.message}\n${error.messageZh}\nnothing was imported`);
      return 1;
    }
  });
}
