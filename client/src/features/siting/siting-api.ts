/**
 * The siting call (选址): `POST /api/regions/:region/siting` on the region's facilities (the
 * baseline) or `POST /api/scenarios/:id/siting` on a scenario's own.
 */
import type { z } from 'zod';
import { API } from '../../../../contract/index';
import type { sitingBodySchema, sitingSchema } from '../../../../contract/siting';
import { callOperation, type ApiResult } from '../../lib/api';

export type SitingAnswer = z.output<typeof sitingSchema>;
export type SitingSite = SitingAnswer['sites'][number];
/** What the client sends (the schema's input: defaults may be left out). */
export type SitingRequest = z.input<typeof sitingBodySchema>;

export function runSiting(
  regionId: string,
  scenarioId: string | null,
  body: SitingRequest,
  signal?: AbortSignal,
): Promise<ApiResult<SitingAnswer>> {
  return scenarioId === null
    ? callOperation(API.siting.region, { params: { region: regionId }, body, signal })
    : callOperation(API.siting.scenario, { params: { id: scenarioId }, body, signal });
}
