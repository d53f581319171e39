/**
 * Download links for one layer or analysis result in the three formats a GIS opens: RFC 7946
 * GeoJSON, CSV with a header row (UTF-8 with BOM, so Excel reads Chinese), and a zipped Shapefile.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../session/use-session';
import './export-links.css';

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  geojson: 'GeoJSON',
  csv: 'CSV',
  shapefile: 'SHP',
};

export function ExportLinks({
  label,
  hrefFor,
  testId,
}: {
  label: string;
  hrefFor: (format: ExportFormat) => string;
  testId: string;
}) {
  const { t } = useI18n();
  // Downloads are for the roles holding `export` (the server refuses the rest regardless).
  if (!useSession().can('export')) return null;
  return (
    <div className="export-links" data-testid={testId}>
      <span className="export-label">{label}</span>
      <span className="export-formats">
        {EXPORT_FORMATS.map((format) => (
          <a
            key={format}
            href={hrefFor(format)}
            download
            data-format={format}
            title={t('export.download', { what: label, format: EXPORT_FORMAT_LABELS[format] })}
          >
            {EXPORT_FORMAT_LABELS[format]}
          </a>
        ))}
      </span>
    </div>
  );
}
