/**
 * Walking times from a set of origins to any snapped point (unit, raster cell): one multi-source
 * Dijkstra over the model's graph, then each point's time from its edge's two end nodes, from an
 * origin on the same edge directly, plus its straight access walk. Allocation-free per point.
 */

import { snappedPointSources, type SnappedPoint } from '../routing/snap.js';
import type { AccessibilityModel } from './accessibility-types.js';

/** Per-model scratch: which edges carry an origin, stamped per search so nothing needs clearing. */
interface OriginEdgeScratch {
  stamp: number;
  edgeStamp: Uint32Array;
  /** Stamped per search too: edges already listed in `reachedEdges`. */
  reachedEdgeStamp: Uint32Array;
  reachedEdges: Uint32Array;
  /** First origin slot on each stamped edge; slots chain through `nextSlot`. */
  edgeFirstSlot: Int32Array;
  nextSlot: Int32Array;
  slotOffsetMeters: Float64Array;
  slotAccessSeconds: Float64Array;
}

/**
 * By graph, not by model: a scenario's model that only changes facilities shares its region's graph
 * (and workspace), and searches on one graph run one at a time.
 */
const scratchByGraph = new WeakMap<AccessibilityModel['graph'], OriginEdgeScratch>();

function originEdgeScratch(model: AccessibilityModel, originCount: number): OriginEdgeScratch {
  let scratch = scratchByGraph.get(model.graph);
  if (!scratch) {
    const edges = model.graph.edgeCount;
    scratch = {
      stamp: 0,
      edgeStamp: new Uint32Array(edges),
      reachedEdgeStamp: new Uint32Array(edges),
      reachedEdges: new Uint32Array(edges),
      edgeFirstSlot: new Int32Array(edges),
      nextSlot: new Int32Array(16),
      slotOffsetMeters: new Float64Array(16),
      slotAccessSeconds: new Float64Array(16),
    };
    scratchByGraph.set(model.graph, scratch);
  }
  if (scratch.nextSlot.length < originCount) {
    const size = Math.max(originCount, 2 * scratch.nextSlot.length);
    scratch.nextSlot = new Int32Array(size);
    scratch.slotOffsetMeters = new Float64Array(size);
    scratch.slotAccessSeconds = new Float64Array(size);
  }
  scratch.stamp += 1;
  if (scratch.stamp === 0xffffffff) {
    scratch.edgeStamp.fill(0);
    scratch.reachedEdgeStamp.fill(0);
    scratch.stamp = 1;
  }
  return scratch;
}

/**
 * The result of one search: valid until the model's next search (it reads the model's workspace).
 * `secondsAt` is exact up to `maxSeconds`; beyond it, an upper bound or Infinity.
 */
export class TravelField {
  readonly secondsByNode: Float64Array;
  /** Node indexes the search reached (a view into the workspace). */
  readonly reachedNodes: Uint32Array;
  private reachedEdgeList: Uint32Array | null = null;
  private readonly model: AccessibilityModel;
  private readonly edgeSource: Uint32Array;
  private readonly edgeTarget: Uint32Array;
  private readonly edgeLengthMeters: Float64Array;
  private readonly edgeCostFactor: Float64Array;
  private readonly scratch: OriginEdgeScratch;

  constructor(
    model: AccessibilityModel,
    readonly origins: readonly SnappedPoint[],
    readonly speedMetersPerSecond: number,
    readonly maxSeconds: number,
  ) {
    const { graph } = model;
    if (!(speedMetersPerSecond > 0 && speedMetersPerSecond < Infinity)) {
      throw new RangeError(`speed ${speedMetersPerSecond} m/s is not a finite positive number`);
    }
    const options = { speedMetersPerSecond, includeAccessWalk: true };
    model.workspace.search(
      origins.map((origin) => snappedPointSources(graph, origin, options)),
      { speedMetersPerSecond, maxSeconds },
    );
    this.secondsByNode = model.workspace.secondsByNode;
    this.reachedNodes = model.workspace.reachedNodes;
    this.model = model;
    this.edgeSource = graph.edgeSource;
    this.edgeTarget = graph.edgeTarget;
    this.edgeLengthMeters = graph.edgeLengthMeters;
    this.edgeCostFactor = graph.edgeCostFactor;

    // Origins on an edge reach points on the same edge directly, not only through its end nodes.
    const scratch = originEdgeScratch(model, origins.length);
    origins.forEach((origin, slot) => {
      const edge = origin.edgeIndex;
      scratch.nextSlot[slot] = scratch.edgeStamp[edge] === scratch.stamp ? scratch.edgeFirstSlot[edge] : -1;
      scratch.edgeStamp[edge] = scratch.stamp;
      scratch.edgeFirstSlot[edge] = slot;
      scratch.slotOffsetMeters[slot] = origin.offsetMeters;
      scratch.slotAccessSeconds[slot] = origin.distanceMeters / speedMetersPerSecond;
    });
    this.scratch = scratch;
  }

