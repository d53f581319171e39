/** Where the isochrones start (a facility, or a clicked point with its coordinates), with fit and clear. */
import type { RegionLayers } from '../../lib/api-types';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES } from '../../lib/standards';
import { Button } from '../../ui/button';
import { IconButton } from '../../ui/icon-button';
import type { IsochroneOrigin } from './use-accessibility';

export interface OriginCardProps {
  origin: IsochroneOrigin;
  data: Partial<RegionLayers>;
  /** Everything drawn, to frame on the map; null while nothing is. */
  resultBbox: [number, number, number, number] | null;
  onShowBbox: (bbox: [number, number, number, number]) => void;
  onClear: () => void;
}

export function OriginCard({ origin, data, resultBbox, onShowBbox, onClear }: OriginCardProps) {
  const { t, localName } = useI18n();
  const facility =
    origin.kind === 'facility'
      ? data.facilities?.features.find((feature) => feature.properties.id === origin.id)
      : undefined;
  const category = facility ? FACILITY_CATEGORIES[facility.properties.category] : undefined;
  return (
    <div
      className="origin-card"
      data-testid="isochrone-origin"
      data-origin-kind={origin.kind}
      data-facility-id={origin.kind === 'facility' ? origin.id : undefined}
    >
      <span className="origin-mark" aria-hidden="true" />
      <div className="origin-text">
        <span className="origin-caption">{t('access.origin')}</span>
        <span className="origin-name">
          {facility ? facility.properties.name : t('access.originPoint')}
          {category && <span className="origin-category">{localName(category)}</span>}
        </span>
        {!facility && (
          <span className="origin-coordinates">
            {formatNumber(origin.position[0], 5)}, {formatNumber(origin.position[1], 5)}
          </span>
        )}
      </div>
      <div className="origin-actions">
        {resultBbox && (
          <IconButton testId="isochrone-fit" label={t('access.fit')} onClick={() => onShowBbox(resultBbox)}>
            <svg viewBox="0 0 16 16" className="fit-icon" aria-hidden="true">
              <path d="M2 6 V2 H6 M10 2 H14 V6 M14 10 V14 H10 M6 14 H2 V10" />
              <circle cx="8" cy="8" r="2" />
            </svg>
          </IconButton>
        )}
        <Button variant="quiet" testId="isochrone-clear" onClick={onClear}>
          {t('access.clear')}
        </Button>
      </div>
    </div>
  );
}
