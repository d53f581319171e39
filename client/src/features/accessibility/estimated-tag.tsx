import { useI18n } from '../../lib/i18n';

/** Marks a figure that counts residents the surveys estimated rather than counted. */
export function EstimatedTag() {
  const { t } = useI18n();
  return (
    <span className="estimated-tag" title={t('access.estimatedHint')} data-testid="estimated-tag">
      {t('access.estimated')}
    </span>
  );
}
