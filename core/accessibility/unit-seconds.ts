/**
 * Walking seconds from every unit to the nearest facility of a category: one multi-source search
 * from the category's facilities (TravelField), read at each unit, kept for the next coverage or
 * reach query of the same facilities. A model made by withFacilities (a scenario's facilities over
 * its region's network) derives its figures from its parent's: a category whose facilities it kept
 * reuses them as they are; one it only added facilities to takes the minimum of the parent's and a
 * search from the added facilities alone, which explores a tier's walk around each (milliseconds at
 * county size, against half a second for every category anew). The minimum over sources is what the
 * multi-source search computes, so both ways give the same seconds.
 */

import type { SnappedPoint } from '../routing/snap.js';
import type { AccessibilityModel } from './accessibility-types.js';
import { TravelField } from './travel-field.js';

interface SecondsEntry {
  /** Exact up to this many seconds; beyond it an upper bound or Infinity. */
  cutoffSeconds: number;
  seconds: Float64Array;
}

/**
 * Cached figures by the model's facility snaps (a model made by withCommunities shares them, and
 * with them the figures), then by category and speed.
 */
const cache = new WeakMap<readonly SnappedPoint[], Map<string, SecondsEntry>>();
/** The model a withFacilities overlay was made from, by the overlay's facility snaps. */
const parents = new WeakMap<readonly SnappedPoint[], AccessibilityModel>();

/** Records that `child` differs from `parent` by its facilities only (same graph, snaps and units). */
export function recordFacilityParent(child: AccessibilityModel, parent: AccessibilityModel): void {
  if (child.graph !== parent.graph || child.units !== parent.units)
    throw new Error('a facility overlay shares its parent’s graph and units');
  parents.set(child.facilitySnaps, parent);
}

function snapsOf(model: AccessibilityModel, category: string): SnappedPoint[] {
  return (model.facilityIndexesByCategory.get(category) ?? []).map((index) => model.facilitySnaps[index]);
}

/**
 * Seconds from each unit (the model's order) to the nearest facility of `category`, exact up to
 * `cutoffSeconds`; Infinity where none is reached (and everywhere for a category without facilities).
 * The array is shared with later callers: do not modify it.
 */
export function unitSecondsToCategory(
  model: AccessibilityModel,
  category: string,
  speedMetersPerSecond: number,
  cutoffSeconds: number,
): Float64Array {
  const key = `${category}|${speedMetersPerSecond}`;
  let entries = cache.get(model.facilitySnaps);
  const known = entries?.get(key);
  if (known && known.cutoffSeconds >= cutoffSeconds) return known.seconds;
  const seconds =
    derivedFromParent(model, category, speedMetersPerSecond, cutoffSeconds) ??
    searched(model, snapsOf(model, category), speedMetersPerSecond, cutoffSeconds);
  if (!entries) cache.set(model.facilitySnaps, (entries = new Map()));
  entries.set(key, { cutoffSeconds, seconds });
  return seconds;
}

/** One search from `origins`, read at every unit. */
function searched(
  model: AccessibilityModel,
  origins: readonly SnappedPoint[],
  speedMetersPerSecond: number,
  cutoffSeconds: number,
): Float64Array {
  const unitCount = model.units.length;
  const seconds = new Float64Array(unitCount).fill(Infinity);
  if (origins.length === 0) return seconds;
  const { edge, offsetMeters, accessMeters } = model.unitArrays;
  const field = new TravelField(model, origins, speedMetersPerSecond, cutoffSeconds);
  // The field is valid only until the next search: read every unit now.
  for (let unit = 0; unit < unitCount; unit += 1)
    seconds[unit] = field.secondsAt(edge[unit], offsetMeters[unit], accessMeters[unit]);
  return seconds;
}

/**
 * The seconds of a withFacilities overlay from its parent's: the parent's when the category's
 * facilities are the same, the minimum with a search from the added ones when facilities were only
 * added; null when some were removed or moved (the caller searches anew).
 */
function derivedFromParent(
  model: AccessibilityModel,
  category: string,
  speedMetersPerSecond: number,
  cutoffSeconds: number,
): Float64Array | null {
  const parent = parents.get(model.facilitySnaps);
  if (!parent) return null;
  const own = snapsOf(model, category);
  const theirs = new Set(snapsOf(parent, category));
  const added = own.filter((snap) => !theirs.has(snap));
  if (own.length - added.length !== theirs.size) return null;
  const base = unitSecondsToCategory(parent, category, speedMetersPerSecond, cutoffSeconds);
  if (added.length === 0) return base;
  const seconds = base.slice();
  const { offsetMeters, accessMeters, byEdgeOffsets, byEdge } = model.unitArrays;
  const field = new TravelField(model, added, speedMetersPerSecond, cutoffSeconds);
  // Only units on edges the added facilities' search reached can come nearer.
  for (const reached of field.reachedEdges()) {
    for (let k = byEdgeOffsets[reached], end = byEdgeOffsets[reached + 1]; k < end; k += 1) {
      const unit = byEdge[k];
      const time = field.secondsAt(reached, offsetMeters[unit], accessMeters[unit]);
      if (time < seconds[unit]) seconds[unit] = time;
    }
  }
  return seconds;
}
