/**
 * The scenario screen's deck.gl layers: the units painted but not yet saved
 * (recoloured by their new community's type), the units of the community being edited, failing
 * communities' red outlines, the comparison's other side (clipped for the swipe) with the units that
 * changed community, and what the planner is drawing. Layer ids are stable.
 */
import type { Layer } from '@deck.gl/core';
import { ClipExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Feature as GeoJsonFeature } from 'geojson';
import type {
  CommunityFeature,
  CommunityProperties,
  Position,
  UnitFeature,
  UnitProperties,
} from '../lib/api-types';
import type { CommunityTypeId } from '../lib/standards';
import {
  ACTIVE_UNIT_FILL,
  COMMUNITY_FILL_ALPHA,
  COMMUNITY_OUTLINE,
  COMMUNITY_TYPE_COLOURS,
  DRAWING_FILL,
  DRAWING_HALO,
  DRAWING_LINE,
  DRAWING_VERTEX,
  MOVED_UNIT_FILL,
  MOVED_UNIT_OUTLINE,
  PENDING_UNIT_FILL_ALPHA,
  PENDING_UNIT_OUTLINE,
  RULE_FAIL_HALO,
  RULE_FAIL_OUTLINE,
  SELECTION_HALO,
  SELECTION_OUTLINE,
  withAlpha,
  type Rgb,
} from './colours';
import type { DrawingPreview } from './drawing-tool';

export const SCENARIO_LAYER_ID = {
  activeUnits: 'scenario-active-units',
  pendingUnits: 'scenario-pending-units',
  failingHalo: 'scenario-failing-halo',
  failing: 'scenario-failing',
  activeOutlineHalo: 'scenario-active-outline-halo',
  activeOutline: 'scenario-active-outline',
  otherCommunities: 'scenario-other-communities',
  movedUnits: 'scenario-moved-units',
  drawingFill: 'scenario-drawing-fill',
  drawingHalo: 'scenario-drawing-halo',
  drawingLine: 'scenario-drawing-line',
  drawingVertices: 'scenario-drawing-vertices',
} as const;

/** A unit painted into another community and not saved yet, with its new community's type. */
export interface PendingUnitRow {
  feature: UnitFeature;
  type: CommunityTypeId;
}

export interface ScenarioLayerInput {
  pendingUnits: readonly PendingUnitRow[];
  /** Units of the community being edited, as they are now. */
  activeUnits: readonly UnitFeature[];
  /** Its outline as it is now, edge by edge (drawn live while painting). */
  activeOutline: readonly [Position, Position][];
  /** Communities (saved geometry) failing a rule of the profile. */
  failingCommunities: readonly CommunityFeature[];
  /** Comparison: units whose community differs between the two sides. */
  movedUnits: readonly UnitFeature[];
  /** Bumped whenever the rows change in place, so deck.gl refreshes them. */
  revision: number;
}

function asGeoJson<T>(features: readonly T[]): GeoJsonFeature[] {
  return features as unknown as GeoJsonFeature[];
}

/** One instance: deck.gl compares extensions by identity. */
const CLIP_EXTENSION = new ClipExtension();

const typeColour = (type: CommunityTypeId): Rgb => COMMUNITY_TYPE_COLOURS[type] ?? [160, 160, 160];

/** Layers drawn over the communities (`below`: under the network and facilities) and over everything but labels (`above`). */
export function buildScenarioLayers(input: ScenarioLayerInput): { below: Layer[]; above: Layer[] } {
  const below: Layer[] = [];
  const above: Layer[] = [];
  below.push(
    new GeoJsonLayer<UnitProperties>({
      id: SCENARIO_LAYER_ID.pendingUnits,
      data: asGeoJson(
        input.pendingUnits.map((row) => ({
          ...row.feature,
          properties: { ...row.feature.properties, pendingType: row.type },
        })),
      ),
      filled: true,
      stroked: true,
      getFillColor: (feature) =>
        withAlpha(
          typeColour((feature.properties as UnitProperties & { pendingType: CommunityTypeId }).pendingType),
          PENDING_UNIT_FILL_ALPHA,
        ),
      getLineColor: PENDING_UNIT_OUTLINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      updateTriggers: { getFillColor: input.revision },
    }),
    new GeoJsonLayer<UnitProperties>({
      id: SCENARIO_LAYER_ID.activeUnits,
      data: asGeoJson(input.activeUnits),
      filled: true,
      stroked: false,
      getFillColor: ACTIVE_UNIT_FILL,
    }),
    new GeoJsonLayer<CommunityProperties>({
      id: SCENARIO_LAYER_ID.failingHalo,
      data: asGeoJson(input.failingCommunities),
      filled: false,
      stroked: true,
      getLineColor: RULE_FAIL_HALO,
      lineWidthUnits: 'pixels',
      getLineWidth: 3.5,
      lineJointRounded: true,
    }),
    new GeoJsonLayer<CommunityProperties>({
      id: SCENARIO_LAYER_ID.failing,
      data: asGeoJson(input.failingCommunities),
      filled: false,
      stroked: true,
      getLineColor: RULE_FAIL_OUTLINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.6,
      lineJointRounded: true,
    }),
  );
  below.push(
    new PathLayer<[Position, Position]>({
      id: SCENARIO_LAYER_ID.activeOutlineHalo,
      data: input.activeOutline,
      getPath: (segment) => segment,
      getColor: SELECTION_HALO,
      widthUnits: 'pixels',
      getWidth: 6,
      capRounded: true,
    }),
    new PathLayer<[Position, Position]>({
      id: SCENARIO_LAYER_ID.activeOutline,
      data: input.activeOutline,
      getPath: (segment) => segment,
      getColor: SELECTION_OUTLINE,
      widthUnits: 'pixels',
      getWidth: 3,
      capRounded: true,
    }),
  );
  if (input.movedUnits.length > 0) {
    above.push(
      new GeoJsonLayer<UnitProperties>({
        id: SCENARIO_LAYER_ID.movedUnits,
        data: asGeoJson(input.movedUnits),
        filled: true,
        stroked: true,
        getFillColor: MOVED_UNIT_FILL,
        getLineColor: MOVED_UNIT_OUTLINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
      }),
    );
  }
  return { below, above };
}

