/**
 * The street or community each imported feature belongs to: the one its reference names (by id,
 * else by name), else the one it lies in as PostGIS finds it — holding its point on surface, else
 * overlapping it most, else the nearest within NEAREST_TOLERANCE_METERS. PostGIS finds the
 * candidates; resolveReferences and placeInParents decide and say why.
 */
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { fieldLabelZh, LAYER_NAMES_ZH, type ImportLayer } from '../../../core/import/import-layers.js';
import type { ProblemLog } from '../../../core/import/import-problems.js';
import type { Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';

/** A feature may lie this far from every street or community and still be given the nearest one. */
export const NEAREST_TOLERANCE_METERS = 50;

/** Sets derived values of one feature (merged over those set before). */
export type Patch = (index: number, values: Record<string, unknown>) => void;

/** Which parent a layer's features refer to, and how. */
export interface ParentReference {
  /** The layer whose features refer to their parent. */
  layer: ImportLayer;
  field: 'communityId' | 'streetId';
  table: 'communities' | 'streets';
  /** A feature with no parent within NEAREST_TOLERANCE_METERS is an error (else it keeps none). */
  required: boolean;
  /** The file's column mapped to the field, if one is. */
  column: string | null;
}

/**
 * Resolves a mapped reference (by id, else by name, among `targets`: the region's parents with
 * their names) or derives it from where the feature lies (PostGIS, in import_features). Features
 * already refused for where they lie are given no parent.
 */
export async function deriveParents(
  query: Query,
  regionId: string,
  features: readonly ImportFeature[],
  reference: ParentReference,
  targets: ReadonlyMap<string, string | null>,
  log: ProblemLog,
  patch: Patch,
): Promise<void> {
  const derive = resolveReferences(features, reference, targets, log, patch);
  if (derive.length === 0) return;
  const statement =
    reference.table === 'streets' ? sql.STREET_OF_IMPORT_FEATURES : sql.COMMUNITY_OF_IMPORT_FEATURES;
  const { rows } = await query<ParentRow>(statement, [regionId]);
  placeInParents(features, derive, rows, reference, log, patch);
}

/**
 * Features whose reference is written (an id, or the name of exactly one parent) keep it, a name
 * as the id it names; an unknown or ambiguous one is reported. Returns the features whose parent
 * is to be found from where they lie.
 */
export function resolveReferences(
  features: readonly ImportFeature[],
  reference: ParentReference,
  targets: ReadonlyMap<string, string | null>,
  log: ProblemLog,
  patch: Patch,
): ImportFeature[] {
  const { field, table } = reference;
  const byName = new Map<string, string[]>();
  for (const [id, name] of targets) if (name) byName.set(name, [...(byName.get(name) ?? []), id]);
  const derive: ImportFeature[] = [];
  // A feature already refused for where it lies (outside the region) is not given a parent too.
  const misplaced = log.recordsRefusedForGeometry();
  for (const feature of features) {
    if (misplaced.has(feature.index)) continue;
    const value = feature.properties[field];
    const at = {
      index: feature.index,
      location: feature.location,
      featureId: feature.id,
      field,
      column: reference.column,
    };
    if (typeof value !== 'string') {
      derive.push(feature);
      continue;
    }
    if (targets.has(value)) continue;
    const named = byName.get(value) ?? [];
    if (named.length === 1) patch(feature.index, { [field]: named[0] });
    else if (named.length > 1)
      log.report({
        ...at,
        code: 'unknown-reference',
        text: {
          en: `"${value}" names ${named.length} ${table} (${named.join(', ')}): use the id`,
          zh: `“${value}”对应 ${named.length} 个${LAYER_NAMES_ZH[table]}（${named.join('、')}）：请使用编号`,
        },
      });
    else {
      const known = [...targets].slice(0, 20).map(([id, name]) => (name ? `${id} ${name}` : id));
      log.report({
        ...at,
        code: 'unknown-reference',
        text: {
          en: `"${value}" is neither the id nor the name of one of the region's ${table} (${known.join(', ')}${targets.size > 20 ? ', …' : ''})`,
          zh: `“${value}”既不是区域中任何${LAYER_NAMES_ZH[table]}的编号，也不是其名称（${known.join('、')}${targets.size > 20 ? '……' : ''}）`,
        },
      });
    }
  }
  return derive;
}

/** The parent PostGIS found for an import feature (`ordinal` is its index): how, and when nearest how far. */
export interface ParentRow {
  ordinal: number;
  parentId: string | null;
  how: string | null;
  meters: number | null;
}

/**
 * Gives each feature to derive the parent it lies in (or overlaps); a required parent may be the
 * nearest within NEAREST_TOLERANCE_METERS (a warning), else it is an error; an optional one is left
 * empty, and noted when the file had no references at all. `features` are all the layer's.
 */
export function placeInParents(
  features: readonly ImportFeature[],
  derive: readonly ImportFeature[],
  rows: readonly ParentRow[],
  reference: ParentReference,
  log: ProblemLog,
  patch: Patch,
): void {
  const { field, table, required } = reference;
  const found = new Map(rows.map((row) => [row.ordinal, row]));
  const singular = table === 'streets' ? 'street' : 'community';
  const singularZh = table === 'streets' ? '街道' : '社区';
  let outside = 0;
  for (const feature of derive) {
    const row = found.get(feature.index);
    const at = { index: feature.index, location: feature.location, featureId: feature.id, field };
    if (!row) continue; // invalid geometry, reported already
    if (row.how === 'inside' || row.how === 'overlap') patch(feature.index, { [field]: row.parentId });
    else if (!required) {
      patch(feature.index, { [field]: null });
      outside += 1;
    } else if (row.how === 'nearest' && row.meters !== null && row.meters <= NEAREST_TOLERANCE_METERS) {
      patch(feature.index, { [field]: row.parentId });
      log.report({
        ...at,
        severity: 'warning',
        code: 'derived',
        text: {
          en: `lies in no ${singular}: given the nearest, ${row.parentId}, ${row.meters.toFixed(1)} m away`,
          zh: `不在任何${singularZh}内：已归入最近的 ${row.parentId}，相距 ${row.meters.toFixed(1)} 米`,
        },
      });
    } else {
      log.report({
        ...at,
        code: 'no-parent',
        text: {
          en: `lies in no ${singular} of the region${row.meters !== null ? ` (the nearest, ${row.parentId}, is ${Math.round(row.meters)} m away)` : ''}: map a ${field} column or fix the geometry`,
          zh: `不在区域的任何${singularZh}内${row.meters !== null ? `（最近的 ${row.parentId} 相距 ${Math.round(row.meters)} 米）` : ''}：请为“${fieldLabelZh(field, reference.layer)}”对应文件列，或修正几何`,
        },
      });
    }
  }
  // Only a file that wrote no references at all hears how many features lie outside every parent.
  const mapped = features.some(
    (feature) => feature.properties[field] !== null && feature.properties[field] !== undefined,
  );
  if (outside > 0 && !mapped) {
    log.report({
      severity: 'note',
      code: 'derived',
      field,
      text: {
        en: `${outside} of ${features.length} features lie in no community (their communityId is empty)`,
        zh: `${features.length} 个要素中有 ${outside} 个不在任何社区内（其所属社区为空）`,
      },
    });
  }
}
