/** Changing one's own password: the current one, the new one twice (checked here and on the server). */
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../contract/accounts';
import { API } from '../../../../contract/index';
import { callOperation } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { SessionField } from './session-field';

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
      <SessionField
        label={t('session.currentPassword')}
        value={currentPassword}
        onChange={setCurrentPassword}
        testId="current-password"
        autoComplete="current-password"
      />
      <SessionField
        label={t('session.newPassword', { min: MIN_PASSWORD_LENGTH })}
        value={newPassword}
        onChange={setNewPassword}
        testId="new-password"
        autoComplete="new-password"
      />
      <SessionField
        label={t('session.repeatPassword')}
        value={repeated}
        onChange={setRepeated}
        testId="repeat-password"
        autoComplete="new-password"
      />
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
