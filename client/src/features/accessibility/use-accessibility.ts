/**
 * State of the accessibility panel and the requests it drives: isochrones (network and service
 * radii together, so switching method or comparing is instant), region coverage and heat maps.
 * Every request is aborted when a newer one replaces it; failures go to lib/notices.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  fetchCoverage,
  fetchHeatmap,
  fetchIsochrones,
  type HeatmapQuery,
  type TierOverrides,
} from '../../lib/api';
import type {
  AccessMethod,
  CoverageResult,
  HeatmapGrid,
  IsochroneCollection,
  Position,
} from '../../lib/api-types';
import { reportError } from '../../lib/notices';
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
  heatmapQuery: HeatmapQuery | null;
}

const NO_ISOCHRONES: IsochroneResults = { network: null, radius: null, pending: false };

/**
 * @param regionId the region analysed (null while none is loaded)
 * @param active whether the accessibility panel is open: coverage and heat maps load only then
 */
export function useAccessibility(regionId: string | null, active: boolean): AccessibilityState {
  const [view, setView] = useState<AnalysisView>('isochrones');
  const [profile, setProfile] = useState<SpeedProfile>('adult');
  const [customSpeedText, setCustomSpeedText] = useState('1.2');
  const [minutes, setMinutes] = useState<readonly number[]>(DEFAULT_ISOCHRONE_MINUTES);
  const [method, setMethod] = useState<IsochroneMethod>('network');
  const [origin, setOrigin] = useState<IsochroneOrigin | null>(null);
  const [isochrones, setIsochrones] = useState<IsochroneResults>(NO_ISOCHRONES);
  const [subject, setSubject] = useState<HeatmapSubject | null>(null);
  const [cellMeters, setCellMeters] = useState<HeatmapCellMeters>(DEFAULT_HEATMAP_CELL_METERS);
  const [showUncovered, setShowUncovered] = useState(true);
  const [tierOverrides, setTierOverrides] = useState<TierOverrides>({});
  const [heatmap, setHeatmap] = useState<{ grid: HeatmapGrid | null; pending: boolean }>({
    grid: null,
    pending: false,
  });
  const [coverage, setCoverage] = useState<{ result: CoverageResult | null; pending: boolean }>({
    result: null,
    pending: false,
  });

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

  useEffect(() => {
    if (!regionId || !origin || speedMetersPerSecond === null) {
      setIsochrones(NO_ISOCHRONES);
      return;
    }
    const controller = new AbortController();
    setIsochrones({ network: null, radius: null, pending: true });
    const where = origin.kind === 'facility' ? { facilityIds: [origin.id] } : { origins: [origin.position] };
    const request = (accessMethod: AccessMethod) =>
      fetchIsochrones(
        regionId,
        { ...where, minutes: [...minutes], speedMetersPerSecond, mode: 'rings', method: accessMethod },
        controller.signal,
      );
    void Promise.all([request('network'), request('radius')]).then(([network, radius]) => {
      if (controller.signal.aborted) return;
      // Both answers fail alike for a bad origin: one notice is enough.
      const failure = !network.ok ? network.error : !radius.ok ? radius.error : null;
      if (failure) {
        reportError(failure);
        setIsochrones(NO_ISOCHRONES);
        setOrigin(null);
        return;
      }
      setIsochrones({
        network: network.ok ? network.data : null,
        radius: radius.ok ? radius.data : null,
        pending: false,
      });
    });
    return () => controller.abort();
  }, [regionId, origin, minutes, speedMetersPerSecond]);

  const analysing = active && view === 'coverage' && regionId !== null && speedMetersPerSecond !== null;

  useEffect(() => {
    if (!analysing || !regionId || speedMetersPerSecond === null) return;
    const controller = new AbortController();
    setCoverage({ result: null, pending: true });
    void fetchCoverage(regionId, speedMetersPerSecond, tierOverrides, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) reportError(result.error);
      setCoverage({ result: result.ok ? result.data : null, pending: false });
    });
    return () => controller.abort();
  }, [analysing, regionId, speedMetersPerSecond, tierOverrides]);

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

  useEffect(() => {
    if (!analysing || !regionId || !heatmapQuery) {
      setHeatmap({ grid: null, pending: false });
      return;
    }
    const controller = new AbortController();
    setHeatmap({ grid: null, pending: true });
    void fetchHeatmap(regionId, heatmapQuery, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) reportError(result.error);
      setHeatmap({ grid: result.ok ? result.data : null, pending: false });
    });
    return () => controller.abort();
  }, [analysing, regionId, heatmapQuery]);

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
    heatmapQuery,
  };
}
