/**
 * Writing a checked import: the region (when the import creates it), the layer — upserted, or
 * replaced with what it held re-homed —, the scenarios' changes, the region's source line and the
 * mapping remembered for next time. The caller's transaction makes it all or nothing.
 */
import type { FieldMapping, ValueMap } from '../../../core/import/field-mapping.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import { networkEdgeFeature } from '../../../core/network/network-edge.js';
import type { RoadNetwork } from '../../../core/network/road-network.js';
import type { Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import { STORE_REGION_EXTENT } from '../db/sql/regions.sql.js';
import { INSERT_NETWORK_EDGES, INSERT_NETWORK_NODES } from '../db/sql/load-region.sql.js';
import type { ImportOutcome } from './import-outcome.js';
import { OSM_ATTRIBUTION } from './osm-region-import.js';
import {
  storeCheckPatches,
  WHOLE_REGION_STREET_ID,
  type ImportRegion,
  type RegionCheck,
} from './region-check.js';
import type { ScenarioPlan } from './scenario-impact.js';

/** Everything the writing needs, as the run worked it out. */
export interface ImportWrite {
  outcome: ImportOutcome;
  region: ImportRegion;
  /** The name (and English name) of a region the import creates. */
  names: { name: string | null | undefined; nameEn: string | null | undefined };
  replace: boolean;
  /** The import features already loaded into import_features, with what checking them derived (not for a network). */
  check: RegionCheck;
  network: RoadNetwork | null;
  scenarioPlan: ScenarioPlan | null;
  /** The complete mapping and every value map read with, remembered for the next import. */
  mapping: FieldMapping;
  valueMap: ValueMap;
  /** The day of the import, YYYY-MM-DD, for the region's source line. */
  today: string;
}

/** Writes the import; see the module comment. */
export async function writeImport(query: Query, write: ImportWrite): Promise<void> {
  const { outcome, region, replace, check } = write;
  const { regionId } = region;
  const layer: ImportLayer = outcome.layer;
  if (layer !== 'network') await storeCheckPatches(query, check);
  let unitsUnchanged = false;
  const what = `${layer} ${replace ? 'replaced' : 'added'} from ${outcome.file.name} (${outcome.file.format}, ${outcome.file.crs?.id ?? 'WGS 84'}) on ${write.today}`;
  if (outcome.createsRegion) {
    await query(sql.INSERT_REGION, [
      regionId,
      write.names.name,
      write.names.nameEn ?? null,
      outcome.metricSrid,
      `imported: ${what}`,
      null,
    ]);
  }
  // OSM data is ODbL: the region carries the attribution wherever it is shown.
  if (outcome.file.format === 'osm') await query(sql.ADD_ATTRIBUTION, [regionId, OSM_ATTRIBUTION]);
  switch (layer) {
    case 'streets':
      await query(sql.UPSERT_STREETS, [regionId]);
      if (replace) {
        if (check.communityRehoming.length > 0)
          await query(sql.SET_COMMUNITY_STREETS, [
            regionId,
            JSON.stringify(check.communityRehoming.map((move) => ({ id: move.childId, to: move.to }))),
          ]);
        await query(sql.DELETE_VANISHED.streets, [regionId]);
      }
      break;
    case 'communities':
      if (check.needsWholeRegionStreet)
        await query(sql.INSERT_WHOLE_REGION_STREET, [
          regionId,
          WHOLE_REGION_STREET_ID,
          `${region.row?.name ?? write.names.name}（全域）`,
        ]);
      await query(sql.UPSERT_COMMUNITIES, [regionId]);
      if (replace) {
        if (check.unitRehoming.length > 0)
          await query(sql.SET_UNIT_COMMUNITIES, [
            regionId,
            JSON.stringify(check.unitRehoming.map((move) => ({ id: move.childId, to: move.to }))),
          ]);
        await query(sql.DELETE_VANISHED.communities, [regionId]);
        await query(sql.REHOME_ORPHAN_FACILITIES, [regionId]);
      }
      if (region.counts.units > 0) await query(sql.RECOMPUTE_COMMUNITY_TOTALS, [regionId]);
      break;
    case 'units': {
      await query(sql.CREATE_IMPORT_WRITTEN_UNITS);
      await query(sql.UPSERT_UNITS, [regionId]);
      const written = (await query<{ any: boolean }>(sql.ANY_WRITTEN_UNITS)).rows[0].any;
      const vanished =
        replace && (await query<{ any: boolean }>(sql.DELETE_VANISHED_UNITS, [regionId])).rows[0].any;
      // A file holding every unit as stored changes nothing that derives from them.
      unitsUnchanged = !written && !vanished;
      if (!unitsUnchanged) await query(sql.RECOMPUTE_COMMUNITY_TOTALS, [regionId]);
      break;
    }
    case 'facilities':
      if (replace) await query(sql.DELETE_FACILITIES, [regionId]);
      await query(sql.INSERT_FACILITIES, [regionId]);
      break;
    case 'network': {
      const network = write.network!;
      await query(sql.DELETE_NETWORK_EDGES, [regionId]);
      await query(sql.DELETE_NETWORK_NODES, [regionId]);
      await query(INSERT_NETWORK_NODES, [regionId, JSON.stringify(network.nodes)]);
      await query(INSERT_NETWORK_EDGES, [regionId, JSON.stringify(network.edges.map(networkEdgeFeature))]);
      if (region.counts.units > 0) await query(sql.RESNAP_ACCESS_POINTS, [regionId]);
      break;
    }
  }
  await query(STORE_REGION_EXTENT, [regionId]);
  await write.scenarioPlan?.apply(query);
  if ((layer === 'units' && !unitsUnchanged) || layer === 'communities')
    for (const statement of sql.RESET_SCENARIO_BASE) await query(statement, [regionId]);
  if (!outcome.createsRegion) {
    const source = region.row?.source ? `${region.row.source}; ${what}` : `imported: ${what}`;
    await query(sql.TOUCH_REGION, [regionId, source]);
  }
  await query(sql.SAVE_MAPPING, [
    regionId,
    layer,
    JSON.stringify(write.mapping),
    JSON.stringify(write.valueMap),
    outcome.file.name,
  ]);
  // The embedded database has no autovacuum: statistics are renewed where tables change (here, for
  // the tables this layer changes, and in loadRegion), so previews, which write nothing, need not
  // analyse again.
  if (!unitsUnchanged) await query(sql.ANALYZE_AFTER_IMPORT[layer]);
}
