/**
 * The accessibility engine's shapes: what the server hands core (a region's network, units and
 * facilities) and what core hands back (isochrones, service radii, coverage, heat-map grids).
 * Pure data; the functions live beside this file (accessibility-model.ts, isochrones.ts,
 * service-radii.ts, coverage.ts, heatmap.ts).
 */

import type { LocalProjection } from '../geometry/local-projection.js';
import type { Position } from '../geometry/position.js';
import type { DijkstraWorkspace } from '../routing/dijkstra.js';
import type { RoutingGraph } from '../routing/graph.js';
import type { SnapIndex, SnappedPoint } from '../routing/snap.js';
import type { CellSnapCache } from './cell-snap-grid.js';

/** A region's walking network, one entry per edge in parallel arrays (rows of `network_edges`). */
export interface NetworkInput {
  source: ArrayLike<number>;
  target: ArrayLike<number>;
  lengthMeters: ArrayLike<number>;
  /** Edge class (`steps` costs STEPS_COST_FACTOR, see core/routing/walking-profiles.ts). */
  edgeClass: ArrayLike<string>;
  /** Each edge's LineString coordinates, `[lon, lat]`, starting at its source node. */
  lines: ArrayLike<ArrayLike<Position>>;
}

export interface UnitInput {
  id: string;
  communityId: string;
  residents: number;
  households: number;
  elderly: number;
  /** Where the unit's residents step onto the network, `[lon, lat]`. */
  accessPoint: Position;
}

export interface FacilityInput {
  id: string;
  category: string;
  position: Position;
  /** The community the facility belongs to, for per-community facility counts (else: the nearest unit's). */
  communityId?: string;
}

export interface CommunityInput {
  id: string;
  name: string;
}

export interface AccessibilityInput {
  network: NetworkInput;
  units: readonly UnitInput[];
  facilities: readonly FacilityInput[];
  communities: readonly CommunityInput[];
  /**
   * Optional: the region's water (rivers, ponds), each polygon as GeoJSON rings `[lon, lat]`
   * (flatten MultiPolygons). Raster cells inside water are reached only along an edge crossing them
   * (a bridge), so isochrones and heat maps do not paint the river from its banks.
   */
  waterPolygons?: readonly (readonly (readonly Position[])[])[];
}

/** The network's geometry in the model's local metric plane (metres east/north of its origin). */
export interface NetworkPlane {
  /** Polyline vertices, indexed as in the snap index (`snapIndex.vertexOffsets`). */
  readonly vertexX: Float64Array;
  readonly vertexY: Float64Array;
  /** Distance of each vertex from its edge's first vertex along the polyline, metres. */
  readonly vertexAlongMeters: Float64Array;
  /** Polyline length of each edge in the plane, metres (its `lengthMeters` may differ slightly). */
  readonly edgePolylineMeters: Float64Array;
  /** Nodes by node index. */
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  /** `[minX, minY, maxX, maxY]` of every vertex, metres. */
  readonly boundsMeters: [number, number, number, number];
}

/** Units in parallel typed arrays (index = position in `units`), for allocation-free loops. */
export interface UnitArrays {
  /** Snapped edge, offset along it (metres from its source) and straight access walk (metres). */
  readonly edge: Uint32Array;
  readonly offsetMeters: Float64Array;
  readonly accessMeters: Float64Array;
  /** Access point in the metric plane, metres. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly residents: Float64Array;
  readonly households: Float64Array;
  readonly elderly: Float64Array;
  /** Index of the unit's community in `communities`. */
  readonly community: Int32Array;
  /** Units by snapped edge (CSR): edge e's units are `byEdge[byEdgeOffsets[e] … byEdgeOffsets[e + 1] − 1]`. */
  readonly byEdgeOffsets: Uint32Array;
  readonly byEdge: Uint32Array;
  /** Units by square bucket of their access points in the metric plane (CSR), for straight-line queries. */
  readonly buckets: PointBuckets;
}

/** Points bucketed on a square grid: bucket (i, j) holds `points[offsets[b] … offsets[b + 1] − 1]`, b = j × columns + i. */
export interface PointBuckets {
  readonly bucketMeters: number;
  readonly columns: number;
  readonly rows: number;
  /** South-west corner of bucket (0, 0), metres. */
  readonly westMeters: number;
  readonly southMeters: number;
  readonly offsets: Uint32Array;
  readonly points: Uint32Array;
}

/**
 * Everything prepared once per region and reused by every query: the CSR graph, the snap index,
 * units and facilities already snapped onto the network, and a metric plane for grids.
 */
