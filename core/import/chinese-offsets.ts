/**
 * GCJ-02 (国测局坐标, used by AMap/Tencent/Google China) and BD-09 (Baidu) to and from WGS 84.
 *
 * The forward GCJ-02 offset is the formula reconstructed in the open-source "eviltransform"
 * (googollee/eviltransform) and "coordtransform" (wandergis/coordtransform) projects, on the
 * Krasovsky 1940 ellipsoid; BD-09 adds Baidu's rotation-and-scale on top of GCJ-02, as given there
 * too. The inverses have no closed form: they are solved by fixed-point iteration on the forward
 * formula (converges to < 1e-9° in a few steps, i.e. sub-millimetre), rather than by the one-step
 * approximation (errors of 1–2 m) many libraries use.
 */
import type { Position } from '../geometry/position.js';

const KRASOVSKY_SEMI_MAJOR_AXIS_METERS = 6378245.0;
const KRASOVSKY_ECCENTRICITY_SQUARED = 0.006693421622965943;
const BAIDU_X_PI = (Math.PI * 3000.0) / 180.0;
const INVERSE_TOLERANCE_DEGREES = 1e-10;
const INVERSE_MAX_ITERATIONS = 30;

/** The rough box outside which GCJ-02 applies no offset (as in the reference implementations). */
function isOutsideChina([lon, lat]: Position): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  value += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  value += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  value += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return value;
}

function offsetLon(x: number, y: number): number {
  let value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  value += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  value += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  value += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return value;
}

/** WGS 84 `[lon, lat]` to GCJ-02 (degrees). */
export function wgs84ToGcj02(position: Position): Position {
  if (isOutsideChina(position)) return [position[0], position[1]];
  const [lon, lat] = position;
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_ECCENTRICITY_SQUARED * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(lon - 105.0, lat - 35.0) * 180.0) /
    (((KRASOVSKY_SEMI_MAJOR_AXIS_METERS * (1 - KRASOVSKY_ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) *
      Math.PI);
  const dLon =
    (offsetLon(lon - 105.0, lat - 35.0) * 180.0) /
    ((KRASOVSKY_SEMI_MAJOR_AXIS_METERS / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 `[lon, lat]` to BD-09 (degrees). */
export function gcj02ToBd09([lon, lat]: Position): Position {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BAIDU_X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BAIDU_X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** Solves forward(x) = target for x by fixed-point iteration starting at `start`. */
function invert(forward: (position: Position) => Position, target: Position, start: Position): Position {
  let estimate: Position = [start[0], start[1]];
  for (let iteration = 0; iteration < INVERSE_MAX_ITERATIONS; iteration += 1) {
    const image = forward(estimate);
    const dLon = target[0] - image[0];
    const dLat = target[1] - image[1];
    estimate = [estimate[0] + dLon, estimate[1] + dLat];
    if (Math.abs(dLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(dLat) < INVERSE_TOLERANCE_DEGREES) break;
  }
  return estimate;
}

/** GCJ-02 `[lon, lat]` to WGS 84 (iterative inverse of wgs84ToGcj02). */
export function gcj02ToWgs84(position: Position): Position {
  if (isOutsideChina(position)) return [position[0], position[1]];
  return invert(wgs84ToGcj02, position, position);
}

/** BD-09 `[lon, lat]` to GCJ-02 (iterative inverse of gcj02ToBd09, from Baidu's closed-form estimate). */
export function bd09ToGcj02(position: Position): Position {
  const x = position[0] - 0.0065;
  const y = position[1] - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_X_PI);
  return invert(gcj02ToBd09, position, [z * Math.cos(theta), z * Math.sin(theta)]);
}

/** BD-09 `[lon, lat]` to WGS 84. */
export function bd09ToWgs84(position: Position): Position {
  return gcj02ToWgs84(bd09ToGcj02(position));
}
