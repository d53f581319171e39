-- Issue 13: a preview stages what its check derived (a unit's community, access point …) beside
-- each feature's properties instead of merged into them: building `props || patch` for a county's
-- 99 200 units was most of the time of staging them on the embedded database. The writes read a
-- derived value before the file's (server/src/db/sql/imports.sql.ts, prop); rows staged before
-- this migration have their derived values merged already and no patch.
ALTER TABLE import_staged_features ADD COLUMN patch jsonb;
