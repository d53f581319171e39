/**
 * The check that core/routing's walking times equal pgRouting's `pgr_drivingDistance` (undirected)
 * on the same edges, to the second: shared by the tests of each network it is run on (the demo,
 * the Guixi extract). It needs the PostgreSQL server with pgRouting (`*.server-only.test.ts`).
 */
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
import { testBackends } from './test-databases.js';

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

/**
 * The nearest start of every node by pgRouting: each start's tree (`equicost => false` lists a node
 * once per start reaching it), keeping per node the start with the least cost. pgRouting 3.4's own
 * `equicost => true` is no reference: it keeps whichever start reached a node first in its start
 * order, not the nearest (on the Guixi network a node gets 810.8 s from one start although another
 * reaches it in 716.0 s, and reversing the start array flips the answer).
 */
const DRIVING_DISTANCE_NEAREST_START = /* SQL */ `
  SELECT DISTINCT ON (node) node::float8 AS node, from_v::float8 AS "fromNode", agg_cost AS "aggCost"
  FROM pgr_drivingDistance(${PGROUTING_EDGES_SQL}, $4::bigint[], $5::float8, directed => false, equicost => false)
  ORDER BY node, agg_cost`;

/**
 * Node ids `count` evenly spread over the ascending ids of the nodes with a neighbour within
 * `reachMeters` (of level-ground cost): deterministic, scattered starts from which a search within
 * the shortest cutoff reaches something (an extract's network runs out into long country roads).
 */
function spreadNodeIds(graph: RoutingGraph, count: number, reachMeters: number): number[] {
  const eligible = Array.from(graph.nodeIds).filter((_, index) =>
    graph.neighbourCostMeters
      .subarray(graph.offsets[index], graph.offsets[index + 1])
      .some((cost) => cost < reachMeters),
  );
  return Array.from({ length: count }, (_, k) => eligible[Math.floor(((k + 0.5) * eligible.length) / count)]);
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

export interface RoutingComparisonOptions {
  /** Loads the network into the freshly migrated database; returns its region id. */
  loadRegion(database: Database): Promise<string>;
  /** Starts spread evenly over the network's nodes. */
  spreadStarts: number;
  /** Whether the network must have steps, and one start sits at the foot of them to try their cost factor. */
  startAtSteps: boolean;
}

/**
 * Declares the comparison suite for one network: from each start, at each walking profile and
 * cutoff, core and pgRouting must reach the same nodes in the same seconds, and a multi-source
 * search must give every node the time of its nearest start, as pgRouting's per-start trees do.
 */
export function describeRoutingComparison(networkName: string, options: RoutingComparisonOptions) {
  const postgresBackends = testBackends().filter((backend) => backend.name === 'postgres');

  describe.each(postgresBackends)(`walking times on ${networkName} against pgRouting on $name`, (backend) => {
    let database: Database;
    let dispose: () => Promise<void>;
    let regionId: string;
    let graph: RoutingGraph;
    let startIds: number[];

    beforeAll(async () => {
      ({ database, dispose } = await backend.open('migrated'));
      // pgRouting needs PostGIS, which the first migration installs.
      await database.query('CREATE EXTENSION IF NOT EXISTS pgrouting');
      regionId = await options.loadRegion(database);
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
      const slowestSpeed = Math.min(...Object.values(WALK_SPEED_METERS_PER_SECOND));
      startIds = spreadNodeIds(graph, options.spreadStarts, Math.min(...CUTOFF_SECONDS) * slowestSpeed);
      if (options.startAtSteps) {
        const steps = rows.find((row) => row.class === 'steps');
        if (!steps) throw new Error(`${networkName} has no steps edge to compare`);
        startIds.push(steps.source);
      }
    });
    afterAll(async () => dispose?.());

    const drivingDistance = (starts: number | number[], speed: number, maxSeconds: number) =>
      database.query<{ node: number; fromNode: number; aggCost: number }>(
        Array.isArray(starts) ? DRIVING_DISTANCE_NEAREST_START : DRIVING_DISTANCE,
        [STEPS_COST_FACTOR, speed, regionId, starts, maxSeconds],
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
        'assigns every node to its nearest start as pgRouting’s trees do within %i s',
        async (maxSeconds) => {
          const travel = { speedMetersPerSecond: speed, maxSeconds };
          const origins = startIds.map((id) => [{ nodeIndex: nodeIndexOf(graph, id), initialSeconds: 0 }]);
          const { secondsByNode, originByNode } = nearestOriginTravelSeconds(graph, origins, travel);
          const { rows } = await drivingDistance(startIds, speed, maxSeconds);
          expect(differences(graph, secondsByNode, rows, maxSeconds)).toEqual([]);

          // Ties may go to different starts: each side's choice must reach the node in the shared time.
          const singles = origins.map((sources) => shortestTravelSeconds(graph, sources, travel));
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
}
