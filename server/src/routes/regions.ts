import { regionOperations } from '../../../contract/regions.js';
import { DEFAULT_STANDARDS_PROFILE } from '../../../core/standards/profiles.js';
import type { Database } from '../db/client.js';
import { exportFile } from '../export/feature-table.js';
import { downloadAnswer } from '../http/download.js';
import { implement } from '../http/operation-binding.js';
import { getRegion, layerGeoJson, listRegions } from '../regions/region-store.js';
import { communitiesExportFile } from '../scenarios/scenario-export.js';

const GEOJSON_HEADERS = { 'content-type': 'application/geo+json; charset=utf-8' };

/** Regions and their layers as GeoJSON FeatureCollections, and each layer as a download. */
export function regionRoutes(database: Database) {
  return [
    implement(regionOperations.list, () => listRegions(database)),
    implement(regionOperations.get, ({ params }) => getRegion(database, params.region)),
    implement(regionOperations.layerExport, async ({ params, query }) => {
      const { region, layer } = params;
      // Communities with metrics are the baseline's export: one writer, the same figures as scenarios.
      if (layer === 'communities') {
        const reference = { kind: 'baseline', regionId: region } as const;
        return downloadAnswer(
          await communitiesExportFile(
            database,
            reference,
            query.format,
            query.profile ?? DEFAULT_STANDARDS_PROFILE,
          ),
        );
      }
      const collection = await layerGeoJson(database, region, layer);
      return downloadAnswer(exportFile(collection, query.format, `${region}-${layer}`));
    }),
    implement(regionOperations.layer, async ({ params, query }) => {
      const collection = await layerGeoJson(database, params.region, params.layer, query.bbox ?? null);
      return new Response(collection, { headers: GEOJSON_HEADERS });
    }),
  ];
}