  /**
   * Every edge with a reached end node or an origin on it, once each: the only edges whose points
   * can have a finite time. A view into per-model scratch, valid until the model's next search.
   */
  reachedEdges(): Uint32Array {
    if (this.reachedEdgeList) return this.reachedEdgeList;
    const { offsets, neighbourEdge } = this.model.graph;
    const { reachedEdgeStamp, reachedEdges, stamp } = this.scratch;
    let count = 0;
    const add = (edge: number) => {
      if (reachedEdgeStamp[edge] === stamp) return;
      reachedEdgeStamp[edge] = stamp;
      reachedEdges[count++] = edge;
    };
    for (const node of this.reachedNodes) {
      for (let halfEdge = offsets[node], end = offsets[node + 1]; halfEdge < end; halfEdge += 1)
        add(neighbourEdge[halfEdge]);
    }
    // Self-loops have no half-edges, yet points on one are reached through its node.
    const { edgeSource } = this.model.graph;
    for (const edge of selfLoopEdges(this.model))
      if (this.secondsByNode[edgeSource[edge]] < Infinity) add(edge);
    for (const origin of this.origins) add(origin.edgeIndex);
    this.reachedEdgeList = reachedEdges.subarray(0, count);
    return this.reachedEdgeList;
  }

  /** Whether `edge` is among reachedEdges() (which must have been called): else its points are unreached. */
  edgeReached(edge: number): boolean {
    return this.scratch.reachedEdgeStamp[edge] === this.scratch.stamp;
  }

  /**
   * Walking seconds from the nearest origin to a point `offsetMeters` along `edge` (from its source
   * node, in the edge's lengthMeters units) and `accessMeters` off it in a straight line.
   */
  secondsAt(edge: number, offsetMeters: number, accessMeters: number): number {
    // The arithmetic of travelSecondsToSnappedPoint, step for step, so both agree to the last bit.
    const speed = this.speedMetersPerSecond;
    const costFactor = this.edgeCostFactor[edge];
    const viaSource = this.secondsByNode[this.edgeSource[edge]] + (offsetMeters * costFactor) / speed;
    const viaTarget =
      this.secondsByNode[this.edgeTarget[edge]] +
      ((this.edgeLengthMeters[edge] - offsetMeters) * costFactor) / speed;
    let seconds = viaSource < viaTarget ? viaSource : viaTarget;
    const scratch = this.scratch;
    if (scratch.edgeStamp[edge] === scratch.stamp) {
      for (let slot = scratch.edgeFirstSlot[edge]; slot >= 0; slot = scratch.nextSlot[slot]) {
        const along = offsetMeters - scratch.slotOffsetMeters[slot];
        const direct = scratch.slotAccessSeconds[slot] + ((along < 0 ? -along : along) * costFactor) / speed;
        if (direct < seconds) seconds = direct;
      }
    }
    return seconds + accessMeters / speed;
  }
}

const selfLoopsByGraph = new WeakMap<AccessibilityModel['graph'], Uint32Array>();

function selfLoopEdges(model: AccessibilityModel): Uint32Array {
  let loops = selfLoopsByGraph.get(model.graph);
  if (!loops) {
    const { edgeSource, edgeTarget, edgeCount } = model.graph;
    const list: number[] = [];
    for (let edge = 0; edge < edgeCount; edge += 1)
      if (edgeSource[edge] === edgeTarget[edge]) list.push(edge);
    loops = Uint32Array.from(list);
    selfLoopsByGraph.set(model.graph, loops);
  }
  return loops;
}
