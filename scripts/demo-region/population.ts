/**
 * Population units (one per land cell) and community attributes.
 *
 * Each community's residents are fixed by its plan and shared out over its inhabited cells with
 * random weights by largest remainder, so the units add up to the plan exactly; households, elderly
 * and children follow per unit. Service floor area, staff and grids are derived from the figures the
 * standards ask for, with a little slack, except where the plan asks for a deliberate gap.
 */

import type { ApplicationTarget, SeatKind, StationProvenance } from '../../core/standards/community-figures';
import type { CommunityTypeId } from '../../core/standards/community-types';
import { INHABITED_LAND_USES, type CellPlan, type LandUsePlan } from './land-use';
import { BLOCK_QUARTERS, EstateNamer, chineseNumber, estatePhase } from './names';
import { createRandom, type Random } from './prng';
import { BLOCK_CELLS, type CommunityPlan, type SitePlan, type TownPlan } from './town-plan';

/** Unit kinds of units.geojson: 小区, 居住街坊, 村民组, or land where nobody lives. */
export type UnitKind = 'estate' | 'block' | 'hamlet' | 'open';

/** A population unit: one lattice cell with its people. */
export interface UnitRecord {
  /** The lattice cell the unit covers. */
  cell: number;
  id: string;
  name: string;
  kind: UnitKind;
  /** Index into the plan's communities. */
  community: number;
  residents: number;
  households: number;
  elderly: number;
  children: number;
}

/** A community's attributes as written to communities.geojson. */
export interface CommunityRecord {
  plan: CommunityPlan;
  residents: number;
  households: number;
  /** 0 where the community has no service station; null where the survey did not measure it. */
  serviceFloorAreaSquareMeters: number | null;
  staff: number | null;
  socialWorkers: number | null;
  grids: number | null;
  gridWorkers: number | null;
  agriculturalLandShare: number | null;
  developmentProgress: number | null;
  isTownshipSeat: boolean;
  // Issue 10's figures, as the plan gives them (written only by plans that carry them).
  applicationTarget: ApplicationTarget | null;
  stationProvenance: StationProvenance | null;
  activityFloorShare: number | null;
  commercialFloorShare: number | null;
  parkingSpaces: number | null;
  seatKind: SeatKind | null;
}

/** Id of the unit on cell `(column, row)`: stable as long as the lattice is. */
export function unitId(column: number, row: number): string {
  return `u-r${String(row).padStart(2, '0')}-c${String(column).padStart(2, '0')}`;
}

/** Builds every unit (row-major cell order) and every community's attributes (plan order). */
export function planPopulation(
  town: TownPlan,
  plan: LandUsePlan,
  seed: number,
): { units: UnitRecord[]; communities: CommunityRecord[] } {
  const namer = new EstateNamer(createRandom(seed, 'names:estates'));
  const unitsByCell = new Map<number, UnitRecord>();

  town.communities.forEach((community, communityIndex) => {
    const random = createRandom(seed, `population:${community.code}`);
    const cells = plan.communityCells[communityIndex].map((index) => plan.cells[index]);
    const kinds = assignKindsAndNames(cells, community, town.sites, namer, random);
    const inhabited = cells.filter((cell) => INHABITED_LAND_USES.has(cell.landUse));
    const weights = inhabited.map((cell) => {
      const kindWeight = kinds.get(cell.index)!.kind === 'estate' ? 1.15 : 0.9;
      return kindWeight * (cell.landUse === 'hamlet' ? random.range(0.5, 1.5) : random.range(0.65, 1.35));
    });
    const residentsByCell = new Map<number, number>();
    apportion(community.residents, weights).forEach((residents, k) =>
      residentsByCell.set(inhabited[k].index, residents),
    );

    for (const cell of cells) {
      const { kind, name } = kinds.get(cell.index)!;
      const residents = residentsByCell.get(cell.index) ?? 0;
      const households =
        residents === 0
          ? 0
          : Math.min(
              residents,
              Math.max(1, Math.round(residents / (community.householdSize * random.range(0.93, 1.07)))),
            );
      let elderly = Math.round(residents * community.elderlyShare * random.range(0.75, 1.25));
      let children = Math.round(residents * community.childrenShare * random.range(0.75, 1.25));
      if (elderly + children > residents) {
        elderly = Math.floor(residents / 2);
        children = residents - elderly;
      }
      unitsByCell.set(cell.index, {
        cell: cell.index,
        id: unitId(cell.column, cell.row),
        name,
        kind,
        community: communityIndex,
        residents,
        households,
        elderly,
        children,
      });
    }
  });

  const units = [...unitsByCell.values()].sort((a, b) => a.cell - b.cell);
  const communities = town.communities.map((community, communityIndex) =>
    communityAttributes(
      community,
      plan.communityCells[communityIndex],
      plan,
      units.filter((unit) => unit.community === communityIndex),
      seed,
    ),
  );
  return { units, communities };
}

/**
 * Largest-remainder apportionment of `total` over `weights`: integers in proportion, summing to
 * `total` exactly; ties go to the earlier entry.
 */
export function apportion(total: number, weights: number[]): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new Error(`apportion: ${total} to share over no entries`);
    return [];
  }
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((sum, share) => sum + share, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; left > 0; k++, left--) shares[order[k % order.length].index]++;
  return shares;
}

