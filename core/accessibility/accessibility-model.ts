/**
 * The accessibility model of a region: everything prepared once (CSR graph, snap index, snapped
 * units and facilities, the network's geometry in a local metric plane) and reused by every
 * isochrone, coverage and heat-map query.
 */

import { createLocalProjection } from '../geometry/local-projection.js';
import type { Position } from '../geometry/position.js';
import { DijkstraWorkspace } from '../routing/dijkstra.js';
import { buildRoutingGraph } from '../routing/graph.js';
import { buildSnapIndex, snapToNetwork, type SnappedPoint } from '../routing/snap.js';
import { edgeClassCostFactor } from '../routing/walking-profiles.js';
import type {
  AccessibilityInput,
  AccessibilityModel,
  NetworkPlane,
  PointBuckets,
  UnitArrays,
} from './accessibility-types.js';
import { CellSnapCache } from './cell-snap-grid.js';

/**
 * Farthest straight walk, metres, between a place and the network point it steps onto for heat
 * maps and isochrone rasters: beyond it a cell counts as off the network (fields, hills, water).
 * 80 m covers the inside of a 150 m street block from its streets; a courtyard farther than that
 * from any mapped path is not reached on foot in the data.
 */
export const MAX_ACCESS_WALK_METERS = 80;

/**
 * Builds the model of a region's network, units, facilities and communities. Throws an Error
 * naming the edge, unit or facility for bad input (non-finite coordinates or figures, unknown
 * community, duplicate ids, a polyline that does not start at its source node's position…).
 */
export function buildAccessibilityModel(input: AccessibilityInput): AccessibilityModel {
  const { network, units, facilities, communities } = input;
  const edgeCount = network.source.length;
  if (edgeCount === 0) throw new Error('the network has no edges');
  for (const [name, array] of [
    ['target', network.target],
    ['lengthMeters', network.lengthMeters],
    ['edgeClass', network.edgeClass],
    ['lines', network.lines],
  ] as const) {
    if (array.length !== edgeCount) {
      throw new Error(`network.${name} has ${array.length} entries for ${edgeCount} edges`);
    }
  }

  // Node positions come from the polylines' ends: an edge's first vertex is its source node.
  const costFactor = new Float64Array(edgeCount);
  const nodeId = new Float64Array(2 * edgeCount);
  const nodeLon = new Float64Array(2 * edgeCount);
  const nodeLat = new Float64Array(2 * edgeCount);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let edge = 0; edge < edgeCount; edge += 1) {
    const line = network.lines[edge];
    if (!line || line.length < 2)
      throw new Error(`network edge #${edge}: its line needs at least 2 positions`);
    for (let k = 0; k < line.length; k += 1) {
      const lon = line[k][0];
      const lat = line[k][1];
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        throw new Error(`network edge #${edge}: position ${k} [${lon}, ${lat}] is not a longitude/latitude`);
      }
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
    const edgeClass = network.edgeClass[edge];
    if (typeof edgeClass !== 'string')
      throw new Error(`network edge #${edge}: class ${edgeClass} is not a string`);
    costFactor[edge] = edgeClassCostFactor(edgeClass);
    const last = line[line.length - 1];
    nodeId[2 * edge] = network.source[edge];
    nodeLon[2 * edge] = line[0][0];
    nodeLat[2 * edge] = line[0][1];
    nodeId[2 * edge + 1] = network.target[edge];
    nodeLon[2 * edge + 1] = last[0];
    nodeLat[2 * edge + 1] = last[1];
  }

  const graph = buildRoutingGraph(
    { source: network.source, target: network.target, lengthMeters: network.lengthMeters, costFactor },
    { id: nodeId, lon: nodeLon, lat: nodeLat },
  );
  const snapIndex = buildSnapIndex(graph, network.lines);
  const projection = createLocalProjection([(west + east) / 2, (south + north) / 2]);
  const plane = buildNetworkPlane(
    snapIndex.vertexOffsets,
    snapIndex.coordinates,
    graph.nodeLon!,
    graph.nodeLat!,
    projection,
  );

  const communityIndexById = new Map<string, number>();
  communities.forEach((community, index) => {
    if (communityIndexById.has(community.id)) throw new Error(`community ${community.id} appears twice`);
    communityIndexById.set(community.id, index);
  });

  const unitSnaps: SnappedPoint[] = [];
  const unitArrays: Omit<UnitArrays, 'byEdgeOffsets' | 'byEdge' | 'buckets'> = {
    edge: new Uint32Array(units.length),
    offsetMeters: new Float64Array(units.length),
    accessMeters: new Float64Array(units.length),
    x: new Float64Array(units.length),
    y: new Float64Array(units.length),
    residents: new Float64Array(units.length),
    households: new Float64Array(units.length),
    elderly: new Float64Array(units.length),
    community: new Int32Array(units.length),
  };
  const unitIds = new Set<string>();
  units.forEach((unit, index) => {
    if (unitIds.has(unit.id)) throw new Error(`unit ${unit.id} appears twice`);
    unitIds.add(unit.id);
    const community = communityIndexById.get(unit.communityId);
    if (community === undefined)
      throw new Error(`unit ${unit.id}: community ${unit.communityId} is not among the communities`);
    for (const field of ['residents', 'households', 'elderly'] as const) {
      if (!(unit[field] >= 0 && unit[field] < Infinity)) {
        throw new Error(`unit ${unit.id}: ${field} ${unit[field]} is not a finite non-negative number`);
      }
    }
    const snap = snapPosition(snapIndex, unit.accessPoint, `unit ${unit.id}: accessPoint`);
    unitSnaps.push(snap);
    unitArrays.edge[index] = snap.edgeIndex;
    unitArrays.offsetMeters[index] = snap.offsetMeters;
    unitArrays.accessMeters[index] = snap.distanceMeters;
    const [x, y] = projection.toMeters(unit.accessPoint);
    unitArrays.x[index] = x;
    unitArrays.y[index] = y;
    unitArrays.residents[index] = unit.residents;
    unitArrays.households[index] = unit.households;
    unitArrays.elderly[index] = unit.elderly;
    unitArrays.community[index] = community;
  });

  const byEdge = csrByKey(unitArrays.edge, edgeCount);
  const buckets = bucketPoints(unitArrays.x, unitArrays.y, UNIT_BUCKET_METERS);

  const facilitySnaps: SnappedPoint[] = [];
  const facilityIndexById = new Map<string, number>();
  const facilityIndexesByCategory = new Map<string, number[]>();
  facilities.forEach((facility, index) => {
    if (facilityIndexById.has(facility.id)) throw new Error(`facility ${facility.id} appears twice`);
    if (typeof facility.category !== 'string' || facility.category === '') {
      throw new Error(`facility ${facility.id}: category ${facility.category} is not a category id`);
    }
    if (facility.communityId !== undefined && !communityIndexById.has(facility.communityId)) {
      throw new Error(
        `facility ${facility.id}: community ${facility.communityId} is not among the communities`,
      );
    }
    facilityIndexById.set(facility.id, index);
    facilitySnaps.push(snapPosition(snapIndex, facility.position, `facility ${facility.id}: position`));
    const list = facilityIndexesByCategory.get(facility.category);
    if (list) list.push(index);
    else facilityIndexesByCategory.set(facility.category, [index]);
  });

  const water = (input.waterPolygons ?? []).map((polygon, index) =>
    polygon.map((ring, ringIndex) =>
      ring.map((position, k) => {
        if (!(Math.abs(position[0]) <= 180 && Math.abs(position[1]) <= 90)) {
          throw new Error(
            `water polygon #${index}: ring ${ringIndex} position ${k} is not a longitude/latitude`,
          );
        }
        return projection.toMeters([position[0], position[1]]);
      }),
    ),
  );

  return {
    graph,
    snapIndex,
    projection,
    bbox: [west, south, east, north],
    units,
    unitSnaps,
    facilities,
    facilitySnaps,
    facilityIndexById,
    communities,
    workspace: new DijkstraWorkspace(graph),
    plane,
    unitArrays: { ...unitArrays, byEdgeOffsets: byEdge.offsets, byEdge: byEdge.items, buckets },
    facilityIndexesByCategory,
    maxAccessWalkMeters: MAX_ACCESS_WALK_METERS,
    waterPolygonsMeters: water,
    cellSnapCache: new CellSnapCache(),
  };
}

