/**
 * Accounts: `/api/session` (sign in, who is signed in, sign out, change one's password),
 * `/api/users` (administrators), `/api/tokens` (one's API tokens), `/api/scenarios/:id/collaborators`
 * (who may edit a scenario) and `/api/audit` (administrators).
 */

import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { accountOperations as operations } from '../../../contract/accounts.js';
import {
  changeOwnPassword,
  checkPassword,
  createApiToken,
  createUser,
  endSession,
  listApiTokens,
  listUsers,
  revokeApiToken,
  SESSION_IDLE_SECONDS,
  startSession,
  updateUser,
  type Principal,
} from '../accounts/account-store.js';
import { requirePrincipal, SESSION_COOKIE } from '../http/access-control.js';
import { auditCsv, auditEntries } from '../accounts/audit-log.js';
import { noteForAudit } from '../http/audit-writes.js';
import { scenarioSharing, shareScenario } from '../accounts/scenario-sharing.js';
import type { SignInLimiter } from '../accounts/sign-in-limiter.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { downloadAnswer } from '../http/download.js';
import { implement } from '../http/operation-binding.js';

function sessionAnswer(principal: Principal) {
  return {
    user: principal.username,
    displayName: principal.displayName,
    role: principal.role,
    via: principal.via,
    csrfToken: principal.csrfToken,
    mustChangePassword: principal.mustChangePassword,
  };
}

/** The caller's address as the socket saw it (the limiter's key); "local" for in-process requests. */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

export function accountRoutes(database: Database, limiter: SignInLimiter) {
  return [
    implement(operations.signIn, async ({ body }, c) => {
      const address = clientAddress(c);
      const limit = limiter.refusal(body.username, address);
      if (limit) {
        noteForAudit(c, {
          username: body.username,
          detail: `sign-in refused: too many failures for ${limit.who}`,
        });
        throw new DomainError('auth.too-many-attempts', { who: limit.who, minutes: limit.minutes });
      }
      const user = await checkPassword(database, body.username, body.password);
      if (!user) {
        limiter.recordFailure(body.username, address);
        noteForAudit(c, {
          username: body.username,
          detail: `wrong password for "${body.username}" from ${address}`,
        });
        throw new DomainError('auth.wrong-password');
      }
      limiter.recordSuccess(body.username);
      const { secret, principal } = await startSession(database, user);
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_IDLE_SECONDS,
      });
      c.set('principal', principal);
      return sessionAnswer(principal);
    }),
    implement(operations.session, (_input, c) => sessionAnswer(requirePrincipal(c))),
    implement(operations.signOut, async (_input, c) => {
      const principal = requirePrincipal(c);
      if (principal.sessionDigest) await endSession(database, principal.sessionDigest);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return null;
    }),
    implement(operations.changePassword, async ({ body }, c) => {
      await changeOwnPassword(database, requirePrincipal(c), body.currentPassword, body.newPassword);
      return null;
    }),
    implement(operations.listUsers, () => listUsers(database)),
    implement(operations.createUser, async ({ body }, c) => {
      const user = await createUser(database, { ...body, mustChangePassword: true });
      noteForAudit(c, { objectId: user.username, detail: `role ${user.role}` });
      return user;
    }),
    implement(operations.updateUser, async ({ params, body }, c) => {
      const { password, ...rest } = body;
      const changes = Object.entries(rest).map(([key, value]) => `${key}: ${String(value)}`);
      noteForAudit(c, { detail: [...changes, ...(password ? ['password reset'] : [])].join(', ') });
      return updateUser(database, params.username, body);
    }),
    implement(operations.listTokens, (_input, c) => listApiTokens(database, requirePrincipal(c).username)),
    implement(operations.createToken, async ({ body }, c) => {
      const token = await createApiToken(database, requirePrincipal(c), body.name, body.role);
      noteForAudit(c, { objectId: token.id, detail: `role ${token.role}` });
      return token;
    }),
    implement(operations.revokeToken, async ({ params }, c) => {
      await revokeApiToken(database, requirePrincipal(c), params.id);
      return null;
    }),
    implement(operations.scenarioSharing, ({ params }) => scenarioSharing(database, params.id)),
    implement(operations.shareScenario, async ({ params, body }, c) => {
      noteForAudit(c, { detail: `collaborators: ${body.collaborators.join(', ') || 'none'}` });
      return shareScenario(database, params.id, body.collaborators);
    }),
    implement(operations.audit, async ({ query }) => {
      const entries = await auditEntries(database, query);
      if (query.format === 'json') return entries;
      return downloadAnswer({
        body: auditCsv(entries),
        contentType: 'text/csv; charset=utf-8',
        fileName: 'audit-log.csv',
        displayName: '审计日志.csv',
      });
    }),
  ];
}
