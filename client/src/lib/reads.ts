/**
 * The client's reads of the API, one per GET endpoint, each cached under its key of
 * lib/query-keys.ts (lib/cached-read.ts explains the cache). Parameters are objects, so a read's
 * type is the endpoint's: when the answers' types come from contract/, only the call changes.
 */
import {
  fetchBasemaps,
  fetchCoverage,
  fetchProfiles,
  fetchHeatmap,
  fetchIsochrones,
  fetchRegionLayer,
  fetchRegions,
  fetchRelocationAdvice,
  fetchScenarioCommunities,
  fetchScenarioComparison,
  fetchScenarios,
  fetchScenarioState,
  fetchScenarioVersions,
  fetchScenarioVersionState,
  fetchScenarioCoverage,
  fetchScenarioFacilities,
  fetchScenarioHeatmap,
  fetchScenarioIsochrones,
  fetchScenarioPaths,
  fetchScenarioReach,
  fetchSettings,
  fetchUnitAdjacency,
  fetchVillageCandidates,
  type ApiResult,
  type HeatmapQuery,
  type TierOverrides,
} from './api';
import type { IsochroneCollection, IsochroneRequestBody, RegionLayerName, RegionLayers } from './api-types';
import type { ConversionTargetType } from '../../../core/scenario/scenario-edit-schema';
import { defineRead } from './cached-read';
import { judgingKey, judgingQuery, type Judging } from './judging';
import { queryKeys, type ScenarioOrBaseline } from './query-keys';

/** `GET /api/regions`. */
export const regionsRead = defineRead(
  (_: Record<string, never>) => queryKeys.regions(),
  (_, signal) => fetchRegions(signal),
);

export interface RegionLayerParams {
  regionId: string;
  layer: RegionLayerName;
}

/** `GET /api/regions/:region/:layer`. */
export const regionLayerRead = defineRead(
  ({ regionId, layer }: RegionLayerParams) => queryKeys.regionLayer(regionId, layer),
  ({ regionId, layer }, signal): Promise<ApiResult<RegionLayers[RegionLayerName]>> =>
    fetchRegionLayer(regionId, layer, signal),
);

/** `GET /api/regions/:region/basemaps`. */
export const basemapsRead = defineRead(
  ({ regionId }: { regionId: string }) => queryKeys.basemaps(regionId),
  ({ regionId }, signal) => fetchBasemaps(regionId, signal),
);

export interface CoverageParams {
  regionId: string;
  speedMetersPerSecond: number;
  tiers: TierOverrides;
}

/** `GET /api/regions/:region/coverage`. */
export const coverageRead = defineRead(
  ({ regionId, speedMetersPerSecond, tiers }: CoverageParams) =>
    queryKeys.coverage(regionId, speedMetersPerSecond, tiers),
  ({ regionId, speedMetersPerSecond, tiers }, signal) =>
    fetchCoverage(regionId, speedMetersPerSecond, tiers, signal),
);

export interface HeatmapParams {
  regionId: string;
  query: HeatmapQuery;
}

/** `GET /api/regions/:region/heatmap?format=grid`. */
export const heatmapRead = defineRead(
  ({ regionId, query }: HeatmapParams) => queryKeys.heatmap(regionId, query),
  ({ regionId, query }, signal) => fetchHeatmap(regionId, query, signal),
);

export interface IsochronesParams {
  regionId: string;
  /** The request without its method: both methods are asked for. */
  request: Omit<IsochroneRequestBody, 'method'>;
}

export interface IsochronePair {
  network: IsochroneCollection;
  radius: IsochroneCollection;
}

/**
 * `POST /api/regions/:region/isochrones` (a read, though a POST): network isochrones and service
 * radii of one request together, so switching method or comparing is instant. Both fail alike for
 * a bad origin, so the pair fails as one (one notice).
 */
export const isochronesRead = defineRead(
  ({ regionId, request }: IsochronesParams) => queryKeys.isochrones(regionId, request),
  async ({ regionId, request }, signal): Promise<ApiResult<IsochronePair>> => {
    const [network, radius] = await Promise.all([
      fetchIsochrones(regionId, { ...request, method: 'network' }, signal),
      fetchIsochrones(regionId, { ...request, method: 'radius' }, signal),
    ]);
    if (!network.ok) return network;
    if (!radius.ok) return radius;
    return { ok: true, data: { network: network.data, radius: radius.data } };
  },
);

/** `GET /api/profiles`: every profile with its documents and rules (one answer for the app). */
export const profilesRead = defineRead(
  (_: Record<string, never>) => queryKeys.profiles(),
  (_, signal) => fetchProfiles(signal),
);

