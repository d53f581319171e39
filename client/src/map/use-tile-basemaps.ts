/**
 * The region's tile base maps on the MapLibre map (features/layer-panel/use-basemap-display.ts
 * says which, in what order, how opaque): drawn above the region's own ground (land, water, roads)
 * and under its street boundaries; deck.gl's communities and facilities lie above the whole map.
 * A change of opacity or visibility only repaints; a change of the list or its order rebuilds.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, type RefObject } from 'react';
import type { BasemapDisplay } from '../features/layer-panel/use-basemap-display';
import {
  isTileBasemapId,
  opacityProperty,
  TILE_BASEMAPS_BEFORE_LAYER_ID,
  tileBasemapLayers,
  tileBasemapSource,
  tileBasemapSourceId,
} from './basemap-style';

function removeTileBasemaps(map: MapLibreMap): void {
  for (const layer of map.getStyle().layers ?? []) {
    if (isTileBasemapId(layer.id)) map.removeLayer(layer.id);
  }
  for (const id of Object.keys(map.getStyle().sources ?? {})) {
    if (isTileBasemapId(id)) map.removeSource(id);
  }
}

export function useTileBasemaps(
  mapRef: RefObject<MapLibreMap | null>,
  styleReady: boolean,
  displays: readonly BasemapDisplay[],
): void {
  /** What the map holds now: the base maps' ids top first (with their kind and layers). */
  const builtRef = useRef<string | null>(null);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const structure = JSON.stringify(
      displays.map(({ basemap }) => [basemap.id, basemap.tiles, basemap.vectorLayers]),
    );
    const stillBuilt =
      builtRef.current === structure &&
      displays.every(({ basemap }) => map.getSource(tileBasemapSourceId(basemap.id)));
    if (stillBuilt) {
      for (const { basemap, opacity, visible } of displays) {
        for (const layer of tileBasemapLayers(basemap, opacity, visible)) {
          if (!map.getLayer(layer.id)) continue;
          map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
          map.setPaintProperty(layer.id, opacityProperty(layer.type), opacity);
        }
      }
      return;
    }
    removeTileBasemaps(map);
    const before = map.getLayer(TILE_BASEMAPS_BEFORE_LAYER_ID) ? TILE_BASEMAPS_BEFORE_LAYER_ID : undefined;
    // Bottom first: each is added just under the street boundaries, so above those added before it.
    for (const { basemap, opacity, visible } of [...displays].reverse()) {
      map.addSource(tileBasemapSourceId(basemap.id), tileBasemapSource(basemap, window.location.origin));
      for (const layer of tileBasemapLayers(basemap, opacity, visible)) map.addLayer(layer, before);
    }
    builtRef.current = structure;
  }, [mapRef, styleReady, displays]);
}
