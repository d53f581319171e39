/**
 * The notice of unsaved edits given back from the browser's storage (use-draft-keeper.ts): how
 * many, when they were kept and on which version, whether the scenario moved on since, with a way
 * to drop them; and a warning when the browser cannot keep a draft.
 */
import { formatCount, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { IconButton } from '../../ui/icon-button';
import type { ScenarioEditor } from './use-scenario-editor';

export function DraftNotice({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const { notice, stored } = editor.draft;
  const pending = editor.pendingCount;
  if (!stored && pending > 0)
    return (
      <div className="message-box is-error" role="alert" data-testid="draft-not-stored">
        <div className="message-text">{t('draft.notStored')}</div>
      </div>
    );
  if (!notice || notice.scenarioId !== editor.session?.saved.id) return null;
  const newer = notice.currentVersion > notice.draftVersion;
  return (
    <div
      className="message-box is-warning"
      role="status"
      data-testid="draft-notice"
      data-restored={notice.restored}
      data-draft-version={notice.draftVersion}
      data-newer={newer}
    >
      <div className="message-text">
        <strong>
          {t('draft.restored', {
            n: formatCount(notice.restored) ?? '0',
            time: formatDateTime(notice.savedAt),
            v: notice.draftVersion,
          })}
        </strong>
        {newer && (
          <span className="message-detail" data-testid="draft-newer">
            {t('draft.newer', { n: notice.currentVersion, v: notice.draftVersion })}
          </span>
        )}
        {notice.dropped > 0 && (
          <span className="message-detail">
            {t('draft.dropped', { n: formatCount(notice.dropped) ?? '0' })}
          </span>
        )}
        <span className="button-row">
          <Button variant="quiet" onClick={editor.discard} testId="draft-discard">
            {t('draft.discard')}
          </Button>
        </span>
      </div>
      <IconButton label={t('draft.keep')} onClick={editor.draft.dismissNotice} testId="draft-keep">
        ×
      </IconButton>
    </div>
  );
}
