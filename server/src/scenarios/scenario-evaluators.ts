/**
 * A ScenarioEvaluator per scenario, cached with the version it holds. A save replays its edits on the
 * cached evaluator (incremental, see applyDraftResult) instead of reading the scenario again; any
 * mismatch between the cached and the wanted version reads the scenario afresh.
 */

import { applyDraftResult, type DraftResult } from '../../../core/scenario/scenario-draft.js';
import { ScenarioEvaluator, type CommunityRecord } from '../../../core/scenario/scenario-evaluator.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import type { RegionScenarioBase } from './region-base.js';

interface CachedEvaluator {
  version: number;
  base: RegionScenarioBase;
  evaluator: ScenarioEvaluator;
}

/** Most scenarios kept per database; the least recently used goes first. */
const MAX_CACHED_SCENARIOS = 32;

const evaluatorsByDatabase = new WeakMap<Database, Map<string, CachedEvaluator>>();

function cacheOf(database: Database): Map<string, CachedEvaluator> {
  let cache = evaluatorsByDatabase.get(database);
  if (!cache) evaluatorsByDatabase.set(database, (cache = new Map()));
  return cache;
}

function remember(database: Database, scenarioId: string, entry: CachedEvaluator): void {
  const cache = cacheOf(database);
  cache.delete(scenarioId);
  cache.set(scenarioId, entry);
  while (cache.size > MAX_CACHED_SCENARIOS) cache.delete(cache.keys().next().value!);
}

/**
 * Reads a scenario (communities and assignment overrides) through `query` and builds its evaluator.
 * Returns null when the scenario does not exist.
 */
export async function readScenarioEvaluator(
  query: Query,
  scenarioId: string,
  base: RegionScenarioBase,
): Promise<{ version: number; evaluator: ScenarioEvaluator } | null> {
  const { rows } = await query<{ version: number; communities: string; assignments: string }>(
    sql.SCENARIO_STATE,
    [scenarioId],
  );
  if (rows.length === 0) return null;
  const communities = JSON.parse(rows[0].communities) as CommunityRecord[];
  const assignment = base.baselineAssignment.slice();
  for (const [unitId, communityId] of JSON.parse(rows[0].assignments) as [string, string][]) {
    const index = base.unitIndexById.get(unitId);
    if (index === undefined)
      throw new Error(`scenario ${scenarioId} assigns unit ${unitId}, which its region does not have`);
    assignment[index] = communityId;
  }
  const evaluator = new ScenarioEvaluator({
    units: base.units,
    adjacency: base.adjacency,
    communities,
    assignment,
    facilities: base.facilities,
    streets: base.streets,
  });
  return { version: rows[0].version, evaluator };
}

/**
 * The scenario's evaluator at `version`: the cached one when it holds that version, else read
 * through `query` (inside a save's transaction, pass the transaction's query). Returns null when the
 * database holds another version by now (the caller re-reads) or no such scenario.
 */
export async function scenarioEvaluatorAt(
  database: Database,
  query: Query,
  scenarioId: string,
  base: RegionScenarioBase,
  version: number,
): Promise<ScenarioEvaluator | null> {
  const cached = cacheOf(database).get(scenarioId);
  if (cached && cached.version === version && cached.base === base) {
    remember(database, scenarioId, cached);
    return cached.evaluator;
  }
  const read = await readScenarioEvaluator(query, scenarioId, base);
  if (!read || read.version !== version) return null;
  const current = cacheOf(database).get(scenarioId);
  if (!current || current.base !== base || current.version < version) {
    remember(database, scenarioId, { version, base, evaluator: read.evaluator });
  }
  return read.evaluator;
}

/**
 * After a save committed: moves the evaluator it drafted over from `fromVersion` to `toVersion` by
 * replaying the save, and caches it — unless a newer version is cached already.
 */
export function commitToCache(
  database: Database,
  scenarioId: string,
  base: RegionScenarioBase,
  evaluator: ScenarioEvaluator,
  fromVersion: number,
  toVersion: number,
  result: DraftResult,
): void {
  const current = cacheOf(database).get(scenarioId);
  const isOurs = current?.evaluator === evaluator && current.version === fromVersion;
  // A newer save cached its own evaluator meanwhile: ours is behind it and is dropped.
  if (current && !isOurs && current.version >= toVersion) return;
  applyDraftResult(evaluator, result);
  remember(database, scenarioId, { version: toVersion, base, evaluator });
}

/** Forgets a scenario's evaluator (deleted scenario). */
export function forgetScenarioEvaluator(database: Database, scenarioId: string): void {
  cacheOf(database).delete(scenarioId);
}
