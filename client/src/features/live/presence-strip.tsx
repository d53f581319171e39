/** Who else has the open scenario open: initials, name and role of each, from the live stream. */
import { ROLE_NAMES } from '../../../../contract/access';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../session/use-session';
import { useLiveState } from './live-store';
import './live.css';

/** Up to two letters (or one Chinese character) standing for a person. */
function initials(name: string): string {
  const trimmed = name.trim();
  if (/^[\u4e00-\u9fff]/.test(trimmed)) return trimmed.slice(-1);
  const words = trimmed.split(/[\s._-]+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : trimmed.slice(0, 2)).toUpperCase();
}

export function PresenceStrip({ scenarioId }: { scenarioId: string }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const live = useLiveState();
  if (live.scenarioId !== scenarioId) return null;
  const others = live.viewers.filter((viewer) => viewer.username !== session.user);
  if (others.length === 0) return null;
  return (
    <div className="presence-strip" data-testid="presence-strip" aria-label={t('live.presenceLabel')}>
      <span className="presence-title">{t('live.presence')}</span>
      <ul className="presence-list">
        {others.map((viewer) => {
          const name = viewer.displayName || viewer.username;
          const role = ROLE_NAMES[viewer.role][language];
          const since = new Date(viewer.since).toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB', {
            hour: '2-digit',
            minute: '2-digit',
          });
          return (
            <li
              key={viewer.username}
              className="presence-viewer"
              data-testid="presence-viewer"
              data-username={viewer.username}
              title={t('live.viewerSince', { name, role, at: since })}
            >
              <span className="presence-avatar" aria-hidden="true">
                {initials(name)}
              </span>
              <span className="presence-name">{name}</span>
              <span className="presence-role">{role}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
