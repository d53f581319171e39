-- Issue 13: base maps a region carries, the bureau's own PMTiles/MBTiles (imagery or vector tiles).
-- Their tiles are stored here, in the database, rather than as files in a folder beside it: one
-- backup (pg_dump, or the embedded folder) then holds the region and its base maps together, and
-- two app processes in front of one PostgreSQL serve the same tiles without a shared disk. Tiles
-- are stored one row each, decoded from the file at import (MBTiles rows flipped to XYZ, vector
-- tiles uncompressed), so both formats answer the same z/x/y lookup by primary key.
CREATE TABLE basemaps (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  format text NOT NULL CHECK (format IN ('pmtiles', 'mbtiles')),
  kind text NOT NULL CHECK (kind IN ('raster', 'vector')),
  tile_type text NOT NULL CHECK (tile_type IN ('png', 'jpeg', 'webp', 'mvt')),
  minzoom integer NOT NULL,
  maxzoom integer NOT NULL,
  west double precision,
  south double precision,
  east double precision,
  north double precision,
  vector_layers text[] NOT NULL DEFAULT '{}',
  attribution text,
  tile_count integer NOT NULL,
  file_bytes bigint NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);

CREATE TABLE basemap_tiles (
  region_id text NOT NULL,
  basemap_id text NOT NULL,
  z smallint NOT NULL,
  x integer NOT NULL,
  y integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (region_id, basemap_id, z, x, y),
  FOREIGN KEY (region_id, basemap_id) REFERENCES basemaps (region_id, id) ON DELETE CASCADE
);
