/**
 * Straight-line service radii: what GB 50180's 300/500/1000 m circles around the origins claim to
 * serve, for comparison with the network isochrones (a leader sees why the radius overstates
 * coverage). Geometry: the union of the circles, as the iso-line of a distance raster (so any
 * number of overlapping circles gives one valid MultiPolygon); residents by each unit's straight
 * distance to the nearest origin, never by polygon overlap.
 */

import {
  assembleFlatPolygons,
  flatRingDoubleArea,
  reverseFlatRing,
  traceIsoRings,
} from '../geometry/iso-rings.js';
import type { Position } from '../geometry/position.js';
import { TIER_RADIUS_METERS, type LifeCircleTierMinutes } from '../standards/facility-categories.js';
import type { AccessibilityModel, IsochroneRequest, ServiceRadiusBand } from './accessibility-types.js';
import { checkBandRequest, flatPolygonsToLonLat } from './isochrones.js';

/** Samples across the largest radius: the outline's vertices sit within ~0.1 % of the true circle. */
const SAMPLES_PER_RADIUS = 40;
/** Most raster samples one query may use; spread-out origins get coarser cells instead. */
const MAX_SAMPLES = 2_000_000;

/**
 * Radius of a band, metres: GB 50180's tier distance for 5, 10 and 15 minutes (300/500/1000 m),
 * else the distance walked at the speed (minutes × 60 × speed).
 */
export function serviceRadiusMeters(minutes: number, speedMetersPerSecond: number): number {
  const tierRadius = TIER_RADIUS_METERS[minutes as LifeCircleTierMinutes];
  return tierRadius ?? minutes * 60 * speedMetersPerSecond;
}

/**
 * One band per minutes value: `disks` everything within its radius of the nearest origin, `rings`
 * only beyond the previous radius (empty when a radius does not exceed the previous one, which
 * mixing tier distances and walked distances can cause, e.g. 9 min at 1 m/s = 540 m vs 10 min = 500 m).
 */
export function computeServiceRadii(
  model: AccessibilityModel,
  request: IsochroneRequest,
): ServiceRadiusBand[] {
  checkBandRequest(request);
  if (request.origins.length === 0) throw new RangeError('a service radius needs at least one origin');
  const { minutes, speedMetersPerSecond, mode } = request;
  const radii = minutes.map((value) => serviceRadiusMeters(value, speedMetersPerSecond));
  const maxRadius = Math.max(...radii);
  const origins = request.origins.map((origin, index) => {
    if (!(Math.abs(origin?.[0]) <= 180 && Math.abs(origin?.[1]) <= 90)) {
      throw new RangeError(
        `origin #${index} [${origin?.[0]}, ${origin?.[1]}] is not a [longitude, latitude] position`,
      );
    }
    return model.projection.toMeters([origin[0], origin[1]]);
  });

  const bands: ServiceRadiusBand[] = minutes.map((value, index) => ({
    minutes: value,
    fromMinutes: mode === 'rings' && index > 0 ? minutes[index - 1] : 0,
    radiusMeters: radii[index],
    geometry: [],
    areaSquareMeters: 0,
    residents: 0,
    households: 0,
    elderly: 0,
  }));

  // Residents: each unit's straight distance to the nearest origin, over the units near any origin.
  const { residents, households, elderly } = model.unitArrays;
  const sums = new Float64Array(3 * radii.length);
  forUnitsNearOrigins(model, origins, maxRadius, (unit, distance) => {
    for (let index = 0; index < radii.length; index += 1) {
      const inner = mode === 'rings' && index > 0 ? radii[index - 1] : -Infinity;
      if (distance <= radii[index] && distance > inner) {
        sums[3 * index] += residents[unit];
        sums[3 * index + 1] += households[unit];
        sums[3 * index + 2] += elderly[unit];
      }
    }
  });
  bands.forEach((band, index) => {
    band.residents = sums[3 * index];
    band.households = sums[3 * index + 1];
    band.elderly = sums[3 * index + 2];
  });

  // Geometry: a distance raster around the origins, contoured at each radius.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of origins) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  let cellMeters = maxRadius / SAMPLES_PER_RADIUS;
  const span = (extra: number) =>
    ((maxX - minX + 2 * maxRadius) / extra + 5) * ((maxY - minY + 2 * maxRadius) / extra + 5);
  if (span(cellMeters) > MAX_SAMPLES)
    cellMeters =
      Math.sqrt(((maxX - minX + 2 * maxRadius) * (maxY - minY + 2 * maxRadius)) / MAX_SAMPLES) * 1.05;
  const x0 = minX - maxRadius - 2 * cellMeters;
  const y0 = minY - maxRadius - 2 * cellMeters;
  const columns = Math.ceil((maxX + maxRadius + 2 * cellMeters - x0) / cellMeters) + 1;
  const rows = Math.ceil((maxY + maxRadius + 2 * cellMeters - y0) / cellMeters) + 1;
  const outside = maxRadius + cellMeters;
  const values = new Float64Array(columns * rows).fill(outside);
  const reachCells = Math.ceil(outside / cellMeters);
  for (const [ox, oy] of origins) {
    const centreColumn = Math.round((ox - x0) / cellMeters);
    const centreRow = Math.round((oy - y0) / cellMeters);
    const column0 = Math.max(1, centreColumn - reachCells);
    const column1 = Math.min(columns - 2, centreColumn + reachCells);
    const row0 = Math.max(1, centreRow - reachCells);
    const row1 = Math.min(rows - 2, centreRow + reachCells);
    for (let row = row0; row <= row1; row += 1) {
      const dy = y0 + row * cellMeters - oy;
      for (let column = column0; column <= column1; column += 1) {
        const dx = x0 + column * cellMeters - ox;
        const distance = Math.sqrt(dx * dx + dy * dy);
        const index = row * columns + column;
        if (distance < values[index]) values[index] = distance;
      }
    }
  }
  const grid = { columns, rows, values };
  const ringsByRadius = radii.map((radius) => traceIsoRings(grid, radius));
  const [lon0, lat0] = model.projection.originLonLat;
  const frame = {
    lonOrigin: lon0 + x0 / model.projection.metersPerDegreeLon,
    latOrigin: lat0 + y0 / model.projection.metersPerDegreeLat,
    lonPerUnit: cellMeters / model.projection.metersPerDegreeLon,
    latPerUnit: cellMeters / model.projection.metersPerDegreeLat,
  };
  bands.forEach((band, index) => {
    const rings = [...ringsByRadius[index]];
    if (mode === 'rings' && index > 0) {
      // A radius no larger than the previous one leaves an empty ring.
      if (radii[index] <= radii[index - 1]) return;
      for (const ring of ringsByRadius[index - 1]) rings.push(reverseFlatRing(ring));
    }
    const polygons = assembleFlatPolygons(rings);
    let doubleArea = 0;
    for (const polygon of polygons) for (const ring of polygon) doubleArea += flatRingDoubleArea(ring);
    band.areaSquareMeters = (doubleArea / 2) * cellMeters * cellMeters;
    band.geometry = flatPolygonsToLonLat(polygons, frame);
  });
  return bands;
}