/** `GET /api/settings`. */
export const settingsRead = defineRead(
  (_: Record<string, never>) => queryKeys.settings(),
  (_, signal) => fetchSettings(signal),
);

export interface JudgedRegionParams {
  regionId: string;
  judging: Judging;
}

/** `GET /api/regions/:region/unit-adjacency?…judging`. */
export const unitAdjacencyRead = defineRead(
  ({ regionId, judging }: JudgedRegionParams) => queryKeys.unitAdjacency(regionId, judgingKey(judging)),
  ({ regionId, judging }, signal) => fetchUnitAdjacency(regionId, judgingQuery(judging), signal),
);

/** `GET /api/regions/:region/scenarios`. */
export const scenariosRead = defineRead(
  ({ regionId }: { regionId: string }) => queryKeys.scenarios(regionId),
  ({ regionId }, signal) => fetchScenarios(regionId, signal),
);

export interface ScenarioParams {
  regionId: string;
  scenarioId: ScenarioOrBaseline;
}

/** `GET /api/scenarios/:id/state` (or the baseline's). */
export const scenarioStateRead = defineRead(
  ({ regionId, scenarioId }: ScenarioParams) => queryKeys.scenarioState(regionId, scenarioId),
  ({ regionId, scenarioId }, signal) => fetchScenarioState(regionId, scenarioId, signal),
);

/** `GET /api/scenarios/:id/versions`, listed at the saved version the client holds. */
export const scenarioVersionsRead = defineRead(
  ({ regionId, scenarioId, version }: { regionId: string; scenarioId: string; version: number }) =>
    queryKeys.scenarioVersions(regionId, scenarioId, version),
  ({ scenarioId }, signal) => fetchScenarioVersions(scenarioId, signal),
);

/** `GET /api/scenarios/:id/versions/:version/state`. */
export const scenarioVersionStateRead = defineRead(
  ({ regionId, scenarioId, version }: { regionId: string; scenarioId: string; version: number }) =>
    queryKeys.scenarioVersionState(regionId, scenarioId, version),
  ({ scenarioId, version }, signal) => fetchScenarioVersionState(scenarioId, version, signal),
);

export interface SavedScenarioParams extends ScenarioParams {
  /** The saved version read (null for the baseline). */
  version: number | null;
  judging: Judging;
}

/** `GET /api/scenarios/:id/communities?…judging` (or the baseline's). */
export const scenarioCommunitiesRead = defineRead(
  ({ regionId, scenarioId, judging, version }: SavedScenarioParams) =>
    queryKeys.scenarioCommunities(regionId, scenarioId, version, judgingKey(judging)),
  ({ regionId, scenarioId, judging }, signal) =>
    fetchScenarioCommunities(regionId, scenarioId, judgingQuery(judging), signal),
);

export interface ComparisonParams {
  regionId: string;
  scenarioId: string;
  version: number;
  withId: ScenarioOrBaseline;
  withVersion: number | null;
  judging: Judging;
}

/** `GET /api/scenarios/:id/compare?with=&…judging`. */
export const scenarioComparisonRead = defineRead(
  ({ regionId, scenarioId, version, withId, withVersion, judging }: ComparisonParams) =>
    queryKeys.scenarioComparison(regionId, scenarioId, version, withId, withVersion, judgingKey(judging)),
  ({ scenarioId, withId, judging }, signal) =>
    fetchScenarioComparison(scenarioId, withId, judgingQuery(judging), signal),
);

export interface VillageCandidatesParams extends SavedScenarioParams {
  /** The type every village is held to; null: each its own application (else urban). */
  asType: ConversionTargetType | null;
}

/** `GET /api/scenarios/:id/village-candidates?…judging&as=` (or the baseline's). */
export const villageCandidatesRead = defineRead(
  ({ regionId, scenarioId, version, judging, asType }: VillageCandidatesParams) =>
    queryKeys.villageCandidates(regionId, scenarioId, version, asType, judgingKey(judging)),
  ({ regionId, scenarioId, judging, asType }, signal) =>
    fetchVillageCandidates(regionId, scenarioId, judgingQuery(judging), asType, signal),
);

/** `GET /api/scenarios/:id/relocation-advice?…judging` (or the baseline's). */
export const relocationAdviceRead = defineRead(
  ({ regionId, scenarioId, version, judging }: SavedScenarioParams) =>
    queryKeys.relocationAdvice(regionId, scenarioId, version, judgingKey(judging)),
  ({ regionId, scenarioId, judging }, signal) =>
    fetchRelocationAdvice(regionId, scenarioId, judgingQuery(judging), signal),
);

