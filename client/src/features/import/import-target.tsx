/** Where the import goes: the region on screen, or a new region made from this first layer. */
import { useState } from 'react';
import type { Region } from '../../lib/api-types';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { newRegionProblem } from './import-choices';
import type { NewRegion } from './import-types';
import type { ImportWizardState } from './use-import-wizard';

export function ImportTarget({
  wizard,
  region,
  regions,
}: {
  wizard: ImportWizardState;
  region: Region | null;
  regions: readonly Region[];
}) {
  const { t, localName } = useI18n();
  const chosen = wizard.choices.newRegion;
  // Typed text stays here until the field is left, so each keystroke does not ask for a preview.
  const [draft, setDraft] = useState<NewRegion>(chosen ?? { id: '', name: '', nameEn: '' });
  const problem = chosen
    ? newRegionProblem(
        draft,
        regions.map((candidate) => candidate.id),
      )
    : null;
  const apply = (next: NewRegion) => {
    const current = wizard.choices.newRegion;
    if (!current || current.id !== next.id || current.name !== next.name || current.nameEn !== next.nameEn)
      wizard.choose({ newRegion: next });
  };
  const field = (key: keyof NewRegion, label: string, testId: string, hint?: string) => (
    <label className="import-field">
      <span>{label}</span>
      <input
        type="text"
        data-testid={testId}
        value={draft[key]}
        title={hint}
        placeholder={hint}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        onBlur={() => apply(draft)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply(draft);
        }}
      />
    </label>
  );
  return (
    <fieldset className="import-target" data-testid="import-target">
      <legend>{t('import.target')}</legend>
      <label>
        <input
          type="radio"
          name="import-target"
          data-testid="import-target-current"
          checked={!chosen}
          disabled={!region}
          onChange={() => wizard.choose({ newRegion: null })}
        />
        {t('import.target.current', {
          name: region ? localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name }) : '—',
        })}
      </label>
      <label>
        <input
          type="radio"
          name="import-target"
          data-testid="import-target-new"
          checked={chosen !== null}
          // A new region is best begun with its walking network: it fixes the extent and projection.
          onChange={() => wizard.choose({ newRegion: draft, layer: 'network', replace: false })}
        />
        {t('import.target.new')}
      </label>
      {chosen && (
        <div className="import-new-region" data-testid="import-new-region">
          <p className="import-muted">{t('import.newRegion.hint')}</p>
          {field('id', t('import.newRegion.id'), 'import-region-id', t('import.newRegion.idHint'))}
          {field('name', t('import.newRegion.name'), 'import-region-name')}
          {field('nameEn', t('import.newRegion.nameEn'), 'import-region-name-en')}
          {problem && (
            <span className="import-bad" role="alert" data-testid="import-region-problem">
              {t(`import.newRegion.${problem}` as MessageKey)}
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}
