/**
 * The heat-map difference of a scenario against the baseline, cell by cell over the same grid:
 * a completeness cell reaching more categories is better, fewer worse; a travel-time cell walking
 * at least a minute less is better, more worse; a cell reached now but beyond the walk (or off the
 * network) before is newly reached, the reverse no longer reached. Pure: unit-tested.
 */
import type { HeatmapGrid } from '../../lib/api-types';

export const DIFFERENCE_CLASSES = ['lost', 'worse', 'same', 'better', 'reached'] as const;
export type DifferenceClass = (typeof DIFFERENCE_CLASSES)[number];

/** A travel-time change smaller than this is unchanged (the grid's own rounding, not a change). */
export const TRAVEL_TIME_CHANGE_MINUTES = 1;

export interface CoverageDifference {
  kind: HeatmapGrid['kind'];
  /** One DIFFERENCE_CLASSES index per cell (row-major like the grids), null where neither side has a value. */
  values: (number | null)[];
  columns: number;
  rows: number;
  /** Cells per class. */
  counts: Record<DifferenceClass, number>;
}

function sameLayout(before: HeatmapGrid, after: HeatmapGrid): boolean {
  return (
    before.kind === after.kind &&
    before.columns === after.columns &&
    before.rows === after.rows &&
    before.values.length === after.values.length &&
    before.bbox.every((value, index) => Math.abs(value - after.bbox[index]!) < 1e-9)
  );
}

function classOf(
  kind: HeatmapGrid['kind'],
  before: number | null,
  after: number | null,
): DifferenceClass | null {
  const had = before !== null && Number.isFinite(before) && before >= 0;
  const has = after !== null && Number.isFinite(after) && after >= 0;
  if (!had && !has) return null;
  if (!had) return 'reached';
  if (!has) return 'lost';
  if (kind === 'completeness') return after! > before! ? 'better' : after! < before! ? 'worse' : 'same';
  const saved = before! - after!;
  return saved >= TRAVEL_TIME_CHANGE_MINUTES
    ? 'better'
    : saved <= -TRAVEL_TIME_CHANGE_MINUTES
      ? 'worse'
      : 'same';
}

/**
 * The difference of `after` (the scenario's grid) against `before` (the baseline's), or null when
 * the two grids are not of one kind and layout (then there is nothing cell-by-cell to compare).
 */
export function coverageDifference(before: HeatmapGrid, after: HeatmapGrid): CoverageDifference | null {
  if (!sameLayout(before, after)) return null;
  const counts: Record<DifferenceClass, number> = { lost: 0, worse: 0, same: 0, better: 0, reached: 0 };
  const values = after.values.map((value, index) => {
    const found = classOf(after.kind, before.values[index] ?? null, value);
    if (found === null) return null;
    counts[found] += 1;
    return DIFFERENCE_CLASSES.indexOf(found);
  });
  return { kind: after.kind, values, columns: after.columns, rows: after.rows, counts };
}