/** A saved version of an open scenario (the reads below are keyed by it). */
export interface SavedVersionParams {
  regionId: string;
  scenarioId: string;
  version: number;
}

/** `GET /api/scenarios/:id/facilities` of a saved version. */
export const scenarioFacilitiesRead = defineRead(
  ({ regionId, scenarioId, version }: SavedVersionParams) =>
    queryKeys.scenarioLayer(regionId, scenarioId, version, 'facilities'),
  ({ scenarioId }, signal) => fetchScenarioFacilities(scenarioId, signal),
);

/** `GET /api/scenarios/:id/paths` of a saved version. */
export const scenarioPathsRead = defineRead(
  ({ regionId, scenarioId, version }: SavedVersionParams) =>
    queryKeys.scenarioLayer(regionId, scenarioId, version, 'paths'),
  ({ scenarioId }, signal) => fetchScenarioPaths(scenarioId, signal),
);

/** `GET /api/scenarios/:id/reach?…judging` of a saved version. */
export const scenarioReachRead = defineRead(
  ({ regionId, scenarioId, version, judging }: SavedVersionParams & { judging: Judging }) =>
    queryKeys.scenarioReach(regionId, scenarioId, version, judgingKey(judging)),
  ({ scenarioId, judging }, signal) => fetchScenarioReach(scenarioId, judgingQuery(judging), signal),
);

/** `GET /api/scenarios/:id/coverage` of a saved version. */
export const scenarioCoverageRead = defineRead(
  ({ regionId, scenarioId, version, speedMetersPerSecond, tiers }: SavedVersionParams & CoverageParams) =>
    queryKeys.scenarioCoverage(regionId, scenarioId, version, speedMetersPerSecond, tiers),
  ({ scenarioId, speedMetersPerSecond, tiers }, signal) =>
    fetchScenarioCoverage(scenarioId, speedMetersPerSecond, tiers, signal),
);

/** `GET /api/scenarios/:id/heatmap?format=grid` of a saved version. */
export const scenarioHeatmapRead = defineRead(
  ({ regionId, scenarioId, version, query }: SavedVersionParams & HeatmapParams) =>
    queryKeys.scenarioHeatmap(regionId, scenarioId, version, query),
  ({ scenarioId, query }, signal) => fetchScenarioHeatmap(scenarioId, query, signal),
);

/** `POST /api/scenarios/:id/isochrones` of a saved version: network isochrones and service radii together. */
export const scenarioIsochronesRead = defineRead(
  ({ regionId, scenarioId, version, request }: SavedVersionParams & IsochronesParams) =>
    queryKeys.scenarioIsochrones(regionId, scenarioId, version, request),
  async ({ scenarioId, request }, signal): Promise<ApiResult<IsochronePair>> => {
    const [network, radius] = await Promise.all([
      fetchScenarioIsochrones(scenarioId, { ...request, method: 'network' }, signal),
      fetchScenarioIsochrones(scenarioId, { ...request, method: 'radius' }, signal),
    ]);
    if (!network.ok) return network;
    if (!radius.ok) return radius;
    return { ok: true, data: { network: network.data, radius: radius.data } };
  },
);

// The hooks, named as hooks so React's rules of hooks apply to their callers.
export const useRegionsRead = regionsRead.use;
export const useBasemapsRead = basemapsRead.use;
export const useProfilesRead = profilesRead.use;
export const useSettingsRead = settingsRead.use;
export const useCoverageRead = coverageRead.use;
export const useHeatmapRead = heatmapRead.use;
export const useIsochronesRead = isochronesRead.use;
export const useUnitAdjacencyRead = unitAdjacencyRead.use;
export const useScenariosRead = scenariosRead.use;
export const useScenarioStateRead = scenarioStateRead.use;
export const useScenarioVersionsRead = scenarioVersionsRead.use;
export const useScenarioVersionStateRead = scenarioVersionStateRead.use;
export const useScenarioCommunitiesRead = scenarioCommunitiesRead.use;
export const useScenarioComparisonRead = scenarioComparisonRead.use;
export const useVillageCandidatesRead = villageCandidatesRead.use;
export const useRelocationAdviceRead = relocationAdviceRead.use;
export const useScenarioFacilitiesRead = scenarioFacilitiesRead.use;
export const useScenarioPathsRead = scenarioPathsRead.use;
export const useScenarioReachRead = scenarioReachRead.use;
export const useScenarioCoverageRead = scenarioCoverageRead.use;
export const useScenarioHeatmapRead = scenarioHeatmapRead.use;
export const useScenarioIsochronesRead = scenarioIsochronesRead.use;
