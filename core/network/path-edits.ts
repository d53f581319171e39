/**
 * A scenario's walking network: the region's edges less those it closes, plus the footways and
 * footbridges it adds, each joined to the network where it meets it — at every crossing with an open
 * edge (or an earlier added path) and at each end that lies within PATH_JOIN_METERS of one. The edges
 * met are split at the junction (their length shared out in proportion to the geometry), the new
 * path is cut into pieces between junctions, and junctions become nodes: the node an edge already
 * has when the junction lies on it, else a fresh node id above the region's largest.
 *
 * Pure and synchronous: the server builds the network arrays the accessibility model is built from
 * (core/accessibility) with it, and checks an `add-path` edit with it before saving.
 */

import type { NetworkInput } from '../accessibility/accessibility-types.js';
import { lineStringLengthMeters } from '../geometry/haversine.js';
import type { EdgeClass } from './edge-classes.js';
import type { Position } from '../geometry/position.js';
import { buildRoutingGraph } from '../routing/graph.js';
import { buildSnapIndex, type SnapIndex } from '../routing/snap.js';
import type { AddedPath } from '../scenario/scenario-layers.js';

/** An added path's end joins the nearest open edge within this many metres (a click beside a road). */
export const PATH_JOIN_METERS = 15;
/** Junctions closer than this to a node or to each other are one point, metres. */
const MERGE_METERS = 0.5;
/** The class of every edge an added path makes. */
export const ADDED_PATH_EDGE_CLASS: EdgeClass = 'footway';

const METERS_PER_DEGREE_LAT = 111_320;

/** The region's network as the model reads it, with each edge's id. */
export interface IdentifiedNetwork extends NetworkInput {
  edgeIds: ArrayLike<number>;
}

/** A place where an added path meets a line (an edge of the region or another added path). */
interface Junction {
  position: Position;
  /** The region's node when the junction is an edge's end; null: a new node, numbered at build. */
  nodeId: number | null;
}

/** A junction on a line: after vertex `segment`, `t` (0–1) of the way along that segment. */
interface Placement {
  segment: number;
  t: number;
  junction: Junction;
}

interface StoredPath {
  path: AddedPath;
  /** Its vertices, with the connectors to the edges its ends were joined to. */
  coordinates: Position[];
  placements: Placement[];
}

/** A built network: NetworkInput with plain arrays. */
export interface BuiltNetwork extends NetworkInput {
  source: number[];
  target: number[];
  lengthMeters: number[];
  edgeClass: string[];
  lines: Position[][];
}

/** What the build made, for notes and tests. */
export interface PathNetworkSummary {
  closedEdges: number;
  splitEdges: number;
  addedEdges: number;
  junctions: number;
}

export class PathNetwork {
  private readonly index: SnapIndex;
  private readonly edgeIndexById = new Map<number, number>();
  private readonly closed = new Set<number>();
  private readonly paths: StoredPath[] = [];
  /** Junctions placed on region edges, by edge index. */
  private readonly edgePlacements = new Map<number, Placement[]>();
  private readonly lonScale: number;

  /**
   * `index`, when given, must be the snap index of `base`'s edges in the same order (a region's
   * accessibility model has one); otherwise one is built.
   */
  constructor(
    private readonly base: IdentifiedNetwork,
    index?: SnapIndex,
  ) {
    const edgeCount = base.source.length;
    for (let edge = 0; edge < edgeCount; edge += 1) this.edgeIndexById.set(base.edgeIds[edge], edge);
    this.index =
      index ??
      buildSnapIndex(
        buildRoutingGraph({ source: base.source, target: base.target, lengthMeters: base.lengthMeters }),
        base.lines,
      );
    if (this.index.segmentEdge.length === 0 && edgeCount > 0) throw new Error('the snap index is empty');
    this.lonScale = this.index.lonScale;
  }

  /** Whether the region's network has an edge of this id. */
  isEdge(edgeId: number): boolean {
    return this.edgeIndexById.has(edgeId);
  }

