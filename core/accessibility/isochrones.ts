/**
 * Network walking isochrones: who and what lies within 5/10/15 (or any) minutes' walk of a set of
 * origins along the walking network.
 *
 * Method: one multi-source Dijkstra from the snapped origins; a travel-time raster over the
 * reached area in the model's metric plane, each cell timed exactly like a unit (its nearest
 * network point's time plus the straight walk to it, only within MAX_ACCESS_WALK_METERS, and in
 * water only on a bridge), so the polygons follow the streets and stop at rivers without a
 * crossing; marching squares at each minutes value (core/geometry/iso-rings.ts). Residents,
 * households and elderly come from each unit's own travel time, never from polygon overlap.
 */

import {
  assembleFlatPolygons,
  flatRingDoubleArea,
  reverseFlatRing,
  traceIsoRings,
  type FlatPolygon,
  type FlatRing,
  type SampleBox,
} from '../geometry/iso-rings.js';
import type { Position } from '../geometry/position.js';
import type { SnappedPoint } from '../routing/snap.js';
import { validateWalkSpeed } from '../routing/walking-profiles.js';
import { snapOrigins, snappedPosition } from './accessibility-model.js';
import type {
  AccessBand,
  AccessibilityModel,
  IsochroneRequest,
  MultiPolygonCoordinates,
} from './accessibility-types.js';
import { NO_EDGE, type CellSnapGrid } from './cell-snap-grid.js';
import { TravelField } from './travel-field.js';

/** Default raster cell of network isochrones, metres: a quarter of a 75–80 m street block. */
export const ISOCHRONE_CELL_METERS = 20;

/**
 * Most cells of one isochrone raster: a window larger than this at the requested cell size (many
 * origins spread over a large region) is rastered at 2×, 4×… the cell size instead, which keeps a
 * region-wide request well under a second; one facility's window is ~10 000 cells.
 */
export const MAX_ISOCHRONE_RASTER_CELLS = 600_000;

/** Most minutes values one request may ask for. */
export const MAX_ISOCHRONE_MINUTES_VALUES = 12;

/** Longest isochrone, minutes. */
export const MAX_ISOCHRONE_MINUTES = 60;

/**
 * Throws a RangeError (programmer error: the server validates first) unless `minutes` is a
 * non-empty ascending list of distinct numbers in (0, 60], at most 12 long, and the speed is valid.
 */
export function checkIsochroneRequest(request: IsochroneRequest): void {
  if (request.origins.length === 0) throw new RangeError('an isochrone needs at least one origin');
  checkBandRequest(request);
}

/** Checks minutes, speed, mode and cell size (shared with service radii). */
export function checkBandRequest(request: Omit<IsochroneRequest, 'origins'>): void {
  const { minutes } = request;
  if (!Array.isArray(minutes) || minutes.length === 0 || minutes.length > MAX_ISOCHRONE_MINUTES_VALUES) {
    throw new RangeError(`minutes must list 1 to ${MAX_ISOCHRONE_MINUTES_VALUES} values`);
  }
  minutes.forEach((value, index) => {
    if (!(typeof value === 'number' && value > 0 && value <= MAX_ISOCHRONE_MINUTES)) {
      throw new RangeError(`minutes[${index}] = ${value} is not in (0, ${MAX_ISOCHRONE_MINUTES}]`);
    }
    if (index > 0 && !(value > minutes[index - 1])) {
      throw new RangeError(
        `minutes[${index}] = ${value} does not follow ${minutes[index - 1]} in ascending order`,
      );
    }
  });
  const speed = validateWalkSpeed(request.speedMetersPerSecond);
  if (!speed.ok) throw new RangeError(`speed ${request.speedMetersPerSecond} m/s: ${speed.reason}`);
  if (request.mode !== 'rings' && request.mode !== 'disks')
    throw new RangeError(`unknown mode ${request.mode}`);
  if (request.cellMeters !== undefined && !(request.cellMeters >= 5 && request.cellMeters <= 500)) {
    throw new RangeError(`cellMeters ${request.cellMeters} is not in [5, 500]`);
  }
}

