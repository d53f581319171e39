/**
 * Heat maps over the whole region on the model's grid (default 50 m cells): walking minutes to the
 * nearest facility of a category, and life-circle completeness (how many required categories each
 * place reaches within its tier). Each cell is timed like a unit: its nearest network point (cached
 * per cell size, see cell-snap-grid.ts) plus the straight walk to it; cells farther than
 * MAX_ACCESS_WALK_METERS from the network, or in water off a bridge, have no value.
 */

import { FACILITY_CATEGORIES, isFacilityCategoryId } from '../standards/facility-categories.js';
import { validateWalkSpeed } from '../routing/walking-profiles.js';
import type {
  AccessibilityModel,
  CompletenessHeatmap,
  GridFrame,
  TierTable,
  TravelTimeHeatmap,
} from './accessibility-types.js';
import { NO_EDGE } from './cell-snap-grid.js';
import { ISOCHRONE_CELL_METERS } from './isochrones.js';
import { TravelField } from './travel-field.js';

/** Default heat-map cell, metres. */
export const HEATMAP_CELL_METERS = 50;
/** Default cutoff of travel-time heat maps, minutes. */
export const HEATMAP_MAX_MINUTES = 30;

export interface TravelTimeHeatmapOptions {
  category: string;
  speedMetersPerSecond: number;
  /** Cell side, metres, 10–500 (default HEATMAP_CELL_METERS). */
  cellMeters?: number;
  /** Cells beyond this many minutes are NaN, (0, 60] (default HEATMAP_MAX_MINUTES). */
  maxMinutes?: number;
}

export interface CompletenessHeatmapOptions {
  tiers: TierTable;
  speedMetersPerSecond: number;
  /** Cell side, metres, 10–500 (default HEATMAP_CELL_METERS). */
  cellMeters?: number;
}

function checkCommon(speedMetersPerSecond: number, cellMeters: number): void {
  const speed = validateWalkSpeed(speedMetersPerSecond);
  if (!speed.ok) throw new RangeError(`speed ${speedMetersPerSecond} m/s: ${speed.reason}`);
  if (!(cellMeters >= 10 && cellMeters <= 500))
    throw new RangeError(`cellMeters ${cellMeters} is not in [10, 500]`);
}

/**
 * Walking minutes from every cell to the nearest facility of `category` (one multi-source Dijkstra
 * from all of them, cut off at maxMinutes). Throws a RangeError for an unknown category or bad options.
 */
export function computeTravelTimeHeatmap(
  model: AccessibilityModel,
  options: TravelTimeHeatmapOptions,
): TravelTimeHeatmap {
  const { category, speedMetersPerSecond } = options;
  const cellMeters = options.cellMeters ?? HEATMAP_CELL_METERS;
  const maxMinutes = options.maxMinutes ?? HEATMAP_MAX_MINUTES;
  checkCommon(speedMetersPerSecond, cellMeters);
  if (!isFacilityCategoryId(category) && !model.facilityIndexesByCategory.has(category)) {
    throw new RangeError(`unknown facility category ${category}`);
  }
  if (!(maxMinutes > 0 && maxMinutes <= 60))
    throw new RangeError(`maxMinutes ${maxMinutes} is not in (0, 60]`);

  const grid = model.cellSnapCache.grid(model, cellMeters);
  grid.ensureAll();
  const { frame } = grid;
  const minutes = new Float32Array(frame.columns * frame.rows).fill(NaN);
  const facilityIndexes = model.facilityIndexesByCategory.get(category) ?? [];
  if (facilityIndexes.length > 0) {
    const maxSeconds = maxMinutes * 60;
    const field = new TravelField(
      model,
      facilityIndexes.map((index) => model.facilitySnaps[index]),
      speedMetersPerSecond,
      maxSeconds,
    );
    const { edge, offsetMeters, accessMeters } = grid;
    for (let cell = 0; cell < minutes.length; cell += 1) {
      const cellEdge = edge[cell];
      if (cellEdge === NO_EDGE) continue;
      const seconds = field.secondsAt(cellEdge, offsetMeters[cell], accessMeters[cell]);
      if (seconds <= maxSeconds) minutes[cell] = seconds / 60;
    }
  }
  return { ...copyFrame(frame), category, speedMetersPerSecond, minutes, maxMinutes };
}

