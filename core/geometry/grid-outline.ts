/**
 * Exact outlines of sets of cells on a (possibly warped) quadrilateral lattice.
 *
 * The lattice has `columns × rows` cells and `(columns + 1) × (rows + 1)` shared corners; corner
 * `(i, j)` has id `j * (columns + 1) + i` and cell `(column, row)` has the corners
 * `(column, row)`, `(column + 1, row)`, `(column + 1, row + 1)`, `(column, row + 1)` — south-west,
 * south-east, north-east, north-west, with `y` growing northwards. Because neighbouring cells share
 * corners, outlines traced here share vertices exactly with the cells and with each other, so a
 * partition of cells becomes a gap-free, overlap-free coverage of polygons.
 *
 * The warp must preserve orientation (no folded cells): rings are classified as outer or hole by
 * their orientation in corner-index space.
 */

import type { Position } from './position.js';

/** A closed ring of corner ids: the first id is repeated at the end. */
export type CornerRing = number[];

/** One polygon as corner-id rings: the outer ring (counter-clockwise) first, then holes (clockwise). */
export type CornerPolygon = CornerRing[];

/** GeoJSON Polygon or MultiPolygon geometry (RFC 7946). */
export type AreaGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Size of a cell lattice. */
export interface LatticeSize {
  /** Cells along x (west → east). */
  columns: number;
  /** Cells along y (south → north). */
  rows: number;
}

/** Id of lattice corner `(i, j)`. */
export function cornerId(size: LatticeSize, i: number, j: number): number {
  return j * (size.columns + 1) + i;
}

/** The four corner ids of a cell in counter-clockwise order starting south-west, closed. */
export function cellCornerRing(size: LatticeSize, column: number, row: number): CornerRing {
  const sw = cornerId(size, column, row);
  const nw = sw + size.columns + 1;
  return [sw, sw + 1, nw + 1, nw, sw];
}

interface DirectedEdge {
  from: number;
  to: number;
  /** Index of the cell on the edge's left, i.e. inside the outline. */
  leftCell: number;
}

/**
 * Traces the outline of every label's cells in one pass over the lattice.
 *
 * Returns, per label (in order of first appearance in row-major cell order), one corner polygon per
 * 4-connected component of that label's cells, outer rings counter-clockwise and holes clockwise
 * (RFC 7946). Cells touching only at a corner become separate polygons (a valid MultiPolygon); a hole
 * touching its outer ring at one corner is kept as a hole (valid under OGC rules).
 *
 * @param labelOf label of a cell, or `null` for cells that belong to no outline
 */
export function traceLabelledCellOutlines<L>(
  size: LatticeSize,
  labelOf: (column: number, row: number) => L | null,
): Map<L, CornerPolygon[]> {
  const { columns, rows } = size;
  const labels = new Array<L | null>(columns * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) labels[row * columns + column] = labelOf(column, row);
  }
  const edgesByLabel = new Map<L, DirectedEdge[]>();
  const sameLabel = (column: number, row: number, label: L): boolean =>
    column >= 0 && column < columns && row >= 0 && row < rows && labels[row * columns + column] === label;

  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = row * columns + column;
      const label = labels[cell];
      if (label === null) continue;
      let edges = edgesByLabel.get(label);
      if (!edges) {
        edges = [];
        edgesByLabel.set(label, edges);
      }
      const [sw, se, ne, nw] = cellCornerRing(size, column, row);
      // Sides walked counter-clockwise so the cell (the inside) is always on the left.
      if (!sameLabel(column, row - 1, label)) edges.push({ from: sw, to: se, leftCell: cell });
      if (!sameLabel(column + 1, row, label)) edges.push({ from: se, to: ne, leftCell: cell });
      if (!sameLabel(column, row + 1, label)) edges.push({ from: ne, to: nw, leftCell: cell });
      if (!sameLabel(column - 1, row, label)) edges.push({ from: nw, to: sw, leftCell: cell });
    }
  }

  const result = new Map<L, CornerPolygon[]>();
  for (const [label, edges] of edgesByLabel) {
    result.set(
      label,
      assemblePolygons(size, edges, (cell) => labels[cell] === label),
    );
  }
  return result;
}

/**
 * Traces the outline of the cells for which `includes` is true: one corner polygon per 4-connected
 * component (see {@link traceLabelledCellOutlines}).
 */
export function traceCellOutline(
  size: LatticeSize,
  includes: (column: number, row: number) => boolean,
): CornerPolygon[] {
  return (
    traceLabelledCellOutlines(size, (column, row) => (includes(column, row) ? true : null)).get(true) ?? []
  );
}

/** Maps corner polygons to a GeoJSON Polygon (one component) or MultiPolygon (several). */
export function cornerPolygonsToGeometry(
  polygons: CornerPolygon[],
  positionOf: (corner: number) => Position,
): AreaGeometry {
  if (polygons.length === 0) throw new Error('cornerPolygonsToGeometry: no polygons to convert');
  const coordinates = polygons.map((polygon) => polygon.map((ring) => ring.map(positionOf)));
  return coordinates.length === 1
    ? { type: 'Polygon', coordinates: coordinates[0] }
    : { type: 'MultiPolygon', coordinates };
}

