/**
 * Pure helpers of the import wizard: the coordinate-system choices, the form a preview is sent as,
 * and the figures the preview is summarised by. No React, no fetch, so they are unit-tested alone.
 */
import type {
  FieldMapping,
  ImportChoices,
  ImportPreview,
  ImportPreviewFeature,
  NewRegion,
  ValueMap,
} from './import-types';

/** The wizard's choices before the analyst makes any: facilities, every option at its default. */
export const INITIAL_CHOICES: ImportChoices = {
  layer: 'facilities',
  crs: '',
  encoding: '',
  mapping: null,
  valueMap: null,
  repair: false,
  swapAxes: false,
  replace: false,
  newRegion: null,
};

/**
 * The choices after the analyst changes some: a new layer, or a new text encoding (the file's column
 * names and values are read anew, so the old ones may not be there), forgets the field and value
 * mappings, for the server to suggest them again.
 */
export function withChoices(previous: ImportChoices, patch: Partial<ImportChoices>): ImportChoices {
  const next = { ...previous, ...patch };
  const layerChanged = patch.layer !== undefined && patch.layer !== previous.layer;
  const encodingChanged = patch.encoding !== undefined && patch.encoding !== previous.encoding;
  if (layerChanged || encodingChanged) {
    next.mapping = null;
    next.valueMap = null;
  }
  return next;
}

/** The coordinate systems offered; 'gk' asks for the Gauss–Krüger zone (gaussKrugerCrs). */
export const CRS_CHOICES = ['', 'EPSG:4326', 'EPSG:4490', 'gk', 'gcj02', 'bd09'] as const;
export type CrsChoice = (typeof CRS_CHOICES)[number];

export interface GaussKrugerZone {
  /** Zone width in degrees of longitude. */
  widthDegrees: 3 | 6;
  /** Central meridian in degrees east (75–135; a multiple of 3, or of 6 plus 3 for 6° zones). */
  centralMeridianDegrees: number;
  /** The easting carries the zone number in front (e.g. 37 500 000 m). */
  zoneInEasting: boolean;
}

/**
 * The EPSG code of a CGCS2000 Gauss–Krüger zone (EPSG:4491–4554, as core/import/coordinate-systems.ts
 * reads them), or null when the central meridian is not one of the zone's.
 */
export function gaussKrugerCrs(zone: GaussKrugerZone): string | null {
  const meridian = zone.centralMeridianDegrees;
  if (!Number.isInteger(meridian)) return null;
  if (zone.widthDegrees === 3) {
    if (meridian % 3 !== 0) return null;
    if (zone.zoneInEasting) {
      const number = meridian / 3;
      return number >= 25 && number <= 45 ? `EPSG:${4513 + number - 25}` : null;
    }
    return meridian >= 75 && meridian <= 135 ? `EPSG:${4534 + (meridian - 75) / 3}` : null;
  }
  if ((meridian - 3) % 6 !== 0) return null;
  if (zone.zoneInEasting) {
    const number = (meridian + 3) / 6;
    return number >= 13 && number <= 23 ? `EPSG:${4491 + number - 13}` : null;
  }
  return meridian >= 75 && meridian <= 135 ? `EPSG:${4502 + (meridian - 75) / 6}` : null;
}

/**
 * The zone of a CGCS2000 Gauss–Krüger EPSG code (the inverse of gaussKrugerCrs), with the zone
 * number when the easting carries it; null for any other coordinate system.
 */
export function gaussKrugerZoneOf(crsId: string): (GaussKrugerZone & { zoneNumber: number | null }) | null {
  const match = /^EPSG:(\d+)$/.exec(crsId);
  const code = match ? Number(match[1]) : NaN;
  if (code >= 4491 && code <= 4501) {
    const zoneNumber = code - 4491 + 13;
    return { widthDegrees: 6, centralMeridianDegrees: zoneNumber * 6 - 3, zoneInEasting: true, zoneNumber };
  }
  if (code >= 4502 && code <= 4512)
    return {
      widthDegrees: 6,
      centralMeridianDegrees: 75 + (code - 4502) * 6,
      zoneInEasting: false,
      zoneNumber: null,
    };
  if (code >= 4513 && code <= 4533) {
    const zoneNumber = code - 4513 + 25;
    return { widthDegrees: 3, centralMeridianDegrees: zoneNumber * 3, zoneInEasting: true, zoneNumber };
  }
  if (code >= 4534 && code <= 4554)
    return {
      widthDegrees: 3,
      centralMeridianDegrees: 75 + (code - 4534) * 3,
      zoneInEasting: false,
      zoneNumber: null,
    };
  return null;
}

