/**
 * A scenario's history: its versions with their time and edits, any version's state rebuilt from
 * the edit log, and a version restored as a new one. The tables hold only the current state; every
 * earlier one is the state the scenario started from (the baseline, or the scenario it was copied
 * from as that one stood then) with the logged edits replayed through the same draft and PostGIS
 * resolution a save uses. A restore is saved as the edits that take the current state to the old
 * one (core/scenario/restore-edits.ts), through the ordinary save: its version check answers 409
 * when the scenario has moved on, and the log stays the one history.
 */

import { randomUUID } from 'node:crypto';
import { restoreEdits, type PlainScenarioState } from '../../../core/scenario/restore-edits.js';
import { editSchema } from '../../../core/scenario/scenario-edit-schema.js';
import { ScenarioDraft, type ScenarioEdit } from '../../../core/scenario/scenario-draft.js';
import { ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import type { ScenarioSummary } from '../../../core/scenario/scenario-summary.js';
import { NO_LAYER_CHANGES, type ScenarioLayers } from '../../../core/scenario/scenario-layers.js';
import type { Database } from '../db/client.js';
import { DomainError, isDomainError } from '../domain-error.js';
import { regionScenarioBase, type RegionScenarioBase } from './region-base.js';
import {
  BASELINE_ID,
  createScenario,
  deleteScenario,
  getScenario,
  resolveGeometry,
  saveScenarioEdits,
} from './scenario-store.js';

type ScenarioDetail = Awaited<ReturnType<typeof getScenario>>;

/** Every version of a scenario, newest first: when it was saved and how many edits of each kind. */
export async function scenarioVersions(database: Database, id: string) {
  const scenario = await getScenario(database, id);
  const logged = new Map(scenario.edits.map((entry) => [entry.version, entry]));
  const versions = [];
  for (let version = scenario.version; version >= 1; version -= 1) {
    const entry = logged.get(version);
    const counts = new Map<ScenarioEdit['op'], number>();
    for (const edit of entry?.edits ?? []) counts.set(edit.op, (counts.get(edit.op) ?? 0) + 1);
    versions.push({
      version,
      createdAt: version === 1 ? scenario.createdAt : (entry?.createdAt ?? null),
      editCount: entry?.edits.length ?? 0,
      edits: [...counts].map(([op, count]) => ({ op, count })),
      // Who saved it: the owner made version 1; saves before accounts name no one.
      ...(version === 1 && scenario.owner ? { author: scenario.owner } : {}),
      ...(entry?.author ? { author: entry.author } : {}),
    });
  }
  return {
    scenario: { id: scenario.id, regionId: scenario.regionId, version: scenario.version },
    basedOn: scenario.basedOn,
    versions,
  };
}

const unavailable = (id: string, version: number, detail: { en: string; zh: string }) =>
  new DomainError('scenario.version-unavailable', { id, version, detail: detail.en, detailZh: detail.zh });

/** Most scenarios a chain of copies is followed through (a copy of a copy of …). */
const MAX_COPY_DEPTH = 50;

/** A scenario's state at `version` as plain data, rebuilt from its start and its edit log. */
async function stateAt(
  database: Database,
  scenario: ScenarioDetail,
  version: number,
  base: RegionScenarioBase,
  depth = 0,
): Promise<PlainScenarioState> {
  if (version < 1 || version > scenario.version)
    throw new DomainError('scenario.version-not-found', {
      id: scenario.id,
      version,
      currentVersion: scenario.version,
    });
  let state = await startOf(database, scenario, base, depth);
  // Save by save, each on a draft of its own as it was saved (a draft never reuses an id it removed).
  const saves = scenario.edits
    .filter((entry) => entry.version <= version)
    .sort((a, b) => a.version - b.version);
  for (const save of saves) state = await replay(database, scenario, save.version, base, state, save.edits);
  return state;
}

/** The state a scenario was created with: the baseline's, or its source's as it stood then. */
async function startOf(
  database: Database,
  scenario: ScenarioDetail,
  base: RegionScenarioBase,
  depth: number,
): Promise<PlainScenarioState> {
  if (scenario.basedOn === null || scenario.basedOn === BASELINE_ID)
    return {
      communities: base.baselineCommunities,
      assignment: base.baselineAssignment,
      layers: NO_LAYER_CHANGES,
    };
  const gone = {
    en: `it was copied from scenario "${scenario.basedOn}", which no longer exists`,
    zh: `它复制自方案“${scenario.basedOn}”，该方案已不存在`,
  };
  if (depth >= MAX_COPY_DEPTH) throw unavailable(scenario.id, 1, gone);
  const source = await getScenario(database, scenario.basedOn).catch((error: unknown) => {
    if (isDomainError(error, 'scenario.not-found')) throw unavailable(scenario.id, 1, gone);
    throw error;
  });
  // The source's version when the copy was made: the last of its saves logged before then.
  const copiedAt = Date.parse(scenario.createdAt);
  let sourceVersion = 1;
  for (const entry of source.edits)
    if (Date.parse(entry.createdAt) <= copiedAt) sourceVersion = Math.max(sourceVersion, entry.version);
  return stateAt(database, source, sourceVersion, base, depth + 1);
}

/** Applies one save's logged edits to the state before it through a draft, as the save did. */
async function replay(
  database: Database,
  scenario: ScenarioDetail,
  version: number,
  base: RegionScenarioBase,
  start: PlainScenarioState,
  edits: readonly ScenarioEdit[],
): Promise<PlainScenarioState> {
  const evaluator = evaluatorOf(base, start);
  // The edits were accepted once: ids, edges and the network were checked then.
  const draft = new ScenarioDraft(evaluator, {
    reservedCommunityIds: new Set(),
    newCommunityId: () => `n-${randomUUID().slice(0, 8)}`,
    layers: {
      regionFacilities: base.facilityRecordById,
      current: start.layers,
      isEdge: () => true,
      newFacilityId: () => `f-n-${randomUUID().slice(0, 8)}`,
      newPathId: () => `p-${randomUUID().slice(0, 8)}`,
    },
  });
  for (const [index, edit] of edits.entries()) {
    const refuse = (detail: { en: string; zh: string }) =>
      unavailable(scenario.id, version, {
        en: `edit ${index + 1} (${edit.op}) of the save that made version ${version} no longer applies: ${detail.en}`,
        zh: `生成第 ${version} 版的第 ${index + 1} 项编辑（${edit.op}）已无法应用：${detail.zh}`,
      });
    const resolved = await resolveGeometry(database.query, base.regionId, draft, edit, refuse);
    const outcome = draft.apply(edit, resolved);
    if (!outcome.ok) throw refuse({ en: outcome.message, zh: outcome.messageZh });
  }
  const result = draft.result();
  const records = new Map(start.communities.map((record) => [record.id, record]));
  for (const record of [...result.created, ...result.updated]) records.set(record.id, record);
  for (const id of result.dissolved) records.delete(id);
  const assignment = start.assignment.slice();
  for (const move of result.moves) assignment[base.unitIndexById.get(move.unitId)!] = move.to;
  const layers: ScenarioLayers = result.layers ?? start.layers;
  return { communities: [...records.values()], assignment, layers };
}

/** An evaluator over a plain state (boundaries only: the draft reads no facility figures). */
function evaluatorOf(base: RegionScenarioBase, state: PlainScenarioState): ScenarioEvaluator {
  if (state.communities === base.baselineCommunities && state.assignment === base.baselineAssignment)
    return base.baselineEvaluator();
  return new ScenarioEvaluator({
    units: base.units,
    adjacency: base.adjacency,
    communities: [...state.communities],
    assignment: [...state.assignment],
    facilities: base.facilities,
    streets: base.streets,
  });
}

/** A scenario at one version, as the API answers it. */
export async function scenarioVersionState(database: Database, id: string, version: number) {
  const scenario = await getScenario(database, id);
  const base = await regionScenarioBase(database, scenario.regionId);
  const state = await stateAt(database, scenario, version, base);
  const indexById = new Map(state.communities.map((record, index) => [record.id, index]));
  return {
    id,
    regionId: scenario.regionId,
    version,
    communities: state.communities.map((record) => ({ ...record })),
    assignment: state.assignment.map((communityId) => indexById.get(communityId)!),
    facilityChanges: [...state.layers.facilities.changed].map(([facilityId, record]) => ({
      id: facilityId,
      facility: record
        ? { ...record, position: [record.position[0], record.position[1]] as [number, number] }
        : null,
    })),
    addedPaths: state.layers.paths.added.map((path) => ({
      id: path.id,
      name: path.name,
      coordinates: path.coordinates.map(([lon, lat]) => [lon, lat] as [number, number]),
    })),
    closedEdgeIds: [...state.layers.paths.closedEdgeIds],
  };
}

/**
 * Saves the state of `version` as a new version on top of `expectedVersion` (the version the client
 * holds; 409 when the scenario has moved on), as the edits that take the current state there.
 */
export async function restoreScenarioVersion(
  database: Database,
  id: string,
  version: number,
  expectedVersion: number,
  author: string | null,
) {
  const scenario = await getScenario(database, id);
  if (scenario.version !== expectedVersion)
    throw new DomainError(
      'scenario.stale-version',
      { currentVersion: scenario.version },
      { currentVersion: scenario.version },
    );
  const base = await regionScenarioBase(database, scenario.regionId);
  const [current, target] = await Promise.all([
    stateAt(database, scenario, scenario.version, base),
    stateAt(database, scenario, version, base),
  ]);
  const { edits, restored } = editsBetween(base, current, target, version);
  // Edits as the PATCH body would take them: what the log holds must read back through the contract.
  const saved = await saveScenarioEdits(database, id, { version: expectedVersion, edits }, author, {
    restoredCommunityIds: restored,
  });
  return { version: saved.version, edits: saved.edits, restoredFrom: version };
}

/**
 * The edits that take state `current` to state `target` (that of `version`), as the PATCH body
 * takes them, and the communities they bring back; refused when the region's facilities removed or
 * network edges closed since would have to come back (no edit reopens them).
 */
function editsBetween(
  base: RegionScenarioBase,
  current: PlainScenarioState,
  target: PlainScenarioState,
  version: number,
): { edits: ScenarioEdit[]; restored: ReadonlySet<string> } {
  const unitIds = base.units.map((unit) => unit.id);
  const { edits, gaps } = restoreEdits(unitIds, current, target, base.facilityRecordById);
  if (gaps.length > 0) {
    const facilities = gaps.filter((gap) => gap.kind === 'facility-removed').map((gap) => String(gap.id));
    const edges = gaps.filter((gap) => gap.kind === 'edge-closed').map((gap) => String(gap.id));
    const en = [
      facilities.length
        ? `the region's facilities ${facilities.join(', ')} were removed since and cannot be brought back`
        : '',
      edges.length ? `the network edges ${edges.join(', ')} were closed since and cannot be reopened` : '',
    ].filter(Boolean);
    const zh = [
      facilities.length ? `此后删除的区域设施 ${facilities.join('、')} 无法恢复` : '',
      edges.length ? `此后封闭的路段 ${edges.join('、')} 无法重新开放` : '',
    ].filter(Boolean);
    throw new DomainError('scenario.restore-unsupported', {
      version,
      detail: en.join('; '),
      detailZh: zh.join('；'),
    });
  }
  // Edits as the PATCH body would take them: what the log holds must read back through the contract.
  return {
    edits: edits.map((edit) => editSchema.parse(edit)),
    restored: new Set(target.communities.map((record) => record.id)),
  };
}

/**
 * A new scenario copied from scenario `basedOn` as it stood at `basedOnVersion`: a copy of its
 * current state (version 1, as any copy) with the edits that take it back to that version saved as
 * version 2 by `owner`, so the copy's history stays one log. Refused (nothing created) when the
 * version does not exist or cannot be reached by edits (restore-unsupported).
 */
export async function copyScenarioAtVersion(
  database: Database,
  regionId: string,
  name: string,
  basedOn: string,
  basedOnVersion: number,
  owner: string | null,
): Promise<ScenarioSummary> {
  const source = await getScenario(database, basedOn).catch((error: unknown) => {
    if (isDomainError(error, 'scenario.not-found'))
      throw new DomainError('scenario.based-on-missing', { basedOn });
    throw error;
  });
  if (basedOnVersion > source.version)
    throw new DomainError('scenario.based-on-version-missing', {
      basedOn,
      version: basedOnVersion,
      currentVersion: source.version,
    });
  if (basedOnVersion === source.version) return createScenario(database, regionId, name, basedOn, owner);
  const base = await regionScenarioBase(database, source.regionId);
  const [current, target] = await Promise.all([
    stateAt(database, source, source.version, base),
    stateAt(database, source, basedOnVersion, base),
  ]);
  const { edits, restored } = editsBetween(base, current, target, basedOnVersion);
  const created = await createScenario(database, regionId, name, basedOn, owner);
  if (edits.length === 0) return created;
  try {
    const saved = await saveScenarioEdits(database, created.id, { version: created.version, edits }, owner, {
      restoredCommunityIds: restored,
    });
    return { ...created, version: saved.version };
  } catch (error) {
    // The copy is not the version asked for: it goes.
    await deleteScenario(database, created.id);
    throw error;
  }
}
