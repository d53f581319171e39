/**
 * Typed client of the Lifecircle HTTP API. Calls never throw: they resolve to
 * `{ ok: true, data }` or `{ ok: false, error }` (as in conveyal analysis-ui's safe-fetch);
 * the caller decides whether to report the error (lib/notices.ts).
 */
import { API } from '../../../contract/index';
import {
  answerSchema,
  fillPath,
  type OperationAnswer,
  type OperationSpec,
} from '../../../contract/operation';
import { API_BASE_PATH } from './config';
import type { ConversionTargetType } from '../../../core/scenario/scenario-edit-schema';
import type { StandardsProfileId } from './standards';
import type {
  ProfileCatalogueAnswer,
  RelocationAdviceAnswer,
  VillageCandidatesAnswer,
  ScenarioComparison,
  ScenarioCommunityCollection,
  ScenarioFacilitiesAnswer,
  ScenarioPathsAnswer,
  ScenarioReachAnswer,
  ScenarioDetailAnswer,
  ScenarioSaveAnswer,
  ScenarioStateAnswer,
  ScenarioVersionsAnswer,
  ScenarioVersionStateAnswer,
  ScenarioSummary,
  UnitAdjacencyAnswer,
  CoverageResult,
  HeatmapGrid,
  HeatmapKind,
  IsochroneCollection,
  IsochroneRequestBody,
  Basemap,
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
  /** The server's whole error answer when it sent JSON (e.g. a 409's `currentVersion`). */
  body?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Whether answers are checked against the contract's schemas: always while developing, and in a
 * browser whose storage asks for it (the end-to-end tests do), so a server that drifts from the
 * contract is caught where the client reads it. Off for users: parsing every layer costs time.
 */
function checksAnswers(): boolean {
  if (import.meta.env?.DEV) return true;
  try {
    return globalThis.localStorage?.getItem('lifecircle.checkAnswers') === '1';
  } catch {
    return false;
  }
}

/** A request to an operation of the contract: its path params, query and JSON body. */
export interface OperationCall {
  params?: Readonly<Record<string, string | number>>;
  query?: Readonly<Record<string, string | undefined>>;
  body?: unknown;
  signal?: AbortSignal;
}

/** The URL of an operation with its params and query filled in. */
export function operationUrl(spec: OperationSpec, call: OperationCall): string {
  const query = new URLSearchParams(
    Object.entries(call.query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return `${fillPath(spec.path, call.params)}${query ? `?${query}` : ''}`;
}

/** Calls an operation of the contract and reads its JSON answer, checked against its schema when asked. */
export async function callOperation<const Spec extends OperationSpec>(
  spec: Spec,
  call: OperationCall = {},
): Promise<ApiResult<OperationAnswer<Spec>>> {
  const init: RequestInit = {
    method: spec.method.toUpperCase(),
    headers: { Accept: 'application/json' },
    signal: call.signal,
  };
  if (call.body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(call.body);
  }
  const result = await requestJson<OperationAnswer<Spec>>(operationUrl(spec, call), init);
  if (result.ok && checksAnswers()) {
    const schema = answerSchema(spec, call.params);
    const checked = schema?.safeParse(result.data);
    if (checked && !checked.success) {
      const issue = checked.error.issues[0];
      const where = issue.path.map(String).join('.');
      const message = `the answer of ${spec.method.toUpperCase()} ${spec.path} does not match the contract at "${where}": ${issue.message}`;
      // Logged with a marker the end-to-end tests look for, and reported like any failed call.
      console.error(`[contract] ${message}`);
      return { ok: false, error: { status: null, message, path: spec.path, aborted: false } };
    }
  }
  return result;
}

/**
 * The signed-in session, as far as requests need it: the CSRF token every write sends with the
 * session cookie (the cookie itself is HttpOnly and travels by itself), and who to tell when an
 * answer says the session is gone (401), so the sign-in page shows again.
 */
const session: { csrfToken: string | null; onSignedOut: (() => void) | null } = {
  csrfToken: null,
  onSignedOut: null,
};

/** Called by the session gate on sign-in and sign-out. */
export function setSessionCsrfToken(token: string | null): void {
  session.csrfToken = token;
}

/** Called by the session gate: `listener` runs when any request answers 401. */
export function onSignedOut(listener: (() => void) | null): void {
  session.onSignedOut = listener;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** `init` with the session's CSRF token when it writes. */
function withSession(init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (SAFE_METHODS.has(method) || !session.csrfToken) return init;
  const headers = new Headers(init.headers);
  headers.set('X-CSRF-Token', session.csrfToken);
  return { ...init, headers, credentials: 'same-origin' };
}

/** Fetches with the session; a 401 (other than a refused sign-in) tells the session gate. */
async function sessionFetch(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, withSession(init));
  if (response.status === 401 && !url.endsWith('/api/session')) session.onSignedOut?.();
  return response;
}

/** A request that is not an operation's plain JSON call (a multipart upload). */
async function requestJson<T>(path: string, init: RequestInit): Promise<ApiResult<T>> {
  const url = path.startsWith('/api') ? path : `${API_BASE_PATH}${path}`;
  const signal = init.signal ?? undefined;
  let response: Response;
  try {
    response = await sessionFetch(url, init);
  } catch (cause) {
    const aborted = signal?.aborted === true;
    return { ok: false, error: { status: null, message: describe(cause), path: url, aborted } };
  }
  if (response.status === 204) return { ok: true, data: null as T };
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    const aborted = signal?.aborted === true;
    const message = response.ok ? `invalid JSON: ${describe(cause)}` : response.statusText;
    return {
      ok: false,
      error: { status: response.ok ? null : response.status, message, path: url, aborted },
    };
  }
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
        ? (body as { error: string }).error
        : response.statusText;
    return { ok: false, error: { status: response.status, message, path: url, aborted: false, body } };
  }
  return { ok: true, data: body as T };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** `GET /api/regions`: every region the server holds. */
export function fetchRegions(signal?: AbortSignal): Promise<ApiResult<Region[]>> {
  return callOperation(API.regions.list, { signal });
}

/** `GET /api/regions/:region/:layer`: one layer of a region as a FeatureCollection. */
export function fetchRegionLayer<L extends RegionLayerName>(
  regionId: string,
  layer: L,
  signal?: AbortSignal,
): Promise<ApiResult<RegionLayers[L]>> {
  // The operation answers any layer; which one is the `layer` asked for.
  return callOperation(API.regions.layer, { params: { region: regionId, layer }, signal }) as Promise<
    ApiResult<RegionLayers[L]>
  >;
}

function regionPath(regionId: string, resource: string): string {
  return `/regions/${encodeURIComponent(regionId)}/${resource}`;
}

export const EXPORT_FORMATS = ['geojson', 'csv', 'shapefile'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The address of a region layer's or analysis's export (`GET …/:resource/export`), a download link
 * rather than a fetch: e.g. `facilities`, `coverage` (with its speed and tiers), `heatmap`.
 */
export function regionExportUrl(
  regionId: string,
  resource: string,
  format: ExportFormat,
  query: Readonly<Record<string, string>> = {},
): string {
  const params = new URLSearchParams({ ...query, format });
  return `${API_BASE_PATH}${regionPath(regionId, `${resource}/export`)}?${params}`;
}

/** A file the server sent for download, with the name it gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * `POST /api/regions/:region/isochrones/export?format=…`: the isochrones of a request as a file
 * (a POST, so a plain link cannot fetch it).
 */
export async function fetchIsochroneExport(
  regionId: string,
  body: IsochroneRequestBody,
  format: ExportFormat,
): Promise<ApiResult<DownloadedFile>> {
  const url = `${API_BASE_PATH}${regionPath(regionId, 'isochrones/export')}?${new URLSearchParams({ format })}`;
  let response: Response;
  try {
    response = await sessionFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    return { ok: false, error: { status: null, message: describe(cause), path: url, aborted: false } };
  }
  if (!response.ok) {
    const answer: unknown = await response.json().catch(() => null);
    const message =
      answer && typeof answer === 'object' && typeof (answer as { error?: unknown }).error === 'string'
        ? (answer as { error: string }).error
        : response.statusText;
    return {
      ok: false,
      error: { status: response.status, message, path: url, aborted: false, body: answer },
    };
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName =
    /filename="([^"]+)"/.exec(disposition)?.[1] ?? `isochrones.${format === 'shapefile' ? 'zip' : format}`;
  return { ok: true, data: { blob: await response.blob(), fileName } };
}

/** The query of coverage and completeness requests for a speed and the planner's tier overrides. */
export function coverageQuery(speedMetersPerSecond: number, tiers: TierOverrides): Record<string, string> {
  const query: Record<string, string> = { speedMetersPerSecond: String(speedMetersPerSecond) };
  const tiersValue = tiersParameter(tiers);
  if (tiersValue) query.tiers = tiersValue;
  return query;
}

/** `POST /api/regions/:region/isochrones`: walking isochrones or service radii, one band per minutes value. */
export function fetchIsochrones(
  regionId: string,
  body: IsochroneRequestBody,
  signal?: AbortSignal,
): Promise<ApiResult<IsochroneCollection>> {
  return callOperation(API.accessibility.isochrones, { params: { region: regionId }, body, signal });
}

/** Category → tier minutes the user set in place of the standards' default (`tiers=` of coverage and heat maps). */
export type TierOverrides = Readonly<Record<string, number>>;

/** `kindergarten:10,park:15`, or null when nothing is overridden. */
export function tiersParameter(tiers: TierOverrides): string | null {
  const entries = Object.entries(tiers);
  return entries.length === 0
    ? null
    : entries.map(([category, minutes]) => `${category}:${minutes}`).join(',');
}

/**
 * `GET /api/regions/:region/coverage`: every category's coverage within its tier (the standards'
 * default unless overridden) at a walking speed (m/s).
 */
export function fetchCoverage(
  regionId: string,
  speedMetersPerSecond: number,
  tiers: TierOverrides,
  signal?: AbortSignal,
): Promise<ApiResult<CoverageResult>> {
  const query = coverageQuery(speedMetersPerSecond, tiers);
  return callOperation(API.accessibility.coverage, { params: { region: regionId }, query, signal });
}

export interface HeatmapQuery {
  kind: HeatmapKind;
  /** Facility category (travel-time only). */
  category?: string;
  speedMetersPerSecond: number;
  cellMeters: number;
  /** Travel-time only: cells farther than this many minutes come back null. */
  maxMinutes?: number;
  /** Completeness only: tiers the user changed. */
  tiers?: TierOverrides;
}

/** `GET /api/regions/:region/heatmap?format=grid`: a travel-time or completeness grid. */
export function fetchHeatmap(
  regionId: string,
  query: HeatmapQuery,
  signal?: AbortSignal,
): Promise<ApiResult<HeatmapGrid>> {
  // format=grid: the answer is one of the grid shapes, never cell polygons.
  return callOperation(API.accessibility.heatmap, {
    params: { region: regionId },
    query: { ...heatmapQueryParameters(query), format: 'grid' },
    signal,
  }) as Promise<ApiResult<HeatmapGrid>>;
}

/** A heat map's query string fields (the grid request and its export share them). */
export function heatmapQueryParameters(query: HeatmapQuery): Record<string, string> {
  const parameters: Record<string, string> = {
    kind: query.kind,
    speedMetersPerSecond: String(query.speedMetersPerSecond),
    cellMeters: String(query.cellMeters),
  };
  if (query.category !== undefined) parameters.category = query.category;
  if (query.maxMinutes !== undefined) parameters.maxMinutes = String(query.maxMinutes);
  const tiersValue = query.tiers ? tiersParameter(query.tiers) : null;
  if (tiersValue) parameters.tiers = tiersValue;
  return parameters;
}

/* ---------------------------------------------------------------- scenarios */

/** `GET /api/regions/:region/scenarios`: the region's scenarios, oldest first. */
export function fetchScenarios(
  regionId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioSummary[]>> {
  return callOperation(API.scenarios.list, { params: { region: regionId }, signal });
}

/** `POST /api/regions/:region/scenarios`: a new scenario copied from the baseline or another scenario. */
export function createScenario(
  regionId: string,
  body: { name: string; basedOn: string; basedOnVersion?: number },
): Promise<ApiResult<ScenarioSummary>> {
  return callOperation(API.scenarios.create, { params: { region: regionId }, body });
}

/** `DELETE /api/scenarios/:id` → 204 (no body). */
export async function deleteScenario(scenarioId: string): Promise<ApiResult<null>> {
  const deleted = await callOperation(API.scenarios.delete, { params: { id: scenarioId } });
  return deleted.ok ? { ok: true, data: null } : deleted;
}

/**
 * `PATCH /api/scenarios/:id`: a batch of edits (and/or a new name) against `version`. A 409's body
 * carries `currentVersion`; a 400 names the refused edit (`edits[2] (assign): …`).
 */
export function saveScenario(
  scenarioId: string,
  body: { version: number; edits: unknown[]; name?: string },
): Promise<ApiResult<ScenarioSaveAnswer>> {
  return callOperation(API.scenarios.save, { params: { id: scenarioId }, body });
}

/** `GET /api/scenarios/:id`: the scenario with its edit log (a save's rebase reads the saves since). */
export function fetchScenario(scenarioId: string): Promise<ApiResult<ScenarioDetailAnswer>> {
  return callOperation(API.scenarios.get, { params: { id: scenarioId } });
}

/** `GET /api/scenarios/:id/versions`: every saved version, newest first. */
export function fetchScenarioVersions(
  scenarioId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioVersionsAnswer>> {
  return callOperation(API.scenarios.versions, { params: { id: scenarioId }, signal });
}

/** `GET /api/scenarios/:id/versions/:version/state`: the scenario as it was at one version. */
export function fetchScenarioVersionState(
  scenarioId: string,
  version: number,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioVersionStateAnswer>> {
  return callOperation(API.scenarios.versionState, { params: { id: scenarioId, version }, signal });
}

/** `POST /api/scenarios/:id/versions/:version/restore`: that version's state saved as a new version. */
export function restoreScenarioVersion(
  scenarioId: string,
  version: number,
  currentVersion: number,
): Promise<ApiResult<ScenarioSaveAnswer & { restoredFrom: number }>> {
  return callOperation(API.scenarios.restoreVersion, {
    params: { id: scenarioId, version },
    body: { version: currentVersion },
  });
}

/** The query of a judging request (lib/judging.ts judgingQuery): profile, speed, tiers, tool settings. */
export type JudgingQueryParams = Readonly<Record<string, string>>;

/**
 * `GET /api/regions/:region/unit-adjacency`: units, adjacency, facilities and walking reach under
 * the judging asked for, for the client's evaluator.
 */
export function fetchUnitAdjacency(
  regionId: string,
  judging: JudgingQueryParams,
  signal?: AbortSignal,
): Promise<ApiResult<UnitAdjacencyAnswer>> {
  return callOperation(API.scenarios.unitAdjacency, { params: { region: regionId }, query: judging, signal });
}

/** `GET /api/scenarios/:id/state`, or the region's baseline (`scenarioId` "baseline"). */
export function fetchScenarioState(
  regionId: string,
  scenarioId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioStateAnswer>> {
  return scenarioId === 'baseline'
    ? callOperation(API.scenarios.baselineState, { params: { region: regionId }, signal })
    : callOperation(API.scenarios.state, { params: { id: scenarioId }, signal });
}

/** `GET /api/scenarios/:id/communities?…judging`, or the baseline's. */
export function fetchScenarioCommunities(
  regionId: string,
  scenarioId: string,
  judging: JudgingQueryParams,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioCommunityCollection>> {
  return scenarioId === 'baseline'
    ? callOperation(API.scenarios.baselineCommunities, {
        params: { region: regionId },
        query: judging,
        signal,
      })
    : callOperation(API.scenarios.communities, { params: { id: scenarioId }, query: judging, signal });
}

/** `GET /api/scenarios/:id/compare?with=…&…judging`. */
export function fetchScenarioComparison(
  scenarioId: string,
  withId: string,
  judging: JudgingQueryParams,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioComparison>> {
  return callOperation(API.scenarios.compare, {
    params: { id: scenarioId },
    query: { ...judging, with: withId },
    signal,
  });
}

/** The address of a scenario's export under a judging (a download link, not fetched here). */
export function scenarioExportUrl(
  scenarioId: string,
  format: ExportFormat,
  judging: JudgingQueryParams,
): string {
  return operationUrl(API.scenarios.export, { params: { id: scenarioId }, query: { ...judging, format } });
}

/**
 * `GET /api/scenarios/:id/village-candidates?…judging&as=`: every village with its 村改居
 * classification and what it would lack as its target (saved version). Without `as`, each village
 * is held to its own application (else urban).
 */
export function fetchVillageCandidates(
  regionId: string,
  scenarioId: string,
  judging: JudgingQueryParams,
  asType: ConversionTargetType | null,
  signal?: AbortSignal,
): Promise<ApiResult<VillageCandidatesAnswer>> {
  const query = asType ? { ...judging, as: asType } : judging;
  return scenarioId === 'baseline'
    ? callOperation(API.scenarios.baselineVillageCandidates, { params: { region: regionId }, query, signal })
    : callOperation(API.scenarios.villageCandidates, { params: { id: scenarioId }, query, signal });
}

/** `GET /api/scenarios/:id/relocation-advice?…judging`: merge or split advice per relocation community (saved version). */
export function fetchRelocationAdvice(
  regionId: string,
  scenarioId: string,
  judging: JudgingQueryParams,
  signal?: AbortSignal,
): Promise<ApiResult<RelocationAdviceAnswer>> {
  return scenarioId === 'baseline'
    ? callOperation(API.scenarios.baselineRelocationAdvice, {
        params: { region: regionId },
        query: judging,
        signal,
      })
    : callOperation(API.scenarios.relocationAdvice, { params: { id: scenarioId }, query: judging, signal });
}

/** `GET /api/scenarios/:id/facilities`: the scenario's facilities, with those it removed by id. */
export function fetchScenarioFacilities(
  scenarioId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioFacilitiesAnswer>> {
  return callOperation(API.scenarioLayers.facilities, { params: { id: scenarioId }, signal });
}

/** `GET /api/scenarios/:id/paths`: the paths the scenario added and the network edges it closed. */
export function fetchScenarioPaths(
  scenarioId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioPathsAnswer>> {
  return callOperation(API.scenarioLayers.paths, { params: { id: scenarioId }, signal });
}

/** `GET /api/scenarios/:id/reach?…judging`: the scenario's facilities and walking reach for the client's evaluator. */
export function fetchScenarioReach(
  scenarioId: string,
  judging: JudgingQueryParams,
  signal?: AbortSignal,
): Promise<ApiResult<ScenarioReachAnswer>> {
  return callOperation(API.scenarios.reach, { params: { id: scenarioId }, query: judging, signal });
}

/** `POST /api/scenarios/:id/isochrones`: as the region's, on the scenario's facilities and paths. */
export function fetchScenarioIsochrones(
  scenarioId: string,
  body: IsochroneRequestBody,
  signal?: AbortSignal,
): Promise<ApiResult<IsochroneCollection>> {
  return callOperation(API.accessibility.scenarioIsochrones, { params: { id: scenarioId }, body, signal });
}

/** `GET /api/scenarios/:id/coverage`: as the region's, on the scenario's facilities, paths and communities. */
export function fetchScenarioCoverage(
  scenarioId: string,
  speedMetersPerSecond: number,
  tiers: TierOverrides,
  signal?: AbortSignal,
): Promise<ApiResult<CoverageResult>> {
  const query = coverageQuery(speedMetersPerSecond, tiers);
  return callOperation(API.accessibility.scenarioCoverage, { params: { id: scenarioId }, query, signal });
}

/** `GET /api/scenarios/:id/heatmap?format=grid`: as the region's, on the scenario's facilities and paths. */
export function fetchScenarioHeatmap(
  scenarioId: string,
  query: HeatmapQuery,
  signal?: AbortSignal,
): Promise<ApiResult<HeatmapGrid>> {
  return callOperation(API.accessibility.scenarioHeatmap, {
    params: { id: scenarioId },
    query: { ...heatmapQueryParameters(query), format: 'grid' },
    signal,
  }) as Promise<ApiResult<HeatmapGrid>>;
}

/** `PATCH /api/regions/:region {"profile"}`: store the standards profile the region is judged by. */
export function updateRegion(
  regionId: string,
  changes: { profile: StandardsProfileId },
): Promise<ApiResult<Region>> {
  return callOperation(API.regions.update, { params: { region: regionId }, body: changes });
}

/** `GET /api/profiles`: every standards profile with its documents and rules. */
export function fetchProfiles(signal?: AbortSignal): Promise<ApiResult<ProfileCatalogueAnswer[]>> {
  return callOperation(API.standards.profiles, { signal });
}

/** `GET /api/settings`: the bureau-wide settings (the issuing unit the dashboard prints). */
export function fetchSettings(signal?: AbortSignal) {
  return callOperation(API.settings.get, { signal });
}

/** `PUT /api/settings` (administrators). */
export function saveSettings(issuingUnit: string) {
  return callOperation(API.settings.update, { body: { issuingUnit } });
}

/**
 * `POST /api/regions/:region/imports`: a preview of an import, nothing written (multipart: the file
 * and the choices as text fields). A 422 with problems is an answer too: the caller shows them.
 */
export function previewImport<T>(
  regionId: string,
  file: File,
  fields: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  const form = new FormData();
  form.append('file', file, file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // No Content-Type header: the browser writes the multipart boundary.
  return requestJson<T>(regionPath(regionId, 'imports'), {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: form,
    signal,
  });
}

/** `POST /api/regions/:region/imports/:importId/commit`: write a previewed import, all or nothing. */
export function commitImport<T>(regionId: string, importId: string, body: unknown): Promise<ApiResult<T>> {
  return callOperation(API.imports.commit, { params: { region: regionId, importId }, body }) as Promise<
    ApiResult<T>
  >;
}

/** `GET /api/regions/:region/basemaps`: the region's base maps (bottom first), then configured services. */
export function fetchBasemaps(regionId: string, signal?: AbortSignal): Promise<ApiResult<Basemap[]>> {
  return callOperation(API.basemaps.list, { params: { region: regionId }, signal });
}

/** `POST /api/regions/:region/basemaps`: store a PMTiles or MBTiles file with the region (multipart). */
export function uploadBasemap(regionId: string, file: File, name?: string): Promise<ApiResult<Basemap>> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (name) form.append('name', name);
  return requestJson<Basemap>(regionPath(regionId, 'basemaps'), {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: form,
  });
}

/** `DELETE /api/regions/:region/basemaps/:basemap`. */
export function removeBasemap(regionId: string, basemapId: string): Promise<ApiResult<null>> {
  return callOperation(API.basemaps.remove, { params: { region: regionId, basemap: basemapId } }) as Promise<
    ApiResult<null>
  >;
}
