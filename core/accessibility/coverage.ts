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
  TierTable,
} from './accessibility-types.js';
import { TravelField } from './travel-field.js';

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
  const { residents, community, edge, offsetMeters, accessMeters } = model.unitArrays;
  const communityCount = model.communities.length;

  const communityResidents = new Float64Array(communityCount);
  let regionResidents = 0;
  for (let unit = 0; unit < residents.length; unit += 1) {
    communityResidents[community[unit]] += residents[unit];
    regionResidents += residents[unit];
  }

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
    const field =
      facilityIndexes.length > 0
        ? new TravelField(
            model,
            facilityIndexes.map((index) => model.facilitySnaps[index]),
            speedMetersPerSecond,
            tierSeconds,
          )
        : null;
    for (let unit = 0; unit < residents.length; unit += 1) {
      const seconds = field ? field.secondsAt(edge[unit], offsetMeters[unit], accessMeters[unit]) : Infinity;
      if (seconds <= tierSeconds) covered[community[unit]] += residents[unit];
      else if (residents[unit] > 0) uncovered.push(model.units[unit].id);
    }
    uncoveredUnitIds[category] = uncovered;
    let regionCovered = 0;
    for (let index = 0; index < communityCount; index += 1) {
      regionCovered += covered[index];
      communityCategories[index].push(
        categoryCoverage(
          category,
          tierMinutes,
          countFacilitiesIn(model, facilityIndexes, index),
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

/** Facilities of the category that lie in the community (see facilityCommunities). */
function countFacilitiesIn(
  model: AccessibilityModel,
  facilityIndexes: readonly number[],
  communityIndex: number,
): number {
  const communityOfFacility = facilityCommunities(model);
  let count = 0;
  for (const index of facilityIndexes) if (communityOfFacility[index] === communityIndex) count += 1;
  return count;
}

const facilityCommunityCache = new WeakMap<AccessibilityModel, Int32Array>();

/**
 * Community index of each facility: its own `communityId` when the input gives one, else the
 * community of the unit whose access point is nearest (a facility sits among the homes it serves).
 */
export function facilityCommunities(model: AccessibilityModel): Int32Array {
  let cached = facilityCommunityCache.get(model);
  if (cached) return cached;
  const result = new Int32Array(model.facilities.length).fill(-1);
  const communityIndexById = new Map(model.communities.map((entry, index) => [entry.id, index]));
  const { x, y, community } = model.unitArrays;
  const buckets = new Map<string, number[]>();
  const bucketMeters = 250;
  for (let unit = 0; unit < x.length; unit += 1) {
    const key = `${Math.floor(x[unit] / bucketMeters)},${Math.floor(y[unit] / bucketMeters)}`;
    const list = buckets.get(key);
    if (list) list.push(unit);
    else buckets.set(key, [unit]);
  }
  model.facilities.forEach((facility, index) => {
    if (facility.communityId !== undefined) {
      result[index] = communityIndexById.get(facility.communityId) ?? -1;
      return;
    }
    const [fx, fy] = model.projection.toMeters(facility.position);
    const bx = Math.floor(fx / bucketMeters);
    const by = Math.floor(fy / bucketMeters);
    let best = -1;
    let bestSquared = Infinity;
    // Widen ring by ring until a unit is found and no nearer bucket can hold a nearer one.
    for (
      let radius = 0;
      radius < 200 && (best < 0 || (radius - 1) * bucketMeters <= Math.sqrt(bestSquared));
      radius += 1
    ) {
      for (let i = bx - radius; i <= bx + radius; i += 1) {
        for (let j = by - radius; j <= by + radius; j += 1) {
          if (Math.max(Math.abs(i - bx), Math.abs(j - by)) !== radius) continue;
          for (const unit of buckets.get(`${i},${j}`) ?? []) {
            const squared = (x[unit] - fx) ** 2 + (y[unit] - fy) ** 2;
            if (squared < bestSquared) {
              bestSquared = squared;
              best = unit;
            }
          }
        }
      }
    }
    result[index] = best >= 0 ? community[best] : -1;
  });
  facilityCommunityCache.set(model, result);
  cached = result;
  return cached;
}
