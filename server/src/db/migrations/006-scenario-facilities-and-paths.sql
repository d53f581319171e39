-- Issue 11: a scenario changes facilities and walking paths too, kept as differences from its region's
-- own (as scenario_assignments keeps only the units moved): core/scenario/scenario-layers.ts.

-- A facility the scenario adds, moves or changes (as it now is), or a facility of the region it
-- removes (removed, no figures). unit_id is the unit it stands in (else the nearest), the community
-- holding that unit being the one it belongs to for the standards; computed when it is saved.
CREATE TABLE scenario_facilities (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  id text NOT NULL,
  removed boolean NOT NULL DEFAULT false,
  name text,
  category text,
  floor_area_square_meters double precision CHECK (floor_area_square_meters >= 0),
  land_area_square_meters double precision CHECK (land_area_square_meters >= 0),
  capacity integer CHECK (capacity >= 0),
  unit_id text,
  geom geometry (Point, 4326),
  PRIMARY KEY (scenario_id, id),
  CHECK (removed OR (name IS NOT NULL AND category IS NOT NULL AND geom IS NOT NULL))
);

-- Footways and footbridges the scenario adds, as drawn, in the order they were added (seq); the
-- walking network joins them where they meet it each time it is built (core/network/path-edits.ts).
CREATE TABLE scenario_paths (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  id text NOT NULL,
  seq integer NOT NULL,
  name text,
  geom geometry (LineString, 4326) NOT NULL,
  PRIMARY KEY (scenario_id, id)
);

-- Edges of the region's walking network the scenario closes.
CREATE TABLE scenario_closed_edges (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  edge_id bigint NOT NULL,
  PRIMARY KEY (scenario_id, edge_id)
);
