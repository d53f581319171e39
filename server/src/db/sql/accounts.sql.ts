/**
 * Users, sessions, API tokens, scenario sharing and the audit log (migration 010). Timestamps are
 * answered as ISO 8601 in UTC.
 */

import { TIMESTAMP } from './scenarios.sql.js';

const USER_COLUMNS = `username, display_name AS "displayName", role, disabled,
  must_change_password AS "mustChangePassword", ${TIMESTAMP('created_at')} AS "createdAt"`;

export const COUNT_USERS = /* SQL */ `SELECT count(*)::int AS count FROM app_users`;

export const LIST_USERS = /* SQL */ `SELECT ${USER_COLUMNS} FROM app_users ORDER BY username`;

export const GET_USER = /* SQL */ `SELECT ${USER_COLUMNS} FROM app_users WHERE username = $1`;

/** The user signing in, with their password hash. */
export const GET_USER_FOR_SIGN_IN = /* SQL */ `
  SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM app_users WHERE username = $1`;

export const INSERT_USER = /* SQL */ `
  INSERT INTO app_users (username, display_name, role, password_hash, must_change_password)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (username) DO NOTHING
  RETURNING ${USER_COLUMNS}`;

/** Changes what is given (null keeps it); a new password hash restarts `password_changed_at`. */
export const UPDATE_USER = /* SQL */ `
  UPDATE app_users SET
    role = coalesce($2, role),
    display_name = coalesce($3, display_name),
    password_hash = coalesce($4, password_hash),
    must_change_password = coalesce($5, must_change_password),
    disabled = coalesce($6, disabled),
    password_changed_at = CASE WHEN $4::text IS NULL THEN password_changed_at ELSE now() END
  WHERE username = $1
  RETURNING ${USER_COLUMNS}`;

/** Active administrators other than $1, locked so two demotions cannot both leave none. */
export const OTHER_ACTIVE_ADMINS = /* SQL */ `
  SELECT username FROM app_users WHERE role = 'admin' AND NOT disabled AND username <> $1 FOR UPDATE`;

export const INSERT_SESSION = /* SQL */ `
  INSERT INTO user_sessions (token_sha256, username, csrf_token, expires_at)
  VALUES ($1, $2, $3, now() + make_interval(secs => $4))`;

/** The session of a cookie, if it has not expired and its user may still sign in. */
export const GET_SESSION = /* SQL */ `
  SELECT s.username, s.csrf_token AS "csrfToken", u.role, u.display_name AS "displayName",
         u.must_change_password AS "mustChangePassword",
         extract(epoch FROM now() - s.last_seen_at)::float8 AS "idleSeconds"
  FROM user_sessions s JOIN app_users u USING (username)
  WHERE s.token_sha256 = $1 AND s.expires_at > now() AND NOT u.disabled`;

/** Moves a session's idle expiry on by $2 seconds from now. */
export const TOUCH_SESSION = /* SQL */ `
  UPDATE user_sessions SET last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
  WHERE token_sha256 = $1`;

export const DELETE_SESSION = /* SQL */ `DELETE FROM user_sessions WHERE token_sha256 = $1`;

/** Ends every session of user $1 but the one whose digest is $2 (null: all of them). */
export const DELETE_OTHER_SESSIONS = /* SQL */ `
  DELETE FROM user_sessions WHERE username = $1 AND token_sha256 IS DISTINCT FROM $2`;

export const DELETE_EXPIRED_SESSIONS = /* SQL */ `DELETE FROM user_sessions WHERE expires_at <= now()`;

const TOKEN_COLUMNS = `id, name, role, ${TIMESTAMP('created_at')} AS "createdAt",
  CASE WHEN last_used_at IS NULL THEN NULL ELSE ${TIMESTAMP('last_used_at')} END AS "lastUsedAt",
  CASE WHEN revoked_at IS NULL THEN NULL ELSE ${TIMESTAMP('revoked_at')} END AS "revokedAt"`;

export const INSERT_TOKEN = /* SQL */ `
  INSERT INTO api_tokens (id, username, name, role, token_sha256) VALUES ($1, $2, $3, $4, $5)
  RETURNING ${TOKEN_COLUMNS}`;

export const LIST_TOKENS = /* SQL */ `
  SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE username = $1 ORDER BY created_at DESC, id`;

/** The token of a Bearer header, if not revoked and its user is not disabled. */
export const GET_TOKEN = /* SQL */ `
  SELECT t.id, t.username, t.role, u.display_name AS "displayName"
  FROM api_tokens t JOIN app_users u USING (username)
  WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND NOT u.disabled`;

/** Notes a token's use, at most once a minute: not a write on every request a script makes. */
export const TOUCH_TOKEN = /* SQL */ `
  UPDATE api_tokens SET last_used_at = now()
  WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;

/** Revokes token $1 if user $2 owns it, or anyone's when $3 (an administrator asks). */
export const REVOKE_TOKEN = /* SQL */ `
  UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
  WHERE id = $1 AND (username = $2 OR $3::boolean) RETURNING id`;

export const REVOKE_USER_TOKENS = /* SQL */ `
  UPDATE api_tokens SET revoked_at = now() WHERE username = $1 AND revoked_at IS NULL`;

/** Who owns scenario $1 and who may edit it besides (no row: no such scenario). */
export const SCENARIO_SHARING = /* SQL */ `
  SELECT s.owner,
         coalesce((SELECT array_agg(c.username ORDER BY c.username) FROM scenario_collaborators c
                   WHERE c.scenario_id = s.id), '{}') AS collaborators
  FROM scenarios s WHERE s.id = $1`;

export const LOCK_SCENARIO_SHARING = /* SQL */ `SELECT id FROM scenarios WHERE id = $1 FOR UPDATE`;

export const EXISTING_USERNAMES = /* SQL */ `SELECT username FROM app_users WHERE username = ANY($1::text[])`;

export const DELETE_COLLABORATORS = /* SQL */ `DELETE FROM scenario_collaborators WHERE scenario_id = $1`;

export const INSERT_COLLABORATORS = /* SQL */ `
  INSERT INTO scenario_collaborators (scenario_id, username)
  SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`;

export const INSERT_AUDIT_ENTRY = /* SQL */ `
  INSERT INTO audit_log (username, role, via, method, operation, path, object_type, object_id,
                         from_version, to_version, status, detail)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

/** Entries newest first, filtered by user $1, object $2, from $3 (inclusive) to $4 (exclusive); at most $5. */
export const LIST_AUDIT_ENTRIES = /* SQL */ `
  SELECT id::int AS id, ${TIMESTAMP('at')} AS at, username, role, via, method, operation, path,
         object_type AS "objectType", object_id AS "objectId", from_version AS "fromVersion",
         to_version AS "toVersion", status, detail
  FROM audit_log
  WHERE ($1::text IS NULL OR username = $1) AND ($2::text IS NULL OR object_id = $2)
    AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
  ORDER BY id DESC LIMIT $5`;
