/**
 * The map: MapLibre draws the base map (offline from the region's layers, or an online style),
 * deck.gl's MapboxOverlay draws the analytic layers above it and handles picking.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type {
  AccessBandFeature,
  CommunityFeature,
  FacilityFeature,
  HeatmapGrid,
  Position,
  Region,
  RegionLayers,
  UnitFeature,
} from '../lib/api-types';
import { BASEMAP_STYLE_URL } from '../lib/config';
import { useI18n } from '../lib/i18n';
import { formatNumber } from '../lib/format';
import { COMMUNITY_TYPES, FACILITY_CATEGORIES } from '../lib/standards';
import { buildAccessibilityLayers, type BandFill } from './accessibility-layers';
import { gridToPixels, gridValueAt, heatmapCellColour } from './heatmap-image';
import {
  BASEMAP_SOURCE,
  STREET_BOUNDARY_LAYER_IDS,
  addRegionLayersToOnlineStyle,
  offlineBasemapStyle,
} from './basemap-style';
import {
  DECK_LAYER_ID,
  buildDeckLayers,
  type LayerToggles,
  type PopulationMode,
  type Selection,
} from './deck-layers';
import {
  communityLabelRows,
  densityUnits,
  facilityRows,
  populationDots,
  streetLabelRows,
  type DotScale,
  type FacilityRow,
  type LabelRow,
} from './map-rows';
import { chooseLabels, labelCharacterSet } from './label-placement';
import { regionAttribution } from './region-attribution';
import { drawingCursor, useDrawingTool, type DrawingCallbacks, type DrawingTool } from './drawing-tool';
import { buildDrawingLayers, buildSwipeOtherLayer, eastOfSwipe } from './scenario-layers';
import { UNIT_GRID_LINE } from './colours';

// The worker is shipped as its own asset; MapLibre cannot find it next to a bundled chunk.
setWorkerUrl(maplibreWorkerUrl);

/** Hooks for end-to-end tests (tests/e2e): the live map object. */
declare global {
  interface Window {
    __lifecircle?: { map: MapLibreMap };
  }
}

const INITIAL_VIEW = { center: [108.3, 26.6] as [number, number], zoom: 4 };
const FIT_PADDING_PIXELS = 36;
const ZOOM_TO_PADDING_PIXELS = 80;
const ZOOM_TO_MAX_ZOOM = 16;

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

/** The scenario screen's part of the map (features/scenarios prepares it). */
export interface ScenarioMapInput {
  /** Layers over the communities (`below`) and over everything but labels (`above`). */
  layers: { below: Layer[]; above: Layer[] };
  /** Every unit, outlined by MapLibre beneath the analytic layers while editing; null hides the grid. */
  unitGrid: readonly UnitFeature[] | null;
  /** The drawing tool in use; null lets clicks select communities as usual. */
  tool: DrawingTool | null;
  callbacks: DrawingCallbacks;
  /** Comparison by swipe: `others` west of the handle, the map's communities east of it. */
  swipe: {
    /** Where the handle stands, 0 (left edge) – 1 (right edge) of the map. */
    fraction: number;
    onFraction: (fraction: number) => void;
    others: readonly CommunityFeature[];
    leftLabel: string;
    rightLabel: string;
  } | null;
}

const NO_DRAWING_CALLBACKS: DrawingCallbacks = {};
/** Source and layer id of the scenario's unit grid on the MapLibre map. */
const UNIT_GRID_SOURCE = 'scenario-unit-grid';

