-- Issue 13: a region stores its extent, so GET /api/regions answers without scanning every street,
-- edge and unit (≈ 200 ms at --scale 20). The extent is [west, south, east, north] in degrees over
-- the region's streets, communities, units, network edges and facilities (water is base map only),
-- null while the region has none of them. Every write that changes a layer — loading a region, an
-- import, a replaced layer, a region an import creates — stores it again in the same transaction
-- (regions.sql.ts, STORE_REGION_EXTENT).
ALTER TABLE regions
  ADD COLUMN extent_west double precision,
  ADD COLUMN extent_south double precision,
  ADD COLUMN extent_east double precision,
  ADD COLUMN extent_north double precision;

UPDATE regions r
SET extent_west = ST_XMin(e.box), extent_south = ST_YMin(e.box),
    extent_east = ST_XMax(e.box), extent_north = ST_YMax(e.box)
FROM (
  SELECT k.id, (
    SELECT ST_Extent(g.geom)::geometry FROM (
      SELECT geom FROM streets WHERE region_id = k.id
      UNION ALL SELECT geom FROM communities WHERE region_id = k.id AND geom IS NOT NULL
      UNION ALL SELECT geom FROM population_units WHERE region_id = k.id
      UNION ALL SELECT geom FROM network_edges WHERE region_id = k.id
      UNION ALL SELECT geom FROM facilities WHERE region_id = k.id
    ) g
  ) AS box
  FROM regions k
) e
WHERE e.id = r.id;
