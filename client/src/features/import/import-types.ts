/**
 * The import API's answers as the wizard reads them: the contract's schemas (contract/imports.ts),
 * and the choices the wizard keeps between previews.
 */
import type { z } from 'zod';
import type { ImportChoices as ContractImportChoices } from '../../../../contract/import-options';
import type { importPreviewSchema } from '../../../../contract/imports';
import type { FieldMapping, MappingSource, ValueMap } from '../../../../core/import/field-mapping';
import type { ImportLayer } from '../../../../core/import/import-layers';
import type { ImportProblem } from '../../../../core/import/import-problems';

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

type Preview = z.output<typeof importPreviewSchema>;
/** The named members of a loose object (its open index signature would swallow them in an Omit). */
type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** `POST /api/regions/:region/imports` (and, without features, the commit's answer): the contract's. */
export type ImportPreview = Omit<Named<Preview>, 'features'> & { features?: Preview['features'] };
export type ImportPreviewFeature = NonNullable<ImportPreview['features']>['features'][number];
export type FeatureImportStatus = ImportPreviewFeature['properties']['importStatus'];
export type ScenarioImpact = NonNullable<ImportPreview['scenarioImpact']>;
export type ScenarioImpactEntry = ScenarioImpact['scenarios'][number];
export type ImportField = ImportPreview['fields'][number];
/** The encoding the file was read in and why (null for .xlsx, whose text is Unicode). */
export type UsedEncoding = NonNullable<ImportPreview['file']['encoding']>;

/** A text encoding the API reads (contract/import-options.ts), or '' to let the file decide. */
export type EncodingChoice = '' | NonNullable<ContractImportChoices['encoding']>;

/** What the analyst chose: sent with every preview and with the commit. */
export interface ImportChoices {
  layer: WizardLayer;
  /** '' lets the file decide. */
  crs: string;
  /** '' lets the file decide (its .cpg, its language driver byte, or its text). */
  encoding: EncodingChoice;
  mapping: FieldMapping | null;
  valueMap: ValueMap | null;
  repair: boolean;
  swapAxes: boolean;
  replace: boolean;
  /** Set when the import makes a new region instead of writing to the one on screen. */
  newRegion: NewRegion | null;
}
