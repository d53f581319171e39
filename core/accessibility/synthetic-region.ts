/**
 * A small synthetic region for tests: a street lattice (optionally cut by an east–west river that
 * only some bridge columns cross), a unit in every lattice block and facilities at chosen nodes.
 * Everything in a local plane around 110°E 28°N, returned as an AccessibilityInput.
 */

import { createLocalProjection } from '../geometry/local-projection.js';
import type { Position } from '../geometry/position.js';
import type { AccessibilityInput, FacilityInput, UnitInput } from './accessibility-types.js';

export interface SyntheticRegionOptions {
  columns: number;
  rows: number;
  spacingMeters: number;
  /** The river runs between node rows `riverRow − 1` and `riverRow`, `riverWidthMeters` apart. */
  river?: { row: number; widthMeters: number; bridgeColumns: number[]; withWaterPolygon: boolean };
  /** Facilities at lattice nodes: [column, row, category]. */
  facilities?: [number, number, string][];
}

export interface SyntheticRegion {
  input: AccessibilityInput;
  /** `[lon, lat]` of lattice node (column, row). */
  nodePosition(column: number, row: number): Position;
  /** `[lon, lat]` of a point `x` metres east and `y` metres north of node (0, 0). */
  position(xMeters: number, yMeters: number): Position;
  /** y (metres north of node row 0) of a node row. */
  rowY(row: number): number;
}

export const SYNTHETIC_ORIGIN: Position = [110, 28];

/** Builds the region; units sit in each block, 10 m north of its south street, a quarter along it. */
export function syntheticRegion(options: SyntheticRegionOptions): SyntheticRegion {
  const { columns, rows, spacingMeters, river } = options;
  const projection = createLocalProjection(SYNTHETIC_ORIGIN);
  const rowY = (row: number) =>
    row * spacingMeters + (river && row >= river.row ? river.widthMeters - spacingMeters : 0);
  const position = (x: number, y: number): Position => projection.toLonLat(x, y);
  const nodePosition = (column: number, row: number) => position(column * spacingMeters, rowY(row));
  const nodeId = (column: number, row: number) => 10 * (row * columns + column) + 5;

  const source: number[] = [];
  const target: number[] = [];
  const lengthMeters: number[] = [];
  const edgeClass: string[] = [];
  const lines: Position[][] = [];
  const addEdge = (c0: number, r0: number, c1: number, r1: number) => {
    source.push(nodeId(c0, r0));
    target.push(nodeId(c1, r1));
    lengthMeters.push(Math.hypot((c1 - c0) * spacingMeters, rowY(r1) - rowY(r0)));
    // Every seventh edge is steps, so cost factors take part in every comparison.
    edgeClass.push(source.length % 7 === 0 ? 'steps' : 'street');
    lines.push([nodePosition(c0, r0), nodePosition(c1, r1)]);
  };
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      if (column + 1 < columns) addEdge(column, row, column + 1, row);
      const crossesRiver = river && row + 1 === river.row;
      if (row + 1 < rows && (!crossesRiver || river.bridgeColumns.includes(column)))
        addEdge(column, row, column, row + 1);
    }
  }

  const units: UnitInput[] = [];
  for (let row = 0; row + 1 < rows; row += 1) {
    if (river && row + 1 === river.row) continue;
    for (let column = 0; column + 1 < columns; column += 1) {
      const residents = 10 + ((column * 7 + row * 3) % 20);
      units.push({
        id: `u-${column}-${row}`,
        communityId: column < columns / 2 ? 'c-west' : 'c-east',
        residents,
        households: Math.round(residents / 3),
        elderly: (column + row) % 5,
        accessPoint: position((column + 0.25) * spacingMeters, rowY(row) + 10),
      });
    }
  }

  const facilities: FacilityInput[] = (options.facilities ?? []).map(([column, row, category], index) => ({
    id: `f-${index}`,
    category,
    position: nodePosition(column, row),
  }));

  const waterPolygons: Position[][][] = [];
  if (river?.withWaterPolygon) {
    const south = rowY(river.row - 1);
    const north = rowY(river.row);
    const west = -2 * spacingMeters;
    const east = (columns + 1) * spacingMeters;
    waterPolygons.push([
      [
        position(west, south),
        position(east, south),
        position(east, north),
        position(west, north),
        position(west, south),
      ],
    ]);
  }

  return {
    input: {
      network: { source, target, lengthMeters, edgeClass, lines },
      units,
      facilities,
      communities: [
        { id: 'c-west', name: '西社区' },
        { id: 'c-east', name: '东社区' },
      ],
      waterPolygons,
    },
    nodePosition,
    position,
    rowY,
  };
}
