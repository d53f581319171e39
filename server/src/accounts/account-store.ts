/**
 * Users, sessions and API tokens in the database: what the account routes, the sign-in check of
 * every request (authenticate.ts) and `npm run user` do. Secrets are stored only as digests and
 * passwords only as argon2id hashes.
 */

import { randomUUID } from 'node:crypto';
import { ROLE_NAMES, type Role } from '../../../contract/access.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/accounts.sql.js';
import { DomainError } from '../domain-error.js';
import { decoyPasswordHash, hashPassword, passwordMatches } from './passwords.js';
import { API_TOKEN_PREFIX, newSecret, secretDigest } from './secrets.js';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** Who a request acts for: a signed-in session, or a script's API token. */
export interface Principal {
  username: string;
  displayName: string;
  /** The role the request acts with: the user's, or the token's own. */
  role: Role;
  via: 'session' | 'token';
  /** The session cookie's digest (to end it on sign-out), null for a token. */
  sessionDigest: string | null;
  /** What writes made with the session cookie must send as X-CSRF-Token; null for a token. */
  csrfToken: string | null;
  mustChangePassword: boolean;
}

/** A session ends after this long without a request (a working day and a half). */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** How often a session's idle expiry is moved on (not on every request). */
const SESSION_TOUCH_SECONDS = 60;

export async function countUsers(database: Database): Promise<number> {
  return (await database.query<{ count: number }>(sql.COUNT_USERS)).rows[0].count;
}

export async function listUsers(database: Database): Promise<User[]> {
  return (await database.query<User>(sql.LIST_USERS)).rows;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
  /** Set by someone else (an administrator, a printed one-time password): to be changed at sign-in. */
  mustChangePassword?: boolean;
}

export async function createUser(database: Database, user: NewUser): Promise<User> {
  const passwordHash = await hashPassword(user.password);
  const { rows } = await database.query<User>(sql.INSERT_USER, [
    user.username,
    user.displayName ?? '',
    user.role,
    passwordHash,
    user.mustChangePassword ?? false,
  ]);
  if (rows.length === 0) throw new DomainError('user.exists', { username: user.username });
  return rows[0];
}

export interface UserChanges {
  role?: Role;
  displayName?: string;
  password?: string;
  /** With `password`: whether the user must change it at the next sign-in (default: yes). */
  mustChangePassword?: boolean;
  disabled?: boolean;
}

/**
 * Changes a user. A new password, a new role or disabling ends the user's sessions (and disabling
 * revokes their tokens); the last active administrator cannot be demoted or disabled.
 */
export async function updateUser(database: Database, username: string, changes: UserChanges): Promise<User> {
  const passwordHash = changes.password === undefined ? null : await hashPassword(changes.password);
  return database.transaction(async (query) => {
    const current = (await query<User>(sql.GET_USER, [username])).rows[0];
    if (!current) throw new DomainError('user.not-found', { username });
    const losesAdmin =
      current.role === 'admin' &&
      !current.disabled &&
      ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin && (await query(sql.OTHER_ACTIVE_ADMINS, [username])).rows.length === 0) {
      throw new DomainError('user.last-admin', { username });
    }
    const mustChange = passwordHash === null ? null : (changes.mustChangePassword ?? true);
    const { rows } = await query<User>(sql.UPDATE_USER, [
      username,
      changes.role ?? null,
      changes.displayName ?? null,
      passwordHash,
      mustChange,
      changes.disabled ?? null,
    ]);
    const rightsChanged = passwordHash !== null || changes.role !== undefined || changes.disabled === true;
    if (rightsChanged) await query(sql.DELETE_OTHER_SESSIONS, [username, null]);
    if (changes.disabled === true) await query(sql.REVOKE_USER_TOKENS, [username]);
    return rows[0];
  });
}

/**
 * Checks a username and password; the user if they match an active account, null otherwise (an
 * unknown name costs the same time as a wrong password).
 */
export async function checkPassword(
  database: Database,
  username: string,
  password: string,
): Promise<User | null> {
  const { rows } = await database.query<User & { passwordHash: string }>(sql.GET_USER_FOR_SIGN_IN, [
    username,
  ]);
  const row = rows[0];
  const matches = await passwordMatches(row?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!row || !matches || row.disabled) return null;
  const { passwordHash: _, ...user } = row;
  return user;
}

