/**
 * Facility coverage: for each category with a tier, the residents whose unit reaches a facility of
 * the category within the tier along the walking network, per community and for the region, and
 * the units left uncovered. One multi-source Dijkstra per category (from all its facilities at once,
 * cut off at the tier), then each unit's own travel time.
 */

import { FACILITY_CATEGORIES } from '../standards/facility-categories.js';
import { validateWalkSpeed } from '../routing/walking-profiles.js';
import type {
  AccessibilityModel,
  CategoryCoverage,
  CoverageResult,
  FacilityInput,
  TierTable,
} from './accessibility-types.js';
import { unitSecondsToCategory } from './unit-seconds.js';

/** The standards' tier table: each category's tierMinutes from core/standards (null: no tier). */
export function defaultTierTable(): Record<string, number | null> {
  return Object.fromEntries(
    Object.values(FACILITY_CATEGORIES).map((category) => [category.id, category.tierMinutes]),
  );
}

export interface CoverageOptions {
  tiers: TierTable;
  speedMetersPerSecond: number;
}

/**
 * Coverage of every category of `tiers` with a tier (in the table's order). A category without
 * facilities covers nobody. Throws a RangeError for a tier outside (0, 60] or a bad speed.
 */
export function computeCoverage(model: AccessibilityModel, options: CoverageOptions): CoverageResult {
  const { tiers, speedMetersPerSecond } = options;
  const speed = validateWalkSpeed(speedMetersPerSecond);
  if (!speed.ok) throw new RangeError(`speed ${speedMetersPerSecond} m/s: ${speed.reason}`);
  const { residents, community } = model.unitArrays;
  const communityCount = model.communities.length;

  const communityResidents = new Float64Array(communityCount);
  let regionResidents = 0;
  for (let unit = 0; unit < residents.length; unit += 1) {
    communityResidents[community[unit]] += residents[unit];
    regionResidents += residents[unit];
  }

  const unitIds = unitIdsOf(model);
  const regionCategories: CategoryCoverage[] = [];
  const communityCategories: CategoryCoverage[][] = model.communities.map(() => []);
  const uncoveredUnitIds: Record<string, string[]> = {};
  const covered = new Float64Array(communityCount);
  for (const [category, tierMinutes] of Object.entries(tiers)) {
    if (tierMinutes === null) continue;
    if (!(typeof tierMinutes === 'number' && tierMinutes > 0 && tierMinutes <= 60)) {
      throw new RangeError(`tier of ${category}: ${tierMinutes} minutes is not in (0, 60]`);
    }
    const facilityIndexes = model.facilityIndexesByCategory.get(category) ?? [];
    const tierSeconds = tierMinutes * 60;
    covered.fill(0);
    const uncovered: string[] = [];
    const seconds = unitSecondsToCategory(model, category, speedMetersPerSecond, tierSeconds);
    for (let unit = 0; unit < residents.length; unit += 1) {
      if (seconds[unit] <= tierSeconds) covered[community[unit]] += residents[unit];
      else if (residents[unit] > 0) uncovered.push(unitIds[unit]);
    }
    uncoveredUnitIds[category] = uncovered;
    const facilitiesIn = countFacilitiesIn(model, facilityIndexes);
    let regionCovered = 0;
    for (let index = 0; index < communityCount; index += 1) {
      regionCovered += covered[index];
      communityCategories[index].push(
        categoryCoverage(
          category,
          tierMinutes,
          facilitiesIn[index],
          communityResidents[index],
          covered[index],
        ),
      );
    }
    regionCategories.push(
      categoryCoverage(category, tierMinutes, facilityIndexes.length, regionResidents, regionCovered),
    );
  }

  return {
    speedMetersPerSecond,
    region: { residents: regionResidents, categories: regionCategories },
    communities: model.communities.map((entry, index) => ({
      id: entry.id,
      name: entry.name,
      residents: communityResidents[index],
      categories: communityCategories[index],
    })),
    uncoveredUnitIds,
  };
}

const unitIdCache = new WeakMap<readonly { id: string }[], string[]>();
function unitIdsOf(model: AccessibilityModel): string[] {
  let ids = unitIdCache.get(model.units);
  if (!ids) unitIdCache.set(model.units, (ids = model.units.map((unit) => unit.id)));
  return ids;
}

