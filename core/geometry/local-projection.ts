/**
 * A local metric plane around an origin: metres east/north of the origin <-> WGS 84 lon/lat.
 *
 * Equirectangular with the WGS 84 radii of curvature at the origin's latitude, so distances near the
 * origin match the ellipsoid (and a Gauss–Krüger projection such as EPSG:4546) to well under 0.1 %
 * within ~20 km. Enough for synthetic data and local planning geometry; not a survey projection.
 */

import type { Position } from './position';

/** WGS 84 semi-major axis in metres. */
const WGS84_SEMI_MAJOR_AXIS_METERS = 6378137;
/** WGS 84 first eccentricity squared. */
const WGS84_ECCENTRICITY_SQUARED = 0.00669437999014;

/** Converts between metres on a local plane and `[lon, lat]` degrees. */
export interface LocalProjection {
  /** The origin as `[lon, lat]` degrees; `[0, 0]` metres. */
  readonly originLonLat: Position;
  /** Metres per degree of longitude at the origin's latitude. */
  readonly metersPerDegreeLon: number;
  /** Metres per degree of latitude at the origin's latitude. */
  readonly metersPerDegreeLat: number;
  /** `[lon, lat]` of a point `xMeters` east and `yMeters` north of the origin. */
  toLonLat(xMeters: number, yMeters: number): Position;
  /** `[x, y]` metres east and north of the origin for a `[lon, lat]` position. */
  toMeters(lonLat: Position): Position;
}

/** Creates the local plane around `originLonLat` (`[lon, lat]` degrees). */
export function createLocalProjection(originLonLat: Position): LocalProjection {
  const latRadians = (originLonLat[1] * Math.PI) / 180;
  const sinLat = Math.sin(latRadians);
  const w = 1 - WGS84_ECCENTRICITY_SQUARED * sinLat * sinLat;
  const primeVerticalRadiusMeters = WGS84_SEMI_MAJOR_AXIS_METERS / Math.sqrt(w);
  const meridionalRadiusMeters =
    (WGS84_SEMI_MAJOR_AXIS_METERS * (1 - WGS84_ECCENTRICITY_SQUARED)) / (w * Math.sqrt(w));
  const metersPerDegreeLon = (primeVerticalRadiusMeters * Math.cos(latRadians) * Math.PI) / 180;
  const metersPerDegreeLat = (meridionalRadiusMeters * Math.PI) / 180;
  const [lon0, lat0] = originLonLat;
  return {
    originLonLat: [lon0, lat0],
    metersPerDegreeLon,
    metersPerDegreeLat,
    toLonLat: (xMeters, yMeters) => [
      lon0 + xMeters / metersPerDegreeLon,
      lat0 + yMeters / metersPerDegreeLat,
    ],
    toMeters: ([lon, lat]) => [(lon - lon0) * metersPerDegreeLon, (lat - lat0) * metersPerDegreeLat],
  };
}
