-- Lifecircle base schema: regions and their layers, the walking network, and scenarios.
-- Geometry is stored in WGS 84 (EPSG:4326); metric work transforms to the region's metric_srid.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE regions (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL,
  name_en text,
  synthetic boolean NOT NULL DEFAULT false,
  metric_srid integer NOT NULL,
  attribution text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- 街道 / 乡镇: the administrative parent that community scenarios partition.
CREATE TABLE streets (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('street', 'township')),
  geom geometry (MultiPolygon, 4326) NOT NULL,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX streets_geom_idx ON streets USING gist (geom);

-- 社区 / 村: type from standards §1; village-only fields are null elsewhere.
CREATE TABLE communities (
  region_id text NOT NULL,
  id text NOT NULL,
  street_id text NOT NULL,
  name text NOT NULL,
  name_en text,
  type text NOT NULL CHECK (type IN ('urban', 'fringe', 'relocation', 'township', 'village', 'new')),
  residents integer NOT NULL CHECK (residents >= 0),
  households integer NOT NULL CHECK (households >= 0),
  service_floor_area_square_meters double precision CHECK (service_floor_area_square_meters >= 0),
  staff integer CHECK (staff >= 0),
  social_workers integer CHECK (social_workers >= 0),
  grids integer CHECK (grids >= 0),
  grid_workers integer CHECK (grid_workers >= 0),
  agricultural_land_share double precision CHECK (agricultural_land_share BETWEEN 0 AND 1),
  development_progress double precision CHECK (development_progress BETWEEN 0 AND 1),
  is_township_seat boolean NOT NULL DEFAULT false,
  geom geometry (MultiPolygon, 4326),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, street_id) REFERENCES streets (region_id, id) ON DELETE CASCADE
);
CREATE INDEX communities_geom_idx ON communities USING gist (geom);

-- The smallest thing a boundary moves: an estate (小区), block (居住街坊), hamlet or open land.
CREATE TABLE population_units (
  region_id text NOT NULL,
  id text NOT NULL,
  community_id text NOT NULL,
  name text,
  kind text NOT NULL CHECK (kind IN ('estate', 'block', 'hamlet', 'open', 'building', 'grid')),
  residents integer NOT NULL CHECK (residents >= 0),
  households integer NOT NULL CHECK (households >= 0),
  elderly integer CHECK (elderly >= 0),
  children integer CHECK (children >= 0),
  -- True where residents were estimated (e.g. from building footprints) rather than counted.
  estimated boolean NOT NULL DEFAULT false,
  access_point geometry (Point, 4326) NOT NULL,
  geom geometry (MultiPolygon, 4326) NOT NULL,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, community_id) REFERENCES communities (region_id, id) ON DELETE CASCADE
);
CREATE INDEX population_units_geom_idx ON population_units USING gist (geom);
CREATE INDEX population_units_community_idx ON population_units (region_id, community_id);

CREATE TABLE facilities (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  community_id text,
  floor_area_square_meters double precision CHECK (floor_area_square_meters >= 0),
  capacity integer CHECK (capacity >= 0),
  geom geometry (Point, 4326) NOT NULL,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX facilities_geom_idx ON facilities USING gist (geom);

CREATE TABLE network_nodes (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id bigint NOT NULL,
  geom geometry (Point, 4326) NOT NULL,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX network_nodes_geom_idx ON network_nodes USING gist (geom);

-- Undirected walking edges, split at every junction.
CREATE TABLE network_edges (
  region_id text NOT NULL,
  id bigint NOT NULL,
  source bigint NOT NULL,
  target bigint NOT NULL,
  length_meters double precision NOT NULL CHECK (length_meters >= 0),
  class text NOT NULL,
  bridge boolean NOT NULL DEFAULT false,
  geom geometry (LineString, 4326) NOT NULL,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, source) REFERENCES network_nodes (region_id, id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, target) REFERENCES network_nodes (region_id, id) ON DELETE CASCADE
);
CREATE INDEX network_edges_geom_idx ON network_edges USING gist (geom);

-- Base-map water (rivers, ponds).
CREATE TABLE water (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text,
  kind text NOT NULL,
  geom geometry (MultiPolygon, 4326) NOT NULL,
  PRIMARY KEY (region_id, id)
);

-- Room for scenarios: a named, versioned assignment of units to communities.
CREATE TABLE scenarios (
  id text PRIMARY KEY,
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  name text NOT NULL,
  based_on text,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE scenario_assignments (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  unit_id text NOT NULL,
  community_id text NOT NULL,
  PRIMARY KEY (scenario_id, unit_id)
);
