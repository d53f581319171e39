/**
 * What the generator builds a synthetic town from: a plan of plain data (layout.ts for the demo's
 * 峒江县城, jishou-layout.ts for 吉首) — the lattice it is drawn on, which community owns each street
 * block, where the river, bridges, schools, parks and hills are, and the figures each community is
 * calibrated to — and the lattice geometry every plan shares.
 *
 * Geometry: a lattice of 75 m cells, one population unit each, origin at the south-west corner.
 * Community boundaries are drawn on 2 × 2-cell street blocks (150 m), so they follow local streets.
 * The lattice is warped so the river meanders and the street grid bends with it.
 */

import type { LatticeSize } from '../../core/geometry/grid-outline';
import type { ApplicationTarget, SeatKind, StationProvenance } from '../../core/standards/community-figures';
import type { CommunityTypeId } from '../../core/standards/community-types';
import type { FacilityCategoryId } from '../../core/standards/facility-categories';
import type { StandardsProfileId } from '../../core/standards/profiles';
import { hashUnit } from './prng';

/** Side of one lattice cell (one population unit) before warping. */
export const CELL_METERS = 75;
/** Cells per street block along each axis: local streets run every second lattice line. */
export const BLOCK_CELLS = 2;
/** Lattice lines (every 8th) that carry arterial roads in town. */
export const ARTERIAL_LINE_SPACING = 8;
/** Lattice lines kept as tracks in the countryside (every 4th). */
export const RURAL_LINE_SPACING = 4;
/** Letter of the river on a plan's community map. */
export const RIVER_CODE = '~';

/** region.json of a generated region (data/geojson/README.md). */
export interface RegionMetaPlan {
  id: string;
  name: string;
  nameEn: string;
  synthetic: true;
  /** Standards profile the region is judged by (core/standards/profiles.ts). */
  profile: StandardsProfileId;
  /** EPSG code of the region's metric projection. */
  metricSrid: number;
  attribution: string | null;
  /** What in the region is real and what invented; omitted from region.json when absent. */
  source?: string;
}

/** One term of the river's meander: `amplitudeMeters · sin(2π x / wavelengthMeters + phase)`. */
export interface MeanderWave {
  amplitudeMeters: number;
  wavelengthMeters: number;
  phase: number;
}

/** A river crossing on a lattice column: a road bridge on an arterial line, or a footbridge. */
export interface BridgePlan {
  column: number;
  kind: 'road' | 'foot';
  name: string;
}

/** 街道 (urban street) or 镇/乡 (township). */
export type StreetKind = 'street' | 'township';

/** A street or township: the administrative parent of communities. */
export interface StreetPlan {
  id: string;
  name: string;
  nameEn: string;
  kind: StreetKind;
}

/** How a village's cells are split between land uses (shares of its cells). */
export interface VillageLandPlan {
  /** Land already taken for construction, roads or industry (non-agricultural, no residents). */
  developedShare: number;
  /** Hamlet (村民组) cells where the villagers live. */
  hamletShare: number;
  /** Share of the village's demolition/development completed (standards §2); null: not surveyed. */
  developmentProgress: number | null;
  /** False where the survey gives no agricultural-land share (the land is still drawn). */
  agriculturalLandShareKnown?: boolean;
  /** What the village's farmland is called on the map (耕地, 茶园 …). */
  farmlandName: string;
  /** What its developed land is called (征收用地, 工业园区用地 …). */
  developedName: string;
}

/**
 * Issue 10's community figures as the plan gives them (data/geojson/README.md); a plan that has
 * them writes all six for every community, null where not given.
 */
export interface CommunityFiguresPlan {
  applicationTarget?: ApplicationTarget;
  stationProvenance?: StationProvenance;
  activityFloorShare?: number;
  commercialFloorShare?: number;
  parkingSpaces?: number;
  seatKind?: SeatKind;
}

/** A facility the plan names itself (a county's own culture centre, say), placed in its community. */
export interface NamedFacilityPlan {
  category: FacilityCategoryId;
  name: string;
  floorAreaSquareMeters: number;
}

/** One community of a plan, with the figures its units and attributes are calibrated to. */
export interface CommunityPlan {
  /** Letter of the community on the plan's community map. */
  code: string;
  id: string;
  name: string;
  /** Name without 社区/村, used to name its facilities and blocks. */
  short: string;
  nameEn: string;
  type: CommunityTypeId;
  streetId: string;
  /** Residents the community's units add up to, exactly. */
  residents: number;
  /** Mean residents per household. */
  householdSize: number;
  elderlyShare: number;
  childrenShare: number;
  /** Share of its residential street blocks that are gated estates (小区) rather than open blocks. */
  estateShare: number;
  village?: VillageLandPlan;
  isTownshipSeat?: boolean;
  /** Seat of its street's office: hosts the street's health centre and culture centre. */
  streetSeat?: boolean;
  /** Facilities beyond those every community gets. */
  namedFacilities?: readonly NamedFacilityPlan[];
  /** Issue 10's figures, for a plan that writes them. */
  figures?: CommunityFiguresPlan;
  /** Deliberate gaps, so the standards check has something to find. */
  gaps?: {
    /** No kindergarten within 5 walking minutes of any resident (none inside, none close outside). */
    noKindergartenWithinFiveMinutes?: boolean;
    /** Service-station floor area far below the minimum; null: the survey did not measure it. */
    serviceFloorAreaSquareMeters?: number | null;
    /** No community service station at all (its service floor area is then 0 m²). */
    noServiceStation?: boolean;
    /** Fewer than 5 full-time workers, and a grid without a grid worker. */
    shortOfStaff?: { staff: number; socialWorkers: number; grids: number; gridWorkers: number };
    /** Staff figures the survey does not give (staff, social workers, grids, grid workers null). */
    staffUnknown?: boolean;
    /** A public toilet smaller than the 30 m² Leshan asks for. */
    smallPublicToiletSquareMeters?: number;
    /** Categories the community has none of, though communities of its kind usually have one. */
    missingCategories?: readonly FacilityCategoryId[];
  };
}

