-- Issue 13: a preview keeps the features it checked, with what the check derived (a unit's
-- community, access point …) merged into their properties, so that its commit writes them in one
-- INSERT … SELECT instead of reading the stored upload again and re-running every check (≈ 22 s of
-- a county's 99 200 units on the embedded database). `imports.staged` holds the rest the commit
-- needs (the report, the mapping, what a replacement re-homes) and the region's load stamp at the
-- preview: a commit into a region changed since then checks the stored file again. Staged rows go
-- with their preview (commit, cancel, expiry); only the newest preview of a region's layer keeps
-- them (earlier ones still commit from their file). Unlogged: written without WAL (half the time of
-- staging a county's units on the embedded database); a crash empties it, and a commit finding
-- fewer rows than staged reads the file again.
CREATE UNLOGGED TABLE import_staged_features (
  import_id text NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  id text NOT NULL,
  props jsonb NOT NULL,
  geom geometry NOT NULL,
  PRIMARY KEY (import_id, ordinal)
);

ALTER TABLE imports ADD COLUMN staged jsonb;
