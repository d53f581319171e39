/**
 * The import API's answers as the wizard reads them (server/src/imports/import-outcome.ts is the
 * source; the client does not import server code, so the shapes it uses are restated here).
 */
import type { FieldMapping, MappingSource, ValueMap } from '../../../../core/import/field-mapping';
import type { ImportLayer } from '../../../../core/import/import-layers';
import type { ImportProblem } from '../../../../core/import/import-problems';
import type { RoadNetworkSummary } from '../../../../core/network/road-network';

export type { FieldMapping, ImportLayer, ImportProblem, MappingSource, ValueMap };

/**
 * Layers the wizard offers, in the order a new region is best built: the walking network first (it
 * fixes the region's extent and metric projection), then streets, communities, units, facilities.
 */
export const WIZARD_LAYERS = ['network', 'streets', 'communities', 'units', 'facilities'] as const;
export type WizardLayer = (typeof WIZARD_LAYERS)[number];

/** A region the import creates: its id (as in addresses) and names. */
export interface NewRegion {
  id: string;
  name: string;
  /** '' when the region has no English name. */
  nameEn: string;
}

export type FeatureImportStatus = 'ok' | 'repaired' | 'warning' | 'error';

export interface ImportPreviewFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJSON.Geometry | null;
  properties: Record<string, unknown> & { importLocation: string; importStatus: FeatureImportStatus };
}

export interface ScenarioImpactEntry {
  id: string;
  name: string;
  version: number;
  changesStoredData: boolean;
  /** `text` in English, `textZh` the same in Chinese. */
  effects: { kind: string; text: string; textZh?: string }[];
}

export interface ScenarioImpact {
  scenarios: ScenarioImpactEntry[];
  requiresAcceptance: boolean;
  policy: string;
  /** `policy` in Chinese. */
  policyZh?: string;
}

export interface ImportField {
  field: string;
  /** The field's Chinese name (e.g. 常住人口), as the Chinese problem texts call it. */
  labelZh?: string;
  type: string;
  need: string;
  description: string;
  derivation: string | null;
  /** `derivation` in Chinese. */
  derivationZh?: string | null;
  codes: string[] | null;
}

/** `POST /api/regions/:region/imports` (and, without features, the commit's answer). */
export interface ImportPreview {
  importId: string | null;
  regionId: string;
  layer: ImportLayer;
  mode: 'add' | 'replace';
  /** The import makes the region (its first layer). */
  createsRegion: boolean;
  file: {
    name: string;
    format: string;
    bytes: number;
    records: number;
    encoding: { encoding: string; from: string } | null;
    crs: { id: string; label: string; from: string } | null;
    /** How the file was read (e.g. a Shapefile without .prj), in English and in Chinese, in the same order. */
    notes: string[];
    notesZh: string[];
  };
  columns: { name: string; samples: string[]; filled: number }[];
  fields: ImportField[];
  mapping: FieldMapping;
  mappingFrom: Record<string, MappingSource>;
  valueMap: ValueMap;
  unknownValues: Record<string, string[]>;
  geometryFrom: string | null;
  features?: { type: 'FeatureCollection'; features: ImportPreviewFeature[] };
  featureCount: number;
  problems: ImportProblem[];
  problemsLeftOut: number;
  changes: {
    before: number;
    added: number;
    updated: number;
    removed: number;
    after: number;
    removedIds: string[];
  };
  /** The walking network a network import makes (null for other layers). */
  network: RoadNetworkSummary | null;
  scenarioImpact: ScenarioImpact | null;
  canCommit: boolean;
  committed: boolean;
}

/** What the analyst chose: sent with every preview and with the commit. */
export interface ImportChoices {
  layer: WizardLayer;
  /** '' lets the file decide. */
  crs: string;
  /** '' lets the file decide. */
  encoding: '' | 'utf8' | 'gbk';
  mapping: FieldMapping | null;
  valueMap: ValueMap | null;
  repair: boolean;
  swapAxes: boolean;
  replace: boolean;
  /** Set when the import makes a new region instead of writing to the one on screen. */
  newRegion: NewRegion | null;
}
