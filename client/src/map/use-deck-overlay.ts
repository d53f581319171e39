/**
 * Hands deck.gl's overlay its layers and the map's pointer handling: clicks select a community or
 * facility, or start isochrones while the analysis asks for them (a scenario drawing tool owns
 * the clicks while one is chosen); the cursor and the hover text (map-tooltip.ts) follow.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, type RefObject } from 'react';
import type { CommunityFeature, HeatmapGrid } from '../lib/api-types';
import type { I18n } from '../lib/i18n';
import { buildDeckLayers, DECK_LAYER_ID, type DeckLayerInput, type Selection } from './deck-layers';
import { drawingCursor, type DrawingTool } from './drawing-tool';
import type { FacilityRow } from './map-rows';
import { tooltipText } from './map-tooltip';
import type { MapClickOrigin } from './map-view-types';

export interface PointerHandling {
  /** The scenario's drawing tool, which owns the clicks; null for none. */
  drawingTool: DrawingTool | null;
  clickForIsochrones: boolean;
  heatmap: HeatmapGrid | null;
  onSelect: (selection: Selection) => void;
  onIsochroneOrigin: (origin: MapClickOrigin) => void;
  i18n: Pick<I18n, 't' | 'language' | 'localName'>;
}

/** `layers` is buildDeckLayers' input; the overlay is updated whenever it or the handling changes. */
export function useDeckOverlay(
  overlayRef: RefObject<MapboxOverlay | null>,
  mapRef: RefObject<MapLibreMap | null>,
  layers: DeckLayerInput,
  handling: PointerHandling,
): void {
  // The latest callbacks, so a new callback does not rebuild every layer.
  const onSelectRef = useRef(handling.onSelect);
  const onIsochroneOriginRef = useRef(handling.onIsochroneOrigin);
  useEffect(() => {
    onSelectRef.current = handling.onSelect;
    onIsochroneOriginRef.current = handling.onIsochroneOrigin;
  }, [handling.onSelect, handling.onIsochroneOrigin]);

  const { drawingTool, clickForIsochrones, heatmap, i18n } = handling;
  useEffect(() => {
    const overlay = overlayRef.current;
    const map = mapRef.current;
    if (!overlay || !map) return;
    overlay.setProps({
      layers: buildDeckLayers(layers),
      onClick: (info: PickingInfo) => {
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
        const text = tooltipText(
          {
            layerId: info.layer?.id ?? null,
            object: info.object,
            coordinate: info.coordinate ? [info.coordinate[0], info.coordinate[1]] : null,
          },
          { heatmap, clickForIsochrones, i18n },
        );
        return text === null ? null : { text, className: 'map-tooltip' };
      },
    });
  }, [overlayRef, mapRef, layers, drawingTool, clickForIsochrones, heatmap, i18n]);
}
