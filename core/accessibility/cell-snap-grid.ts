/**
 * Each raster cell's nearest point on the walking network — the cell's "snap", exactly what a unit's
 * access point gets — for a grid over the whole region, filled lazily tile by tile and cached on the
 * model per cell size. A query then reads a cell's travel time from its snapped edge's two end
 * nodes in a few arithmetic operations.
 *
 * Tiles are rasterised segment by segment (every cell within the access limit of a segment measures
 * its distance to it), which costs far less than one R-tree query per cell. Memory: 12 bytes per
 * cell of the region's grid (Int32 edge + Float32 offset + Float32 access distance): 1.5 million
 * cells (a 30 × 20 km region at 20 m) take 18 MB; at 50 m, 3 MB.
 */

import type { LocalProjection } from '../geometry/local-projection.js';
import type { Position } from '../geometry/position.js';
import type { SnapIndex } from '../routing/snap.js';
import type { GridFrame } from './accessibility-types.js';
import type { NetworkPlane } from './accessibility-types.js';

/** Cells along each side of a tile. */
export const CELL_SNAP_TILE_CELLS = 64;

/** Cached grids beyond this total are dropped, least recently used first (the one in use stays). */
export const CELL_SNAP_CACHE_MAX_BYTES = 96 * 1024 * 1024;

/** `edge` value of a cell with no network within reach. */
export const NO_EDGE = -1;

/** What a grid needs from the model (kept narrow so this module does not import the model). */
export interface CellSnapSource {
  readonly snapIndex: SnapIndex;
  readonly plane: NetworkPlane;
  readonly projection: LocalProjection;
  readonly maxAccessWalkMeters: number;
  readonly waterPolygonsMeters: readonly Position[][][];
}

/** Nearest network point of every cell of one grid over the region. */
export class CellSnapGrid {
  readonly frame: GridFrame;
  /** Snapped edge per cell, row-major, row 0 southmost; NO_EDGE when none within reach. */
  readonly edge: Int32Array;
  /** Distance along the snapped edge from its source node, in the edge's own `lengthMeters` units. */
  readonly offsetMeters: Float32Array;
  /** Straight walk from the cell centre to its snap, metres. */
  readonly accessMeters: Float32Array;
  readonly tileColumns: number;
  readonly tileRows: number;
  private readonly tileReady: Uint8Array;
  private readonly waterRings: WaterRing[];

  constructor(
    private readonly source: CellSnapSource,
    readonly cellMeters: number,
  ) {
    if (!(cellMeters > 0 && cellMeters < Infinity))
      throw new RangeError(`cell size ${cellMeters} m is not a positive number`);
    this.frame = regionGridFrame(source, cellMeters);
    const cells = this.frame.columns * this.frame.rows;
    this.edge = new Int32Array(cells);
    this.offsetMeters = new Float32Array(cells);
    this.accessMeters = new Float32Array(cells);
    this.tileColumns = Math.ceil(this.frame.columns / CELL_SNAP_TILE_CELLS);
    this.tileRows = Math.ceil(this.frame.rows / CELL_SNAP_TILE_CELLS);
    this.tileReady = new Uint8Array(this.tileColumns * this.tileRows);
    this.waterRings = source.waterPolygonsMeters.flatMap((polygon) => polygon.map(toWaterRing));
  }

  /** Bytes held by the grid's arrays. */
  get memoryBytes(): number {
    return (
      this.edge.byteLength +
      this.offsetMeters.byteLength +
      this.accessMeters.byteLength +
      this.tileReady.byteLength
    );
  }

  /** How many tiles have been filled so far. */
  get readyTileCount(): number {
    let count = 0;
    for (const ready of this.tileReady) count += ready;
    return count;
  }

  /** Fills every tile overlapping columns `column0 … column1 − 1` and rows `row0 … row1 − 1`. */
  ensure(column0: number, row0: number, column1: number, row1: number): void {
    const tx0 = Math.max(0, Math.floor(column0 / CELL_SNAP_TILE_CELLS));
    const ty0 = Math.max(0, Math.floor(row0 / CELL_SNAP_TILE_CELLS));
    const tx1 = Math.min(this.tileColumns - 1, Math.floor((column1 - 1) / CELL_SNAP_TILE_CELLS));
    const ty1 = Math.min(this.tileRows - 1, Math.floor((row1 - 1) / CELL_SNAP_TILE_CELLS));
    for (let ty = ty0; ty <= ty1; ty += 1) {
      for (let tx = tx0; tx <= tx1; tx += 1) {
        if (!this.tileReady[ty * this.tileColumns + tx]) {
          this.fillTile(tx, ty);
          this.tileReady[ty * this.tileColumns + tx] = 1;
        }
      }
    }
  }

