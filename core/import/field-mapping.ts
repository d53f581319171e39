/**
 * Which column of the file feeds which field of the layer, and which written values stand for which
 * codes (幼儿园 → kindergarten). A mapping is suggested from the mapping last used for the region and
 * layer (when its columns are all in the file) and from column names; the user's choices override it.
 */
import {
  findField,
  GEOMETRY_FIELDS,
  layerFields,
  matchCode,
  normalizeWord,
  type ImportLayer,
  type LayerField,
} from './import-layers.js';

/** Field → column; null marks a field the user chose to leave unmapped. */
export type FieldMapping = Record<string, string | null>;
/** Field → (value as written → code). */
export type ValueMap = Record<string, Record<string, string>>;

export type MappingSource = 'remembered' | 'guessed' | 'given';

export interface SuggestedMapping {
  mapping: FieldMapping;
  /** Where each mapped field's column came from. */
  from: Record<string, MappingSource>;
}

/** The fields a file may map: the layer's own, plus the geometry columns when the file is a table. */
export function mappableFields(layer: ImportLayer, isTable: boolean): LayerField[] {
  return isTable ? [...layerFields(layer), ...GEOMETRY_FIELDS] : layerFields(layer);
}

/**
 * Suggests a column for every field: the remembered mapping's column when the file has it, else a
 * column whose name is one of the field's synonyms, else one that contains a synonym of two or more
 * characters (e.g. "常住人口（人）"). Each column feeds one field at most.
 */
export function suggestMapping(
  layer: ImportLayer,
  columns: readonly string[],
  isTable: boolean,
  remembered: FieldMapping | null = null,
): SuggestedMapping {
  const fields = mappableFields(layer, isTable);
  const mapping: FieldMapping = {};
  const from: Record<string, MappingSource> = {};
  const used = new Set<string>();
  const available = new Set(columns);
  if (remembered) {
    for (const field of fields) {
      const column = remembered[field.field];
      if (column && available.has(column) && !used.has(column)) {
        mapping[field.field] = column;
        from[field.field] = 'remembered';
        used.add(column);
      }
    }
  }
  const normalized = columns.map((column) => ({ column, word: normalizeWord(column) }));
  const pass = (matches: (word: string, synonym: string) => boolean) => {
    for (const field of fields) {
      if (mapping[field.field] !== undefined) continue;
      const synonyms = field.synonyms.map(normalizeWord);
      for (const synonym of synonyms) {
        const hit = normalized.find(({ column, word }) => !used.has(column) && matches(word, synonym));
        if (hit) {
          mapping[field.field] = hit.column;
          from[field.field] = 'guessed';
          used.add(hit.column);
          break;
        }
      }
    }
  };
  pass((word, synonym) => word === synonym);
  const substantial = (synonym: string) =>
    // A Chinese synonym of two characters says as much as an English one of four.
    [...synonym].some((character) => character.charCodeAt(0) >= 0x80)
      ? synonym.length >= 2
      : synonym.length >= 4;
  pass((word, synonym) => substantial(synonym) && word.includes(synonym));
  // A CSV with a lon/lat pair should not also read a WKT-looking column as geometry, and vice versa.
  if (mapping.lon && mapping.lat) delete mapping.wkt;
  if ((mapping.lon && !mapping.lat) || (!mapping.lon && mapping.lat)) {
    delete mapping[mapping.lon ? 'lon' : 'lat'];
  }
  if (mapping.wkt || (mapping.lon && mapping.lat)) delete mapping.lonLat;
  for (const field of Object.keys(from)) if (mapping[field] === undefined) delete from[field];
  return { mapping, from };
}

/** The suggestion with the user's choices laid over it (a null choice unmaps the field). */
export function applyMappingChoices(
  suggested: SuggestedMapping,
  given: FieldMapping | null | undefined,
): SuggestedMapping {
  if (!given) return suggested;
  const mapping: FieldMapping = { ...suggested.mapping };
  const from = { ...suggested.from };
  for (const [field, column] of Object.entries(given)) {
    if (column === null || column === '') {
      mapping[field] = null;
      delete from[field];
    } else {
      mapping[field] = column;
      from[field] = 'given';
    }
  }
  return { mapping, from };
}

/** The non-empty, trimmed items of a comma-separated command-line value. */
const commaList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Parses `--map name=名称,residents=常住人口` (an empty column unmaps: `households=`). Fields must
 * belong to the layer (or be lon, lat, lonLat, wkt).
 */
export function parseMappingArgument(layer: ImportLayer, text: string): ParseResult<FieldMapping> {
  const mapping: FieldMapping = {};
  for (const pair of commaList(text)) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return { ok: false, reason: `"${pair}" is not field=column` };
    const field = pair.slice(0, equals).trim();
    const column = pair.slice(equals + 1).trim();
    if (!findField(layer, field)) {
      const known = mappableFields(layer, true)
        .map((candidate) => candidate.field)
        .join(', ');
      return { ok: false, reason: `"${field}" is not a field of ${layer} (fields: ${known})` };
    }
    mapping[field] = column === '' ? null : column;
  }
  return { ok: true, value: mapping };
}

/** Parses `--value-map category.幼儿园=kindergarten,category.卫生室=health_station`. */
export function parseValueMapArgument(layer: ImportLayer, text: string): ParseResult<ValueMap> {
  const valueMap: ValueMap = {};
  for (const pair of commaList(text)) {
    const dot = pair.indexOf('.');
    const equals = pair.lastIndexOf('=');
    if (dot <= 0 || equals < dot + 2) return { ok: false, reason: `"${pair}" is not field.value=code` };
    const field = pair.slice(0, dot);
    const value = pair.slice(dot + 1, equals);
    const code = pair.slice(equals + 1).trim();
    const spec = findField(layer, field);
    if (!spec || spec.type !== 'code') {
      const coded = layerFields(layer)
        .filter((candidate) => candidate.type === 'code')
        .map((candidate) => candidate.field);
      return {
        ok: false,
        reason: `"${field}" is not a coded field of ${layer} (coded fields: ${coded.join(', ') || 'none'})`,
      };
    }
    if (!spec.codes!.some((candidate) => candidate.id === code)) {
      return {
        ok: false,
        reason: `"${code}" is not a ${field} code (codes: ${spec.codes!.map((candidate) => candidate.id).join(', ')})`,
      };
    }
    (valueMap[field] ??= {})[value] = code;
  }
  return { ok: true, value: valueMap };
}

/** For each coded field, the written values a mapping would not recognise and the codes suggested for the others. */
export function suggestValueMap(
  layer: ImportLayer,
  mapping: FieldMapping,
  distinctValues: (column: string) => string[],
  given: ValueMap = {},
): { valueMap: ValueMap; unknown: Record<string, string[]> } {
  const valueMap: ValueMap = {};
  const unknown: Record<string, string[]> = {};
  for (const field of layerFields(layer)) {
    const column = mapping[field.field];
    if (field.type !== 'code' || !column) continue;
    for (const value of distinctValues(column)) {
      const chosen = given[field.field]?.[value];
      const code = chosen ?? matchCode(field.codes!, value);
      if (code) {
        if (code !== value) (valueMap[field.field] ??= {})[value] = code;
      } else {
        (unknown[field.field] ??= []).push(value);
      }
    }
  }
  return { valueMap, unknown };
}
