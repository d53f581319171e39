/**
 * The service-area calls: `GET …/service-areas?category=` of the region (the baseline) or of a
 * scenario (its own facilities and paths), the export's address, and the cached read keyed by the
 * scenario's saved version, so a save (an adopted siting) reads them again.
 */
import type { z } from 'zod';
import { API } from '../../../../contract/index';
import type { serviceAreasSchema } from '../../../../contract/service-areas';
import { callOperation, operationUrl, type ApiResult, type ExportFormat } from '../../lib/api';
import { defineRead } from '../../lib/cached-read';
import { queryKeys } from '../../lib/query-keys';
import type { FacilityCategoryId } from '../../lib/standards';

export type ServiceAreas = z.output<typeof serviceAreasSchema>;
export type ServiceAreaFeature = ServiceAreas['features'][number];
export type ServiceAreaProperties = ServiceAreaFeature['properties'];

/** Whose facilities: the region's own (`scenarioId` null) or a scenario's at a saved version. */
export interface ServiceAreasParams {
  regionId: string;
  scenarioId: string | null;
  /** The scenario's saved version (null for the baseline): part of the key only. */
  version: number | null;
  category: FacilityCategoryId;
}

/** `GET /api/regions/:region/service-areas` or `GET /api/scenarios/:id/service-areas`. */
export function fetchServiceAreas(
  params: ServiceAreasParams,
  signal?: AbortSignal,
): Promise<ApiResult<ServiceAreas>> {
  const query = { category: params.category };
  return params.scenarioId === null
    ? callOperation(API.serviceAreas.region, { params: { region: params.regionId }, query, signal })
    : callOperation(API.serviceAreas.scenario, { params: { id: params.scenarioId }, query, signal });
}

/** The address of the service areas' download in a format (a link, not fetched here). */
export function serviceAreasExportUrl(params: ServiceAreasParams, format: ExportFormat): string {
  const query = { category: params.category, format };
  return params.scenarioId === null
    ? operationUrl(API.serviceAreas.regionExport, { params: { region: params.regionId }, query })
    : operationUrl(API.serviceAreas.scenarioExport, { params: { id: params.scenarioId }, query });
}

export const serviceAreasRead = defineRead(
  (params: ServiceAreasParams) =>
    [
      ...queryKeys.scenarioScope(params.regionId, params.scenarioId ?? 'baseline'),
      'service-areas',
      params.version,
      params.category,
    ] as const,
  (params: ServiceAreasParams, signal) => fetchServiceAreas(params, signal),
);
