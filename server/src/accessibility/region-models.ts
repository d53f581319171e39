/**
 * One accessibility model per region, built on first use and kept in memory: the CSR graph and
 * snap index take a few hundred milliseconds at 100 000 edges, every later query reuses them.
 */

import { buildAccessibilityModel } from '../../../core/accessibility/accessibility-model.js';
import type {
  AccessibilityInput,
  AccessibilityModel,
  CommunityInput,
  FacilityInput,
  UnitInput,
} from '../../../core/accessibility/accessibility-types.js';
import type { Position } from '../../../core/geometry/position.js';
import type { IdentifiedNetwork } from '../../../core/network/path-edits.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import {
  NETWORK_ARRAYS,
  REGION_EXTENT,
  REGION_STAMP,
  UNITS_FACILITIES_COMMUNITIES_WATER,
} from '../db/sql/accessibility.sql.js';

/** A region's model with what the routes check requests against. */
export interface RegionAccessibility {
  regionId: string;
  model: AccessibilityModel;
  /** What the model was built from, with each network edge's id: a scenario's own model starts from it. */
  input: AccessibilityInput & { network: IdentifiedNetwork };
  /** `[west, south, east, north]` degrees of the region's streets, network and units. */
  extent: [number, number, number, number];
  /** Each unit's children (0–14) and elderly (60+) as stored, null where unknown, in the model's unit order. */
  unitAges: { children: (number | null)[]; elderly: (number | null)[] };
  /** Time to read the region from the database and to build the model, milliseconds. */
  readMilliseconds: number;
  buildMilliseconds: number;
}

interface CachedModel {
  /** The region row's creation stamp the model was built from (see REGION_STAMP). */
  stamp: string;
  model: Promise<RegionAccessibility>;
}

/**
 * Models by database, then by region id. Keyed by the Database object because one process may
 * serve several databases (the API tests open an embedded and a server database side by side),
 * each with its own region "demo".
 */
const modelsByDatabase = new WeakMap<Database, Map<string, CachedModel>>();

function cacheOf(database: Database): Map<string, CachedModel> {
  let cache = modelsByDatabase.get(database);
  if (!cache) {
    cache = new Map();
    modelsByDatabase.set(database, cache);
  }
  return cache;
}

/**
 * The region's model, built on first use; concurrent first requests share one build. Every call
 * checks the region's load stamp (one indexed lookup), so a region reloaded by this process or by
 * another one on the same database (an import script) is rebuilt on its next use.
 * Throws `region.not-found` for an unknown region.
 */
export async function regionAccessibility(
  database: Database,
  regionId: string,
): Promise<RegionAccessibility> {
  const cache = cacheOf(database);
  const { rows } = await database.query<{ stamp: string }>(REGION_STAMP, [regionId]);
  if (rows.length === 0) {
    cache.delete(regionId);
    throw new DomainError('region.not-found', { regionId });
  }
  const stamp = rows[0].stamp;
  let cached = cache.get(regionId);
  if (!cached || cached.stamp !== stamp) {
    const entry: CachedModel = { stamp, model: buildRegionAccessibility(database, regionId) };
    cache.set(regionId, entry);
    // A failed build is not kept: the next request tries again (and reports the error again).
    entry.model.catch(() => {
      if (cache.get(regionId) === entry) cache.delete(regionId);
    });
    cached = entry;
  }
  return cached.model;
}

/** Drops the cached model of one region (or of every region) of a database; the next use rebuilds it. */
export function invalidateRegionAccessibility(database: Database, regionId?: string): void {
  const cache = modelsByDatabase.get(database);
  if (!cache) return;
  if (regionId === undefined) cache.clear();
  else cache.delete(regionId);
}

interface NetworkArrays {
  edgeIds: number[];
  source: number[];
  target: number[];
  lengthMeters: number[];
  edgeClass: string[];
  lines: Position[][];
}

type UnitRow = [
  id: string,
  communityId: string,
  residents: number,
  households: number,
  elderly: number,
  lon: number,
  lat: number,
  children: number | null,
  elderly: number | null,
];
type FacilityRow = [id: string, category: string, lon: number, lat: number];
type CommunityRow = [id: string, name: string];

/** Reads a region's network, units, facilities, communities and water (three queries) and builds its model. */
async function buildRegionAccessibility(database: Database, regionId: string): Promise<RegionAccessibility> {
  const readStarted = performance.now();
  const [network, others, extent] = await Promise.all([
    database.query<{ network: string }>(NETWORK_ARRAYS, [regionId]),
    database.query<{ units: string; facilities: string; communities: string; water: string }>(
      UNITS_FACILITIES_COMMUNITIES_WATER,
      [regionId],
    ),
    database.query<{ west: number | null; south: number; east: number; north: number }>(REGION_EXTENT, [
      regionId,
    ]),
  ]);
  const unitRows = JSON.parse(others.rows[0].units) as UnitRow[];
  const input: AccessibilityInput & { network: IdentifiedNetwork } = {
    network: JSON.parse(network.rows[0].network) as NetworkArrays,
    units: unitRows.map(([id, communityId, residents, households, elderly, lon, lat]): UnitInput => ({
      id,
      communityId,
      residents,
      households,
      elderly,
      accessPoint: [lon, lat],
    })),
    facilities: (JSON.parse(others.rows[0].facilities) as FacilityRow[]).map(
      ([id, category, lon, lat]): FacilityInput => ({ id, category, position: [lon, lat] }),
    ),
    communities: (JSON.parse(others.rows[0].communities) as CommunityRow[]).map(
      ([id, name]): CommunityInput => ({ id, name }),
    ),
    // Rasters of isochrones keep water cells out, so a bank's buffer never bridges a river.
    waterPolygons: JSON.parse(others.rows[0].water) as Position[][][],
  };
  const readMilliseconds = performance.now() - readStarted;
  if (input.network.source.length === 0) {
    throw new DomainError('region.no-network', { regionId });
  }
  const { west, south, east, north } = extent.rows[0];
  const buildStarted = performance.now();
  const model = buildAccessibilityModel(input);
  return {
    regionId,
    model,
    input,
    unitAges: { children: unitRows.map((row) => row[7]), elderly: unitRows.map((row) => row[8]) },
    extent: west === null ? model.bbox : [west, south, east, north],
    readMilliseconds,
    buildMilliseconds: performance.now() - buildStarted,
  };
}

/**
 * The region's extent `[west, south, east, north]` over streets, network and units, as GET
 * /api/regions reports it (null for a region with none of them), without building its model.
 */
export async function regionExtent(
  database: Database,
  regionId: string,
): Promise<[number, number, number, number] | null> {
  const { rows } = await database.query<{ west: number | null; south: number; east: number; north: number }>(
    REGION_EXTENT,
    [regionId],
  );
  const { west, south, east, north } = rows[0];
  return west === null ? null : [west, south, east, north];
}
