/**
 * Just enough routing for the generator to check its own work: nearest network node to a point
 * and network distances within a cut-off (Dijkstra with a binary heap), all in local metres.
 */

/** Finds the network node nearest to a point, exactly, using a bucket grid. */
export class NodeLocator {
  private readonly buckets = new Map<string, number[]>();

  /**
   * @param xMeters node x coordinates, by node index
   * @param yMeters node y coordinates, by node index
   * @param bucketMeters bucket side; about twice the typical node spacing works well
   */
  constructor(
    private readonly xMeters: ArrayLike<number>,
    private readonly yMeters: ArrayLike<number>,
    private readonly bucketMeters = 150,
  ) {
    for (let node = 0; node < xMeters.length; node++) {
      const key = this.key(
        Math.floor(xMeters[node] / bucketMeters),
        Math.floor(yMeters[node] / bucketMeters),
      );
      const list = this.buckets.get(key);
      if (list) list.push(node);
      else this.buckets.set(key, [node]);
    }
    if (xMeters.length === 0) throw new Error('NodeLocator: no nodes');
  }

  /** Index of the node nearest to `(xMeters, yMeters)`; ties go to the lower index. */
  nearest(xMeters: number, yMeters: number): number {
    const bx = Math.floor(xMeters / this.bucketMeters);
    const by = Math.floor(yMeters / this.bucketMeters);
    let best = -1;
    let bestDistance = Infinity;
    for (let ring = 0; ; ring++) {
      // Every node in a later ring is at least (ring - 1) buckets away, so stop once that exceeds the best.
      if (best >= 0 && (ring - 1) * this.bucketMeters > bestDistance) return best;
      if (ring > 10_000) throw new Error('NodeLocator: search ran away');
      for (let dy = -ring; dy <= ring; dy++) {
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          for (const node of this.buckets.get(this.key(bx + dx, by + dy)) ?? []) {
            const distance = Math.hypot(this.xMeters[node] - xMeters, this.yMeters[node] - yMeters);
            if (distance < bestDistance || (distance === bestDistance && node < best)) {
              best = node;
              bestDistance = distance;
            }
          }
        }
      }
    }
  }

  private key(bx: number, by: number): string {
    return `${bx},${by}`;
  }
}

/** An undirected graph in compressed sparse row form. */
export interface WalkGraph {
  nodeCount: number;
  /** Neighbours of node n are `targets[offsets[n] .. offsets[n + 1])`. */
  offsets: Int32Array;
  targets: Int32Array;
  lengthsMeters: Float64Array;
}

/** Builds a graph from edges given as node indices and lengths. */
export function buildWalkGraph(
  nodeCount: number,
  edges: { source: number; target: number; lengthMeters: number }[],
): WalkGraph {
  const degree = new Int32Array(nodeCount + 1);
  for (const edge of edges) {
    degree[edge.source + 1]++;
    degree[edge.target + 1]++;
  }
  for (let node = 0; node < nodeCount; node++) degree[node + 1] += degree[node];
  const offsets = degree.slice();
  const fill = degree.slice();
  const targets = new Int32Array(edges.length * 2);
  const lengthsMeters = new Float64Array(edges.length * 2);
  for (const edge of edges) {
    targets[fill[edge.source]] = edge.target;
    lengthsMeters[fill[edge.source]++] = edge.lengthMeters;
    targets[fill[edge.target]] = edge.source;
    lengthsMeters[fill[edge.target]++] = edge.lengthMeters;
  }
  return { nodeCount, offsets, targets, lengthsMeters };
}

/**
 * Shortest network distance in metres from the nearest of `sources` to every node, up to
 * `cutoffMeters` (Infinity beyond it).
 */
export function distancesFromMeters(
  graph: WalkGraph,
  sources: Iterable<number>,
  cutoffMeters = Infinity,
): Float64Array {
  const distance = new Float64Array(graph.nodeCount).fill(Infinity);
  const heap: [number, number][] = [];
  const push = (item: [number, number]) => {
    heap.push(item);
    let k = heap.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (heap[parent][0] <= heap[k][0]) break;
      [heap[parent], heap[k]] = [heap[k], heap[parent]];
      k = parent;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const left = 2 * k + 1;
        const right = left + 1;
        let smallest = k;
        if (left < heap.length && heap[left][0] < heap[smallest][0]) smallest = left;
        if (right < heap.length && heap[right][0] < heap[smallest][0]) smallest = right;
        if (smallest === k) break;
        [heap[smallest], heap[k]] = [heap[k], heap[smallest]];
        k = smallest;
      }
    }
    return top;
  };
  for (const source of sources) {
    distance[source] = 0;
    push([0, source]);
  }
  while (heap.length > 0) {
    const [d, node] = pop();
    if (d > distance[node]) continue;
    for (let k = graph.offsets[node]; k < graph.offsets[node + 1]; k++) {
      const next = graph.targets[k];
      const candidate = d + graph.lengthsMeters[k];
      if (candidate < distance[next] && candidate <= cutoffMeters) {
        distance[next] = candidate;
        push([candidate, next]);
      }
    }
  }
  return distance;
}

/**
 * Number of connected components of the graph (1 means everything is reachable from anywhere).
 * Nodes without edges are not counted when `ignoreIsolatedNodes` is set.
 */
export function countComponents(graph: WalkGraph, ignoreIsolatedNodes = false): number {
  const seen = new Uint8Array(graph.nodeCount);
  let components = 0;
  const stack: number[] = [];
  for (let start = 0; start < graph.nodeCount; start++) {
    if (seen[start]) continue;
    if (ignoreIsolatedNodes && graph.offsets[start] === graph.offsets[start + 1]) continue;
    components++;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (let k = graph.offsets[node]; k < graph.offsets[node + 1]; k++) {
        const next = graph.targets[k];
        if (!seen[next]) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
  }
  return components;
}
