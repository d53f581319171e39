/**
 * What every scenario of a region shares, read once and kept in memory: its units with their area
 * and perimeter in the metric SRID, unit adjacency, the baseline communities and assignment, and
 * which units reach each facility category within its tier (from the accessibility engine).
 *
 * Adjacency and the baseline communities' geometry are computed in PostGIS on the region's first
 * use and stored (scenario_region_bases marks it), so later processes only read them.
 */

import { DomainError } from '../domain-error.js';
import { computeCoverage, defaultTierTable } from '../../../core/accessibility/coverage.js';
import type {
  CommunityRecord,
  ScenarioUnit,
  UnitAdjacency,
  UnitCoverage,
} from '../../../core/scenario/scenario-evaluator.js';
import { ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import { WALK_SPEED_METERS_PER_SECOND } from '../../../core/routing/walking-profiles.js';
import { regionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';

export interface RegionScenarioBase {
  regionId: string;
  /** The region's load stamp this base was read at (see SCENARIO_REGION). */
  stamp: string;
  metricSrid: number;
  units: ScenarioUnit[];
  unitIndexById: ReadonlyMap<string, number>;
  adjacency: UnitAdjacency;
  baselineCommunities: CommunityRecord[];
  /** Baseline community of each unit, by unit index. */
  baselineAssignment: string[];
  coverage: UnitCoverage;
  /** Why coverage is missing or partial, when it is (e.g. the region has no walking network). */
  coverageNote: string | null;
  /** Milliseconds: the one-time PostGIS preparation (0 when already stored), reading, coverage. */
  timings: { prepareMilliseconds: number; readMilliseconds: number; coverageMilliseconds: number };
  /** The baseline as a read-only evaluator, built on first use. */
  baselineEvaluator(): ScenarioEvaluator;
}

interface CachedBase {
  stamp: string;
  base: Promise<RegionScenarioBase>;
}

/** Bases by database, then region (the API tests serve two databases with the same region ids). */
const basesByDatabase = new WeakMap<Database, Map<string, CachedBase>>();

/**
 * The region's scenario base; concurrent first calls share one read. Each call checks the region's
 * load stamp, so a reloaded region is read again. Throws `region.not-found` for an unknown region.
 */
export async function regionScenarioBase(database: Database, regionId: string): Promise<RegionScenarioBase> {
  let cache = basesByDatabase.get(database);
  if (!cache) basesByDatabase.set(database, (cache = new Map()));
  const { rows } = await database.query<{ stamp: string; metricSrid: number }>(sql.SCENARIO_REGION, [
    regionId,
  ]);
  if (rows.length === 0) {
    cache.delete(regionId);
    throw new DomainError('region.not-found', { regionId });
  }
  const { stamp, metricSrid } = rows[0];
  const cached = cache.get(regionId);
  if (cached && cached.stamp === stamp) return cached.base;
  const entry: CachedBase = { stamp, base: readRegionBase(database, regionId, stamp, metricSrid) };
  cache.set(regionId, entry);
  entry.base.catch(() => {
    if (cache.get(regionId) === entry) cache.delete(regionId);
  });
  return entry.base;
}

/**
 * Computes and stores the region's unit adjacency and baseline community geometry unless done.
 * The claim row and the rows it guards commit together, so a concurrent preparation (another
 * process) waits on the claim and then finds it taken.
 */
async function prepareRegion(database: Database, regionId: string, metricSrid: number): Promise<boolean> {
  const { rows } = await database.query(sql.REGION_PREPARED, [regionId]);
  if (rows.length > 0) return false;
  return database.transaction(async (query) => {
    const claimed = await query(sql.CLAIM_REGION_PREPARATION, [regionId]);
    if (claimed.rows.length === 0) return false;
    await query(sql.INSERT_UNIT_ADJACENCY, [regionId, metricSrid]);
    await query(sql.INSERT_BASELINE_COMMUNITY_GEOMS, [regionId]);
    return true;
  });
}

type UnitRow = [string, string, number, number, number, number, number, number];

async function readRegionBase(
  database: Database,
  regionId: string,
  stamp: string,
  metricSrid: number,
): Promise<RegionScenarioBase> {
  const prepareStarted = performance.now();
  const prepared = await prepareRegion(database, regionId, metricSrid);
  const prepareMilliseconds = prepared ? performance.now() - prepareStarted : 0;

  const readStarted = performance.now();
  const [unitsResult, adjacencyResult, communitiesResult] = await Promise.all([
    database.query<{ units: string }>(sql.REGION_UNITS, [regionId, metricSrid]),
    database.query<{ pairs: string }>(sql.REGION_ADJACENCY, [regionId]),
    database.query<{ communities: string }>(sql.REGION_COMMUNITIES, [regionId]),
  ]);
  const unitRows = JSON.parse(unitsResult.rows[0].units) as UnitRow[];
  const units: ScenarioUnit[] = unitRows.map(
    ([id, , residents, households, elderly, children, areaSquareMeters, perimeterMeters]) => ({
      id,
      residents,
      households,
      elderly,
      children,
      areaSquareMeters,
      perimeterMeters,
    }),
  );
  const baselineAssignment = unitRows.map((row) => row[1]);
  const unitIndexById = new Map(units.map((unit, index) => [unit.id, index]));
  const pairs = JSON.parse(adjacencyResult.rows[0].pairs) as [string, string, number][];
  const adjacency: UnitAdjacency = {
    unitA: Uint32Array.from(pairs, (pair) => unitIndexById.get(pair[0])!),
    unitB: Uint32Array.from(pairs, (pair) => unitIndexById.get(pair[1])!),
    sharedMeters: Float64Array.from(pairs, (pair) => pair[2]),
  };
  const baselineCommunities = JSON.parse(communitiesResult.rows[0].communities) as CommunityRecord[];
  const readMilliseconds = performance.now() - readStarted;

  const coverageStarted = performance.now();
  const { coverage, note } = await unitCoverage(database, regionId, units);
  const coverageMilliseconds = performance.now() - coverageStarted;

  let baseline: ScenarioEvaluator | null = null;
  return {
    regionId,
    stamp,
    metricSrid,
    units,
    unitIndexById,
    adjacency,
    baselineCommunities,
    baselineAssignment,
    coverage,
    coverageNote: note,
    timings: { prepareMilliseconds, readMilliseconds, coverageMilliseconds },
    baselineEvaluator() {
      baseline ??= new ScenarioEvaluator({
        units,
        adjacency,
        communities: baselineCommunities,
        assignment: baselineAssignment,
        coverage,
      });
      return baseline;
    },
  };
}

/**
 * Which units reach each category within its standards tier at adult walking speed: a unit is
 * covered unless the accessibility engine lists it among the uncovered (it lists only units with
 * residents, and coverage shares count residents). Coverage does not depend on boundaries, so one
 * computation serves every scenario of the region. A region without a walking network has none.
 */
async function unitCoverage(
  database: Database,
  regionId: string,
  units: readonly ScenarioUnit[],
): Promise<{ coverage: UnitCoverage; note: string | null }> {
  try {
    const { model } = await regionAccessibility(database, regionId);
    const result = computeCoverage(model, {
      tiers: defaultTierTable(),
      speedMetersPerSecond: WALK_SPEED_METERS_PER_SECOND.adult,
    });
    const categories = Object.keys(result.uncoveredUnitIds);
    const covered = categories.map((category) => {
      const uncovered = new Set(result.uncoveredUnitIds[category]);
      return Uint8Array.from(units, (unit) => (uncovered.has(unit.id) ? 0 : 1));
    });
    return {
      coverage: { categories, covered },
      note: categories.length === 0 ? 'the accessibility engine reported no categories' : null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { coverage: { categories: [], covered: [] }, note: `no walking coverage: ${message}` };
  }
}
