/**
 * Re-homing: when an import replaces a parent layer (communities, streets), every child the region
 * holds (units, communities, scenario communities) must find its parent among the new features —
 * the one holding its point on surface, else the one it overlaps most, else the nearest within
 * NEAREST_TOLERANCE_METERS. PostGIS finds the candidates; judgeRehoming decides.
 */
import type { ProblemLog } from '../../../core/import/import-problems.js';
import type { Query } from '../db/client.js';
import { NEAREST_TOLERANCE_METERS } from './find-parents.js';

/** A child and the new parent it moves to. */
export interface Move {
  childId: string;
  to: string;
}

export type RehomedChild = 'unit' | 'community' | 'scenario community';
export type RehomingParent = 'community' | 'street';

/** A child's candidate parent as PostGIS found it: how (inside, overlap, nearest) and, when nearest, how far. */
export interface RehomingRow {
  childId: string;
  to: string | null;
  how: string | null;
  meters: number | null;
}

/**
 * Where each existing child goes among the import's features (table import_features), by one of
 * the UNITS_IN_NEW_COMMUNITIES-like statements; a child left without a parent is reported.
 */
export async function rehome(
  query: Query,
  regionId: string,
  statement: string,
  child: RehomedChild,
  parent: RehomingParent,
  log: ProblemLog,
): Promise<Move[]> {
  const { rows } = await query<RehomingRow & { from: string }>(statement, [regionId]);
  return judgeRehoming(rows, child, parent, log);
}

/**
 * The moves the rows allow: a parent the child lies in or overlaps, or the nearest within
 * NEAREST_TOLERANCE_METERS (a warning); a child with neither is an error naming it, as the new layer
 * must cover every child of the region.
 */
export function judgeRehoming(
  rows: readonly RehomingRow[],
  child: RehomedChild,
  parent: RehomingParent,
  log: ProblemLog,
): Move[] {
  const childZh = { unit: '人口单元', community: '社区', 'scenario community': '方案社区' }[child];
  const parentZh = { community: '社区', street: '街道' }[parent];
  const moves: Move[] = [];
  for (const row of rows) {
    const location = `${child} "${row.childId}" (in the region)`;
    const locationZh = `区域中的${childZh}“${row.childId}”`;
    if (row.to !== null && (row.how === 'inside' || row.how === 'overlap'))
      moves.push({ childId: row.childId, to: row.to });
    else if (row.to !== null && row.meters !== null && row.meters <= NEAREST_TOLERANCE_METERS) {
      moves.push({ childId: row.childId, to: row.to });
      log.report({
        severity: 'warning',
        code: 'derived',
        location,
        locationZh,
        text: {
          en: `lies in no ${parent} of the new layer: given the nearest, ${row.to}, ${row.meters.toFixed(1)} m away`,
          zh: `不在新图层的任何${parentZh}内：已归入最近的 ${row.to}，相距 ${row.meters.toFixed(1)} 米`,
        },
      });
    } else {
      log.report({
        code: 'no-parent',
        location,
        locationZh,
        text: {
          en: `lies in no ${parent} of the new layer${row.to !== null && row.meters !== null ? ` (the nearest, ${row.to}, is ${Math.round(row.meters)} m away)` : ''}: the new layer must cover every ${child} of the region`,
          zh: `不在新图层的任何${parentZh}内${row.to !== null && row.meters !== null ? `（最近的 ${row.to} 相距 ${Math.round(row.meters)} 米）` : ''}：新图层必须覆盖区域中的每个${childZh}`,
        },
      });
    }
  }
  return moves;
}
