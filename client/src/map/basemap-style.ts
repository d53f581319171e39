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
import type { Basemap, NetworkClass } from '../lib/api-types';
import { BASEMAP, VECTOR_BASEMAP } from './colours';

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

/** The MapLibre layer the region's tile base maps are drawn under (the street boundaries stay on top). */
export const TILE_BASEMAPS_BEFORE_LAYER_ID = STREET_BOUNDARY_LAYER_IDS[0];
const TILE_BASEMAP_PREFIX = 'tile-basemap-';

export function tileBasemapSourceId(basemapId: string): string {
  return `${TILE_BASEMAP_PREFIX}${basemapId}`;
}

export function isTileBasemapId(id: string): boolean {
  return id.startsWith(TILE_BASEMAP_PREFIX);
}

/**
 * A tile URL template the map's worker can fetch: the app's own (`/api/…`) made absolute on this
 * origin without encoding its `{z}/{x}/{y}` (new URL() would), a service's as configured.
 */
export function absoluteTileUrl(template: string, origin: string): string {
  return template.startsWith('/') ? `${origin}${template}` : template;
}

/** The source of a base map: raster tiles, or vector tiles within its bounds and zooms. */
export function tileBasemapSource(basemap: Basemap, origin: string): SourceSpecification {
  const common = {
    tiles: basemap.tiles.map((template) => absoluteTileUrl(template, origin)),
    minzoom: basemap.minzoom,
    maxzoom: basemap.maxzoom,
    ...(basemap.bounds ? { bounds: [...basemap.bounds] as [number, number, number, number] } : {}),
    ...(basemap.attribution ? { attribution: basemap.attribution } : {}),
  };
  return basemap.kind === 'raster'
    ? { type: 'raster', tileSize: 256, ...common }
    : { type: 'vector', ...common };
}

/**
 * The layers drawing a base map at `opacity`: one raster layer, or for each layer of vector tiles
 * (which carry no style) its polygons, lines and points in VECTOR_BASEMAP's colours.
 */
export function tileBasemapLayers(basemap: Basemap, opacity: number, visible: boolean): LayerSpecification[] {
  const source = tileBasemapSourceId(basemap.id);
  const layout = { visibility: visible ? ('visible' as const) : ('none' as const) };
  if (basemap.kind === 'raster') {
    return [
      {
        id: source,
        type: 'raster',
        source,
        layout,
        paint: { 'raster-opacity': opacity, 'raster-fade-duration': 0 },
      },
    ];
  }
  return basemap.vectorLayers.flatMap((sourceLayer): LayerSpecification[] => {
    const id = `${source}-${sourceLayer}`;
    const geometry = (type: string): ExpressionSpecification => ['==', ['geometry-type'], type];
    return [
      {
        id: `${id}-fill`,
        type: 'fill',
        source,
        'source-layer': sourceLayer,
        filter: ['any', geometry('Polygon'), geometry('MultiPolygon')],
        layout,
        paint: {
          'fill-color': VECTOR_BASEMAP.fill,
          'fill-outline-color': VECTOR_BASEMAP.fillOutline,
          'fill-opacity': opacity,
        },
      },
      {
        id: `${id}-line`,
        type: 'line',
        source,
        'source-layer': sourceLayer,
        filter: ['any', geometry('LineString'), geometry('MultiLineString')],
        layout,
        paint: { 'line-color': VECTOR_BASEMAP.line, 'line-width': 1.5, 'line-opacity': opacity },
      },
      {
        id: `${id}-point`,
        type: 'circle',
        source,
        'source-layer': sourceLayer,
        filter: ['any', geometry('Point'), geometry('MultiPoint')],
        layout,
        paint: { 'circle-color': VECTOR_BASEMAP.point, 'circle-radius': 2.5, 'circle-opacity': opacity },
      },
    ];
  });
}

/** The paint property holding a base-map layer's opacity (tileBasemapLayers makes only these types). */
export function opacityProperty(
  layerType: string,
): 'raster-opacity' | 'fill-opacity' | 'line-opacity' | 'circle-opacity' {
  if (layerType === 'fill' || layerType === 'line' || layerType === 'circle') return `${layerType}-opacity`;
  return 'raster-opacity';
}
