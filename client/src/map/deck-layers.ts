/**
 * The analytic layers drawn by deck.gl over the base map, bottom to top: population density,
 * communities, walking network, population dots, selection, facilities, labels. Layer ids are
 * stable so deck.gl diffs rather than rebuilds them.
 */
import type { Layer } from '@deck.gl/core';
import { ClipExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature as GeoJsonFeature } from 'geojson';
import type {
  CommunityFeature,
  CommunityProperties,
  FacilityFeature,
  NetworkClass,
  NetworkFeature,
  UnitProperties,
} from '../lib/api-types';
import { CJK_FONT_FAMILY } from '../lib/config';
import type { Language } from '../lib/i18n';
import {
  COMMUNITY_FILL_ALPHA,
  COMMUNITY_FILL_ALPHA_UNDER_DENSITY,
  COMMUNITY_HOVER,
  COMMUNITY_OUTLINE,
  COMMUNITY_TYPE_COLOURS,
  DENSITY_COLOURS,
  DENSITY_EMPTY,
  DENSITY_FILL_ALPHA,
  DENSITY_OUTLINE,
  FACILITY_CATEGORY_COLOURS,
  FACILITY_OUTLINE,
  LABEL_COMMUNITY,
  LABEL_HALO,
  LABEL_STREET,
  NETWORK_CLASS_COLOURS,
  POPULATION_DOT,
  POPULATION_DOT_OUTLINE,
  SELECTION_HALO,
  SELECTION_OUTLINE,
  withAlpha,
} from './colours';
import { FACILITY_LABEL_OFFSET_PIXELS, LABEL_SIZE_PIXELS } from './label-placement';
import type { DensityUnit, DotScale, FacilityRow, LabelRow, PopulationDot } from './map-rows';

export const DECK_LAYER_ID = {
  density: 'population-density',
  communities: 'communities',
  network: 'walking-network',
  dots: 'population-dots',
  selectedCommunity: 'selected-community',
  facilities: 'facilities',
  selectedFacility: 'selected-facility',
  streetLabels: 'street-labels',
  communityLabels: 'community-labels',
  facilityLabels: 'facility-labels',
} as const;

export type PopulationMode = 'dots' | 'density';

export interface LayerToggles {
  streets: boolean;
  communities: boolean;
  facilities: boolean;
  population: boolean;
  network: boolean;
  labels: boolean;
}

export type Selection = { kind: 'community'; id: string } | { kind: 'facility'; id: string } | null;

export interface DeckLayerInput {
  toggles: LayerToggles;
  populationMode: PopulationMode;
  language: Language;
  communities: CommunityFeature[];
  facilities: FacilityRow[];
  network: NetworkFeature[];
  densityUnits: DensityUnit[];
  populationDots: PopulationDot[];
  dotScale: DotScale;
  /** Labels already chosen for this zoom (map/label-placement.ts): drawn as given. */
  labels: { streets: LabelRow[]; communities: LabelRow[]; facilities: FacilityRow[] };
  /** Every character any label may use, so the font atlas is built once per data. */
  labelCharacters: Set<string>;
  selectedCommunity: CommunityFeature | null;
  selectedFacility: FacilityFeature | null;
  /**
   * Accessibility layers (map/accessibility-layers.ts): `below` over the communities and under the
   * network and facilities, `above` over the facilities and under the labels.
   */
  analysis?: { below: Layer[]; above: Layer[] };
  /** While an analysis colours the map, communities keep their outlines but lose their fill. */
  communityFillHidden?: boolean;
  /** Draws the communities only within `[west, south, east, north]` (a scenario comparison's swipe). */
  communityClipBounds?: [number, number, number, number] | null;
}

/** Facility dot radius in pixels; the selected one is drawn larger. */
export const FACILITY_RADIUS_PIXELS = 6;
const SELECTED_FACILITY_RADIUS_PIXELS = 10;
const NETWORK_WIDTH_METERS: Record<NetworkClass, number> = {
  arterial: 7,
  street: 5,
  alley: 3,
  footway: 2,
  steps: 2,
  track: 2,
};

/** One instance: deck.gl compares extensions by identity, a new one each render would rebuild the layer. */
const CLIP_EXTENSION = new ClipExtension();

const LABEL_FONT_SETTINGS = { sdf: true, fontSize: 64, buffer: 8, radius: 16 } as const;

function labelText(row: LabelRow, language: Language): string {
  return language === 'zh' ? row.nameZh : row.nameEn;
}

/** deck.gl's GeoJsonLayer is typed with the `geojson` package's Feature; ours match it structurally. */
function asGeoJson<T>(features: T[]): GeoJsonFeature[] {
  return features as unknown as GeoJsonFeature[];
}

