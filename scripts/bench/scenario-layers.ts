/**
 * Scenario facilities, paths and siting benchmark (issue 11): figures printed, nothing asserted.
 *
 *   npm run bench:scenario-layers                  # demo region at --scale 20, embedded PostGIS
 *   npm run bench:scenario-layers -- --scale 5     # another size
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:scenario-layers
 *                                                  # + the same through the API on the PostgreSQL server
 *
 * Targets (product spec): a facility added in a scenario → its new coverage on screen < 300 ms (the
 * save and the coverage read that follows it); siting 5 sites over every network-node candidate in a
 * few seconds, with the gap to the bound.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import loadHighs from 'highs';
import { defaultTierTable } from '../../core/accessibility/coverage.js';
import { demandGroupOf, unitDemand } from '../../core/accessibility/demand-groups.js';
import { siteFacilities, type MilpSolver } from '../../core/siting/maximal-covering.js';
import { networkNodeCandidates } from '../../core/siting/siting-candidates.js';
import { buildNetworkSitingInput } from '../../core/siting/siting-coverage.js';
import { regionAccessibility } from '../../server/src/accessibility/region-models.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { apiCaller, benchOnServerIfConfigured, parseScaleArgument, signedInApp } from './bench-support.js';
import { demoRegionFiles } from './demo-region-layers.js';

const FACILITY_EDITS = 12;
const SITES = 5;
const CATEGORY = 'kindergarten';

const since = (start: number) => performance.now() - start;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(sorted.at(-1)!)} (${values.length} runs)`;
}

async function benchApi(database: Database, regionId: string): Promise<void> {
  const app = await signedInApp(database);
  const request = apiCaller(app);

  let start = performance.now();
  const { id } = (await request('POST', `/api/regions/${regionId}/scenarios`, { name: 'bench' })).json();
  console.log(`  create a scenario (the region's scenario base on first use):  ${ms(since(start))}`);
  start = performance.now();
  const regionCoverage = (await request('GET', `/api/regions/${regionId}/coverage`)).json();
  console.log(`  region coverage, first (walking model built):            ${ms(since(start))}`);
  start = performance.now();
  const warm = await request('GET', `/api/scenarios/${id}/coverage`);
  console.log(
    `  scenario coverage before any layer edit (${(warm.bytes / 1e6).toFixed(1)} MB):      ${ms(since(start))}`,
  );

  // Kindergartens where homes lack one: the access points of uncovered units, spread over the list.
  const uncovered: string[] = regionCoverage.uncoveredUnitIds[CATEGORY];
  const units = (await request('GET', `/api/regions/${regionId}/units`)).json().features as {
    properties: { id: string; accessPoint: [number, number] };
  }[];
  const accessPoint = new Map(units.map((unit) => [unit.properties.id, unit.properties.accessPoint]));
  const stride = Math.max(1, Math.floor(uncovered.length / FACILITY_EDITS));
  const spots = Array.from({ length: FACILITY_EDITS }, (_, k) => accessPoint.get(uncovered[k * stride])!);

  let version = 1;
  const saves: number[] = [];
  const reads: number[] = [];
  const totals: number[] = [];
  let covered = 0;
  for (const [k, position] of spots.entries()) {
    start = performance.now();
    ({ version } = (
      await request('PATCH', `/api/scenarios/${id}`, {
        version,
        edits: [
          {
            op: 'add-facility',
            facility: { id: `f-bench-${k}`, name: `新幼儿园 ${k}`, category: CATEGORY, position },
          },
        ],
      })
    ).json());
    const saved = since(start);
    const read = performance.now();
    // What the screen asks after a facility edit: its category's coverage (the others did not change).
    const coverage = (await request('GET', `/api/scenarios/${id}/coverage?categories=${CATEGORY}`)).json();
    reads.push(since(read));
    saves.push(saved);
    totals.push(since(start));
    covered = coverage.region.categories.find(
      (entry: { category: string }) => entry.category === CATEGORY,
    ).coveredResidents;
  }
  const before = regionCoverage.region.categories.find(
    (entry: { category: string }) => entry.category === CATEGORY,
  ).coveredResidents;
  console.log(`  add-facility save (PATCH):                               ${summary(saves)}`);
  console.log(`  then GET coverage of its category, per community:        ${summary(reads)}`);
  console.log(
    `  facility added → new coverage, save + read:              ${summary(totals)}   target < 300 ms`,
  );
  console.log(
    `    (kindergarten coverage ${before} → ${covered} residents after ${FACILITY_EDITS} new ones)`,
  );

  start = performance.now();
  const full = await request('GET', `/api/scenarios/${id}/coverage`);
  console.log(
    `  GET coverage of every category (${(full.bytes / 1e6).toFixed(1)} MB, uncovered unit ids included): ${ms(since(start))}`,
  );
  start = performance.now();
  await request('GET', `/api/scenarios/${id}/communities`);
  console.log(`  then GET communities (metrics and rules on the new reach):  ${ms(since(start))}`);
  start = performance.now();
  ({ version } = (
    await request('PATCH', `/api/scenarios/${id}`, {
      version,
      edits: [{ op: 'move-facility', facilityId: 'f-bench-0', position: spots[1] }],
    })
  ).json());
  await request('GET', `/api/scenarios/${id}/coverage`);
  console.log(`  move-facility → new coverage (its category searched anew):  ${ms(since(start))}`);
  const edge = (await request('GET', `/api/regions/${regionId}/network`)).json().features[0];
  start = performance.now();
  await request('PATCH', `/api/scenarios/${id}`, {
    version,
    edits: [{ op: 'close-path', edgeIds: [edge.id] }],
  });
  const saved = since(start);
  await request('GET', `/api/scenarios/${id}/coverage`);
  console.log(
    `  close-path → new coverage (network rebuilt once):        ${ms(since(start))} (save ${ms(saved)})`,
  );
  start = performance.now();
  await request('GET', `/api/scenarios/${id}/coverage`);
  console.log(`  coverage again on that network (cached):                 ${ms(since(start))}`);

  for (const capacity of [undefined, 200]) {
    start = performance.now();
    const siting = (
      await request('POST', `/api/scenarios/${id}/siting`, {
        category: CATEGORY,
        count: SITES,
        candidates: 'network',
        ...(capacity ? { capacity } : {}),
      })
    ).json();
    const { demand, candidates, reduced } = siting;
    console.log(
      `  siting ${SITES} ${CATEGORY}s over every network node${capacity ? `, capacity ${capacity}` : ''} (API): ${ms(since(start))}` +
        ` — ${candidates.considered} candidates (${reduced.candidates} distinct), covered ${demand.coveredBefore} → ${demand.coveredAfter}` +
        ` of ${demand.total} children 3–6, bound ${demand.upperBound}, gap ${demand.gap} (${(demand.relativeGap * 100).toFixed(2)} % of the best gain), ${demand.engine}${demand.provedOptimal ? ', proved optimal' : ''}`,
    );
  }
}

/** Siting in core/ on the region's own model: candidates, covering sets and the solve, each timed. */
async function benchCoreSiting(database: Database, regionId: string): Promise<void> {
  const { model, unitAges } = await regionAccessibility(database, regionId);
  const group = demandGroupOf(CATEGORY);
  const demandByUnit = Float64Array.from(model.units, (unit, index) =>
    unitDemand(
      { residents: unit.residents, children: unitAges.children[index], elderly: unitAges.elderly[index] },
      group,
    ),
  );
  let start = performance.now();
  const candidates = networkNodeCandidates(model);
  console.log(`  ${candidates.edge.length} network-node candidates:                  ${ms(since(start))}`);
  start = performance.now();
  const input = buildNetworkSitingInput(model, {
    demandByUnit,
    candidates,
    tierMinutes: defaultTierTable()[CATEGORY]!,
    speedMetersPerSecond: 1,
    existing: (model.facilityIndexesByCategory.get(CATEGORY) ?? []).map(
      (index) => model.facilitySnaps[index],
    ),
  });
  console.log(
    `  covering sets (${input.searchedDemandCount} units searched, ${input.coverDemand.length} pairs): ${ms(since(start))}`,
  );
  const highs = (await loadHighs()) as unknown as MilpSolver;
  for (const capacity of [null, 200]) {
    start = performance.now();
    const result = siteFacilities(input, { count: SITES, capacity, milp: { solver: highs } });
    console.log(
      `  solve ${SITES} sites${capacity ? `, capacity ${capacity}` : ''}: ${ms(since(start))} — ${result.engine}, gap ${result.gap.toFixed(1)} (${(result.relativeGap * 100).toFixed(2)} %), reduced to ${result.reduced.demandPoints} demand points × ${result.reduced.candidates} candidates`,
    );
  }
}

async function main(): Promise<void> {
  const { scale } = parseScaleArgument(process.argv.slice(2));
  console.log(
    `Scenario facilities, paths and siting — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores)`,
  );
  let start = performance.now();
  const files = await demoRegionFiles(scale);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-layers-bench-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text, 'utf8');
  const regionId = (JSON.parse(files['region.json']) as { id: string }).id;
  console.log(`region files ready in ${ms(since(start))}`);
  try {
    console.log('\nEmbedded PostGIS (PGlite)');
    start = performance.now();
    const embedded = await openEmbeddedDatabase(null);
    try {
      await migrate(embedded);
      const report = await loadRegionFolder(embedded, folder);
      console.log(
        `  open, migrate and load: ${ms(since(start))} (${report.counts.units} units, ${report.counts.facilities} facilities)`,
      );
      await benchApi(embedded, regionId);
      console.log('\ncore/siting on the region (no API)');
      await benchCoreSiting(embedded, regionId);
    } finally {
      await embedded.close();
    }
    await benchOnServerIfConfigured(folder, 'the API figures', (server) => benchApi(server, regionId));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
