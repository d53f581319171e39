/**
 * The MapLibre map of map-view.tsx, created once: the base map (offline from the region's layers,
 * or an online style that falls back to it), deck.gl's overlay as a control, attribution that
 * follows the region, the region framed when it changes, and places framed on request.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Region } from '../lib/api-types';
import { cameraText, takeAddressCamera, writeAddress } from '../lib/address';
import { BASEMAP_STYLE_URL } from '../lib/config';
import { addRegionLayersToOnlineStyle, offlineBasemapStyle } from './basemap-style';
import type { CameraLink } from './camera-link';
import type { ZoomRequest } from './map-view-types';
import { regionAttribution } from './region-attribution';

// The worker is shipped as its own asset; MapLibre cannot find it next to a bundled chunk.
setWorkerUrl(maplibreWorkerUrl);

/**
 * Hooks for end-to-end tests (tests/e2e): the live map object, its deck.gl overlay (to pick what
 * it draws), and the comparison's second map.
 */
declare global {
  interface Window {
    __lifecircle?: { map: MapLibreMap; overlay: MapboxOverlay; otherMap?: MapLibreMap };
  }
}

const INITIAL_VIEW = { center: [108.3, 26.6] as [number, number], zoom: 4 };
const FIT_PADDING_PIXELS = 36;
const ZOOM_TO_PADDING_PIXELS = 80;
const ZOOM_TO_MAX_ZOOM = 16;

export interface MapLibreState {
  containerRef: RefObject<HTMLDivElement | null>;
  mapRef: RefObject<MapLibreMap | null>;
  overlayRef: RefObject<MapboxOverlay | null>;
  /** The style has loaded: sources and layers may be added. */
  styleReady: boolean;
  /** The zoom after the last zoom gesture (labels and facility clusters follow it). */
  zoom: number;
  /** The browser cannot draw the map (no WebGL2). */
  webglFailed: boolean;
}

export interface MapLibreOptions {
  /** A second map beside the main one: it keeps off the test hook and follows `cameraLink`. */
  secondary?: boolean;
  /** Maps kept on one view (side-by-side comparison). */
  cameraLink?: CameraLink | null;
}

export function useMapLibreMap(
  region: Region | null,
  zoomTo: ZoomRequest | null,
  { secondary = false, cameraLink = null }: MapLibreOptions = {},
): MapLibreState {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const attributionRef = useRef<AttributionControl | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [zoom, setZoom] = useState(INITIAL_VIEW.zoom);
  const [webglFailed, setWebglFailed] = useState(false);

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
    if (!secondary) {
      window.__lifecircle = { map, overlay };
      // The view goes into the address, so a link opens it (lib/address.ts).
      map.on('moveend', () => {
        const { lng, lat } = map.getCenter();
        writeAddress({ at: cameraText({ center: [lng, lat], zoom: map.getZoom() }) });
      });
    } else if (window.__lifecircle) window.__lifecircle.otherMap = map;

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
      if (window.__lifecircle?.otherMap === map) delete window.__lifecircle.otherMap;
    };
    // Created once: whether it is the main map does not change for a mounted view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Linked maps share one view: the second takes the first's, then every move is copied.
  const cameraLinkRef = useRef(cameraLink);
  useEffect(() => {
    cameraLinkRef.current = cameraLink;
    const map = mapRef.current;
    if (!map || !cameraLink) return;
    return cameraLink.attach(map);
  }, [cameraLink]);

  // Attribution follows the region (OpenStreetMap data must be credited where it is shown).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (attributionRef.current) map.removeControl(attributionRef.current);
    const control = new AttributionControl({ compact: false, customAttribution: regionAttribution(region) });
    map.addControl(control, 'bottom-right');
    attributionRef.current = control;
  }, [region]);

  // Fit the region on load and whenever the region changes (a linked map keeps its peer's view).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !region?.bbox) return;
    if (cameraLinkRef.current?.peerOf(map)) {
      setZoom(map.getZoom());
      return;
    }
    // A link's view of this region, the first time it is framed; the whole region otherwise.
    const linked = secondary ? null : takeAddressCamera(region.id);
    if (linked) map.jumpTo(linked);
    else {
      const [west, south, east, north] = region.bbox;
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        { padding: FIT_PADDING_PIXELS, animate: false },
      );
    }
    setZoom(map.getZoom());
  }, [region, secondary]);

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

  return { containerRef, mapRef, overlayRef, styleReady, zoom, webglFailed };
}
