/**
 * State of the accessibility panel and the reads it drives (lib/reads.ts): isochrones (network and
 * service radii together, so switching method or comparing is instant), region coverage and heat
 * maps, the last two only while the coverage view is open. While a scenario is open they are the
 * scenario's (`/api/scenarios/:id/…`, its saved version: its facilities, paths and communities);
 * otherwise the region's. Answers are cached, so going back to an earlier choice shows it at once;
 * failures are reported by the cache.
 */
import { useEffect, useMemo, useState } from 'react';
import type { HeatmapQuery, TierOverrides } from '../../lib/api';
import type {
  AccessMethod,
  CoverageResult,
  HeatmapGrid,
  IsochroneCollection,
  Position,
} from '../../lib/api-types';
import {
  useCoverageRead,
  useHeatmapRead,
  useIsochronesRead,
  useScenarioCoverageRead,
  useScenarioHeatmapRead,
  useScenarioIsochronesRead,
} from '../../lib/reads';
import type { FacilityCategoryId } from '../../lib/standards';
import { WALK_SPEED_METERS_PER_SECOND, validateWalkSpeed, type WalkingProfile } from '../../lib/walking';
import { DEFAULT_ISOCHRONE_MINUTES } from './minutes-list';

export type AnalysisView = 'isochrones' | 'coverage';
/** What the map shows: network isochrones, service radii, or both (radius outlines over network fill). */
export type IsochroneMethod = AccessMethod | 'compare';
export type SpeedProfile = WalkingProfile | 'custom';
/** The heat map's subject: walking minutes to a category, or life-circle completeness. */
export type HeatmapSubject = FacilityCategoryId | 'completeness';
export const HEATMAP_CELL_METERS = [25, 50, 100] as const;
export type HeatmapCellMeters = (typeof HEATMAP_CELL_METERS)[number];
export const DEFAULT_HEATMAP_CELL_METERS: HeatmapCellMeters = 50;
/**
 * Travel-time heat maps are asked up to 60 minutes (the API's maximum), so the legend's "> 30"
 * class holds real cells and only places beyond an hour or off the network stay blank.
 */
export const HEATMAP_MAX_MINUTES = 60;

export type IsochroneOrigin =
  { kind: 'facility'; id: string; position: Position } | { kind: 'point'; position: Position };

/** The open scenario the analyses follow (its saved version), or null for the region's own. */
export interface AnalysedScenario {
  id: string;
  version: number;
  name: string;
}

export interface IsochroneResults {
  network: IsochroneCollection | null;
  radius: IsochroneCollection | null;
  pending: boolean;
}

export interface AccessibilityState {
  view: AnalysisView;
  setView: (view: AnalysisView) => void;
  profile: SpeedProfile;
  setProfile: (profile: SpeedProfile) => void;
  customSpeedText: string;
  setCustomSpeedText: (text: string) => void;
  /** The walking speed in use (m/s), or null while a custom speed is invalid. */
  speedMetersPerSecond: number | null;
  minutes: readonly number[];
  setMinutes: (minutes: readonly number[]) => void;
  method: IsochroneMethod;
  setMethod: (method: IsochroneMethod) => void;
  origin: IsochroneOrigin | null;
  setOrigin: (origin: IsochroneOrigin | null) => void;
  isochrones: IsochroneResults;
  subject: HeatmapSubject | null;
  setSubject: (subject: HeatmapSubject | null) => void;
  cellMeters: HeatmapCellMeters;
  setCellMeters: (cellMeters: HeatmapCellMeters) => void;
  heatmap: { grid: HeatmapGrid | null; pending: boolean };
  coverage: { result: CoverageResult | null; pending: boolean };
  /** Whether the uncovered units of the heat map's category are marked on the map. */
  showUncovered: boolean;
  setShowUncovered: (show: boolean) => void;
  /** Tiers (minutes) the user set per category in place of the standards' defaults. */
  tierOverrides: TierOverrides;
  setTierOverrides: (overrides: TierOverrides) => void;
  /** The region analysed, and the heat map's request as sent (for export links). */
  regionId: string | null;
  /** The scenario analysed instead of the region, or null. */
  scenario: AnalysedScenario | null;
  heatmapQuery: HeatmapQuery | null;
}

/**
 * @param regionId the region analysed (null while none is loaded)
 * @param active whether the accessibility panel is open: coverage and heat maps load only then
 * @param scenario the open scenario, whose saved version the analyses then run on
 */
