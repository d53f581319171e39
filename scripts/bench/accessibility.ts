/**
 * Accessibility engine benchmark (issue 3 "Speed"): figures printed, nothing asserted.
 *
 *   npm run bench:accessibility                       # demo region at --scale 20, in memory
 *   npm run bench:accessibility -- --scale 5          # another size
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:accessibility
 *                                                     # + the pgRouting comparison
 *
 * See scripts/bench/README.md for the targets.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildAccessibilityModel } from '../../core/accessibility/accessibility-model.js';
import type { AccessibilityInput, AccessibilityModel } from '../../core/accessibility/accessibility-types.js';
import { computeCoverage, defaultTierTable } from '../../core/accessibility/coverage.js';
import {
  computeCompletenessHeatmap,
  computeTravelTimeHeatmap,
  prefillCellSnaps,
} from '../../core/accessibility/heatmap.js';
import { computeIsochrones, isochronesFromSnaps } from '../../core/accessibility/isochrones.js';
import { accessibilityInputFromGeoJson } from '../../core/accessibility/region-geojson-input.js';
import { computeServiceRadii } from '../../core/accessibility/service-radii.js';
import { nearestOriginTravelSeconds, shortestTravelSeconds } from '../../core/routing/dijkstra.js';
import { nodeIndexOf, routingGraphMemoryBytes } from '../../core/routing/graph.js';
import { STEPS_COST_FACTOR } from '../../core/routing/walking-profiles.js';
import { generateDemoRegion } from '../demo-region/generate.js';
import { collectGarbage, parseScaleArgument, withThrowawayServerDatabase } from './bench-support.js';

const SPEED = 1.0;
const MINUTES = [5, 10, 15];
const SAMPLE_FACILITIES = 50;

const milliseconds = (start: number) => performance.now() - start;
const format = (value: number, digits = 1) => value.toFixed(digits);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function heapBytes(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Facilities spread over the region: every n-th in file order (the file is sorted by category). */
function spreadFacilities(model: AccessibilityModel, count: number): number[] {
  const step = model.facilities.length / count;
  return Array.from({ length: count }, (_, k) => Math.floor((k + 0.5) * step));
}

