import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DijkstraWorkspace,
  nearestOriginTravelSeconds,
  shortestTravelSeconds,
} from '../../core/routing/dijkstra.js';
import { buildRoutingGraph, nodeIndexOf, type RoutingGraph } from '../../core/routing/graph.js';
import {
  edgeClassCostFactor,
  STEPS_COST_FACTOR,
  WALK_SPEED_METERS_PER_SECOND,
} from '../../core/routing/walking-profiles.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { testBackends } from '../support/test-databases.js';

const DEMO_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/geojson/demo');

/** Times must agree to this many seconds; a node this close to the cutoff may be reached by one side only. */
const TOLERANCE_SECONDS = 1e-6;
const CUTOFF_SECONDS = [5 * 60, 15 * 60];

/**
 * pgRouting's edges with the cost core gives them: length × class factor / speed, in seconds, in
 * the same order of operations; the class factor mirrors edgeClassCostFactor.
 */
const PGROUTING_EDGES_SQL = /* SQL */ `
  format(
    'SELECT id, source, target, cost, cost AS reverse_cost FROM (
       SELECT id, source, target, length_meters * (CASE WHEN class = %L THEN %s ELSE 1 END) / %s AS cost
       FROM network_edges WHERE region_id = %L) AS edges',
    'steps', $1::float8, $2::float8, $3::text)`;

const DRIVING_DISTANCE = /* SQL */ `
  SELECT node::float8 AS node, agg_cost AS "aggCost"
  FROM pgr_drivingDistance(${PGROUTING_EDGES_SQL}, $4::bigint, $5::float8, directed => false)`;

const DRIVING_DISTANCE_EQUICOST = /* SQL */ `
  SELECT node::float8 AS node, from_v::float8 AS "fromNode", agg_cost AS "aggCost"
  FROM pgr_drivingDistance(
    ${PGROUTING_EDGES_SQL}, $4::bigint[], $5::float8, directed => false, equicost => true)`;

const postgresBackends = testBackends().filter((backend) => backend.name === 'postgres');

/** Node ids `count` evenly spread over the graph's ascending ids: deterministic, scattered starts. */
function spreadNodeIds(graph: RoutingGraph, count: number): number[] {
  return Array.from(
    { length: count },
    (_, k) => graph.nodeIds[Math.floor(((k + 0.5) * graph.nodeCount) / count)],
  );
}

/**
 * Differences between core's seconds by node index and pgRouting's rows: a time off by more than
 * the tolerance, or a node only one side reached that is not at the cutoff.
 */
function differences(
  graph: RoutingGraph,
  coreSeconds: Float64Array,
  rows: { node: number; aggCost: number }[],
  maxSeconds: number,
) {
  const pgSeconds = new Float64Array(graph.nodeCount).fill(Infinity);
  const problems: string[] = [];
  for (const { node, aggCost } of rows) {
    const index = nodeIndexOf(graph, node);
    if (index < 0) problems.push(`pgRouting reached node ${node}, which core's graph lacks`);
    else pgSeconds[index] = aggCost;
  }
  for (let index = 0; index < graph.nodeCount; index += 1) {
    const [core, pg] = [coreSeconds[index], pgSeconds[index]];
    const bothReached = core < Infinity && pg < Infinity;
    const atCutoff = Math.min(core, pg) >= maxSeconds - TOLERANCE_SECONDS;
    if (bothReached ? Math.abs(core - pg) > TOLERANCE_SECONDS : core !== pg && !atCutoff) {
      problems.push(`node ${graph.nodeIds[index]}: core ${core} s, pgRouting ${pg} s`);
    }
  }
  return problems;
}

describe.each(postgresBackends)('walking times against pgRouting on $name', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let regionId: string;
  let graph: RoutingGraph;
  /** Starts spread over the network, and one at the foot of steps to try their cost factor. */
  let startIds: number[];

  beforeAll(async () => {
    ({ database, dispose } = await backend.open());
    await migrate(database);
    // pgRouting needs PostGIS, which the first migration installs.
    await database.query('CREATE EXTENSION IF NOT EXISTS pgrouting');
    ({ regionId } = await loadRegionFolder(database, DEMO_FOLDER));
    const { rows } = await database.query<{
      source: number;
      target: number;
      lengthMeters: number;
      class: string;
    }>(
      `SELECT source::float8 AS source, target::float8 AS target, length_meters AS "lengthMeters", class
       FROM network_edges WHERE region_id = $1 ORDER BY id`,
      [regionId],
    );
    graph = buildRoutingGraph({
      source: rows.map((row) => row.source),
      target: rows.map((row) => row.target),
      lengthMeters: rows.map((row) => row.lengthMeters),
      costFactor: rows.map((row) => edgeClassCostFactor(row.class)),
    });
    const steps = rows.find((row) => row.class === 'steps');
    if (!steps) throw new Error('the demo network has no steps edge to compare');
    startIds = [...spreadNodeIds(graph, 4), steps.source];
  });
  afterAll(async () => dispose?.());

  const drivingDistance = (startIds: number | number[], speed: number, maxSeconds: number) =>
    database.query<{ node: number; fromNode: number; aggCost: number }>(
      Array.isArray(startIds) ? DRIVING_DISTANCE_EQUICOST : DRIVING_DISTANCE,
      [STEPS_COST_FACTOR, speed, regionId, startIds, maxSeconds],
    );

  describe.each(Object.entries(WALK_SPEED_METERS_PER_SECOND))('%s at %s m/s', (_profile, speed) => {
    it.each(CUTOFF_SECONDS)(
      'gives every start the same times and reached nodes within %i s',
      async (maxSeconds) => {
        const workspace = new DijkstraWorkspace(graph);
        for (const startId of startIds) {
          const seconds = shortestTravelSeconds(
            graph,
            [{ nodeIndex: nodeIndexOf(graph, startId), initialSeconds: 0 }],
            { speedMetersPerSecond: speed, maxSeconds },
            workspace,
          );
          const { rows } = await drivingDistance(startId, speed, maxSeconds);
          expect(rows.length).toBeGreaterThan(1);
          expect(differences(graph, seconds, rows, maxSeconds), `from node ${startId}`).toEqual([]);
        }
      },
    );

    it.each(CUTOFF_SECONDS)(
      'assigns every node to its nearest start as equicost does within %i s',
      async (maxSeconds) => {
        const options = { speedMetersPerSecond: speed, maxSeconds };
        const origins = startIds.map((id) => [{ nodeIndex: nodeIndexOf(graph, id), initialSeconds: 0 }]);
        const { secondsByNode, originByNode } = nearestOriginTravelSeconds(graph, origins, options);
        const { rows } = await drivingDistance(startIds, speed, maxSeconds);
        expect(differences(graph, secondsByNode, rows, maxSeconds)).toEqual([]);

        // Ties may go to different starts: each side's choice must reach the node in the shared time.
        const singles = origins.map((sources) => shortestTravelSeconds(graph, sources, options));
        const wrongStarts = rows.filter(({ node, fromNode, aggCost }) => {
          const index = nodeIndexOf(graph, node);
          const coreChoice = singles[originByNode[index]][index];
          const pgChoice = singles[startIds.indexOf(fromNode)][index];
          return (
            Math.abs(coreChoice - aggCost) > TOLERANCE_SECONDS ||
            Math.abs(pgChoice - aggCost) > TOLERANCE_SECONDS
          );
        });
        expect(wrongStarts).toEqual([]);
      },
    );
  });
});
