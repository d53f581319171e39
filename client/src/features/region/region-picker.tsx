import type { Region } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import './region-picker.css';

/** A select of regions, shown only when the server holds more than one. */
export function RegionPicker({
  regions,
  regionId,
  onChange,
}: {
  regions: Region[];
  regionId: string | null;
  onChange: (regionId: string) => void;
}) {
  const { t, localName } = useI18n();
  return (
    <label className="region-picker">
      <span className="visually-hidden">{t('region.label')}</span>
      <select
        value={regionId ?? ''}
        onChange={(event) => onChange(event.target.value)}
        aria-label={t('region.label')}
      >
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
