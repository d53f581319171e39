/**
 * Scenarios in the database: create (from the baseline or another scenario), list, read, delete,
 * and save a batch of edits (boundaries, facilities, paths) atomically against the version the
 * client last saw.
 */

import { randomUUID } from 'node:crypto';
import { validityReasonZh } from '../../../core/import/bilingual-text.js';
import { lineStringLengthMeters } from '../../../core/geometry/haversine.js';
import { PATH_JOIN_METERS, PathNetwork } from '../../../core/network/path-edits.js';
import { sideOfLine, type LineSide } from '../../../core/scenario/line-side.js';
import {
  ScenarioDraft,
  type DraftResult,
  type ResolvedGeometry,
  type ScenarioEdit,
} from '../../../core/scenario/scenario-draft.js';
import type { ScenarioEvaluator, ScenarioFacility } from '../../../core/scenario/scenario-evaluator.js';
import { LAYER_EDIT_OPS } from '../../../core/scenario/scenario-edit-schema.js';
import {
  NO_LAYER_CHANGES,
  type FacilityRecord,
  type ScenarioLayers,
} from '../../../core/scenario/scenario-layers.js';
import type { ReviewStep, ScenarioSummary } from '../../../core/scenario/scenario-summary.js';
import { isLocked, lockedByReview } from './scenario-review.js';
import { checkPositions } from '../accessibility/region-checks.js';
import {
  regionAccessibility,
  regionExtent,
  type RegionAccessibility,
} from '../accessibility/region-models.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { DomainError, isDomainError } from '../domain-error.js';
import { regionScenarioBase, type RegionScenarioBase } from './region-base.js';
import {
  commitToCache,
  forgetScenarioEvaluator,
  parseFacilityChanges,
  scenarioEvaluatorAt,
  scenarioFacilities,
} from './scenario-evaluators.js';

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
  'add-facility': '新增设施',
  'move-facility': '移动设施',
  'update-facility': '修改设施',
  'remove-facility': '删除设施',
  'add-path': '新增道路',
  'close-path': '封闭道路',
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
  owner: string | null,
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
    const { rows } = await query<ScenarioSummary>(sql.INSERT_SCENARIO, [id, regionId, name, basedOn, owner]);
    if (basedOn === BASELINE_ID) {
      await query(sql.COPY_BASELINE_COMMUNITIES, [id, regionId]);
    } else {
      await query(sql.COPY_SCENARIO_COMMUNITIES, [id, basedOn]);
      await query(sql.COPY_SCENARIO_ASSIGNMENTS, [id, basedOn]);
      await query(sql.COPY_SCENARIO_FACILITIES, [id, basedOn]);
      await query(sql.COPY_SCENARIO_PATHS, [id, basedOn]);
      await query(sql.COPY_SCENARIO_CLOSED_EDGES, [id, basedOn]);
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
    ScenarioSummary & {
      communityCount: number;
      unitsMovedFromBaseline: number;
      edits: string;
      reviews: ReviewStep[];
    }
  >(sql.GET_SCENARIO, [id]);
  if (rows.length === 0) throw notFound(id);
  return {
    ...rows[0],
    reviews: rows[0].reviews,
    edits: JSON.parse(rows[0].edits) as {
      version: number;
      edits: ScenarioEdit[];
      createdAt: string;
      author: string | null;
    }[],
  };
}