/** Non-residential land inside town communities, placed on whole street blocks. */
export type SiteKind =
  | 'park'
  | 'central-park'
  | 'riverside-park'
  | 'primary-school'
  | 'middle-school'
  | 'sports-ground'
  | 'industrial'
  | 'commercial'
  | 'farmland'
  | 'hill';

/** A rectangle of street blocks given over to one non-residential use. */
export interface SitePlan {
  kind: SiteKind;
  name: string;
  /** Community letter; cells of the rectangle outside it are left alone (for farmland, industry, hills). */
  code: string;
  /** Lower-left street block and size in blocks. */
  blockColumn: number;
  blockRow: number;
  widthBlocks: number;
  heightBlocks: number;
}

/** A site on a rectangle of street blocks (1 × 1 unless sized). */
export const site = (
  kind: SiteKind,
  name: string,
  code: string,
  blockColumn: number,
  blockRow: number,
  widthBlocks = 1,
  heightBlocks = 1,
): SitePlan => ({
  kind,
  name,
  code,
  blockColumn,
  blockRow,
  widthBlocks,
  heightBlocks,
});

/** Site kinds that must lie wholly inside their community (facilities stand on them). */
export const FACILITY_SITE_KINDS: ReadonlySet<SiteKind> = new Set([
  'park',
  'central-park',
  'riverside-park',
  'primary-school',
  'middle-school',
  'sports-ground',
]);

/** A whole town plan: everything the generator needs besides the seed. */
export interface TownPlan {
  region: RegionMetaPlan;
  /** South-west corner of the lattice, `[lon, lat]`. */
  originLonLat: [number, number];
  /** Street blocks along x and y. */
  blockColumns: number;
  blockRows: number;
  /** The two cell rows (one block row) the river fills; the lattice line between them is its middle. */
  riverCellRows: readonly [number, number];
  /** The river's meander, summed over the waves. */
  meander: readonly MeanderWave[];
  /** The only river crossings. */
  bridges: readonly BridgePlan[];
  streets: readonly StreetPlan[];
  communities: readonly CommunityPlan[];
  /**
   * Which community owns each street block: one letter per block, first line the northern edge,
   * {@link RIVER_CODE} the river.
   */
  communityMap: readonly string[];
  sites: readonly SitePlan[];
  /** Ids and names of the river and of the pond in the central park (water.geojson). */
  water: { river: { id: string; name: string }; pond: { id: string; name: string } };
  /**
   * Whether communities.geojson carries issue 10's figures. The demo predates them and stays as
   * shipped; a plan that writes them writes all six, null where the plan gives none.
   */
  writesCommunityFigures: boolean;
}

/** Cells (population units) along x and y. */
export function latticeSize(plan: TownPlan): LatticeSize {
  return { columns: plan.blockColumns * BLOCK_CELLS, rows: plan.blockRows * BLOCK_CELLS };
}

/** Width and height of the town before warping, in metres. */
export function townSizeMeters(plan: TownPlan): { widthMeters: number; heightMeters: number } {
  const { columns, rows } = latticeSize(plan);
  return { widthMeters: columns * CELL_METERS, heightMeters: rows * CELL_METERS };
}

/** Largest random displacement of a lattice corner, metres: enough to look hand-surveyed. */
const CORNER_JITTER_METERS = 7;
/** Seeds of the corner jitter (fixed: the lattice is the same for every run and every tile). */
const JITTER_SEED_X = 0x5eed01;
const JITTER_SEED_Y = 0x5eed02;

/** North–south offset of the river's centre line at `xMeters`: sine waves make it meander. */
export function riverMeanderMeters(plan: TownPlan, xMeters: number): number {
  let offsetMeters = 0;
  for (const wave of plan.meander) {
    offsetMeters +=
      wave.amplitudeMeters * Math.sin((2 * Math.PI * xMeters) / wave.wavelengthMeters + wave.phase);
  }
  return offsetMeters;
}

/**
 * Position in metres (east, north of the south-west corner) of lattice corner `(i, j)`.
 * Rows bend with the river, fading to straight at the northern and southern edges, and each corner
 * is jittered a little. The outer edges stay straight so tiles of a scaled region line up.
 */
export function latticeCornerMeters(plan: TownPlan, i: number, j: number): [number, number] {
  const { columns, rows } = latticeSize(plan);
  const onWestOrEast = i === 0 || i === columns;
  const onSouthOrNorth = j === 0 || j === rows;
  const jitterX = onWestOrEast ? 0 : (hashUnit(JITTER_SEED_X, i, j) * 2 - 1) * CORNER_JITTER_METERS;
  const jitterY = onSouthOrNorth ? 0 : (hashUnit(JITTER_SEED_Y, i, j) * 2 - 1) * CORNER_JITTER_METERS;
  const yStraight = j * CELL_METERS;
  // A gentle east–west sway of the columns, zero at the outer edges.
  const sway = 18 * Math.sin((2 * Math.PI * yStraight) / 3100) * Math.sin((Math.PI * i) / columns);
  const x = i * CELL_METERS + sway + jitterX;
  const falloff = Math.sin((Math.PI * j) / rows);
  const y = yStraight + riverMeanderMeters(plan, x) * falloff + jitterY;
  return [x, y];
}
