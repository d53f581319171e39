/**
 * deck.gl layers of the accessibility analysis: the heat map (one bitmap over the grid's bbox),
 * uncovered units, isochrone bands, dashed service-radius outlines and the origin marker.
 * `below` goes under the walking network and facilities, `above` over them (map/deck-layers.ts).
 */
import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { BitmapLayer, GeoJsonLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature as GeoJsonFeature } from 'geojson';
import type { AccessBandFeature, Position, UnitFeature } from '../lib/api-types';
import { CJK_FONT_FAMILY } from '../lib/config';
import {
  ISOCHRONE_FILL_ALPHA,
  ISOCHRONE_OUTLINE,
  ORIGIN_HALO,
  ORIGIN_MARKER,
  SERVICE_RADIUS_HALO,
  SERVICE_RADIUS_LABEL,
  SERVICE_RADIUS_OUTLINE,
  UNCOVERED_UNIT_FILL,
  UNCOVERED_UNIT_OUTLINE,
  withAlpha,
  type Rgb,
  type Rgba,
} from './colours';

export const ACCESSIBILITY_LAYER_ID = {
  heatmap: 'heatmap',
  uncoveredUnits: 'uncovered-units',
  bands: 'isochrone-bands',
  radiusHalo: 'service-radius-halo',
  radius: 'service-radius',
  radiusLabels: 'service-radius-labels',
  originHalo: 'isochrone-origin-halo',
  origin: 'isochrone-origin',
  originCentre: 'isochrone-origin-centre',
} as const;

/** A band as drawn: its feature and the colour of its minutes value. */
export interface BandFill {
  feature: AccessBandFeature;
  colour: Rgb;
}

export interface RadiusLabel {
  position: Position;
  text: string;
}

export interface HeatmapBitmap {
  /** The grid as an image, north row first (map/heatmap-image.ts). */
  image: ImageData;
  /** `[west, south, east, north]` outer edges of the grid, degrees. */
  bounds: [number, number, number, number];
}

export interface AccessibilityLayerInput {
  bands: readonly BandFill[];
  /** Service radii drawn as dashed outlines over the bands (the comparison view). */
  radiusOutlines: readonly AccessBandFeature[];
  origins: readonly Position[];
  heatmap: HeatmapBitmap | null;
  uncoveredUnits: readonly UnitFeature[];
}

/** Dash and gap of service-radius outlines, screen pixels. */
const RADIUS_DASH_PIXELS: [number, number] = [7, 5];
// 'path' keeps the pattern running across the circle's many short segments (per-segment dashes look solid).
const DASH_EXTENSION = new PathStyleExtension({ dash: true, dashMode: 'path' });

/** Outer rings of every polygon of the bands: each circle once (a ring band's hole is the previous band's rim). */
export function outerRings(bands: readonly AccessBandFeature[]): Position[][] {
  return bands.flatMap((band) =>
    band.geometry.coordinates.map((polygon) => polygon[0]).filter((ring) => ring && ring.length > 1),
  );
}

/** Where a radius's label goes: the northernmost vertex of its band (the top of the circle), or null if empty. */
export function radiusLabelPosition(band: AccessBandFeature): Position | null {
  let best: Position | null = null;
  for (const polygon of band.geometry.coordinates) {
    for (const position of polygon[0] ?? []) {
      if (!best || position[1] > best[1]) best = position;
    }
  }
  return best;
}

/** "300 m" labels at the top of each service radius, or none when the radius is unknown. */
export function radiusLabels(bands: readonly AccessBandFeature[]): RadiusLabel[] {
  const labels: RadiusLabel[] = [];
  for (const band of bands) {
    const position = radiusLabelPosition(band);
    const meters = band.properties.radiusMeters;
    if (position && typeof meters === 'number')
      labels.push({ position, text: `${Math.round(meters).toLocaleString('zh-CN')} m` });
  }
  return labels;
}

function asGeoJson<T>(features: readonly T[]): GeoJsonFeature[] {
  return features as unknown as GeoJsonFeature[];
}