export async function deleteScenario(database: Database, id: string): Promise<void> {
  await database.transaction(async (query) => {
    const locked = await query<{ version: number; reviewState: ScenarioSummary['reviewState'] }>(
      sql.LOCK_SCENARIO,
      [id],
    );
    const head = locked.rows[0];
    if (!head) throw notFound(id);
    if (isLocked(head.reviewState)) throw lockedByReview(id, head.reviewState, head.version);
    await query(sql.DELETE_SCENARIO, [id]);
  });
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
  /** The scenario's facility and path changes at that version (none for the baseline). */
  layers: ScenarioLayers;
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
    snapshot: (evaluator: ScenarioEvaluator, layers: ScenarioLayers) => Snapshot;
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
      snapshot: snapshot(base.baselineEvaluator(), NO_LAYER_CHANGES),
      layers: NO_LAYER_CHANGES,
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
    const state = await scenarioEvaluatorAt(database, database.query, reference.id, base, version);
    if (state)
      return {
        id: reference.id,
        regionId,
        version,
        base,
        extra: extra as Extra,
        snapshot: snapshot(state.evaluator, state.layers),
        layers: state.layers,
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
 * refused edit is written, with the next version. A refused edit throws `scenario.edit-refused` (or a
 * position refusal naming `edits[i]…`); nothing is written.
 */
export async function saveScenarioEdits(
  database: Database,
  id: string,
  body: { version: number; edits: ScenarioEdit[]; name?: string },
  author: string | null,
  options: {
    /** Communities of the baseline a restore brings back under their own ids (else reserved). */
    restoredCommunityIds?: ReadonlySet<string>;
  } = {},
): Promise<SaveOutcome> {
  const { rows: heads } = await database.query<{
    version: number;
    regionId: string;
    reviewState: ScenarioSummary['reviewState'];
  }>(sql.SCENARIO_HEAD, [id]);
  if (heads.length === 0) throw notFound(id);
  if (isLocked(heads[0].reviewState)) throw lockedByReview(id, heads[0].reviewState, heads[0].version);
  if (heads[0].version !== body.version) throw staleVersion(heads[0].version);
  const base = await regionScenarioBase(database, heads[0].regionId);
  const reservedCommunityIds = new Set(base.baselineCommunities.map((community) => community.id));
  for (const restored of options.restoredCommunityIds ?? []) reservedCommunityIds.delete(restored);
  // What layer edits are checked against, read before the transaction (one connection on PGlite).
  const context = await layerEditContext(database, base.regionId, body.edits);

  const saved = await database.transaction(async (query) => {
    const locked = await query<{ version: number; reviewState: ScenarioSummary['reviewState'] }>(
      sql.LOCK_SCENARIO,
      [id],
    );
    if (locked.rows.length === 0) throw notFound(id);
    const head = locked.rows[0];
    if (isLocked(head.reviewState)) throw lockedByReview(id, head.reviewState, head.version);
    if (head.version !== body.version) throw staleVersion(head.version);
    // Locked at body.version, the database cannot move on before this transaction ends.
    const state = await scenarioEvaluatorAt(database, query, id, base, body.version);
    if (!state) throw new Error(`scenario ${id} changed under its lock`);
    const draft = new ScenarioDraft(state.evaluator, {
      reservedCommunityIds,
      newCommunityId: () => `n-${randomUUID().slice(0, 8)}`,
      layers: {
        regionFacilities: base.facilityRecordById,
        current: state.layers,
        isEdge: (edgeId) => context.network?.edgeIds.has(edgeId) ?? false,
        newFacilityId: () => `f-n-${randomUUID().slice(0, 8)}`,
        newPathId: () => `p-${randomUUID().slice(0, 8)}`,
      },
    });
    const outcomes: SaveOutcome['edits'] = [];
    for (const [index, edit] of body.edits.entries()) {
      const refuse = (detail: { en: string; zh: string }) => editRefused(index, edit, detail);
      checkLayerEdit(context, base.regionId, draft, edit, index, refuse);
      const resolved = await resolveGeometry(query, base.regionId, draft, edit, refuse);
      const outcome = draft.apply(edit, resolved);
      if (!outcome.ok) throw refuse({ en: outcome.message, zh: outcome.messageZh });
      outcomes.push({ op: edit.op, moved: outcome.moved, notes: outcome.notes });
    }
    const result = draft.result();
    await writeDraft(query, id, base, draft, result);
    const facilities = result.layers ? await writeLayers(query, id, base, state.layers, result.layers) : null;
    const advanced = await query<{ version: number }>(sql.ADVANCE_SCENARIO_VERSION, [
      id,
      body.version,
      body.name ?? null,
    ]);
    const version = advanced.rows[0].version;
    if (body.edits.length > 0)
      await query(sql.INSERT_SCENARIO_EDIT, [id, version, JSON.stringify(body.edits), author]);
    return { version, outcomes, result, state, facilities };
  });

  commitToCache(database, id, base, saved.state, body.version, saved.version, saved.result, saved.facilities);
  return { version: saved.version, edits: saved.outcomes, result: saved.result };
}

/** What layer edits of a save are checked against: the region's extent and, for paths, its network. */
interface LayerEditContext {
  extent: [number, number, number, number] | null;
  network: { edgeIds: ReadonlySet<number>; accessibility: RegionAccessibility } | null;
  /** Why there is no network to check paths against (the region has none). */
  noNetwork: DomainError | null;
}

async function layerEditContext(
  database: Database,
  regionId: string,
  edits: readonly ScenarioEdit[],
): Promise<LayerEditContext> {
  const layerOps: readonly string[] = LAYER_EDIT_OPS;
  const context: LayerEditContext = { extent: null, network: null, noNetwork: null };
  if (!edits.some((edit) => layerOps.includes(edit.op))) return context;
  // The region's walking model (cached; the scenario's next read needs it anyway) knows the extent.
  try {
    const accessibility = await regionAccessibility(database, regionId);
    context.extent = accessibility.extent;
    context.network = { edgeIds: edgeIdSet(accessibility), accessibility };
  } catch (error) {
    if (!isDomainError(error, 'region.no-network')) throw error;
    context.noNetwork = error;
    context.extent = await regionExtent(database, regionId);
  }
  return context;
}

const edgeIdSets = new WeakMap<RegionAccessibility, ReadonlySet<number>>();
function edgeIdSet(accessibility: RegionAccessibility): ReadonlySet<number> {
  let ids = edgeIdSets.get(accessibility);
  if (!ids) edgeIdSets.set(accessibility, (ids = new Set(Array.from(accessibility.input.network.edgeIds))));
  return ids;
}

/**
 * Checks what only the region can tell of a layer edit: positions inside it, and that an added path
 * meets the walking network as the scenario has it at that point of the batch.
 */
function checkLayerEdit(
  context: LayerEditContext,
  regionId: string,
  draft: ScenarioDraft,
  edit: ScenarioEdit,
  index: number,
  refuse: (detail: { en: string; zh: string }) => DomainError,
): void {
  // A region with no geometry yet has no extent: positions are then only checked to be on Earth.
  const extent = context.extent ?? [-180, -90, 180, 90];
  const inRegion = (positions: [number, number][], field: (k: number) => string) =>
    checkPositions(positions, extent, regionId, field);
  if (edit.op === 'add-facility') {
    inRegion([edit.facility.position], () => `edits[${index}].facility.position`);
  } else if (edit.op === 'move-facility') {
    inRegion([edit.position], () => `edits[${index}].position`);
  } else if (edit.op === 'add-path' || edit.op === 'close-path') {
    if (!context.network) {
      throw refuse({
        en: `region "${regionId}" has no walking network to change`,
        zh: `区域“${regionId}”没有可修改的步行路网`,
      });
    }
    if (edit.op === 'close-path') return;
    const { coordinates } = edit.line;
    inRegion(coordinates, (k) => `edits[${index}].line.coordinates[${k}]`);
    if (lineStringLengthMeters(coordinates) < 1) {
      throw refuse({ en: 'the path is shorter than 1 m', zh: '所画道路短于 1 米' });
    }
    const { accessibility } = context.network;
    const network = new PathNetwork(accessibility.input.network, accessibility.model.snapIndex);
    const { paths } = draft.currentLayers();
    for (const edgeId of paths.closedEdgeIds) if (network.isEdge(edgeId)) network.close(edgeId);
    for (const path of paths.added) network.add(path);
    const junctions = network.add({ id: edit.id ?? 'new', name: null, coordinates });
    if (junctions === 0) {
      throw refuse({
        en: `the path meets no walking path: it crosses none, and neither end lies within ${PATH_JOIN_METERS} m of one`,
        zh: `所画道路与步行路网不相接：既未与任何道路相交，两端也都不在任何道路 ${PATH_JOIN_METERS} 米以内`,
      });
    }
  }
}

/**
 * Writes the change of a scenario's layers (facility changes by difference, paths and closed edges
 * whole) and answers the facilities its evaluator now holds, when the facilities changed.
 */
async function writeLayers(
  query: Query,
  scenarioId: string,
  base: RegionScenarioBase,
  before: ScenarioLayers,
  after: ScenarioLayers,
): Promise<ScenarioFacility[] | null> {
  let facilities: ScenarioFacility[] | null = null;
  if (after.facilities !== before.facilities) {
    const upserts: (FacilityRecord | { id: string; removed: true })[] = [];
    for (const [facilityId, record] of after.facilities.changed) {
      if (before.facilities.changed.get(facilityId) === record && before.facilities.changed.has(facilityId))
        continue;
      upserts.push(record ?? { id: facilityId, removed: true });
    }
    const gone = [...before.facilities.changed.keys()].filter(
      (facilityId) => !after.facilities.changed.has(facilityId),
    );
    if (upserts.length > 0) {
      const rows = upserts.map((record) =>
        'removed' in record
          ? { id: record.id, removed: true }
          : { ...record, removed: false, lon: record.position[0], lat: record.position[1] },
      );
      await query(sql.UPSERT_SCENARIO_FACILITIES, [scenarioId, base.regionId, JSON.stringify(rows)]);
    }
    if (gone.length > 0) await query(sql.DELETE_SCENARIO_FACILITIES, [scenarioId, JSON.stringify(gone)]);
    const { rows } = await query<{ facilities: string }>(sql.SCENARIO_FACILITY_CHANGES, [scenarioId]);
    const { placed } = parseFacilityChanges(rows[0].facilities, base);
    facilities = scenarioFacilities(base, after, placed);
  }
  if (after.paths !== before.paths) {
    await query(sql.DELETE_SCENARIO_PATHS, [scenarioId]);
    if (after.paths.added.length > 0)
      await query(sql.INSERT_SCENARIO_PATHS, [scenarioId, JSON.stringify(after.paths.added)]);
    await query(sql.DELETE_SCENARIO_CLOSED_EDGES, [scenarioId]);
    if (after.paths.closedEdgeIds.length > 0)
      await query(sql.INSERT_SCENARIO_CLOSED_EDGES, [scenarioId, JSON.stringify(after.paths.closedEdgeIds)]);
  }
  return facilities;
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
export async function resolveGeometry(
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
