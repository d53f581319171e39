import { accessibilityOperations as operations } from '../../../contract/accessibility.js';
import {
  coverageExportFile,
  coverageOf,
  heatmapExportFile,
  heatmapOf,
  isochronesExportFile,
  isochronesOf,
  travelTimesOf,
} from '../accessibility/region-analyses.js';
import { heatmapFeatureCollection, heatmapGrid } from '../accessibility/accessibility-responses.js';
import type { Database } from '../db/client.js';
import { downloadAnswer } from '../http/download.js';
import { implement } from '../http/operation-binding.js';

/**
 * Walking accessibility of a region: isochrones and service radii, travel times from a point or
 * node, coverage of each facility category within its tier, and heat maps, with their downloads.
 */
export function accessibilityRoutes(database: Database) {
  return [
    implement(operations.isochrones, ({ params, body }) => isochronesOf(database, params.region, body)),
    implement(operations.isochronesExport, async ({ params, query, body }) =>
      downloadAnswer(await isochronesExportFile(database, params.region, body, query.format)),
    ),
    implement(operations.travelTimes, ({ params, body }) => travelTimesOf(database, params.region, body)),
    implement(operations.coverage, ({ params, query }) => coverageOf(database, params.region, query)),
    implement(operations.coverageExport, async ({ params, query }) =>
      downloadAnswer(await coverageExportFile(database, params.region, query, query.format)),
    ),
    implement(operations.heatmap, async ({ params, query }) => {
      const result = await heatmapOf(database, params.region, query);
      return query.format === 'geojson' ? heatmapFeatureCollection(result) : heatmapGrid(result);
    }),
    implement(operations.heatmapExport, async ({ params, query }) =>
      downloadAnswer(await heatmapExportFile(database, params.region, query)),
    ),
  ];
}
