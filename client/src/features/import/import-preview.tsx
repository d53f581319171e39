/**
 * The server's preview of an import: what it detected, the field and value mappings to adjust, the
 * problems by row and field, what would change (scenarios included), and the commit.
 */
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { DetectedFile } from './detected-file';
import { FieldMappingTable } from './field-mapping-table';
import { canCommit } from './import-choices';
import { ImportSummary } from './import-summary';
import type { ImportPreview as Preview } from './import-types';
import { ProblemsTable } from './problems-table';
import { ScenarioImpact } from './scenario-impact';
import type { ImportWizardState } from './use-import-wizard';
import { ValueMappingTable } from './value-mapping-table';

export function ImportPreview({ wizard, preview }: { wizard: ImportWizardState; preview: Preview }) {
  const { t } = useI18n();
  return (
    <div className="import-preview" data-testid="import-preview">
      <DetectedFile preview={preview} />
      <FieldMappingTable wizard={wizard} preview={preview} />
      <ValueMappingTable wizard={wizard} preview={preview} />
      <ProblemsTable preview={preview} />
      <ImportSummary preview={preview} />
      <ScenarioImpact wizard={wizard} preview={preview} />

      <div className="import-actions">
        <Button
          variant="primary"
          testId="import-commit"
          disabled={wizard.busy !== null || !canCommit(preview, wizard.accepted)}
          onClick={wizard.commit}
        >
          {wizard.busy === 'commit' ? t('import.committing') : t('import.commit')}
        </Button>
        {!preview.canCommit && <span className="import-bad">{t('import.blocked')}</span>}
      </div>
    </div>
  );
}
