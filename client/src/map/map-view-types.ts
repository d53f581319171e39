/**
 * What the features hand the map (map-view.tsx): the accessibility analysis to draw, the scenario
 * screen's layers and tools, requests to frame a place, and where a click starts isochrones.
 */
import type { Layer } from '@deck.gl/core';
import type {
  AccessBandFeature,
  CommunityFeature,
  HeatmapGrid,
  Position,
  UnitFeature,
} from '../lib/api-types';
import type { BandFill } from './accessibility-layers';
import type { DrawingCallbacks, DrawingTool } from './drawing-tool';

/** Where a map click in the isochrone tool starts the walk: a facility (by id) or the clicked point. */
export type MapClickOrigin =
  { kind: 'facility'; id: string; position: Position } | { kind: 'point'; position: Position };

/** What the accessibility analysis draws on the map (features/accessibility prepares it). */
export interface MapAnalysis {
  /** Map clicks start isochrones instead of selecting communities and facilities. */
  clickForIsochrones: boolean;
  bands: readonly BandFill[];
  radiusOutlines: readonly AccessBandFeature[];
  origins: readonly Position[];
  heatmap: HeatmapGrid | null;
  uncoveredUnits: readonly UnitFeature[];
  /** Only facilities of this category are drawn (the heat map's subject), or all when null. */
  facilityCategory: string | null;
}

/** The comparison's swipe: `others` west of the handle, the map's communities east of it. */
export interface MapSwipe {
  /** Where the handle stands, 0 (left edge) – 1 (right edge) of the map. */
  fraction: number;
  onFraction: (fraction: number) => void;
  others: readonly CommunityFeature[];
  leftLabel: string;
  rightLabel: string;
}

/** The scenario screen's part of the map (features/scenarios prepares it). */
export interface ScenarioMapInput {
  /** Layers over the communities (`below`) and over everything but labels (`above`). */
  layers: { below: Layer[]; above: Layer[] };
  /** Every unit, outlined by MapLibre beneath the analytic layers while editing; null hides the grid. */
  unitGrid: readonly UnitFeature[] | null;
  /** The drawing tool in use; null lets clicks select communities as usual. */
  tool: DrawingTool | null;
  callbacks: DrawingCallbacks;
  swipe: MapSwipe | null;
}

/** A request to frame a bbox `[west, south, east, north]`; `key` changes for each new request. */
export interface ZoomRequest {
  bbox: [number, number, number, number];
  key: number;
}
