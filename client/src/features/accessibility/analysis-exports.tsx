/** Downloads of the analysis results on screen, in the three formats a GIS opens. */
import {
  coverageQuery,
  EXPORT_FORMATS,
  fetchIsochroneExport,
  heatmapQueryParameters,
  regionExportUrl,
  type ExportFormat,
} from '../../lib/api';
import type { IsochroneRequestBody } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { reportError } from '../../lib/notices';
import { Button } from '../../ui/button';
import { EXPORT_FORMAT_LABELS, ExportLinks } from '../export/export-links';
import { useSession } from '../session/use-session';
import type { AccessibilityState } from './use-accessibility';

/** Hand the browser a downloaded file through an object URL (a POST answer cannot be a link's target). */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The isochrones shown (network bands, or the radii when those are shown alone). */
export function IsochroneExports({ regionId, body }: { regionId: string; body: IsochroneRequestBody }) {
  const { t } = useI18n();
  const mayExport = useSession().can('export');
  const download = async (format: ExportFormat) => {
    const result = await fetchIsochroneExport(regionId, body, format);
    if (result.ok) saveFile(result.data.blob, result.data.fileName);
    else reportError(result.error);
  };
  if (!mayExport) return null;
  return (
    <div className="export-links analysis-exports" data-testid="export-isochrones">
      <span className="export-label">{t('export.isochrones')}</span>
      <span className="export-formats">
        {EXPORT_FORMATS.map((format) => (
          <Button key={format} variant="link" data-format={format} onClick={() => void download(format)}>
            {EXPORT_FORMAT_LABELS[format]}
          </Button>
        ))}
      </span>
    </div>
  );
}

/** What the coverage view shows: coverage per community and the heat-map grid as drawn. */
export function CoverageExports({
  state,
  regionId,
  speedMetersPerSecond,
}: {
  state: AccessibilityState;
  regionId: string;
  speedMetersPerSecond: number;
}) {
  const { t } = useI18n();
  const { heatmapQuery } = state;
  return (
    <div className="analysis-exports">
      <ExportLinks
        testId="export-coverage"
        label={t('export.coverage')}
        hrefFor={(format) =>
          regionExportUrl(
            regionId,
            'coverage',
            format,
            coverageQuery(speedMetersPerSecond, state.tierOverrides),
          )
        }
      />
      {heatmapQuery && (
        <ExportLinks
          testId="export-heatmap"
          label={t('export.heatmap')}
          hrefFor={(format) =>
            regionExportUrl(regionId, 'heatmap', format, heatmapQueryParameters(heatmapQuery))
          }
        />
      )}
    </div>
  );
}
