/**
 * 评价标准 in the header: the profile every screen, export and print judges by — the region's stored
 * one, or another the planner picks for comparison (said as such) — with the documents it follows,
 * and the control that stores the picked one as the region's own.
 */
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { judgesByOtherProfile, judgingProfile } from '../../lib/judging';
import {
  SOURCE_DOCUMENTS,
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type StandardsProfileId,
} from '../../lib/standards';
import { Button } from '../../ui/button';
import type { JudgingState } from './use-judging';
import { useSession } from '../session/use-session';
import './standards-control.css';

export function StandardsControl({ state }: { state: JudgingState }) {
  const { t, language, localName } = useI18n();
  const { can } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [stored, setStored] = useState<StandardsProfileId | null>(null);
  const { judging } = state;
  if (!judging) return null;
  const profile = judgingProfile(judging);
  const other = judgesByOtherProfile(judging);
  const name = (id: StandardsProfileId) => localName(STANDARDS_PROFILES[id]);
  const documents = STANDARDS_PROFILES[profile].documents
    .map((id) => (language === 'en' ? SOURCE_DOCUMENTS[id].titleEn : SOURCE_DOCUMENTS[id].title))
    .join(language === 'en' ? '; ' : '、');
  return (
    <div
      className={`standards-control${other ? ' is-other' : ''}`}
      data-testid="standards-control"
      data-profile={profile}
      data-region-profile={judging.regionProfile}
    >
      <label className="standards-picker" title={`${t('profile.documents')}：${documents}`}>
        <span className="standards-label">{t('profile.label')}</span>
        <select
          value={profile}
          data-testid="profile-picker"
          onChange={(event) => {
            setConfirming(false);
            setStored(null);
            if (isStandardsProfileId(event.target.value)) state.setProfileOverride(event.target.value);
          }}
        >
          {STANDARDS_PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {name(id)}
              {id === judging.regionProfile ? t('profile.regionMark') : ''}
            </option>
          ))}
        </select>
      </label>
      {other && (
        <span className="standards-other" data-testid="profile-other">
          {t('profile.other', { name: name(judging.regionProfile) })}
        </span>
      )}
      {other && (
        <span className="standards-actions">
          <button
            type="button"
            className="standards-link"
            onClick={() => state.setProfileOverride(null)}
            data-testid="profile-back"
          >
            {t('profile.backToRegion')}
          </button>
          {/* Storing the region's profile changes the region: only the roles managing regions see it. */}
          {can('manage-regions') && (
            <button
              type="button"
              className="standards-link"
              onClick={() => setConfirming(true)}
              data-testid="profile-store"
            >
              {t('profile.store')}
            </button>
          )}
        </span>
      )}
      {stored && !other && (
        <span className="standards-stored" role="status">
          {t('profile.stored', { name: name(stored) })}
        </span>
      )}
      {confirming && other && (
        <div className="standards-confirm" role="alertdialog" aria-label={t('profile.store')}>
          <p>{t('profile.storeConfirm', { name: name(profile), previous: name(judging.regionProfile) })}</p>
          <div className="button-row">
            <Button
              variant="primary"
              disabled={state.storing}
              testId="profile-store-confirm"
              onClick={() => {
                void state.storeProfile(profile).then((ok) => {
                  setConfirming(false);
                  if (ok) setStored(profile);
                });
              }}
            >
              {t('profile.storeOk')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('profile.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
