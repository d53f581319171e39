/**
 * The walking network as a compact undirected graph: compressed sparse rows (CSR) over dense node
 * indexes, every edge stored as two half-edges, all in typed arrays (a ~100 000-edge town takes a
 * few megabytes and no per-edge objects for the garbage collector).
 */

/** Edges of an undirected network, one entry per edge (e.g. the rows of `network_edges`). */
export interface EdgeList {
  /** External node id at each edge's first vertex: any safe integer, however large or sparse. */
  source: ArrayLike<number>;
  /** External node id at each edge's last vertex. */
  target: ArrayLike<number>;
  /** Length of each edge in meters. */
  lengthMeters: ArrayLike<number>;
  /** Cost multiplier of each edge (see edgeClassCostFactor); 1 for every edge when absent. */
  costFactor?: ArrayLike<number>;
}

/** Positions of network nodes by external id, in degrees (EPSG:4326). */
export interface NodeCoordinates {
  id: ArrayLike<number>;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
}

/**
 * Node index i has half-edges `offsets[i] … offsets[i + 1] − 1`; half-edge h leads to node
 * `neighbours[h]` along input edge `neighbourEdge[h]`. Self-loops have no half-edges (they never
 * shorten a walk); parallel edges keep theirs, and the search takes the cheaper.
 */
export interface RoutingGraph {
  readonly nodeCount: number;
  /** Edges in the input, self-loops included: edge indexes are positions in the EdgeList. */
  readonly edgeCount: number;
  /** External id of each node index, ascending. */
  readonly nodeIds: Float64Array;
  /** Node longitudes and latitudes in degrees by node index, when coordinates were given. */
  readonly nodeLon: Float64Array | null;
  readonly nodeLat: Float64Array | null;
  readonly offsets: Uint32Array;
  readonly neighbours: Uint32Array;
  /**
   * Cost of each half-edge in level-ground meters (length × cost factor). Float64, not Float32:
   * float32 keeps ~7 digits, so a 15-minute sum of edges would drift by ~1e-5 s from pgRouting's
   * double-precision sum, while float64 repeats pgRouting's arithmetic exactly.
   */
  readonly neighbourCostMeters: Float64Array;
  readonly neighbourEdge: Uint32Array;
  /** Node index at each input edge's source and target. */
  readonly edgeSource: Uint32Array;
  readonly edgeTarget: Uint32Array;
  /** Each input edge's length (meters) and cost factor, for points snapped part-way along it. */
  readonly edgeLengthMeters: Float64Array;
  readonly edgeCostFactor: Float64Array;
}

/**
 * Builds the undirected CSR graph of an edge list. Throws, naming the edge, for a node id that is
 * not a safe integer or a length or cost factor that is negative or not finite.
 */
