/**
 * Facilities of every category of standards §4, placed where a planner would expect them: the
 * service station, health station and day care together near each community's centre of
 * population, schools and parks on their sites, the rest spread over the inhabited cells.
 *
 * Gaps are built in where the plan asks: a community marked `noKindergartenWithinFiveMinutes` gets
 * no kindergarten, and no other kindergarten is placed within reach of its residents, so the
 * 5-minute kindergarten circle genuinely misses all of them; one marked `noServiceStation` gets no
 * station; `missingCategories` leaves out facilities a community of its kind would usually have.
 */

import { FACILITY_CATEGORY_IDS, type FacilityCategoryId } from '../../core/standards/facility-categories';
import { INHABITED_LAND_USES, type LandUsePlan } from './land-use';
import { numberedName } from './names';
import type { CommunityRecord, UnitRecord } from './population';
import { createRandom, type Random } from './prng';
import { CELL_METERS, type SiteKind, type TownPlan } from './town-plan';
import { distancesFromMeters, type NodeLocator, type WalkGraph } from './walk-graph';

/** A placed facility, in town metres; render.ts projects it and suffixes ids per tile. */
export interface FacilityRecord {
  id: string;
  name: string;
  category: FacilityCategoryId;
  /** Index into the plan's communities of the community the facility stands in. */
  community: number;
  xMeters: number;
  yMeters: number;
  floorAreaSquareMeters: number | null;
  capacity: number | null;
}

/** What facility placement needs to know about the town. */
export interface FacilityContext {
  plan: LandUsePlan;
  units: UnitRecord[];
  communities: CommunityRecord[];
  /** Centre of each cell in metres, by cell index. */
  cellCentre: (cell: number) => [number, number];
  /** Network node (index) residents of each cell step onto. */
  accessNode: Int32Array;
  graph: WalkGraph;
  locator: NodeLocator;
}

/** 5 walking minutes at 1 m/s (standards §4): the kindergarten tier. */
export const KINDERGARTEN_WALK_METERS = 300;
/**
 * Kindergartens are kept this far (network metres) from the gap community's residents — more than
 * the 300 m tier, so the gap survives rounding and haversine-versus-planar differences.
 */
const KINDERGARTEN_GAP_CLEARANCE_METERS = 420;
/** Spacing of facilities sharing a cell, metres from the cell centre (cells are ~75 m across). */
const SHARED_CELL_OFFSET_METERS = 16;

const SITE_CATEGORY: Partial<Record<SiteKind, FacilityCategoryId>> = {
  park: 'park',
  'central-park': 'park',
  'riverside-park': 'park',
  'primary-school': 'primary_school',
  'middle-school': 'middle_school',
  'sports-ground': 'sports_ground',
};