export function useAccessibility(
  regionId: string | null,
  active: boolean,
  scenario: AnalysedScenario | null = null,
): AccessibilityState {
  const [view, setView] = useState<AnalysisView>('isochrones');
  const [profile, setProfile] = useState<SpeedProfile>('adult');
  const [customSpeedText, setCustomSpeedText] = useState('1.2');
  const [minutes, setMinutes] = useState<readonly number[]>(DEFAULT_ISOCHRONE_MINUTES);
  const [method, setMethod] = useState<IsochroneMethod>('network');
  const [origin, setOrigin] = useState<IsochroneOrigin | null>(null);
  const [subject, setSubject] = useState<HeatmapSubject | null>(null);
  const [cellMeters, setCellMeters] = useState<HeatmapCellMeters>(DEFAULT_HEATMAP_CELL_METERS);
  const [showUncovered, setShowUncovered] = useState(true);
  const [tierOverrides, setTierOverrides] = useState<TierOverrides>({});

  const speedMetersPerSecond = useMemo(() => {
    if (profile !== 'custom') return WALK_SPEED_METERS_PER_SECOND[profile];
    const text = customSpeedText.trim();
    if (text === '') return null;
    const checked = validateWalkSpeed(Number(text));
    return checked.ok ? checked.speedMetersPerSecond : null;
  }, [profile, customSpeedText]);

  // Another region: nothing computed for the last one applies.
  useEffect(() => {
    setOrigin(null);
    setSubject(null);
    setTierOverrides({});
  }, [regionId]);

  const isochroneRequest =
    regionId && origin && speedMetersPerSecond !== null
      ? {
          regionId,
          request: {
            ...(origin.kind === 'facility' ? { facilityIds: [origin.id] } : { origins: [origin.position] }),
            minutes: [...minutes],
            speedMetersPerSecond,
            mode: 'rings' as const,
          },
        }
      : null;
  const scenarioKey = scenario ? { scenarioId: scenario.id, version: scenario.version } : null;
  const regionIsochroneRead = useIsochronesRead(scenarioKey ? null : isochroneRequest);
  const scenarioIsochroneRead = useScenarioIsochronesRead(
    scenarioKey && isochroneRequest ? { ...isochroneRequest, ...scenarioKey } : null,
  );
  const isochroneRead = scenarioKey ? scenarioIsochroneRead : regionIsochroneRead;
  // A refused origin (off the network, outside the region) is dropped; the cache has shown the notice.
  const isochroneFailed = isochroneRead.error !== null;
  useEffect(() => {
    if (isochroneFailed) setOrigin(null);
  }, [isochroneFailed]);
  const isochronePair = isochroneRead.data;
  const isochrones = useMemo<IsochroneResults>(
    () => ({
      network: isochronePair?.network ?? null,
      radius: isochronePair?.radius ?? null,
      pending: isochroneRead.loading,
    }),
    [isochronePair, isochroneRead.loading],
  );

  const analysing = active && view === 'coverage' && regionId !== null && speedMetersPerSecond !== null;
  const coverageRequest =
    analysing && regionId && speedMetersPerSecond !== null
      ? { regionId, speedMetersPerSecond, tiers: tierOverrides }
      : null;
  const regionCoverageRead = useCoverageRead(scenarioKey ? null : coverageRequest);
  const scenarioCoverageRead = useScenarioCoverageRead(
    scenarioKey && coverageRequest ? { ...coverageRequest, ...scenarioKey } : null,
  );
  const coverageRead = scenarioKey ? scenarioCoverageRead : regionCoverageRead;
  const coverage = useMemo(
    () => ({ result: coverageRead.data ?? null, pending: coverageRead.loading }),
    [coverageRead.data, coverageRead.loading],
  );

  const heatmapQuery = useMemo<HeatmapQuery | null>(() => {
    if (!subject || speedMetersPerSecond === null) return null;
    return subject === 'completeness'
      ? { kind: 'completeness', speedMetersPerSecond, cellMeters, tiers: tierOverrides }
      : {
          kind: 'travel-time',
          category: subject,
          speedMetersPerSecond,
          cellMeters,
          maxMinutes: HEATMAP_MAX_MINUTES,
        };
  }, [subject, speedMetersPerSecond, cellMeters, tierOverrides]);
  const heatmapRequest = analysing && regionId && heatmapQuery ? { regionId, query: heatmapQuery } : null;
  const regionHeatmapRead = useHeatmapRead(scenarioKey ? null : heatmapRequest);
  const scenarioHeatmapRead = useScenarioHeatmapRead(
    scenarioKey && heatmapRequest ? { ...heatmapRequest, ...scenarioKey } : null,
  );
  const heatmapRead = scenarioKey ? scenarioHeatmapRead : regionHeatmapRead;
  const heatmap = useMemo(
    () => ({ grid: heatmapRead.data ?? null, pending: heatmapRead.loading }),
    [heatmapRead.data, heatmapRead.loading],
  );

  return {
    view,
    setView,
    profile,
    setProfile,
    customSpeedText,
    setCustomSpeedText,
    speedMetersPerSecond,
    minutes,
    setMinutes,
    method,
    setMethod,
    origin,
    setOrigin,
    isochrones,
    subject,
    setSubject,
    cellMeters,
    setCellMeters,
    heatmap,
    coverage,
    showUncovered,
    setShowUncovered,
    tierOverrides,
    setTierOverrides,
    regionId,
    scenario,
    heatmapQuery,
  };
}
