/**
 * Shapes of the API's answers (data/geojson/README.md is the property contract).
 * Coordinates are GeoJSON [lng, lat] in EPSG:4326.
 */
import type { CommunityTypeId, FacilityCategoryId } from './standards';
import type {
  AccessBandProperties,
  AccessMethod,
  CoverageResult as CoreCoverageResult,
} from '../../../core/accessibility/accessibility-types';
import type { RelocationAdviceReport } from '../../../core/scenario/relocation-advice';
export type { ScenarioSummary } from '../../../core/scenario/scenario-summary';
import type { CommunityRecord } from '../../../core/scenario/scenario-evaluator';
import type { VillageConversionReport } from '../../../core/scenario/village-conversion';
import type { RuleResult, RuleStatus, SurveyedFigures } from '../../../core/standards/evaluate-rules';

// Where an answer is exactly what core computes, the client names core's type rather than restating it.
export type {
  AccessBandProperties,
  AccessMethod,
  CategoryCoverage,
} from '../../../core/accessibility/accessibility-types';
export type { RuleStatus } from '../../../core/standards/evaluate-rules';
export type { Bilingual } from '../../../core/standards/rules';
export type {
  CategoryReach as ConversionCategoryReach,
  RuleGap as ConversionRuleGap,
  SizeGap as ConversionSizeGap,
  TierReach as ConversionTierReach,
  VillageConversionEntry,
} from '../../../core/scenario/village-conversion';
export type {
  MergeCandidate as RelocationMergeCandidate,
  RelocationCommunityAdvice,
} from '../../../core/scenario/relocation-advice';

export type Position = [number, number];

export type PolygonGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export type PointGeometry = { type: 'Point'; coordinates: Position };
export type LineStringGeometry = { type: 'LineString'; coordinates: Position[] };

export interface Feature<G, P> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export interface Region {
  id: string;
  name: string;
  nameEn: string | null;
  /** [west, south, east, north] in degrees; null while the region holds no features. */
  bbox: [number, number, number, number] | null;
  synthetic: boolean;
  attribution: string | null;
  metricSrid: number;
}

export interface StreetProperties {
  id: string;
  name: string;
  nameEn: string;
  kind: 'street' | 'township';
}

/**
 * A community layer feature's properties: its own attributes, the survey's figures (core's SurveyedFigures;
 * agriculturalLandShare and developmentProgress are 0–1, villages only) and its units' sums.
 */
export interface CommunityProperties extends SurveyedFigures {
  id: string;
  name: string;
  nameEn: string;
  type: CommunityTypeId;
  streetId: string;
  streetName: string;
  residents: number;
  households: number;
  isTownshipSeat: boolean;
}

export type UnitKind = 'estate' | 'block' | 'hamlet' | 'open';

export interface UnitProperties {
  id: string;
  name: string;
  kind: UnitKind;
  communityId: string;
  communityName: string;
  residents: number;
  households: number;
  elderly: number | null;
  children: number | null;
  /** Where residents step onto the network, [lng, lat]. */
  accessPoint: Position;
  /** True where residents were estimated (e.g. from building footprints in an OSM import), not counted. */
  estimated?: boolean;
}

export interface FacilityProperties {
  id: string;
  name: string;
  category: FacilityCategoryId;
  communityId: string;
  communityName: string;
  floorAreaSquareMeters: number | null;
  capacity: number | null;
}

export type NetworkClass = 'arterial' | 'street' | 'alley' | 'footway' | 'steps' | 'track';

export interface NetworkProperties {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
  class: NetworkClass;
  bridge: boolean;
}

export interface WaterProperties {
  id: string;
  name: string;
  kind: 'river' | 'pond';
}

export type StreetFeature = Feature<PolygonGeometry, StreetProperties>;
export type CommunityFeature = Feature<PolygonGeometry, CommunityProperties>;
export type UnitFeature = Feature<PolygonGeometry, UnitProperties>;
export type FacilityFeature = Feature<PointGeometry, FacilityProperties>;
export type NetworkFeature = Feature<LineStringGeometry, NetworkProperties>;

/** The region layers the API serves, by path segment. */
export interface RegionLayers {
  streets: FeatureCollection<PolygonGeometry, StreetProperties>;
  communities: FeatureCollection<PolygonGeometry, CommunityProperties>;
  units: FeatureCollection<PolygonGeometry, UnitProperties>;
  facilities: FeatureCollection<PointGeometry, FacilityProperties>;
  network: FeatureCollection<LineStringGeometry, NetworkProperties>;
  water: FeatureCollection<PolygonGeometry, WaterProperties>;
}

export type RegionLayerName = keyof RegionLayers;

export const REGION_LAYER_NAMES: readonly RegionLayerName[] = [
  'streets',
  'communities',
  'facilities',
  'units',
  'network',
  'water',
];

/* ---------------------------------------------------------------- accessibility (issue 3 contract) */

export type AccessBandFeature = Feature<
  { type: 'MultiPolygon'; coordinates: Position[][][] },
  AccessBandProperties
