/**
 * `npm run import -- <file> --region <id> --layer basemap` against the embedded database the server
 * uses: a raster MBTiles is stored with the tiny region and its tiles are in the database after the
 * command exits; a file that is not a base map is refused before any database is opened.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBasemapFixtures } from '../../scripts/fixtures/make-basemap-fixtures.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { openEmbeddedDatabase } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { tinyRegion } from '../support/tiny-region.js';
import { templateDataDirectoryCopy } from '../support/test-databases.js';

const run = promisify(execFile);
const TSX = path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(REPOSITORY_ROOT, 'scripts/import.ts');

describe('npm run import -- <file> --layer basemap', () => {
  let dataDirectory: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDirectory = await templateDataDirectoryCopy('migrated', 'lifecircle-basemap-cli-');
    env = { ...process.env, LIFECIRCLE_DATA_DIR: dataDirectory };
    delete env.DATABASE_URL;
    const database = await openEmbeddedDatabase(dataDirectory);
    try {
      await migrate(database);
      const tiny = tinyRegion('tiny');
      await loadRegion(database, 'test', tiny.meta, tiny.layers);
    } finally {
      await database.close();
    }
  });
  afterAll(async () => rm(dataDirectory, { recursive: true, force: true }));

  it('stores an MBTiles base map with the region, and refuses a file that is not one', async () => {
    const fixtures = await makeBasemapFixtures();
    const file = path.join(dataDirectory, 'ortho.mbtiles');
    await writeFile(file, fixtures.rasterMbtiles);
    const { stdout } = await run(
      TSX,
      [SCRIPT, file, '--region', 'tiny', '--layer', 'basemap', '--name', '影像图'],
      {
        env,
        cwd: REPOSITORY_ROOT,
      },
    );
    expect(stdout).toContain(
      `imported: ortho.mbtiles → region "tiny", base map "ortho" (影像图): mbtiles, raster, ${fixtures.rasterTileCount} tiles, zoom 12–15`,
    );

    const notTiles = path.join(dataDirectory, 'roads.geojson');
    await writeFile(notTiles, '{"type":"FeatureCollection","features":[]}');
    const refused = await run(TSX, [SCRIPT, notTiles, '--region', 'tiny', '--layer=basemap'], {
      env,
      cwd: REPOSITORY_ROOT,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(
      /"roads\.geojson" is neither a PMTiles nor an MBTiles.*\n.*既不是.*\nnothing was imported/s,
    );

    const database = await openEmbeddedDatabase(dataDirectory);
    try {
      const { rows } = await database.query<{ id: string; name: string; tiles: number }>(
        `SELECT b.id, b.name, (SELECT count(*)::int FROM basemap_tiles t WHERE t.basemap_id = b.id AND t.z >= 0) AS tiles
         FROM basemaps b WHERE b.region_id = 'tiny'`,
      );
      expect(rows).toEqual([{ id: 'ortho', name: '影像图', tiles: fixtures.rasterTileCount }]);
    } finally {
      await database.close();
    }
  });
});
