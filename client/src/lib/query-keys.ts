/**
 * Every key of the client's cached reads (lib/reads.ts), in one place. Everything read about a
 * region starts with `regionScope(regionId)`, so an import into the region drops all of it at once;
 * everything read about a scenario starts with `scenarioScope(regionId, scenarioId)`. Answers that
 * depend on a scenario's saved version carry that version, so a save asks for them again (as the
 * version changes) without any list of what to drop. The region list stands apart: an import into
 * a region does not change it, and reading it again would refit the map to a region it already shows.
 */
import type { HeatmapQuery, TierOverrides } from './api';
import type { IsochroneRequestBody, RegionLayerName } from './api-types';

export type RegionScope = readonly ['region', string];
export type ScenarioScope = readonly ['region', string, 'scenario', string];

/** A scenario's id, or `baseline` for the region as it is. */
export type ScenarioOrBaseline = string;

export const queryKeys = {
  regions: () => ['regions'] as const,
  regionScope: (regionId: string): RegionScope => ['region', regionId],
  regionLayer: (regionId: string, layer: RegionLayerName) => ['region', regionId, 'layer', layer] as const,
  coverage: (regionId: string, speedMetersPerSecond: number, tiers: TierOverrides) =>
    ['region', regionId, 'coverage', speedMetersPerSecond, tiers] as const,
  heatmap: (regionId: string, query: HeatmapQuery) => ['region', regionId, 'heatmap', query] as const,
  /** Network isochrones and service radii of one request, read together. */
  isochrones: (regionId: string, request: Omit<IsochroneRequestBody, 'method'>) =>
    ['region', regionId, 'isochrones', request] as const,
  unitAdjacency: (regionId: string) => ['region', regionId, 'unit-adjacency'] as const,
  scenarios: (regionId: string) => ['region', regionId, 'scenarios'] as const,
  scenarioScope: (regionId: string, scenarioId: ScenarioOrBaseline): ScenarioScope => [
    'region',
    regionId,
    'scenario',
    scenarioId,
  ],
  scenarioState: (regionId: string, scenarioId: ScenarioOrBaseline) =>
    ['region', regionId, 'scenario', scenarioId, 'state'] as const,
  /** `version` is the saved version read (null for the baseline, which changes only by import). */
  scenarioCommunities: (
    regionId: string,
    scenarioId: ScenarioOrBaseline,
    profile: string,
    version: number | null,
  ) => ['region', regionId, 'scenario', scenarioId, 'communities', profile, version] as const,
  scenarioComparison: (
    regionId: string,
    scenarioId: string,
    version: number,
    withId: ScenarioOrBaseline,
    withVersion: number | null,
    profile: string,
  ) =>
    ['region', regionId, 'scenario', scenarioId, 'compare', version, withId, withVersion, profile] as const,
  villageCandidates: (
    regionId: string,
    scenarioId: ScenarioOrBaseline,
    version: number | null,
    profile: string,
    asType: 'urban' | 'fringe',
  ) => ['region', regionId, 'scenario', scenarioId, 'village-candidates', version, profile, asType] as const,
  relocationAdvice: (
    regionId: string,
    scenarioId: ScenarioOrBaseline,
    version: number | null,
    profile: string,
  ) => ['region', regionId, 'scenario', scenarioId, 'relocation-advice', version, profile] as const,
};