  /** Closes a region edge (before any path is added: added paths meet open edges only). */
  close(edgeId: number): void {
    const edge = this.edgeIndexById.get(edgeId);
    if (edge === undefined) throw new Error(`the network has no edge ${edgeId}`);
    if (this.paths.length > 0) throw new Error('close edges before adding paths');
    this.closed.add(edge);
  }

  /**
   * Adds a path, joined where it meets the open network; returns how many junctions it has. A path
   * that meets nothing (0) is not added.
   */
  add(path: AddedPath): number {
    const coordinates = path.coordinates.map(([lon, lat]): Position => [lon, lat]);
    const placements: Placement[] = [];
    const pending: { other: Placement[]; placement: Placement }[] = [];

    // Crossings with open region edges and with the paths added before.
    for (let segment = 0; segment < coordinates.length - 1; segment += 1) {
      const [a, b] = [coordinates[segment], coordinates[segment + 1]];
      for (const hit of this.regionCrossings(a, b)) {
        const junction = this.regionJunction(hit.edge, hit.edgeSegment, hit.u, hit.position);
        placements.push({ segment, t: hit.t, junction });
        pending.push({
          other: this.placementsOfEdge(hit.edge),
          placement: { segment: hit.edgeSegment, t: hit.u, junction },
        });
      }
      for (const stored of this.paths) {
        for (let other = 0; other < stored.coordinates.length - 1; other += 1) {
          const hit = intersect(
            a,
            b,
            stored.coordinates[other],
            stored.coordinates[other + 1],
            this.lonScale,
          );
          if (!hit) continue;
          const junction: Junction = { position: hit.position, nodeId: null };
          placements.push({ segment, t: hit.t, junction });
          pending.push({ other: stored.placements, placement: { segment: other, t: hit.u, junction } });
        }
      }
    }

    // Ends that no crossing already joins: to the nearest open line within PATH_JOIN_METERS.
    for (const atStart of [true, false]) {
      const end = atStart ? coordinates[0] : coordinates[coordinates.length - 1];
      const endParameter = atStart ? 0 : coordinates.length - 1;
      const joined = placements.some(
        (placement) =>
          Math.abs(placement.segment + placement.t - endParameter) < 1e-9 ||
          metersBetween(placement.junction.position, end, this.lonScale) < MERGE_METERS,
      );
      if (joined) continue;
      const nearest = this.nearestOpenPoint(end);
      if (!nearest || nearest.meters > PATH_JOIN_METERS) continue;
      let junction: Junction;
      if (nearest.kind === 'edge') {
        junction = this.regionJunction(nearest.edge, nearest.segment, nearest.t, nearest.position);
        pending.push({
          other: this.placementsOfEdge(nearest.edge),
          placement: { segment: nearest.segment, t: nearest.t, junction },
        });
      } else {
        junction = { position: nearest.position, nodeId: null };
        pending.push({
          other: this.paths[nearest.path].placements,
          placement: { segment: nearest.segment, t: nearest.t, junction },
        });
      }
      // A connector from the drawn end to the point joined, unless they are one point.
      const far = metersBetween(junction.position, end, this.lonScale) >= MERGE_METERS;
      if (atStart) {
        if (far) {
          coordinates.unshift(junction.position);
          for (const placement of placements) placement.segment += 1;
        }
        placements.push({ segment: 0, t: 0, junction });
      } else {
        if (far) coordinates.push(junction.position);
        placements.push({ segment: coordinates.length - 2, t: 1, junction });
      }
    }

    if (placements.length === 0) return 0;
    for (const { other, placement } of pending) other.push(placement);
    this.paths.push({ path, coordinates, placements });
    return new Set(placements.map((placement) => placement.junction)).size;
  }