export function buildAccessibilityLayers(input: AccessibilityLayerInput): { below: Layer[]; above: Layer[] } {
  const below: Layer[] = [];
  const above: Layer[] = [];

  if (input.heatmap) {
    below.push(
      new BitmapLayer({
        id: ACCESSIBILITY_LAYER_ID.heatmap,
        image: input.heatmap.image,
        bounds: input.heatmap.bounds,
        // The grid is regular in longitude/latitude, not in Web Mercator: let deck.gl reproject it.
        _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT,
        // Crisp cells: each is a value, not a sample to blur into its neighbours.
        textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
      }),
    );
  }

  if (input.uncoveredUnits.length > 0) {
    below.push(
      new GeoJsonLayer({
        id: ACCESSIBILITY_LAYER_ID.uncoveredUnits,
        data: asGeoJson(input.uncoveredUnits),
        filled: true,
        stroked: true,
        getFillColor: UNCOVERED_UNIT_FILL,
        getLineColor: UNCOVERED_UNIT_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 0.5,
        lineJointRounded: true,
      }),
    );
  }

  if (input.bands.length > 0) {
    // Farthest first, so where bands overlap (disks) the nearer one is drawn on top.
    const ordered = [...input.bands].reverse();
    below.push(
      new GeoJsonLayer<unknown>({
        id: ACCESSIBILITY_LAYER_ID.bands,
        data: ordered.map((band) => ({
          ...band.feature,
          properties: { ...band.feature.properties, colour: band.colour },
        })) as unknown as GeoJsonFeature[],
        filled: true,
        stroked: true,
        getFillColor: (feature) =>
          withAlpha((feature.properties as { colour: Rgb }).colour, ISOCHRONE_FILL_ALPHA),
        getLineColor: ISOCHRONE_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        lineJointRounded: true,
      }),
    );
  }

  if (input.radiusOutlines.length > 0) {
    const rings = outerRings(input.radiusOutlines);
    below.push(
      new PathLayer<Position[]>({
        id: ACCESSIBILITY_LAYER_ID.radiusHalo,
        data: rings,
        getPath: (ring) => ring,
        getColor: SERVICE_RADIUS_HALO,
        getWidth: 4,
        widthUnits: 'pixels',
        jointRounded: true,
      }),
      new PathLayer<Position[], PathStyleExtensionProps<Position[]>>({
        id: ACCESSIBILITY_LAYER_ID.radius,
        data: rings,
        getPath: (ring) => ring,
        getColor: SERVICE_RADIUS_OUTLINE,
        getWidth: 2,
        widthUnits: 'pixels',
        jointRounded: true,
        getDashArray: RADIUS_DASH_PIXELS,
        dashUnits: 'pixels',
        extensions: [DASH_EXTENSION],
      }),
    );
    above.push(
      new TextLayer<RadiusLabel>({
        id: ACCESSIBILITY_LAYER_ID.radiusLabels,
        data: radiusLabels(input.radiusOutlines),
        getPosition: (label) => label.position,
        getText: (label) => label.text,
        getSize: 11,
        sizeUnits: 'pixels',
        fontFamily: CJK_FONT_FAMILY,
        fontWeight: 600,
        fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
        outlineColor: [255, 255, 255, 240],
        outlineWidth: 4,
        getColor: SERVICE_RADIUS_LABEL,
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'bottom',
        getPixelOffset: [0, -3],
      }),
    );
  }

  if (input.origins.length > 0) {
    // A white halo, the marker ring, and a dot at the centre: one ScatterplotLayer each.
    const originMark = (
      id: string,
      radiusPixels: number,
      lineWidthPixels: number,
      lineColor: Rgba,
      fillColor: Rgba | null,
    ) =>
      new ScatterplotLayer<Position>({
        id,
        data: [...input.origins],
        getPosition: (position) => position,
        getRadius: radiusPixels,
        radiusUnits: 'pixels',
        filled: fillColor !== null,
        stroked: true,
        ...(fillColor ? { getFillColor: fillColor } : {}),
        getLineColor: lineColor,
        lineWidthUnits: 'pixels',
        getLineWidth: lineWidthPixels,
      });
    above.push(
      originMark(ACCESSIBILITY_LAYER_ID.originHalo, 11, 5, ORIGIN_HALO, null),
      originMark(ACCESSIBILITY_LAYER_ID.origin, 11, 2.5, ORIGIN_MARKER, null),
      originMark(ACCESSIBILITY_LAYER_ID.originCentre, 3, 1.5, ORIGIN_HALO, ORIGIN_MARKER),
    );
  }

  return { below, above };
}
