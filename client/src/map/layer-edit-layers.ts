/**
 * What a scenario changed of the region's facilities and walking paths, drawn over the map in the
 * scenario view (saved and pending alike): added facilities ringed in the accent colour, moved or
 * changed ones ringed in blue (a moved one with a line from where it stood), removed ones greyed and
 * struck through where they stood, added paths highlighted over a halo, closed edges dashed red.
 * The facilities layer underneath draws the scenario's facilities themselves. Layer ids are stable.
 */
import type { Layer } from '@deck.gl/core';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { LineLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Position } from '../lib/api-types';
import {
  ADDED_FACILITY_RING,
  ADDED_PATH_HALO,
  ADDED_PATH_LINE,
  CHANGED_FACILITY_RING,
  CLOSED_PATH_DASH,
  CLOSED_PATH_LINE,
  MOVED_FACILITY_TRAIL,
  REMOVED_FACILITY_FILL,
  REMOVED_FACILITY_STRIKE,
  SELECTION_OUTLINE,
} from './colours';

export const LAYER_EDIT_LAYER_ID = {
  closedPaths: 'scenario-closed-paths',
  addedPathHalo: 'scenario-added-path-halo',
  addedPaths: 'scenario-added-paths',
  movedTrails: 'scenario-moved-facility-trails',
  removedFacilities: 'scenario-removed-facilities',
  removedStrikes: 'scenario-removed-facility-strikes',
  facilityRings: 'scenario-facility-rings',
  selectedFacility: 'scenario-selected-facility',
} as const;

/** A facility the scenario changed, where it now stands (a removed one: where it stood). */
export interface FacilityEditRow {
  id: string;
  position: Position;
  change: 'added' | 'moved' | 'changed' | 'removed';
  /** Moved: where it stood in the region. */
  from: Position | null;
}

/** A path the scenario added, or an edge of the network it closed. */
export interface PathEditRow {
  id: string | number;
  path: readonly Position[];
  change: 'added' | 'closed';
}

export interface LayerEditInput {
  facilities: readonly FacilityEditRow[];
  paths: readonly PathEditRow[];
  /** The facility chosen in the edit-facility tool (ringed), or null. */
  selectedFacility: Position | null;
}

/** One instance: deck.gl compares extensions by identity. */
const DASH_EXTENSION = new PathStyleExtension({ dash: true });

/** Radius of a facility's ring, screen pixels (the facility dot is some 5 px). */
const RING_RADIUS_PIXELS = 9;
/** Height of a removed facility's strike, screen pixels. */
const STRIKE_PIXELS = 20;

/** Layers above the network and facilities: paths first, then the facilities' marks. */
export function buildLayerEditLayers(input: LayerEditInput): Layer[] {
  const added = input.paths.filter((row) => row.change === 'added');
  const closed = input.paths.filter((row) => row.change === 'closed');
  const removed = input.facilities.filter((row) => row.change === 'removed');
  const ringed = input.facilities.filter((row) => row.change !== 'removed');
  const trails = input.facilities.filter((row) => row.change === 'moved' && row.from !== null);
  const layers: Layer[] = [
    new PathLayer<PathEditRow, PathStyleExtensionProps<PathEditRow>>({
      id: LAYER_EDIT_LAYER_ID.closedPaths,
      data: closed,
      getPath: (row) => row.path as Position[],
      getColor: CLOSED_PATH_LINE,
      widthUnits: 'pixels',
      getWidth: 3,
      capRounded: true,
      getDashArray: CLOSED_PATH_DASH,
      extensions: [DASH_EXTENSION],
    }),
    new PathLayer<PathEditRow>({
      id: LAYER_EDIT_LAYER_ID.addedPathHalo,
      data: added,
      getPath: (row) => row.path as Position[],
      getColor: ADDED_PATH_HALO,
      widthUnits: 'pixels',
      getWidth: 7,
      jointRounded: true,
      capRounded: true,
    }),
    new PathLayer<PathEditRow>({
      id: LAYER_EDIT_LAYER_ID.addedPaths,
      data: added,
      getPath: (row) => row.path as Position[],
      getColor: ADDED_PATH_LINE,
      widthUnits: 'pixels',
      getWidth: 3.5,
      jointRounded: true,
      capRounded: true,
    }),
    new LineLayer<FacilityEditRow>({
      id: LAYER_EDIT_LAYER_ID.movedTrails,
      data: trails,
      getSourcePosition: (row) => row.from!,
      getTargetPosition: (row) => row.position,
      getColor: MOVED_FACILITY_TRAIL,
      widthUnits: 'pixels',
      getWidth: 1.5,
    }),
    new ScatterplotLayer<FacilityEditRow>({
      id: LAYER_EDIT_LAYER_ID.removedFacilities,
      data: removed,
      getPosition: (row) => row.position,
      getRadius: 5,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: REMOVED_FACILITY_FILL,
      getLineColor: [255, 255, 255, 230],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
    // The strike: a slash through each removed facility, in pixels whatever the zoom.
    new TextLayer<FacilityEditRow>({
      id: LAYER_EDIT_LAYER_ID.removedStrikes,
      data: removed,
      getPosition: (row) => row.position,
      getText: () => '/',
      getSize: STRIKE_PIXELS,
      sizeUnits: 'pixels',
      fontWeight: 700,
      getColor: REMOVED_FACILITY_STRIKE,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
    new ScatterplotLayer<FacilityEditRow>({
      id: LAYER_EDIT_LAYER_ID.facilityRings,
      data: ringed,
      getPosition: (row) => row.position,
      getRadius: RING_RADIUS_PIXELS,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      getLineColor: (row) => (row.change === 'added' ? ADDED_FACILITY_RING : CHANGED_FACILITY_RING),
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5,
    }),
  ];
  if (input.selectedFacility) {
    layers.push(
      new ScatterplotLayer<Position>({
        id: LAYER_EDIT_LAYER_ID.selectedFacility,
        data: [input.selectedFacility],
        getPosition: (position) => position,
        getRadius: RING_RADIUS_PIXELS + 4,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: SELECTION_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
    );
  }
  return layers;
}