const nearestScratchByModel = new WeakMap<
  AccessibilityModel,
  { nearest: Float64Array; touched: Uint32Array }
>();

/**
 * Calls `visit(unit, metres)` once for every unit whose access point lies within `maxMeters` of an
 * origin, with its straight distance to the nearest origin; visits only the unit buckets near the origins.
 */
function forUnitsNearOrigins(
  model: AccessibilityModel,
  origins: readonly Position[],
  maxMeters: number,
  visit: (unit: number, distanceMeters: number) => void,
): void {
  const { x, y, buckets } = model.unitArrays;
  let scratch = nearestScratchByModel.get(model);
  if (!scratch) {
    scratch = { nearest: new Float64Array(x.length).fill(Infinity), touched: new Uint32Array(x.length) };
    nearestScratchByModel.set(model, scratch);
  }
  const { nearest, touched } = scratch;
  let touchedCount = 0;
  const { bucketMeters, columns, rows, westMeters, southMeters, offsets, points } = buckets;
  for (const [ox, oy] of origins) {
    const i0 = Math.max(0, Math.floor((ox - maxMeters - westMeters) / bucketMeters));
    const i1 = Math.min(columns - 1, Math.floor((ox + maxMeters - westMeters) / bucketMeters));
    const j0 = Math.max(0, Math.floor((oy - maxMeters - southMeters) / bucketMeters));
    const j1 = Math.min(rows - 1, Math.floor((oy + maxMeters - southMeters) / bucketMeters));
    for (let j = j0; j <= j1; j += 1) {
      for (let i = i0; i <= i1; i += 1) {
        const bucket = j * columns + i;
        for (let k = offsets[bucket], end = offsets[bucket + 1]; k < end; k += 1) {
          const unit = points[k];
          const distance = Math.hypot(x[unit] - ox, y[unit] - oy);
          if (distance > maxMeters || distance >= nearest[unit]) continue;
          if (nearest[unit] === Infinity) touched[touchedCount++] = unit;
          nearest[unit] = distance;
        }
      }
    }
  }
  for (let k = 0; k < touchedCount; k += 1) {
    const unit = touched[k];
    visit(unit, nearest[unit]);
    nearest[unit] = Infinity;
  }
}
