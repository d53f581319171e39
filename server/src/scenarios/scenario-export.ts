/**
 * A scenario's (or the baseline's) communities with their metrics as a file: GeoJSON, CSV or a
 * zipped Shapefile, with the columns of scenario-output.ts's exportColumns. The file is named after
 * the scenario (its Chinese name as the display name) and the version it shows.
 */

import type { ExportFormat } from '../../../contract/common.js';
import type { StandardsProfileId } from '../../../core/standards/profiles.js';
import type { Database } from '../db/client.js';
import type { ExportFile } from '../export/feature-table.js';
import { polygonShapefileZip, type PolygonalGeometry } from '../../../core/formats/shapefile-writer.js';
import { communitiesCsv, exportColumns, flatProperties } from './scenario-output.js';
import { BASELINE_ID, getScenario, type ScenarioReference } from './scenario-store.js';
import { viewWithGeometry } from './scenario-views.js';

export async function communitiesExportFile(
  database: Database,
  reference: ScenarioReference,
  format: ExportFormat,
  profile: StandardsProfileId,
): Promise<ExportFile> {
  const view = await viewWithGeometry(database, reference, profile);
  const reports = view.snapshot;
  const columns = exportColumns(view.base.coverage.categories);
  const isBaseline = view.id === BASELINE_ID;
  const displayName = isBaseline
    ? `${view.regionId}-baseline`
    : (await getScenario(database, view.id)).name || view.id;
  const asciiBase = isBaseline
    ? `${view.regionId}-baseline`
    : `${view.regionId}-scenario-${view.id.slice(0, 8)}-v${view.version}`;
  const named = (extension: string) => ({
    fileName: `${asciiBase}.${extension}`,
    displayName: `${displayName}.${extension}`,
  });

  if (format === 'csv') {
    return {
      body: communitiesCsv(reports, columns),
      contentType: 'text/csv; charset=utf-8',
      ...named('csv'),
    };
  }
  if (format === 'geojson') {
    const features = reports.map(
      (report) =>
        `{"type":"Feature","id":${JSON.stringify(report.metrics.id)},"geometry":${view.extra.get(report.metrics.id) ?? 'null'},"properties":${JSON.stringify(flatProperties(report, columns))}}`,
    );
    return {
      body: `{"type":"FeatureCollection","features":[${features.join(',')}]}`,
      contentType: 'application/geo+json; charset=utf-8',
      ...named('geojson'),
    };
  }
  const zip = polygonShapefileZip(
    asciiBase,
    columns.map((column) => ({ name: column.dbfName, kind: column.kind })),
    reports.map((report) => {
      const geometry = view.extra.get(report.metrics.id);
      return {
        geometry: geometry ? (JSON.parse(geometry) as PolygonalGeometry) : null,
        values: columns.map((column) => column.value(report)),
      };
    }),
  );
  return { body: zip, contentType: 'application/zip', ...named('zip') };
}
