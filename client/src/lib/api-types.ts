/**
 * The shapes of the API's answers as the client uses them: every one is `z.output` of the
 * contract's schema (contract/), never restated here, so a change of the contract is a type error
 * where the client reads it. Coordinates are GeoJSON [lng, lat] in EPSG:4326.
 */
import type { z } from 'zod';
import type {
  coverageSchema,
  heatmapSchema,
  isochroneCollectionSchema,
} from '../../../contract/accessibility';
import type { isochroneBodySchema } from '../../../contract/accessibility-requests';
import type { RegionLayers } from '../../../contract/regions';
import type { scenarioFacilitiesSchema, scenarioPathsSchema } from '../../../contract/scenario-layers';
import type { profileCatalogueSchema } from '../../../contract/standards';
import type {
  comparisonSchema,
  communitiesCollectionSchema,
  relocationAdviceSchema,
  savedEditsSchema,
  scenarioDetailSchema,
  scenarioReachSchema,
  scenarioStateSchema,
  scenarioSummarySchema,
  unitAdjacencySchema,
  villageCandidatesSchema,
} from '../../../contract/scenarios';
import type { ScenarioVersionsAnswer, ScenarioVersionStateAnswer } from '../../../contract/scenarios';
import type { Position } from '../../../core/geometry/position';

export type { Region, RegionLayerName, RegionLayers } from '../../../contract/regions';
export type { Basemap } from '../../../contract/basemaps';
export { REGION_LAYER_NAMES } from '../../../contract/regions';
export type { Position } from '../../../core/geometry/position';
export type {
  AccessBandProperties,
  AccessMethod,
  CategoryCoverage,
} from '../../../core/accessibility/accessibility-types';
export type { ResultStatus, RuleStatus } from '../../../core/standards/rule-results';
export type { Bilingual } from '../../../core/text/bilingual';
export type { JudgedWith } from '../../../contract/standards';

/* ---------------------------------------------------------------- GeoJSON, generic */

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

/* ---------------------------------------------------------------- region layers */

type LayerFeature<L extends keyof RegionLayers> = RegionLayers[L]['features'][number];

export type StreetProperties = LayerFeature<'streets'>['properties'];
export type CommunityProperties = LayerFeature<'communities'>['properties'];
export type UnitProperties = LayerFeature<'units'>['properties'];
export type FacilityProperties = LayerFeature<'facilities'>['properties'];
export type NetworkProperties = LayerFeature<'network'>['properties'];
export type WaterProperties = LayerFeature<'water'>['properties'];
export type UnitKind = UnitProperties['kind'];
export type NetworkClass = NetworkProperties['class'];

export type StreetFeature = LayerFeature<'streets'>;
export type CommunityFeature = LayerFeature<'communities'>;
export type UnitFeature = LayerFeature<'units'>;
export type FacilityFeature = LayerFeature<'facilities'>;
export type NetworkFeature = LayerFeature<'network'>;

/* ---------------------------------------------------------------- accessibility */

/** `POST /api/regions/:region/isochrones`: one band per minutes value, ascending. */
export type IsochroneCollection = z.output<typeof isochroneCollectionSchema>;
export type AccessBandFeature = IsochroneCollection['features'][number];
/** What the client sends (the schema's input: defaults may be left out). */
export type IsochroneRequestBody = z.input<typeof isochroneBodySchema>;

/** `GET /api/regions/:region/coverage`: every category's coverage with the tier table applied. */
export type CoverageResult = z.output<typeof coverageSchema>;

type HeatmapAnswer = z.output<typeof heatmapSchema>;
/** `GET /api/regions/:region/heatmap?format=grid`: row-major values, row 0 the southmost row. */
export type HeatmapGrid = Extract<HeatmapAnswer, { values: unknown }>;
export type HeatmapKind = HeatmapGrid['kind'];

/* ---------------------------------------------------------------- scenarios */

export type ScenarioSummary = z.output<typeof scenarioSummarySchema>;
export type UnitAdjacencyAnswer = z.output<typeof unitAdjacencySchema>;
export type ScenarioStateAnswer = z.output<typeof scenarioStateSchema>;
export type ScenarioCommunityCollection = z.output<typeof communitiesCollectionSchema>;
export type ScenarioCommunityProperties = ScenarioCommunityCollection['features'][number]['properties'];
export type ScenarioRuleResult = ScenarioCommunityProperties['rules'][number];
/** A region- or street-scope rule as answers carry it (`regionRules` beside the communities). */
export type RegionRuleAnswer = ScenarioCommunityCollection['regionRules'][number];
export type RuleContributionAnswer = ScenarioCommunityProperties['contributions'][number];
export type ResultSummaryAnswer = ScenarioCommunityProperties['summary'];
export type ScenarioComparison = z.output<typeof comparisonSchema>;
export type ComparedFigure = ScenarioComparison['communities'][number]['residents'];
export type ScenarioSaveAnswer = z.output<typeof savedEditsSchema>;
/** `GET /api/scenarios/:id`: the scenario with its edit log (each save's edits, author and time). */
export type ScenarioDetailAnswer = z.output<typeof scenarioDetailSchema>;
export type { ScenarioVersionsAnswer, ScenarioVersionStateAnswer };
export type ScenarioVersionEntry = ScenarioVersionsAnswer['versions'][number];
/** `GET /api/scenarios/:id/reach`: the scenario's facilities and walking reach for the client's evaluator. */
export type ScenarioReachAnswer = z.output<typeof scenarioReachSchema>;
/** `GET /api/scenarios/:id/facilities` and `/paths`: the scenario's own facilities and paths. */
export type ScenarioFacilitiesAnswer = z.output<typeof scenarioFacilitiesSchema>;
export type ScenarioPathsAnswer = z.output<typeof scenarioPathsSchema>;

/* ---------------------------------------------------------------- standards advice (村改社区, relocation) */

export type VillageCandidatesAnswer = z.output<typeof villageCandidatesSchema>;
export type VillageConversionEntry = VillageCandidatesAnswer['villages'][number];
export type RelocationAdviceAnswer = z.output<typeof relocationAdviceSchema>;
export type RelocationCommunityAdvice = RelocationAdviceAnswer['communities'][number];
/** A rule a village would be held to as its target type, with its shortfall. */
export type RuleGapAnswer = VillageConversionEntry['gaps']['floorArea'][number];

/* ---------------------------------------------------------------- standards profiles */

/** `GET /api/profiles`: one profile with its documents and rules. */
export type ProfileCatalogueAnswer = z.output<typeof profileCatalogueSchema>;
