/**
 * A province on one machine (issue 13): figures printed, nothing asserted.
 *
 *   npm run bench:province                        # demo region at --scale 200, embedded PostGIS on disk
 *   npm run bench:province -- --scale 20          # another size
 *   npm run bench:province -- --in-memory         # embedded PostGIS in memory (as the tests run it)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:province
 *                                                 # the same on a throw-away database of that server
 *
 * Generates the demo region into a temporary folder, loads it, and times what a planner's first
 * minutes on it cost, through the same functions and routes as the server: the accessibility model
 * build, one facility's isochrones, a category's heat map, a scenario save and a layer export, with
 * the process's memory after each stage. The embedded database lives in a temporary data directory,
 * as `npm start` keeps it on a planner's laptop, removed afterwards. See docs/scaling.md for the
 * figures and what they mean.
 */

import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { regionAccessibility } from '../../server/src/accessibility/region-models.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { regionScenarioBase } from '../../server/src/scenarios/region-base.js';
import { generateDemoRegion } from '../demo-region/generate.js';
import {
  apiCaller,
  borderMoves,
  collectGarbage,
  parseScaleArgument,
  signedInApp,
  withThrowawayServerDatabase,
} from './bench-support.js';

const SAMPLE_FACILITIES = 10;
const HEATMAP_CATEGORY = 'kindergarten';
/** Cell sizes tried for the heat map, finest first: the API refuses grids over 2 000 000 cells. */
const HEATMAP_CELL_METERS = [50, 100, 200];
const SAVES = 5;

const since = (start: number) => performance.now() - start;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const ms = (milliseconds: number) => `${milliseconds.toFixed(1)} ms`;
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Resident set, V8 heap in use and array buffers after a full collection, and the peak RSS so far. */
function memory(stage: string): void {
  collectGarbage();
  const usage = process.memoryUsage();
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  console.log(
    `  memory ${stage}: RSS ${mebibytes(usage.rss)}, JS heap ${mebibytes(usage.heapUsed)}, ` +
      `array buffers ${mebibytes(usage.arrayBuffers)} (peak RSS so far ${mebibytes(peakBytes)})`,
  );
}

/** The largest JS heap in use seen while `work` ran, sampled every 100 ms between its statements. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ value: T; peakHeapBytes: number }> {
  let peakHeapBytes = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
  }, 100);
  try {
    const value = await work();
    return { value, peakHeapBytes: Math.max(peakHeapBytes, process.memoryUsage().heapUsed) };
  } finally {
    clearInterval(sampler);
  }
}

/** Bytes of the files under `folder`, sub-folders included. */
async function bytesUnder(folder: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  return bytes;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; milliseconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, milliseconds: since(start) };
}

