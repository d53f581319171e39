/** Downloads of the open scenario (its saved version) in the three formats a GIS opens. */
import { scenarioExportUrl } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { judgingQuery } from '../../lib/judging';
import { Section } from '../../ui/section';
import { ToolIcon } from './tool-icon';
import type { ScenarioEditor } from './use-scenario-editor';

export function ScenarioExports({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const id = editor.openSummary?.id;
  const judging = editor.judging;
  if (!id || !judging) return null;
  const pending = editor.session?.pendingEdits().length ?? 0;
  return (
    <Section heading="h3" className="export-section" title={t('scenario.export')}>
      <div className="export-buttons">
        {(['geojson', 'csv', 'shapefile'] as const).map((format) => (
          <a
            key={format}
            className="button-quiet export-link"
            href={scenarioExportUrl(id, format, judgingQuery(judging))}
            download
            data-testid={`export-${format}`}
          >
            <ToolIcon name="download" />
            {t(`scenario.export.${format}`)}
          </a>
        ))}
      </div>
      <p className="field-hint">
        {pending > 0
          ? t('scenario.exportPending', { n: editor.session?.saved.version ?? 1 })
          : t('scenario.exportHint')}
      </p>
    </Section>
  );
}