/** Places every facility; throws if a required placement is impossible. */
export function planFacilities(town: TownPlan, context: FacilityContext, seed: number): FacilityRecord[] {
  const { plan, units, communities, cellCentre, accessNode, graph, locator } = context;
  const placed: Omit<FacilityRecord, 'id'>[] = [];
  const facilitiesInCell = new Map<number, number>();
  const residentsOfCell = new Map(units.map((unit) => [unit.cell, unit.residents]));

  // Nodes within reach of the gap community's residents: no kindergarten may snap to one of them.
  const gapCommunities = town.communities.flatMap((community, index) =>
    community.gaps?.noKindergartenWithinFiveMinutes ? [index] : [],
  );
  const gapSources = units
    .filter((unit) => gapCommunities.includes(unit.community) && unit.residents > 0)
    .map((unit) => accessNode[unit.cell]);
  const nearGap = distancesFromMeters(graph, gapSources, KINDERGARTEN_GAP_CLEARANCE_METERS);
  const kindergartenAllowed = (cell: number): boolean => {
    const [x, y] = cellCentre(cell);
    return nearGap[locator.nearest(x, y)] === Infinity;
  };

  const place = (
    category: FacilityCategoryId,
    name: string,
    community: number,
    cell: number,
    floorAreaSquareMeters: number | null,
    capacity: number | null,
  ) => {
    const [x, y] = cellCentre(cell);
    const already = facilitiesInCell.get(cell) ?? 0;
    facilitiesInCell.set(cell, already + 1);
    // Facilities sharing a cell (a station with its health room, say) stand a few metres apart.
    const angle = (already * Math.PI) / 3;
    const offset = already === 0 ? 0 : SHARED_CELL_OFFSET_METERS;
    placed.push({
      name,
      category,
      community,
      xMeters: x + offset * Math.cos(angle),
      yMeters: y + offset * Math.sin(angle),
      floorAreaSquareMeters,
      capacity,
    });
  };

  // Facilities on their own sites: schools, parks, stadiums.
  town.sites.forEach((site, siteIndex) => {
    const category = SITE_CATEGORY[site.kind];
    if (!category) return;
    const siteCells = plan.cells.filter((cell) => cell.site === siteIndex).map((cell) => cell.index);
    const community = town.communities.findIndex((candidate) => candidate.code === site.code);
    const random = createRandom(seed, `facilities:site:${site.name}`);
    const areaSquareMeters = siteCells.length * CELL_METERS * CELL_METERS;
    // A long riverside park gets an entrance (a facility point) on each half.
    const anchors =
      site.kind === 'riverside-park'
        ? [siteCells[Math.floor(siteCells.length / 4)], siteCells[Math.floor((3 * siteCells.length) / 4)]]
        : [middleCell(siteCells, plan)];
    anchors.forEach((cell, k) => {
      const name = anchors.length === 1 ? site.name : `${site.name}（${k === 0 ? '西段' : '东段'}）`;
      place(
        category,
        name,
        community,
        cell,
        ...siteFigures(category, areaSquareMeters / anchors.length, random),
      );
    });
  });

  communities.forEach((record, communityIndex) => {
    const community = record.plan;
    const random = createRandom(seed, `facilities:${community.code}`);
    const inhabited = plan.communityCells[communityIndex].filter(
      (cell) => INHABITED_LAND_USES.has(plan.cells[cell].landUse) && (residentsOfCell.get(cell) ?? 0) > 0,
    );
    if (inhabited.length === 0)
      throw new Error(`facilities: community ${community.id} has no inhabited cells`);
    const weights = inhabited.map((cell) => residentsOfCell.get(cell) ?? 0);
    const centre = nearestCell(inhabited, weightedCentroid(inhabited, weights, cellCentre), cellCentre);
    // Villages and rural communities get village facilities (卫生室, 幸福院), the rest town ones.
    const isTown = community.type !== 'village' && community.type !== 'rural';
    const residents = record.residents;
    const short = community.short;
    const missing = new Set<FacilityCategoryId>(community.gaps?.missingCategories ?? []);
    if (community.gaps?.noServiceStation) missing.add('service_station');

    // The service station, with its health station and day care, at the centre of population.
    if (!missing.has('service_station')) {
      place(
        'service_station',
        `${community.name}综合服务站`,
        communityIndex,
        centre,
        record.serviceFloorAreaSquareMeters,
        null,
      );
    }
    if (!missing.has('health_station')) {
      place(
        'health_station',
        isTown ? `${community.name}卫生服务站` : `${community.name}卫生室`,
        communityIndex,
        centre,
        random.int(6, 16) * 20,
        null,
      );
    }
    if ((isTown || residents >= 1500) && !missing.has('elderly_day_care')) {
      const places = random.int(2, 5) * 10;
      place(
        'elderly_day_care',
        isTown ? `${short}日间照料中心` : `${community.name}幸福院`,
        communityIndex,
        centre,
        places * 15,
        places,
      );
    }

    // Kindergartens first, on cells nothing else uses yet, so their points sit on the cell centre
    // the gap check was made for.
    const kindergartens =
      community.gaps?.noKindergartenWithinFiveMinutes || missing.has('kindergarten')
        ? 0
        : isTown
          ? Math.max(1, Math.round(residents / 3500))
          : residents >= 1500
            ? 1
            : 0;
    const kindergartenCells = inhabited.filter(
      (cell) => !facilitiesInCell.has(cell) && kindergartenAllowed(cell),
    );
    if (kindergartens > 0 && kindergartenCells.length === 0) {
      throw new Error(
        `facilities: nowhere in ${community.id} to put a kindergarten away from the kindergarten gap`,
      );
    }
    spreadCells(
      kindergartenCells,
      kindergartenCells.map((cell) => residentsOfCell.get(cell) ?? 0),
      kindergartens,
      cellCentre,
      random,
    ).forEach((cell, k) => {
      const classes = random.pick([6, 9, 12]);
      place(
        'kindergarten',
        numberedName(short, '幼儿园', k + 1),
        communityIndex,
        cell,
        classes * 30 * 10,
        classes * 30,
      );
    });

    const spread = (
      category: FacilityCategoryId,
      count: number,
      name: (ordinal: number) => string,
      figures: () => [number | null, number | null],
    ) => {
      if (missing.has(category)) return;
      spreadCells(inhabited, weights, count, cellCentre, random).forEach((cell, k) => {
        place(category, name(k + 1), communityIndex, cell, ...figures());
      });
    };
    if ((isTown && residents >= 6000) || community.type === 'township') {
      spread(
        'nursery',
        1,
        () => `${short}托育园`,
        () => {
          const places = random.int(4, 8) * 10;
          return [places * 8, places];
        },
      );
    }
    spread(
      'supermarket',
      isTown ? Math.max(1, Math.round(residents / 5000)) : 1,
      (k) => numberedName(short, '综合超市', k),
      () => [random.int(8, 30) * 100, null],
    );
    if ((isTown && residents >= 6000) || community.type === 'township') {
      spread(
        'fresh_market',
        1,
        () => `${short}农贸市场`,
        () => [random.int(15, 30) * 100, null],
      );
    }
    spread(
      'fitness_ground',
      isTown ? Math.max(1, Math.round(residents / 6000)) : 1,
      (k) => numberedName(short, '全民健身广场', k),
      () => [null, null],
    );
    spread(
      'refuse_station',
      isTown ? Math.max(1, Math.round(residents / 7000)) : 1,
      (k) => numberedName(short, '垃圾收集站', k),
      () => [random.int(8, 15) * 10, null],
    );
    const toilets = isTown ? Math.max(1, Math.round(residents / 6000)) : 1;
    spread(
      'public_toilet',
      toilets,
      (k) => numberedName(short, '公厕', k),
      () => [community.gaps?.smallPublicToiletSquareMeters ?? random.int(4, 8) * 10, null],
    );
    if ((isTown && residents >= 6500) || community.type === 'township') {
      spread(
        'parking',
        1,
        () => `${short}公共停车场`,
        () => [null, random.int(6, 30) * 10],
      );
    }
    if (community.streetSeat) {
      // The street's (or township's) own centres stand in its seat community and carry its name.
      const street = town.streets.find((candidate) => candidate.id === community.streetId)!;
      const isTownship = street.kind === 'township';
      spread(
        'health_centre',
        1,
        () => (isTownship ? `${street.name}卫生院` : `${street.name}社区卫生服务中心`),
        () => [random.int(20, 40) * 100, null],
      );
      spread(
        'culture_centre',
        1,
        () => (isTownship ? `${street.name}综合文化站` : `${street.name}文化活动中心`),
        () => [random.int(10, 25) * 100, null],
      );
    }
    for (const named of community.namedFacilities ?? []) {
      spread(
        named.category,
        1,
        () => named.name,
        () => [named.floorAreaSquareMeters, null],
      );
    }
  });

  // Stable order and ids: by category (the standards' order), then placement order.
  const byCategory = new Map<FacilityCategoryId, Omit<FacilityRecord, 'id'>[]>(
    FACILITY_CATEGORY_IDS.map((category) => [category, []]),
  );
  for (const facility of placed) byCategory.get(facility.category)!.push(facility);
  const facilities: FacilityRecord[] = [];
  for (const [category, list] of byCategory) {
    list.forEach((facility, k) =>
      facilities.push({
        id: `f-${category.replace(/_/g, '-')}-${String(k + 1).padStart(3, '0')}`,
        ...facility,
      }),
    );
  }
  return facilities;
}

