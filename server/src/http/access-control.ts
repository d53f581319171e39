/**
 * Who is asking, and may they: every API request is identified by its session cookie or its
 * `Authorization: Bearer` token (`identify`), then each operation checks the permission its
 * contract names (`authorize`): 401 when no one is signed in, 403 naming the permission and the
 * roles that hold it, 403 for a cookie-authenticated write without the session's CSRF token, and
 * 403 for a scenario that is not the caller's to change.
 */

import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  PERMISSIONS,
  ROLE_NAMES,
  rolesHolding,
  roleHolds,
  type Permission,
  type PermissionName,
} from '../../../contract/access.js';
import type { OperationSpec } from '../../../contract/operation.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/accounts.sql.js';
import { DomainError } from '../domain-error.js';
import { sessionPrincipal, tokenPrincipal, type Principal } from '../accounts/account-store.js';

export const SESSION_COOKIE = 'lifecircle_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Why credentials that were sent sign no one in, said in the 401. */
type CredentialProblem = 'session-ended' | 'token-unknown' | null;

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | null;
    credentialProblem: CredentialProblem;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets `principal` (null when no one is signed in) for everything after it. */
export function identify(database: Database): MiddlewareHandler {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    let principal: Principal | null = null;
    let problem: CredentialProblem = null;
    if (bearer) {
      principal = await tokenPrincipal(database, bearer);
      if (!principal) problem = 'token-unknown';
    } else if (cookie) {
      principal = await sessionPrincipal(database, cookie);
      if (!principal) problem = 'session-ended';
    }
    c.set('principal', principal);
    c.set('credentialProblem', problem);
    return next();
  };
}

const PROBLEM_TEXT: Record<Exclude<CredentialProblem, null>, { en: string; zh: string }> = {
  'session-ended': { en: ' — the session has ended or expired', zh: '——会话已结束或过期' },
  'token-unknown': { en: ' — the API token is unknown or revoked', zh: '——API 令牌无效或已被撤销' },
};

/** The signed-in principal, or the 401 when there is none. */
export function requirePrincipal(c: Context): Principal {
  const principal = c.get('principal');
  if (principal) return principal;
  const problem = c.get('credentialProblem');
  throw new DomainError('auth.sign-in-required', {
    method: c.req.method,
    path: c.req.path,
    reason: problem ? PROBLEM_TEXT[problem].en : '',
    reasonZh: problem ? PROBLEM_TEXT[problem].zh : '',
  });
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the permission `spec` names before its handler runs. */
export function authorize(spec: OperationSpec, database: Database): MiddlewareHandler {
  const permission: Permission = PERMISSIONS[spec.access];
  if (permission.roles === null) return (_c, next) => next();
  return async (c, next) => {
    const principal = requirePrincipal(c);
    const where = { method: c.req.method, path: c.req.path };
    if (!SAFE_METHODS.has(c.req.method) && principal.via === 'session') {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!principal.csrfToken || !sameSecret(sent, principal.csrfToken))
        throw new DomainError('auth.csrf', where);
    }
    if (!roleHolds(principal.role, spec.access)) throw forbidden(where, spec.access, principal);
    if (permission.scenario && principal.role !== 'admin') {
      await checkScenarioEditor(database, c.req.param('id'), permission, principal, where);
    }
    return next();
  };
}

function forbidden(
  where: { method: string; path: string },
  name: PermissionName,
  principal: Principal,
): DomainError {
  const permission: Permission = PERMISSIONS[name];
  const roles = rolesHolding(name);
  return new DomainError('auth.forbidden', {
    ...where,
    permission: permission.en,
    permissionZh: permission.zh,
    roles: roles.join(', '),
    rolesZh: roles.map((role) => ROLE_NAMES[role].zh).join('、'),
    user: principal.username,
    role: principal.role,
    roleZh: ROLE_NAMES[principal.role].zh,
  });
}

/**
 * Whether the principal may change scenario `id` under `permission`. An id that names no scenario
 * passes: the operation then answers its own 404 (or 400/405 for a malformed id or the baseline).
 */
async function checkScenarioEditor(
  database: Database,
  id: string | undefined,
  permission: Permission,
  principal: Principal,
  where: { method: string; path: string },
): Promise<void> {
  if (!id) return;
  const { rows } = await database.query<{ owner: string | null; collaborators: string[] }>(
    sql.SCENARIO_SHARING,
    [id],
  );
  const sharing = rows[0];
  if (!sharing) return;
  const isOwner = sharing.owner === principal.username;
  const collaboratorsMay = permission.scenario === 'owner-or-collaborator';
  if (isOwner || (collaboratorsMay && sharing.collaborators.includes(principal.username))) return;
  throw new DomainError('auth.not-scenario-editor', {
    ...where,
    scenarioId: id,
    owner: sharing.owner ?? '—',
    whoMay: collaboratorsMay ? 'the owner and collaborators' : 'the owner',
    whoMayZh: collaboratorsMay ? '所有者和协作者' : '所有者',
    permission: permission.en,
    permissionZh: permission.zh,
    user: principal.username,
  });
}
