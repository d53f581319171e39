/** What the last commit wrote (and the region it created, if it did). */
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ImportPreview, NewRegion } from './import-types';

export function CommittedNotice({
  report,
  createdRegion,
}: {
  report: ImportPreview;
  createdRegion: NewRegion | null;
}) {
  const { t, localName } = useI18n();
  return (
    <div className="import-success" role="status" data-testid="import-success">
      {t('import.committed', {
        added: formatCount(report.changes.added) ?? '',
        updated: formatCount(report.changes.updated) ?? '',
        removed: formatCount(report.changes.removed) ?? '',
        after: formatCount(report.changes.after) ?? '',
      })}
      {createdRegion && (
        <p data-testid="import-created-region">
          {t('import.createdRegion', {
            name: localName({
              nameZh: createdRegion.name,
              nameEn: createdRegion.nameEn || createdRegion.name,
            }),
          })}
        </p>
      )}
    </div>
  );
}
