/** Bureau-wide settings (migration 012): one row per key; no row, the configured default holds. */
import { TIMESTAMP } from './scenarios.sql.js';

/** Setting $1's stored value, when and by whom it was set. */
export const READ_SETTING = /* SQL */ `
  SELECT value, ${TIMESTAMP('updated_at')} AS "updatedAt", updated_by AS "updatedBy"
  FROM app_settings WHERE key = $1`;

/** Stores setting $1 as $2, changed by $3 (a username, or null). */
export const WRITE_SETTING = /* SQL */ `
  INSERT INTO app_settings (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by
  RETURNING value, ${TIMESTAMP('updated_at')} AS "updatedAt", updated_by AS "updatedBy"`;
