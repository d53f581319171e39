-- Bureau-wide settings (issue 12): the issuing unit (编制单位) printed on the dashboard. One row per
-- setting; a missing row means the server's configured default holds.
CREATE TABLE app_settings (
  key text PRIMARY KEY CHECK (key IN ('issuing_unit')),
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES app_users (username) ON DELETE SET NULL
);
