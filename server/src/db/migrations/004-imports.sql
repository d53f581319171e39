-- Imports of a city's own data (issue 5). A preview is kept with its file until it is committed or
-- expires, so the commit writes exactly the file that was previewed (with the mapping confirmed
-- then); the mapping last used for a region's layer is remembered and suggested next time.

-- region_id has no foreign key: a preview may be for a region the import is about to create.
CREATE TABLE imports (
  id text PRIMARY KEY,
  region_id text NOT NULL,
  layer text NOT NULL CHECK (layer IN ('streets', 'communities', 'units', 'facilities', 'network')),
  file_name text NOT NULL,
  -- The uploaded bytes; cleared once committed (the report stays).
  file_bytes bytea,
  options jsonb NOT NULL,
  status text NOT NULL DEFAULT 'previewed' CHECK (status IN ('previewed', 'committed')),
  report jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz
);
CREATE INDEX imports_created_idx ON imports (status, created_at);

CREATE TABLE import_mappings (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  layer text NOT NULL CHECK (layer IN ('streets', 'communities', 'units', 'facilities', 'network')),
  -- {"field": "column", …} and {"field": {"value as written": "code"}, …}
  mapping jsonb NOT NULL,
  value_map jsonb NOT NULL DEFAULT '{}'::jsonb,
  file_name text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, layer)
);
