import type { EdgeList } from './graph.js';
import { STEPS_COST_FACTOR } from './walking-profiles.js';

/** A deterministic pseudo-random generator in [0, 1) (mulberry32), for reproducible synthetic networks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticGridOptions {
  columns: number;
  rows: number;
  /** Distance between neighbouring lattice nodes, meters; each edge's length varies ±20 % around it. */
  spacingMeters: number;
  seed: number;
  /** Share of lattice edges left out (0–1), for an irregular network. */
  missingShare?: number;
  /** Share of edges that are steps (0–1), costing STEPS_COST_FACTOR. */
  stepsShare?: number;
}

/**
 * A lattice walking network for tests and benchmarks: `columns × rows` nodes with sparse external
 * ids (`7 × (row × columns + column) + 1000`), edges to the right and upward neighbours.
 */
export function syntheticGrid(options: SyntheticGridOptions): Required<EdgeList> {
  const { columns, rows, spacingMeters, missingShare = 0, stepsShare = 0 } = options;
  const random = seededRandom(options.seed);
  const nodeId = (column: number, row: number) => 7 * (row * columns + column) + 1000;
  const source: number[] = [];
  const target: number[] = [];
  const lengthMeters: number[] = [];
  const costFactor: number[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      for (const [toColumn, toRow] of [
        [column + 1, row],
        [column, row + 1],
      ]) {
        if (toColumn >= columns || toRow >= rows || random() < missingShare) continue;
        source.push(nodeId(column, row));
        target.push(nodeId(toColumn, toRow));
        lengthMeters.push(spacingMeters * (0.8 + 0.4 * random()));
        costFactor.push(random() < stepsShare ? STEPS_COST_FACTOR : 1);
      }
    }
  }
  return { source, target, lengthMeters, costFactor };
}
