/**
 * The dashboard's figures of a scenario against the baseline: each KPI before → after with the
 * change and whether it is for the better, and the communities whose standards status changes
 * (from the server's comparison), with the rules behind the change. Pure: unit-tested.
 */
import type { ResultStatus, ScenarioComparison } from '../../lib/api-types';
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
