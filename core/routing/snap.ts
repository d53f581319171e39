import Flatbush from 'flatbush';
import type { DijkstraSource } from './dijkstra.js';
import type { RoutingGraph } from './graph.js';

/** Mean Earth radius (IUGG), meters. */
const EARTH_RADIUS_METERS = 6_371_008.8;
const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

/** Each edge's polyline as GeoJSON LineString coordinates ([lon, lat] degrees), starting at its source. */
export type EdgeLines = ArrayLike<ArrayLike<ArrayLike<number>>>;

/** An R-tree (Flatbush) over the segments of every edge's polyline. */
export interface SnapIndex {
  readonly graph: RoutingGraph;
  /** Edge e's vertices are `vertexOffsets[e] … vertexOffsets[e + 1] − 1`. */
  readonly vertexOffsets: Uint32Array;
  /** Vertex v at `[lon, lat] = coordinates[2v], coordinates[2v + 1]` (degrees). */
  readonly coordinates: Float64Array;
  /** Edge of each segment, in tree order; segment s of edge e starts at vertex s + e. */
  readonly segmentEdge: Uint32Array;
  /** Segment boxes in (lon × lonScale, lat) degrees, so that tree distances track ground distances. */
  readonly tree: Flatbush;
  readonly lonScale: number;
}

/** A point moved onto the nearest edge of the network. */
export interface SnappedPoint {
  edgeIndex: number;
  /** Distance along the edge from its source node, meters: `fraction × lengthMeters` of the edge. */
  offsetMeters: number;
  /** Straight-line distance from the point to its snap on the edge, meters. */
  distanceMeters: number;
  /** Position along the polyline's length: 0 at the source node, 1 at the target. */
  fraction: number;
}

export interface SnapTravelOptions {
  speedMetersPerSecond: number;
  /** Whether to walk the straight line between the point and its snap (at speed, on level ground). */
  includeAccessWalk: boolean;
}

/** Indexes the polylines of a graph's edges (`edgeLines[e]` is edge e's). Throws naming a bad edge. */
export function buildSnapIndex(graph: RoutingGraph, edgeLines: EdgeLines): SnapIndex {
  if (edgeLines.length !== graph.edgeCount) {
    throw new Error(`${edgeLines.length} edge polylines for a graph of ${graph.edgeCount} edges`);
  }
  if (graph.edgeCount === 0) throw new Error('cannot snap onto a network without edges');
  const vertexOffsets = new Uint32Array(graph.edgeCount + 1);
  for (let edge = 0; edge < graph.edgeCount; edge += 1) {
    const vertexCount = edgeLines[edge].length;
    if (vertexCount < 2) throw new Error(`edge #${edge}: a polyline needs 2 vertices, not ${vertexCount}`);
    vertexOffsets[edge + 1] = vertexOffsets[edge] + vertexCount;
  }
  const vertexCount = vertexOffsets[graph.edgeCount];
  const coordinates = new Float64Array(2 * vertexCount);
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let edge = 0; edge < graph.edgeCount; edge += 1) {
    for (let i = 0; i < edgeLines[edge].length; i += 1) {
      const lon = edgeLines[edge][i][0];
      const lat = edgeLines[edge][i][1];
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        throw new Error(`edge #${edge}: vertex ${i} [${lon}, ${lat}] is not a position`);
      }
      const vertex = vertexOffsets[edge] + i;
      coordinates[2 * vertex] = lon;
      coordinates[2 * vertex + 1] = lat;
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }

  // Equirectangular at the network's middle latitude: only tree order depends on it, not results.
  const lonScale = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const segmentCount = vertexCount - graph.edgeCount;
  const segmentEdge = new Uint32Array(segmentCount);
  const tree = new Flatbush(segmentCount);
  for (let edge = 0; edge < graph.edgeCount; edge += 1) {
    for (let vertex = vertexOffsets[edge]; vertex < vertexOffsets[edge + 1] - 1; vertex += 1) {
      const x0 = coordinates[2 * vertex] * lonScale;
      const y0 = coordinates[2 * vertex + 1];
      const x1 = coordinates[2 * vertex + 2] * lonScale;
      const y1 = coordinates[2 * vertex + 3];
      segmentEdge[tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1))] = edge;
    }
  }
  tree.finish();
  return { graph, vertexOffsets, coordinates, segmentEdge, tree, lonScale };
}

/**
 * Snaps `[lon, lat]` (degrees) onto the nearest edge, measuring in an equirectangular projection
 * centred on the point (its scale error stays within a fraction of a percent at city scale).
 * Returns null when no edge lies within `maxDistanceMeters`. Ties go to either edge.
 */