/**
 * The comparison's other side (another scenario or the baseline), coloured by type like the
 * communities layer and clipped to the west of the swipe's meridian `swipeLongitude`.
 */
export function buildSwipeOtherLayer(
  communities: readonly CommunityFeature[],
  swipeLongitude: number,
): Layer {
  return new GeoJsonLayer<CommunityProperties>({
    id: SCENARIO_LAYER_ID.otherCommunities,
    data: asGeoJson(communities),
    filled: true,
    stroked: true,
    getFillColor: (feature) => withAlpha(typeColour(feature.properties.type), COMMUNITY_FILL_ALPHA),
    getLineColor: COMMUNITY_OUTLINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.2,
    lineJointRounded: true,
    extensions: [CLIP_EXTENSION],
    clipBounds: [-180, -90, swipeLongitude, 90],
  } as ConstructorParameters<typeof GeoJsonLayer<CommunityProperties>>[0]);
}

/** Clip bounds `[west, south, east, north]` of the side east of the swipe (the open scenario). */
export function eastOfSwipe(swipeLongitude: number): [number, number, number, number] {
  return [swipeLongitude, -90, 180, 90];
}

/** What the planner is drawing: the lasso's fill, the line with a halo, the corners. */
export function buildDrawingLayers(preview: DrawingPreview | null): Layer[] {
  if (!preview || preview.points.length === 0) return [];
  if (preview.kind === 'point') return [drawingVertices(preview.points, 7)];
  const path: Position[] = preview.pointer ? [...preview.points, preview.pointer] : preview.points;
  const closed = preview.kind !== 'line' && path.length >= 3;
  const line = closed ? [...path, path[0]] : path;
  const layers: Layer[] = [];
  if (closed) {
    layers.push(
      new SolidPolygonLayer<{ polygon: Position[] }>({
        id: SCENARIO_LAYER_ID.drawingFill,
        data: [{ polygon: path }],
        getPolygon: (row) => row.polygon,
        getFillColor: DRAWING_FILL,
      }),
    );
  }
  layers.push(
    new PathLayer<{ path: Position[] }>({
      id: SCENARIO_LAYER_ID.drawingHalo,
      data: [{ path: line }],
      getPath: (row) => row.path,
      getColor: DRAWING_HALO,
      widthUnits: 'pixels',
      getWidth: 5,
      jointRounded: true,
      capRounded: true,
    }),
    new PathLayer<{ path: Position[] }>({
      id: SCENARIO_LAYER_ID.drawingLine,
      data: [{ path: line }],
      getPath: (row) => row.path,
      getColor: DRAWING_LINE,
      widthUnits: 'pixels',
      getWidth: 2,
      jointRounded: true,
      capRounded: true,
    }),
  );
  if (preview.kind !== 'lasso') layers.push(drawingVertices(preview.points, 4));
  return layers;
}

/** The corners of what is drawn (or where a dragged facility would land), `radiusPixels` each. */
function drawingVertices(points: readonly Position[], radiusPixels: number): Layer {
  return new ScatterplotLayer<Position>({
    id: SCENARIO_LAYER_ID.drawingVertices,
    data: points,
    getPosition: (point) => point,
    getRadius: radiusPixels,
    radiusUnits: 'pixels',
    filled: true,
    stroked: true,
    getFillColor: DRAWING_VERTEX,
    getLineColor: DRAWING_LINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
  });
}
