/**
 * The import wizard (issue 5, “Import (analysts)”): choose a layer and a file, optionally the
 * coordinate system and text encoding; the server's preview shows what it detected, the field
 * mapping (each field fed by a column, with samples), value mapping of unknown categories, the
 * problems by row and field, what will change (scenarios included) — and the features on the map.
 * Nothing is written until Commit.
 */
import type { Region } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { BasemapImport } from './basemap-import';
import { CommittedNotice } from './committed-notice';
import { ImportOptions } from './import-options';
import { ImportPreview } from './import-preview';
import { ImportTarget } from './import-target';
import { RefusalLine } from './refusal-line';
import type { ImportWizardState } from './use-import-wizard';
import './import-wizard.css';

export interface ImportWizardProps {
  wizard: ImportWizardState;
  /** The region on screen (null when the server holds none: then only a new region can be made). */
  region: Region | null;
  /** Every region the server holds, so a new region's id is checked before it is sent. */
  regions: readonly Region[];
  onClose: () => void;
  /** After a base map is stored with the region (the layers panel lists it then). */
  onBasemapStored?: () => void;
}

export function ImportWizard({ wizard, region, regions, onClose, onBasemapStored }: ImportWizardProps) {
  const { t } = useI18n();
  const { preview, busy } = wizard;
  return (
    <section className="panel import-wizard" data-testid="import-wizard" aria-labelledby="import-title">
      <div className="import-head">
        <h2 id="import-title" className="panel-title">
          {t('import.title')}
        </h2>
        <button type="button" className="import-close" onClick={onClose} data-testid="import-close">
          {t('import.close')}
        </button>
      </div>
      <p className="import-hint">{t('import.hint')}</p>

      <div className="import-form">
        <ImportTarget wizard={wizard} region={region} regions={regions} />
        <ImportOptions wizard={wizard} />
      </div>

      {busy === 'preview' && <div className="import-status">{t('import.previewing')}</div>}
      {wizard.error && <RefusalLine error={wizard.error} />}
      {wizard.committed && <CommittedNotice report={wizard.committed} createdRegion={wizard.createdRegion} />}
      {preview && <ImportPreview wizard={wizard} preview={preview} />}
      {region && onBasemapStored && <BasemapImport regionId={region.id} onStored={onBasemapStored} />}
    </section>
  );
}
