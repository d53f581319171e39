/**
 * Iso-lines of a scalar grid as closed rings, and polygons (outer rings with their holes) built
 * from them: marching squares with linear interpolation along the grid edges and the saddle cells
 * decided by the cell's mean value, as in Lorensen & Cline's marching cubes reduced to 2-D.
 *
 * Rings are simple and never touch each other: every crossing point lies strictly inside its grid
 * edge, and each crossing point belongs to one ring only. Rings of two thresholds of the same grid
 * never cross either, so `value ≤ a` always nests inside `value ≤ b` for a < b. Typed arrays and
 * reused scratch buffers: no object per grid cell.
 */

/** Samples on a lattice: sample (i, j) at `values[j × columns + i]`, plotted at (i, j); j grows northwards. */
export interface ScalarGrid {
  readonly columns: number;
  readonly rows: number;
  readonly values: ArrayLike<number>;
}

/** Inclusive sample ranges holding every sample of a region (a hint that spares scanning the rest). */
export interface SampleBox {
  column0: number;
  row0: number;
  column1: number;
  row1: number;
}

/** A closed ring as flat `[x0, y0, x1, y1, …]` in sample coordinates, the first point not repeated. */
export type FlatRing = Float64Array;

/** A polygon: its outer ring (counter-clockwise) then its holes (clockwise). */
export type FlatPolygon = FlatRing[];

/**
 * Share of a grid edge kept clear at either end: crossing points never sit on a sample, so rings
 * never degenerate into zero-length segments or touch at a sample shared by two rings.
 */
const EDGE_END_CLEARANCE = 1e-3;

let nextScratch = new Int32Array(0);
let startScratch = new Int32Array(0);

/**
 * Rings around the region `value ≤ threshold`, each oriented with the region on its left: outer
 * boundaries counter-clockwise, hole boundaries clockwise (x east, y north).
 *
 * Every value must be finite, and the samples on the grid's outer border must lie above the
 * threshold (outside): give the grid a margin. Throws otherwise, as a programmer error.
 * `insideBox`, when given, must contain every sample with `value ≤ threshold`.
 */
export function traceIsoRings(grid: ScalarGrid, threshold: number, insideBox?: SampleBox): FlatRing[] {
  const { columns, rows, values } = grid;
  if (columns < 3 || rows < 3) return [];
  checkBorder(grid, threshold);
  // Squares away from every inside sample have no crossings: scan only those around the box.
  const iStart = insideBox ? Math.max(0, insideBox.column0 - 1) : 0;
  const iEnd = insideBox ? Math.min(columns - 2, insideBox.column1) : columns - 2;
  const jStart = insideBox ? Math.max(0, insideBox.row0 - 1) : 0;
  const jEnd = insideBox ? Math.min(rows - 2, insideBox.row1) : rows - 2;
  const horizontalEdges = rows * (columns - 1);
  const edgeCount = horizontalEdges + columns * (rows - 1);
  if (nextScratch.length < edgeCount) {
    nextScratch = new Int32Array(edgeCount).fill(-1);
    startScratch = new Int32Array(edgeCount);
  }
  const next = nextScratch;
  const starts = startScratch;
  let startCount = 0;

  // Edge ids: horizontal (i, j)–(i + 1, j) is j(columns − 1) + i; vertical (i, j)–(i, j + 1) is
  // horizontalEdges + j·columns + i. Walking a square's sides counter-clockwise, a crossing where
  // the walk leaves the region starts a segment and one where it enters ends it, which keeps the
  // region on each segment's left.
  for (let j = jStart; j <= jEnd; j += 1) {
    let southWest = values[j * columns + iStart] <= threshold ? 1 : 0;
    let northWest = values[(j + 1) * columns + iStart] <= threshold ? 1 : 0;
    for (let i = iStart; i <= iEnd; i += 1) {
      const southEast = values[j * columns + i + 1] <= threshold ? 1 : 0;
      const northEast = values[(j + 1) * columns + i + 1] <= threshold ? 1 : 0;
      const mask = southWest | (southEast << 1) | (northEast << 2) | (northWest << 3);
      if (mask !== 0 && mask !== 15) {
        const south = j * (columns - 1) + i;
        const north = south + columns - 1;
        const west = horizontalEdges + j * columns + i;
        const east = west + 1;
        if (mask === 5 || mask === 10) {
          const centre =
            (values[j * columns + i] +
              values[j * columns + i + 1] +
              values[(j + 1) * columns + i] +
              values[(j + 1) * columns + i + 1]) /
            4;
          const joined = centre <= threshold;
          if (mask === 5) {
            // South-west and north-east inside.
            next[south] = joined ? east : west;
            next[north] = joined ? west : east;
            starts[startCount++] = south;
            starts[startCount++] = north;
          } else {
            // South-east and north-west inside.
            next[east] = joined ? north : south;
            next[west] = joined ? south : north;
            starts[startCount++] = east;
            starts[startCount++] = west;
          }
        } else {
          // One side is left (inside → outside, counter-clockwise) and one entered.
          let from = -1;
          let to = -1;
          if (southWest && !southEast) from = south;
          else if (!southWest && southEast) to = south;
          if (southEast && !northEast) from = east;
          else if (!southEast && northEast) to = east;
          if (northEast && !northWest) from = north;
          else if (!northEast && northWest) to = north;
          if (northWest && !southWest) from = west;
          else if (!northWest && southWest) to = west;
          next[from] = to;
          starts[startCount++] = from;
        }
      }
      southWest = southEast;
      northWest = northEast;
    }
  }

  const rings: FlatRing[] = [];
  const points: number[] = [];
  for (let s = 0; s < startCount; s += 1) {
    const start = starts[s];
    if (next[start] < 0) continue;
    points.length = 0;
    let edge = start;
    do {
      pushCrossing(points, edge, grid, threshold, horizontalEdges);
      const following = next[edge];
      next[edge] = -1;
      edge = following;
    } while (edge !== start && edge >= 0);
    if (edge < 0) throw new Error('iso-rings: an open contour (the grid border must lie outside)');
    rings.push(Float64Array.from(points));
  }
  return rings;
}