/** Floor area and capacity of a facility standing on a site of the given area. */
function siteFigures(
  category: FacilityCategoryId,
  siteAreaSquareMeters: number,
  random: Random,
): [number | null, number | null] {
  switch (category) {
    case 'primary_school': {
      const pupils = random.int(24, 48) * 45;
      return [pupils * 8, pupils];
    }
    case 'middle_school': {
      const pupils = random.int(24, 54) * 50;
      return [pupils * 10, pupils];
    }
    case 'sports_ground':
      return [null, random.int(5, 12) * 1000];
    case 'park':
      // Emergency-shelter capacity: about 1.5 m² of open ground per person on half the park.
      return [null, Math.round((siteAreaSquareMeters * 0.5) / 1.5 / 100) * 100];
    default:
      return [null, null];
  }
}

/** The cell nearest the middle of a (rectangular) site: for 2 × 2 blocks, the north-east one of the centre four. */
function middleCell(cells: number[], plan: LandUsePlan): number {
  const columns = cells.map((cell) => plan.cells[cell].column);
  const rows = cells.map((cell) => plan.cells[cell].row);
  const midColumn = (Math.min(...columns) + Math.max(...columns)) / 2;
  const midRow = (Math.min(...rows) + Math.max(...rows)) / 2;
  let best = cells[0];
  let bestDistance = Infinity;
  for (const cell of cells) {
    const distance = Math.hypot(plan.cells[cell].column - midColumn, plan.cells[cell].row - midRow);
    if (distance < bestDistance) {
      best = cell;
      bestDistance = distance;
    }
  }
  return best;
}

