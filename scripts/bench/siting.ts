/**
 * Facility siting benchmark (maximal covering location, core/siting): figures printed, nothing
 * asserted.
 *
 *   npm run bench:siting                       # demo region at --scale 20, no database
 *   npm run bench:siting -- --scale 5          # another size
 *
 * One category, kindergartens: 5 new sites chosen among every node of the walking network, demand
 * the units' children, the region's kindergartens kept. The tier asked for is 15 minutes at
 * 1.0 m/s (the tool's default speed); the catalogue's own tier for kindergartens (5 minutes, GB
 * 50180-2018) is run too, since at 15 minutes the kept kindergartens leave little to cover. Each
 * tier is solved plain and capacitated (270 children a site, the demo's 9-class kindergartens), by
 * the heuristic with its Lagrangian bound, then — where the reduced problem is small enough — with
 * HiGHS handed in as the exact engine.
 */

import loadHighs from 'highs';
import os from 'node:os';
import { buildAccessibilityModel } from '../../core/accessibility/accessibility-model.js';
import { accessibilityInputFromGeoJson } from '../../core/accessibility/region-geojson-input.js';
import { siteFacilities, type MilpSolver, type SitingResult } from '../../core/siting/maximal-covering.js';
import { networkNodeCandidates } from '../../core/siting/siting-candidates.js';
import { buildNetworkSitingInput } from '../../core/siting/siting-coverage.js';
import { FACILITY_CATEGORIES } from '../../core/standards/facility-categories.js';
import { parseScaleArgument } from './bench-support.js';
import { demoRegionFiles } from './demo-region-layers.js';

const CATEGORY = 'kindergarten';
const SITES = 5;
const SPEED_METERS_PER_SECOND = 1.0;
const ASKED_TIER_MINUTES = 15;
/** Places of one new kindergarten: the demo's kindergartens have 180–270 (6–9 classes of 30). */
const CAPACITY = 270;
/** Largest reduced problem (candidate–demand pairs) handed to HiGHS, and its time limit. */
const MILP_MAX_PAIRS = 200_000;
const MILP_SECONDS = 60;

const since = (start: number) => performance.now() - start;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const count = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: 1 }).replace(/,/g, ' ');
const share = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(2)} %` : '–');

function report(label: string, result: SitingResult, milliseconds: number): void {
  const gain = result.coveredAfter - result.coveredBefore;
  console.log(`    ${label}: ${seconds(milliseconds)}, engine ${result.engine}`);
  console.log(
    `      covered before ${count(result.coveredBefore)} of ${count(result.demandTotal)} (${share(result.coveredBefore, result.demandTotal)}), ` +
      `after ${count(result.coveredAfter)} (${share(result.coveredAfter, result.demandTotal)}): +${count(gain)}`,
  );
  console.log(
    `      bound ${count(result.upperBound)}, gap ${count(result.gap)} ` +
      `(${(result.relativeGap * 100).toFixed(2)} % of the best possible gain), proved optimal: ${result.provedOptimal}`,
  );
  console.log(
    `      sites (candidate: gain / credited): ${result.sites
      .map((site) => `${site.candidate}: ${count(site.gainWeight)} / ${count(site.servedWeight)}`)
      .join(', ')}`,
  );
}

async function main(): Promise<void> {
  const { scale } = parseScaleArgument(process.argv.slice(2));
  console.log(
    `Facility siting benchmark — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores)`,
  );
  const files = await demoRegionFiles(scale);
  let start = performance.now();
  const layers = {
    network: JSON.parse(files['network.geojson']),
    units: JSON.parse(files['units.geojson']),
    facilities: JSON.parse(files['facilities.geojson']),
    communities: JSON.parse(files['communities.geojson']),
    water: JSON.parse(files['water.geojson']),
  };
  const childrenById = new Map<string, number>(
    layers.units.features.map((feature: { properties: { id: string; children: number } }) => [
      feature.properties.id,
      feature.properties.children,
    ]),
  );
  const model = buildAccessibilityModel(accessibilityInputFromGeoJson(layers));
  console.log(
    `walking model: ${model.graph.nodeCount} nodes, ${model.graph.edgeCount} edges, ${model.units.length} units, ` +
      `${model.facilities.length} facilities (parsed and built in ${seconds(since(start))})`,
  );

  const demandByUnit = Float64Array.from(model.units, (unit) => childrenById.get(unit.id) ?? 0);
  const kept = (model.facilityIndexesByCategory.get(CATEGORY) ?? []).map(
    (index) => model.facilitySnaps[index],
  );
  start = performance.now();
  const candidates = networkNodeCandidates(model);
  console.log(
    `${candidates.edge.length} candidates (every network node) in ${seconds(since(start))}; ` +
      `demand: ${count(demandByUnit.reduce((sum, value) => sum + value, 0))} children; ${kept.length} kindergartens kept`,
  );

  const highs = (await loadHighs()) as unknown as MilpSolver;
  const catalogueTier = FACILITY_CATEGORIES[CATEGORY].tierMinutes!;
  for (const tierMinutes of [ASKED_TIER_MINUTES, catalogueTier]) {
    const basis =
      tierMinutes === ASKED_TIER_MINUTES ? 'the tier asked for' : `the catalogue's tier for ${CATEGORY}s`;
    console.log(
      `\n${tierMinutes}-minute tier (${basis}) at ${SPEED_METERS_PER_SECOND} m/s, ${SITES} new sites:`,
    );
    start = performance.now();
    const input = buildNetworkSitingInput(model, {
      demandByUnit,
      candidates,
      tierMinutes,
      speedMetersPerSecond: SPEED_METERS_PER_SECOND,
      existing: kept,
    });
    const pairs = input.coverDemand.length;
    console.log(
      `  covering sets: ${seconds(since(start))} (${input.searchedDemandCount} units searched from, ${count(pairs)} candidate–unit pairs)`,
    );
    for (const capacity of [null, CAPACITY]) {
      const variant = capacity === null ? 'plain' : `capacitated, ${capacity} children a site`;
      console.log(`  ${variant}:`);
      start = performance.now();
      const heuristic = siteFacilities(input, { count: SITES, capacity });
      report('heuristic + Lagrangian bound', heuristic, since(start));
      console.log(
        `      reduced to ${count(heuristic.reduced.demandPoints)} demand groups × ${count(heuristic.reduced.candidates)} candidates, ${count(heuristic.reduced.coverPairs)} pairs`,
      );
      if (heuristic.provedOptimal) continue;
      if (heuristic.reduced.coverPairs > MILP_MAX_PAIRS) {
        console.log(
          `    HiGHS not run: the reduced problem has ${count(heuristic.reduced.coverPairs)} pairs, over the ${count(MILP_MAX_PAIRS)} this bench hands it`,
        );
        continue;
      }
      start = performance.now();
      const exact = siteFacilities(input, {
        count: SITES,
        capacity,
        milp: { solver: highs, maxNonZeros: MILP_MAX_PAIRS, timeLimitSeconds: MILP_SECONDS },
      });
      report(`with HiGHS as the exact engine (${MILP_SECONDS} s at most)`, exact, since(start));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
