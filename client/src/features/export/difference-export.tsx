/**
 * 导出差异: the comparison of a scenario's saved version with the baseline or another scenario as a
 * file — communities before and after with their rule changes, units that changed community,
 * facilities and paths added, moved or removed — in GeoJSON, CSV or a zip of Shapefiles.
 */
import { API } from '../../../../contract/index';
import { operationUrl, type ExportFormat } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { judgingQuery, type Judging } from '../../lib/judging';
import { ExportLinks } from './export-links';

/** The address of the difference's download (`GET /api/scenarios/:id/compare/export`). */
export function differenceExportUrl(
  scenarioId: string,
  withId: string,
  judging: Judging,
  format: ExportFormat,
): string {
  return operationUrl(API.scenarios.compareExport, {
    params: { id: scenarioId },
    query: { ...judgingQuery(judging), with: withId, format },
  });
}

export function DifferenceExport({
  scenarioId,
  withId,
  judging,
}: {
  scenarioId: string;
  withId: string;
  judging: Judging;
}) {
  const { t } = useI18n();
  return (
    <ExportLinks
      testId="export-difference"
      label={t('export.difference')}
      hrefFor={(format) => differenceExportUrl(scenarioId, withId, judging, format)}
    />
  );
}
