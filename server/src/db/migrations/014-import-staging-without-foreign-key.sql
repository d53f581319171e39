-- Issue 13: staging a county's 99 200 checked units checked the foreign key to imports once per
-- row, a quarter of the staging's time on the embedded database. Staged rows now go with their
-- import row (cancel, expiry, a region deleted) by one statement trigger instead; a commit keeps
-- its row and removes its staged features itself (UNSTAGE_IMPORT).
ALTER TABLE import_staged_features DROP CONSTRAINT import_staged_features_import_id_fkey;

CREATE FUNCTION import_staged_features_follow_imports() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM import_staged_features s USING gone WHERE s.import_id = gone.id; RETURN NULL; END $$;

CREATE TRIGGER imports_take_their_staged_features AFTER DELETE ON imports
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION import_staged_features_follow_imports();