/**
 * One band per minutes value, ascending: `disks` bands hold everything within their minutes,
 * `rings` bands only what lies beyond the previous value. Geometry: RFC 7946 MultiPolygon
 * coordinates (outer rings counter-clockwise, holes clockwise), valid and nested; area in m².
 */
export function computeIsochrones(model: AccessibilityModel, request: IsochroneRequest): AccessBand[] {
  checkIsochroneRequest(request);
  const origins = snapOrigins(model, request.origins);
  return isochronesFromSnaps(model, origins, request);
}

/** The snapped origins of a request as `[lon, lat]` on the network (the API's `origins` member). */
export function snappedOriginPositions(model: AccessibilityModel, origins: readonly Position[]): Position[] {
  return snapOrigins(model, origins).map((snap) => snappedPosition(model, snap));
}

/** computeIsochrones for origins already snapped (e.g. `model.facilitySnaps`). */
export function isochronesFromSnaps(
  model: AccessibilityModel,
  origins: readonly SnappedPoint[],
  request: Omit<IsochroneRequest, 'origins'>,
): AccessBand[] {
  checkBandRequest(request);
  if (origins.length === 0) throw new RangeError('an isochrone needs at least one origin');
  const { minutes, speedMetersPerSecond: speed, mode } = request;
  const thresholds = minutes.map((value) => value * 60);
  const maxSeconds = thresholds[thresholds.length - 1];
  const field = new TravelField(model, origins, speed, maxSeconds);

  const bands: AccessBand[] = minutes.map((value, index) => ({
    minutes: value,
    fromMinutes: mode === 'rings' && index > 0 ? minutes[index - 1] : 0,
    geometry: [],
    areaSquareMeters: 0,
    residents: 0,
    households: 0,
    elderly: 0,
  }));
  countUnits(model, field, thresholds, mode, bands);

  const raster = travelTimeRaster(model, field, request.cellMeters ?? ISOCHRONE_CELL_METERS, maxSeconds);
  if (raster) {
    const ringsByThreshold = thresholds.map((threshold) =>
      traceIsoRings(raster, threshold, raster.reachedBox),
    );
    bands.forEach((band, index) => {
      const rings: FlatRing[] = [...ringsByThreshold[index]];
      if (mode === 'rings' && index > 0)
        for (const ring of ringsByThreshold[index - 1]) rings.push(reverseFlatRing(ring));
      const polygons = assembleFlatPolygons(rings);
      band.geometry = toLonLat(model, raster, polygons);
      band.areaSquareMeters = polygonsArea(polygons) * raster.cellMeters * raster.cellMeters;
    });
  }
  return bands;
}

/** Adds each unit's residents, households and elderly to the band its own travel time falls in. */
function countUnits(
  model: AccessibilityModel,
  field: TravelField,
  thresholds: readonly number[],
  mode: IsochroneRequest['mode'],
  bands: AccessBand[],
): void {
  const { edge, offsetMeters, accessMeters, residents, households, elderly, byEdgeOffsets, byEdge } =
    model.unitArrays;
  const last = thresholds[thresholds.length - 1];
  const sums = new Float64Array(3 * thresholds.length);
  // Only units on edges the search reached can be within the last threshold.
  for (const reachedEdge of field.reachedEdges()) {
    for (let k = byEdgeOffsets[reachedEdge], end = byEdgeOffsets[reachedEdge + 1]; k < end; k += 1) {
      const unit = byEdge[k];
      const seconds = field.secondsAt(edge[unit], offsetMeters[unit], accessMeters[unit]);
      if (!(seconds <= last)) continue;
      let band = 0;
      while (seconds > thresholds[band]) band += 1;
      sums[3 * band] += residents[unit];
      sums[3 * band + 1] += households[unit];
      sums[3 * band + 2] += elderly[unit];
    }
  }
  let residentsSoFar = 0;
  let householdsSoFar = 0;
  let elderlySoFar = 0;
  bands.forEach((band, index) => {
    residentsSoFar = (mode === 'disks' ? residentsSoFar : 0) + sums[3 * index];
    householdsSoFar = (mode === 'disks' ? householdsSoFar : 0) + sums[3 * index + 1];
    elderlySoFar = (mode === 'disks' ? elderlySoFar : 0) + sums[3 * index + 2];
    band.residents = residentsSoFar;
    band.households = householdsSoFar;
    band.elderly = elderlySoFar;
  });
}

