/**
 * Turns a hand-drawn town plan (town-plan.ts) into one record per lattice cell: which community owns it
 * and what the land is used for. Town cells are residential unless a site (school, park, hill …)
 * covers them; village cells are split into developed land (next to the town), hamlets (clusters
 * where the villagers live) and farmland, in the shares each village's plan gives.
 */

import type { LatticeSize } from '../../core/geometry/grid-outline';
import { createRandom } from './prng';
import {
  BLOCK_CELLS,
  FACILITY_SITE_KINDS,
  RIVER_CODE,
  latticeSize,
  type SiteKind,
  type TownPlan,
  type VillageLandPlan,
} from './town-plan';

/** What a cell is used for; only residential and hamlet cells have residents. */
export type LandUse =
  | 'water'
  | 'residential'
  | 'hamlet'
  | 'farmland'
  | 'developed'
  | 'industrial'
  | 'commercial'
  | 'hill'
  | 'park'
  | 'school'
  | 'sports';

/** Land uses where people live. */
export const INHABITED_LAND_USES: ReadonlySet<LandUse> = new Set(['residential', 'hamlet']);

/** One lattice cell of the plan: owner and land use. */
export interface CellPlan {
  /** Row-major index: `row * columns + column`. */
  index: number;
  column: number;
  row: number;
  /** Index into the plan's communities, or -1 for the river. */
  community: number;
  landUse: LandUse;
  /** Index into the plan's sites, or -1. */
  site: number;
  /** Hamlet group (村民组) number, 1-based, for hamlet cells; 0 otherwise. */
  hamletGroup: number;
}

/** The land-use plan of the whole lattice. */
export interface LandUsePlan {
  size: LatticeSize;
  cells: CellPlan[];
  /** Cell indices of each community, in row-major order. */
  communityCells: number[][];
}

const SITE_LAND_USE: Record<SiteKind, LandUse> = {
  park: 'park',
  'central-park': 'park',
  'riverside-park': 'park',
  'primary-school': 'school',
  'middle-school': 'school',
  'sports-ground': 'sports',
  industrial: 'industrial',
  commercial: 'commercial',
  farmland: 'farmland',
  hill: 'hill',
};

/** Builds the per-cell plan; throws naming the block or site if the hand-drawn plan is inconsistent. */
export function planLandUse(town: TownPlan, seed: number): LandUsePlan {
  const size: LatticeSize = latticeSize(town);
  const { blockColumns, blockRows, communityMap, communities, sites, riverCellRows } = town;
  const communityByCode = new Map(communities.map((community, index) => [community.code, index]));
  if (communityMap.length !== blockRows)
    throw new Error(`${town.region.id} community map has ${communityMap.length} rows, expected ${blockRows}`);

  const cells: CellPlan[] = [];
  for (let row = 0; row < size.rows; row++) {
    for (let column = 0; column < size.columns; column++) {
      const blockRow = Math.floor(row / BLOCK_CELLS);
      const line = communityMap[blockRows - 1 - blockRow];
      if (line.length !== blockColumns)
        throw new Error(
          `${town.region.id} community map block row ${blockRow} has ${line.length} blocks, expected ${blockColumns}`,
        );
      const code = line[Math.floor(column / BLOCK_CELLS)];
      const isRiver = (riverCellRows as readonly number[]).includes(row);
      if ((code === RIVER_CODE) !== isRiver)
        throw new Error(
          `${town.region.id} community map: the river must fill exactly cell rows ${riverCellRows.join(', ')} (cell ${column},${row})`,
        );
      const community = isRiver ? -1 : communityByCode.get(code);
      if (community === undefined)
        throw new Error(
          `${town.region.id} community map: unknown community letter "${code}" at block row ${blockRow}`,
        );
      cells.push({
        index: cells.length,
        column,
        row,
        community,
        landUse: isRiver ? 'water' : 'residential',
        site: -1,
        hamletGroup: 0,
      });
    }
  }

  sites.forEach((site, siteIndex) => {
    const community = communityByCode.get(site.code);
    if (community === undefined)
      throw new Error(`site ${site.name}: unknown community letter "${site.code}"`);
    const mustFit = FACILITY_SITE_KINDS.has(site.kind);
    for (
      let row = site.blockRow * BLOCK_CELLS;
      row < (site.blockRow + site.heightBlocks) * BLOCK_CELLS;
      row++
    ) {
      // A riverside park is the one row of cells along the bank.
      if (site.kind === 'riverside-park' && !isRiverBankRow(town, row)) continue;
      for (
        let column = site.blockColumn * BLOCK_CELLS;
        column < (site.blockColumn + site.widthBlocks) * BLOCK_CELLS;
        column++
      ) {
        const cell = cells[row * size.columns + column];
        if (cell.community !== community) {
          if (mustFit)
            throw new Error(`site ${site.name} covers cell ${column},${row} outside community ${site.code}`);
          continue;
        }
        if (cell.site !== -1)
          throw new Error(`sites ${sites[cell.site].name} and ${site.name} overlap at cell ${column},${row}`);
        cell.site = siteIndex;
        cell.landUse = SITE_LAND_USE[site.kind];
      }
    }
  });

  const communityCells: number[][] = communities.map(() => []);
  for (const cell of cells) if (cell.community >= 0) communityCells[cell.community].push(cell.index);
  communityCells.forEach((list, index) => {
    if (list.length === 0)
      throw new Error(`community ${communities[index].id} has no cells on the community map`);
  });

  const townDistance = distanceFromTown(town, size, cells);
  communities.forEach((community, index) => {
    if (community.village)
      planVillage(cells, communityCells[index], community.village, townDistance, seed, community.code);
  });
  return { size, cells, communityCells };
}

