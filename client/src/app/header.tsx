import type { Region } from '../lib/api-types';
import { useI18n } from '../lib/i18n';
import { RegionPicker } from '../features/region/region-picker';
import { StandardsControl } from '../features/standards/standards-control';
import type { JudgingState } from '../features/standards/use-judging';
import type { AppView } from './app';
import { AccountMenu } from '../features/session/account-menu';
import { BrandMark } from '../ui/brand-mark';
import './header.css';

export function Header({
  regions,
  region,
  onRegionChange,
  view,
  onViewChange,
  judging,
}: {
  regions: Region[] | null;
  region: Region | null;
  onRegionChange: (regionId: string) => void;
  view: AppView;
  onViewChange: (view: AppView) => void;
  judging: JudgingState;
}) {
  const { t, language, setLanguage, localName } = useI18n();
  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark className="brand-mark" />
        <div className="brand-text">
          <span className="brand-name">
            {t('app.name')} <span className="brand-sep">·</span>{' '}
            <span className="brand-latin">{t('app.nameLatin')}</span>
          </span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
      </div>
      <div className="header-region">
        {regions && regions.length > 1 ? (
          <RegionPicker regions={regions} regionId={region?.id ?? null} onChange={onRegionChange} />
        ) : (
          region && (
            <span className="region-name" data-testid="region-name">
              {localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name })}
            </span>
          )
        )}
      </div>
      <div className="header-tools">
        <StandardsControl state={judging} />
        <button
          type="button"
          className={`dashboard-switch${view === 'dashboard' ? ' is-active' : ''}`}
          data-testid="dashboard-switch"
          title={view === 'dashboard' ? t('dashboard.back') : t('dashboard.openTitle')}
          onClick={() => onViewChange(view === 'dashboard' ? 'map' : 'dashboard')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="language-icon">
            {view === 'dashboard' ? (
              <path d="M1.5 3.5 L6 2 L10 3.5 L14.5 2 L14.5 12.5 L10 14 L6 12.5 L1.5 14 Z M6 2 V12.5 M10 3.5 V14" />
            ) : (
              <path d="M2 14 V9 M6 14 V5 M10 14 V7 M14 14 V2 M1 14.5 H15" />
            )}
          </svg>
          {view === 'dashboard' ? t('dashboard.back') : t('dashboard.open')}
        </button>
        <button
          type="button"
          className="language-switch"
          data-testid="language-switch"
          title={t('language.switchTitle')}
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="language-icon">
            <circle cx="8" cy="8" r="6.5" />
            <path d="M1.5 8 H14.5 M8 1.5 C5 5 5 11 8 14.5 M8 1.5 C11 5 11 11 8 14.5" />
          </svg>
          {t('language.switch')}
        </button>
        <AccountMenu onOpenAdministration={() => onViewChange('administration')} />
      </div>
    </header>
  );
}
