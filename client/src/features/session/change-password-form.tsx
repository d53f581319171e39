/** Changing one's own password: the current one, the new one twice (checked here and on the server). */
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../contract/accounts';
import { API } from '../../../../contract/index';
import { callOperation } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';

export function ChangePasswordForm({
  onChanged,
  onCancel,
}: {
  onChanged: () => void;
  onCancel?: () => void;
}) {
  const { t, language } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      setRefusal(t('session.tooShort', { min: MIN_PASSWORD_LENGTH }));
      return;
    }
    if (newPassword !== repeated) {
      setRefusal(t('session.mismatch'));
      return;
    }
    setBusy(true);
    const answer = await callOperation(API.accounts.changePassword, {
      body: { currentPassword, newPassword },
    });
    setBusy(false);
    if (answer.ok) onChanged();
    else setRefusal(errorText(answer.error, language, (key) => t(key)));
  };

  return (
    <form className="change-password-form" onSubmit={submit} data-testid="change-password-form">
      <h2 className="session-heading">{t('session.changePassword')}</h2>
      <label className="session-field">
        <span>{t('session.currentPassword')}</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          data-testid="current-password"
        />
      </label>
      <label className="session-field">
        <span>{t('session.newPassword', { min: MIN_PASSWORD_LENGTH })}</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          data-testid="new-password"
        />
      </label>
      <label className="session-field">
        <span>{t('session.repeatPassword')}</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(event) => setRepeated(event.target.value)}
          data-testid="repeat-password"
        />
      </label>
      {refusal && (
        <p className="session-refusal" role="alert" data-testid="change-password-refusal">
          {refusal}
        </p>
      )}
      <div className="session-actions">
        {onCancel && (
          <Button variant="quiet" onClick={onCancel}>
            {t('session.cancel')}
          </Button>
        )}
        <Button variant="primary" type="submit" disabled={busy} testId="change-password-submit">
          {t('session.save')}
        </Button>
      </div>
    </form>
  );
}
