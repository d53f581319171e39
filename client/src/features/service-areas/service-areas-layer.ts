/**
 * The service areas as deck.gl layers: each facility's area filled with its colour slot and
 * outlined by its load class (over capacity: a thick red outline), the units beyond the tier
 * greyed on top, and the facilities as small dots. Every feature carries its hover text.
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature as GeoJsonFeature } from 'geojson';
import type { Position, UnitFeature } from '../../lib/api-types';
import {
  BEYOND_TIER_UNIT_FILL,
  SERVICE_AREA_FILL_ALPHA,
  SERVICE_AREA_LOAD_OUTLINES,
  SERVICE_AREA_PALETTE,
  withAlpha,
  type Rgba,
} from '../../map/colours';
import type { HoverTextRow } from '../../map/map-tooltip';
import type { LoadClass } from './service-area-rows';
import type { ServiceAreaFeature } from './service-areas-api';

export const SERVICE_AREA_LAYER_ID = {
  areas: 'service-areas',
  beyondTier: 'service-areas-beyond-tier',
  facilities: 'service-area-facilities',
} as const;

/** An area as drawn: its feature, colour slot, load class and hover text. */
export interface ServiceAreaShape extends HoverTextRow {
  type: 'Feature';
  geometry: ServiceAreaFeature['geometry'];
  properties: { facilityId: string; slot: number; loadClass: LoadClass };
}

export interface ServiceAreaFacilityDot extends HoverTextRow {
  position: Position;
  loadClass: LoadClass;
}

export interface ServiceAreaLayerInput {
  areas: readonly ServiceAreaShape[];
  beyondTierUnits: readonly UnitFeature[];
  facilities: readonly ServiceAreaFacilityDot[];
}

/** Outline widths, pixels: an overloaded facility's area stands out. */
const OUTLINE_PIXELS: Record<LoadClass, number> = { ok: 1, near: 2, over: 3.5, unknown: 1 };

export function buildServiceAreaLayers(input: ServiceAreaLayerInput): Layer[] {
  return [
    new GeoJsonLayer<unknown>({
      id: SERVICE_AREA_LAYER_ID.areas,
      data: input.areas.filter((area) => area.geometry !== null) as unknown as GeoJsonFeature[],
      filled: true,
      stroked: true,
      pickable: true,
      getFillColor: (feature) => {
        const slot = (feature.properties as ServiceAreaShape['properties']).slot;
        return withAlpha(SERVICE_AREA_PALETTE[slot % SERVICE_AREA_PALETTE.length], SERVICE_AREA_FILL_ALPHA);
      },
      getLineColor: (feature) =>
        SERVICE_AREA_LOAD_OUTLINES[(feature.properties as ServiceAreaShape['properties']).loadClass] as Rgba,
      getLineWidth: (feature) =>
        OUTLINE_PIXELS[(feature.properties as ServiceAreaShape['properties']).loadClass],
      lineWidthUnits: 'pixels',
      lineJointRounded: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 70],
    }),
    new GeoJsonLayer({
      id: SERVICE_AREA_LAYER_ID.beyondTier,
      data: input.beyondTierUnits as unknown as GeoJsonFeature[],
      filled: true,
      stroked: false,
      getFillColor: BEYOND_TIER_UNIT_FILL,
    }),
    new ScatterplotLayer<ServiceAreaFacilityDot>({
      id: SERVICE_AREA_LAYER_ID.facilities,
      data: [...input.facilities],
      getPosition: (dot) => dot.position,
      getRadius: 5,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      pickable: true,
      getFillColor: (dot) => SERVICE_AREA_LOAD_OUTLINES[dot.loadClass] as Rgba,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
    }),
  ];
}