async function main(): Promise<void> {
  const { scale } = parseScaleArgument(process.argv.slice(2));
  const started = performance.now();
  console.log(
    `Accessibility benchmark — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores)`,
  );

  let start = performance.now();
  const { files, summary } = generateDemoRegion({ scale });
  // Parsed layers go out of scope after the conversion, so the timings below are not paced by
  // collections of a few hundred megabytes of GeoJSON objects.
  let input: AccessibilityInput | null = (() => {
    const layers = {
      network: JSON.parse(files['network.geojson']),
      units: JSON.parse(files['units.geojson']),
      facilities: JSON.parse(files['facilities.geojson']),
      communities: JSON.parse(files['communities.geojson']),
      water: JSON.parse(files['water.geojson']),
    };
    return accessibilityInputFromGeoJson(layers);
  })();
  console.log(
    `region ${summary.regionId}: ${summary.counts.networkEdges} edges, ${summary.counts.networkNodes} nodes, ` +
      `${summary.counts.units} units, ${summary.counts.facilities} facilities, ${summary.counts.communities} communities ` +
      `(generated and parsed in ${format(milliseconds(start), 0)} ms)`,
  );

  const heapBefore = heapBytes();
  start = performance.now();
  const model = buildAccessibilityModel(input);
  const buildMilliseconds = milliseconds(start);
  // The model keeps what it needs (units, facilities); dropping the input lets the polylines go
  // before the heap is measured.
  // eslint-disable-next-line no-useless-assignment
  input = null;
  const heapAfter = heapBytes();
  const graphBytes = routingGraphMemoryBytes(model.graph);
  const snapIndexBytes =
    model.snapIndex.vertexOffsets.byteLength +
    model.snapIndex.coordinates.byteLength +
    model.snapIndex.segmentEdge.byteLength +
    (model.snapIndex.tree.data as ArrayBuffer).byteLength;
  const planeBytes = Object.values(model.plane).reduce(
    (bytes, value) => bytes + (ArrayBuffer.isView(value) ? value.byteLength : 0),
    0,
  );
  const unitBytes =
    Object.values(model.unitArrays).reduce(
      (bytes, value) => bytes + (ArrayBuffer.isView(value) ? value.byteLength : 0),
      0,
    ) +
    model.unitArrays.buckets.offsets.byteLength +
    model.unitArrays.buckets.points.byteLength;
  // DijkstraWorkspace: seconds (8) + origin (4) + heap items/keys/positions (4 + 8 + 4) + touched (4) per node.
  const workspaceBytes = 32 * model.graph.nodeCount;
  console.log(`\nmodel build: ${format(buildMilliseconds, 0)} ms`);
  console.log(`  routing graph (routingGraphMemoryBytes)   ${megabytes(graphBytes)}   [target < 100 MB]`);
  console.log(`  snap index (R-tree + polylines)           ${megabytes(snapIndexBytes)}`);
  console.log(`  metric-plane geometry                     ${megabytes(planeBytes)}`);
  console.log(`  unit arrays                               ${megabytes(unitBytes)}`);
  console.log(`  Dijkstra workspace                        ${megabytes(workspaceBytes)}`);
  console.log(
    `  JS heap + array buffers grown by the build ${megabytes(heapAfter - heapBefore)} (incl. snapped-point objects)`,
  );

  // --- One facility's 5/10/15-minute isochrones -------------------------------------------------
  const sample = spreadFacilities(model, SAMPLE_FACILITIES);
  const request = { minutes: MINUTES, speedMetersPerSecond: SPEED, mode: 'rings' as const };
  const runOne = (index: number) => {
    const t = performance.now();
    const bands = computeIsochrones(model, { ...request, origins: [model.facilities[index].position] });
    return { ms: milliseconds(t), bands };
  };
  const coldTimes = sample.map((index) => runOne(index).ms);
  const warm = sample.map((index) => runOne(index));
  const warmTimes = warm.map((result) => result.ms);
  const slowest = warmTimes.indexOf(Math.max(...warmTimes));
  const vertices = warm.map((result) =>
    result.bands.reduce((sum, band) => sum + band.geometry.flat(2).length, 0),
  );
  console.log(
    `\none facility's 5/10/15-min isochrones (rings, polygons + residents), ${SAMPLE_FACILITIES} facilities spread over the region:`,
  );
  console.log(
    `  first query near each (cell snaps being cached): median ${format(quantile(coldTimes, 0.5), 2)} ms, p95 ${format(quantile(coldTimes, 0.95), 2)} ms`,
  );
  console.log(
    `  repeated (cached cell snaps):                    median ${format(quantile(warmTimes, 0.5), 2)} ms, p95 ${format(quantile(warmTimes, 0.95), 2)} ms   [target < 10 ms]`,
  );
  const example = warm[0].bands;
  console.log(
    `  e.g. ${model.facilities[sample[0]].id}: ` +
      example
        .map(
          (band) =>
            `${band.fromMinutes}–${band.minutes} min ${Math.round(band.residents)} residents, ${format(band.areaSquareMeters / 1e4, 1)} ha`,
        )
        .join('; ') +
      `; median ${Math.round(quantile(vertices, 0.5))} vertices per request`,
  );
  console.log(
    `  slowest repeated: ${model.facilities[sample[slowest]].id} ${format(warmTimes[slowest], 2)} ms ` +
      `(${vertices[slowest]} vertices, ${Math.round(warm[slowest].bands[2].residents)} residents within 15 min)`,
  );

  // --- Every facility's isochrones ------------------------------------------------------------
  start = performance.now();
  let totalResidents = 0;
  for (let index = 0; index < model.facilities.length; index += 1) {
    const bands = isochronesFromSnaps(model, [model.facilitySnaps[index]], request);
    totalResidents += bands[bands.length - 1].residents;
  }
  const everySeparately = milliseconds(start);
  start = performance.now();
  const allAtOnce = isochronesFromSnaps(model, model.facilitySnaps, request);
  const allAtOnceMs = milliseconds(start);
  const kindergartens = model.facilityIndexesByCategory.get('kindergarten') ?? [];
  start = performance.now();
  isochronesFromSnaps(
    model,
    kindergartens.map((index) => model.facilitySnaps[index]),
    request,
  );
  const categoryAtOnceMs = milliseconds(start);
  console.log(`\nevery facility's isochrones (${model.facilities.length} facilities):`);
  console.log(
    `  each facility separately (${model.facilities.length} requests): ${format(everySeparately, 0)} ms total, ` +
      `${format(everySeparately / model.facilities.length, 2)} ms each   [target < 1 s; see README]`,
  );
  console.log(
    `  all facilities as one multi-origin request:  ${format(allAtOnceMs, 1)} ms (${allAtOnce.reduce((sum, band) => sum + band.geometry.length, 0)} polygons)`,
  );
  console.log(
    `  all ${kindergartens.length} kindergartens as one request:   ${format(categoryAtOnceMs, 1)} ms`,
  );
  void totalResidents;

  // --- Service radii ----------------------------------------------------------------------------
  const radiusTimes = sample.map((index) => {
    const t = performance.now();
    computeServiceRadii(model, { ...request, origins: [model.facilities[index].position] });
    return milliseconds(t);
  });
  start = performance.now();
  computeServiceRadii(model, {
    ...request,
    origins: kindergartens.map((index) => model.facilities[index].position),
  });
  console.log(
    `\nservice radii 300/500/1000 m: one facility median ${format(quantile(radiusTimes, 0.5), 2)} ms; ` +
      `all ${kindergartens.length} kindergartens ${format(milliseconds(start), 1)} ms`,
  );

  console.log(
    `\ncell-snap cache after the isochrones (20 m tiles touched, 40 m for region-wide requests): ${megabytes(model.cellSnapCache.memoryBytes)}`,
  );

  // --- Heat maps ------------------------------------------------------------------------------
  model.cellSnapCache.clear();
  start = performance.now();
  const coldHeatmap = computeTravelTimeHeatmap(model, {
    category: 'kindergarten',
    speedMetersPerSecond: SPEED,
  });
  const coldHeatmapMs = milliseconds(start);
  const warmHeatmapTimes = [0, 1, 2].map(() => {
    const t = performance.now();
    computeTravelTimeHeatmap(model, { category: 'kindergarten', speedMetersPerSecond: SPEED });
    return milliseconds(t);
  });
  let reachedCells = 0;
  for (const value of coldHeatmap.minutes) if (!Number.isNaN(value)) reachedCells += 1;
  const grid50 = model.cellSnapCache.grid(model, 50);
  console.log(
    `\n50 m travel-time heat map, kindergarten, whole region (${coldHeatmap.columns} × ${coldHeatmap.rows} = ` +
      `${coldHeatmap.columns * coldHeatmap.rows} cells, ${reachedCells} within 30 min):`,
  );
  console.log(`  cold (cell snaps computed): ${format(coldHeatmapMs, 0)} ms   [target < 500 ms]`);
  console.log(
    `  warm (cell snaps cached):   ${format(quantile(warmHeatmapTimes, 0.5), 0)} ms   [target < 500 ms]`,
  );
  console.log(`  cell-snap cache at 50 m: ${megabytes(grid50.memoryBytes)}`);
  start = performance.now();
  const completeness = computeCompletenessHeatmap(model, {
    tiers: defaultTierTable(),
    speedMetersPerSecond: SPEED,
  });
  console.log(
    `  completeness heat map (${completeness.categories.length} required categories): ${format(milliseconds(start), 0)} ms`,
  );

  // --- Coverage -------------------------------------------------------------------------------
  start = performance.now();
  const coverage = computeCoverage(model, { tiers: defaultTierTable(), speedMetersPerSecond: SPEED });
  const coverageMs = milliseconds(start);
  console.log(
    `\ncoverage of all ${coverage.region.categories.length} tiered categories, ${coverage.communities.length} communities: ${format(coverageMs, 0)} ms`,
  );
  for (const category of coverage.region.categories.slice(0, 4)) {
    console.log(
      `  ${category.category.padEnd(16)} ${category.tierMinutes} min: ${format(100 * (category.coveredShare ?? 0), 1)} % of residents`,
    );
  }
  model.cellSnapCache.clear();
  start = performance.now();
  const prefilledBytes = prefillCellSnaps(model);
  console.log(
    `\nprefillCellSnaps (whole region at 20 m and 50 m, e.g. at server start): ${format(milliseconds(start), 0)} ms, ${megabytes(prefilledBytes)}`,
  );

  // --- pgRouting ----------------------------------------------------------------------------
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) await comparePgRouting(databaseUrl, model, files, summary.regionId);
  else {
    console.log(
      '\npgRouting comparison skipped: DATABASE_URL is not set. Run it against PostgreSQL with pgRouting, e.g.',
    );
    console.log('  DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:accessibility');
  }
  console.log(`\ntotal bench time ${format(milliseconds(started) / 1000, 1)} s`);
}

