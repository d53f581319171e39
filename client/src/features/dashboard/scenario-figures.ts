/**
 * The dashboard's figures of a scenario against the baseline: each KPI before → after with the
 * change and whether it is for the better, and the communities whose standards status changes
 * (from the server's comparison), with the rules behind the change, and residents by walking time
 * baseline against scenario. Pure: unit-tested.
 */
import type { ResultStatus, ScenarioComparison } from '../../lib/api-types';
import type { TravelTimeBin } from './dashboard-figures';
import { ruleChangeDirection, type RuleChangeDirection } from '../scenarios/delta-rows';

/** Which way a KPI should move: up (reach), down (communities outside their band), or neither (a classification). */
export type KpiSense = 'higher' | 'lower' | 'neutral';

export interface KpiChange {
  before: number | null;
  after: number | null;
  /** after − before; null when either is unknown. */
  delta: number | null;
  /** better, worse, same (no change, or a classification that is neither), or unknown. */
  tone: 'better' | 'worse' | 'same' | 'unknown';
}

/** Changes smaller than this are no change (a share's float noise, never a resident). */
const SAME_EPSILON = 1e-9;

/** A KPI's baseline and scenario values, the change, and whether it is for the better given its sense. */
export function kpiChange(before: number | null, after: number | null, sense: KpiSense): KpiChange {
  if (before === null || after === null) return { before, after, delta: null, tone: 'unknown' };
  const delta = after - before;
  if (Math.abs(delta) < SAME_EPSILON || sense === 'neutral') return { before, after, delta, tone: 'same' };
  const better = sense === 'higher' ? delta > 0 : delta < 0;
  return { before, after, delta, tone: better ? 'better' : 'worse' };
}

export interface StatusChangeRow {
  id: string;
  name: string;
  /** created / dissolved / changed, as the comparison says. */
  status: ScenarioComparison['communities'][number]['status'];
  changes: {
    ruleId: string;
    from: ResultStatus | null;
    to: ResultStatus | null;
    direction: RuleChangeDirection;
  }[];
}

/**
 * The communities with at least one rule whose status changes (pass → fail, fail → pass, to or
 * from undetermined …): those with a change for the worse first, then for the better, then the
 * rest; by name within each.
 */
export function statusChangeRows(comparison: ScenarioComparison): StatusChangeRow[] {
  const rows = comparison.communities
    .filter((community) => community.ruleChanges.length > 0)
    .map((community) => ({
      id: community.id,
      name: community.name,
      status: community.status,
      changes: community.ruleChanges.map((change) => ({
        ...change,
        direction: ruleChangeDirection(change.from, change.to),
      })),
    }));
  const rank = (row: StatusChangeRow) =>
    row.changes.some((change) => change.direction === 'worse')
      ? 0
      : row.changes.some((change) => change.direction === 'better')
        ? 1
        : 2;
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** One walking-time band of the chart, baseline against scenario. */
export interface TravelTimeBinChange {
  fromMinutes: number;
  /** Upper bound; null for the open band beyond the last tier. */
  toMinutes: number | null;
  /** Residents in the band on the baseline and on the scenario. */
  before: number;
  after: number;
}

/**
 * The baseline's and the scenario's walking-time bands side by side. Both come from the same chart
 * tiers, so their bands must match; throws (naming the band) when they do not, a programmer error.
 */
export function travelTimeBinChanges(
  before: readonly TravelTimeBin[],
  after: readonly TravelTimeBin[],
): TravelTimeBinChange[] {
  if (before.length !== after.length)
    throw new Error(`travelTimeBinChanges: ${before.length} baseline bands against ${after.length}`);
  return before.map((bin, index) => {
    const other = after[index]!;
    if (other.fromMinutes !== bin.fromMinutes || other.toMinutes !== bin.toMinutes)
      throw new Error(
        `travelTimeBinChanges: band ${bin.fromMinutes}–${bin.toMinutes ?? '…'} min against ${other.fromMinutes}–${other.toMinutes ?? '…'} min`,
      );
    return {
      fromMinutes: bin.fromMinutes,
      toMinutes: bin.toMinutes,
      before: bin.residents,
      after: other.residents,
    };
  });
}

/** Residents reaching a facility within some minutes on the baseline and on the scenario. */
export interface WithinChange {
  minutes: number;
  before: number;
  after: number;
  /** after − before, residents. */
  delta: number;
  /** delta / before (0.021 for +2.1%); null when no one reached it on the baseline. */
  relative: number | null;
}

/**
 * Residents within `minutes` of walking (the bands ending at or before it), baseline against
 * scenario. Throws when no band ends at `minutes` (the chart's tiers do not include it).
 */
export function withinChange(bins: readonly TravelTimeBinChange[], minutes: number): WithinChange {
  if (!bins.some((bin) => bin.toMinutes === minutes))
    throw new Error(`withinChange: no walking-time band ends at ${minutes} min`);
  let before = 0;
  let after = 0;
  for (const bin of bins) {
    if (bin.toMinutes === null || bin.toMinutes > minutes) continue;
    before += bin.before;
    after += bin.after;
  }
  const delta = after - before;
  return { minutes, before, after, delta, relative: before > 0 ? delta / before : null };
}
