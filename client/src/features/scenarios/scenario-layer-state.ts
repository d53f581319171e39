/**
 * The facilities and walking paths a scenario's layer edits work on, as core's ScenarioLayers: the
 * region's facilities (its facilities layer), what the saved scenario changed of them and of the
 * paths (`GET /api/scenarios/:id/facilities` and `/paths`), and which network edges exist. Also the
 * scenario's facilities as the map draws them, each with how it differs from the region's.
 */
import {
  effectiveFacilities,
  facilityChangeKinds,
  scenarioLayers,
  type AddedPath,
  type FacilityChangeKind,
  type FacilityRecord,
  type ScenarioLayers,
} from '../../../../core/scenario/scenario-layers';
import type {
  FacilityFeature,
  NetworkFeature,
  Position,
  ScenarioFacilitiesAnswer,
  ScenarioPathsAnswer,
} from '../../lib/api-types';
import type { FacilityEditRow, PathEditRow } from '../../map/layer-edit-layers';

export type { AddedPath, FacilityChangeKind, FacilityRecord, ScenarioLayers };

/** What a session needs to check layer edits as the server does. */
export interface SessionLayers {
  /** The region's own facilities by id. */
  regionFacilities: ReadonlyMap<string, FacilityRecord>;
  /** What the saved scenario changes of them and of the paths. */
  saved: ScenarioLayers;
  /** The region's walking network edges by id, as lines (what close-path picks and the map dashes). */
  edgeLines: ReadonlyMap<number, readonly Position[]>;
}

/** A facility as a scenario holds it, from a layer's or answer's feature (the same fields in both). */
function recordOf(feature: {
  geometry: { coordinates: Position };
  properties: Omit<FacilityRecord, 'position' | 'capacity'> & { capacity?: number | null };
}): FacilityRecord {
  const p = feature.properties;
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    position: [feature.geometry.coordinates[0], feature.geometry.coordinates[1]],
    floorAreaSquareMeters: p.floorAreaSquareMeters,
    landAreaSquareMeters: p.landAreaSquareMeters,
    capacity: p.capacity ?? null,
  };
}

/** A facility of the region's facilities layer as a scenario holds it. */
export function facilityRecordOf(feature: FacilityFeature): FacilityRecord {
  return recordOf(feature);
}

/**
 * The saved scenario's layers from its facilities and paths answers: every facility the answer
 * marks as added, moved or changed as it now is, every removed one as null; paths added and edges
 * closed. Throws when the two answers are of different versions (they must describe one state).
 */
export function decodeScenarioLayers(
  facilities: ScenarioFacilitiesAnswer,
  paths: ScenarioPathsAnswer,
): ScenarioLayers {
  if (facilities.scenario.version !== paths.scenario.version)
    throw new Error(
      `scenario ${facilities.scenario.id}: facilities of version ${facilities.scenario.version}, paths of ${paths.scenario.version}`,
    );
  const changed = new Map<string, FacilityRecord | null>();
  for (const feature of facilities.features) {
    if (feature.properties.change !== null) changed.set(feature.properties.id, recordOf(feature));
  }
  for (const id of facilities.removedFacilityIds) changed.set(id, null);
  const added: AddedPath[] = [];
  const closed: number[] = [];
  for (const feature of paths.features) {
    const p = feature.properties;
    if (p.change === 'added')
      added.push({
        id: String(p.id),
        name: p.name,
        coordinates: feature.geometry.coordinates.map(([lon, lat]) => [lon, lat] as Position),
      });
    else if (typeof p.id === 'number') closed.push(p.id);
  }
  return scenarioLayers(changed, added, closed);
}

/** The region's layers a session's layer edits are checked against. */
export function sessionLayersOf(
  facilities: readonly FacilityFeature[],
  network: readonly NetworkFeature[],
  saved: ScenarioLayers,
): SessionLayers {
  return {
    regionFacilities: new Map(
      facilities.map((feature) => [feature.properties.id, facilityRecordOf(feature)]),
    ),
    saved,
    edgeLines: new Map(network.map((feature) => [feature.properties.id, feature.geometry.coordinates])),
  };
}

/** A facility as the scenario view draws it: as it now is, how it differs, where it stood before a move. */
export interface ScenarioFacilityRow {
  facility: FacilityRecord;
  /** null: as the region has it. */
  change: FacilityChangeKind | null;
  /** Moved: its position in the region (the map links the two). */
  from: Position | null;
}

/**
 * Every facility of the scenario with its change (region order, then added by id), and the region's
 * facilities the scenario removed (change `removed`, drawn greyed where they stood).
 */
export function scenarioFacilityRows(
  regionFacilities: ReadonlyMap<string, FacilityRecord>,
  layers: ScenarioLayers,
): ScenarioFacilityRow[] {
  const kinds = facilityChangeKinds(regionFacilities, layers.facilities);
  const rows: ScenarioFacilityRow[] = effectiveFacilities(
    [...regionFacilities.values()],
    layers.facilities,
  ).map((facility) => {
    const change = kinds.get(facility.id) ?? null;
    return {
      facility,
      change,
      from: change === 'moved' ? (regionFacilities.get(facility.id)?.position ?? null) : null,
    };
  });
  for (const [id, kind] of kinds) {
    const facility = regionFacilities.get(id);
    if (kind === 'removed' && facility) rows.push({ facility, change: 'removed', from: null });
  }
  return rows;
}

/** The scenario's facilities in the shape of the region's facilities layer (what the map draws and labels). */
export function facilityFeaturesOf(rows: readonly ScenarioFacilityRow[]): FacilityFeature[] {
  return rows
    .filter((row) => row.change !== 'removed')
    .map(({ facility }) => ({
      type: 'Feature' as const,
      id: facility.id,
      geometry: { type: 'Point' as const, coordinates: facility.position },
      properties: {
        id: facility.id,
        name: facility.name,
        category: facility.category as FacilityFeature['properties']['category'],
        communityId: null,
        communityName: null,
        floorAreaSquareMeters: facility.floorAreaSquareMeters,
        landAreaSquareMeters: facility.landAreaSquareMeters,
        capacity: facility.capacity,
      },
    }));
}

/** What the map marks of the scenario's changes (map/layer-edit-layers.ts): changed facilities and paths. */
export function layerEditRows(
  rows: readonly ScenarioFacilityRow[],
  layers: ScenarioLayers,
  edgeLines: ReadonlyMap<number, readonly Position[]>,
): { facilities: FacilityEditRow[]; paths: PathEditRow[] } {
  const facilities: FacilityEditRow[] = [];
  for (const row of rows) {
    if (row.change)
      facilities.push({
        id: row.facility.id,
        position: row.facility.position,
        change: row.change,
        from: row.from,
      });
  }
  const paths: PathEditRow[] = layers.paths.added.map((path) => ({
    id: path.id,
    path: path.coordinates,
    change: 'added' as const,
  }));
  for (const edgeId of layers.paths.closedEdgeIds) {
    const line = edgeLines.get(edgeId);
    if (line) paths.push({ id: edgeId, path: line, change: 'closed' });
  }
  return { facilities, paths };
}
