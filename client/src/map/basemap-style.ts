/**
 * The offline base map: an inline MapLibre style drawn from the region's own layers (water,
 * roads by class with bridges, street boundaries), fed as GeoJSON sources from the API. It needs
 * no glyphs, sprites or tiles; labels are drawn by deck.gl (map/deck-layers.ts).
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { NetworkClass } from '../lib/api-types';
import { BASEMAP } from './colours';

/** GeoJSON sources of the base map; their data comes from the region's layers. */
export const BASEMAP_SOURCE = {
  streets: 'region-streets',
  water: 'region-water',
  network: 'region-network',
} as const;
export type BasemapSourceId = (typeof BASEMAP_SOURCE)[keyof typeof BASEMAP_SOURCE];

/** MapLibre layers the "street boundaries" toggle shows and hides. */
export const STREET_BOUNDARY_LAYER_IDS = ['street-boundary-halo', 'street-boundary-line'] as const;

function emptySource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

const isClass = (...classes: NetworkClass[]): ExpressionSpecification => [
  'in',
  ['get', 'class'],
  ['literal', classes],
];

/** Line width in pixels by zoom; `widthsAt` gives [z12, z15, z18] widths per class. */
function roadWidth(
  widthsAt: Record<NetworkClass, [number, number, number]>,
): DataDrivenPropertyValueSpecification<number> {
  const byClass = (index: 0 | 1 | 2): ExpressionSpecification => [
    'match',
    ['get', 'class'],
    'arterial',
    widthsAt.arterial[index],
    'street',
    widthsAt.street[index],
    'alley',
    widthsAt.alley[index],
    'footway',
    widthsAt.footway[index],
    'steps',
    widthsAt.steps[index],
    widthsAt.track[index],
  ];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 12, byClass(0), 15, byClass(1), 18, byClass(2)];
}

const ROAD_WIDTHS: Record<NetworkClass, [number, number, number]> = {
  arterial: [2.2, 7, 22],
  street: [1.2, 4.5, 14],
  alley: [0.6, 2.4, 8],
  footway: [0.5, 1.4, 3],
  steps: [0.5, 1.6, 3.5],
  track: [0.5, 1.4, 3],
};
const CASING_EXTRA_PIXELS: Record<NetworkClass, [number, number, number]> = {
  arterial: [1.4, 2.4, 4],
  street: [1, 2, 3.5],
  alley: [0.6, 1.4, 2.5],
  footway: [0, 0, 0],
  steps: [0, 0, 0],
  track: [0, 0, 0],
};
const CASING_WIDTHS = Object.fromEntries(
  Object.entries(ROAD_WIDTHS).map(([roadClass, widths]) => [
    roadClass,
    widths.map((width, index) => width + CASING_EXTRA_PIXELS[roadClass as NetworkClass][index]) as [
      number,
      number,
      number,
    ],
  ]),
) as Record<NetworkClass, [number, number, number]>;

const PAVED: NetworkClass[] = ['arterial', 'street', 'alley'];
const NOT_BRIDGE: ExpressionSpecification = ['!=', ['get', 'bridge'], true];
const BRIDGE: ExpressionSpecification = ['==', ['get', 'bridge'], true];

function roadFill(id: string, roadClass: NetworkClass, filter: ExpressionSpecification): LayerSpecification {
  const dashed = roadClass === 'footway' || roadClass === 'steps' || roadClass === 'track';
  return {
    id,
    type: 'line',
    source: BASEMAP_SOURCE.network,
    filter: ['all', isClass(roadClass), filter],
    layout: { 'line-cap': dashed ? 'butt' : 'round', 'line-join': 'round' },
    paint: {
      'line-color': BASEMAP.road[roadClass],
      'line-width': roadWidth(ROAD_WIDTHS),
      ...(dashed ? { 'line-dasharray': roadClass === 'steps' ? [0.6, 0.6] : [2, 1.5] } : {}),
    },
  };
}

/** Road layers for ground-level edges, then bridges above them with a darker casing. */
function roadLayers(): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: 'road-casing',
      type: 'line',
      source: BASEMAP_SOURCE.network,
      filter: ['all', isClass(...PAVED), NOT_BRIDGE],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASEMAP.roadCasing, 'line-width': roadWidth(CASING_WIDTHS) },
    },
  ];
  for (const roadClass of ['track', 'steps', 'footway', 'alley', 'street', 'arterial'] as const) {
    layers.push(roadFill(`road-${roadClass}`, roadClass, NOT_BRIDGE));
  }
  layers.push({
    id: 'bridge-casing',
    type: 'line',
    source: BASEMAP_SOURCE.network,
    filter: BRIDGE,
    layout: { 'line-cap': 'butt', 'line-join': 'round' },
    paint: {
      'line-color': BASEMAP.bridgeCasing,
      'line-width': roadWidth({
        ...CASING_WIDTHS,
        footway: [1.5, 3, 6],
        steps: [1.5, 3, 6],
        track: [1.5, 3, 6],
      }),
    },
  });
  for (const roadClass of ['track', 'steps', 'footway', 'alley', 'street', 'arterial'] as const) {
    layers.push(roadFill(`bridge-${roadClass}`, roadClass, BRIDGE));
  }
  return layers;
}

function streetBoundaryLayers(): LayerSpecification[] {
  return [
    {
      id: STREET_BOUNDARY_LAYER_IDS[0],
      type: 'line',
      source: BASEMAP_SOURCE.streets,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASEMAP.streetBoundaryHalo,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 6],
        'line-opacity': 0.85,
      },
    },
    {
      id: STREET_BOUNDARY_LAYER_IDS[1],
      type: 'line',
      source: BASEMAP_SOURCE.streets,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASEMAP.streetBoundary,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.4, 16, 2.6],
        'line-dasharray': [4, 2, 1, 2],
      },
    },
  ];
}

/** The complete offline style: everything drawn from the region's own data. */
export function offlineBasemapStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Lifecircle offline base map',
    sources: {
      [BASEMAP_SOURCE.streets]: emptySource(),
      [BASEMAP_SOURCE.water]: emptySource(),
      [BASEMAP_SOURCE.network]: emptySource(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP.background } },
      { id: 'land', type: 'fill', source: BASEMAP_SOURCE.streets, paint: { 'fill-color': BASEMAP.land } },
      { id: 'water', type: 'fill', source: BASEMAP_SOURCE.water, paint: { 'fill-color': BASEMAP.water } },
      {
        id: 'water-outline',
        type: 'line',
        source: BASEMAP_SOURCE.water,
        paint: { 'line-color': BASEMAP.waterOutline, 'line-width': 0.8 },
      },
      ...roadLayers(),
      ...streetBoundaryLayers(),
    ],
  };
}

/**
 * On an online style, add only what the online map cannot know: the region's street boundaries.
 * Call after the style has loaded; safe to call again after a style reload.
 */
export function addRegionLayersToOnlineStyle(map: MapLibreMap): void {
  if (!map.getSource(BASEMAP_SOURCE.streets)) map.addSource(BASEMAP_SOURCE.streets, emptySource());
  for (const layer of streetBoundaryLayers()) {
    if (!map.getLayer(layer.id)) map.addLayer(layer);
  }
}
