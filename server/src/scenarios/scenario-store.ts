/**
 * Scenarios in the database: create (from the baseline or another scenario), list, read, delete,
 * and save a batch of edits atomically against the version the client last saw.
 */

import { randomUUID } from 'node:crypto';
import { validityReasonZh } from '../../../core/import/bilingual-text.js';
import { sideOfLine, type LineSide } from '../../../core/scenario/line-side.js';
import {
  ScenarioDraft,
  type DraftResult,
  type ResolvedGeometry,
  type ScenarioEdit,
} from '../../../core/scenario/scenario-draft.js';
import type { ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import type { ScenarioSummary } from '../../../core/scenario/scenario-summary.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { DomainError } from '../domain-error.js';
import { regionScenarioBase, type RegionScenarioBase } from './region-base.js';
import { commitToCache, forgetScenarioEvaluator, scenarioEvaluatorAt } from './scenario-evaluators.js';

/** The id that names a region's own communities wherever a scenario id is accepted. */
export const BASELINE_ID = 'baseline';

/** A save refused because the client's version is not the current one: the answer names the current one. */
function staleVersion(currentVersion: number): DomainError {
  return new DomainError('scenario.stale-version', { currentVersion }, { currentVersion });
}

const notFound = (id: string) => new DomainError('scenario.not-found', { id });

/** Edit operations as the interface names them in Chinese. */
const EDIT_OP_ZH: Record<ScenarioEdit['op'], string> = {
  assign: '调整单元',
  redraw: '重画边界',
  split: '拆分',
  merge: '合并',
  create: '新建社区',
  update: '修改属性',
  'convert-village': '村改社区',
};

/** An edit of a save refused: which one (by index and op) and why, in both languages. */
function editRefused(index: number, edit: ScenarioEdit, detail: { en: string; zh: string }): DomainError {
  return new DomainError('scenario.edit-refused', {
    index,
    ordinal: index + 1,
    op: edit.op,
    opZh: EDIT_OP_ZH[edit.op],
    detail: detail.en,
    detailZh: detail.zh,
  });
}

export async function createScenario(
  database: Database,
  regionId: string,
  name: string,
  basedOn: string,
): Promise<ScenarioSummary> {
  // Prepares the region (adjacency, baseline geometry) on its first scenario, outside the transaction.
  await regionScenarioBase(database, regionId);
  const id = randomUUID();
  return database.transaction(async (query) => {
    if (basedOn !== BASELINE_ID) {
      const { rows } = await query<{ regionId: string }>(sql.SCENARIO_HEAD, [basedOn]);
      if (rows.length === 0) throw new DomainError('scenario.based-on-missing', { basedOn });
      if (rows[0].regionId !== regionId) {
        throw new DomainError('scenario.based-on-other-region', {
          basedOn,
          otherRegionId: rows[0].regionId,
          regionId,
        });
      }
    }
    const { rows } = await query<ScenarioSummary>(sql.INSERT_SCENARIO, [id, regionId, name, basedOn]);
    if (basedOn === BASELINE_ID) {
      await query(sql.COPY_BASELINE_COMMUNITIES, [id, regionId]);
    } else {
      await query(sql.COPY_SCENARIO_COMMUNITIES, [id, basedOn]);
      await query(sql.COPY_SCENARIO_ASSIGNMENTS, [id, basedOn]);
    }
    return rows[0];
  });
}

export async function listScenarios(database: Database, regionId: string): Promise<ScenarioSummary[]> {
  await regionScenarioBase(database, regionId);
  const { rows } = await database.query<ScenarioSummary>(sql.LIST_SCENARIOS, [regionId]);
  return rows;
}

export async function getScenario(database: Database, id: string) {
  const { rows } = await database.query<
    ScenarioSummary & { communityCount: number; unitsMovedFromBaseline: number; edits: string }
  >(sql.GET_SCENARIO, [id]);
  if (rows.length === 0) throw notFound(id);
  return {
    ...rows[0],
    edits: JSON.parse(rows[0].edits) as { version: number; edits: ScenarioEdit[]; createdAt: string }[],
  };
}

export async function deleteScenario(database: Database, id: string): Promise<void> {
  const { rows } = await database.query(sql.DELETE_SCENARIO, [id]);
  if (rows.length === 0) throw notFound(id);
  forgetScenarioEvaluator(database, id);
}

/** What was read of a scenario (or the baseline), all of one version. */
export interface ScenarioView<Extra, Snapshot> {
  id: string;
  regionId: string;
  version: number;
  base: RegionScenarioBase;
  /** What `readExtra` read (e.g. the communities' geometry). */
  extra: Extra;
  /** What `snapshot` took off the evaluator. */
  snapshot: Snapshot;
}

export type ScenarioReference = { kind: 'baseline'; regionId: string } | { kind: 'scenario'; id: string };

/**
 * Reads a scenario (or the baseline) at its current version. `readExtra`, when given, reads more of it
 * (e.g. its geometry) together with the version it saw; `snapshot` runs on the evaluator of that same
 * version before anything else can run (a save replays itself on the cached evaluator when it
 * commits), so geometry and metrics describe one state. Re-reads when a save intervened.
 */
export async function scenarioView<Extra, Snapshot>(
  database: Database,
  reference: ScenarioReference,
  options: {
    readExtra?: (regionId: string) => Promise<{ version: number; extra: Extra } | null>;
    snapshot: (evaluator: ScenarioEvaluator) => Snapshot;
  },
): Promise<ScenarioView<Extra, Snapshot>> {
  const { readExtra, snapshot } = options;
  if (reference.kind === 'baseline') {
    const base = await regionScenarioBase(database, reference.regionId);
    const read = readExtra ? await readExtra(reference.regionId) : null;
    const id = BASELINE_ID;
    return {
      id,
      regionId: reference.regionId,
      version: 1,
      base,
      extra: read?.extra as Extra,
      snapshot: snapshot(base.baselineEvaluator()),
    };
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { rows } = await database.query<{ version: number; regionId: string }>(sql.SCENARIO_HEAD, [
      reference.id,
    ]);
    if (rows.length === 0) throw notFound(reference.id);
    const { regionId } = rows[0];
    const base = await regionScenarioBase(database, regionId);
    let version = rows[0].version;
    let extra: Extra | undefined;
    if (readExtra) {
      const read = await readExtra(regionId);
      if (!read) throw notFound(reference.id);
      ({ version, extra } = read);
    }
    const evaluator = await scenarioEvaluatorAt(database, database.query, reference.id, base, version);
    if (evaluator)
      return {
        id: reference.id,
        regionId,
        version,
        base,
        extra: extra as Extra,
        snapshot: snapshot(evaluator),
      };
  }
  throw new DomainError('scenario.busy', { id: reference.id });
}

/** The outcome of a save: the new version and, per edit, how many units moved and any notes. */
export interface SaveOutcome {
  version: number;
  edits: { op: ScenarioEdit['op']; moved: number; notes: string[] }[];
  result: DraftResult;
}

/**
 * Applies `edits` to scenario `id` if it is still at `version`, in one transaction: the scenario row
 * is locked first (a concurrent save of the same scenario waits, then finds the version moved on and
 * fails with `scenario.stale-version`), every edit is applied to a draft, and only a draft with no
 * refused edit is written, with the next version. A refused edit throws `scenario.edit-refused` naming it;
 * nothing is written.
 */
export async function saveScenarioEdits(
  database: Database,
  id: string,
  body: { version: number; edits: ScenarioEdit[]; name?: string },
): Promise<SaveOutcome> {
  const { rows: heads } = await database.query<{ version: number; regionId: string }>(sql.SCENARIO_HEAD, [
    id,
  ]);
  if (heads.length === 0) throw notFound(id);
  if (heads[0].version !== body.version) throw staleVersion(heads[0].version);
  const base = await regionScenarioBase(database, heads[0].regionId);
  const reservedCommunityIds = new Set(base.baselineCommunities.map((community) => community.id));

  const saved = await database.transaction(async (query) => {
    const locked = await query<{ version: number }>(sql.LOCK_SCENARIO, [id]);
    if (locked.rows.length === 0) throw notFound(id);
    if (locked.rows[0].version !== body.version) throw staleVersion(locked.rows[0].version);
    // Locked at body.version, the database cannot move on before this transaction ends.
    const evaluator = await scenarioEvaluatorAt(database, query, id, base, body.version);
    if (!evaluator) throw new Error(`scenario ${id} changed under its lock`);
    const draft = new ScenarioDraft(evaluator, {
      reservedCommunityIds,
      newCommunityId: () => `n-${randomUUID().slice(0, 8)}`,
    });
    const outcomes: SaveOutcome['edits'] = [];
    for (const [index, edit] of body.edits.entries()) {
      const refuse = (detail: { en: string; zh: string }) => editRefused(index, edit, detail);
      const resolved = await resolveGeometry(query, base.regionId, draft, edit, refuse);
      const outcome = draft.apply(edit, resolved);
      if (!outcome.ok) throw refuse({ en: outcome.message, zh: outcome.messageZh });
      outcomes.push({ op: edit.op, moved: outcome.moved, notes: outcome.notes });
    }
    const result = draft.result();
    await writeDraft(query, id, base, draft, result);
    const advanced = await query<{ version: number }>(sql.ADVANCE_SCENARIO_VERSION, [
      id,
      body.version,
      body.name ?? null,
    ]);
    const version = advanced.rows[0].version;
    if (body.edits.length > 0)
      await query(sql.INSERT_SCENARIO_EDIT, [id, version, JSON.stringify(body.edits)]);
    return { version, outcomes, result, evaluator };
  });

  commitToCache(database, id, base, saved.evaluator, body.version, saved.version, saved.result);
  return { version: saved.version, edits: saved.outcomes, result: saved.result };
}

/** Writes a draft's net effect: communities first (assignments point at them), then assignments, removals, geometry. */
async function writeDraft(
  query: Query,
  scenarioId: string,
  base: RegionScenarioBase,
  draft: ScenarioDraft,
  result: DraftResult,
) {
  const records = [...result.created, ...result.updated];
  if (records.length > 0) await query(sql.UPSERT_SCENARIO_COMMUNITIES, [scenarioId, JSON.stringify(records)]);
  const overrides: { unitId: string; communityId: string }[] = [];
  const backHome: string[] = [];
  for (const move of result.moves) {
    const baseline = base.baselineAssignment[base.unitIndexById.get(move.unitId)!];
    if (baseline === move.to) backHome.push(move.unitId);
    else overrides.push({ unitId: move.unitId, communityId: move.to });
  }
  if (overrides.length > 0) await query(sql.UPSERT_ASSIGNMENTS, [scenarioId, JSON.stringify(overrides)]);
  if (backHome.length > 0) await query(sql.DELETE_ASSIGNMENTS, [scenarioId, JSON.stringify(backHome)]);
  if (result.dissolved.length > 0)
    await query(sql.DELETE_SCENARIO_COMMUNITIES, [scenarioId, JSON.stringify(result.dissolved)]);
  if (result.reshaped.length > 0) {
    const members = result.reshaped.flatMap((communityId) =>
      draft.unitsOf(communityId).map((unitId) => ({ unitId, communityId })),
    );
    await query(sql.RESHAPE_SCENARIO_COMMUNITIES, [scenarioId, base.regionId, JSON.stringify(members)]);
  }
}

/** Asks PostGIS which units a redraw's outline holds, or which side of a split's line each unit is on. */
async function resolveGeometry(
  query: Query,
  regionId: string,
  draft: ScenarioDraft,
  edit: ScenarioEdit,
  refuse: (detail: { en: string; zh: string }) => DomainError,
): Promise<ResolvedGeometry> {
  if (edit.op === 'redraw') {
    const outline = JSON.stringify(edit.outline);
    const { rows } = await query<{ valid: boolean; reason: string }>(sql.GEOMETRY_VALIDITY, [outline]);
    if (!rows[0].valid) {
      throw refuse({
        en: `the outline is not a valid polygon: ${rows[0].reason}`,
        zh: `所画范围不是有效的多边形：${validityReasonZh(rows[0].reason)}`,
      });
    }
    const inside = await query<{ id: string }>(sql.UNITS_INSIDE_OUTLINE, [regionId, outline]);
    return { insideUnitIds: inside.rows.map((row) => row.id) };
  }
  if (edit.op === 'split') {
    if (!draft.hasCommunity(edit.communityId)) return {};
    const members = draft.unitsOf(edit.communityId);
    const { rows } = await query<{ shapeParts: number; pieceCount: number; pieces: string; units: string }>(
      sql.SPLIT_UNITS_BY_LINE,
      [regionId, JSON.stringify(members), JSON.stringify(edit.line)],
    );
    const { shapeParts, pieceCount } = rows[0];
    if (pieceCount <= shapeParts)
      throw refuse({
        en: `the line does not cross community "${edit.communityId}" from one edge to another`,
        zh: `分割线没有从一侧边界穿过社区“${edit.communityId}”到另一侧`,
      });
    const line = edit.line.coordinates;
    const pieceSide = new Map<number, LineSide>(
      (JSON.parse(rows[0].pieces) as [number, number, number][]).map(([piece, lon, lat]) => [
        piece,
        sideOfLine(line, [lon, lat]),
      ]),
    );
    const wanted: LineSide = edit.side ?? 'left';
    const newSideUnitIds = (JSON.parse(rows[0].units) as [string, number, number, number | null][])
      .filter(
        ([, lon, lat, piece]) =>
          (piece !== null ? pieceSide.get(piece) : sideOfLine(line, [lon, lat])) === wanted,
      )
      .map(([unitId]) => unitId);
    return { newSideUnitIds };
  }
  return {};
}
