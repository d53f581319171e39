/**
 * The map: MapLibre draws the base map (offline from the region's layers, or an online style),
 * deck.gl's MapboxOverlay draws the analytic layers above it and handles picking. The map itself
 * (use-maplibre-map.ts), its MapLibre data (use-basemap-sources.ts), the rows and labels
 * (use-map-rows.ts), the analysis layers and the overlay's handling live in their own hooks; this
 * component puts the layers together in their drawing order.
 */
import type { Layer } from '@deck.gl/core';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo } from 'react';
import type { CommunityFeature, FacilityFeature, Region, RegionLayers } from '../lib/api-types';
import { useI18n } from '../lib/i18n';
import type { DeckLayerInput, LayerToggles, PopulationMode, Selection } from './deck-layers';
import { useDrawingTool, drawingCursor, type DrawingCallbacks } from './drawing-tool';
import type { DotScale } from './map-rows';
import type { MapAnalysis, MapClickOrigin, ScenarioMapInput, ZoomRequest } from './map-view-types';
import type { CameraLink } from './camera-link';
import { buildDrawingLayers, buildSwipeOtherLayer, eastOfSwipe } from './scenario-layers';
import { SwipeHandle } from './swipe-handle';
import { useAnalysisLayers } from './use-analysis-layers';
import { useBasemapSources, useUnitGrid } from './use-basemap-sources';
import { useTileBasemaps } from './use-tile-basemaps';
import type { BasemapDisplay } from '../features/layer-panel/use-basemap-display';
import { useDeckOverlay } from './use-deck-overlay';
import { useDrawnFlag } from './use-drawn-flag';
import { useMapRows } from './use-map-rows';
import { useMapLibreMap } from './use-maplibre-map';
import { useSwipeLongitude } from './use-swipe-longitude';
import './map-view.css';

export type { MapAnalysis, MapClickOrigin, ScenarioMapInput, ZoomRequest } from './map-view-types';

const NO_DRAWING_CALLBACKS: DrawingCallbacks = {};
const NO_BASEMAPS: readonly BasemapDisplay[] = [];

export interface MapViewProps {
  region: Region | null;
  data: Partial<RegionLayers>;
  toggles: LayerToggles;
  populationMode: PopulationMode;
  hiddenCategories: ReadonlySet<string>;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  /** Sizing of population dots, shared with their legend. */
  dotScale: DotScale;
  analysis: MapAnalysis | null;
  onIsochroneOrigin: (origin: MapClickOrigin) => void;
  zoomTo: ZoomRequest | null;
  /** The scenario screen's layers, tool and swipe, when it is open. */
  scenario?: ScenarioMapInput | null;
  /** Layers drawn above all others but labels (the import wizard's preview). */
  overlayLayers?: readonly Layer[];
  /** A second map beside the main one (the comparison's other side): no test hooks, no tools. */
  secondary?: boolean;
  /** Maps kept on one view. */
  cameraLink?: CameraLink | null;
  /** A name shown over the map (which side of a comparison it is). */
  caption?: string | null;
  /** The region's tile base maps, top first, drawn under everything the region's layers show. */
  basemaps?: readonly BasemapDisplay[];
  /** An overlay colours the map (the service areas): the communities' own fill steps aside. */
  hideCommunityFill?: boolean;
}

