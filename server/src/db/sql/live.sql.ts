/** SQL of live events (server/src/live): what a change event names, relaying it, sessions still open. */

/** A scenario's region and current version ($1 the scenario id). */
export const SCENARIO_REGION_AND_VERSION = /* SQL */ `
  SELECT region_id AS "regionId", version FROM scenarios WHERE id = $1`;

/** Tells every process listening on channel $1 of this database: $2 the event as JSON. */
export const NOTIFY_EVENT = /* SQL */ `SELECT pg_notify($1, $2)`;

/** Whether the session of digest $1 is still open and its user enabled (without moving its idle expiry). */
export const SESSION_OPEN = /* SQL */ `
  SELECT 1 FROM user_sessions s JOIN app_users u USING (username)
  WHERE s.token_sha256 = $1 AND s.expires_at > now() AND NOT u.disabled`;
