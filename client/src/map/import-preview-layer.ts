/**
 * The import wizard's preview on the map: the features as the server would write them, drawn
 * above the region's layers; refused features red, warned or repaired ones amber, the rest blue.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';

export const IMPORT_PREVIEW_LAYER_ID = 'import-preview';

type Rgba = [number, number, number, number];
const STATUS_COLOURS: Record<string, Rgba> = {
  ok: [37, 99, 235, 255],
  repaired: [217, 119, 6, 255],
  warning: [217, 119, 6, 255],
  error: [220, 38, 38, 255],
};

interface PreviewProperties {
  importStatus?: string;
}

function colourOf(properties: PreviewProperties | undefined, alpha: number): Rgba {
  const [r, g, b] = STATUS_COLOURS[properties?.importStatus ?? 'ok'] ?? STATUS_COLOURS.ok!;
  return [r, g, b, alpha];
}

/**
 * From this many polygons on, the preview draws their fills without outlines. A county's units
 * (99 200 polygons) outlined cost a browser without a graphics card (software WebGL) ≈ 30 s a
 * frame whatever the line width (3, 1 or 0.5 px), filled only ≈ 3 s (scripts/bench/README.md,
 * `bench:import-wizard`); at a whole region's zoom the outlines would hide the fills' colours anyway.
 */
export const OUTLINES_UNDER_FEATURES = 10_000;

/** Whether polygons are outlined and points ringed: always, unless a preview of many features has polygons. */
export function previewStroked(features: readonly GeoJSON.Feature[]): boolean {
  if (features.length < OUTLINES_UNDER_FEATURES) return true;
  return !features.some(
    (feature) => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon',
  );
}

/** One deck.gl layer of the preview's FeatureCollection (features without geometry are skipped). */
export function buildImportPreviewLayer(collection: GeoJSON.FeatureCollection): Layer {
  const drawable: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: collection.features.filter((feature) => feature.geometry !== null),
  };
  return new GeoJsonLayer<PreviewProperties>({
    id: IMPORT_PREVIEW_LAYER_ID,
    data: drawable,
    filled: true,
    stroked: previewStroked(drawable.features),
    pointType: 'circle',
    // Rings rather than dots, so the preview stands apart from the facilities' category colours.
    getFillColor: (feature) => colourOf(feature.properties, feature.geometry.type === 'Point' ? 70 : 50),
    getLineColor: (feature) => colourOf(feature.properties, 255),
    getPointRadius: 8,
    pointRadiusUnits: 'pixels',
    pointRadiusMinPixels: 5,
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 1.5,
    pickable: false,
  });
}
