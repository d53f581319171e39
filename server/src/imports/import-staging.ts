/**
 * Staged features (issue 13, migration 009): a preview that can be committed keeps the features it
 * checked — with what the check derived merged into their properties — in import_staged_features,
 * and what else its commit needs in imports.staged. The commit then writes from those rows instead
 * of reading the stored upload again and re-running every check (≈ 22 s of a county's 99 200 units
 * on the embedded database). It does so only while nothing the check depended on has changed: the
 * region's load stamp (renewed by every load and import commit) and every choice that shapes the
 * features (mapping, value map, coordinate system, encoding, repair, axes, replace) are as they were
 * at the preview, and every staged row is still there; otherwise the commit checks the stored file
 * again, as before staging existed.
 */
import type { FieldMapping, ValueMap } from '../../../core/import/field-mapping.js';
import type { ImportOptions } from '../../../contract/import-options.js';
import type { Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import { reportOf, type ImportOutcome, type ImportReport } from './import-outcome.js';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { emptyRegionCheck, pieces, type ImportRegion, type RegionCheck } from './region-check.js';
import type { Move } from './rehome.js';
import type { LayerChange } from './scenario-impact.js';

/** What a preview's check worked out, handed to staging. */
export interface CheckedImport {
  outcome: ImportOutcome;
  /** The features checked, whose properties staging stores (the preview's import_features has none). */
  features: readonly ImportFeature[];
  region: ImportRegion;
  check: RegionCheck;
  mapping: FieldMapping;
  valueMap: ValueMap;
}

/** imports.staged: everything a commit from staged features needs besides the features. */
export interface StagedImport {
  /** The region's load stamp at the preview. */
  stamp: string;
  /** Rows staged (a commit finding fewer checks the file again). */
  featureCount: number;
  /** The options previewed with, to compare with the commit's. */
  options: ImportOptions;
  report: ImportReport;
  mapping: FieldMapping;
  valueMap: ValueMap;
  needsWholeRegionStreet: boolean;
  unitRehoming: Move[];
  communityRehoming: Move[];
  scenarioCommunityStreets: [string, string][];
}

/** Whether a preview's features are staged: a commit is possible, into an existing region, of a layer other than the network. */
export function canStage(checked: CheckedImport): boolean {
  const { outcome } = checked;
  return (
    outcome.canCommit && !outcome.createsRegion && outcome.layer !== 'network' && outcome.featureCount > 0
  );
}

/**
 * Stages the checked features of preview `importId` (its imports row already stored) from this
 * session's import_features; earlier previews of the same layer give theirs up.
 */
export async function stageImport(
  query: Query,
  importId: string,
  options: ImportOptions,
  checked: CheckedImport,
): Promise<void> {
  const { outcome, region, check } = checked;
  for (const statement of sql.UNSTAGE_EARLIER_PREVIEWS)
    await query(statement, [outcome.regionId, outcome.layer, importId]);
  for (const piece of pieces(checked.features))
    await query(sql.STAGE_IMPORT_FEATURES, [
      importId,
      JSON.stringify(
        piece.map((feature) => ({
          ordinal: feature.index,
          props: feature.properties,
          patch: check.patches.get(feature.index) ?? null,
        })),
      ),
    ]);
  const staged: StagedImport = {
    stamp: region.row!.stamp,
    featureCount: outcome.featureCount,
    options,
    report: reportOf(outcome),
    mapping: checked.mapping,
    valueMap: checked.valueMap,
    needsWholeRegionStreet: check.needsWholeRegionStreet,
    unitRehoming: check.unitRehoming,
    communityRehoming: check.communityRehoming,
    scenarioCommunityStreets: [...check.scenarioCommunityStreets],
  };
  const { rows } = await query(sql.SET_IMPORT_STAGED, [importId, JSON.stringify(staged)]);
  // The preview went while its rows were written (cancelled, or its region loaded again, by another
  // process): nothing joins these rows to an import any more, so they go now or never.
  if (rows.length === 0) for (const statement of sql.UNSTAGE_IMPORT) await query(statement, [importId]);
}

/** A preview's staging, if it has one with every row still there. */
export async function readStaging(query: Query, importId: string): Promise<StagedImport | null> {
  const { rows } = await query<{ staged: string | null; rows: number }>(sql.GET_IMPORT_STAGED, [importId]);
  if (!rows[0]?.staged) return null;
  const staged = JSON.parse(rows[0].staged) as StagedImport;
  return rows[0].rows === staged.featureCount ? staged : null;
}

/** The options that shape the checked features, in one comparable text (unset and false, empty and absent alike). */
function shapingOptions(options: ImportOptions): string {
  const object = (value: Record<string, unknown> | null | undefined) =>
    value && Object.keys(value).length > 0
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : null;
  return JSON.stringify([
    options.layer,
    object(options.mapping),
    object(
      options.valueMap &&
        Object.fromEntries(
          Object.entries(options.valueMap).map(([field, values]) => [field, object(values)]),
        ),
    ),
    options.crs || null,
    options.encoding || null,
    Boolean(options.repair),
    Boolean(options.swapAxes),
    Boolean(options.replace),
    Boolean(options.create),
  ]);
}

/** Whether a commit with `options` writes what the staged preview checked. */
export function stagingFits(staged: StagedImport, options: ImportOptions): boolean {
  return shapingOptions(staged.options) === shapingOptions(options);
}

/** The outcome the preview answered (without its features), for the commit's report and refusals. */
export function stagedOutcome(staged: StagedImport, importId: string): ImportOutcome {
  return {
    ...staged.report,
    importId,
    columns: [],
    fields: [],
    features: { type: 'FeatureCollection', features: [] },
  } as ImportOutcome;
}

/** What the check derived that the writing needs, as the preview stored it; the patches are in the staged properties. */
export function stagedCheck(staged: StagedImport): RegionCheck {
  return {
    ...emptyRegionCheck(),
    needsWholeRegionStreet: staged.needsWholeRegionStreet,
    unitRehoming: staged.unitRehoming,
    communityRehoming: staged.communityRehoming,
    scenarioCommunityStreets: new Map(staged.scenarioCommunityStreets),
  };
}

/** What the staged import changes that scenarios depend on (layerChangeOf, from the staged rows). */
export async function stagedLayerChange(
  query: Query,
  staged: StagedImport,
  check: RegionCheck,
): Promise<LayerChange> {
  const layer = staged.report.layer;
  const replace = Boolean(staged.options.replace);
  switch (layer) {
    case 'facilities':
    case 'network':
      return { layer, replace };
    case 'streets':
      return {
        layer,
        replace,
        communityStreets: new Map(check.communityRehoming.map((move) => [move.childId, move.to])),
        scenarioCommunityStreets: check.scenarioCommunityStreets,
      };
    case 'communities':
      return {
        layer,
        replace,
        unitCommunities: new Map(check.unitRehoming.map((move) => [move.childId, move.to])),
      };
    case 'units': {
      const { rows } = await query<{ units: string }>(sql.STAGED_UNITS);
      const units = new Map<string, { communityId: string; lon: number; lat: number }>();
      for (const [id, communityId, point] of JSON.parse(rows[0].units) as [
        string,
        string | null,
        [number, number] | null,
      ][]) {
        const [lon, lat] = point ?? [0, 0];
        units.set(id, { communityId: String(communityId), lon, lat });
      }
      return { layer, replace, units };
    }
  }
}
