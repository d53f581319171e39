/**
 * What an import left out, by reason: a count and the first few elements (e.g. `way 123`), so the
 * report can say "highway=motorway: motorway (pedestrians barred): 38 (way 1, way 2, … 36 more)".
 */

/** Elements named per reason at most. */
export const SKIP_EXAMPLES_KEPT = 5;

export type SkipTally = Record<string, { count: number; examples: string[] }>;

/** Counts `element` (e.g. `way 123`) under `reason`. */
export function tallySkip(tally: SkipTally, reason: string, element: string): void {
  const entry = (tally[reason] ??= { count: 0, examples: [] });
  entry.count += 1;
  if (entry.examples.length < SKIP_EXAMPLES_KEPT) entry.examples.push(element);
}

/** The total count of a tally. */
export function skipTotal(tally: SkipTally): number {
  return Object.values(tally).reduce((sum, entry) => sum + entry.count, 0);
}

/** One line per reason, most frequent first: `reason: 38 (way 1, way 2, … 36 more)`. */
export function formatSkipTally(tally: SkipTally): string[] {
  return Object.entries(tally)
    .sort(([reasonA, a], [reasonB, b]) => b.count - a.count || reasonA.localeCompare(reasonB))
    .map(([reason, { count, examples }]) => {
      const more = count > examples.length ? `, … ${count - examples.length} more` : '';
      return `${reason}: ${count} (${examples.join(', ')}${more})`;
    });
}
