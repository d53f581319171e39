/**
 * Shows API errors from lib/notices.ts as toasts, one per distinct failure, with a repeat count and
 * the refusal in the interface's language (lib/error-text.ts).
 */
import { errorText } from '../../lib/error-text';
import { dismissNotice, useNotices } from '../../lib/notices';
import { useI18n } from '../../lib/i18n';
import { IconButton } from '../../ui/icon-button';
import './notice-stack.css';

export function NoticeStack() {
  const notices = useNotices();
  const { t, language } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notice-stack" role="alert" aria-live="assertive">
      {notices.map((notice) => (
        <div key={notice.key} className="notice" data-testid="notice">
          <div className="notice-text">
            <strong>
              {notice.error.status === null
                ? t('error.network')
                : t('error.server', { status: notice.error.status })}
            </strong>
            {notice.count > 1 && (
              <span className="notice-count">{t('error.repeated', { n: notice.count })}</span>
            )}
            <div className="notice-detail">{errorText(notice.error, language, t)}</div>
            <div className="notice-path">{notice.error.path}</div>
          </div>
          <IconButton label={t('error.dismiss')} onClick={() => dismissNotice(notice.key)}>
            ×
          </IconButton>
        </div>
      ))}
    </div>
  );
}