/** Whether a cell row lies along the river (the first row of land on either bank). */
export function isRiverBankRow(town: TownPlan, row: number): boolean {
  const [southRow, northRow] = town.riverCellRows;
  return row === southRow - 1 || row === northRow + 1;
}

/** Steps (4-neighbour, over land) from each cell to the nearest cell of a non-village community. */
function distanceFromTown(town: TownPlan, size: LatticeSize, cells: CellPlan[]): Int32Array {
  const distance = new Int32Array(cells.length).fill(-1);
  const queue: number[] = [];
  for (const cell of cells) {
    if (cell.community >= 0 && !town.communities[cell.community].village) {
      distance[cell.index] = 0;
      queue.push(cell.index);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const cell = cells[queue[head]];
    for (const neighbour of landNeighbours(size, cells, cell)) {
      if (distance[neighbour] === -1) {
        distance[neighbour] = distance[cell.index] + 1;
        queue.push(neighbour);
      }
    }
  }
  return distance;
}

function landNeighbours(size: LatticeSize, cells: CellPlan[], cell: CellPlan): number[] {
  const result: number[] = [];
  const { column, row } = cell;
  if (column > 0) result.push(cell.index - 1);
  if (column < size.columns - 1) result.push(cell.index + 1);
  if (row > 0) result.push(cell.index - size.columns);
  if (row < size.rows - 1) result.push(cell.index + size.columns);
  return result.filter((index) => cells[index].community >= 0);
}

/**
 * Splits a village: developed land on the side facing the town (the town grows into it), then
 * hamlets as compact clusters around well-spaced seeds, the rest farmland.
 */
function planVillage(
  cells: CellPlan[],
  villageCells: number[],
  village: VillageLandPlan,
  townDistance: Int32Array,
  seed: number,
  code: string,
): void {
  const random = createRandom(seed, `village-land:${code}`);
  const free = villageCells.filter((index) => cells[index].site === -1);
  const developedCount = Math.round(village.developedShare * villageCells.length);
  const hamletCount = Math.round(village.hamletShare * villageCells.length);

  // Unreachable cells (none in this plan) would sort last.
  const byTownDistance = free
    .map((index) => ({
      index,
      key: (townDistance[index] < 0 ? 1e6 : townDistance[index]) + random.range(0, 2.5),
    }))
    .sort((a, b) => a.key - b.key || a.index - b.index);
  const developed = new Set(byTownDistance.slice(0, developedCount).map((entry) => entry.index));
  for (const index of developed) cells[index].landUse = 'developed';

  const remaining = free.filter((index) => !developed.has(index));
  const groupCount = Math.max(2, Math.round(hamletCount / 14));
  const spacing = Math.sqrt(remaining.length / groupCount) * 0.9;
  const seeds: number[] = [];
  for (const index of random.shuffled(remaining)) {
    if (seeds.length === groupCount) break;
    if (seeds.every((other) => cellDistance(cells[index], cells[other]) >= spacing)) seeds.push(index);
  }
  // Number groups north-west to south-east, the way a village office would list them.
  seeds.sort((a, b) => cells[b].row - cells[a].row || cells[a].column - cells[b].column);

  const byHamletDistance = remaining
    .map((index) => {
      let best = Infinity;
      let group = 0;
      seeds.forEach((other, k) => {
        const distance = cellDistance(cells[index], cells[other]);
        if (distance < best) {
          best = distance;
          group = k + 1;
        }
      });
      return { index, group, key: best + random.range(0, 1.5) };
    })
    .sort((a, b) => a.key - b.key || a.index - b.index);
  byHamletDistance.forEach((entry, rank) => {
    const cell = cells[entry.index];
    if (rank < hamletCount) {
      cell.landUse = 'hamlet';
      cell.hamletGroup = entry.group;
    } else {
      cell.landUse = 'farmland';
    }
  });
}

function cellDistance(a: CellPlan, b: CellPlan): number {
  return Math.hypot(a.column - b.column, a.row - b.row);
}
