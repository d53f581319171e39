/**
 * Candidate sites for new facilities, snapped onto the walking network the way a facility is
 * (core/accessibility's model snaps an `add-facility` position the same way), so a site's reach
 * computed here is the reach its facility will have once placed: every network node, the cells of a
 * grid over the region that lie within a short walk of a path, or positions the planner gives.
 */

import type { AccessibilityModel } from '../accessibility/accessibility-types.js';
import type { Position } from '../geometry/position.js';
import { snapToNetwork } from '../routing/snap.js';

/** Candidate sites in parallel arrays (index = candidate), each snapped onto the network. */
export interface SitingCandidates {
  /** Where a facility would stand, `[lon, lat]`: the node, the cell centre or the given point. */
  readonly positions: readonly Position[];
  /** The snapped edge, the distance along it from its source node (its lengthMeters units) … */
  readonly edge: Uint32Array;
  readonly offsetMeters: Float64Array;
  /** … and the straight walk between the position and the network, metres. */
  readonly accessMeters: Float64Array;
  /** Index of each candidate in the caller's list (given points) or the node index (nodes); −1 for grid cells. */
  readonly sourceIndex: Int32Array;
}

/** Why candidate positions could not be made (validation results, not exceptions). */
export const SITING_CANDIDATE_REASONS = {
  noneNearNetwork: 'no candidate lies within a walk of the network',
  badCellSize: 'the grid cell size must be a positive number of metres',
} as const;

function candidatesOf(
  positions: Position[],
  edge: number[],
  offsetMeters: number[],
  accessMeters: number[],
  sourceIndex: number[],
): SitingCandidates {
  return {
    positions,
    edge: Uint32Array.from(edge),
    offsetMeters: Float64Array.from(offsetMeters),
    accessMeters: Float64Array.from(accessMeters),
    sourceIndex: Int32Array.from(sourceIndex),
  };
}

/**
 * Every node of the walking network as a candidate (a junction or a path's end), standing on the
 * node: the first edge leaving it, at offset 0 from its source end or at its full length from its
 * target end, no access walk. Isolated nodes of self-loops only stand at their loop.
 */
export function networkNodeCandidates(model: AccessibilityModel): SitingCandidates {
  const { graph } = model;
  const nodeEdge = new Int32Array(graph.nodeCount).fill(-1);
  const nodeAtTarget = new Uint8Array(graph.nodeCount);
  for (let edge = 0; edge < graph.edgeCount; edge += 1) {
    const source = graph.edgeSource[edge];
    const target = graph.edgeTarget[edge];
    if (nodeEdge[source] < 0) nodeEdge[source] = edge;
    if (nodeEdge[target] < 0) {
      nodeEdge[target] = edge;
      nodeAtTarget[target] = 1;
    }
  }
  const positions: Position[] = [];
  const edge: number[] = [];
  const offsetMeters: number[] = [];
  const accessMeters: number[] = [];
  const sourceIndex: number[] = [];
  for (let node = 0; node < graph.nodeCount; node += 1) {
    const nodeEdgeIndex = nodeEdge[node];
    if (nodeEdgeIndex < 0) continue;
    // A self-loop's node is its source; the target flag is set only for a node first met as a target.
    const atTarget = nodeAtTarget[node] === 1 && graph.edgeSource[nodeEdgeIndex] !== node;
    positions.push([graph.nodeLon![node], graph.nodeLat![node]]);
    edge.push(nodeEdgeIndex);
    offsetMeters.push(atTarget ? graph.edgeLengthMeters[nodeEdgeIndex] : 0);
    accessMeters.push(0);
    sourceIndex.push(node);
  }
  return candidatesOf(positions, edge, offsetMeters, accessMeters, sourceIndex);
}

/**
 * Positions the planner gives (e.g. plots for sale), each snapped onto the network. A position farther
 * than `maxAccessMeters` (default the model's maxAccessWalkMeters) from any path is left out; the
 * result's `sourceIndex` says which input each candidate is. Throws naming the index of a position
 * that is not a `[lon, lat]` pair (programmer error: the server validates first).
 */
export function pointCandidates(
  model: AccessibilityModel,
  points: readonly Position[],
  maxAccessMeters = model.maxAccessWalkMeters,
): SitingCandidates {
  const positions: Position[] = [];
  const edge: number[] = [];
  const offsetMeters: number[] = [];
  const accessMeters: number[] = [];
  const sourceIndex: number[] = [];
  points.forEach((point, index) => {
    const [lon, lat] = point ?? [];
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
      throw new Error(`candidate #${index} [${lon}, ${lat}] is not a [longitude, latitude] position`);
    const snap = snapToNetwork(model.snapIndex, lon, lat, maxAccessMeters);
    if (!snap) return;
    positions.push([lon, lat]);
    edge.push(snap.edgeIndex);
    offsetMeters.push(snap.offsetMeters);
    accessMeters.push(snap.distanceMeters);
    sourceIndex.push(index);
  });
  return candidatesOf(positions, edge, offsetMeters, accessMeters, sourceIndex);
}

/**
 * The centres of a square grid of `cellMeters` over the network's bounding box (in the model's local
 * metric plane), kept where a path lies within `maxAccessMeters` (default the model's
 * maxAccessWalkMeters) and snapped there. Throws a RangeError for a cell size that is not positive or
 * that would make more than `maxCells` cells (default 2 000 000).
 */
export function gridCandidates(
  model: AccessibilityModel,
  cellMeters: number,
  options: { maxAccessMeters?: number; maxCells?: number } = {},
): SitingCandidates {
  if (!(cellMeters > 0 && cellMeters < Infinity))
    throw new RangeError(`${SITING_CANDIDATE_REASONS.badCellSize}: ${cellMeters}`);
  const maxAccessMeters = options.maxAccessMeters ?? model.maxAccessWalkMeters;
  const [minX, minY, maxX, maxY] = model.plane.boundsMeters;
  const columns = Math.floor((maxX - minX) / cellMeters) + 1;
  const rows = Math.floor((maxY - minY) / cellMeters) + 1;
  const maxCells = options.maxCells ?? 2_000_000;
  if (columns * rows > maxCells)
    throw new RangeError(`a ${cellMeters} m grid has ${columns * rows} cells, over ${maxCells}`);
  const cells: Position[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      cells.push(
        model.projection.toLonLat(minX + (column + 0.5) * cellMeters, minY + (row + 0.5) * cellMeters),
      );
    }
  }
  const snapped = pointCandidates(model, cells, maxAccessMeters);
  return { ...snapped, sourceIndex: new Int32Array(snapped.sourceIndex.length).fill(-1) };
}
