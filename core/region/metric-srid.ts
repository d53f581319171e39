/**
 * The metric projection a region is measured in (regions.metric_srid): the CGCS2000 3-degree
 * Gauss–Krüger zone whose central meridian is nearest (EPSG:4534 = 75°E … EPSG:4554 = 135°E, the
 * codes without a zone prefix in the easting, like the demo's EPSG:4546 at 111°E), or the UTM zone
 * outside China's longitudes.
 */

const CGCS2000_FIRST_SRID = 4534;
const CGCS2000_FIRST_MERIDIAN_DEGREES = 75;
const CGCS2000_LAST_MERIDIAN_DEGREES = 135;

/** EPSG code of the metric projection for a place at `lon`, `lat` (degrees). */
export function metricSridFor(lon: number, lat: number): number {
  const meridian = Math.round(lon / 3) * 3;
  if (meridian >= CGCS2000_FIRST_MERIDIAN_DEGREES && meridian <= CGCS2000_LAST_MERIDIAN_DEGREES && lat >= 0) {
    return CGCS2000_FIRST_SRID + (meridian - CGCS2000_FIRST_MERIDIAN_DEGREES) / 3;
  }
  const zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  return (lat >= 0 ? 32600 : 32700) + zone;
}