  /** Fills the whole grid. */
  ensureAll(): void {
    this.ensure(0, 0, this.frame.columns, this.frame.rows);
  }

  private fillTile(tx: number, ty: number): void {
    const { columns } = this.frame;
    const { cellMeters } = this;
    const column0 = tx * CELL_SNAP_TILE_CELLS;
    const row0 = ty * CELL_SNAP_TILE_CELLS;
    const column1 = Math.min(this.frame.columns, column0 + CELL_SNAP_TILE_CELLS);
    const row1 = Math.min(this.frame.rows, row0 + CELL_SNAP_TILE_CELLS);
    const west = this.frame.westMeters;
    const south = this.frame.southMeters;
    const reach = this.source.maxAccessWalkMeters;
    const { edge, offsetMeters, accessMeters } = this;
    for (let row = row0; row < row1; row += 1) {
      edge.fill(NO_EDGE, row * columns + column0, row * columns + column1);
      accessMeters.fill(Infinity, row * columns + column0, row * columns + column1);
    }

    // Segments whose boxes come within reach of the tile: the R-tree lives in degrees (lon scaled),
    // so widen the window a little for the two planes' slightly different scales.
    const { snapIndex, projection, plane } = this.source;
    const [lon0, lat0] = projection.originLonLat;
    const slack = reach * 1.02 + cellMeters;
    const xMin = west + column0 * cellMeters - slack;
    const xMax = west + column1 * cellMeters + slack;
    const yMin = south + row0 * cellMeters - slack;
    const yMax = south + row1 * cellMeters + slack;
    const scale = snapIndex.lonScale;
    const segments = snapIndex.tree.search(
      (lon0 + xMin / projection.metersPerDegreeLon) * scale,
      lat0 + yMin / projection.metersPerDegreeLat,
      (lon0 + xMax / projection.metersPerDegreeLon) * scale,
      lat0 + yMax / projection.metersPerDegreeLat,
    );

    const { vertexX, vertexY, vertexAlongMeters, edgePolylineMeters } = plane;
    const { segmentEdge } = snapIndex;
    const edgeLengthMeters = snapIndex.graph.edgeLengthMeters;
    const reachSquared = reach * reach;
    for (const segment of segments) {
      const segmentEdgeIndex = segmentEdge[segment];
      const v = segment + segmentEdgeIndex;
      const ax = vertexX[v];
      const ay = vertexY[v];
      const dx = vertexX[v + 1] - ax;
      const dy = vertexY[v + 1] - ay;
      const lengthSquared = dx * dx + dy * dy;
      const inverseLengthSquared = lengthSquared > 0 ? 1 / lengthSquared : 0;
      const polyline = edgePolylineMeters[segmentEdgeIndex];
      const alongToOffset = polyline > 0 ? edgeLengthMeters[segmentEdgeIndex] / polyline : 0;
      const alongStart = vertexAlongMeters[v];
      const segmentLength = Math.sqrt(lengthSquared);
      // Cells whose centres lie within reach of the segment's box.
      const c0 = Math.max(column0, Math.ceil((Math.min(ax, ax + dx) - reach - west) / cellMeters - 0.5));
      const c1 = Math.min(column1 - 1, Math.floor((Math.max(ax, ax + dx) + reach - west) / cellMeters - 0.5));
      const r0 = Math.max(row0, Math.ceil((Math.min(ay, ay + dy) - reach - south) / cellMeters - 0.5));
      const r1 = Math.min(row1 - 1, Math.floor((Math.max(ay, ay + dy) + reach - south) / cellMeters - 0.5));
      for (let row = r0; row <= r1; row += 1) {
        const py = south + (row + 0.5) * cellMeters - ay;
        let index = row * columns + c0;
        for (let column = c0; column <= c1; column += 1, index += 1) {
          const px = west + (column + 0.5) * cellMeters - ax;
          let t = (px * dx + py * dy) * inverseLengthSquared;
          if (t < 0) t = 0;
          else if (t > 1) t = 1;
          const ex = px - t * dx;
          const ey = py - t * dy;
          const squared = ex * ex + ey * ey;
          if (squared <= reachSquared) {
            const distance = Math.sqrt(squared);
            if (distance < accessMeters[index]) {
              accessMeters[index] = distance;
              edge[index] = segmentEdgeIndex;
              offsetMeters[index] = (alongStart + t * segmentLength) * alongToOffset;
            }
          }
        }
      }
    }

    // In water only a cell that an edge crosses (a bridge) stays on the network: its banks' streets
    // must not paint the river.
    // Only rings whose box meets the tile: a whole ring is needed for its even–odd crossings.
    const tileWest = west + column0 * cellMeters;
    const tileEast = west + column1 * cellMeters;
    const tileSouth = south + row0 * cellMeters;
    const tileNorth = south + row1 * cellMeters;
    const waterRings = this.waterRings.filter(
      (ring) =>
        ring.maxX >= tileWest && ring.minX <= tileEast && ring.maxY >= tileSouth && ring.minY <= tileNorth,
    );
    if (waterRings.length > 0) {
      const waterReach = cellMeters * 0.75;
      for (let row = row0; row < row1; row += 1) {
        const y = south + (row + 0.5) * cellMeters;
        const crossings = waterCrossings(waterRings, y);
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          const cStart = Math.max(column0, Math.ceil((crossings[k] - west) / cellMeters - 0.5));
          const cEnd = Math.min(column1 - 1, Math.floor((crossings[k + 1] - west) / cellMeters - 0.5));
          for (let column = cStart; column <= cEnd; column += 1) {
            const index = row * columns + column;
            if (accessMeters[index] > waterReach) {
              edge[index] = NO_EDGE;
              accessMeters[index] = Infinity;
            }
          }
        }
      }
    }
  }
}