function categoryCoverage(
  category: string,
  tierMinutes: number,
  facilityCount: number,
  residents: number,
  coveredResidents: number,
): CategoryCoverage {
  return {
    category,
    tierMinutes,
    facilityCount,
    residents,
    coveredResidents,
    coveredShare: residents > 0 ? coveredResidents / residents : null,
  };
}

/** How many of the facilities lie in each community (see facilityCommunities), by community index. */
function countFacilitiesIn(model: AccessibilityModel, facilityIndexes: readonly number[]): Int32Array {
  const communityOfFacility = facilityCommunities(model);
  const counts = new Int32Array(model.communities.length);
  for (const index of facilityIndexes)
    if (communityOfFacility[index] >= 0) counts[communityOfFacility[index]] += 1;
  return counts;
}

/** Nearest unit of each facility, by the units' positions and then the facilities (shared by overlays). */
const nearestUnitCache = new WeakMap<Float64Array, WeakMap<readonly FacilityInput[], Int32Array>>();

/**
 * Index of the unit whose access point is nearest each facility (−1 in a region without units),
 * searched ring by ring over the units' buckets.
 */
export function facilityNearestUnits(model: AccessibilityModel): Int32Array {
  const { x, y, buckets } = model.unitArrays;
  let byFacilities = nearestUnitCache.get(x);
  if (!byFacilities) nearestUnitCache.set(x, (byFacilities = new WeakMap()));
  const cached = byFacilities.get(model.facilities);
  if (cached) return cached;
  const { bucketMeters, columns, rows, westMeters, southMeters, offsets, points } = buckets;
  const result = new Int32Array(model.facilities.length).fill(-1);
  model.facilities.forEach((facility, index) => {
    if (x.length === 0) return;
    const [fx, fy] = model.projection.toMeters(facility.position);
    const bx = Math.floor((fx - westMeters) / bucketMeters);
    const by = Math.floor((fy - southMeters) / bucketMeters);
    let best = -1;
    let bestSquared = Infinity;
    const maxRadius = Math.max(columns, rows) + Math.abs(bx) + Math.abs(by) + 1;
    // Widen ring by ring until a unit is found and no nearer bucket can hold a nearer one.
    for (
      let radius = 0;
      radius <= maxRadius && (best < 0 || (radius - 1) * bucketMeters <= Math.sqrt(bestSquared));
      radius += 1
    ) {
      for (let i = bx - radius; i <= bx + radius; i += 1) {
        if (i < 0 || i >= columns) continue;
        for (let j = by - radius; j <= by + radius; j += 1) {
          if (j < 0 || j >= rows || Math.max(Math.abs(i - bx), Math.abs(j - by)) !== radius) continue;
          const bucket = j * columns + i;
          for (let k = offsets[bucket], end = offsets[bucket + 1]; k < end; k += 1) {
            const unit = points[k];
            const squared = (x[unit] - fx) ** 2 + (y[unit] - fy) ** 2;
            if (squared < bestSquared || (squared === bestSquared && unit < best)) {
              bestSquared = squared;
              best = unit;
            }
          }
        }
      }
    }
    result[index] = best;
  });
  byFacilities.set(model.facilities, result);
  return result;
}

const facilityCommunityCache = new WeakMap<AccessibilityModel, Int32Array>();

/**
 * Community index of each facility: its own `communityId` when the input gives one, else the
 * community of the unit whose access point is nearest (a facility sits among the homes it serves).
 */
export function facilityCommunities(model: AccessibilityModel): Int32Array {
  const cached = facilityCommunityCache.get(model);
  if (cached) return cached;
  const communityIndexById = new Map(model.communities.map((entry, index) => [entry.id, index]));
  const nearest = facilityNearestUnits(model);
  const { community } = model.unitArrays;
  const result = Int32Array.from(model.facilities, (facility, index) =>
    facility.communityId !== undefined
      ? (communityIndexById.get(facility.communityId) ?? -1)
      : nearest[index] >= 0
        ? community[nearest[index]]
        : -1,
  );
  facilityCommunityCache.set(model, result);
  return result;
}