/** A request to frame a bbox `[west, south, east, north]`; `key` changes for each new request. */
export interface ZoomRequest {
  bbox: [number, number, number, number];
  key: number;
}

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
  const { t, language, localName } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const attributionRef = useRef<AttributionControl | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [zoom, setZoom] = useState(INITIAL_VIEW.zoom);
  const [webglFailed, setWebglFailed] = useState(false);
  const onSelectRef = useRef(onSelect);
  const onIsochroneOriginRef = useRef(props.onIsochroneOrigin);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onIsochroneOriginRef.current = props.onIsochroneOrigin;
  }, [onSelect, props.onIsochroneOrigin]);

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: BASEMAP_STYLE_URL ?? offlineBasemapStyle(),
        center: INITIAL_VIEW.center,
        zoom: INITIAL_VIEW.zoom,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
      });
    } catch {
      setWebglFailed(true);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__lifecircle = { map };

    // An online style that cannot be fetched (offline, wrong URL) falls back to the offline base map.
    let usingOnlineStyle = BASEMAP_STYLE_URL !== null;
    const onError = (event: { error?: { message?: string } }) => {
      if (!usingOnlineStyle || map.loaded()) return;
      usingOnlineStyle = false;
      console.warn(
        `online base map style failed (${event.error?.message ?? 'unknown error'}); using the offline base map`,
      );
      map.setStyle(offlineBasemapStyle(), { diff: false });
    };
    const onLoad = () => {
      if (usingOnlineStyle) addRegionLayersToOnlineStyle(map);
      setStyleReady(true);
    };
    const onZoom = () => setZoom(map.getZoom());
    map.on('error', onError);
    map.on('load', onLoad);
    map.on('zoomend', onZoom);
    return () => {
      map.off('error', onError);
      map.off('load', onLoad);
      map.off('zoomend', onZoom);
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      attributionRef.current = null;
      setStyleReady(false);
      if (window.__lifecircle?.map === map) delete window.__lifecircle;
    };
  }, []);

  // Attribution follows the region (OpenStreetMap data must be credited where it is shown).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (attributionRef.current) map.removeControl(attributionRef.current);
    const control = new AttributionControl({ compact: false, customAttribution: regionAttribution(region) });
    map.addControl(control, 'bottom-right');
    attributionRef.current = control;
  }, [region]);

  // Fit the region on load and whenever the region changes.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !region?.bbox) return;
    const [west, south, east, north] = region.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: FIT_PADDING_PIXELS, animate: false },
    );
    setZoom(map.getZoom());
  }, [region]);

  // Frame what the user asked to see (e.g. a community picked in the coverage table).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !zoomTo) return;
    const [west, south, east, north] = zoomTo.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: ZOOM_TO_PADDING_PIXELS, maxZoom: ZOOM_TO_MAX_ZOOM, duration: 600 },
    );
  }, [zoomTo]);

  // Base map sources follow the region's layers.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const empty = { type: 'FeatureCollection' as const, features: [] };
    const sources: [string, unknown][] = [
      [BASEMAP_SOURCE.streets, data.streets ?? empty],
      [BASEMAP_SOURCE.water, data.water ?? empty],
      [BASEMAP_SOURCE.network, data.network ?? empty],
    ];
    for (const [id, collection] of sources) {
      const source = map.getSource<GeoJSONSource>(id);
      source?.setData(collection as Parameters<GeoJSONSource['setData']>[0]);
    }
  }, [styleReady, data.streets, data.water, data.network]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const id of STREET_BOUNDARY_LAYER_IDS) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', toggles.streets ? 'visible' : 'none');
    }
  }, [styleReady, toggles.streets]);

  // Rows for deck.gl, prepared once per data change.
  const communities = data.communities?.features;
  const facilities = data.facilities?.features;
  const units = data.units?.features;
  const rows = useMemo(
    () => ({
      communityLabels: communities ? communityLabelRows(communities) : [],
      streetLabels: data.streets ? streetLabelRows(data.streets.features) : [],
      densityUnits: units ? densityUnits(units) : [],
      populationDots: units ? populationDots(units) : [],
    }),
    [communities, data.streets, units],
  );
  const facilityCategory = analysis?.facilityCategory ?? null;
  const shownFacilities = useMemo(() => {
    if (!facilities) return [];
    const subject = facilityCategory
      ? facilities.filter((facility) => facility.properties.category === facilityCategory)
      : facilities;
    return facilityRows(subject, hiddenCategories, zoom);
  }, [facilities, facilityCategory, hiddenCategories, zoom]);

  // The heat map as one image, built once per grid (never inside a layer accessor).
  const heatmapGrid = analysis?.heatmap ?? null;
  const heatmapBitmap = useMemo(() => {
    if (!heatmapGrid || heatmapGrid.columns <= 0 || heatmapGrid.rows <= 0) return null;
    const pixels = gridToPixels(heatmapGrid, heatmapCellColour(heatmapGrid));
    return { image: new ImageData(pixels.data, pixels.width, pixels.height), bounds: heatmapGrid.bbox };
  }, [heatmapGrid]);
  const analysisBands = analysis?.bands;
  const analysisRadii = analysis?.radiusOutlines;
  const analysisOrigins = analysis?.origins;
  const analysisUncovered = analysis?.uncoveredUnits;
  const analysisLayers = useMemo(
    () =>
      buildAccessibilityLayers({
        bands: analysisBands ?? [],
        radiusOutlines: analysisRadii ?? [],
        origins: analysisOrigins ?? [],
        heatmap: heatmapBitmap,
        uncoveredUnits: analysisUncovered ?? [],
      }),
    [analysisBands, analysisRadii, analysisOrigins, analysisUncovered, heatmapBitmap],
  );
  const analysisColoursMap = (analysisBands?.length ?? 0) > 0 || heatmapBitmap !== null;

  // The scenario's unit grid, a MapLibre line layer (deck.gl redraws at every stroke; MapLibre does not).
  const unitGrid = scenario?.unitGrid ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const source = map.getSource<GeoJSONSource>(UNIT_GRID_SOURCE);
    if (!unitGrid) {
      if (map.getLayer(UNIT_GRID_SOURCE)) map.setLayoutProperty(UNIT_GRID_SOURCE, 'visibility', 'none');
      return;
    }
    const collection = { type: 'FeatureCollection' as const, features: unitGrid } as unknown as Parameters<
      GeoJSONSource['setData']
    >[0];
    if (source) source.setData(collection);
    else map.addSource(UNIT_GRID_SOURCE, { type: 'geojson', data: collection });
    if (!map.getLayer(UNIT_GRID_SOURCE)) {
      map.addLayer({
        id: UNIT_GRID_SOURCE,
        type: 'line',
        source: UNIT_GRID_SOURCE,
        paint: { 'line-color': UNIT_GRID_LINE, 'line-width': 0.6 },
      });
    }
    map.setLayoutProperty(UNIT_GRID_SOURCE, 'visibility', 'visible');
  }, [styleReady, unitGrid]);

  // Scenario tools: what is being drawn, and the meridian under the comparison's swipe handle.
  const drawingTool = scenario?.tool ?? null;
  const drawingPreview = useDrawingTool(
    mapRef,
    styleReady,
    drawingTool,
    scenario?.callbacks ?? NO_DRAWING_CALLBACKS,
  );
  const swipeFraction = scenario?.swipe ? scenario.swipe.fraction : null;
  const [swipeLongitude, setSwipeLongitude] = useState<number | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || swipeFraction === null) {
      setSwipeLongitude(null);
      return;
    }
    // No rotation or pitch on this map: a vertical screen line is a meridian.
    const update = () => {
      const canvas = map.getCanvas();
      setSwipeLongitude(map.unproject([swipeFraction * canvas.clientWidth, canvas.clientHeight / 2]).lng);
    };
    update();
    map.on('move', update);
    map.on('resize', update);
    return () => {
      map.off('move', update);
      map.off('resize', update);
    };
  }, [styleReady, swipeFraction]);
  const swipeOthers = scenario?.swipe?.others ?? null;
  const scenarioLayers = scenario?.layers ?? null;
  const overlayLayers = props.overlayLayers ?? null;
  const combinedAnalysis = useMemo(() => {
    const swipeLayer =
      swipeOthers && swipeLongitude !== null ? [buildSwipeOtherLayer(swipeOthers, swipeLongitude)] : [];
    return {
      below: [...analysisLayers.below, ...swipeLayer, ...(scenarioLayers?.below ?? [])],
      above: [
        ...analysisLayers.above,
        ...(scenarioLayers?.above ?? []),
        ...buildDrawingLayers(drawingPreview),
        ...(overlayLayers ?? []),
      ],
    };
  }, [analysisLayers, scenarioLayers, swipeOthers, swipeLongitude, drawingPreview, overlayLayers]);
  const communityClipBounds = swipeOthers && swipeLongitude !== null ? eastOfSwipe(swipeLongitude) : null;
  const clickForIsochrones = analysis?.clickForIsochrones ?? false;
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
  }, [selectedFacility]);

  // Labels: chosen per zoom so they never overlap (street names first, then communities, then facilities).
  const labelCharacters = useMemo(
    () =>
      labelCharacterSet([
        ...rows.streetLabels.flatMap((row) => [row.nameZh, row.nameEn]),
        ...rows.communityLabels.flatMap((row) => [row.nameZh, row.nameEn]),
        ...(facilities ?? []).map((facility) => facility.properties.name),
      ]),
    [rows, facilities],
  );
  const labels = useMemo(() => {
    const named = (row: LabelRow) => ({
      key: row.id,
      position: row.position,
      text: language === 'zh' ? row.nameZh : row.nameEn,
    });
    return chooseLabels(
      { streets: rows.streetLabels, communities: rows.communityLabels, facilities: shownFacilities },
      {
        street: named,
        community: named,
        facility: (row: FacilityRow) => ({
          key: row.facility.properties.id,
          position: row.position,
          text: row.facility.properties.name,
        }),
      },
      { streets: toggles.streets, communities: toggles.communities, facilities: toggles.facilities },
      zoom,
    );
  }, [rows, shownFacilities, toggles.streets, toggles.communities, toggles.facilities, zoom, language]);

  useEffect(() => {
    const overlay = overlayRef.current;
    const map = mapRef.current;
    if (!overlay || !map) return;
    const layers = buildDeckLayers({
      toggles,
      populationMode,
      language,
      communities: communities ?? [],
      facilities: shownFacilities,
      network: data.network?.features ?? [],
      densityUnits: rows.densityUnits,
      populationDots: rows.populationDots,
      dotScale,
      labels,
      labelCharacters,
      selectedCommunity,
      selectedFacility,
      analysis: combinedAnalysis,
      communityFillHidden: analysisColoursMap,
      communityClipBounds,
    });
    overlay.setProps({
      layers,
      onClick: (info: PickingInfo) => {
        // A scenario drawing tool owns the clicks (map/drawing-tool.ts).
        if (drawingTool) return;
        if (clickForIsochrones) {
          if (info.layer?.id === DECK_LAYER_ID.facilities && info.object) {
            const facility = (info.object as FacilityRow).facility;
            onIsochroneOriginRef.current({
              kind: 'facility',
              id: facility.properties.id,
              position: facility.geometry.coordinates,
            });
          } else if (info.coordinate) {
            onIsochroneOriginRef.current({
              kind: 'point',
              position: [info.coordinate[0], info.coordinate[1]],
            });
          }
          return;
        }
        if (info.layer?.id === DECK_LAYER_ID.communities && info.object) {
          onSelectRef.current({ kind: 'community', id: (info.object as CommunityFeature).properties.id });
        } else if (info.layer?.id === DECK_LAYER_ID.facilities && info.object) {
          onSelectRef.current({ kind: 'facility', id: (info.object as FacilityRow).facility.properties.id });
        } else onSelectRef.current(null);
      },
      onHover: (info: PickingInfo) => {
        const toolCursor = drawingCursor(drawingTool);
        if (toolCursor) {
          map.getCanvas().style.cursor = toolCursor;
          return;
        }
        const pickable = clickForIsochrones ? info.layer?.id === DECK_LAYER_ID.facilities : info.picked;
        map.getCanvas().style.cursor = pickable ? 'pointer' : clickForIsochrones ? 'crosshair' : '';
      },
      getTooltip: (info: PickingInfo) => {
        // While drawing, a tooltip would sit under the pointer and hide what is drawn.
        if (drawingTool && drawingTool.kind !== 'pick') return null;
        const heat =
          heatmapGrid && info.coordinate
            ? gridValueAt(heatmapGrid, [info.coordinate[0], info.coordinate[1]])
            : undefined;
        const heatText =
          heat === null || heat === undefined || !heatmapGrid
            ? null
            : heatmapGrid.kind === 'completeness'
              ? t('access.tooltipReached', { reached: heat, n: heatmapGrid.categories?.length ?? 0 })
              : t('access.tooltipMinutes', { minutes: formatNumber(heat, 1) });
        if (!info.object || (clickForIsochrones && info.layer?.id === DECK_LAYER_ID.communities)) {
          return heatText ? { text: heatText, className: 'map-tooltip' } : null;
        }
        if (info.layer?.id === DECK_LAYER_ID.communities) {
          const community = info.object as CommunityFeature;
          const type = COMMUNITY_TYPES[community.properties.type];
          return {
            text: `${language === 'zh' ? community.properties.name : community.properties.nameEn || community.properties.name}\n${heatText ?? (type ? localName(type) : community.properties.type)}`,
            className: 'map-tooltip',
          };
        }
        if (info.layer?.id === DECK_LAYER_ID.facilities) {
          const facility = (info.object as FacilityRow).facility;
          const category = FACILITY_CATEGORIES[facility.properties.category];
          return {
            text: `${facility.properties.name}\n${category ? localName(category) : facility.properties.category}`,
            className: 'map-tooltip',
          };
        }
        return null;
      },
    });
  }, [
    toggles,
    populationMode,
    language,
    localName,
    communities,
    shownFacilities,
    data.network,
    rows,
    labels,
    labelCharacters,
    dotScale,
    selectedCommunity,
    selectedFacility,
    combinedAnalysis,
    communityClipBounds,
    drawingTool,
    analysisColoursMap,
    clickForIsochrones,
    heatmapGrid,
    t,
  ]);

  // The tool's cursor shows before the pointer first moves.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    map.getCanvas().style.cursor = drawingCursor(drawingTool) ?? '';
  }, [styleReady, drawingTool]);

  // Test hooks: <html data-communities-loaded="true"> (and isochrones-loaded, heatmap-loaded) once
  // the layer is drawn and the map is idle.
  useDrawnFlag(mapRef, styleReady, communities ?? null, 'communitiesLoaded');
  // Keyed on every analysis layer, so switching to the comparison (radius outlines added) re-arms it.
  useDrawnFlag(
    mapRef,
    styleReady,
    (analysisBands?.length ?? 0) > 0 ? analysisLayers : null,
    'isochronesLoaded',
  );
  useDrawnFlag(mapRef, styleReady, heatmapBitmap, 'heatmapLoaded');

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
    </div>
  );
}