  /** The network with the closures and added paths, as the accessibility model reads it. */
  build(): { network: BuiltNetwork; summary: PathNetworkSummary } {
    const { base } = this;
    let nextNodeId = 1;
    for (let edge = 0; edge < base.source.length; edge += 1)
      nextNodeId = Math.max(nextNodeId, base.source[edge] + 1, base.target[edge] + 1);
    const freshNodes = new Map<Junction, number>();
    const nodeOf = (junction: Junction): number => {
      if (junction.nodeId !== null) return junction.nodeId;
      let node = freshNodes.get(junction);
      if (node === undefined) freshNodes.set(junction, (node = nextNodeId++));
      return node;
    };

    const source: number[] = [];
    const target: number[] = [];
    const lengthMeters: number[] = [];
    const edgeClass: string[] = [];
    const lines: Position[][] = [];
    let splitEdges = 0;
    const junctions = new Set<Junction>();

    for (let edge = 0; edge < base.source.length; edge += 1) {
      if (this.closed.has(edge)) continue;
      const line = Array.from(base.lines[edge], ([lon, lat]): Position => [lon, lat]);
      const placements = this.edgePlacements.get(edge) ?? [];
      const inner = placements.filter((placement) => placement.junction.nodeId === null);
      placements.forEach((placement) => junctions.add(placement.junction));
      if (inner.length === 0) {
        source.push(base.source[edge]);
        target.push(base.target[edge]);
        lengthMeters.push(base.lengthMeters[edge]);
        edgeClass.push(base.edgeClass[edge]);
        lines.push(line);
        continue;
      }
      splitEdges += 1;
      const pieces = cutLine(line, inner, nodeOf);
      const planar = pieces.map((piece) => planarLength(piece.line, this.lonScale));
      const total = planar.reduce((sum, value) => sum + value, 0);
      let fromNode = base.source[edge];
      pieces.forEach((piece, k) => {
        const toNode = k === pieces.length - 1 ? base.target[edge] : piece.endNode!;
        source.push(fromNode);
        target.push(toNode);
        lengthMeters.push(total > 0 ? (base.lengthMeters[edge] * planar[k]) / total : 0);
        edgeClass.push(base.edgeClass[edge]);
        lines.push(piece.line);
        fromNode = toNode;
      });
    }

    let addedEdges = 0;
    for (const stored of this.paths) {
      stored.placements.forEach((placement) => junctions.add(placement.junction));
      const pieces = cutLine(stored.coordinates, stored.placements, nodeOf);
      const startJunction = stored.placements.find(
        (placement) => placement.segment === 0 && placement.t === 0,
      );
      let fromNode = startJunction ? nodeOf(startJunction.junction) : nextNodeId++;
      pieces.forEach((piece, k) => {
        const last = k === pieces.length - 1;
        const endJunction = last
          ? stored.placements.find(
              (placement) => placement.segment === stored.coordinates.length - 2 && placement.t === 1,
            )
          : undefined;
        const toNode = last ? (endJunction ? nodeOf(endJunction.junction) : nextNodeId++) : piece.endNode!;
        if (toNode !== fromNode || piece.line.length > 2) {
          source.push(fromNode);
          target.push(toNode);
          lengthMeters.push(lineStringLengthMeters(piece.line));
          edgeClass.push(ADDED_PATH_EDGE_CLASS);
          lines.push(piece.line);
          addedEdges += 1;
        }
        fromNode = toNode;
      });
    }

    return {
      network: { source, target, lengthMeters, edgeClass, lines },
      summary: { closedEdges: this.closed.size, splitEdges, addedEdges, junctions: junctions.size },
    };
  }

  private placementsOfEdge(edge: number): Placement[] {
    let list = this.edgePlacements.get(edge);
    if (!list) this.edgePlacements.set(edge, (list = []));
    return list;
  }