export function snapToNetwork(
  index: SnapIndex,
  lon: number,
  lat: number,
  maxDistanceMeters = Infinity,
): SnappedPoint | null {
  const metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(lat * (Math.PI / 180));
  const { coordinates, segmentEdge, tree, lonScale } = index;

  let bestSegment = -1;
  let bestT = 0;
  let bestDistance = Infinity;
  const consider = (segment: number) => {
    const vertex = segment + segmentEdge[segment];
    const ax = (coordinates[2 * vertex] - lon) * metersPerDegreeLon;
    const ay = (coordinates[2 * vertex + 1] - lat) * METERS_PER_DEGREE;
    const dx = (coordinates[2 * vertex + 2] - lon) * metersPerDegreeLon - ax;
    const dy = (coordinates[2 * vertex + 3] - lat) * METERS_PER_DEGREE - ay;
    const squaredLength = dx * dx + dy * dy;
    const t = squaredLength > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / squaredLength)) : 0;
    const distance = Math.hypot(ax + t * dx, ay + t * dy);
    if (distance < bestDistance) {
      bestSegment = segment;
      bestT = t;
      bestDistance = distance;
    }
  };

  // The segment whose box is nearest bounds the answer; every segment within that distance in the
  // point's projection has a box inside the search window below (the projection is linear in degrees;
  // the window is a hair wider for rounding).
  const x = lon * lonScale;
  consider(tree.neighbors(x, lat, 1)[0]);
  const radius = Math.min(bestDistance, maxDistanceMeters) * (1 + 1e-9);
  const halfWidth = (radius / metersPerDegreeLon) * lonScale;
  const halfHeight = radius / METERS_PER_DEGREE;
  for (const segment of tree.search(x - halfWidth, lat - halfHeight, x + halfWidth, lat + halfHeight)) {
    consider(segment);
  }
  if (bestDistance > maxDistanceMeters) return null;

  const edgeIndex = segmentEdge[bestSegment];
  const segmentLength = (vertex: number) =>
    Math.hypot(
      (coordinates[2 * vertex + 2] - coordinates[2 * vertex]) * metersPerDegreeLon,
      (coordinates[2 * vertex + 3] - coordinates[2 * vertex + 1]) * METERS_PER_DEGREE,
    );
  const snapVertex = bestSegment + edgeIndex;
  let alongMeters = 0;
  let polylineMeters = 0;
  const lastVertex = index.vertexOffsets[edgeIndex + 1] - 1;
  for (let vertex = index.vertexOffsets[edgeIndex]; vertex < lastVertex; vertex += 1) {
    const length = segmentLength(vertex);
    if (vertex < snapVertex) alongMeters += length;
    if (vertex === snapVertex) alongMeters += bestT * length;
    polylineMeters += length;
  }
  // Offsets use the edge's own length, so the two parts of a snapped edge add up to its cost exactly.
  const fraction = polylineMeters > 0 ? Math.min(1, alongMeters / polylineMeters) : 0;
  return {
    edgeIndex,
    offsetMeters: fraction * index.graph.edgeLengthMeters[edgeIndex],
    distanceMeters: bestDistance,
    fraction,
  };
}

/**
 * The Dijkstra sources of a snapped point: its edge's source node, `offsetMeters` of walking away,
 * and its target node, the rest of the edge away (both × the edge's cost factor), plus the access walk
 * when included.
 */
export function snappedPointSources(
  graph: RoutingGraph,
  point: SnappedPoint,
  options: SnapTravelOptions,
): DijkstraSource[] {
  const { speedMetersPerSecond: speed } = options;
  const accessSeconds = options.includeAccessWalk ? point.distanceMeters / speed : 0;
  const costFactor = graph.edgeCostFactor[point.edgeIndex];
  return [
    {
      nodeIndex: graph.edgeSource[point.edgeIndex],
      initialSeconds: accessSeconds + (point.offsetMeters * costFactor) / speed,
    },
    {
      nodeIndex: graph.edgeTarget[point.edgeIndex],
      initialSeconds:
        accessSeconds + ((graph.edgeLengthMeters[point.edgeIndex] - point.offsetMeters) * costFactor) / speed,
    },
  ];
}

/**
 * Seconds to a snapped point given a search's seconds by node: the quicker way in through either
 * end of its edge, plus the access walk when included. Exact up to the search's maxSeconds; beyond
 * it an upper bound, or Infinity when neither end was reached. When the search started from a
 * single snapped `origin` on the same edge, the direct walk along the edge counts too.
 */
export function travelSecondsToSnappedPoint(
  graph: RoutingGraph,
  secondsByNode: Float64Array,
  point: SnappedPoint,
  options: SnapTravelOptions,
  origin?: SnappedPoint,
): number {
  const { speedMetersPerSecond: speed } = options;
  const edge = point.edgeIndex;
  const costFactor = graph.edgeCostFactor[edge];
  let seconds = Math.min(
    secondsByNode[graph.edgeSource[edge]] + (point.offsetMeters * costFactor) / speed,
    secondsByNode[graph.edgeTarget[edge]] +
      ((graph.edgeLengthMeters[edge] - point.offsetMeters) * costFactor) / speed,
  );
  if (origin?.edgeIndex === edge) {
    const originAccessSeconds = options.includeAccessWalk ? origin.distanceMeters / speed : 0;
    seconds = Math.min(
      seconds,
      originAccessSeconds + (Math.abs(point.offsetMeters - origin.offsetMeters) * costFactor) / speed,
    );
  }
  return seconds + (options.includeAccessWalk ? point.distanceMeters / speed : 0);
}