function weightedCentroid(
  cells: number[],
  weights: number[],
  cellCentre: (cell: number) => [number, number],
): [number, number] {
  let x = 0;
  let y = 0;
  let total = 0;
  cells.forEach((cell, k) => {
    const [cx, cy] = cellCentre(cell);
    const weight = Math.max(weights[k], 1e-9);
    x += cx * weight;
    y += cy * weight;
    total += weight;
  });
  return [x / total, y / total];
}

function nearestCell(
  cells: number[],
  [x, y]: [number, number],
  cellCentre: (cell: number) => [number, number],
  exclude?: Set<number>,
): number {
  let best = -1;
  let bestDistance = Infinity;
  for (const cell of cells) {
    if (exclude?.has(cell)) continue;
    const [cx, cy] = cellCentre(cell);
    const distance = Math.hypot(cx - x, cy - y);
    if (distance < bestDistance) {
      best = cell;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * `count` distinct cells spread over the residents: a few rounds of weighted k-means (seeded by
 * farthest-point picks), each cluster then served by the cell nearest its centre.
 */
function spreadCells(
  cells: number[],
  weights: number[],
  count: number,
  cellCentre: (cell: number) => [number, number],
  random: Random,
): number[] {
  if (count <= 0) return [];
  if (cells.length === 0) throw new Error('spreadCells: no cells to choose from');
  const points = cells.map(cellCentre);
  const centres: [number, number][] = [points[Math.floor(random.next() * points.length)]];
  while (centres.length < Math.min(count, points.length)) {
    let best = 0;
    let bestDistance = -1;
    points.forEach((point, k) => {
      const distance = Math.min(
        ...centres.map((centre) => Math.hypot(point[0] - centre[0], point[1] - centre[1])),
      );
      if (distance > bestDistance) {
        best = k;
        bestDistance = distance;
      }
    });
    centres.push(points[best]);
  }
  for (let round = 0; round < 8; round++) {
    const sums = centres.map(() => [0, 0, 0]);
    points.forEach((point, k) => {
      let nearest = 0;
      centres.forEach((centre, c) => {
        if (
          Math.hypot(point[0] - centre[0], point[1] - centre[1]) <
          Math.hypot(point[0] - centres[nearest][0], point[1] - centres[nearest][1])
        )
          nearest = c;
      });
      const weight = Math.max(weights[k], 1);
      sums[nearest][0] += point[0] * weight;
      sums[nearest][1] += point[1] * weight;
      sums[nearest][2] += weight;
    });
    sums.forEach(([x, y, w], c) => {
      if (w > 0) centres[c] = [x / w, y / w];
    });
  }
  const chosen = new Set<number>();
  const result: number[] = [];
  for (const centre of centres) {
    const cell = nearestCell(cells, centre, cellCentre, chosen);
    chosen.add(cell);
    result.push(cell);
  }
  // More facilities than cells: reuse cells (they get offset points).
  while (result.length < count) result.push(result[result.length % cells.length]);
  return result;
}

/** Facility count of each category, for summaries. */
export function countByCategory(
  facilities: { category: FacilityCategoryId }[],
): Record<FacilityCategoryId, number> {
  const counts = Object.fromEntries(FACILITY_CATEGORY_IDS.map((category) => [category, 0])) as Record<
    FacilityCategoryId,
    number
  >;
  for (const facility of facilities) counts[facility.category]++;
  return counts;
}