interface WaterRing {
  xy: Float64Array;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function toWaterRing(ring: Position[]): WaterRing {
  const xy = new Float64Array(ring.length * 2);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  ring.forEach(([x, y], k) => {
    xy[2 * k] = x;
    xy[2 * k + 1] = y;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return { xy, minX, maxX, minY, maxY };
}

/** x of every crossing of the horizontal line y by the given rings, sorted: inside between pairs (even–odd). */
function waterCrossings(rings: readonly WaterRing[], y: number): number[] {
  const crossings: number[] = [];
  for (const { xy, minY, maxY } of rings) {
    if (y < minY || y > maxY) continue;
    const n = xy.length;
    for (let k = 0, previous = n - 2; k < n; previous = k, k += 2) {
      const yk = xy[k + 1];
      const yp = xy[previous + 1];
      if (yk > y !== yp > y) crossings.push(xy[k] + ((y - yk) * (xy[previous] - xy[k])) / (yp - yk));
    }
  }
  return crossings.sort((a, b) => a - b);
}

/**
 * The region grid of a cell size: the network's bounds plus the access reach and one cell, with its
 * corner on a multiple of the cell size so that grids are stable between builds.
 */
export function regionGridFrame(
  source: Pick<CellSnapSource, 'plane' | 'projection' | 'maxAccessWalkMeters'>,
  cellMeters: number,
): GridFrame {
  const [minX, minY, maxX, maxY] = source.plane.boundsMeters;
  const margin = source.maxAccessWalkMeters + cellMeters;
  const westMeters = Math.floor((minX - margin) / cellMeters) * cellMeters;
  const southMeters = Math.floor((minY - margin) / cellMeters) * cellMeters;
  const columns = Math.ceil((maxX + margin - westMeters) / cellMeters);
  const rows = Math.ceil((maxY + margin - southMeters) / cellMeters);
  const [west, south] = source.projection.toLonLat(westMeters, southMeters);
  const [east, north] = source.projection.toLonLat(
    westMeters + columns * cellMeters,
    southMeters + rows * cellMeters,
  );
  return { cellMeters, columns, rows, westMeters, southMeters, bbox: [west, south, east, north] };
}

/** The model's cached grids by cell size, bounded by CELL_SNAP_CACHE_MAX_BYTES. */
export class CellSnapCache {
  private readonly grids = new Map<number, CellSnapGrid>();

  /** The grid of `cellMeters`, made (empty, filled lazily) on first use. */
  grid(source: CellSnapSource, cellMeters: number): CellSnapGrid {
    let grid = this.grids.get(cellMeters);
    if (grid) {
      // Re-insert: Map order is the recency order for eviction.
      this.grids.delete(cellMeters);
      this.grids.set(cellMeters, grid);
      return grid;
    }
    grid = new CellSnapGrid(source, cellMeters);
    this.grids.set(cellMeters, grid);
    let bytes = 0;
    for (const cached of this.grids.values()) bytes += cached.memoryBytes;
    for (const [size, cached] of this.grids) {
      if (bytes <= CELL_SNAP_CACHE_MAX_BYTES || cached === grid) break;
      bytes -= cached.memoryBytes;
      this.grids.delete(size);
    }
    return grid;
  }

  /** Bytes held by every cached grid. */
  get memoryBytes(): number {
    let bytes = 0;
    for (const grid of this.grids.values()) bytes += grid.memoryBytes;
    return bytes;
  }

  /** Drops every cached grid. */
  clear(): void {
    this.grids.clear();
  }
}
