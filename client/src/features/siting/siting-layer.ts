/** The proposed sites of a siting on the map: numbered markers (the rank the site was picked at). */
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Position } from '../../lib/api-types';
import { CJK_FONT_FAMILY } from '../../lib/config';
import { SITING_MARKER, SITING_MARKER_HALO, SITING_MARKER_TEXT } from '../../map/colours';
import type { HoverTextRow } from '../../map/map-tooltip';

export const SITING_LAYER_ID = { markers: 'siting-sites', numbers: 'siting-site-numbers' } as const;

export interface SiteMarker extends HoverTextRow {
  rank: number;
  position: Position;
}

const MARKER_RADIUS_PIXELS = 11;

export function buildSitingLayers(markers: readonly SiteMarker[]): Layer[] {
  if (markers.length === 0) return [];
  return [
    new ScatterplotLayer<SiteMarker>({
      id: SITING_LAYER_ID.markers,
      data: [...markers],
      getPosition: (marker) => marker.position,
      getRadius: MARKER_RADIUS_PIXELS,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      pickable: true,
      getFillColor: SITING_MARKER,
      getLineColor: SITING_MARKER_HALO,
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
    }),
    new TextLayer<SiteMarker>({
      id: SITING_LAYER_ID.numbers,
      data: [...markers],
      getPosition: (marker) => marker.position,
      getText: (marker) => String(marker.rank),
      getSize: 12,
      sizeUnits: 'pixels',
      fontFamily: CJK_FONT_FAMILY,
      fontWeight: 700,
      getColor: SITING_MARKER_TEXT,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}
