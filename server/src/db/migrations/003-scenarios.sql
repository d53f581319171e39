-- Boundary scenarios (issue 4): the communities of each scenario, its edit log, and what a region
-- needs once before scenarios can be evaluated (unit adjacency, the baseline communities' geometry).
-- Independent of 002: migrate.ts applies files in name order and skips none it has not recorded.

-- Every community of a scenario, copied from what it is based on when the scenario is created
-- (tens to hundreds of rows per scenario), so a scenario reads without consulting its ancestors.
-- geom is the union of the community's units, recomputed in the transaction of every save that
-- changes them; it is null only between a community's insertion and that recomputation.
CREATE TABLE scenario_communities (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  id text NOT NULL,
  street_id text NOT NULL,
  name text NOT NULL,
  name_en text,
  type text NOT NULL CHECK (type IN ('urban', 'fringe', 'relocation', 'township', 'village', 'new')),
  service_floor_area_square_meters double precision CHECK (service_floor_area_square_meters >= 0),
  staff integer CHECK (staff >= 0),
  social_workers integer CHECK (social_workers >= 0),
  grids integer CHECK (grids >= 0),
  grid_workers integer CHECK (grid_workers >= 0),
  agricultural_land_share double precision CHECK (agricultural_land_share BETWEEN 0 AND 1),
  development_progress double precision CHECK (development_progress BETWEEN 0 AND 1),
  is_township_seat boolean NOT NULL DEFAULT false,
  geom geometry (MultiPolygon, 4326),
  PRIMARY KEY (scenario_id, id)
);

-- scenario_assignments (001) holds only the units whose community differs from the baseline's
-- (population_units.community_id): a scenario that moves 30 of 100 000 units stores 30 rows.
-- No cascade from communities: dissolving a community that still has units is a bug to surface.
ALTER TABLE scenario_assignments
  ADD CONSTRAINT scenario_assignments_community_fk
  FOREIGN KEY (scenario_id, community_id) REFERENCES scenario_communities (scenario_id, id);

CREATE INDEX scenarios_region_idx ON scenarios (region_id);

-- One row per accepted save: `version` is the version the save produced, `edits` the edits as sent.
CREATE TABLE scenario_edits (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 2),
  edits jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scenario_id, version)
);

-- Marks a region whose unit adjacency and baseline community geometry have been computed (a region
-- whose units touch nowhere has no adjacency rows, so the rows alone cannot say it).
CREATE TABLE scenario_region_bases (
  region_id text PRIMARY KEY REFERENCES regions (id) ON DELETE CASCADE,
  prepared_at timestamptz NOT NULL DEFAULT now()
);

-- Units sharing a stretch of boundary: the length of the intersection of their boundaries in the
-- region's metric SRID (corner contacts, of length 0, are not adjacency). unit_a < unit_b.
CREATE TABLE unit_adjacency (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  unit_a text NOT NULL,
  unit_b text NOT NULL,
  shared_meters double precision NOT NULL CHECK (shared_meters > 0),
  PRIMARY KEY (region_id, unit_a, unit_b),
  FOREIGN KEY (region_id, unit_a) REFERENCES population_units (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, unit_b) REFERENCES population_units (region_id, id) ON DELETE CASCADE
);

-- The baseline communities' geometry as the union of their units (the region files' own community
-- polygons may differ from it by rounding); new scenarios start from it.
CREATE TABLE baseline_community_geoms (
  region_id text NOT NULL,
  community_id text NOT NULL,
  geom geometry (MultiPolygon, 4326) NOT NULL,
  PRIMARY KEY (region_id, community_id),
  FOREIGN KEY (region_id, community_id) REFERENCES communities (region_id, id) ON DELETE CASCADE
);
