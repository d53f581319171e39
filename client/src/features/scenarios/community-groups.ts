/**
 * The open scenario's live communities grouped by street for the panel's list and pickers: each
 * with its residents, the rules it fails and whether pending edits changed it; streets and
 * communities in Chinese collation order.
 */
import type { CommunityTypeId } from '../../lib/standards';

export interface CommunityRow {
  id: string;
  name: string;
  type: CommunityTypeId;
  residents: number;
  /** Rules of the chosen profile the community fails. */
  failed: number;
  /** Changed by the pending edits. */
  changed: boolean;
}

export interface CommunityGroup {
  streetId: string;
  rows: CommunityRow[];
}

/** Rows grouped by street; `streetName` names a street (its id when unknown). */
export function groupByStreet(
  rows: readonly (CommunityRow & { streetId: string })[],
  streetName: (streetId: string) => string,
): CommunityGroup[] {
  const byStreet = new Map<string, CommunityRow[]>();
  for (const { streetId, ...row } of rows) {
    const group = byStreet.get(streetId) ?? [];
    group.push(row);
    byStreet.set(streetId, group);
  }
  return [...byStreet]
    .map(([streetId, group]) => ({
      streetId,
      rows: group.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    }))
    .sort((a, b) => streetName(a.streetId).localeCompare(streetName(b.streetId), 'zh-CN'));
}
