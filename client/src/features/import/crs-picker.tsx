/**
 * The coordinate system of the file: detected, or chosen (WGS 84, CGCS2000, GCJ-02, BD-09, or a
 * CGCS2000 Gauss–Krüger zone given by its width, central meridian and whether eastings carry the
 * zone number).
 */
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { CRS_CHOICES, gaussKrugerCrs, type CrsChoice, type GaussKrugerZone } from './import-choices';
import type { ImportWizardState } from './use-import-wizard';

/** The zone offered first: 3° wide around 111°E. */
const INITIAL_ZONE: GaussKrugerZone = { widthDegrees: 3, centralMeridianDegrees: 111, zoneInEasting: false };

export function CrsPicker({ wizard }: { wizard: ImportWizardState }) {
  const { t } = useI18n();
  const [crsChoice, setCrsChoice] = useState<CrsChoice>('');
  const [zone, setZone] = useState<GaussKrugerZone>(INITIAL_ZONE);
  const zoneCrs = gaussKrugerCrs(zone);

  const applyCrs = (choice: CrsChoice, nextZone: GaussKrugerZone) => {
    setCrsChoice(choice);
    setZone(nextZone);
    const crs = choice === 'gk' ? gaussKrugerCrs(nextZone) : choice;
    if (crs !== null) wizard.choose({ crs });
  };

  return (
    <>
      <label className="import-field">
        <span>{t('import.crs')}</span>
        <select
          data-testid="import-crs"
          value={crsChoice}
          onChange={(event) => applyCrs(event.target.value as CrsChoice, zone)}
        >
          {CRS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`import.crs.${choice || 'auto'}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {crsChoice === 'gk' && (
        <div className="import-zone" data-testid="import-zone">
          <select
            aria-label={t('import.zone.width')}
            value={zone.widthDegrees}
            onChange={(event) =>
              applyCrs('gk', { ...zone, widthDegrees: Number(event.target.value) as 3 | 6 })
            }
          >
            <option value={3}>3°</option>
            <option value={6}>6°</option>
          </select>
          <label>
            {t('import.zone.meridian')}
            <input
              type="number"
              min={75}
              max={135}
              step={3}
              value={zone.centralMeridianDegrees}
              onChange={(event) =>
                applyCrs('gk', { ...zone, centralMeridianDegrees: Number(event.target.value) })
              }
            />
            °E
          </label>
          <label>
            <input
              type="checkbox"
              checked={zone.zoneInEasting}
              onChange={(event) => applyCrs('gk', { ...zone, zoneInEasting: event.target.checked })}
            />
            {t('import.zone.prefix')}
          </label>
          <span className={zoneCrs ? 'import-muted' : 'import-bad'}>
            {zoneCrs ?? t('import.zone.invalid')}
          </span>
        </div>
      )}
    </>
  );
}
