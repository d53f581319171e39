/** The import's options besides its target: layer, file, coordinate system, text encoding and the flags. */
import { useI18n, type MessageKey } from '../../lib/i18n';
import { CrsPicker } from './crs-picker';
import { ENCODING_GROUPS, encodingChoiceOf, encodingName } from './encoding-choices';
import { WIZARD_LAYERS, type WizardLayer } from './import-types';
import type { ImportWizardState } from './use-import-wizard';

export function ImportOptions({ wizard }: { wizard: ImportWizardState }) {
  const { t, language } = useI18n();
  const { choices } = wizard;
  return (
    <>
      <label className="import-field">
        <span>{t('import.layer')}</span>
        <select
          data-testid="import-layer"
          value={choices.layer}
          onChange={(event) => wizard.choose({ layer: event.target.value as WizardLayer })}
        >
          {WIZARD_LAYERS.map((layer) => (
            <option key={layer} value={layer}>
              {t(`import.layer.${layer}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="import-field">
        <span>{t('import.file')}</span>
        <input
          key={wizard.fileInputKey}
          type="file"
          data-testid="import-file"
          accept=".geojson,.json,.zip,.csv,.xlsx,.dbf,.txt,.osm"
          onChange={(event) => wizard.setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      <CrsPicker wizard={wizard} />
      <label className="import-field">
        <span>{t('import.encoding')}</span>
        <select
          data-testid="import-encoding"
          value={choices.encoding}
          onChange={(event) => wizard.choose({ encoding: encodingChoiceOf(event.target.value) })}
        >
          <option value="">{t('import.encoding.auto')}</option>
          {ENCODING_GROUPS.map((group) => (
            <optgroup key={group.id} label={t(`import.encodingGroup.${group.id}` as const)}>
              {group.encodings.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {encodingName(encoding, language)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="import-flags">
        {(['replace', 'repair', 'swapAxes'] as const).map((flag) => (
          <label key={flag}>
            <input
              type="checkbox"
              data-testid={`import-${flag}`}
              checked={choices[flag]}
              onChange={(event) => wizard.choose({ [flag]: event.target.checked })}
            />
            {t(`import.${flag}` as MessageKey)}
          </label>
        ))}
      </div>
    </>
  );
}
