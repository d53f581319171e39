/**
 * What an import answers: the outcome of a preview or a commit (the API's JSON, the command line's
 * report), and the features as they would be written, for the wizard's map.
 */
import type { EncodingSource } from '../../../core/formats/text-encoding.js';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import type { FieldMapping, MappingSource, ValueMap } from '../../../core/import/field-mapping.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import type { countProblems, ImportProblem } from '../../../core/import/import-problems.js';
import type { RoadNetwork, RoadNetworkSummary } from '../../../core/network/road-network.js';
import type { PreviewFeatureProperties } from '../../../contract/imports.js';
import type { ScenarioImpact } from './scenario-impact.js';

export interface PreviewFeature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates?: unknown; geometries?: unknown } | null;
  properties: Record<string, unknown> & {
    importLocation: string;
    importStatus: 'ok' | 'repaired' | 'warning' | 'error';
  };
}

export interface ImportOutcome {
  importId: string | null;
  regionId: string;
  layer: ImportLayer;
  mode: 'add' | 'replace';
  createsRegion: boolean;
  /** The metric projection of a region the import creates. */
  metricSrid: number | null;
  file: {
    name: string;
    format: string;
    bytes: number;
    records: number;
    /**
     * The text encoding used, where it came from (option, bom, cpg, dbf-language-driver, detected),
     * what the file named (the .cpg's text, the language driver byte), and what it is in both languages.
     */
    encoding: {
      encoding: string;
      from: EncodingSource;
      named: string | null;
      label: string;
      labelZh: string;
    } | null;
    crs: { id: string; label: string; from: string } | null;
    /** How the file was read, in English (the command line's report), and the same notes in Chinese (the wizard's). */
    notes: string[];
    notesZh: string[];
  };
  columns: { name: string; samples: string[]; filled: number }[];
  fields: {
    field: string;
    /** The field's Chinese name (e.g. 常住人口), as the Chinese problem texts call it. */
    labelZh: string;
    type: string;
    need: string;
    description: string;
    derivation: string | null;
    derivationZh: string | null;
    codes: string[] | null;
  }[];
  mapping: FieldMapping;
  mappingFrom: Record<string, MappingSource>;
  /** The codes this file's written values are read as (remembered, given or recognised). */
  valueMap: ValueMap;
  /** Written values of coded fields no code is known for: the wizard asks for a value map. */
  unknownValues: Record<string, string[]>;
  geometryFrom: string | null;
  /** The features as they would be written (WGS 84, repaired, with derived fields), for the map. */
  features: { type: 'FeatureCollection'; features: PreviewFeature[] };
  featureCount: number;
  problems: ImportProblem[];
  problemCounts: ReturnType<typeof countProblems>;
  problemsLeftOut: number;
  changes: LayerCounts;
  network: RoadNetworkSummary | null;
  scenarioImpact: ScenarioImpact | null;
  canCommit: boolean;
  committed: boolean;
}

/** How many features the layer holds before and after, and which the import adds, updates and removes. */
export interface LayerCounts {
  before: number;
  added: number;
  updated: number;
  removed: number;
  after: number;
  /** At most MAX_LISTED_IDS of the removed features' ids. */
  removedIds: string[];
}

/** What is kept of an import once committed, and answered beside a refusal: all but the features, columns and fields. */
export type ImportReport = Omit<ImportOutcome, 'features' | 'columns' | 'fields'>;

/** The outcome without its features, columns and fields. */
export function reportOf(outcome: ImportOutcome): ImportReport {
  const { features: _features, columns: _columns, fields: _fields, ...report } = outcome;
  return report;
}

/** The most removed ids an outcome lists. */
export const MAX_LISTED_IDS = 100;

/**
 * The layer's counts: a network is replaced as a whole (every edge "removed", every new one
 * "added"); other layers add new ids and update ids they hold, and a replacement removes the rest.
 * `existingIds` are the layer's ids before the import; `networkEdgesBefore` the region's edges.
 */
export function countLayerChanges(
  layer: ImportLayer,
  existingIds: ReadonlySet<string>,
  newIds: ReadonlySet<string>,
  replace: boolean,
  network: { edgesBefore: number; edgesAfter: number },
): LayerCounts {
  if (layer === 'network') {
    const { edgesBefore: before, edgesAfter: after } = network;
    return { before, added: after, updated: 0, removed: before, after, removedIds: [] };
  }
  const added = [...newIds].filter((id) => !existingIds.has(id)).length;
  const updated = newIds.size - added;
  const removedIds = replace ? [...existingIds].filter((id) => !newIds.has(id)) : [];
  return {
    before: existingIds.size,
    added,
    updated,
    removed: removedIds.length,
    after: replace ? newIds.size : existingIds.size + added,
    removedIds: removedIds.slice(0, MAX_LISTED_IDS),
  };
}

/**
 * The features as the map previews them: a network's edges as split, else each feature with its
 * repaired geometry, marked `error` or `warning` by its worst problem, else `repaired` or `ok`.
 * With `properties` "all" each also carries every property as it would be written, derived ones
 * included; "status" gives only its location and state, which is all the map draws (a county's
 * units answer 59 % of the bytes).
 */
export function previewFeatures(
  features: readonly ImportFeature[],
  problems: readonly ImportProblem[],
  derived: {
    network: RoadNetwork | null;
    patches: ReadonlyMap<number, Record<string, unknown>>;
    repairedGeometry: ReadonlyMap<number, unknown>;
    repairedIndexes: ReadonlySet<number>;
  },
  properties: PreviewFeatureProperties,
): PreviewFeature[] {
  if (derived.network) {
    return derived.network.edges.map((edge) => ({
      type: 'Feature',
      id: String(edge.id),
      geometry: { type: 'LineString', coordinates: edge.coordinates },
      properties: {
        ...(properties === 'all' && {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          lengthMeters: Math.round(edge.lengthMeters * 100) / 100,
          class: edge.edgeClass,
          bridge: edge.bridge,
        }),
        importLocation: `from feature ${edge.featureId}`,
        importStatus: 'ok',
      },
    }));
  }
  const statusOf = new Map<number, PreviewFeature['properties']['importStatus']>();
  for (const problem of problems) {
    if (problem.index === null) continue;
    const current = statusOf.get(problem.index);
    if (problem.severity === 'error') statusOf.set(problem.index, 'error');
    else if (problem.severity === 'warning' && current !== 'error') statusOf.set(problem.index, 'warning');
  }
  return features.map((feature) => {
    const repaired = derived.repairedIndexes.has(feature.index);
    const status = statusOf.get(feature.index) ?? (repaired ? 'repaired' : 'ok');
    return {
      type: 'Feature',
      id: feature.id,
      geometry: (derived.repairedGeometry.get(feature.index) ??
        feature.geometry) as PreviewFeature['geometry'],
      properties: {
        ...(properties === 'all' && writtenProperties(feature, derived.patches)),
        importLocation: feature.location,
        importStatus: status,
      },
    };
  });
}

/** A feature's properties as they would be written: the file's, with what the check derived over them. */
function writtenProperties(
  feature: ImportFeature,
  patches: ReadonlyMap<number, Record<string, unknown>>,
): Record<string, unknown> {
  // The point on surface is the server's own working value, not a property of the feature.
  const { pointOnSurface: _pointOnSurface, ...patch } = patches.get(feature.index) ?? {};
  return { ...feature.properties, ...patch };
}