/** Side of the unit buckets, metres: a 300–1000 m service radius spans a few buckets. */
const UNIT_BUCKET_METERS = 250;

/** Items 0…n−1 grouped by key (CSR): key k's items are `items[offsets[k] … offsets[k + 1] − 1]`, ascending. */
function csrByKey(keys: Uint32Array, keyCount: number): { offsets: Uint32Array; items: Uint32Array } {
  const offsets = new Uint32Array(keyCount + 1);
  for (const key of keys) offsets[key + 1] += 1;
  for (let key = 0; key < keyCount; key += 1) offsets[key + 1] += offsets[key];
  const cursor = offsets.slice(0, keyCount);
  const items = new Uint32Array(keys.length);
  keys.forEach((key, item) => {
    items[cursor[key]++] = item;
  });
  return { offsets, items };
}

/** Buckets points (metres) on a square grid covering them. */
export function bucketPoints(x: Float64Array, y: Float64Array, bucketMeters: number): PointBuckets {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < x.length; k += 1) {
    minX = Math.min(minX, x[k]);
    maxX = Math.max(maxX, x[k]);
    minY = Math.min(minY, y[k]);
    maxY = Math.max(maxY, y[k]);
  }
  if (x.length === 0) minX = minY = maxX = maxY = 0;
  const westMeters = Math.floor(minX / bucketMeters) * bucketMeters;
  const southMeters = Math.floor(minY / bucketMeters) * bucketMeters;
  const columns = Math.floor((maxX - westMeters) / bucketMeters) + 1;
  const rows = Math.floor((maxY - southMeters) / bucketMeters) + 1;
  const keys = new Uint32Array(x.length);
  for (let k = 0; k < x.length; k += 1) {
    keys[k] =
      Math.floor((y[k] - southMeters) / bucketMeters) * columns +
      Math.floor((x[k] - westMeters) / bucketMeters);
  }
  const { offsets, items } = csrByKey(keys, columns * rows);
  return { bucketMeters, columns, rows, westMeters, southMeters, offsets, points: items };
}