  /** A junction on region edge `edge`: its source or target node when it lies there, else a new point. */
  private regionJunction(edge: number, segment: number, t: number, position: Position): Junction {
    const line = this.base.lines[edge];
    const first: Position = [line[0][0], line[0][1]];
    const last: Position = [line[line.length - 1][0], line[line.length - 1][1]];
    if (metersBetween(position, first, this.lonScale) < MERGE_METERS)
      return this.sharedJunction(edge, first, this.base.source[edge]);
    if (metersBetween(position, last, this.lonScale) < MERGE_METERS)
      return this.sharedJunction(edge, last, this.base.target[edge]);
    // Another path met this edge at the same point already: the same junction.
    for (const placement of this.edgePlacements.get(edge) ?? []) {
      if (metersBetween(placement.junction.position, position, this.lonScale) < MERGE_METERS)
        return placement.junction;
    }
    void segment;
    void t;
    return { position, nodeId: null };
  }

  /** One junction object per region node met, so every path meeting it shares its id. */
  private readonly nodeJunctions = new Map<number, Junction>();
  private sharedJunction(edge: number, position: Position, nodeId: number): Junction {
    void edge;
    let junction = this.nodeJunctions.get(nodeId);
    if (!junction) this.nodeJunctions.set(nodeId, (junction = { position, nodeId }));
    return junction;
  }

  /** Open region edges crossed by segment a–b: where, along both. */
  private regionCrossings(a: Position, b: Position) {
    const { coordinates, segmentEdge, tree, vertexOffsets } = this.index;
    const scale = this.lonScale;
    const hits: { edge: number; edgeSegment: number; u: number; t: number; position: Position }[] = [];
    const found = tree.search(
      Math.min(a[0], b[0]) * scale,
      Math.min(a[1], b[1]),
      Math.max(a[0], b[0]) * scale,
      Math.max(a[1], b[1]),
    );
    for (const segment of found) {
      const edge = segmentEdge[segment];
      if (this.closed.has(edge)) continue;
      const vertex = segment + edge;
      const p: Position = [coordinates[2 * vertex], coordinates[2 * vertex + 1]];
      const q: Position = [coordinates[2 * vertex + 2], coordinates[2 * vertex + 3]];
      const hit = intersect(a, b, p, q, scale);
      if (hit) hits.push({ edge, edgeSegment: vertex - vertexOffsets[edge], ...hit });
    }
    return hits;
  }

  /** The nearest point of an open region edge or an added path to `point`, within a search radius. */
  private nearestOpenPoint(point: Position): NearestPoint | null {
    const { coordinates, segmentEdge, tree, vertexOffsets } = this.index;
    const scale = this.lonScale;
    const radiusDegrees = (PATH_JOIN_METERS * 2) / METERS_PER_DEGREE_LAT;
    let best: NearestPoint | null = null;
    const found = tree.search(
      point[0] * scale - radiusDegrees,
      point[1] - radiusDegrees,
      point[0] * scale + radiusDegrees,
      point[1] + radiusDegrees,
    );
    for (const segment of found) {
      const edge = segmentEdge[segment];
      if (this.closed.has(edge)) continue;
      const vertex = segment + edge;
      const p: Position = [coordinates[2 * vertex], coordinates[2 * vertex + 1]];
      const q: Position = [coordinates[2 * vertex + 2], coordinates[2 * vertex + 3]];
      const { t, position, meters } = closestOnSegment(point, p, q, scale);
      if (!best || meters < best.meters)
        best = { kind: 'edge', edge, segment: vertex - vertexOffsets[edge], t, position, meters };
    }
    for (let path = 0; path < this.paths.length; path += 1) {
      const stored = this.paths[path];
      for (let segment = 0; segment < stored.coordinates.length - 1; segment += 1) {
        const { t, position, meters } = closestOnSegment(
          point,
          stored.coordinates[segment],
          stored.coordinates[segment + 1],
          scale,
        );
        if (!best || meters < best.meters) best = { kind: 'path', path, segment, t, position, meters };
      }
    }
    return best;
  }
}

type NearestPoint =
  | { kind: 'edge'; edge: number; segment: number; t: number; position: Position; meters: number }
  | { kind: 'path'; path: number; segment: number; t: number; position: Position; meters: number };

