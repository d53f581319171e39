/**
 * Boundary scenario benchmark (issue 4 "Speed"): figures printed, nothing asserted.
 *
 *   npm run bench:scenario                     # demo region at --scale 20, embedded PostGIS
 *   npm run bench:scenario -- --scale 5        # another size
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:scenario
 *                                              # + the API figures on the PostgreSQL server
 *
 * Targets: re-evaluating every metric and rule after one `assign` in core/ < 50 ms; saving an edit
 * through the API, geometry included, < 300 ms; exporting the whole scenario as GeoJSON < 1 s.
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScenarioEvaluator } from '../../core/scenario/scenario-evaluator.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { judgingFor } from '../../server/src/scenarios/judging.js';
import { regionScenarioBase, type RegionScenarioBase } from '../../server/src/scenarios/region-base.js';
import { generateDemoRegion } from '../demo-region/generate.js';
import { benchOnServerIfConfigured, borderMoves, parseScaleArgument, signedInApp } from './bench-support.js';

const CORE_EDITS = 200;
const API_SAVES = 20;
const EXPORTS = 5;
const PROFILE = 'leshan' as const;

const since = (start: number) => performance.now() - start;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(sorted.at(-1)!)} (${values.length} runs)`;
}

async function benchCore(database: Database, base: RegionScenarioBase): Promise<void> {
  // Judged as a planner's screen judges: the profile with the walking reach of the defaults in force.
  const { context } = await judgingFor(database, base, { profile: PROFILE });
  let start = performance.now();
  const evaluator = new ScenarioEvaluator({
    units: base.units,
    adjacency: base.adjacency,
    communities: base.baselineCommunities,
    assignment: base.baselineAssignment,
    facilities: base.facilities,
    streets: base.streets,
  });
  console.log(`  build the evaluator from scratch (every metric):       ${ms(since(start))}`);
  start = performance.now();
  const ids = evaluator.communityIds();
  for (const id of ids) evaluator.judge(id, context);
  evaluator.allMetrics(context.reach);
  console.log(`  every metric and rule of ${ids.length} communities, no edit:    ${ms(since(start))}`);

  const moves = borderMoves(base, CORE_EDITS);
  const assignOnly: number[] = [];
  const everything: number[] = [];
  for (let k = 0; k < CORE_EDITS; k += 1) {
    const move = moves[k % moves.length];
    const target = Math.floor(k / moves.length) % 2 === 0 ? move.to : move.from;
    start = performance.now();
    evaluator.assign([move.unitId], target);
    assignOnly.push(since(start));
    const metrics = evaluator.allMetrics(context.reach);
    for (const metric of metrics) evaluator.judge(metric.id, context);
    everything.push(since(start));
  }
  console.log(`  one assign edit (incremental sums, perimeter, parts):  ${summary(assignOnly)}`);
  console.log(
    `  one assign + every metric and rule of every community: ${summary(everything)}   target < 50 ms`,
  );
}

async function benchApi(database: Database, regionId: string, label: string): Promise<void> {
  const app = await signedInApp(database);
  const json = async (method: string, url: string, body?: unknown) => {
    const response = await app.request(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, never> & { id: string; version: number }>;
  };
  let start = performance.now();
  const base = await regionScenarioBase(database, regionId);
  console.log(
    `  region base (first use): ${ms(since(start))} — adjacency and baseline geometry in PostGIS ${ms(base.timings.prepareMilliseconds)}, ` +
      `read ${ms(base.timings.readMilliseconds)}` +
      `; ${base.units.length} units, ${base.adjacency.unitA.length} adjacent pairs, ${base.baselineCommunities.length} communities`,
  );
  start = performance.now();
  const { id } = await json('POST', `/api/regions/${regionId}/scenarios`, {
    name: 'bench',
    basedOn: 'baseline',
  });
  console.log(`  create a scenario from the baseline:                   ${ms(since(start))}`);
  start = performance.now();
  await json('GET', `/api/scenarios/${id}/communities?profile=${PROFILE}`);
  console.log(`  first read of its communities (evaluator built):       ${ms(since(start))}`);

  const moves = borderMoves(base, API_SAVES);
  const saves: number[] = [];
  let version = 1;
  for (let k = 0; k < API_SAVES; k += 1) {
    const move = moves[k % moves.length];
    const target = Math.floor(k / moves.length) % 2 === 0 ? move.to : move.from;
    start = performance.now();
    ({ version } = await json('PATCH', `/api/scenarios/${id}`, {
      version,
      edits: [{ op: 'assign', unitIds: [move.unitId], communityId: target }],
    }));
    saves.push(since(start));
  }
  console.log(`  save one assign edit (PATCH, geometry recomputed):     ${summary(saves)}   target < 300 ms`);

  const reads: number[] = [];
  for (let k = 0; k < EXPORTS; k += 1) {
    start = performance.now();
    await json('GET', `/api/scenarios/${id}/communities?profile=${PROFILE}`);
    reads.push(since(start));
  }
  console.log(`  GET communities with metrics and rules:                ${summary(reads)}`);
  for (const format of ['geojson', 'csv', 'shapefile'] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let k = 0; k < EXPORTS; k += 1) {
      start = performance.now();
      const response = await app.request(`/api/scenarios/${id}/export?format=${format}`);
      bytes = (await response.arrayBuffer()).byteLength;
      times.push(since(start));
    }
    console.log(
      `  export ${format.padEnd(9)} (${(bytes / 1024 / 1024).toFixed(1)} MB):                      ${summary(times)}${format === 'geojson' ? '   target < 1 s' : ''}`,
    );
  }
  void label;
}

async function main(): Promise<void> {
  const { scale } = parseScaleArgument(process.argv.slice(2));
  console.log(
    `Scenario benchmark — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores)`,
  );
  let start = performance.now();
  const { files } = generateDemoRegion({ scale });
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-scenario-bench-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text, 'utf8');
  const regionId = (JSON.parse(await readFile(path.join(folder, 'region.json'), 'utf8')) as { id: string })
    .id;
  console.log(`generated in ${ms(since(start))} into ${folder}`);

  try {
    console.log('\nEmbedded PostGIS (PGlite)');
    start = performance.now();
    const embedded = await openEmbeddedDatabase(null);
    try {
      await migrate(embedded);
      const report = await loadRegionFolder(embedded, folder);
      console.log(
        `  open, migrate and load the region: ${ms(since(start))} (${report.counts.units} units, ${report.counts.communities} communities)`,
      );
      await benchApi(embedded, regionId, 'embedded');
      console.log('\ncore/ (ScenarioEvaluator, same units, adjacency and coverage)');
      await benchCore(embedded, await regionScenarioBase(embedded, regionId));
    } finally {
      await embedded.close();
    }

    await benchOnServerIfConfigured(folder, 'the API figures', async (server) => {
      await benchApi(server, regionId, 'server');
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
