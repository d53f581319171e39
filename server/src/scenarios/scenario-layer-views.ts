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

/** The lines of a scenario's path changes: added paths as drawn, closed edges as the network has them. */
export async function pathChangeFeatures(database: Database, regionId: string, layers: ScenarioLayers) {
  const added = layers.paths.added.map((path) => ({
    type: 'Feature' as const,
    id: path.id,
    geometry: { type: 'LineString' as const, coordinates: path.coordinates },
    properties: {
      id: path.id,
      change: 'added' as const,
      name: path.name,
      class: ADDED_PATH_EDGE_CLASS,
      lengthMeters: lineStringLengthMeters(path.coordinates),
    },
  }));
  const closed: {
    type: 'Feature';
    id: number;
    geometry: { type: 'LineString'; coordinates: Position[] };
    properties: { id: number; change: 'closed'; name: null; class: EdgeClass; lengthMeters: number };
  }[] = [];
  if (layers.paths.closedEdgeIds.length > 0) {
    try {
      const { input } = await regionAccessibility(database, regionId);
      const wanted = new Set(layers.paths.closedEdgeIds);
      const { edgeIds, lines, edgeClass, lengthMeters } = input.network;
      for (let edge = 0; edge < edgeIds.length; edge += 1) {
        if (!wanted.has(edgeIds[edge])) continue;
        closed.push({
          type: 'Feature',
          id: edgeIds[edge],
          geometry: {
            type: 'LineString',
            coordinates: Array.from(lines[edge], ([lon, lat]): Position => [lon, lat]),
          },
          properties: {
            id: edgeIds[edge],
            change: 'closed',
            name: null,
            class: edgeClass[edge] as EdgeClass,
            lengthMeters: lengthMeters[edge],
          },
        });
      }
    } catch (error) {
      // A region whose network was removed since: nothing is closed any more.
      if (!isDomainError(error, 'region.no-network')) throw error;
    }
  }
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