/** Metres between two positions on the local plane (lon scaled by the cosine of the latitude). */
function metersBetween(a: Position, b: Position, lonScale: number): number {
  return Math.hypot((a[0] - b[0]) * lonScale, a[1] - b[1]) * METERS_PER_DEGREE_LAT;
}

function planarLength(line: readonly Position[], lonScale: number): number {
  let meters = 0;
  for (let k = 1; k < line.length; k += 1) meters += metersBetween(line[k - 1], line[k], lonScale);
  return meters;
}

/** The point of segment p–q nearest `point`: its parameter, position and distance (metres). */
function closestOnSegment(point: Position, p: Position, q: Position, lonScale: number) {
  const dx = (q[0] - p[0]) * lonScale;
  const dy = q[1] - p[1];
  const squared = dx * dx + dy * dy;
  const t =
    squared > 0
      ? Math.min(1, Math.max(0, ((point[0] - p[0]) * lonScale * dx + (point[1] - p[1]) * dy) / squared))
      : 0;
  const position: Position = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
  return { t, position, meters: metersBetween(point, position, lonScale) };
}

/**
 * Where segments a–b and p–q meet (ends included), on the local plane: `t` along a–b, `u` along
 * p–q, and the point (on p–q, so the edge keeps its line). Parallel segments never meet here.
 */
function intersect(a: Position, b: Position, p: Position, q: Position, lonScale: number) {
  const rx = (b[0] - a[0]) * lonScale;
  const ry = b[1] - a[1];
  const sx = (q[0] - p[0]) * lonScale;
  const sy = q[1] - p[1];
  const denominator = rx * sy - ry * sx;
  if (Math.abs(denominator) < 1e-18) return null;
  const wx = (p[0] - a[0]) * lonScale;
  const wy = p[1] - a[1];
  const t = (wx * sy - wy * sx) / denominator;
  const u = (wx * ry - wy * rx) / denominator;
  const epsilon = 1e-9;
  if (t < -epsilon || t > 1 + epsilon || u < -epsilon || u > 1 + epsilon) return null;
  const uc = Math.min(1, Math.max(0, u));
  const position: Position = [p[0] + uc * (q[0] - p[0]), p[1] + uc * (q[1] - p[1])];
  return { t: Math.min(1, Math.max(0, t)), u: uc, position };
}

/**
 * Cuts a polyline at placements (junctions along it): the pieces in order, each ending at a
 * junction's node but the last. Placements at the same point are one cut.
 */
function cutLine(
  line: readonly Position[],
  placements: readonly Placement[],
  nodeOf: (junction: Junction) => number,
): { line: Position[]; endNode: number | null }[] {
  const sorted = [...placements].sort((x, y) => x.segment + x.t - (y.segment + y.t));
  const pieces: { line: Position[]; endNode: number | null }[] = [];
  let current: Position[] = [line[0]];
  let vertex = 1;
  let lastCutJunction: Junction | null = null;
  for (const placement of sorted) {
    const at = placement.segment + placement.t;
    // An end placement (the line's own start or end) is not a cut.
    if (at <= 0 || at >= line.length - 1) continue;
    if (placement.junction === lastCutJunction) continue;
    while (vertex <= placement.segment) current.push(line[vertex++]);
    const point = placement.junction.position;
    const previous = current[current.length - 1];
    if (previous[0] !== point[0] || previous[1] !== point[1]) current.push(point);
    // Two junctions at one point: a piece of no length keeps both nodes joined.
    if (current.length < 2) current.push(point);
    pieces.push({ line: current, endNode: nodeOf(placement.junction) });
    current = [point];
    lastCutJunction = placement.junction;
    // A cut exactly at the segment's far vertex: that vertex is the cut point already.
    if (placement.t >= 1) vertex = Math.max(vertex, placement.segment + 2);
  }
  while (vertex < line.length) current.push(line[vertex++]);
  if (current.length < 2) current.push(line[line.length - 1]);
  pieces.push({ line: current, endNode: null });
  return pieces;
}
