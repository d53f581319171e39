/**
 * The message after an action (scenario-message.ts): a refused edit, units a stroke skipped, a save
 * done (merged with others' saves, or after a conflict), a save refused by the server (in the
 * interface's language, with the edit it names), a save's conflicting edits to decide on
 * (rebase-conflict.tsx), or a rename's conflict to reload.
 */
import type { ReactNode } from 'react';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { IconButton } from '../../ui/icon-button';
import { describeEdit, refusalKey, refusedEditIndex } from './edit-text';
import { RebaseConflict } from './rebase-conflict';
import { mergedSaves } from './save-rebase';
import type { ScenarioEditor } from './use-scenario-editor';

export function MessageBox({ editor }: { editor: ScenarioEditor }) {
  const { t, language } = useI18n();
  const message = editor.message;
  if (!message) return null;
  let tone: 'error' | 'warning' | 'ok' = 'warning';
  let body: ReactNode;
  switch (message.kind) {
    case 'refused':
      tone = 'error';
      body = t(refusalKey(message.reason));
      break;
    case 'skipped':
      body = [
        message.otherStreet > 0 ? t('scenario.skipped.otherStreet', { n: message.otherStreet }) : null,
        message.lastUnit > 0 ? t('scenario.skipped.lastUnit', { n: message.lastUnit }) : null,
      ]
        .filter(Boolean)
        .join(' ');
      break;
    case 'moved':
      body = t('scenario.skipped.otherStreet', { n: message.otherStreet });
      break;
    case 'need-community':
      body = t('scenario.needCommunity');
      break;
    case 'saved':
      tone = 'ok';
      body = t('scenario.saved', { n: message.version });
      break;
    case 'rebased': {
      tone = 'ok';
      const { authors, versions } = mergedSaves(message.saves);
      const separator = language === 'zh' ? '、' : ', ';
      if (versions.length === 0) {
        body = t('rebase.mergedRename', { n: message.over, k: message.count, m: message.version });
        break;
      }
      body = t('rebase.merged', {
        author: authors.map((author) => author ?? t('rebase.someone')).join(separator),
        n: versions.join(separator),
        k: message.count,
        m: message.version,
      });
      break;
    }
    case 'rebase-conflict':
      tone = 'error';
      body = <RebaseConflict editor={editor} message={message} />;
      break;
    case 'saved-rest':
      tone = message.saved > 0 ? 'ok' : 'warning';
      body =
        message.saved > 0
          ? t('rebase.savedRest', { k: message.saved, m: message.version, d: message.dropped })
          : t('rebase.savedNone', { m: message.version, d: message.dropped });
      break;
    case 'kept-rest':
      body = t('rebase.keptRest', { d: message.dropped, k: message.kept, m: message.version });
      break;
    case 'saved-as-new':
      tone = 'ok';
      body = t('rebase.savedAsNew', { k: message.count, name: message.name, m: message.version });
      break;
    case 'restored':
      tone = 'ok';
      body = t('history.restored', { n: message.version, from: message.from });
      break;
    case 'server': {
      tone = 'error';
      // The server names the refused edit by its index in its English sentence.
      const index = refusedEditIndex(message.error);
      const session = editor.session;
      const entry = index !== null ? session?.pendingEdits()[index] : undefined;
      body = (
        <>
          <strong>{t('scenario.serverRefused')}</strong>
          {index !== null && entry && session && (
            <span className="message-detail" data-testid="refused-edit" data-index={index}>
              {t('scenario.refusedEdit', {
                n: index + 1,
                edit: describeEdit(entry.edit, session.editNames(language), t),
              })}
            </span>
          )}
          <span className="message-detail server-detail" data-testid="server-message">
            {errorText(message.error, language, t)}
          </span>
        </>
      );
      break;
    }
    case 'conflict':
      tone = 'error';
      body = (
        <>
          <strong>{t('scenario.conflictTitle')}</strong>
          <span className="message-detail">
            {message.currentVersion !== null
              ? t('scenario.conflict', { n: message.currentVersion })
              : t('scenario.conflictNoVersion')}
          </span>
          <span className="button-row">
            <Button variant="primary" onClick={editor.reload} testId="scenario-reload">
              {t('scenario.reload')}
            </Button>
            <Button variant="quiet" onClick={editor.dismissMessage}>
              {t('scenario.keepEditing')}
            </Button>
          </span>
        </>
      );
      break;
  }
  return (
    <div
      className={`message-box is-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="scenario-message"
      data-kind={message.kind}
    >
      <div className="message-text">{body}</div>
      {message.kind !== 'conflict' && message.kind !== 'rebase-conflict' && (
        <IconButton label={t('error.dismiss')} onClick={editor.dismissMessage}>
          ×
        </IconButton>
      )}
    </div>
  );
}
