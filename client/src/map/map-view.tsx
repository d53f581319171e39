/**
 * The map: MapLibre draws the base map (offline from the region's layers, or an online style),
 * deck.gl's MapboxOverlay draws the analytic layers above it and handles picking.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
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
import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  CommunityFeature,
  FacilityFeature,
  Region,
  RegionLayers,
} from '../lib/api-types';
import { BASEMAP_STYLE_URL } from '../lib/config';
import { useI18n } from '../lib/i18n';
import { COMMUNITY_TYPES, FACILITY_CATEGORIES } from '../lib/standards';
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
}

export function MapView(props: MapViewProps) {
  const { region, data, toggles, populationMode, hiddenCategories, selection, onSelect, dotScale } = props;
  const { t, language, localName } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const attributionRef = useRef<AttributionControl | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [zoom, setZoom] = useState(INITIAL_VIEW.zoom);
  const [webglFailed, setWebglFailed] = useState(false);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

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
      console.warn(`online base map style failed (${event.error?.message ?? 'unknown error'}); using the offline base map`);
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
  const shownFacilities = useMemo(
    () => (facilities ? facilityRows(facilities, hiddenCategories, zoom) : []),
    [facilities, hiddenCategories, zoom],
  );
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
    const named = (row: LabelRow) => ({ key: row.id, position: row.position, text: language === 'zh' ? row.nameZh : row.nameEn });
    return chooseLabels(
      { streets: rows.streetLabels, communities: rows.communityLabels, facilities: shownFacilities },
      {
        street: named,
        community: named,
        facility: (row: FacilityRow) => ({ key: row.facility.properties.id, position: row.position, text: row.facility.properties.name }),
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
    });
    overlay.setProps({
      layers,
      onClick: (info: PickingInfo) => {
        if (info.layer?.id === DECK_LAYER_ID.communities && info.object) {
          onSelectRef.current({ kind: 'community', id: (info.object as CommunityFeature).properties.id });
        } else if (info.layer?.id === DECK_LAYER_ID.facilities && info.object) {
          onSelectRef.current({ kind: 'facility', id: (info.object as FacilityRow).facility.properties.id });
        } else onSelectRef.current(null);
      },
      onHover: (info: PickingInfo) => {
        map.getCanvas().style.cursor = info.picked ? 'pointer' : '';
      },
      getTooltip: (info: PickingInfo) => {
        if (!info.object) return null;
        if (info.layer?.id === DECK_LAYER_ID.communities) {
          const community = info.object as CommunityFeature;
          const type = COMMUNITY_TYPES[community.properties.type];
          return {
            text: `${language === 'zh' ? community.properties.name : community.properties.nameEn || community.properties.name}\n${type ? localName(type) : community.properties.type}`,
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
  ]);

  // Test hook: <html data-communities-loaded="true"> once communities are drawn and the map is idle.
  useEffect(() => {
    const map = mapRef.current;
    const root = document.documentElement;
    delete root.dataset.communitiesLoaded;
    if (!map || !styleReady || !communities) return;
    let cancelled = false;
    const markLoaded = () => {
      // Two frames: deck.gl draws its overlay on the frame after MapLibre's render.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!cancelled) root.dataset.communitiesLoaded = 'true';
        }),
      );
    };
    map.once('idle', markLoaded);
    map.triggerRepaint();
    return () => {
      cancelled = true;
      map.off('idle', markLoaded);
    };
  }, [styleReady, communities]);

  return (
    <div className="map-view">
      <div ref={containerRef} className="map-canvas" aria-label={region ? localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name }) : undefined} />
      {webglFailed && <div className="map-message">{t('map.noWebgl')}</div>}
    </div>
  );
}