export function buildRoutingGraph(edges: EdgeList, nodes?: NodeCoordinates): RoutingGraph {
  const edgeCount = edges.source.length;
  const { source, target, lengthMeters, costFactor } = edges;
  if (
    target.length !== edgeCount ||
    lengthMeters.length !== edgeCount ||
    (costFactor && costFactor.length !== edgeCount)
  ) {
    throw new Error(
      `edge arrays differ in length: source, target, lengthMeters and costFactor need ${edgeCount} entries each`,
    );
  }

  const edgeLengthMeters = new Float64Array(edgeCount);
  const edgeCostFactor = new Float64Array(edgeCount).fill(1);
  const endIds = new Float64Array(2 * edgeCount);
  for (let edge = 0; edge < edgeCount; edge += 1) {
    for (const id of [source[edge], target[edge]]) {
      if (!Number.isSafeInteger(id)) throw new Error(`edge #${edge}: node id ${id} is not a safe integer`);
    }
    edgeLengthMeters[edge] = lengthMeters[edge];
    if (!(edgeLengthMeters[edge] >= 0 && edgeLengthMeters[edge] < Infinity)) {
      throw new Error(`edge #${edge}: length ${lengthMeters[edge]} m is not a finite non-negative number`);
    }
    if (costFactor) {
      edgeCostFactor[edge] = costFactor[edge];
      if (!(edgeCostFactor[edge] > 0 && edgeCostFactor[edge] < Infinity)) {
        throw new Error(`edge #${edge}: cost factor ${costFactor[edge]} is not a finite positive number`);
      }
    }
    endIds[2 * edge] = source[edge];
    endIds[2 * edge + 1] = target[edge];
  }

  // Dense indexes are ranks in the sorted distinct ids: a binary search maps an id without a Map.
  endIds.sort();
  let nodeCount = 0;
  for (let i = 0; i < endIds.length; i += 1) {
    if (i === 0 || endIds[i] !== endIds[i - 1]) endIds[nodeCount++] = endIds[i];
  }
  const nodeIds = endIds.slice(0, nodeCount);

  const edgeSource = new Uint32Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  const offsets = new Uint32Array(nodeCount + 1);
  for (let edge = 0; edge < edgeCount; edge += 1) {
    const from = searchSorted(nodeIds, source[edge]);
    const to = searchSorted(nodeIds, target[edge]);
    edgeSource[edge] = from;
    edgeTarget[edge] = to;
    if (from === to) continue;
    offsets[from + 1] += 1;
    offsets[to + 1] += 1;
  }
  for (let node = 0; node < nodeCount; node += 1) offsets[node + 1] += offsets[node];

  const halfEdgeCount = offsets[nodeCount];
  const neighbours = new Uint32Array(halfEdgeCount);
  const neighbourCostMeters = new Float64Array(halfEdgeCount);
  const neighbourEdge = new Uint32Array(halfEdgeCount);
  const cursor = offsets.slice(0, nodeCount);
  const addHalfEdge = (at: number, other: number, edge: number) => {
    const halfEdge = cursor[at]++;
    neighbours[halfEdge] = other;
    neighbourCostMeters[halfEdge] = edgeLengthMeters[edge] * edgeCostFactor[edge];
    neighbourEdge[halfEdge] = edge;
  };
  for (let edge = 0; edge < edgeCount; edge += 1) {
    if (edgeSource[edge] === edgeTarget[edge]) continue;
    addHalfEdge(edgeSource[edge], edgeTarget[edge], edge);
    addHalfEdge(edgeTarget[edge], edgeSource[edge], edge);
  }

  const graph = {
    nodeCount,
    edgeCount,
    nodeIds,
    nodeLon: null,
    nodeLat: null,
    offsets,
    neighbours,
    neighbourCostMeters,
    neighbourEdge,
    edgeSource,
    edgeTarget,
    edgeLengthMeters,
    edgeCostFactor,
  };
  return nodes ? { ...graph, ...placeNodes(nodeIds, nodes) } : graph;
}

/** Node coordinates by node index; nodes the graph lacks are ignored, a graph node without them throws. */
function placeNodes(nodeIds: Float64Array, nodes: NodeCoordinates) {
  const nodeLon = new Float64Array(nodeIds.length).fill(NaN);
  const nodeLat = new Float64Array(nodeIds.length).fill(NaN);
  for (let i = 0; i < nodes.id.length; i += 1) {
    const index = searchSorted(nodeIds, nodes.id[i]);
    if (index < 0) continue;
    nodeLon[index] = nodes.lon[i];
    nodeLat[index] = nodes.lat[i];
  }
  const missing = nodeLon.findIndex((lon, index) => Number.isNaN(lon) || Number.isNaN(nodeLat[index]));
  if (missing >= 0) throw new Error(`node ${nodeIds[missing]} has no coordinates`);
  return { nodeLon, nodeLat };
}

/** Dense index of an external node id, or −1 when the graph has no such node. */
export function nodeIndexOf(graph: RoutingGraph, nodeId: number): number {
  return searchSorted(graph.nodeIds, nodeId);
}

/** Bytes held by the graph's typed arrays. */
export function routingGraphMemoryBytes(graph: RoutingGraph): number {
  const arrays = [
    graph.nodeIds,
    graph.nodeLon,
    graph.nodeLat,
    graph.offsets,
    graph.neighbours,
    graph.neighbourCostMeters,
    graph.neighbourEdge,
    graph.edgeSource,
    graph.edgeTarget,
    graph.edgeLengthMeters,
    graph.edgeCostFactor,
  ];
  return arrays.reduce((bytes, array) => bytes + (array?.byteLength ?? 0), 0);
}

function searchSorted(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else if (sorted[middle] > value) high = middle - 1;
    else return middle;
  }
  return -1;
}
