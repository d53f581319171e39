/**
 * Which column feeds which field, and which written values stand for which codes: remembered for
 * the region and layer (else for the layer in another region), guessed from the file's columns,
 * then laid over with the user's choices (core/import/field-mapping.ts does the suggesting).
 */
import {
  applyMappingChoices,
  suggestMapping,
  suggestValueMap,
  type FieldMapping,
  type MappingSource,
  type SuggestedMapping,
  type ValueMap,
} from '../../../core/import/field-mapping.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import { distinctColumnValues, type ImportTable } from '../../../core/import/read-import-file.js';
import type { Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import type { ImportOptions } from '../../../contract/import-options.js';

/** A mapping saved by an earlier import. */
export interface RememberedMapping {
  mapping: FieldMapping;
  valueMap: ValueMap;
}

export interface ChosenMapping {
  /** Field → column for every field (null: unmapped), the suggestion with the user's choices applied. */
  mapping: FieldMapping;
  mappingFrom: Record<string, MappingSource>;
  /** Every value map the conversion reads with: remembered, given and recognised. */
  valueMap: ValueMap;
  /** The codes recognised for this file's written values (the preview's `valueMap`). */
  suggestedValueMap: ValueMap;
  /** Written values of coded fields no code is known for. */
  unknownValues: Record<string, string[]>;
}

/** How many distinct written values of a coded column are looked at. */
const DISTINCT_VALUES_FOR_CODES = 500;

/** The mapping remembered for the region and layer, else one of another region whose columns the file has. */
export async function rememberedMapping(
  query: Query,
  regionId: string,
  layer: ImportLayer,
  columns: readonly string[],
): Promise<RememberedMapping | null> {
  const { rows } = await query<{ mapping: string; valueMap: string; regionId: string }>(
    sql.REMEMBERED_MAPPING,
    [regionId, layer],
  );
  return pickRememberedMapping(
    rows.map((row) => ({
      regionId: row.regionId,
      mapping: JSON.parse(row.mapping) as FieldMapping,
      valueMap: JSON.parse(row.valueMap) as ValueMap,
    })),
    regionId,
    columns,
  );
}

/**
 * The first saved mapping (in the order given: the region's own first, then the latest) that is
 * the region's own, or another region's whose every column the file has.
 */
export function pickRememberedMapping(
  saved: readonly (RememberedMapping & { regionId: string })[],
  regionId: string,
  columns: readonly string[],
): RememberedMapping | null {
  const available = new Set(columns);
  for (const row of saved) {
    if (
      row.regionId === regionId ||
      Object.values(row.mapping).every((column) => column === null || available.has(column))
    ) {
      return { mapping: row.mapping, valueMap: row.valueMap };
    }
  }
  return null;
}

/**
 * The mapping and value maps for this file: the suggestion (from `remembered`, else the column
 * names; an OSM extract's own class and bridge columns), the user's mapping laid over it, and the
 * value maps remembered, given and recognised in the file's written values.
 */
export function chooseMapping(
  table: ImportTable,
  layer: ImportLayer,
  options: Pick<ImportOptions, 'mapping' | 'valueMap'>,
  remembered: RememberedMapping | null,
): ChosenMapping {
  const suggested: SuggestedMapping =
    table.format === 'osm'
      ? { mapping: { class: 'class', bridge: 'bridge' }, from: { class: 'guessed', bridge: 'guessed' } }
      : suggestMapping(layer, table.columns, !table.hasFileGeometry, remembered?.mapping ?? null);
  const chosen = applyMappingChoices(suggested, options.mapping);
  const givenValues = mergeValueMaps(remembered?.valueMap ?? {}, options.valueMap ?? {});
  const values = suggestValueMap(
    layer,
    Object.fromEntries(
      Object.entries(chosen.mapping).filter(([, column]) => column && table.columns.includes(column)),
    ),
    (column) => distinctColumnValues(table, column, DISTINCT_VALUES_FOR_CODES),
    givenValues,
  );
  return {
    mapping: chosen.mapping,
    mappingFrom: chosen.from,
    valueMap: mergeValueMaps(givenValues, values.valueMap),
    suggestedValueMap: values.valueMap,
    unknownValues: values.unknown,
  };
}

/** `over`'s value maps laid over `base`'s, field by field. */
export function mergeValueMaps(base: ValueMap, over: ValueMap): ValueMap {
  const merged: ValueMap = {};
  for (const source of [base, over])
    for (const [field, values] of Object.entries(source))
      merged[field] = { ...(merged[field] ?? {}), ...values };
  return merged;
}
