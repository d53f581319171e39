/** The sign-in page: the product's mark, username and password, and the server's refusal in words. */
import { useState, type FormEvent } from 'react';
import { API } from '../../../../contract/index';
import { callOperation } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { SessionField } from './session-field';
import type { SessionAnswer } from './use-session';
import { BrandMark } from '../../ui/brand-mark';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: SessionAnswer) => void }) {
  const { t, language, setLanguage } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    const answer = await callOperation(API.accounts.signIn, { body: { username, password } });
    setBusy(false);
    if (answer.ok) {
      setPassword('');
      onSignedIn(answer.data);
    } else {
      setRefusal(errorText(answer.error, language, (key) => t(key)));
    }
  };

  return (
    <div className="session-screen sign-in-screen">
      <form className="session-card sign-in-card" onSubmit={submit} data-testid="sign-in-form">
        <div className="sign-in-brand">
          <BrandMark className="sign-in-mark" />
          <div>
            <h1 className="sign-in-title">
              {t('app.name')} <span className="sign-in-latin">{t('app.nameLatin')}</span>
            </h1>
            <p className="sign-in-subtitle">{t('session.subtitle')}</p>
          </div>
        </div>
        <h2 className="session-heading">{t('session.title')}</h2>
        <SessionField
          label={t('session.username')}
          type="text"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={setUsername}
          testId="sign-in-username"
        />
        <SessionField
          label={t('session.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          testId="sign-in-password"
        />
        {refusal && (
          <p className="session-refusal" role="alert" data-testid="sign-in-refusal">
            {refusal}
          </p>
        )}
        <Button variant="primary" type="submit" disabled={busy} testId="sign-in-submit">
          {busy ? t('session.signingIn') : t('session.signIn')}
        </Button>
        <p className="session-hint">{t('session.firstRunHint')}</p>
        <button
          type="button"
          className="session-language"
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
        >
          {t('language.switch')}
        </button>
      </form>
    </div>
  );
}