async function benchRegion(
  database: Database,
  folder: string,
  regionId: string,
  dataDirectory: string | null,
): Promise<void> {
  const migrated = await timed(() => migrate(database));
  console.log(`  migrate: ${seconds(migrated.milliseconds)}`);
  const load = await timed(() => withPeakHeap(() => loadRegionFolder(database, folder)));
  const { counts } = load.value.value;
  console.log(
    `  load the region: ${seconds(load.milliseconds)} (${counts.network} edges, ${counts.networkNodes} nodes, ` +
      `${counts.units} units, ${counts.communities} communities, ${counts.facilities} facilities); ` +
      `peak JS heap while loading ${mebibytes(load.value.peakHeapBytes)}`,
  );
  memory('after load');
  if (dataDirectory)
    console.log(`  data directory after load: ${mebibytes(await bytesUnder(dataDirectory))}`);

  // The model the routes build on first use, built here first so its time is its own.
  const region = await regionAccessibility(database, regionId);
  console.log(
    `  accessibility model: read from the database ${seconds(region.readMilliseconds)}, build ${seconds(region.buildMilliseconds)}`,
  );
  memory('after the model build');

  const app = await signedInApp(database);
  const call = apiCaller(app);

  const facilities = region.model.facilities;
  const sample = Array.from(
    { length: SAMPLE_FACILITIES },
    (_, k) => facilities[Math.floor(((k + 0.5) * facilities.length) / SAMPLE_FACILITIES)].id,
  );
  const isochrones = async (facilityId: string) =>
    (
      await timed(() =>
        call('POST', `/api/regions/${regionId}/isochrones`, {
          facilityIds: [facilityId],
          minutes: [5, 10, 15],
        }),
      )
    ).milliseconds;
  const first: number[] = [];
  for (const id of sample) first.push(await isochrones(id));
  const repeated: number[] = [];
  for (const id of sample) repeated.push(await isochrones(id));
  console.log(
    `  one facility's 5/10/15-min isochrones (POST /isochrones, ${SAMPLE_FACILITIES} facilities spread over the region): ` +
      `first median ${ms(median(first))} (max ${ms(Math.max(...first))}), repeated median ${ms(median(repeated))}`,
  );

  for (const cellMeters of HEATMAP_CELL_METERS) {
    const url = `/api/regions/${regionId}/heatmap?category=${HEATMAP_CATEGORY}&cellMeters=${cellMeters}`;
    const start = performance.now();
    const response = await app.request(url);
    const answered = await response.arrayBuffer();
    const firstMilliseconds = since(start);
    if (response.status === 400) {
      const refusal = JSON.parse(new TextDecoder().decode(answered)) as { error: string };
      console.log(`  heat map at ${cellMeters} m refused: ${refusal.error}`);
      continue;
    }
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    const repeated = await timed(() => call('GET', url));
    console.log(
      `  ${HEATMAP_CATEGORY} travel-time heat map, ${cellMeters} m cells, whole region (GET /heatmap, grid): ` +
        `first ${ms(firstMilliseconds)} (cell snaps computed), repeated ${ms(repeated.milliseconds)}, ${mebibytes(answered.byteLength)} answered`,
    );
    break;
  }
  memory('after isochrones and heat map');

  const base = await timed(() => regionScenarioBase(database, regionId));
  console.log(
    `  scenario base (adjacency of ${base.value.units.length} units, baseline geometry): ${seconds(base.milliseconds)}`,
  );
  const created = await timed(() =>
    call('POST', `/api/regions/${regionId}/scenarios`, { name: 'province bench', basedOn: 'baseline' }),
  );
  const { id } = created.value.json() as { id: string };
  console.log(`  create a scenario from the baseline: ${ms(created.milliseconds)}`);
  const moves = borderMoves(base.value, SAVES);
  if (moves.length === 0) throw new Error('no border unit found to move between two communities of a street');
  const saves: number[] = [];
  let version = 1;
  for (const move of moves) {
    const save = await timed(() =>
      call('PATCH', `/api/scenarios/${id}`, {
        version,
        edits: [{ op: 'assign', unitIds: [move.unitId], communityId: move.to }],
      }),
    );
    ({ version } = save.value.json() as { version: number });
    saves.push(save.milliseconds);
  }
  console.log(
    `  save one assign edit (PATCH, geometry recomputed): median ${ms(median(saves))}, max ${ms(Math.max(...saves))} (${saves.length} saves)`,
  );
  memory('after the scenario');

  for (const layer of ['communities', 'facilities']) {
    const exported = await timed(() =>
      call('GET', `/api/regions/${regionId}/${layer}/export?format=geojson`),
    );
    console.log(
      `  export the ${layer} layer as GeoJSON: ${seconds(exported.milliseconds)}, ${mebibytes(exported.value.bytes)}`,
    );
  }
  const scenarioExport = await timed(() => call('GET', `/api/scenarios/${id}/export?format=geojson`));
  console.log(
    `  export the scenario as GeoJSON: ${seconds(scenarioExport.milliseconds)}, ${mebibytes(scenarioExport.value.bytes)}`,
  );
  // What the map asks for today: the whole units layer in one answer (no tiles, no bbox).
  try {
    const units = await timed(() => call('GET', `/api/regions/${regionId}/units`));
    console.log(
      `  GET the whole units layer (as the map loads it): ${seconds(units.milliseconds)}, ${mebibytes(units.value.bytes)}`,
    );
  } catch (error) {
    console.log(
      `  GET the whole units layer (as the map loads it) failed: ${(error as Error).message.slice(0, 300)}`,
    );
  }
  // What a map viewport asks for: the units within a window a tenth of the region's width and height.
  const { bbox } = (await call('GET', `/api/regions/${regionId}`)).json() as {
    bbox: [number, number, number, number];
  };
  const [west, south, east, north] = bbox;
  const window = [0.45, 0.45, 0.55, 0.55].map((share, k) =>
    k % 2 === 0 ? west + share * (east - west) : south + share * (north - south),
  );
  const viewport = await timed(() =>
    call('GET', `/api/regions/${regionId}/units?bbox=${window.map((value) => value.toFixed(6)).join(',')}`),
  );
  console.log(
    `  GET the units within a viewport a tenth of the region's width and height (bbox): ${seconds(viewport.milliseconds)}, ` +
      `${(viewport.value.json() as { features: unknown[] }).features.length} units, ${mebibytes(viewport.value.bytes)}`,
  );
  memory('at the end');
  if (dataDirectory)
    console.log(`  data directory at the end: ${mebibytes(await bytesUnder(dataDirectory))}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const inMemory = argv.includes('--in-memory');
  const { scale } = parseScaleArgument(
    argv.filter((argument) => argument !== '--in-memory'),
    200,
  );
  console.log(
    `Province benchmark — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores, ` +
      `${mebibytes(os.totalmem())} memory)`,
  );
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-province-bench-'));
  try {
    const generated = await timed(async () => {
      const { files, summary } = generateDemoRegion({ scale });
      for (const [name, text] of Object.entries(files))
        await writeFile(path.join(folder, name), text, 'utf8');
      return summary;
    });
    const { counts } = generated.value;
    let folderBytes = 0;
    for (const name of Object.keys(generated.value.fileBytes))
      folderBytes += (await stat(path.join(folder, name))).size;
    console.log(
      `generated and written in ${seconds(generated.milliseconds)}: ${counts.networkEdges} edges, ${counts.networkNodes} nodes, ` +
        `${counts.units} units, ${counts.communities} communities, ${counts.facilities} facilities; ${mebibytes(folderBytes)} of GeoJSON in ${folder}`,
    );
    memory('after generation (files written, texts dropped)');
    const regionId = (JSON.parse(await readFile(path.join(folder, 'region.json'), 'utf8')) as { id: string })
      .id;

    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      await withThrowawayServerDatabase(serverUrl, async (database, databaseName) => {
        console.log(`\nPostgreSQL server (throw-away database ${databaseName})`);
        await benchRegion(database, folder, regionId, null);
      });
    } else {
      const dataDirectory = inMemory ? null : path.join(folder, 'database');
      console.log(
        `\nEmbedded PostGIS (PGlite, ${dataDirectory ? `data directory ${dataDirectory}` : 'in memory'})`,
      );
      const database = await openEmbeddedDatabase(dataDirectory);
      try {
        await benchRegion(database, folder, regionId, dataDirectory);
      } finally {
        await database.close();
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