function pushCrossing(
  points: number[],
  edge: number,
  grid: ScalarGrid,
  threshold: number,
  horizontalEdges: number,
): void {
  const { columns, values } = grid;
  let i: number;
  let j: number;
  let v0: number;
  let v1: number;
  if (edge < horizontalEdges) {
    j = Math.floor(edge / (columns - 1));
    i = edge - j * (columns - 1);
    v0 = values[j * columns + i];
    v1 = values[j * columns + i + 1];
  } else {
    const vertical = edge - horizontalEdges;
    j = Math.floor(vertical / columns);
    i = vertical - j * columns;
    v0 = values[j * columns + i];
    v1 = values[(j + 1) * columns + i];
  }
  let t = (threshold - v0) / (v1 - v0);
  if (!(t >= EDGE_END_CLEARANCE)) t = EDGE_END_CLEARANCE;
  else if (t > 1 - EDGE_END_CLEARANCE) t = 1 - EDGE_END_CLEARANCE;
  if (edge < horizontalEdges) points.push(i + t, j);
  else points.push(i, j + t);
}

function checkBorder(grid: ScalarGrid, threshold: number): void {
  const { columns, rows, values } = grid;
  const check = (index: number) => {
    if (!(values[index] > threshold)) {
      throw new Error(
        `iso-rings: border sample ${index} (${values[index]}) must lie above the threshold ${threshold}`,
      );
    }
  };
  for (let i = 0; i < columns; i += 1) {
    check(i);
    check((rows - 1) * columns + i);
  }
  for (let j = 1; j < rows - 1; j += 1) {
    check(j * columns);
    check(j * columns + columns - 1);
  }
}

/** Twice the signed area of a flat ring (positive: counter-clockwise). */
export function flatRingDoubleArea(ring: FlatRing): number {
  let sum = 0;
  const n = ring.length;
  for (let k = 0; k < n; k += 2) {
    const next = k + 2 < n ? k + 2 : 0;
    sum += ring[k] * ring[next + 1] - ring[next] * ring[k + 1];
  }
  return sum;
}

/** The ring with its direction reversed (a new array). */
export function reverseFlatRing(ring: FlatRing): FlatRing {
  const reversed = new Float64Array(ring.length);
  for (let k = 0; k < ring.length; k += 2) {
    reversed[ring.length - 2 - k] = ring[k];
    reversed[ring.length - 1 - k] = ring[k + 1];
  }
  return reversed;
}

/** Whether (x, y) lies inside a flat ring (even–odd crossing test; the point must not lie on it). */
export function pointInFlatRing(ring: FlatRing, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let k = 0, previous = n - 2; k < n; previous = k, k += 2) {
    const yk = ring[k + 1];
    const yp = ring[previous + 1];
    if (yk > y !== yp > y) {
      const xCross = ring[k] + ((y - yk) * (ring[previous] - ring[k])) / (yp - yk);
      if (x < xCross) inside = !inside;
    }
  }
  return inside;
}

/**
 * Groups rings that neither cross nor touch, each with its region on the left, into polygons:
 * every counter-clockwise ring is an outer ring, every clockwise ring a hole of the smallest
 * outer ring around it. Works for the rings of one threshold and for a band's rings (the upper
 * threshold's rings plus the lower threshold's rings reversed).
 */
export function assembleFlatPolygons(rings: readonly FlatRing[]): FlatPolygon[] {
  interface Outer {
    ring: FlatRing;
    area: number;
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
    polygon: FlatPolygon;
  }
  const outers: Outer[] = [];
  const holes: FlatRing[] = [];
  for (const ring of rings) {
    const area = flatRingDoubleArea(ring);
    if (area > 0) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let k = 0; k < ring.length; k += 2) {
        if (ring[k] < minX) minX = ring[k];
        if (ring[k] > maxX) maxX = ring[k];
        if (ring[k + 1] < minY) minY = ring[k + 1];
        if (ring[k + 1] > maxY) maxY = ring[k + 1];
      }
      outers.push({ ring, area, minX, minY, maxX, maxY, polygon: [ring] });
    } else if (area < 0) {
      holes.push(ring);
    }
  }
  // Smallest first: the first outer ring around a hole is the one it belongs to.
  outers.sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const x = hole[0];
    const y = hole[1];
    const owner = outers.find(
      (outer) =>
        x > outer.minX &&
        x < outer.maxX &&
        y > outer.minY &&
        y < outer.maxY &&
        pointInFlatRing(outer.ring, x, y),
    );
    if (!owner) throw new Error('iso-rings: a hole outside every outer ring');
    owner.polygon.push(hole);
  }
  // Largest first reads naturally (the main area, then islands).
  return outers.reverse().map((outer) => outer.polygon);
}
