-- Accounts (issue 12): users with one role each, sign-in sessions, API tokens for scripts, who owns
-- and may edit each scenario, who saved each version, and an append-only audit log of every write.

-- A user. Usernames are kept lower-case (sign-in ignores case); the password only as an argon2id
-- hash (server/src/accounts/passwords.ts). A disabled user keeps their name on what they did.
CREATE TABLE app_users (
  username text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  display_name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'planner', 'leader')),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database signs no one in. csrf_token is answered at sign-in and sent back on every write.
CREATE TABLE user_sessions (
  token_sha256 text PRIMARY KEY,
  username text NOT NULL REFERENCES app_users (username) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_sessions_username_idx ON user_sessions (username);

-- A token a script sends as `Authorization: Bearer …`, acting with `role` (its owner's role, or any
-- role for an administrator's token). Stored hashed like sessions; revoked ones stay listed.
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  username text NOT NULL REFERENCES app_users (username) ON DELETE CASCADE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'planner', 'leader')),
  token_sha256 text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_username_idx ON api_tokens (username);

-- Who owns a scenario (null for scenarios made before accounts: only administrators edit those)
-- and who else may edit it.
ALTER TABLE scenarios ADD COLUMN owner text REFERENCES app_users (username) ON DELETE SET NULL;
CREATE TABLE scenario_collaborators (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  username text NOT NULL REFERENCES app_users (username) ON DELETE CASCADE,
  PRIMARY KEY (scenario_id, username)
);

-- Who saved each version (null before accounts).
ALTER TABLE scenario_edits ADD COLUMN author text REFERENCES app_users (username) ON DELETE SET NULL;

-- Every write the API accepted, and every refused sign-in: who, when, which operation on which
-- object, and for a scenario save the version it started from and the one it made. Rows are only
-- ever added: the triggers below refuse changing or removing one.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  username text,
  role text,
  via text NOT NULL CHECK (via IN ('session', 'token', 'none')),
  method text NOT NULL,
  operation text NOT NULL,
  path text NOT NULL,
  object_type text,
  object_id text,
  from_version integer,
  to_version integer,
  status integer NOT NULL,
  detail text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only: rows cannot be changed or removed'; END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
