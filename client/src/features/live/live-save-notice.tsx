/** "{name} 刚保存了版本 {n}": someone else saved the scenario this page has open. */
import { useI18n } from '../../lib/i18n';
import { IconButton } from '../../ui/icon-button';
import { updateLive, useLiveState } from './live-store';
import './live.css';

export function LiveSaveNotice({ scenarioId, heldVersion }: { scenarioId: string; heldVersion: number }) {
  const { t } = useI18n();
  const saved = useLiveState().savedByOther;
  // Once the page holds that version (or a later one) there is nothing left to tell.
  if (!saved || saved.scenarioId !== scenarioId || saved.version <= heldVersion) return null;
  return (
    <div
      className="live-save-notice"
      role="status"
      data-testid="live-save-notice"
      data-version={saved.version}
    >
      <div className="live-save-text">
        <strong>{t('live.savedByOther', { name: saved.name, n: saved.version })}</strong>
        <span>{t('live.savedByOtherHint')}</span>
      </div>
      <IconButton label={t('live.dismiss')} onClick={() => updateLive({ savedByOther: null })}>
        ×
      </IconButton>
    </div>
  );
}