function assignKindsAndNames(
  cells: CellPlan[],
  community: CommunityPlan,
  sites: readonly SitePlan[],
  namer: EstateNamer,
  random: Random,
): Map<number, { kind: UnitKind; name: string }> {
  const result = new Map<number, { kind: UnitKind; name: string }>();
  // Residential cells are grouped by street block: one estate, or one open block, per block.
  const blocks = new Map<string, CellPlan[]>();
  const hamletCounters = new Map<number, number>();
  for (const cell of cells) {
    if (cell.landUse === 'residential') {
      const key = `${Math.floor(cell.row / BLOCK_CELLS)}:${Math.floor(cell.column / BLOCK_CELLS)}`;
      const list = blocks.get(key);
      if (list) list.push(cell);
      else blocks.set(key, [cell]);
    } else if (cell.landUse === 'hamlet') {
      const count = (hamletCounters.get(cell.hamletGroup) ?? 0) + 1;
      hamletCounters.set(cell.hamletGroup, count);
      result.set(cell.index, {
        kind: 'hamlet',
        name: `${community.name}${chineseNumber(cell.hamletGroup)}组第${count}片`,
      });
    } else {
      result.set(cell.index, { kind: 'open', name: openLandName(cell, community, sites) });
    }
  }
  let blockNumber = 0;
  for (const blockCells of blocks.values()) {
    // Cells arrive in row-major order: south-west, south-east, north-west, north-east.
    if (random.next() < community.estateShare) {
      const estate = community.type === 'relocation' ? namer.relocationEstate() : namer.estate();
      blockCells.forEach((cell, k) =>
        result.set(cell.index, { kind: 'estate', name: estatePhase(estate, k + 1, blockCells.length) }),
      );
    } else {
      blockNumber++;
      blockCells.forEach((cell) => {
        const quarter = (cell.row % BLOCK_CELLS) * BLOCK_CELLS + (cell.column % BLOCK_CELLS);
        result.set(cell.index, {
          kind: 'block',
          name: `${community.short}${blockNumber}号街坊${BLOCK_QUARTERS[quarter]}`,
        });
      });
    }
  }
  return result;
}

function openLandName(cell: CellPlan, community: CommunityPlan, sites: readonly SitePlan[]): string {
  if (cell.site >= 0) return sites[cell.site].name;
  if (cell.landUse === 'farmland') return `${community.name}${community.village?.farmlandName ?? '耕地'}`;
  if (cell.landUse === 'developed')
    return `${community.name}${community.village?.developedName ?? '建设用地'}`;
  return `${community.name}空地`;
}

/** Service-floor-area minimum of standards §3 for a community of this type and size. */
function floorAreaMinimumSquareMeters(type: CommunityTypeId, residents: number): number {
  if (type === 'village' || type === 'rural') return residents < 2000 ? 400 : 500;
  return residents < 5000 ? 600 : 800;
}

function communityAttributes(
  community: CommunityPlan,
  communityCells: number[],
  plan: LandUsePlan,
  units: UnitRecord[],
  seed: number,
): CommunityRecord {
  const random = createRandom(seed, `attributes:${community.code}`);
  const residents = units.reduce((sum, unit) => sum + unit.residents, 0);
  const households = units.reduce((sum, unit) => sum + unit.households, 0);
  // 30 m² per 100 households or the size minimum, whichever is larger, plus some slack.
  const requiredFloor = Math.max(
    floorAreaMinimumSquareMeters(community.type, residents),
    Math.ceil((households * 0.3) / 10) * 10,
  );
  const gaps = community.gaps;
  // A gap's figure (even null: not measured) replaces the drawn one, and no number is drawn for it.
  const serviceFloorAreaSquareMeters = gaps?.noServiceStation
    ? 0
    : gaps?.serviceFloorAreaSquareMeters !== undefined
      ? gaps.serviceFloorAreaSquareMeters
      : requiredFloor + 50 * random.int(0, 4);
  const staffRequired = Math.max(5, Math.ceil((residents * 18) / 10000));
  const grids = Math.max(1, Math.ceil(households / 380));
  const isUrban = community.type === 'urban';
  const socialWorkersRange: Record<CommunityTypeId, [number, number]> = {
    urban: [3, 6],
    fringe: [2, 4],
    relocation: [1, 3],
    township: [2, 4],
    village: [0, 2],
    rural: [0, 2],
    new: [3, 5],
  };
  const [socialMin, socialMax] = socialWorkersRange[community.type];
  const shortOfStaff = gaps?.shortOfStaff;
  const farmland = communityCells.filter((index) => plan.cells[index].landUse === 'farmland').length;
  const staffFigures = gaps?.staffUnknown
    ? { staff: null, socialWorkers: null, grids: null, gridWorkers: null }
    : {
        staff: shortOfStaff?.staff ?? staffRequired + random.int(isUrban ? 1 : 0, 3),
        socialWorkers: shortOfStaff?.socialWorkers ?? random.int(socialMin, socialMax),
        grids: shortOfStaff?.grids ?? grids,
        gridWorkers: shortOfStaff?.gridWorkers ?? grids + (random.next() < 0.3 ? 1 : 0),
      };
  const village = community.village;
  const figures = community.figures ?? {};
  return {
    plan: community,
    residents,
    households,
    serviceFloorAreaSquareMeters,
    ...staffFigures,
    agriculturalLandShare:
      village && village.agriculturalLandShareKnown !== false
        ? Math.round((100 * farmland) / units.length) / 100
        : null,
    developmentProgress: village ? village.developmentProgress : null,
    isTownshipSeat: community.isTownshipSeat === true,
    applicationTarget: figures.applicationTarget ?? null,
    stationProvenance: figures.stationProvenance ?? null,
    activityFloorShare: figures.activityFloorShare ?? null,
    commercialFloorShare: figures.commercialFloorShare ?? null,
    parkingSpaces: figures.parkingSpaces ?? null,
    seatKind: figures.seatKind ?? null,
  };
}
