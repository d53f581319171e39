/**
 * The import checked against the region, in PostGIS: the region locked and read, the features
 * loaded into a temporary table, their geometry judged (and on request repaired), the street or
 * community each lies in found (find-parents.ts), units' access points placed, and what a replaced
 * parent layer holds re-homed (rehome.ts). What is derived stays beside the features (RegionCheck)
 * until written.
 */
import { bboxOfCoordinates, isEmptyBbox, type Bbox } from '../../../core/geometry/bbox.js';
import type { Position } from '../../../core/geometry/position.js';
import { validityReasonZh } from '../../../core/import/bilingual-text.js';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import type { ProblemLog } from '../../../core/import/import-problems.js';
import { metricSridFor } from '../../../core/region/metric-srid.js';
import type { Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import { DomainError } from '../domain-error.js';
import { deriveParents, type ParentReference, type Patch } from './find-parents.js';
import type { ImportOptions } from '../../../contract/import-options.js';
import type { LazySnapper } from './network-snapper.js';
import { rehome, type Move } from './rehome.js';
import { geometryEwkbHex } from './ewkb.js';

/** The region row an import locks. */
export interface RegionRow {
  id: string;
  name: string;
  metricSrid: number;
  source: string | null;
  /** The region's load stamp (regions.created_at as text): every load and import commit renews it. */
  stamp: string;
}

/** Features per layer of the region. */
export type RegionLayerCounts = Record<ImportLayer, number>;

/** The region as the import found it (a commit's locked until its transaction ends). */
export interface ImportRegion {
  regionId: string;
  /** Null for a region the import creates. */
  row: RegionRow | null;
  createsRegion: boolean;
  counts: RegionLayerCounts;
  /** Every layer's extent, or null when the region has no geometry (or does not exist yet). */
  extent: Bbox | null;
}

/** The metric SRID for a region made of these features (the Gauss–Krüger zone of their centre); null without any. */
export function metricSridOfFeatures(features: readonly ImportFeature[]): number | null {
  const box = bboxOfCoordinates(features.map((feature) => feature.geometry.coordinates));
  if (isEmptyBbox(box)) return null;
  const [west, south, east, north] = box;
  return metricSridFor((west + east) / 2, (south + north) / 2);
}

/** The street made for communities imported into a region that has none. */
export const WHOLE_REGION_STREET_ID = 's-whole-region';

/**
 * Reads the region's row, layer counts and extent; with `lock` (a commit) locks the row until the
 * transaction ends, which also holds back scenarios created meanwhile (their row refers to it).
 * Throws DomainError `import.region-not-found` (without `create`), `import.region-exists` (with
 * it) or `import.region-name-required` (a region to create without a name).
 */
export async function readImportRegion(
  query: Query,
  regionId: string,
  options: Pick<ImportOptions, 'create' | 'name'>,
  lock: boolean,
): Promise<ImportRegion> {
  const { rows } = await query<RegionRow>(lock ? sql.LOCK_REGION : sql.READ_REGION, [regionId]);
  const row = rows[0] ?? null;
  const createsRegion = row === null;
  if (createsRegion && !options.create) throw new DomainError('import.region-not-found', { regionId });
  if (!createsRegion && options.create) throw new DomainError('import.region-exists', { regionId });
  if (createsRegion && !options.name) throw new DomainError('import.region-name-required');
  const region: ImportRegion = {
    regionId,
    row,
    createsRegion,
    counts: { streets: 0, communities: 0, units: 0, facilities: 0, network: 0 },
    extent: null,
  };
  if (!createsRegion) {
    region.counts = (await query<RegionLayerCounts>(sql.LAYER_COUNTS, [regionId])).rows[0];
    const box = (
      await query<{ west: number | null; south: number; east: number; north: number }>(sql.REGION_EXTENT, [
        regionId,
      ])
    ).rows[0];
    if (box.west !== null) region.extent = [box.west, box.south, box.east, box.north];
  }
  return region;
}

/** A layer's ids with their names (null when unnamed), in id order. */
export async function layerIds(
  query: Query,
  regionId: string,
  layer: Exclude<ImportLayer, 'network'>,
): Promise<Map<string, string | null>> {
  const { rows } = await query<{ ids: string }>(sql.LAYER_IDS[layer], [regionId]);
  return new Map(JSON.parse(rows[0].ids) as [string, string | null][]);
}

/** What checking against the region derived, by feature index, for the preview and the writing. */
export interface RegionCheck {
  /** Derived property values (streetId, communityId, accessPoint …). */
  patches: Map<number, Record<string, unknown>>;
  repairedGeometry: Map<number, unknown>;
  repairedIndexes: Set<number>;
  /** Communities imported into a region without streets get one street covering them all. */
  needsWholeRegionStreet: boolean;
  /** Units of a replaced community layer and the new community each goes to. */
  unitRehoming: Move[];
  /** Communities of a replaced street layer and the new street each goes to. */
  communityRehoming: Move[];
  /** Scenario communities (`scenarioId/communityId`) the baseline lacks, and their new street. */
  scenarioCommunityStreets: Map<string, string>;
}

/** A new, empty RegionCheck (the network layer, or a file without features, derives nothing). */
export function emptyRegionCheck(): RegionCheck {
  return {
    patches: new Map(),
    repairedGeometry: new Map(),
    repairedIndexes: new Set(),
    needsWholeRegionStreet: false,
    unitRehoming: [],
    communityRehoming: [],
    scenarioCommunityStreets: new Map(),
  };
}

/**
 * PostGIS: validity (and repair), the street or community of each feature, units' access points
 * (`snapper` steps them onto the network; without one a unit's own point is its access point), and
 * what a replacement re-homes. Runs in the preview's session or the commit's transaction; writes
 * only its temporary table, which the caller drops. The features' properties are loaded with them
 * only `withProperties` (a commit writes them; a preview's check reads none).
 */
export async function checkAgainstRegion(
  query: Query,
  region: ImportRegion,
  layer: Exclude<ImportLayer, 'network'>,
  features: readonly ImportFeature[],
  options: ImportOptions,
  snapper: LazySnapper | null,
  log: ProblemLog,
  withProperties: boolean,
): Promise<RegionCheck> {
  const { regionId, counts, createsRegion } = region;
  const replace = Boolean(options.replace);
  const check = emptyRegionCheck();
  const patch: Patch = (index, values) =>
    check.patches.set(index, { ...(check.patches.get(index) ?? {}), ...values });
  const findParents = async (reference: ParentReference) =>
    deriveParents(
      query,
      regionId,
      features,
      reference,
      await layerIds(query, regionId, reference.table),
      log,
      patch,
    );

  // A session's earlier check that failed may have left one behind.
  await query(sql.DROP_IMPORT_FEATURES);
  await query(sql.CREATE_IMPORT_FEATURES);
  for (const piece of pieces(features))
    await query(sql.LOAD_IMPORT_FEATURES, [
      JSON.stringify(
        piece.map((feature) => {
          const ewkb = geometryEwkbHex(feature.geometry, 4326);
          return {
            ordinal: feature.index,
            id: feature.id,
            props: withProperties ? feature.properties : undefined,
            ewkb,
            geometry: ewkb === null ? feature.geometry : null,
          };
        }),
      ),
    ]);
  await query(sql.INDEX_IMPORT_FEATURES);
  // Repaired areas are measured in the region's metric SRID (a new region's: its features').
  const repairSrid = options.repair ? () => region.row?.metricSrid ?? metricSridOfFeatures(features)! : null;
  await judgeValidity(query, features, repairSrid, check, log);

  if (layer === 'facilities') await findParents(parentReference(layer, 'communityId', false, options));
  if (layer === 'units') {
    if (!createsRegion && counts.communities > 0)
      await findParents(parentReference(layer, 'communityId', true, options));
    else
      log.report({
        code: 'no-parent',
        field: 'communityId',
        text: {
          en: 'units belong to communities and the region has none: import its communities first',
          zh: '人口单元隶属于社区，而区域还没有社区：请先导入社区',
        },
      });
    await placeAccessPoints(query, regionId, snapper, patch);
  }
  if (layer === 'communities') {
    if (!createsRegion && counts.streets > 0)
      await findParents(parentReference(layer, 'streetId', true, options));
    else if (features.some((feature) => feature.properties.streetId !== null)) {
      log.report({
        code: 'unknown-reference',
        field: 'streetId',
        text: {
          en: 'the region has no streets to refer to: import its streets first, or leave streetId unmapped (one street covering every community is made)',
          zh: '区域还没有可对应的街道：请先导入街道，或者不为“所属街道”对应文件列（将生成一个覆盖所有社区的街道）',
        },
      });
    } else {
      check.needsWholeRegionStreet = true;
      for (const feature of features) patch(feature.index, { streetId: WHOLE_REGION_STREET_ID });
      log.report({
        severity: 'note',
        code: 'derived',
        field: 'streetId',
        text: {
          en: `the region has no streets: one street "${WHOLE_REGION_STREET_ID}" covering every community is made (import streets later to replace it)`,
          zh: `区域还没有街道：将生成一个覆盖所有社区的街道“${WHOLE_REGION_STREET_ID}”（以后导入街道时替换它）`,
        },
      });
    }
    if (replace && counts.units > 0)
      check.unitRehoming = await rehome(
        query,
        regionId,
        sql.UNITS_IN_NEW_COMMUNITIES,
        'unit',
        'community',
        log,
      );
    if (
      counts.units > 0 &&
      (options.mapping?.residents ||
        options.mapping?.households ||
        features.some((feature) => feature.properties.residents !== null))
    ) {
      log.report({
        severity: 'note',
        code: 'derived',
        field: 'residents',
        text: {
          en: "the region has population units: communities' residents and households are the sums of their units (the file's figures are not used)",
          zh: '区域已有人口单元：社区的常住人口和户数取其人口单元之和（不使用文件中的数字）',
        },
      });
    }
  }
  if (layer === 'streets' && replace && counts.communities > 0) {
    check.communityRehoming = await rehome(
      query,
      regionId,
      sql.COMMUNITIES_IN_NEW_STREETS,
      'community',
      'street',
      log,
    );
    const scenarioMoves = await rehome(
      query,
      regionId,
      sql.SCENARIO_COMMUNITIES_IN_NEW_STREETS,
      'scenario community',
      'street',
      log,
    );
    check.scenarioCommunityStreets = new Map(scenarioMoves.map((move) => [move.childId, move.to]));
  }
  return check;
}

/**
 * Stores what the check derived beside the features (table import_patches), for a commit's writes;
 * a preview answers it from memory and skips this.
 */
export async function storeCheckPatches(query: Query, check: RegionCheck): Promise<void> {
  await query(sql.CREATE_IMPORT_PATCHES);
  for (const piece of pieces([...check.patches]))
    await query(sql.LOAD_IMPORT_PATCHES, [
      JSON.stringify(piece.map(([ordinal, values]) => ({ ordinal, patch: values }))),
    ]);
}

/** `items` in pieces of IMPORT_FEATURES_PER_STATEMENT, one statement each. */
export function pieces<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += sql.IMPORT_FEATURES_PER_STATEMENT)
    result.push(items.slice(start, start + sql.IMPORT_FEATURES_PER_STATEMENT));
  return result;
}

