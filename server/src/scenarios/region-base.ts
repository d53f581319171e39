/**
 * What every scenario of a region shares, read once and kept in memory: its units with their area
 * and perimeter in the metric SRID, unit adjacency, the baseline communities and assignment, its
 * facilities (by the unit they stand in) and streets, and — per tier table and walking speed asked —
 * which units reach what the standards ask (from the accessibility engine).
 *
 * Adjacency and the baseline communities' geometry are computed in PostGIS on the region's first
 * use and stored (scenario_region_bases marks it), so later processes only read them.
 */

import { DomainError, isDomainError } from '../domain-error.js';
import { computeUnitReach } from '../../../core/accessibility/unit-reach.js';
import type {
  CommunityRecord,
  ScenarioFacility,
  ScenarioUnit,
  UnitAdjacency,
} from '../../../core/scenario/scenario-evaluator.js';
import { ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import type { FacilityRecord } from '../../../core/scenario/scenario-layers.js';
import type { StreetRecord } from '../../../core/standards/evaluate-region.js';
import {
  reachContextKey,
  type ReachRequirement,
  type TierTable,
  type UnitReach,
} from '../../../core/standards/reach.js';
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
  /** Facilities by the unit they stand in, with their sizes and position in the metric plane. */
  facilities: ScenarioFacility[];
  /** Every facility of the region as a scenario holds it (name, position, capacity), by id order. */
  facilityRecords: FacilityRecord[];
  facilityRecordById: ReadonlyMap<string, FacilityRecord>;
  streets: StreetRecord[];
  /** Milliseconds: the one-time PostGIS preparation (0 when already stored), reading. */
  timings: { prepareMilliseconds: number; readMilliseconds: number };
  /** The baseline as a read-only evaluator, built on first use. */
  baselineEvaluator(): ScenarioEvaluator;
  /**
   * Which units meet `requirements` with `tiers` at `speedMetersPerSecond`, in this base's unit
   * order; kept for the next request of the same ones (the same object, so evaluators keep their
   * sums). Null with the reason when the region has no walking network.
   */
  unitReach(
    requirements: readonly ReachRequirement[],
    tiers: TierTable,
    speedMetersPerSecond: number,
  ): Promise<ReachAnswer>;
}

/** Walking reach, or why there is none. */
export type ReachAnswer = { reach: UnitReach; note: null } | { reach: null; note: string };

/** Reach sets kept per region (tier tables × speeds × requirement sets in use); the oldest goes first. */
const MAX_CACHED_REACH = 8;

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
type FacilityRow = [
  id: string,
  category: string,
  unitId: string | null,
  floorAreaSquareMeters: number | null,
  landAreaSquareMeters: number | null,
  xMeters: number | null,
  yMeters: number | null,
  name: string,
  capacity: number | null,
  lon: number,
  lat: number,
];

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
  const [unitsResult, adjacencyResult, communitiesResult, facilitiesResult, streetsResult] =
    await Promise.all([
      database.query<{ units: string }>(sql.REGION_UNITS, [regionId, metricSrid]),
      database.query<{ pairs: string }>(sql.REGION_ADJACENCY, [regionId]),
      database.query<{ communities: string }>(sql.REGION_COMMUNITIES, [regionId]),
      database.query<{ facilities: string }>(sql.REGION_FACILITIES, [regionId, metricSrid]),
      database.query<{ streets: string }>(sql.REGION_STREETS, [regionId]),
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
  const facilityRows = JSON.parse(facilitiesResult.rows[0].facilities) as FacilityRow[];
  const facilityRecords = facilityRows.map(
    ([id, category, , floorAreaSquareMeters, landAreaSquareMeters, , , name, capacity, lon, lat]) => ({
      id,
      name,
      category,
      position: [lon, lat] as [number, number],
      floorAreaSquareMeters,
      landAreaSquareMeters,
      capacity,
    }),
  );
  // A region without units has facilities standing in none: they count for no community.
  const facilities = facilityRows
    .filter((row) => row[2] !== null)
    .map(
      ([
        id,
        category,
        unitId,
        floorAreaSquareMeters,
        landAreaSquareMeters,
        xMeters,
        yMeters,
      ]): ScenarioFacility => ({
        id,
        category,
        unitId: unitId!,
        floorAreaSquareMeters,
        landAreaSquareMeters,
        xMeters,
        yMeters,
      }),
    );
  const streets = JSON.parse(streetsResult.rows[0].streets) as StreetRecord[];
  const readMilliseconds = performance.now() - readStarted;

  const unitIds = units.map((unit) => unit.id);
  const reachCache = new Map<string, Promise<ReachAnswer>>();
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
    facilities,
    facilityRecords,
    facilityRecordById: new Map(facilityRecords.map((record) => [record.id, record])),
    streets,
    timings: { prepareMilliseconds, readMilliseconds },
    baselineEvaluator() {
      baseline ??= new ScenarioEvaluator({
        units,
        adjacency,
        communities: baselineCommunities,
        assignment: baselineAssignment,
        facilities,
        streets,
      });
      return baseline;
    },
    unitReach(requirements, tiers, speedMetersPerSecond) {
      const key = `${reachContextKey({ tiers, speedMetersPerSecond })}|${requirements.map((requirement) => requirement.key).join(';')}`;
      let answer = reachCache.get(key);
      if (answer) {
        reachCache.delete(key);
      } else {
        const computing = computeReach(
          database,
          regionId,
          unitIds,
          requirements,
          tiers,
          speedMetersPerSecond,
        );
        // A failed computation is not kept: the next request tries again.
        computing.catch(() => {
          if (reachCache.get(key) === computing) reachCache.delete(key);
        });
        answer = computing;
        while (reachCache.size >= MAX_CACHED_REACH) reachCache.delete(reachCache.keys().next().value!);
      }
      reachCache.set(key, answer);
      return answer;
    },
  };
}

/**
 * Which units meet each requirement, on the region's walking model (cached by region-models.ts).
 * Boundaries do not change it, so one computation serves every scenario of the region.
 */
async function computeReach(
  database: Database,
  regionId: string,
  unitIds: readonly string[],
  requirements: readonly ReachRequirement[],
  tiers: TierTable,
  speedMetersPerSecond: number,
): Promise<ReachAnswer> {
  let model;
  try {
    ({ model } = await regionAccessibility(database, regionId));
  } catch (error) {
    if (isDomainError(error, 'region.no-network')) return { reach: null, note: error.message };
    throw error;
  }
  return {
    reach: computeUnitReach(model, { tiers, speedMetersPerSecond, requirements, unitIds }),
    note: null,
  };
}