function snapPosition(
  index: ReturnType<typeof buildSnapIndex>,
  position: Position,
  what: string,
): SnappedPoint {
  const lon = position?.[0];
  const lat = position?.[1];
  if (!(typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
    throw new Error(`${what} [${lon}, ${lat}] is not a [longitude, latitude] position`);
  }
  const snap = snapToNetwork(index, lon, lat);
  if (!snap) throw new Error(`${what} could not be snapped onto the network`);
  return snap;
}

/** The network's vertices and nodes in the model's metric plane, with each vertex's distance along its edge. */
function buildNetworkPlane(
  vertexOffsets: Uint32Array,
  coordinates: Float64Array,
  nodeLon: Float64Array,
  nodeLat: Float64Array,
  projection: ReturnType<typeof createLocalProjection>,
): NetworkPlane {
  const vertexCount = coordinates.length / 2;
  const edgeCount = vertexOffsets.length - 1;
  const [lon0, lat0] = projection.originLonLat;
  const { metersPerDegreeLon: kx, metersPerDegreeLat: ky } = projection;
  const vertexX = new Float64Array(vertexCount);
  const vertexY = new Float64Array(vertexCount);
  const vertexAlongMeters = new Float64Array(vertexCount);
  const edgePolylineMeters = new Float64Array(edgeCount);
  for (let v = 0; v < vertexCount; v += 1) {
    vertexX[v] = (coordinates[2 * v] - lon0) * kx;
    vertexY[v] = (coordinates[2 * v + 1] - lat0) * ky;
  }
  for (let edge = 0; edge < edgeCount; edge += 1) {
    let along = 0;
    const first = vertexOffsets[edge];
    const last = vertexOffsets[edge + 1] - 1;
    vertexAlongMeters[first] = 0;
    for (let v = first + 1; v <= last; v += 1) {
      along += Math.hypot(vertexX[v] - vertexX[v - 1], vertexY[v] - vertexY[v - 1]);
      vertexAlongMeters[v] = along;
    }
    edgePolylineMeters[edge] = along;
  }
  const nodeX = new Float64Array(nodeLon.length);
  const nodeY = new Float64Array(nodeLon.length);
  for (let node = 0; node < nodeLon.length; node += 1) {
    nodeX[node] = (nodeLon[node] - lon0) * kx;
    nodeY[node] = (nodeLat[node] - lat0) * ky;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let v = 0; v < vertexCount; v += 1) {
    if (vertexX[v] < minX) minX = vertexX[v];
    if (vertexX[v] > maxX) maxX = vertexX[v];
    if (vertexY[v] < minY) minY = vertexY[v];
    if (vertexY[v] > maxY) maxY = vertexY[v];
  }
  return {
    vertexX,
    vertexY,
    vertexAlongMeters,
    edgePolylineMeters,
    nodeX,
    nodeY,
    boundsMeters: [minX, minY, maxX, maxY],
  };
}

/** `[lon, lat]` of a snapped point: the position `fraction` of the way along its edge's polyline. */
export function snappedPosition(model: AccessibilityModel, point: SnappedPoint): Position {
  const { vertexOffsets, coordinates } = model.snapIndex;
  const { vertexAlongMeters, edgePolylineMeters } = model.plane;
  const edge = point.edgeIndex;
  const target = point.fraction * edgePolylineMeters[edge];
  const first = vertexOffsets[edge];
  const last = vertexOffsets[edge + 1] - 1;
  for (let v = first; v < last; v += 1) {
    if (vertexAlongMeters[v + 1] >= target || v === last - 1) {
      const segment = vertexAlongMeters[v + 1] - vertexAlongMeters[v];
      const t = segment > 0 ? Math.min(1, Math.max(0, (target - vertexAlongMeters[v]) / segment)) : 0;
      return [
        coordinates[2 * v] + t * (coordinates[2 * v + 2] - coordinates[2 * v]),
        coordinates[2 * v + 1] + t * (coordinates[2 * v + 3] - coordinates[2 * v + 1]),
      ];
    }
  }
  return [coordinates[2 * first], coordinates[2 * first + 1]];
}

/**
 * Snaps query origins (`[lon, lat]`) onto the network. Throws naming the index of a position that
 * is not a finite longitude/latitude (the server validates first; this guards programmer error).
 */
export function snapOrigins(model: AccessibilityModel, origins: readonly Position[]): SnappedPoint[] {
  return origins.map((origin, index) => snapPosition(model.snapIndex, origin, `origin #${index}`));
}
