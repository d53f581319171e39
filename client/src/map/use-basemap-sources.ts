/**
 * The MapLibre side of the map's data: the base map's sources follow the region's layers, the
 * street boundaries follow their switch, and the scenario's unit grid is a MapLibre line layer
 * (deck.gl would redraw it at every brush stroke; MapLibre does not).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import type { RegionLayers, UnitFeature } from '../lib/api-types';
import { BASEMAP_SOURCE, STREET_BOUNDARY_LAYER_IDS } from './basemap-style';
import { UNIT_GRID_LINE } from './colours';

/** Source and layer id of the scenario's unit grid on the MapLibre map. */
const UNIT_GRID_SOURCE = 'scenario-unit-grid';

type GeoJsonData = Parameters<GeoJSONSource['setData']>[0];

export function useBasemapSources(
  mapRef: RefObject<MapLibreMap | null>,
  styleReady: boolean,
  data: Partial<RegionLayers>,
  streetsShown: boolean,
): void {
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
      source?.setData(collection as GeoJsonData);
    }
  }, [mapRef, styleReady, data.streets, data.water, data.network]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const id of STREET_BOUNDARY_LAYER_IDS) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', streetsShown ? 'visible' : 'none');
    }
  }, [mapRef, styleReady, streetsShown]);
}

/** Outlines `units` (null hides the grid). */
export function useUnitGrid(
  mapRef: RefObject<MapLibreMap | null>,
  styleReady: boolean,
  units: readonly UnitFeature[] | null,
): void {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const source = map.getSource<GeoJSONSource>(UNIT_GRID_SOURCE);
    if (!units) {
      if (map.getLayer(UNIT_GRID_SOURCE)) map.setLayoutProperty(UNIT_GRID_SOURCE, 'visibility', 'none');
      return;
    }
    const collection = { type: 'FeatureCollection' as const, features: units } as unknown as GeoJsonData;
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
  }, [mapRef, styleReady, units]);
}
