-- Where a region's data came from and what in it is estimated (e.g. "OpenStreetMap extract
-- guixi_center.osm …; residents ESTIMATED from building footprints …"), beside its attribution.
-- Units already carry `estimated` (001); imported regions set it on every unit.
ALTER TABLE regions ADD COLUMN source text;
