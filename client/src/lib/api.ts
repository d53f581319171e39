/**
 * Typed client of the Lifecircle HTTP API. Calls never throw: they resolve to
 * `{ ok: true, data }` or `{ ok: false, error }` (as in conveyal analysis-ui's safe-fetch);
 * the caller decides whether to report the error (lib/notices.ts).
 */
import { API_BASE_PATH } from './config';
import type { Region, RegionLayerName, RegionLayers } from './api-types';

export interface ApiError {
  /** HTTP status, or null when the request never got an answer (network down, aborted, bad JSON). */
  status: number | null;
  /** The server's `{"error": "..."}` message, or a short technical reason. */
  message: string;
  /** The path that failed, e.g. `/api/regions/demo/communities`. */
  path: string;
  /** True when the caller aborted the request (not worth showing). */
  aborted: boolean;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

async function getJson<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  const url = `${API_BASE_PATH}${path}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    const aborted = signal?.aborted === true;
    return { ok: false, error: { status: null, message: describe(cause), path: url, aborted } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    const aborted = signal?.aborted === true;
    const message = response.ok ? `invalid JSON: ${describe(cause)}` : response.statusText;
    return { ok: false, error: { status: response.ok ? null : response.status, message, path: url, aborted } };
  }
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
        ? (body as { error: string }).error
        : response.statusText;
    return { ok: false, error: { status: response.status, message, path: url, aborted: false } };
  }
  return { ok: true, data: body as T };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** `GET /api/regions`: every region the server holds. */
export function fetchRegions(signal?: AbortSignal): Promise<ApiResult<Region[]>> {
  return getJson<Region[]>('/regions', signal);
}

/** `GET /api/regions/:region/:layer`: one layer of a region as a FeatureCollection. */
export function fetchRegionLayer<L extends RegionLayerName>(
  regionId: string,
  layer: L,
  signal?: AbortSignal,
): Promise<ApiResult<RegionLayers[L]>> {
  return getJson<RegionLayers[L]>(`/regions/${encodeURIComponent(regionId)}/${layer}`, signal);
}
