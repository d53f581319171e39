/**
 * Typed client of the Lifecircle HTTP API. Calls never throw: they resolve to
 * `{ ok: true, data }` or `{ ok: false, error }` (as in conveyal analysis-ui's safe-fetch);
 * the caller decides whether to report the error (lib/notices.ts).
 */
import { API_BASE_PATH } from './config';
import type {
  CoverageResult,
  HeatmapGrid,
  HeatmapKind,
  IsochroneCollection,
  IsochroneRequestBody,
  Region,
  RegionLayerName,
  RegionLayers,
} from './api-types';

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

function getJson<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  return requestJson<T>(path, { headers: { Accept: 'application/json' }, signal });
}

function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<ApiResult<T>> {
  return requestJson<T>(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

async function requestJson<T>(path: string, init: RequestInit): Promise<ApiResult<T>> {
  const url = `${API_BASE_PATH}${path}`;
  const signal = init.signal ?? undefined;
  let response: Response;
  try {
    response = await fetch(url, init);
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

function regionPath(regionId: string, resource: string): string {
  return `/regions/${encodeURIComponent(regionId)}/${resource}`;
}

/** `POST /api/regions/:region/isochrones`: walking isochrones or service radii, one band per minutes value. */
export function fetchIsochrones(
  regionId: string,
  body: IsochroneRequestBody,
  signal?: AbortSignal,
): Promise<ApiResult<IsochroneCollection>> {
  return postJson<IsochroneCollection>(regionPath(regionId, 'isochrones'), body, signal);
}

/** `GET /api/regions/:region/coverage`: every category's coverage within its default tier at a walking speed (m/s). */
export function fetchCoverage(
  regionId: string,
  speedMetersPerSecond: number,
  signal?: AbortSignal,
): Promise<ApiResult<CoverageResult>> {
  const query = new URLSearchParams({ speedMetersPerSecond: String(speedMetersPerSecond) });
  return getJson<CoverageResult>(`${regionPath(regionId, 'coverage')}?${query}`, signal);
}

export interface HeatmapQuery {
  kind: HeatmapKind;
  /** Facility category (travel-time only). */
  category?: string;
  speedMetersPerSecond: number;
  cellMeters: number;
  /** Travel-time only: cells farther than this many minutes come back null. */
  maxMinutes?: number;
}

/** `GET /api/regions/:region/heatmap?format=grid`: a travel-time or completeness grid. */
export function fetchHeatmap(regionId: string, query: HeatmapQuery, signal?: AbortSignal): Promise<ApiResult<HeatmapGrid>> {
  const params = new URLSearchParams({
    kind: query.kind,
    speedMetersPerSecond: String(query.speedMetersPerSecond),
    cellMeters: String(query.cellMeters),
    format: 'grid',
  });
  if (query.category !== undefined) params.set('category', query.category);
  if (query.maxMinutes !== undefined) params.set('maxMinutes', String(query.maxMinutes));
  return getJson<HeatmapGrid>(`${regionPath(regionId, 'heatmap')}?${params}`, signal);
}
