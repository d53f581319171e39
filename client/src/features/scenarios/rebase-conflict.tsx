/**
 * The panel of a save that met conflicting saves of others (use-save-rebase.ts): each colliding
 * pending edit in the planner's words (edit-text.ts) with whose save it collides with (author,
 * version, time, and what both touched), and the three choices — save the rest, drop the colliding
 * edits, or save all as a new scenario.
 */
import { formatDateTime } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { describeEdit } from './edit-text';
import type { CollidingSave } from '../../../../core/scenario/save-conflicts';
import type { RebaseConflictMessage } from './scenario-message';
import type { ScenarioEditor } from './use-scenario-editor';

export function RebaseConflict({
  editor,
  message,
}: {
  editor: ScenarioEditor;
  message: RebaseConflictMessage;
}) {
  const { t, language } = useI18n();
  const { base, conflicts, entries } = message;
  const session = editor.session;
  const rest = entries.length - conflicts.length;
  const author = (name: string | null) => name ?? t('rebase.someone');
  const collision = (save: CollidingSave) => {
    if (save.objects.length === 0) return t('rebase.withRefused', { n: save.version });
    const kinds = [...new Set(save.objects.map((object) => t(`rebase.object.${object.kind}` as MessageKey)))];
    return (
      t('rebase.with', {
        author: author(save.author),
        n: save.version,
        time: formatDateTime(save.createdAt),
      }) + t('rebase.objects', { objects: kinds.join(language === 'zh' ? '、' : ', ') })
    );
  };
  return (
    <>
      <strong>{t('rebase.conflictTitle', { n: conflicts.length })}</strong>
      <span className="message-detail">
        {t('rebase.conflictIntro', { from: base.baseVersion, to: base.currentVersion })}
      </span>
      <ul className="rebase-conflicts" data-testid="rebase-conflicts">
        {conflicts.map((conflict) => (
          <li key={conflict.index} data-testid="rebase-conflict" data-index={conflict.index}>
            <span className="rebase-edit">
              {session
                ? describeEdit(entries[conflict.index].edit, session.editNames(language), t)
                : entries[conflict.index].edit.op}
            </span>
            {conflict.saves.map((save) => (
              <span
                key={save.version}
                className="message-detail rebase-with"
                data-testid="rebase-with"
                data-version={save.version}
                data-author={save.author ?? ''}
              >
                {collision(save)}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <span className="message-detail">{rest > 0 ? t('rebase.rest', { n: rest }) : t('rebase.noRest')}</span>
      <span className="button-row">
        <Button
          variant="primary"
          onClick={editor.saveRest}
          disabled={editor.saving}
          title={t('rebase.saveRestHint')}
          testId="rebase-save-rest"
        >
          {t('rebase.saveRest')}
        </Button>
        <Button
          variant="quiet"
          onClick={editor.dropConflicting}
          disabled={editor.saving}
          title={t('rebase.dropHint')}
          testId="rebase-drop"
        >
          {t('rebase.drop')}
        </Button>
        <Button
          variant="quiet"
          onClick={() => editor.saveAsNew(t('rebase.copyName', { name: editor.openSummary?.name ?? '' }))}
          disabled={editor.saving}
          title={t('rebase.saveAsNewHint')}
          testId="rebase-save-as-new"
        >
          {t('rebase.saveAsNew')}
        </Button>
      </span>
    </>
  );
}
