/**
 * The header's account menu: who is signed in and with which role, changing one's password,
 * the administrator's pages, and signing out.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { ChangePasswordForm } from './change-password-form';
import { useSession } from './use-session';

export function AccountMenu({ onOpenAdministration }: { onOpenAdministration?: () => void }) {
  const { t } = useI18n();
  const { session, can, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const name = session.displayName || session.user;
  return (
    <div className="account-menu" ref={menu}>
      <button
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('session.menu')}
        data-testid="account-button"
        onClick={() => setOpen(!open)}
      >
        <span className="account-avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="account-name" data-testid="account-name">
          {name}
        </span>
        <span className="account-role" data-testid="account-role">
          {t(`session.role.${session.role}`)}
        </span>
      </button>
      {open && (
        <div className="account-popover" role="menu">
          <div className="account-who">
            <span className="account-who-label">{t('session.signedInAs')}</span>
            <strong>{session.user}</strong>
          </div>
          {changing ? (
            <ChangePasswordForm
              onChanged={() => {
                setChanging(false);
                setChanged(true);
              }}
              onCancel={() => setChanging(false)}
            />
          ) : (
            <>
              {changed && <p className="account-changed">{t('session.changed')}</p>}
              <button
                type="button"
                role="menuitem"
                onClick={() => setChanging(true)}
                data-testid="account-change-password"
              >
                {t('session.changePassword')}
              </button>
              {can('manage-users') && onOpenAdministration && (
                <button
                  type="button"
                  role="menuitem"
                  data-testid="account-administration"
                  onClick={() => {
                    setOpen(false);
                    onOpenAdministration();
                  }}
                >
                  {t('session.users')} · {t('session.audit')}
                </button>
              )}
              <button
                type="button"
                role="menuitem"
                onClick={() => void signOut()}
                data-testid="account-sign-out"
              >
                {t('session.signOut')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
