/**
 * Where imported population units step onto the walking network: the nearest point of the nearest
 * edge, found with the region's accessibility model (its snap index, in memory) rather than one
 * nearest-neighbour query per unit in PostGIS — at 25 000 units that query alone took 4.4 s of a
 * 10.6 s preview on the embedded database.
 */

import { snappedPosition } from '../../../core/accessibility/accessibility-model.js';
import type { Position } from '../../../core/geometry/position.js';
import { snapToNetwork } from '../../../core/routing/snap.js';
import { regionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';

/** `[lon, lat]` → the nearest point on the network, `[lon, lat]`. */
export type NetworkSnapper = (position: Position) => Position;

/**
 * The region's snapper, or null when the region does not exist yet or has no walking network (the
 * import then uses the unit's own point). Must be called outside the import's transaction: the
 * model is read through the database's own connection.
 */
export async function regionNetworkSnapper(
  database: Database,
  regionId: string,
): Promise<NetworkSnapper | null> {
  // Asked first rather than caught from regionAccessibility: a region being built (or not yet made)
  // is an ordinary case here, not an error to answer.
  const { rows } = await database.query<{ hasNetwork: boolean }>(sql.REGION_HAS_NETWORK, [regionId]);
  if (!rows[0]?.hasNetwork) return null;
  const { model } = await regionAccessibility(database, regionId);
  return ([lon, lat]) => {
    const snap = snapToNetwork(model.snapIndex, lon, lat);
    return snap ? snappedPosition(model, snap) : [lon, lat];
  };
}

/**
 * The snapper asked for when first needed, then kept: a preview whose units all keep their stored
 * access points (region-check.ts) never builds the region's model for it (seconds at county size).
 */
export type LazySnapper = () => Promise<NetworkSnapper | null>;

/** `build` run at most once, on the first call. */
export function lazySnapper(build: () => Promise<NetworkSnapper | null>): LazySnapper {
  let built: Promise<NetworkSnapper | null> | null = null;
  return () => (built ??= build());
}