export interface AccessibilityModel {
  readonly graph: RoutingGraph;
  readonly snapIndex: SnapIndex;
  /** Local metric plane centred on the network's bounding box. */
  readonly projection: LocalProjection;
  /** `[west, south, east, north]` degrees of the network. */
  readonly bbox: [number, number, number, number];
  readonly units: readonly UnitInput[];
  readonly unitSnaps: readonly SnappedPoint[];
  readonly facilities: readonly FacilityInput[];
  readonly facilitySnaps: readonly SnappedPoint[];
  readonly facilityIndexById: ReadonlyMap<string, number>;
  readonly communities: readonly CommunityInput[];
  /** Reused scratch space: queries on one model run one at a time (the server is single-threaded). */
  readonly workspace: DijkstraWorkspace;
  /** The network in the metric plane. */
  readonly plane: NetworkPlane;
  readonly unitArrays: UnitArrays;
  /** Facility indexes of each category, in input order. */
  readonly facilityIndexesByCategory: ReadonlyMap<string, readonly number[]>;
  /** Farthest straight walk between a raster cell and the network, metres (MAX_ACCESS_WALK_METERS). */
  readonly maxAccessWalkMeters: number;
  /** `waterPolygons` in the metric plane. */
  readonly waterPolygonsMeters: readonly Position[][][];
  /** Each cell's nearest network point per cell size, filled lazily by tiles (see cell-snap-grid.ts). */
  readonly cellSnapCache: CellSnapCache;
}

/** GeoJSON geometry coordinates of a MultiPolygon, `[lon, lat]`, outer rings counter-clockwise. */
export type MultiPolygonCoordinates = Position[][][];

/** `disks`: each feature is everything within its minutes; `rings`: only the band since the previous one. */
export type IsochroneMode = 'disks' | 'rings';

export interface IsochroneRequest {
  /** Where the walk starts: any points (a clicked place, facilities' positions), snapped onto the network. */
  origins: readonly Position[];
  /** Ascending, distinct, each in (0, 60]. */
  minutes: readonly number[];
  speedMetersPerSecond: number;
  mode: IsochroneMode;
  /** Raster cell of network isochrones, metres (default ISOCHRONE_CELL_METERS = 20). */
  cellMeters?: number;
}

/** One band of an isochrone (or of a service radius), with who lives in it. */
export interface AccessBand {
  minutes: number;
  /** Lower edge of the band: the previous minutes in `rings` mode, 0 in `disks` mode. */
  fromMinutes: number;
  geometry: MultiPolygonCoordinates;
  areaSquareMeters: number;
  /** Sums over units whose own travel time (or straight-line distance) falls in the band. */
  residents: number;
  households: number;
  elderly: number;
}

export interface ServiceRadiusBand extends AccessBand {
  /** Straight-line radius of this band's outer edge, meters. */
  radiusMeters: number;
}

/** `network`: walking isochrones on the network; `radius`: straight-line service radii (GB 50180 tiers). */
export type AccessMethod = 'network' | 'radius';

/**
 * A band's properties as the isochrone API serves them (its geometry travels as the feature's). A type
 * alias, not an interface, so it stays assignable to the exporters' `Record<string, Value>` rows.
 */
export type AccessBandProperties = Omit<AccessBand, 'geometry'> & {
  method: AccessMethod;
  /** Straight-line radius of the band's outer edge (radius method only), meters. */
  radiusMeters?: number;
};

/** Category id → the tier, in minutes, its facilities must be reached within (null: no tier). */
export type TierTable = Readonly<Record<string, number | null>>;

export interface CategoryCoverage {
  category: string;
  tierMinutes: number;
  facilityCount: number;
  residents: number;
  coveredResidents: number;
  /** coveredResidents / residents, 0–1; null when there are no residents. */
  coveredShare: number | null;
}

export interface CoverageResult {
  speedMetersPerSecond: number;
  region: { residents: number; categories: CategoryCoverage[] };
  communities: { id: string; name: string; residents: number; categories: CategoryCoverage[] }[];
  /** Units with residents that reach no facility of the category within its tier, by category. */
  uncoveredUnitIds: Record<string, string[]>;
}

/**
 * A raster over the region in the model's metric plane: cell (column, row) is centred
 * `(west + (column + 0.5) × cellMeters, south + (row + 0.5) × cellMeters)` metres, row 0 southmost.
 */
export interface GridFrame {
  cellMeters: number;
  columns: number;
  rows: number;
  westMeters: number;
  southMeters: number;
  /** `[west, south, east, north]` degrees of the grid's outer edges (the local plane is equirectangular). */
  bbox: [number, number, number, number];
}

export interface TravelTimeHeatmap extends GridFrame {
  category: string;
  speedMetersPerSecond: number;
  /** Walking minutes to the nearest facility of the category per cell, row-major; NaN: off the network or beyond maxMinutes. */
  minutes: Float32Array;
  maxMinutes: number;
}

export interface CompletenessHeatmap extends GridFrame {
  speedMetersPerSecond: number;
  /** The categories counted (those with a tier that every community must reach). */
  categories: string[];
  /** How many of `categories` each cell reaches within its tier, row-major; −1 off the network. */
  reachedCategoryCount: Uint8Array | Int8Array;
}
