/**
 * Rows of the coverage table: the region's share and every community's share of residents who
 * reach a category within its tier, weakest first (where a planner looks first).
 */
import type { CategoryCoverage, CoverageResult, UnitFeature } from '../../lib/api-types';

export interface CoverageRow {
  id: string;
  name: string;
  residents: number;
  coveredResidents: number;
  /** 0–1; null when the community has no residents. */
  coveredShare: number | null;
}

function byShareAscending(a: CoverageRow, b: CoverageRow): number {
  // Communities without residents have nothing to cover: they go last.
  if (a.coveredShare === null || b.coveredShare === null) {
    return a.coveredShare === b.coveredShare
      ? a.name.localeCompare(b.name, 'zh-CN')
      : a.coveredShare === null
        ? 1
        : -1;
  }
  return (
    a.coveredShare - b.coveredShare || b.residents - a.residents || a.name.localeCompare(b.name, 'zh-CN')
  );
}

/** Per-community coverage of one category, lowest share first (ties: more residents first). */
export function communityCoverageRows(result: CoverageResult, category: string): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const community of result.communities) {
    const coverage = community.categories.find((entry) => entry.category === category);
    if (!coverage) continue;
    rows.push({
      id: community.id,
      name: community.name,
      residents: coverage.residents,
      coveredResidents: coverage.coveredResidents,
      coveredShare: coverage.coveredShare,
    });
  }
  return rows.sort(byShareAscending);
}

/** The region's coverage of one category, or null when the category has no tier. */
export function regionCoverage(result: CoverageResult, category: string): CategoryCoverage | null {
  return result.region.categories.find((entry) => entry.category === category) ?? null;
}

/** The region's coverage of each category, lowest share first (the completeness view's table). */
export function categoryCoverageRows(
  result: CoverageResult,
  categories?: readonly string[],
): CategoryCoverage[] {
  const wanted = categories ? new Set(categories) : null;
  return result.region.categories
    .filter((entry) => !wanted || wanted.has(entry.category))
    .sort((a, b) => (a.coveredShare ?? 2) - (b.coveredShare ?? 2) || a.category.localeCompare(b.category));
}

export interface UncoveredSummary {
  units: UnitFeature[];
  /** How many unit ids the API listed (some may not be among the loaded units). */
  unitCount: number;
  residents: number;
  estimated: boolean;
}

/** The uncovered units of a category as map features, with their residents summed. */
export function uncoveredUnits(
  result: CoverageResult,
  category: string,
  units: readonly UnitFeature[],
): UncoveredSummary {
  const ids = new Set(result.uncoveredUnitIds[category] ?? []);
  const found = units.filter((unit) => ids.has(unit.properties.id));
  return {
    units: found,
    unitCount: ids.size,
    residents: found.reduce((sum, unit) => sum + unit.properties.residents, 0),
    estimated: found.some((unit) => unit.properties.estimated === true),
  };
}