/** Starts a session for `user`: the secret for the cookie, and the principal it stands for. */
export async function startSession(
  database: Database,
  user: User,
): Promise<{ secret: string; principal: Principal }> {
  const secret = newSecret();
  const csrfToken = newSecret();
  await database.query(sql.DELETE_EXPIRED_SESSIONS);
  await database.query(sql.INSERT_SESSION, [
    secretDigest(secret),
    user.username,
    csrfToken,
    SESSION_IDLE_SECONDS,
  ]);
  return {
    secret,
    principal: {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      via: 'session',
      sessionDigest: secretDigest(secret),
      csrfToken,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

/** The principal of a session cookie's secret, or null when it is unknown, expired or its user disabled. */
export async function sessionPrincipal(database: Database, secret: string): Promise<Principal | null> {
  const digest = secretDigest(secret);
  const { rows } = await database.query<{
    username: string;
    csrfToken: string;
    role: Role;
    displayName: string;
    mustChangePassword: boolean;
    idleSeconds: number;
  }>(sql.GET_SESSION, [digest]);
  const row = rows[0];
  if (!row) return null;
  if (row.idleSeconds > SESSION_TOUCH_SECONDS)
    await database.query(sql.TOUCH_SESSION, [digest, SESSION_IDLE_SECONDS]);
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    via: 'session',
    sessionDigest: digest,
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
  };
}

export async function endSession(database: Database, sessionDigest: string): Promise<void> {
  await database.query(sql.DELETE_SESSION, [sessionDigest]);
}

/** Changes one's own password after checking the current one; one's other sessions end. */
export async function changeOwnPassword(
  database: Database,
  principal: Principal,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  if (!(await checkPassword(database, principal.username, currentPassword))) {
    throw new DomainError('auth.wrong-current-password');
  }
  const passwordHash = await hashPassword(newPassword);
  await database.transaction(async (query: Query) => {
    await query(sql.UPDATE_USER, [principal.username, null, null, passwordHash, false, null]);
    await query(sql.DELETE_OTHER_SESSIONS, [principal.username, principal.sessionDigest]);
  });
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A new API token of `principal`'s user acting with `role` (their own unless an administrator asks). */
export async function createApiToken(
  database: Database,
  principal: Principal,
  name: string,
  role: Role | undefined,
): Promise<ApiToken & { token: string }> {
  const ownRole = (await database.query<User>(sql.GET_USER, [principal.username])).rows[0]?.role;
  if (!ownRole) throw new DomainError('user.not-found', { username: principal.username });
  const tokenRole = role ?? ownRole;
  if (tokenRole !== ownRole && ownRole !== 'admin') {
    throw new DomainError('token.role-not-allowed', { ownRole, ownRoleZh: ROLE_NAMES[ownRole].zh });
  }
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const id = randomUUID();
  const { rows } = await database.query<ApiToken>(sql.INSERT_TOKEN, [
    id,
    principal.username,
    name,
    tokenRole,
    secretDigest(token),
  ]);
  return { ...rows[0], token };
}

export async function listApiTokens(database: Database, username: string): Promise<ApiToken[]> {
  return (await database.query<ApiToken>(sql.LIST_TOKENS, [username])).rows;
}

export async function revokeApiToken(database: Database, principal: Principal, id: string): Promise<void> {
  const { rows } = await database.query(sql.REVOKE_TOKEN, [
    id,
    principal.username,
    principal.role === 'admin',
  ]);
  if (rows.length === 0) throw new DomainError('token.not-found', { id });
}

/** The principal of a Bearer token, or null when it is unknown, revoked or its user disabled. */
export async function tokenPrincipal(database: Database, token: string): Promise<Principal | null> {
  const { rows } = await database.query<{ id: string; username: string; role: Role; displayName: string }>(
    sql.GET_TOKEN,
    [secretDigest(token)],
  );
  const row = rows[0];
  if (!row) return null;
  await database.query(sql.TOUCH_TOKEN, [row.id]);
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    via: 'token',
    sessionDigest: null,
    csrfToken: null,
    mustChangePassword: false,
  };
}
