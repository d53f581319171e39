/**
 * Rows of the comparison table: the communities a scenario changed against another (or the
 * baseline), biggest change in residents first, with the rules whose verdict moved and which way.
 */
import type { ComparedFigure, ResultStatus, ScenarioComparison } from '../../lib/api-types';

export type RuleChangeDirection = 'better' | 'worse' | 'neutral';

export interface DeltaRow {
  id: string;
  name: string;
  status: 'changed' | 'created' | 'dissolved';
  residents: ComparedFigure;
  households: ComparedFigure;
  areaSquareKilometers: ComparedFigure;
  ruleChanges: {
    ruleId: string;
    from: ResultStatus | null;
    to: ResultStatus | null;
    direction: RuleChangeDirection;
  }[];
}

/** How bad a status is: a failure worst, advice next; undetermined, a classification or n/a are not verdicts. */
const SEVERITY: Partial<Record<ResultStatus, number>> = { fail: 2, advice: 1, pass: 0 };

/**
 * A verdict that improved (fail → advice or pass, advice → pass) is better; one that got worse is
 * worse; anything involving no verdict (待定, 不适用, the 村改居 classification) is neutral.
 */
export function ruleChangeDirection(from: ResultStatus | null, to: ResultStatus | null): RuleChangeDirection {
  const before = from === null ? undefined : SEVERITY[from];
  const after = to === null ? undefined : SEVERITY[to];
  if (after !== undefined && after > 0 && (before === undefined || after > before)) return 'worse';
  if (before !== undefined && before > 0 && (after === undefined || after < before)) return 'better';
  return 'neutral';
}

const STATUS_ORDER = { created: 0, dissolved: 1, changed: 2 } as const;

/** Every community that is not unchanged, created and dissolved first, then by the size of the residents' change. */
export function deltaRows(comparison: ScenarioComparison): DeltaRow[] {
  const rows: DeltaRow[] = [];
  for (const community of comparison.communities) {
    if (community.status === 'unchanged') continue;
    rows.push({
      id: community.id,
      name: community.name,
      status: community.status,
      residents: community.residents,
      households: community.households,
      areaSquareKilometers: community.areaSquareKilometers,
      ruleChanges: community.ruleChanges.map((change) => ({
        ...change,
        direction: ruleChangeDirection(change.from, change.to),
      })),
    });
  }
  return rows.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      Math.abs(b.residents.delta) - Math.abs(a.residents.delta) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

export interface MovedGroup {
  from: string;
  to: string;
  unitIds: string[];
}

/** Moved units grouped by where they went from and to, the largest group first. */
export function movedUnitGroups(movedUnits: ScenarioComparison['movedUnits']): MovedGroup[] {
  const groups = new Map<string, MovedGroup>();
  for (const unit of movedUnits) {
    const key = `${unit.from}\u0000${unit.to}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { from: unit.from, to: unit.to, unitIds: [] }));
    group.unitIds.push(unit.id);
  }
  return [...groups.values()].sort(
    (a, b) => b.unitIds.length - a.unitIds.length || a.from.localeCompare(b.from),
  );
}

/** Counts for the comparison's summary line. */
export function comparisonSummary(rows: readonly DeltaRow[], movedUnits: number) {
  let better = 0;
  let worse = 0;
  for (const row of rows) {
    for (const change of row.ruleChanges) {
      if (change.direction === 'better') better += 1;
      else if (change.direction === 'worse') worse += 1;
    }
  }
  return { communities: rows.length, movedUnits, rulesBetter: better, rulesWorse: worse };
}
