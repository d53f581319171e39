/** The printed form of an import's outcome, for the command line (the API answers the JSON). */
import type { ImportReport } from './import-outcome.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Lines describing what an import read, how it mapped, what it found and what it did (or would do). */
export function formatImportOutcome(outcome: ImportReport, options: { maxProblems?: number } = {}): string[] {
  const maxProblems = options.maxProblems ?? 200;
  const lines: string[] = [];
  const { file } = outcome;
  const verb = outcome.committed ? 'imported' : 'checked (nothing written)';
  lines.push(
    `${verb}: ${file.name} → region "${outcome.regionId}", layer ${outcome.layer} (${outcome.mode}${outcome.createsRegion ? ', new region' : ''})`,
  );
  if (outcome.createsRegion && outcome.metricSrid)
    lines.push(`  new region measured in EPSG:${outcome.metricSrid}`);
  const encoding = file.encoding
    ? `, text ${file.encoding.label ?? file.encoding.encoding} (${file.encoding.from}${file.encoding.named ? ` "${file.encoding.named}"` : ''})`
    : '';
  const crs = file.crs
    ? `, coordinates ${file.crs.label} [${file.crs.id}] (${file.crs.from}) → WGS 84`
    : ', coordinate system unknown';
  lines.push(`  file: ${file.format}, ${plural(file.records, 'record')}${encoding}${crs}`);
  for (const note of file.notes) lines.push(`    ${note}`);
  const mapped = Object.entries(outcome.mapping).map(
    ([field, column]) =>
      `${field} ← ${column}${outcome.mappingFrom[field] ? ` (${outcome.mappingFrom[field]})` : ''}`,
  );
  lines.push(`  mapping: ${mapped.join(', ') || 'none'}`);
  for (const [field, values] of Object.entries(outcome.valueMap)) {
    const pairs = Object.entries(values).map(([value, code]) => `${value} → ${code}`);
    if (pairs.length > 0) lines.push(`  ${field} values: ${pairs.join(', ')}`);
  }
  const { changes } = outcome;
  lines.push(
    `  features: ${outcome.featureCount} (${changes.added} added, ${changes.updated} updated, ${changes.removed} removed; the layer goes from ${changes.before} to ${changes.after})`,
  );
  if (changes.removedIds.length > 0)
    lines.push(
      `    removed: ${changes.removedIds.join(', ')}${changes.removed > changes.removedIds.length ? ', …' : ''}`,
    );
  if (outcome.network) {
    const network = outcome.network;
    lines.push(
      `  network: ${network.edges} edges, ${network.nodes} nodes, ${(network.lengthMeters / 1000).toFixed(2)} km, ${plural(network.components, 'connected piece')} (largest ${network.largestComponentNodes} nodes)`,
    );
  }
  const counts = (severity: 'error' | 'warning' | 'note') =>
    Object.values(outcome.problemCounts[severity]).reduce((sum, count) => sum + (count ?? 0), 0);
  lines.push(
    `  problems: ${plural(counts('error'), 'error')}, ${plural(counts('warning'), 'warning')}, ${plural(counts('note'), 'note')}`,
  );
  for (const problem of outcome.problems.slice(0, maxProblems))
    lines.push(`    ${problem.severity}: ${problem.message}`);
  const left =
    outcome.problems.length - Math.min(outcome.problems.length, maxProblems) + outcome.problemsLeftOut;
  if (left > 0) lines.push(`    … and ${left} more`);
  if (outcome.scenarioImpact && outcome.scenarioImpact.scenarios.length > 0) {
    const impact = outcome.scenarioImpact;
    lines.push(
      `  scenarios of the region (${impact.requiresAcceptance ? 'acceptance required' : 'for information'}): ${impact.policy}`,
    );
    for (const scenario of impact.scenarios) {
      lines.push(`    "${scenario.name}" (${scenario.id}, version ${scenario.version}):`);
      for (const effect of scenario.effects) lines.push(`      - ${effect.text}`);
    }
  }
  return lines;
}
