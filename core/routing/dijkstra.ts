import { IndexedMinHeap } from './binary-heap.js';
import type { RoutingGraph } from './graph.js';

/** Where a search starts: a node, already `initialSeconds` away from the origin (e.g. a snapped facility). */
export interface DijkstraSource {
  nodeIndex: number;
  initialSeconds: number;
}

export interface TravelTimeOptions {
  /** Walking speed in m/s (see WALK_SPEED_METERS_PER_SECOND). */
  speedMetersPerSecond: number;
  /** Cutoff in seconds: nodes farther than this stay unreached (Infinity), as in pgr_drivingDistance. */
  maxSeconds: number;
}

/**
 * Scratch buffers of one graph's searches. A search resets only the nodes the previous one
 * touched, so hundreds of short searches on a large graph cost what they explore, not the graph's
 * size. Its arrays are overwritten by the next search: copy what must outlive it.
 */
export class DijkstraWorkspace {
  /** Seconds from the nearest source by node index; Infinity where not reached. */
  readonly secondsByNode: Float64Array;
  /** Index of the origin whose source reached each node first; −1 where not reached. */
  readonly originByNode: Int32Array;
  private readonly heap: IndexedMinHeap;
  private readonly touchedNodes: Uint32Array;
  private touchedCount = 0;

  constructor(readonly graph: RoutingGraph) {
    this.secondsByNode = new Float64Array(graph.nodeCount).fill(Infinity);
    this.originByNode = new Int32Array(graph.nodeCount).fill(-1);
    this.heap = new IndexedMinHeap(graph.nodeCount);
    this.touchedNodes = new Uint32Array(graph.nodeCount);
  }

  /**
   * Node indexes the last search reached (within its maxSeconds), in the order first reached: a
   * view into the workspace, valid until its next search. Lets callers visit what a short search
   * reached without scanning every node of a large graph.
   */
  get reachedNodes(): Uint32Array {
    return this.touchedNodes.subarray(0, this.touchedCount);
  }

  /**
   * Multi-source Dijkstra from every source of every origin at once. An edge costs
   * `costMeters / speed` seconds, summed in float64 along the path exactly as pgRouting sums its
   * per-edge costs; a node is reached when its total is ≤ maxSeconds.
   */
  search(origins: readonly (readonly DijkstraSource[])[], options: TravelTimeOptions): void {
    const { speedMetersPerSecond: speed, maxSeconds } = options;
    if (!(speed > 0 && speed < Infinity)) {
      throw new RangeError(`speed ${speed} m/s is not a finite positive number`);
    }
    if (!(maxSeconds >= 0)) throw new RangeError(`maxSeconds ${maxSeconds} is not a non-negative number`);
    const { offsets, neighbours, neighbourCostMeters } = this.graph;
    const { secondsByNode, originByNode, heap } = this;
    this.reset();

    origins.forEach((sources, origin) => {
      for (const { nodeIndex, initialSeconds } of sources) {
        if (!(nodeIndex >= 0 && nodeIndex < this.graph.nodeCount && Number.isInteger(nodeIndex))) {
          throw new RangeError(`source node index ${nodeIndex} is not a node of the graph`);
        }
        if (!(initialSeconds >= 0 && initialSeconds < Infinity)) {
          throw new RangeError(
            `source at node index ${nodeIndex}: initialSeconds ${initialSeconds} is not finite and ≥ 0`,
          );
        }
        this.improve(nodeIndex, initialSeconds, origin, maxSeconds);
      }
    });

    while (heap.size > 0) {
      const node = heap.pop();
      const seconds = secondsByNode[node];
      const origin = originByNode[node];
      for (let halfEdge = offsets[node], end = offsets[node + 1]; halfEdge < end; halfEdge += 1) {
        this.improve(
          neighbours[halfEdge],
          seconds + neighbourCostMeters[halfEdge] / speed,
          origin,
          maxSeconds,
        );
      }
    }
  }

  private improve(node: number, seconds: number, origin: number, maxSeconds: number): void {
    const known = this.secondsByNode[node];
    if (seconds > maxSeconds || seconds >= known) return;
    if (known === Infinity) this.touchedNodes[this.touchedCount++] = node;
    this.secondsByNode[node] = seconds;
    this.originByNode[node] = origin;
    this.heap.insertOrDecrease(node, seconds);
  }

  private reset(): void {
    for (let i = 0; i < this.touchedCount; i += 1) {
      const node = this.touchedNodes[i];
      this.secondsByNode[node] = Infinity;
      this.originByNode[node] = -1;
    }
    this.touchedCount = 0;
    // Normally empty already; not after a search that threw on a bad source part-way.
    this.heap.clear();
  }
}

/**
 * Walking seconds from the nearest of `sources` to every node: a Float64Array by node index,
 * Infinity beyond `maxSeconds`. With a workspace the array is the workspace's, valid until its next
 * search; without one it is fresh.
 */
export function shortestTravelSeconds(
  graph: RoutingGraph,
  sources: readonly DijkstraSource[],
  options: TravelTimeOptions,
  workspace = new DijkstraWorkspace(graph),
): Float64Array {
  checkWorkspace(graph, workspace);
  workspace.search([sources], options);
  return workspace.secondsByNode;
}

/**
 * Walking seconds from the nearest origin (e.g. facility) to every node, and which origin that is:
 * `originByNode[i]` indexes `origins`, −1 beyond `maxSeconds`. Each origin may start from several
 * sources (a snapped point starts from both ends of its edge). Equal times go to either origin.
 * Arrays as in shortestTravelSeconds: the workspace's when one is given.
 */
export function nearestOriginTravelSeconds(
  graph: RoutingGraph,
  origins: readonly (readonly DijkstraSource[])[],
  options: TravelTimeOptions,
  workspace = new DijkstraWorkspace(graph),
): { secondsByNode: Float64Array; originByNode: Int32Array } {
  checkWorkspace(graph, workspace);
  workspace.search(origins, options);
  return { secondsByNode: workspace.secondsByNode, originByNode: workspace.originByNode };
}

function checkWorkspace(graph: RoutingGraph, workspace: DijkstraWorkspace) {
  if (workspace.graph !== graph) throw new Error('the DijkstraWorkspace was made for another graph');
}
