/**
 * A scenario's facilities and paths as map layers: every facility it has (the region's as it changed
 * them, and those it added) with how each differs, and the paths it added and edges it closed.
 */

import { lineStringLengthMeters } from '../../../core/geometry/haversine.js';
import type { Position } from '../../../core/geometry/position.js';
import type { EdgeClass } from '../../../core/network/edge-classes.js';
import { ADDED_PATH_EDGE_CLASS } from '../../../core/network/path-edits.js';
import type { FacilityCategoryId } from '../../../core/standards/facility-categories.js';
import {
  effectiveFacilities,
  facilityChangeKinds,
  type ScenarioLayers,
} from '../../../core/scenario/scenario-layers.js';
import { regionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';
import { isDomainError } from '../domain-error.js';
import { scenarioView, type ScenarioReference } from './scenario-store.js';

/** Every facility of a scenario as GeoJSON points, with its community and its change. */
export async function scenarioFacilitiesCollection(database: Database, reference: ScenarioReference) {
  const view = await scenarioView(database, reference, {
    snapshot: (evaluator) => {
      const communityOf = new Map<string, string>();
      for (const facility of evaluator.facilities() ?? [])
        communityOf.set(facility.id, evaluator.communityOfUnit(facility.unitId));
      return communityOf;
    },
  });
  const { base, layers } = view;
  const kinds = facilityChangeKinds(base.facilityRecordById, layers.facilities);
  const features = effectiveFacilities(base.facilityRecords, layers.facilities).map((facility) => {
    const kind = kinds.get(facility.id);
    return {
      type: 'Feature' as const,
      id: facility.id,
      geometry: { type: 'Point' as const, coordinates: facility.position },
      properties: {
        id: facility.id,
        name: facility.name,
        category: facility.category as FacilityCategoryId,
        communityId: view.snapshot.get(facility.id) ?? null,
        floorAreaSquareMeters: facility.floorAreaSquareMeters,
        landAreaSquareMeters: facility.landAreaSquareMeters,
        capacity: facility.capacity,
        change: kind === 'added' || kind === 'moved' || kind === 'changed' ? kind : null,
      },
    };
  });
  return {
    type: 'FeatureCollection' as const,
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    removedFacilityIds: [...kinds].filter(([, kind]) => kind === 'removed').map(([id]) => id),
    features,
  };
}

/**
 * Each of `edgeIds` of the region's network with its line, class and length (edges the network no
 * longer has, or a region without one, are left out).
 */
export async function networkEdges(database: Database, regionId: string, edgeIds: readonly number[]) {
  const found = new Map<number, { line: Position[]; edgeClass: EdgeClass; lengthMeters: number }>();
  if (edgeIds.length === 0) return found;
  try {
    const { input } = await regionAccessibility(database, regionId);
    const wanted = new Set(edgeIds);
    const { edgeIds: ids, lines, edgeClass, lengthMeters } = input.network;
    for (let edge = 0; edge < ids.length; edge += 1) {
      if (!wanted.has(ids[edge])) continue;
      found.set(ids[edge], {
        line: Array.from(lines[edge], ([lon, lat]): Position => [lon, lat]),
        edgeClass: edgeClass[edge] as EdgeClass,
        lengthMeters: lengthMeters[edge],
      });
    }
  } catch (error) {
    // A region whose network was removed since: nothing is closed any more.
    if (!isDomainError(error, 'region.no-network')) throw error;
  }
  return found;
}

/** The lines of a scenario's path changes: added paths as drawn, closed edges as the network has them. */
export async function pathChangeFeatures(database: Database, regionId: string, layers: ScenarioLayers) {
  const added = layers.paths.added.map((path) => ({
    type: 'Feature' as const,
    id: path.id as string | number,
    geometry: { type: 'LineString' as const, coordinates: path.coordinates },
    properties: {
      id: path.id as string | number,
      change: 'added' as 'added' | 'closed',
      name: path.name,
      class: ADDED_PATH_EDGE_CLASS,
      lengthMeters: lineStringLengthMeters(path.coordinates),
    },
  }));
  const edges = await networkEdges(database, regionId, layers.paths.closedEdgeIds);
  const closed = [...edges].map(([edgeId, edge]) => ({
    type: 'Feature' as const,
    id: edgeId as string | number,
    geometry: { type: 'LineString' as const, coordinates: edge.line },
    properties: {
      id: edgeId as string | number,
      change: 'closed' as 'added' | 'closed',
      name: null,
      class: edge.edgeClass,
      lengthMeters: edge.lengthMeters,
    },
  }));
  return [...added, ...closed];
}

/** The paths a scenario added and the edges it closed, as GeoJSON lines. */
export async function scenarioPathsCollection(database: Database, reference: ScenarioReference) {
  const view = await scenarioView(database, reference, { snapshot: () => null });
  return {
    type: 'FeatureCollection' as const,
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    features: await pathChangeFeatures(database, view.regionId, view.layers),
  };
}