/** Reused between queries: a 15-minute window is ~10 000 cells, a whole-region one over a million. */
let rasterScratch = new Float64Array(0);

/**
 * A window of the model's grid with each cell's walking seconds (cells beyond reach hold
 * `outsideSeconds`). Its values are scratch, overwritten by the next raster.
 */
export interface TravelTimeRaster {
  readonly columns: number;
  readonly rows: number;
  readonly values: Float64Array;
  readonly cellMeters: number;
  /** Metric position of the window's south-west sample (a cell centre). */
  readonly firstCentreX: number;
  readonly firstCentreY: number;
  /** Box of the samples within maxSeconds: contouring any threshold up to it can skip the rest. */
  readonly reachedBox: SampleBox;
}

/**
 * Seconds of every cell of the model's `cellMeters` grid (coarser for huge windows, see
 * MAX_ISOCHRONE_RASTER_CELLS) around what the field reached within `maxSeconds`, with a border of
 * unreached cells; null when nothing was reached.
 */
export function travelTimeRaster(
  model: AccessibilityModel,
  field: TravelField,
  cellMeters: number,
  maxSeconds: number,
): TravelTimeRaster | null {
  const bounds = reachedBounds(model, field);
  if (!bounds) return null;
  const reach = model.maxAccessWalkMeters;
  const windowCells = (size: number) =>
    ((bounds[2] - bounds[0] + 2 * reach) / size + 5) * ((bounds[3] - bounds[1] + 2 * reach) / size + 5);
  while (windowCells(cellMeters) > MAX_ISOCHRONE_RASTER_CELLS) cellMeters *= 2;
  const grid: CellSnapGrid = model.cellSnapCache.grid(model, cellMeters);
  const { frame } = grid;
  // Two cells beyond the reach: the window's border cells can only snap to edges nothing reached.
  const column0 = Math.max(0, Math.floor((bounds[0] - reach - frame.westMeters) / cellMeters) - 2);
  const row0 = Math.max(0, Math.floor((bounds[1] - reach - frame.southMeters) / cellMeters) - 2);
  const column1 = Math.min(frame.columns, Math.ceil((bounds[2] + reach - frame.westMeters) / cellMeters) + 2);
  const row1 = Math.min(frame.rows, Math.ceil((bounds[3] + reach - frame.southMeters) / cellMeters) + 2);
  grid.ensure(column0, row0, column1, row1);

  const columns = column1 - column0;
  const rows = row1 - row0;
  if (rasterScratch.length < columns * rows)
    rasterScratch = new Float64Array(Math.max(columns * rows, 2 * rasterScratch.length));
  const values = rasterScratch.subarray(0, columns * rows);
  // Unreached cells sit one cell's walk beyond the last threshold, which puts the outline between
  // a reached cell and an unreached one rather than hugging the reached cell.
  const outsideSeconds = maxSeconds + cellMeters / field.speedMetersPerSecond;
  const { edge, offsetMeters, accessMeters } = grid;
  let boxColumn0 = columns;
  let boxColumn1 = -1;
  let boxRow0 = rows;
  let boxRow1 = -1;
  for (let row = 0; row < rows; row += 1) {
    let index = (row0 + row) * frame.columns + column0;
    let out = row * columns;
    for (let column = 0; column < columns; column += 1, index += 1, out += 1) {
      const cellEdge = edge[index];
      if (cellEdge === NO_EDGE || !field.edgeReached(cellEdge)) {
        values[out] = outsideSeconds;
        continue;
      }
      const seconds = field.secondsAt(cellEdge, offsetMeters[index], accessMeters[index]);
      if (seconds <= maxSeconds) {
        values[out] = seconds;
        if (column < boxColumn0) boxColumn0 = column;
        if (column > boxColumn1) boxColumn1 = column;
        if (row < boxRow0) boxRow0 = row;
        boxRow1 = row;
      } else {
        values[out] = outsideSeconds;
      }
    }
  }
  return {
    columns,
    rows,
    values,
    cellMeters,
    firstCentreX: frame.westMeters + (column0 + 0.5) * cellMeters,
    firstCentreY: frame.southMeters + (row0 + 0.5) * cellMeters,
    reachedBox: { column0: boxColumn0, row0: boxRow0, column1: boxColumn1, row1: boxRow1 },
  };
}

