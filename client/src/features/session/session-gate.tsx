/**
 * Nothing of the app shows before the server says who is signed in: without a session the sign-in
 * page shows, with one whose password someone else set the change-password form, and otherwise the
 * app with the session in context. Any later 401 (the session expired, or was ended elsewhere)
 * brings the sign-in page back; what the app had open stays in the address, so signing in again
 * returns to it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { API } from '../../../../contract/index';
import { callOperation, onSignedOut, setSessionCsrfToken } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Spinner } from '../../ui/spinner';
import { ChangePasswordForm } from './change-password-form';
import { SignInPage } from './sign-in-page';
import { SessionContext, sessionAbilities, type SessionAnswer, type SessionState } from './use-session';
import './session.css';

type GateState =
  { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; session: SessionAnswer };

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  const signedIn = useCallback((session: SessionAnswer) => {
    setSessionCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }, []);

  const signedOut = useCallback(() => {
    setSessionCsrfToken(null);
    // What the last user read is not the next one's to see.
    queryClient.clear();
    setState({ kind: 'signed-out' });
  }, [queryClient]);

  useEffect(() => {
    let current = true;
    void callOperation(API.accounts.session).then((answer) => {
      if (!current) return;
      if (answer.ok) signedIn(answer.data);
      else setState({ kind: 'signed-out' });
    });
    onSignedOut(signedOut);
    return () => {
      current = false;
      onSignedOut(null);
    };
  }, [signedIn, signedOut]);

  const sessionState = useMemo<SessionState | null>(() => {
    if (state.kind !== 'signed-in') return null;
    return {
      session: state.session,
      ...sessionAbilities(state.session),
      signOut: async () => {
        await callOperation(API.accounts.signOut);
        signedOut();
      },
    };
  }, [state, signedOut]);

  if (state.kind === 'checking') {
    return (
      <div className="session-screen" data-testid="session-checking">
        <Spinner /> <span>{t('session.checking')}</span>
      </div>
    );
  }
  if (state.kind === 'signed-out' || !sessionState) return <SignInPage onSignedIn={signedIn} />;
  if (state.session.mustChangePassword) {
    return (
      <div className="session-screen">
        <div className="session-card">
          <p className="session-notice" data-testid="must-change-password">
            {t('session.mustChange')}
          </p>
          <ChangePasswordForm onChanged={() => signedIn({ ...state.session, mustChangePassword: false })} />
        </div>
      </div>
    );
  }
  return <SessionContext.Provider value={sessionState}>{children}</SessionContext.Provider>;
}