/** The multipart fields of a preview request (the file is added by the caller). */
export function previewFormFields(choices: ImportChoices): Record<string, string> {
  const fields: Record<string, string> = { layer: choices.layer };
  if (choices.crs) fields.crs = choices.crs;
  if (choices.encoding) fields.encoding = choices.encoding;
  if (choices.mapping) fields.mapping = JSON.stringify(choices.mapping);
  if (choices.valueMap && Object.keys(choices.valueMap).length > 0)
    fields.valueMap = JSON.stringify(choices.valueMap);
  if (choices.repair) fields.repair = 'true';
  if (choices.swapAxes) fields.swapAxes = 'true';
  if (choices.replace) fields.replace = 'true';
  if (choices.newRegion) {
    fields.create = 'true';
    fields.name = choices.newRegion.name.trim();
    if (choices.newRegion.nameEn.trim()) fields.nameEn = choices.newRegion.nameEn.trim();
  }
  return fields;
}

/** Region ids as the server takes them (they appear in addresses: `?region=…`). */
export const REGION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type NewRegionProblem = 'id-empty' | 'id-format' | 'id-taken' | 'name-empty';

/** What keeps a new region from being previewed, or null when its id and name will do. */
export function newRegionProblem(region: NewRegion, existingIds: readonly string[]): NewRegionProblem | null {
  const id = region.id.trim();
  if (id === '') return 'id-empty';
  if (!REGION_ID_PATTERN.test(id)) return 'id-format';
  if (existingIds.includes(id)) return 'id-taken';
  if (region.name.trim() === '') return 'name-empty';
  return null;
}

/** The region an import is sent to: the new one when it creates one, else the region on screen. */
export function importRegionId(currentRegionId: string | null, choices: ImportChoices): string | null {
  return choices.newRegion ? choices.newRegion.id.trim() : currentRegionId;
}

/** The commit's JSON body: the choices the preview was made with, plus the scenario acceptance. */
export function commitBody(choices: ImportChoices, acceptScenarioChanges: boolean) {
  return {
    mapping: choices.mapping ?? undefined,
    valueMap: choices.valueMap ?? undefined,
    crs: choices.crs || undefined,
    encoding: choices.encoding || undefined,
    repair: choices.repair,
    swapAxes: choices.swapAxes,
    replace: choices.replace,
    acceptScenarioChanges,
  };
}

/** The mapping with one field fed by another column ('' leaves the field unmapped). */
export function withFieldColumn(mapping: FieldMapping, field: string, column: string): FieldMapping {
  return { ...mapping, [field]: column === '' ? null : column };
}

/** The value map with one written value of a coded field read as a code ('' forgets the choice). */
export function withValueCode(valueMap: ValueMap, field: string, written: string, code: string): ValueMap {
  const values = { ...(valueMap[field] ?? {}) };
  if (code === '') delete values[written];
  else values[written] = code;
  return { ...valueMap, [field]: values };
}

export type StatusCounts = Record<ImportPreviewFeature['properties']['importStatus'], number>;

/** How many preview features are fine, repaired, warned about or refused. */
export function countStatuses(features: readonly ImportPreviewFeature[]): StatusCounts {
  const counts: StatusCounts = { ok: 0, repaired: 0, warning: 0, error: 0 };
  for (const feature of features) counts[feature.properties.importStatus] += 1;
  return counts;
}

/** `[west, south, east, north]` of the preview's geometries, or null when none has coordinates. */
export function previewBbox(
  features: readonly ImportPreviewFeature[],
): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [x, y] = value as [number, number];
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
      return;
    }
    for (const item of value) visit(item);
  };
  for (const feature of features) {
    if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** Whether the commit needs the analyst's explicit acceptance of the scenario changes. */
export function needsScenarioAcceptance(preview: ImportPreview): boolean {
  return preview.scenarioImpact?.requiresAcceptance === true;
}

/** Whether Commit may be pressed: the preview has no errors and any scenario change is accepted. */
export function canCommit(preview: ImportPreview, accepted: boolean): boolean {
  return preview.canCommit && !preview.committed && (!needsScenarioAcceptance(preview) || accepted);
}