/**
 * Flags invalid geometry as PostGIS judges it: repaired with ST_MakeValid when `repairSrid` (which
 * gives the metric SRID the repaired area is measured in) is given, else reported with the advice
 * to repair.
 */
async function judgeValidity(
  query: Query,
  features: readonly ImportFeature[],
  repairSrid: (() => number) | null,
  check: RegionCheck,
  log: ProblemLog,
): Promise<void> {
  const invalid = (await query<{ ordinal: number; reason: string }>(sql.FLAG_INVALID_FEATURES)).rows;
  if (invalid.length === 0) return;
  const byIndex = new Map(features.map((feature) => [feature.index, feature]));
  const where = (ordinal: number) => ({
    index: ordinal,
    location: byIndex.get(ordinal)!.location,
    featureId: byIndex.get(ordinal)!.id,
    field: 'geometry',
  });
  if (repairSrid === null) {
    for (const row of invalid) {
      log.report({
        ...where(row.ordinal),
        code: 'invalid-geometry',
        text: {
          en: `invalid geometry: ${row.reason}; pass --repair (API: "repair": true) to fix it with ST_MakeValid`,
          zh: `几何无效：${validityReasonZh(row.reason)}；勾选“修复无效几何”（命令行 --repair）可用 ST_MakeValid 修复`,
        },
      });
    }
    return;
  }
  const repaired = (
    await query<{
      ordinal: number;
      parts: number;
      empty: boolean;
      validNow: boolean;
      areaSquareMeters: number;
    }>(sql.REPAIR_INVALID_FEATURES, [repairSrid()])
  ).rows;
  const reasons = new Map(invalid.map((row) => [row.ordinal, row.reason]));
  for (const row of repaired) {
    const reason = reasons.get(row.ordinal);
    if (row.empty || !row.validNow) {
      log.report({
        ...where(row.ordinal),
        code: 'invalid-geometry',
        text: {
          en: `invalid geometry (${reason}) that ST_MakeValid cannot turn into a polygon`,
          zh: `几何无效（${validityReasonZh(reason ?? '')}），ST_MakeValid 无法把它修复成面`,
        },
      });
    } else {
      check.repairedIndexes.add(row.ordinal);
      log.report({
        ...where(row.ordinal),
        severity: 'note',
        code: 'repaired',
        text: {
          en: `invalid geometry (${reason}) repaired with ST_MakeValid: now ${row.parts} polygon${row.parts === 1 ? '' : 's'} of ${Math.round(row.areaSquareMeters)} m²`,
          zh: `几何无效（${validityReasonZh(reason ?? '')}），已用 ST_MakeValid 修复：现为 ${row.parts} 个面，共 ${Math.round(row.areaSquareMeters)} 平方米`,
        },
      });
    }
  }
  await query(sql.MARK_REPAIRED_VALID);
  for (const row of (await query<{ ordinal: number; geometry: string }>(sql.REPAIRED_GEOMETRIES)).rows)
    check.repairedGeometry.set(row.ordinal, JSON.parse(row.geometry));
}