export function buildDeckLayers(input: DeckLayerInput): Layer[] {
  const { toggles, populationMode, language } = input;
  const showDensity = toggles.population && populationMode === 'density';
  const showDots = toggles.population && populationMode === 'dots';
  const communityFillAlpha =
    showDensity || input.communityFillHidden ? COMMUNITY_FILL_ALPHA_UNDER_DENSITY : COMMUNITY_FILL_ALPHA;
  const layers: Layer[] = [];

  layers.push(
    new GeoJsonLayer<UnitProperties & { densityClass?: number }>({
      id: DECK_LAYER_ID.density,
      data: asGeoJson(input.densityUnits),
      visible: showDensity,
      filled: true,
      stroked: true,
      getFillColor: (feature) => {
        const densityClass = (feature as unknown as DensityUnit).densityClass;
        return densityClass < 0
          ? DENSITY_EMPTY
          : withAlpha(DENSITY_COLOURS[densityClass], DENSITY_FILL_ALPHA);
      },
      getLineColor: DENSITY_OUTLINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 0.5,
    }),
  );

  layers.push(
    new GeoJsonLayer<CommunityProperties>({
      id: DECK_LAYER_ID.communities,
      data: asGeoJson(input.communities),
      visible: toggles.communities,
      pickable: true,
      autoHighlight: true,
      highlightColor: [...COMMUNITY_HOVER],
      filled: true,
      stroked: true,
      getFillColor: (feature) =>
        withAlpha(COMMUNITY_TYPE_COLOURS[feature.properties.type] ?? [160, 160, 160], communityFillAlpha),
      getLineColor: COMMUNITY_OUTLINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.2,
      lineJointRounded: true,
      updateTriggers: { getFillColor: communityFillAlpha },
      ...(input.communityClipBounds
        ? { extensions: [CLIP_EXTENSION], clipBounds: input.communityClipBounds }
        : {}),
    }),
  );

  if (input.analysis) layers.push(...input.analysis.below);

  layers.push(
    new PathLayer<NetworkFeature>({
      id: DECK_LAYER_ID.network,
      data: input.network,
      visible: toggles.network,
      getPath: (edge) => edge.geometry.coordinates,
      getColor: (edge) => withAlpha(NETWORK_CLASS_COLOURS[edge.properties.class] ?? [100, 100, 100], 220),
      getWidth: (edge) => NETWORK_WIDTH_METERS[edge.properties.class] ?? 2,
      widthUnits: 'meters',
      widthMinPixels: 1,
      widthMaxPixels: 8,
      capRounded: true,
      jointRounded: true,
    }),
  );

  layers.push(
    new ScatterplotLayer<PopulationDot>({
      id: DECK_LAYER_ID.dots,
      data: input.populationDots,
      visible: showDots,
      getPosition: (dot) => dot.position,
      getRadius: (dot) => Math.sqrt(dot.residents) * input.dotScale.pixelsPerSqrtResident,
      radiusUnits: 'pixels',
      radiusMinPixels: 1.5,
      filled: true,
      stroked: true,
      getFillColor: POPULATION_DOT,
      getLineColor: POPULATION_DOT_OUTLINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 0.6,
      updateTriggers: { getRadius: input.dotScale.pixelsPerSqrtResident },
    }),
  );

  if (input.selectedCommunity && toggles.communities) {
    const selected = asGeoJson([input.selectedCommunity]);
    layers.push(
      new GeoJsonLayer({
        id: `${DECK_LAYER_ID.selectedCommunity}-halo`,
        data: selected,
        filled: false,
        stroked: true,
        getLineColor: SELECTION_HALO,
        lineWidthUnits: 'pixels',
        getLineWidth: 6,
        lineJointRounded: true,
      }),
      new GeoJsonLayer({
        id: DECK_LAYER_ID.selectedCommunity,
        data: selected,
        filled: false,
        stroked: true,
        getLineColor: SELECTION_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        lineJointRounded: true,
      }),
    );
  }

  layers.push(
    new ScatterplotLayer<FacilityRow>({
      id: DECK_LAYER_ID.facilities,
      data: input.facilities,
      visible: toggles.facilities,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 120],
      getPosition: (row) => row.position,
      getRadius: FACILITY_RADIUS_PIXELS,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: (row) => FACILITY_CATEGORY_COLOURS[row.facility.properties.category] ?? [90, 90, 90],
      getLineColor: FACILITY_OUTLINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
    }),
  );

  const selectedFacilityRow = input.facilities.find((row) => row.facility === input.selectedFacility);
  if (selectedFacilityRow && toggles.facilities) {
    layers.push(
      new ScatterplotLayer<FacilityRow>({
        id: DECK_LAYER_ID.selectedFacility,
        data: [selectedFacilityRow],
        getPosition: (row) => row.position,
        getRadius: SELECTED_FACILITY_RADIUS_PIXELS,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: SELECTION_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  }

  if (input.analysis) layers.push(...input.analysis.above);

  const labelCommon = {
    characterSet: input.labelCharacters,
    fontFamily: CJK_FONT_FAMILY,
    fontSettings: LABEL_FONT_SETTINGS,
    outlineColor: LABEL_HALO,
    outlineWidth: 5,
    getTextAnchor: 'middle' as const,
    getAlignmentBaseline: 'center' as const,
    sizeUnits: 'pixels' as const,
    updateTriggers: { getText: language },
  };
  // With no characters yet the font atlas would be empty (WebGL warns): wait for data.
  if (toggles.labels && input.labelCharacters.size > 0) {
    layers.push(
      new TextLayer<LabelRow>({
        ...labelCommon,
        id: DECK_LAYER_ID.streetLabels,
        data: input.labels.streets,
        getPosition: (row) => row.position,
        getText: (row) => labelText(row, language),
        getSize: LABEL_SIZE_PIXELS.street,
        fontWeight: 700,
        getColor: LABEL_STREET,
      }),
      new TextLayer<LabelRow>({
        ...labelCommon,
        id: DECK_LAYER_ID.communityLabels,
        data: input.labels.communities,
        getPosition: (row) => row.position,
        getText: (row) => labelText(row, language),
        getSize: LABEL_SIZE_PIXELS.community,
        fontWeight: 600,
        getColor: LABEL_COMMUNITY,
      }),
      new TextLayer<FacilityRow>({
        ...labelCommon,
        id: DECK_LAYER_ID.facilityLabels,
        data: input.labels.facilities,
        getPosition: (row) => row.position,
        getText: (row) => row.facility.properties.name,
        getSize: LABEL_SIZE_PIXELS.facility,
        getColor: LABEL_COMMUNITY,
        getAlignmentBaseline: 'top',
        getPixelOffset: [0, FACILITY_LABEL_OFFSET_PIXELS],
      }),
    );
  }

  return layers;
}
