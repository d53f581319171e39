/**
 * The signed-in user, for whatever needs to know who is working: the header's account menu, and
 * the panels that offer only what the role may do (the server checks every request regardless).
 */
import { createContext, useContext } from 'react';
import { roleHolds, type PermissionName } from '../../../../contract/access';
import type { OperationAnswer } from '../../../../contract/operation';
import type { API } from '../../../../contract/index';

export type SessionAnswer = OperationAnswer<typeof API.accounts.session>;

export interface SessionState {
  session: SessionAnswer;
  /** Whether the signed-in role holds `permission` (a scenario's ownership is asked separately). */
  can(permission: PermissionName): boolean;
  /** Whether the signed-in user may edit a scenario with this owner and these collaborators. */
  mayEditScenario(owner: string | null, collaborators?: readonly string[]): boolean;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The session; only components inside the session gate ask. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside the session gate');
  return state;
}

/** The permission checks of a session answer. */
export function sessionAbilities(session: SessionAnswer): Pick<SessionState, 'can' | 'mayEditScenario'> {
  return {
    can: (permission) => roleHolds(session.role, permission),
    mayEditScenario: (owner, collaborators = []) =>
      session.role === 'admin' ||
      (roleHolds(session.role, 'edit-scenario') &&
        (owner === session.user || collaborators.includes(session.user))),
  };
}
