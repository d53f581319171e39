/** Undo, redo and save of the pending edits. */
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { Spinner } from '../../ui/spinner';
import { ToolIcon } from './tool-icon';
import type { ScenarioEditor } from './use-scenario-editor';

export function EditActions({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const session = editor.session!;
  const pending = session.pendingEdits().length;
  return (
    <div className="edit-actions">
      <Button
        variant="quiet"
        className="icon-text"
        onClick={editor.undo}
        disabled={!session.canUndo}
        title={t('scenario.undoHint')}
        testId="scenario-undo"
      >
        <ToolIcon name="undo" />
        {t('scenario.undo')}
      </Button>
      <Button
        variant="quiet"
        className="icon-text"
        onClick={editor.redo}
        disabled={!session.canRedo}
        title={t('scenario.redoHint')}
        testId="scenario-redo"
      >
        <ToolIcon name="redo" />
        {t('scenario.redo')}
      </Button>
      <Button
        variant="primary"
        className="icon-text save-button"
        onClick={editor.save}
        disabled={pending === 0 || editor.saving}
        testId="scenario-save"
      >
        {editor.saving ? <Spinner light /> : <ToolIcon name="save" />}
        {pending > 0 ? t('scenario.saveCount', { n: pending }) : t('scenario.save')}
      </Button>
    </div>
  );
}