/**
 * The same multi-source query both ways: all kindergartens (each started at the nearer end node
 * of its snapped edge, as pgr_drivingDistance starts at vertices), 15 minutes, undirected, with the
 * cost expression of tests/api/routing-pgrouting.server-only.test.ts.
 */
async function comparePgRouting(
  serverUrl: string,
  model: AccessibilityModel,
  files: Record<string, string>,
  regionId: string,
): Promise<void> {
  const { migrate } = await import('../../server/src/db/migrate.js');
  const { loadRegionFolder } = await import('../../server/src/db/load-region.js');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-bench-'));
  try {
    await withThrowawayServerDatabase(serverUrl, async (database, databaseName) => {
      console.log(`\npgRouting comparison (fresh database ${databaseName}):`);
      for (const [name, text] of Object.entries(files))
        await writeFile(path.join(folder, name), text, 'utf8');
      let start = performance.now();
      await migrate(database);
      await database.query('CREATE EXTENSION IF NOT EXISTS pgrouting');
      await loadRegionFolder(database, folder);
      console.log(`  migrated and loaded ${regionId} in ${format(milliseconds(start) / 1000, 1)} s`);

      const { graph } = model;
      const category = 'kindergarten';
      const maxSeconds = 15 * 60;
      const startNodeIds = [
        ...new Set(
          (model.facilityIndexesByCategory.get(category) ?? []).map((index) => {
            const snap = model.facilitySnaps[index];
            const edge = snap.edgeIndex;
            const node =
              snap.offsetMeters <= graph.edgeLengthMeters[edge] / 2
                ? graph.edgeSource[edge]
                : graph.edgeTarget[edge];
            return graph.nodeIds[node];
          }),
        ),
      ];
      const origins = startNodeIds.map((id) => [{ nodeIndex: nodeIndexOf(graph, id), initialSeconds: 0 }]);
      const options = { speedMetersPerSecond: SPEED, maxSeconds };
      const coreTimes: number[] = [];
      let coreSeconds = new Float64Array(0);
      for (let run = 0; run < 5; run += 1) {
        start = performance.now();
        coreSeconds = nearestOriginTravelSeconds(
          graph,
          origins,
          options,
          model.workspace,
        ).secondsByNode.slice();
        coreTimes.push(milliseconds(start));
      }
      const edgesSql = /* SQL */ `
          format(
            'SELECT id, source, target, cost, cost AS reverse_cost FROM (
               SELECT id, source, target, length_meters * (CASE WHEN class = %L THEN %s ELSE 1 END) / %s AS cost
               FROM network_edges WHERE region_id = %L) AS edges',
            'steps', $1::float8, $2::float8, $3::text)`;
      const equicostSql = /* SQL */ `
        SELECT node::float8 AS node, from_v::float8 AS "fromNode", agg_cost AS "aggCost"
        FROM pgr_drivingDistance(${edgesSql}, $4::bigint[], $5::float8, directed => false, equicost => true)`;
      // Without equicost pgRouting returns every start's own tree; the minimum per node is the exact answer.
      const minimumSql = /* SQL */ `
        SELECT node::float8 AS node, min(agg_cost) AS "aggCost"
        FROM pgr_drivingDistance(${edgesSql}, $4::bigint[], $5::float8, directed => false, equicost => false)
        GROUP BY node`;
      const parameters = [STEPS_COST_FACTOR, SPEED, regionId, startNodeIds, maxSeconds];
      const pgTimes: number[] = [];
      let rows: { node: number; fromNode: number; aggCost: number }[] = [];
      for (let run = 0; run < 3; run += 1) {
        start = performance.now();
        ({ rows } = await database.query<{ node: number; fromNode: number; aggCost: number }>(
          equicostSql,
          parameters,
        ));
        pgTimes.push(milliseconds(start));
      }
      start = performance.now();
      const { rows: minimumRows } = await database.query<{ node: number; aggCost: number }>(
        minimumSql,
        parameters,
      );
      const minimumMs = milliseconds(start);

      const compare = (pgRows: { node: number; aggCost: number }[]) => {
        const pgSeconds = new Float64Array(graph.nodeCount).fill(Infinity);
        for (const { node, aggCost } of pgRows) pgSeconds[nodeIndexOf(graph, node)] = aggCost;
        const differing: number[] = [];
        let identical = 0;
        for (let node = 0; node < graph.nodeCount; node += 1) {
          if (coreSeconds[node] === pgSeconds[node]) identical += coreSeconds[node] < Infinity ? 1 : 0;
          else differing.push(node);
        }
        return { pgSeconds, identical, differing };
      };
      const equicost = compare(rows);
      const minimum = compare(minimumRows);
      // Where equicost differs, check which start pgRouting kept: the time from that start alone.
      const fromNodeOf = new Map(rows.map((row) => [row.node, row.fromNode]));
      let fartherStart = 0;
      let largestExcess = 0;
      for (const node of equicost.differing) {
        const fromNode = fromNodeOf.get(graph.nodeIds[node]);
        if (fromNode === undefined || !(coreSeconds[node] < Infinity)) continue;
        const single = shortestTravelSeconds(
          graph,
          [{ nodeIndex: nodeIndexOf(graph, fromNode), initialSeconds: 0 }],
          options,
          model.workspace,
        );
        if (single[node] === equicost.pgSeconds[node] && single[node] > coreSeconds[node]) {
          fartherStart += 1;
          largestExcess = Math.max(largestExcess, single[node] - coreSeconds[node]);
        }
      }
      const coreMedian = quantile(coreTimes, 0.5);
      const pgMedian = quantile(pgTimes, 0.5);
      console.log(
        `  query: all ${startNodeIds.length} ${category} start nodes, ${maxSeconds / 60} min, undirected`,
      );
      console.log(`  core multi-source Dijkstra: ${format(coreMedian, 1)} ms (median of 5)`);
      console.log(
        `  pgr_drivingDistance(equicost => true): ${format(pgMedian, 1)} ms (median of 3, incl. the edge query and ${rows.length} rows)`,
      );
      console.log(`  ratio: core is ${format(pgMedian / coreMedian, 1)}× faster   [target ≥ 10×]`);
      console.log(
        `  node times vs equicost: ${equicost.identical} reached nodes bit-identical, ${equicost.differing.length} differ` +
          (equicost.differing.length > 0
            ? `; in ${fartherStart} of them pgRouting kept a farther start (its agg_cost is the walk from its from_v, up to ${format(largestExcess, 2)} s longer than from the nearest start)`
            : ' — every node identical'),
      );
      console.log(
        `  node times vs min(agg_cost) per node of equicost => false (${format(minimumMs, 0)} ms): ${minimum.identical} reached nodes bit-identical, ${minimum.differing.length} differ`,
      );
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