/** Metric bounds of every reached edge (TravelField.reachedEdges): the only edges a timed cell can snap to. */
function reachedBounds(
  model: AccessibilityModel,
  field: TravelField,
): [number, number, number, number] | null {
  const { vertexX, vertexY } = model.plane;
  const { vertexOffsets } = model.snapIndex;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const edge of field.reachedEdges()) {
    for (let v = vertexOffsets[edge], end = vertexOffsets[edge + 1]; v < end; v += 1) {
      const x = vertexX[v];
      const y = vertexY[v];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

/** Area of polygons in sample units: outer rings minus holes. */
function polygonsArea(polygons: readonly FlatPolygon[]): number {
  let doubleArea = 0;
  for (const polygon of polygons) for (const ring of polygon) doubleArea += flatRingDoubleArea(ring);
  return doubleArea / 2;
}

/** Sample coordinates → `[lon, lat]` rings, closed (the local plane maps linearly to degrees). */
function toLonLat(
  model: AccessibilityModel,
  raster: TravelTimeRaster,
  polygons: readonly FlatPolygon[],
): MultiPolygonCoordinates {
  const { projection } = model;
  const [lon0, lat0] = projection.originLonLat;
  return flatPolygonsToLonLat(polygons, {
    lonOrigin: lon0 + raster.firstCentreX / projection.metersPerDegreeLon,
    latOrigin: lat0 + raster.firstCentreY / projection.metersPerDegreeLat,
    lonPerUnit: raster.cellMeters / projection.metersPerDegreeLon,
    latPerUnit: raster.cellMeters / projection.metersPerDegreeLat,
  });
}

/** Decimal places of output coordinates: 1e-7° is ~1 cm, finer than any raster, coarser than float noise. */
const COORDINATE_DECIMALS = 7;
const COORDINATE_SCALE = 10 ** COORDINATE_DECIMALS;

/**
 * Flat polygons in a linear frame → closed `[lon, lat]` rings rounded to COORDINATE_DECIMALS.
 * A vertex that rounds onto its predecessor is dropped, so rings never repeat a position; a ring
 * left with fewer than 4 positions (a sliver far below a cell) is dropped, with its polygon if it
 * was the outer ring. Callers need not (and should not) round again.
 */
export function flatPolygonsToLonLat(
  polygons: readonly FlatPolygon[],
  frame: { lonOrigin: number; latOrigin: number; lonPerUnit: number; latPerUnit: number },
): MultiPolygonCoordinates {
  const { lonOrigin, latOrigin, lonPerUnit, latPerUnit } = frame;
  const result: MultiPolygonCoordinates = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const ring of polygon) {
      const positions: Position[] = [];
      for (let k = 0; k < ring.length; k += 2) {
        const lon = Math.round((lonOrigin + ring[k] * lonPerUnit) * COORDINATE_SCALE) / COORDINATE_SCALE;
        const lat = Math.round((latOrigin + ring[k + 1] * latPerUnit) * COORDINATE_SCALE) / COORDINATE_SCALE;
        const previous = positions[positions.length - 1];
        if (previous && previous[0] === lon && previous[1] === lat) continue;
        positions.push([lon, lat]);
      }
      while (
        positions.length > 1 &&
        positions[0][0] === positions[positions.length - 1][0] &&
        positions[0][1] === positions[positions.length - 1][1]
      ) {
        positions.pop();
      }
      if (positions.length < 3) {
        if (rings.length === 0) break;
        continue;
      }
      positions.push([positions[0][0], positions[0][1]]);
      rings.push(positions);
    }
    if (rings.length > 0) result.push(rings);
  }
  return result;
}