/**
 * Each unit's point on surface, and where it steps onto the network (its own point without a
 * network); a unit stored with the same geometry keeps its stored access point.
 */
async function placeAccessPoints(
  query: Query,
  regionId: string,
  snapper: LazySnapper | null,
  patch: Patch,
): Promise<void> {
  const { rows } = await query<{ points: string }>(sql.POINTS_ON_SURFACE_OF_IMPORT_FEATURES, [regionId]);
  const points = JSON.parse(rows[0].points) as [number, number, number, number | null, number | null][];
  const needsSnapping = points.some(([, , , keptLon, keptLat]) => keptLon === null || keptLat === null);
  const toNetwork = (needsSnapping ? await snapper?.() : null) ?? ((position: Position) => position);
  for (const [ordinal, lon, lat, keptLon, keptLat] of points) {
    // A unit stored with this very geometry keeps its access point as stored (see the SQL).
    const accessPoint =
      keptLon !== null && keptLat !== null ? [keptLon, keptLat] : toNetwork([lon, lat]).map(round9);
    patch(ordinal, { accessPoint, pointOnSurface: [lon, lat] });
  }
}

/** Coordinates keep nine decimals (0.1 mm), as the region's files do. */
function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The reference of `layer`'s features to their parent, as the options map it. */
function parentReference(
  layer: ImportLayer,
  field: 'communityId' | 'streetId',
  required: boolean,
  options: Pick<ImportOptions, 'mapping'>,
): ParentReference {
  return {
    layer,
    field,
    table: field === 'streetId' ? 'streets' : 'communities',
    required,
    column: options.mapping?.[field] ?? null,
  };
}
