/**
 * Every key of the client's cached reads (lib/reads.ts), in one place. Everything read about a
 * region starts with `regionScope(regionId)`, so an import into the region drops all of it at once;
 * everything read about a scenario starts with `scenarioScope(regionId, scenarioId)`. Answers that
 * depend on a scenario's saved version carry that version, so a save asks for them again (as the
 * version changes) without any list of what to drop. The region list stands apart: an import into
 * a region does not change it, and reading it again would refit the map to a region it already shows.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { HeatmapQuery, TierOverrides } from './api';
import type { IsochroneRequestBody, RegionLayerName } from './api-types';

export type RegionScope = readonly ['region', string];
export type ScenarioScope = readonly ['region', string, 'scenario', string];

/** A scenario's id, or `baseline` for the region as it is. */
export type ScenarioOrBaseline = string;

/** A judging as a key part (lib/judging.ts judgingKey): profile and its origin, speed, tiers, settings. */
export type JudgingKey = readonly (string | number)[];

/** The kinds of read whose answer is a judgement (they follow the region's stored profile). */
const JUDGING_READS: readonly string[] = [
  'unit-adjacency',
  'reach',
  'communities',
  'compare',
  'village-candidates',
  'relocation-advice',
];

export const queryKeys = {
  regions: () => ['regions'] as const,
  regionScope: (regionId: string): RegionScope => ['region', regionId],
  regionLayer: (regionId: string, layer: RegionLayerName) => ['region', regionId, 'layer', layer] as const,
  basemaps: (regionId: string) => ['region', regionId, 'basemaps'] as const,
  coverage: (regionId: string, speedMetersPerSecond: number, tiers: TierOverrides) =>
    ['region', regionId, 'coverage', speedMetersPerSecond, tiers] as const,
  heatmap: (regionId: string, query: HeatmapQuery) => ['region', regionId, 'heatmap', query] as const,
  /** Network isochrones and service radii of one request, read together. */
  isochrones: (regionId: string, request: Omit<IsochroneRequestBody, 'method'>) =>
    ['region', regionId, 'isochrones', request] as const,
  /** Walking reach comes with the judging, so the answer is keyed by it. */
  unitAdjacency: (regionId: string, judging: JudgingKey) =>
    ['region', regionId, 'unit-adjacency', ...judging] as const,
  profiles: () => ['profiles'] as const,
  /** The bureau-wide settings (the issuing unit the dashboard prints). */
  settings: () => ['settings'] as const,
  scenarios: (regionId: string) => ['region', regionId, 'scenarios'] as const,
  scenarioScope: (regionId: string, scenarioId: ScenarioOrBaseline): ScenarioScope => [
    'region',
    regionId,
    'scenario',
    scenarioId,
  ],
  scenarioState: (regionId: string, scenarioId: ScenarioOrBaseline) =>
    ['region', regionId, 'scenario', scenarioId, 'state'] as const,
  /** Every version of a scenario, as listed when it was at `version` (a save lists one more). */
  scenarioVersions: (regionId: string, scenarioId: string, version: number) =>
    ['region', regionId, 'scenario', scenarioId, 'versions', version] as const,
  /** A version's state never changes once saved. */
  scenarioVersionState: (regionId: string, scenarioId: string, version: number) =>
    ['region', regionId, 'scenario', scenarioId, 'version-state', version] as const,
  /** `version` is the saved version read (null for the baseline, which changes only by import). */
  scenarioCommunities: (
    regionId: string,
    scenarioId: ScenarioOrBaseline,
    version: number | null,
    judging: JudgingKey,
  ) => ['region', regionId, 'scenario', scenarioId, 'communities', version, ...judging] as const,
  scenarioComparison: (
    regionId: string,
    scenarioId: string,
    version: number,
    withId: ScenarioOrBaseline,
    withVersion: number | null,
    judging: JudgingKey,
  ) =>
    [
      'region',
      regionId,
      'scenario',
      scenarioId,
      'compare',
      version,
      withId,
      withVersion,
      ...judging,
    ] as const,
  /** `asType` null: each village held to its own application. */
  villageCandidates: (
    regionId: string,
    scenarioId: ScenarioOrBaseline,
    version: number | null,
    asType: string | null,
    judging: JudgingKey,
  ) =>
    ['region', regionId, 'scenario', scenarioId, 'village-candidates', version, asType, ...judging] as const,
  /** A saved version's facilities or paths (`kind`), as the scenario's layer edits left them. */
  scenarioLayer: (regionId: string, scenarioId: string, version: number, kind: 'facilities' | 'paths') =>
    ['region', regionId, 'scenario', scenarioId, kind, version] as const,
  /** A saved version's facilities and walking reach for the client's evaluator, under a judging. */
  scenarioReach: (regionId: string, scenarioId: string, version: number, judging: JudgingKey) =>
    ['region', regionId, 'scenario', scenarioId, 'reach', version, ...judging] as const,
  /** The scenario analyses of a saved version: as the region's, under the scenario's scope. */
  scenarioCoverage: (
    regionId: string,
    scenarioId: string,
    version: number,
    speedMetersPerSecond: number,
    tiers: TierOverrides,
  ) =>
    ['region', regionId, 'scenario', scenarioId, 'coverage', version, speedMetersPerSecond, tiers] as const,
  scenarioHeatmap: (regionId: string, scenarioId: string, version: number, query: HeatmapQuery) =>
    ['region', regionId, 'scenario', scenarioId, 'heatmap', version, query] as const,
  scenarioIsochrones: (
    regionId: string,
    scenarioId: string,
    version: number,
    request: Omit<IsochroneRequestBody, 'method'>,
  ) => ['region', regionId, 'scenario', scenarioId, 'isochrones', version, request] as const,
  relocationAdvice: (
    regionId: string,
    scenarioId: ScenarioOrBaseline,
    version: number | null,
    judging: JudgingKey,
  ) => ['region', regionId, 'scenario', scenarioId, 'relocation-advice', version, ...judging] as const,
};

/**
 * Whether a key is a judgement about the region (its unit reach, a scenario's communities, comparison
 * or advice): what a change of the region's stored profile makes out of date.
 */
export function isJudgingKey(key: QueryKey, regionId: string): boolean {
  if (key[0] !== 'region' || key[1] !== regionId) return false;
  const kind = key[2] === 'scenario' ? key[4] : key[2];
  return typeof kind === 'string' && JUDGING_READS.includes(kind);
}
