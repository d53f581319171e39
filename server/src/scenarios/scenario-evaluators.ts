/**
 * A ScenarioEvaluator per scenario, cached with the version it holds, together with the scenario's
 * layers (its facility and path changes, core/scenario/scenario-layers.ts). A save replays its edits
 * on the cached evaluator (incremental, see applyDraftResult) instead of reading the scenario again;
 * any mismatch between the cached and the wanted version reads the scenario afresh. A version whose
 * save left the layers alone keeps the very same layers object, so what is cached on it (a walking
 * model, reach sets) serves the next version too.
 */

import type { Position } from '../../../core/geometry/position.js';
import { applyDraftResult, type DraftResult } from '../../../core/scenario/scenario-draft.js';
import {
  ScenarioEvaluator,
  type CommunityRecord,
  type ScenarioFacility,
} from '../../../core/scenario/scenario-evaluator.js';
import {
  effectiveFacilities,
  scenarioLayers,
  type AddedPath,
  type FacilityRecord,
  type ScenarioLayers,
} from '../../../core/scenario/scenario-layers.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import type { RegionScenarioBase } from './region-base.js';

/** A scenario at one version: its evaluator (boundaries, facilities by unit) and its layers. */
export interface ScenarioState {
  evaluator: ScenarioEvaluator;
  layers: ScenarioLayers;
}

interface CachedEvaluator {
  version: number;
  base: RegionScenarioBase;
  state: ScenarioState;
}

/** A row of SCENARIO_FACILITY_ROWS_JSON. */
type FacilityChangeRow = [
  id: string,
  removed: boolean,
  name: string | null,
  category: string | null,
  floorAreaSquareMeters: number | null,
  landAreaSquareMeters: number | null,
  capacity: number | null,
  lon: number | null,
  lat: number | null,
  unitId: string | null,
  xMeters: number | null,
  yMeters: number | null,
];

/** Facility changes as stored: the overlay, and each facility's unit and metric position. */
export function parseFacilityChanges(
  json: string,
  base: RegionScenarioBase,
): { changed: Map<string, FacilityRecord | null>; placed: Map<string, ScenarioFacility> } {
  const changed = new Map<string, FacilityRecord | null>();
  const placed = new Map<string, ScenarioFacility>();
  for (const row of JSON.parse(json) as FacilityChangeRow[]) {
    const [id, removed, name, category, floor, land, capacity, lon, lat, unitId, x, y] = row;
    if (removed) {
      // The region lost the facility since (a re-import): nothing left to remove.
      if (base.facilityRecordById.has(id)) changed.set(id, null);
      continue;
    }
    changed.set(id, {
      id,
      name: name!,
      category: category!,
      position: [lon!, lat!],
      floorAreaSquareMeters: floor,
      landAreaSquareMeters: land,
      capacity,
    });
    // A unit a later import removed: the facility then counts for no community until saved again.
    if (unitId !== null && base.unitIndexById.has(unitId))
      placed.set(id, {
        id,
        category: category!,
        unitId,
        floorAreaSquareMeters: floor,
        landAreaSquareMeters: land,
        xMeters: x,
        yMeters: y,
      });
  }
  return { changed, placed };
}

/**
 * The facilities a scenario's evaluator holds: the region's, with the scenario's changes (`placed`
 * gives each changed or added one's unit and metric position), in effectiveFacilities' order.
 */
export function scenarioFacilities(
  base: RegionScenarioBase,
  layers: ScenarioLayers,
  placed: ReadonlyMap<string, ScenarioFacility>,
): ScenarioFacility[] {
  if (layers.facilities.changed.size === 0) return base.facilities;
  const regionById = new Map(base.facilities.map((facility) => [facility.id, facility]));
  return effectiveFacilities(base.facilityRecords, layers.facilities).flatMap((record) => {
    const facility = layers.facilities.changed.has(record.id)
      ? placed.get(record.id)
      : regionById.get(record.id);
    return facility ? [facility] : [];
  });
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
): Promise<{ version: number; state: ScenarioState } | null> {
  const { rows } = await query<{
    version: number;
    communities: string;
    assignments: string;
    facilities: string;
    paths: string;
    closedEdges: string;
  }>(sql.SCENARIO_STATE, [scenarioId]);
  if (rows.length === 0) return null;
  const communities = JSON.parse(rows[0].communities) as CommunityRecord[];
  const assignment = base.baselineAssignment.slice();
  for (const [unitId, communityId] of JSON.parse(rows[0].assignments) as [string, string][]) {
    const index = base.unitIndexById.get(unitId);
    if (index === undefined)
      throw new Error(`scenario ${scenarioId} assigns unit ${unitId}, which its region does not have`);
    assignment[index] = communityId;
  }
  const { changed, placed } = parseFacilityChanges(rows[0].facilities, base);
  const paths = (JSON.parse(rows[0].paths) as [string, string | null, Position[]][]).map(
    ([id, name, coordinates]): AddedPath => ({ id, name, coordinates }),
  );
  const layers = scenarioLayers(changed, paths, JSON.parse(rows[0].closedEdges) as number[]);
  const evaluator = new ScenarioEvaluator({
    units: base.units,
    adjacency: base.adjacency,
    communities,
    assignment,
    facilities: scenarioFacilities(base, layers, placed),
    streets: base.streets,
  });
  return { version: rows[0].version, state: { evaluator, layers } };
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
): Promise<ScenarioState | null> {
  const cached = cacheOf(database).get(scenarioId);
  if (cached && cached.version === version && cached.base === base) {
    remember(database, scenarioId, cached);
    return cached.state;
  }
  const read = await readScenarioEvaluator(query, scenarioId, base);
  if (!read || read.version !== version) return null;
  const current = cacheOf(database).get(scenarioId);
  if (!current || current.base !== base || current.version < version) {
    remember(database, scenarioId, { version, base, state: read.state });
  }
  return read.state;
}

/**
 * After a save committed: moves the state it drafted over from `fromVersion` to `toVersion` by
 * replaying the save (with `facilities`, the evaluator's new facility list when the save changed
 * facilities), and caches it — unless a newer version is cached already.
 */
export function commitToCache(
  database: Database,
  scenarioId: string,
  base: RegionScenarioBase,
  state: ScenarioState,
  fromVersion: number,
  toVersion: number,
  result: DraftResult,
  facilities: readonly ScenarioFacility[] | null,
): void {
  const current = cacheOf(database).get(scenarioId);
  const isOurs = current?.state === state && current.version === fromVersion;
  // A newer save cached its own evaluator meanwhile: ours is behind it and is dropped.
  if (current && !isOurs && current.version >= toVersion) return;
  applyDraftResult(state.evaluator, result);
  if (facilities) state.evaluator.setFacilities(facilities);
  const next: ScenarioState = result.layers ? { evaluator: state.evaluator, layers: result.layers } : state;
  remember(database, scenarioId, { version: toVersion, base, state: next });
}

/** Forgets a scenario's evaluator (deleted scenario). */
export function forgetScenarioEvaluator(database: Database, scenarioId: string): void {
  cacheOf(database).delete(scenarioId);
}