>;

/** `POST /api/regions/:region/isochrones`: one band per minutes value, ascending. */
export interface IsochroneCollection extends FeatureCollection<
  AccessBandFeature['geometry'],
  AccessBandProperties
> {
  /** The origins as used (snapped onto the network for the network method), [lng, lat]. */
  origins: Position[];
  speedMetersPerSecond: number;
}

export interface IsochroneRequestBody {
  origins?: Position[];
  facilityIds?: string[];
  minutes: number[];
  speedMetersPerSecond: number;
  mode: 'rings' | 'disks';
  method: AccessMethod;
}

/** `GET /api/regions/:region/coverage`: core's coverage with the tier table it applied. */
export interface CoverageResult extends CoreCoverageResult {
  /** The tier table applied, category → minutes (null: no tier). */
  tiers: Record<string, number | null>;
}

export type HeatmapKind = 'travel-time' | 'completeness';

/** `GET /api/regions/:region/heatmap?format=grid`: row-major values, row 0 the southmost row. */
export interface HeatmapGrid {
  kind: HeatmapKind;
  category: string | null;
  speedMetersPerSecond: number;
  cellMeters: number;
  columns: number;
  rows: number;
  /** Outer edges of the grid, [west, south, east, north] degrees. */
  bbox: [number, number, number, number];
  maxMinutes?: number;
  /** Minutes (travel-time, 0.1 precision) or reached-category count (completeness); null off the network. */
  values: (number | null)[];
  /** Completeness only: the categories counted. */
  categories?: string[];
}

/* ---------------------------------------------------------------- scenarios (issue 4 contract) */

/** `GET /api/regions/:region/unit-adjacency`: what the client's own ScenarioEvaluator runs on, by unit index. */
export interface UnitAdjacencyAnswer {
  regionId: string;
  metricSrid: number;
  unitIds: string[];
  residents: number[];
  households: number[];
  elderly: number[];
  children: number[];
  /** In the region's metric SRID. */
  areaSquareMeters: number[];
  perimeterMeters: number[];
  unitA: number[];
  unitB: number[];
  sharedMeters: number[];
  baselineCommunityIds: string[];
  /** Per category a base64 bitset: bit u (byte u >> 3, LSB first) set when unit u reaches it within its tier. */
  coverage: { categories: string[]; covered: string[] };
  coverageNote: string | null;
}

/** `GET /api/scenarios/:id/state` (or the baseline's): communities and each unit's community by index into them. */
export interface ScenarioStateAnswer {
  id: string;
  regionId: string;
  version: number;
  /** Each community's own attributes, as core's CommunityRecord. */
  communities: CommunityRecord[];
  assignment: number[];
}

export type ScenarioRuleResult = RuleResult;

export interface ScenarioCommunityProperties {
  id: string;
  name: string;
  nameEn: string | null;
  type: CommunityTypeId;
  streetId: string;
  unitCount: number;
  residents: number;
  households: number;
  areaSquareKilometers: number;
  parts: number;
  rules: ScenarioRuleResult[];
}

/** `GET /api/scenarios/:id/communities`: every community with its union geometry, metrics and rules. */
export interface ScenarioCommunityCollection extends FeatureCollection<
  { type: 'MultiPolygon'; coordinates: Position[][][] } | null,
  ScenarioCommunityProperties
> {
  scenario: { id: string; regionId: string; version: number };
  profile: string;
}

export interface ComparedFigure {
  scenario: number;
  with: number;
  delta: number;
}

/** `GET /api/scenarios/:id/compare?with=`. */
export interface ScenarioComparison {
  scenario: { id: string; version: number };
  with: { id: string; version: number };
  profile: string;
  communities: {
    id: string;
    name: string;
    streetId: string;
    status: 'changed' | 'unchanged' | 'created' | 'dissolved';
    residents: ComparedFigure;
    households: ComparedFigure;
    areaSquareKilometers: ComparedFigure;
    ruleChanges: { ruleId: string; from: RuleStatus | null; to: RuleStatus | null }[];
  }[];
  movedUnits: { id: string; from: string; to: string }[];
}

/** `PATCH /api/scenarios/:id` → 200. */
export interface ScenarioSaveAnswer {
  version: number;
  edits: { op: string; moved: number; notes: string[] }[];
}

/* ---------------------------------------------------------------- standards advice (村改社区, relocation) */

/**
 * `GET /api/scenarios/:id/village-candidates?profile=&as=` (or the baseline's): core's report with the
 * scenario it was made for.
 */
export interface VillageCandidatesAnswer extends VillageConversionReport {
  scenario: { id: string; regionId: string; version: number };
  as: 'urban' | 'fringe';
  coverageNote: string | null;
}

/**
 * `GET /api/scenarios/:id/relocation-advice?profile=` (or the baseline's): core's report with the scenario
 * it was made for.
 */
export interface RelocationAdviceAnswer extends RelocationAdviceReport {
  scenario: { id: string; regionId: string; version: number };
  walkCutoffSeconds: number | null;
}