/**
 * The categories completeness counts: those of `tiers` with a tier that standards §4 requires
 * every community to reach (FACILITY_CATEGORIES' requiredForEveryCommunity), in the table's order.
 */
export function completenessCategories(tiers: TierTable): string[] {
  return Object.entries(tiers)
    .filter(
      ([category, tier]) =>
        tier !== null &&
        isFacilityCategoryId(category) &&
        FACILITY_CATEGORIES[category].requiredForEveryCommunity,
    )
    .map(([category]) => category);
}

/**
 * How many of completenessCategories(tiers) each cell reaches within its tier: one cut-off
 * multi-source Dijkstra per category. −1 where the cell is off the network.
 */
export function computeCompletenessHeatmap(
  model: AccessibilityModel,
  options: CompletenessHeatmapOptions,
): CompletenessHeatmap {
  const { tiers, speedMetersPerSecond } = options;
  const cellMeters = options.cellMeters ?? HEATMAP_CELL_METERS;
  checkCommon(speedMetersPerSecond, cellMeters);
  const categories = completenessCategories(tiers);
  const grid = model.cellSnapCache.grid(model, cellMeters);
  grid.ensureAll();
  const { frame, edge, offsetMeters, accessMeters } = grid;
  const counts = new Int8Array(frame.columns * frame.rows);
  for (let cell = 0; cell < counts.length; cell += 1) counts[cell] = edge[cell] === NO_EDGE ? -1 : 0;
  for (const category of categories) {
    const tierMinutes = tiers[category]!;
    if (!(tierMinutes > 0 && tierMinutes <= 60))
      throw new RangeError(`tier of ${category}: ${tierMinutes} minutes is not in (0, 60]`);
    const facilityIndexes = model.facilityIndexesByCategory.get(category) ?? [];
    if (facilityIndexes.length === 0) continue;
    const tierSeconds = tierMinutes * 60;
    const field = new TravelField(
      model,
      facilityIndexes.map((index) => model.facilitySnaps[index]),
      speedMetersPerSecond,
      tierSeconds,
    );
    for (let cell = 0; cell < counts.length; cell += 1) {
      const cellEdge = edge[cell];
      if (cellEdge === NO_EDGE) continue;
      if (field.secondsAt(cellEdge, offsetMeters[cell], accessMeters[cell]) <= tierSeconds) counts[cell] += 1;
    }
  }
  return { ...copyFrame(frame), speedMetersPerSecond, categories, reachedCategoryCount: counts };
}

function copyFrame(frame: GridFrame): GridFrame {
  return {
    cellMeters: frame.cellMeters,
    columns: frame.columns,
    rows: frame.rows,
    westMeters: frame.westMeters,
    southMeters: frame.southMeters,
    bbox: [...frame.bbox] as GridFrame['bbox'],
  };
}

/** `[lon, lat]` of the centre of cell (column, row) of a heat map's grid. */
export function cellCentreLonLat(
  model: AccessibilityModel,
  frame: GridFrame,
  column: number,
  row: number,
): [number, number] {
  return model.projection.toLonLat(
    frame.westMeters + (column + 0.5) * frame.cellMeters,
    frame.southMeters + (row + 0.5) * frame.cellMeters,
  );
}

/**
 * Fills the model's cell-snap grids of the given sizes over the whole region now rather than on
 * first use (a server may call it at start-up): ~150 ms and 12 bytes per cell each, e.g. 19 MB at
 * 20 m and 3 MB at 50 m for a 30 × 20 km region. Returns the bytes the cache then holds.
 */
export function prefillCellSnaps(
  model: AccessibilityModel,
  cellSizes: readonly number[] = [ISOCHRONE_CELL_METERS, HEATMAP_CELL_METERS],
): number {
  for (const cellMeters of cellSizes) model.cellSnapCache.grid(model, cellMeters).ensureAll();
  return model.cellSnapCache.memoryBytes;
}