function assemblePolygons(
  size: LatticeSize,
  edges: DirectedEdge[],
  isInside: (cell: number) => boolean,
): CornerPolygon[] {
  const stride = size.columns + 1;
  // A corner has at most two outgoing boundary edges: two only where the outline pinches.
  const outgoing = new Map<number, number[]>();
  edges.forEach((edge, index) => {
    const list = outgoing.get(edge.from);
    if (list) list.push(index);
    else outgoing.set(edge.from, [index]);
  });

  const direction = (edge: DirectedEdge): [number, number] => [
    (edge.to % stride) - (edge.from % stride),
    Math.floor(edge.to / stride) - Math.floor(edge.from / stride),
  ];
  // At a pinch, pair each incoming edge with the outgoing edge that turns left, hugging the
  // inside: cells that meet only at a corner then get separate rings instead of one self-touching one.
  const nextEdge = (index: number): number => {
    const candidates = outgoing.get(edges[index].to);
    if (!candidates) throw new Error(`grid outline: dangling boundary edge at corner ${edges[index].to}`);
    if (candidates.length === 1) return candidates[0];
    const [ax, ay] = direction(edges[index]);
    for (const candidate of candidates) {
      const [bx, by] = direction(edges[candidate]);
      if (ax * by - ay * bx > 0) return candidate;
    }
    throw new Error(`grid outline: no left turn at pinch corner ${edges[index].to}`);
  };

  const used = new Uint8Array(edges.length);
  const loops: { ring: CornerRing; leftCell: number }[] = [];
  for (let start = 0; start < edges.length; start++) {
    if (used[start]) continue;
    const corners: number[] = [];
    const leftCells: number[] = [];
    let current = start;
    do {
      used[current] = 1;
      corners.push(edges[current].from);
      leftCells.push(edges[current].leftCell);
      current = nextEdge(current);
    } while (current !== start);
    for (const loop of splitAtRepeatedCorners(corners, leftCells)) loops.push(loop);
  }

  // Group rings by the 4-connected component of the cell on their inside.
  const componentOf = labelComponents(size, isInside);
  const polygons = new Map<number, { outer: CornerRing | null; holes: CornerRing[] }>();
  for (const loop of loops) {
    const component = componentOf[loop.leftCell];
    let entry = polygons.get(component);
    if (!entry) {
      entry = { outer: null, holes: [] };
      polygons.set(component, entry);
    }
    if (signedDoubleArea(loop.ring, stride) > 0) {
      if (entry.outer)
        throw new Error(`grid outline: two outer rings for the component of cell ${loop.leftCell}`);
      entry.outer = loop.ring;
    } else {
      entry.holes.push(loop.ring);
    }
  }
  const ordered = [...polygons.entries()].sort((a, b) => a[0] - b[0]);
  return ordered.map(([component, { outer, holes }]) => {
    if (!outer) throw new Error(`grid outline: component ${component} has holes but no outer ring`);
    return [outer, ...holes];
  });
}

/** Splits a closed corner walk wherever it revisits a corner, so every returned ring is simple. */
function splitAtRepeatedCorners(
  corners: number[],
  leftCells: number[],
): { ring: CornerRing; leftCell: number }[] {
  const loops: { ring: CornerRing; leftCell: number }[] = [];
  const stack: number[] = [];
  const stackCells: number[] = [];
  const positionInStack = new Map<number, number>();
  for (let k = 0; k < corners.length; k++) {
    const corner = corners[k];
    const seenAt = positionInStack.get(corner);
    if (seenAt !== undefined) {
      const ring = stack.slice(seenAt);
      const cells = stackCells.slice(seenAt);
      for (let m = seenAt; m < stack.length; m++) positionInStack.delete(stack[m]);
      stack.length = seenAt;
      stackCells.length = seenAt;
      ring.push(ring[0]);
      loops.push({ ring, leftCell: cells[0] });
    }
    positionInStack.set(corner, stack.length);
    stack.push(corner);
    stackCells.push(leftCells[k]);
  }
  if (stack.length > 0) loops.push({ ring: [...stack, stack[0]], leftCell: stackCells[0] });
  return loops;
}

/** Twice the signed area of a closed corner ring in corner-index space (positive: counter-clockwise). */
function signedDoubleArea(ring: CornerRing, stride: number): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const x1 = ring[k] % stride;
    const y1 = Math.floor(ring[k] / stride);
    const x2 = ring[k + 1] % stride;
    const y2 = Math.floor(ring[k + 1] / stride);
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** Component index (smallest cell index in the component) of every inside cell; -1 elsewhere. */
function labelComponents(size: LatticeSize, isInside: (cell: number) => boolean): Int32Array {
  const { columns, rows } = size;
  const component = new Int32Array(columns * rows).fill(-1);
  const queue: number[] = [];
  for (let seed = 0; seed < columns * rows; seed++) {
    if (component[seed] !== -1 || !isInside(seed)) continue;
    component[seed] = seed;
    queue.length = 0;
    queue.push(seed);
    for (let head = 0; head < queue.length; head++) {
      const cell = queue[head];
      const column = cell % columns;
      const row = (cell - column) / columns;
      const neighbours = [
        column > 0 ? cell - 1 : -1,
        column < columns - 1 ? cell + 1 : -1,
        row > 0 ? cell - columns : -1,
        row < rows - 1 ? cell + columns : -1,
      ];
      for (const neighbour of neighbours) {
        if (neighbour >= 0 && component[neighbour] === -1 && isInside(neighbour)) {
          component[neighbour] = seed;
          queue.push(neighbour);
        }
      }
    }
  }
  return component;
}
