/**
 * Regions and their layers as the database holds them: the region list with extents, one region,
 * and each layer as a GeoJSON FeatureCollection built in SQL (db/sql/layers.sql.ts).
 */

import type { Region, RegionLayerName } from '../../../contract/regions.js';
import type { StandardsProfileId } from '../../../core/standards/profiles.js';
import type { Database } from '../db/client.js';
import { LAYER_GEOJSON } from '../db/sql/layers.sql.js';
import {
  LIST_REGIONS_WITH_BBOX,
  POSTGIS_VERSION,
  REGION_EXISTS,
  SET_REGION_PROFILE,
} from '../db/sql/regions.sql.js';
import { DomainError } from '../domain-error.js';

interface RegionRow {
  id: string;
  name: string;
  nameEn: string | null;
  synthetic: boolean;
  metricSrid: number;
  attribution: string | null;
  profile: StandardsProfileId;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
  dataLoadedAt: string;
}

function toRegion(row: RegionRow): Region {
  const bbox =
    row.west === null
      ? null
      : ([row.west, row.south, row.east, row.north] as [number, number, number, number]);
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    bbox,
    synthetic: row.synthetic,
    metricSrid: row.metricSrid,
    attribution: row.attribution,
    profile: row.profile,
    dataLoadedAt: row.dataLoadedAt,
  };
}

/** Every region, synthetic ones last, by name. */
export async function listRegions(database: Database): Promise<Region[]> {
  const { rows } = await database.query<RegionRow>(LIST_REGIONS_WITH_BBOX, [null]);
  return rows.map(toRegion);
}

/** One region; `region.not-found` when there is none. */
export async function getRegion(database: Database, regionId: string): Promise<Region> {
  const { rows } = await database.query<RegionRow>(LIST_REGIONS_WITH_BBOX, [regionId]);
  if (rows.length === 0) throw new DomainError('region.not-found', { regionId });
  return toRegion(rows[0]);
}

/** Stores the standards profile the region is judged by; answers the region as it now is. */
export async function setRegionProfile(
  database: Database,
  regionId: string,
  profile: StandardsProfileId,
): Promise<Region> {
  const { rows } = await database.query(SET_REGION_PROFILE, [regionId, profile]);
  if (rows.length === 0) throw new DomainError('region.not-found', { regionId });
  return getRegion(database, regionId);
}

/** Refuses (`region.not-found`) a region that does not exist. */
export async function requireRegion(database: Database, regionId: string): Promise<void> {
  const { rows } = await database.query(REGION_EXISTS, [regionId]);
  if (rows.length === 0) throw new DomainError('region.not-found', { regionId });
}

/** A layer of an existing region as GeoJSON text, optionally only the features meeting `bbox`. */
export async function layerGeoJson(
  database: Database,
  regionId: string,
  layer: RegionLayerName,
  bbox: readonly [number, number, number, number] | null = null,
): Promise<string> {
  await requireRegion(database, regionId);
  const { rows } = await database.query<{ collection: string }>(LAYER_GEOJSON[layer], [regionId, bbox]);
  return rows[0].collection;
}

/** The PostGIS library version the database runs. */
export async function postgisVersion(database: Database): Promise<string> {
  const { rows } = await database.query<{ version: string }>(POSTGIS_VERSION);
  return rows[0].version;
}
