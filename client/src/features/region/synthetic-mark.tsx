import { useI18n } from '../../lib/i18n';
import './synthetic-mark.css';

/** The mark on a synthetic (invented) region, so no one mistakes the demo for real data. */
export function SyntheticMark() {
  const { t } = useI18n();
  return (
    <div className="synthetic-mark" data-testid="synthetic-mark" title={t('region.syntheticHint')}>
      <svg viewBox="0 0 16 16" aria-hidden="true" className="synthetic-icon">
        <path d="M8 1.5 L15 14 H1 Z" />
        <path d="M8 6 V9.5 M8 11.5 V12" className="synthetic-icon-mark" />
      </svg>
      {t('region.synthetic')}
    </div>
  );
}
