/**
 * Test fixture shared by the scenario tests: a lattice of square units, the simplest region whose
 * adjacency, areas and perimeters are known exactly.
 */
import type { ScenarioUnit, UnitAdjacency } from './scenario-evaluator.js';

/** Side of a lattice unit, meters. */
export const LATTICE_CELL_METERS = 100;

/** The people of one unit (everything but its id and shape). */
export type LatticeUnitPeople = Pick<ScenarioUnit, 'residents' | 'households' | 'elderly' | 'children'>;

/**
 * A columns × rows lattice of square 100 m units with ids `u-{column}-{row}` (row by row from 0),
 * adjacent by shared sides of 100 m; `peopleOf` gives each unit's residents, households, elderly and
 * children.
 */
export function squareLattice(
  columns: number,
  rows: number,
  peopleOf: (column: number, row: number) => LatticeUnitPeople,
): { units: ScenarioUnit[]; adjacency: UnitAdjacency } {
  const units: ScenarioUnit[] = [];
  const adjacency = { unitA: [] as number[], unitB: [] as number[], sharedMeters: [] as number[] };
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      units.push({
        id: `u-${column}-${row}`,
        ...peopleOf(column, row),
        areaSquareMeters: LATTICE_CELL_METERS * LATTICE_CELL_METERS,
        perimeterMeters: 4 * LATTICE_CELL_METERS,
      });
      const index = row * columns + column;
      if (column > 0) {
        adjacency.unitA.push(index - 1);
        adjacency.unitB.push(index);
        adjacency.sharedMeters.push(LATTICE_CELL_METERS);
      }
      if (row > 0) {
        adjacency.unitA.push(index - columns);
        adjacency.unitB.push(index);
        adjacency.sharedMeters.push(LATTICE_CELL_METERS);
      }
    }
  }
  return { units, adjacency };
}
