import { accessibilityOperations as operations } from '../../../contract/accessibility.js';
import { serviceAreaOperations } from '../../../contract/service-areas.js';
import { sitingOperations } from '../../../contract/siting.js';
import { sitingOf } from '../accessibility/siting.js';
import { serviceAreasExportFile, serviceAreasOf } from '../accessibility/service-areas.js';
import {
  coverageExportFile,
  coverageOf,
  coverageOn,
  heatmapExportFile,
  heatmapOf,
  heatmapOn,
  isochronesExportFile,
  isochronesOf,
  isochronesOn,
  travelTimesOf,
  travelTimesOn,
} from '../accessibility/region-analyses.js';
import { accessibilityView } from '../scenarios/scenario-accessibility.js';
import { baselineOf, scenarioReference } from '../scenarios/scenario-views.js';
import { heatmapFeatureCollection, heatmapGrid } from '../accessibility/accessibility-responses.js';
import type { Database } from '../db/client.js';
import { downloadAnswer } from '../http/download.js';
import { implement } from '../http/operation-binding.js';

/**
 * Walking accessibility of a region: isochrones and service radii, travel times from a point or
 * node, coverage of each facility category within its tier, and heat maps, with their downloads —
 * and the same on a scenario's own facilities, paths and communities.
 */
export function accessibilityRoutes(database: Database) {
  const scenario = (id: string) => accessibilityView(database, scenarioReference(id));
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
    implement(operations.scenarioIsochrones, async ({ params, body }) =>
      isochronesOn(await scenario(params.id), body),
    ),
    implement(operations.scenarioTravelTimes, async ({ params, body }) =>
      travelTimesOn(await scenario(params.id), body),
    ),
    implement(operations.scenarioCoverage, async ({ params, query }) =>
      coverageOn(await scenario(params.id), query),
    ),
    implement(operations.scenarioHeatmap, async ({ params, query }) => {
      const result = heatmapOn(await scenario(params.id), query);
      return query.format === 'geojson' ? heatmapFeatureCollection(result) : heatmapGrid(result);
    }),
    implement(serviceAreaOperations.region, ({ params, query }) =>
      serviceAreasOf(database, baselineOf(params.region), query),
    ),
    implement(serviceAreaOperations.regionExport, async ({ params, query }) =>
      downloadAnswer(await serviceAreasExportFile(database, baselineOf(params.region), query, query.format)),
    ),
    implement(serviceAreaOperations.scenario, ({ params, query }) =>
      serviceAreasOf(database, scenarioReference(params.id), query),
    ),
    implement(serviceAreaOperations.scenarioExport, async ({ params, query }) =>
      downloadAnswer(
        await serviceAreasExportFile(database, scenarioReference(params.id), query, query.format),
      ),
    ),
    implement(sitingOperations.region, ({ params, body }) =>
      sitingOf(database, baselineOf(params.region), body),
    ),
    implement(sitingOperations.scenario, ({ params, body }) =>
      sitingOf(database, scenarioReference(params.id), body),
    ),
  ];
}