export function MapView(props: MapViewProps) {
  const {
    region,
    data,
    toggles,
    populationMode,
    hiddenCategories,
    selection,
    onSelect,
    dotScale,
    analysis,
    zoomTo,
  } = props;
  const scenario = props.scenario ?? null;
  const i18n = useI18n();
  const { t, language, localName } = i18n;
  const secondary = props.secondary ?? false;
  const { containerRef, mapRef, overlayRef, styleReady, zoom, webglFailed } = useMapLibreMap(region, zoomTo, {
    secondary,
    cameraLink: props.cameraLink ?? null,
  });
  useBasemapSources(mapRef, styleReady, data, toggles.streets);
  useTileBasemaps(mapRef, styleReady, props.basemaps ?? NO_BASEMAPS);

  const { rows, shownFacilities, labels, labelCharacters } = useMapRows({
    data,
    toggles,
    hiddenCategories,
    facilityCategory: analysis?.facilityCategory ?? null,
    zoom,
    language,
  });
  const analysisLayers = useAnalysisLayers(analysis);
  useUnitGrid(mapRef, styleReady, scenario?.unitGrid ?? null);

  // Scenario tools: what is being drawn, and the meridian under the comparison's swipe handle.
  const drawingTool = scenario?.tool ?? null;
  const drawingPreview = useDrawingTool(
    mapRef,
    styleReady,
    drawingTool,
    scenario?.callbacks ?? NO_DRAWING_CALLBACKS,
  );
  const swipeLongitude = useSwipeLongitude(
    mapRef,
    styleReady,
    scenario?.swipe ? scenario.swipe.fraction : null,
  );
  const swipeOthers = scenario?.swipe?.others ?? null;
  // Layers built outside this view (the scenario editor's, the import preview's) outlive it, but a
  // deck.gl layer belongs to the deck that first drew it: a new map (back from the dashboard) must
  // draw copies, or deck.gl fails its assertions and the overlays vanish. Copies per mount do that.
  const scenarioLayers = useMemo(
    () =>
      scenario?.layers
        ? { below: copyLayers(scenario.layers.below), above: copyLayers(scenario.layers.above) }
        : null,
    [scenario?.layers],
  );
  const overlayLayers = useMemo(
    () => (props.overlayLayers ? copyLayers(props.overlayLayers) : null),
    [props.overlayLayers],
  );
  const combinedAnalysis = useMemo(() => {
    const swipeLayer =
      swipeOthers && swipeLongitude !== null ? [buildSwipeOtherLayer(swipeOthers, swipeLongitude)] : [];
    return {
      below: [...analysisLayers.layers.below, ...swipeLayer, ...(scenarioLayers?.below ?? [])],
      above: [
        ...analysisLayers.layers.above,
        ...(scenarioLayers?.above ?? []),
        ...buildDrawingLayers(drawingPreview),
        ...(overlayLayers ?? []),
      ],
    };
  }, [analysisLayers.layers, scenarioLayers, swipeOthers, swipeLongitude, drawingPreview, overlayLayers]);
  const communityClipBounds = swipeOthers && swipeLongitude !== null ? eastOfSwipe(swipeLongitude) : null;

  const communities = data.communities?.features;
  const facilities = data.facilities?.features;
  const selectedCommunity = useMemo<CommunityFeature | null>(
    () =>
      selection?.kind === 'community'
        ? (communities?.find((feature) => feature.properties.id === selection.id) ?? null)
        : null,
    [selection, communities],
  );
  const selectedFacility = useMemo<FacilityFeature | null>(
    () =>
      selection?.kind === 'facility'
        ? (facilities?.find((feature) => feature.properties.id === selection.id) ?? null)
        : null,
    [selection, facilities],
  );

  // A facility picked from the attribute panel's list may lie off screen: bring it into view.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !selectedFacility) return;
    const position = selectedFacility.geometry.coordinates;
    if (!map.getBounds().contains(position)) map.easeTo({ center: position, duration: 600 });
  }, [mapRef, selectedFacility]);

  const network = data.network?.features;
  const deckInput = useMemo(
    (): DeckLayerInput => ({
      toggles,
      populationMode,
      language,
      communities: communities ?? [],
      facilities: shownFacilities,
      network: network ?? [],
      densityUnits: rows.densityUnits,
      populationDots: rows.populationDots,
      dotScale,
      labels,
      labelCharacters,
      selectedCommunity,
      selectedFacility,
      analysis: combinedAnalysis,
      communityFillHidden: analysisLayers.coloursMap || (props.hideCommunityFill ?? false),
      communityClipBounds,
    }),
    [
      toggles,
      populationMode,
      language,
      communities,
      shownFacilities,
      network,
      rows,
      dotScale,
      labels,
      labelCharacters,
      selectedCommunity,
      selectedFacility,
      combinedAnalysis,
      analysisLayers.coloursMap,
      props.hideCommunityFill,
      communityClipBounds,
    ],
  );
  useDeckOverlay(overlayRef, mapRef, deckInput, {
    drawingTool,
    clickForIsochrones: analysis?.clickForIsochrones ?? false,
    heatmap: analysis?.heatmap ?? null,
    onSelect,
    onIsochroneOrigin: props.onIsochroneOrigin,
    i18n,
  });

  // The tool's cursor shows before the pointer first moves.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    map.getCanvas().style.cursor = drawingCursor(drawingTool) ?? '';
  }, [mapRef, styleReady, drawingTool]);

  // Test hooks: <html data-communities-loaded="true"> (and isochrones-loaded, heatmap-loaded) once
  // the layer is drawn and the map is idle.
  // The second map of a side-by-side comparison says so under its own flag.
  useDrawnFlag(mapRef, styleReady, communities ?? null, secondary ? 'otherSideLoaded' : 'communitiesLoaded');
  // Keyed on every analysis layer, so switching to the comparison (radius outlines added) re-arms it.
  useDrawnFlag(
    mapRef,
    styleReady,
    analysisLayers.hasBands ? analysisLayers.layers : null,
    'isochronesLoaded',
  );
  useDrawnFlag(mapRef, styleReady, analysisLayers.heatmapBitmap, 'heatmapLoaded');

  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-canvas"
        aria-label={
          region ? localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name }) : undefined
        }
      />
      {webglFailed && <div className="map-message">{t('map.noWebgl')}</div>}
      {scenario?.swipe && <SwipeHandle swipe={scenario.swipe} />}
      {props.caption && (
        <div className="map-caption" data-testid={secondary ? 'side-caption-other' : 'side-caption-main'}>
          {props.caption}
        </div>
      )}
    </div>
  );
}

/** Fresh instances of layers with the same props (deck.gl keeps a layer's state on the instance). */
function copyLayers(layers: readonly Layer[]): Layer[] {
  return layers.map((layer) => layer.clone({}));
}
