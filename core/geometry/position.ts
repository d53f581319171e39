/**
 * The coordinate pair of the whole code base, declared once: core, server, client, scripts and
 * tests import it from here.
 */

/**
 * A coordinate pair: GeoJSON `[lon, lat]` degrees in EPSG:4326, or `[x, y]` metres where the code
 * handling it names the projection (a local plane, a Gauss–Krüger zone).
 */
export type Position = [number, number];