/**
 * Sets `<html data-{flag}="true">` once `drawn` (any non-null value) is on screen and the map is
 * idle, and removes it whenever `drawn` changes, so end-to-end tests wait for what they read.
 */
function useDrawnFlag(
  mapRef: { current: MapLibreMap | null },
  styleReady: boolean,
  drawn: unknown,
  flag: 'communitiesLoaded' | 'isochronesLoaded' | 'heatmapLoaded',
): void {
  useEffect(() => {
    const map = mapRef.current;
    const root = document.documentElement;
    delete root.dataset[flag];
    if (!map || !styleReady || drawn === null) return;
    let cancelled = false;
    const markLoaded = () => {
      // Two frames: deck.gl draws its overlay on the frame after MapLibre's render.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!cancelled) root.dataset[flag] = 'true';
        }),
      );
    };
    map.once('idle', markLoaded);
    map.triggerRepaint();
    return () => {
      cancelled = true;
      map.off('idle', markLoaded);
    };
  }, [mapRef, styleReady, drawn, flag]);
}

/** The comparison's swipe: a handle dragged across the map, with the two sides named. */
function SwipeHandle({ swipe }: { swipe: NonNullable<ScenarioMapInput['swipe']> }) {
  const { t } = useI18n();
  const move = (event: ReactPointerEvent<HTMLDivElement>) => {
    const frame = event.currentTarget.closest('.map-view')?.getBoundingClientRect();
    if (!frame || frame.width <= 0) return;
    swipe.onFraction(Math.min(0.98, Math.max(0.02, (event.clientX - frame.left) / frame.width)));
  };
  return (
    <div className="swipe" style={{ left: `${swipe.fraction * 100}%` }} data-testid="swipe">
      <div className="swipe-label swipe-label-left">{swipe.leftLabel}</div>
      <div className="swipe-label swipe-label-right">{swipe.rightLabel}</div>
      <div
        className="swipe-grip"
        role="slider"
        tabIndex={0}
        aria-label={t('scenario.compare.swipe')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(swipe.fraction * 100)}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) move(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') swipe.onFraction(Math.max(0.02, swipe.fraction - 0.05));
          if (event.key === 'ArrowRight') swipe.onFraction(Math.min(0.98, swipe.fraction + 0.05));
        }}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M6 4 L2 8 L6 12 M10 4 L14 8 L10 12" />
        </svg>
      </div>
    </div>
  );
}
