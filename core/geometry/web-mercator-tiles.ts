/**
 * The XYZ tile grid of web maps (EPSG:3857, "slippy map" tiles: x east from 180° W, y south from
 * ~85.05° N, 2^z × 2^z tiles at zoom z). Pure: the server reads tile files with it, the fixtures
 * write them and the print places tiles with it.
 */

/** The tile holding `[lon, lat]` at `zoom`, clamped to the grid: `{ x, y }` (fractional when `exact`). */
export function lonLatToTile(
  lon: number,
  lat: number,
  zoom: number,
  exact = false,
): { x: number; y: number } {
  const tiles = 2 ** zoom;
  const latRadians = (Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180;
  const x = ((lon + 180) / 360) * tiles;
  const y = ((1 - Math.log(Math.tan(latRadians) + 1 / Math.cos(latRadians)) / Math.PI) / 2) * tiles;
  if (exact) return { x, y };
  return {
    x: Math.min(tiles - 1, Math.max(0, Math.floor(x))),
    y: Math.min(tiles - 1, Math.max(0, Math.floor(y))),
  };
}

/** The `[west, south, east, north]` degrees a tile covers. */
export function tileBounds(zoom: number, x: number, y: number): [number, number, number, number] {
  const tiles = 2 ** zoom;
  const lon = (column: number) => (column / tiles) * 360 - 180;
  const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / tiles))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Every tile at `zoom` that meets `[west, south, east, north]`, row by row. */
export function tilesCovering(
  bounds: readonly [number, number, number, number],
  zoom: number,
): { z: number; x: number; y: number }[] {
  const [west, south, east, north] = bounds;
  const topLeft = lonLatToTile(west, north, zoom);
  const bottomRight = lonLatToTile(east, south, zoom);
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let y = topLeft.y; y <= bottomRight.y; y += 1) {
    for (let x = topLeft.x; x <= bottomRight.x; x += 1) tiles.push({ z: zoom, x, y });
  }
  return tiles;
}

/** MBTiles store rows the TMS way (counted from the south): the same flip turns either into the other. */
export function flipTileRow(zoom: number, row: number): number {
  return 2 ** zoom - 1 - row;
}
