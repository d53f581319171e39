/**
 * The dashboard's static coverage map: lon/lat projected into a fixed figure box so the heat map
 * and the region's outlines print as one SVG (no WebGL canvas, which browsers print unreliably).
 * Equirectangular at the region's mid latitude: a county-sized region spans a few tens of
 * kilometres, over which the scale error is far below a printed pixel, and the heat-map grid
 * (axis-aligned in lon/lat) stays an axis-aligned rectangle.
 * Pure: no DOM, so the box fitting and the paths are unit-tested.
 */
import { tileBounds, tilesCovering } from '../../../../core/geometry/web-mercator-tiles';
import type { PolygonGeometry, Position } from '../../lib/api-types';

/** [west, south, east, north] in degrees. */
export type LonLatBox = readonly [number, number, number, number];

export interface FigureProjection {
  /** Figure width and height in SVG user units (the box it was fitted to). */
  width: number;
  height: number;
  /** `[lon, lat]` degrees → `[x, y]` user units, y downwards. */
  project(position: readonly [number, number]): [number, number];
  /** User units per metre on the ground (for a scale bar). */
  unitsPerMeter: number;
}

const METERS_PER_DEGREE_LATITUDE = 111_320;

/** The smallest box holding every given box; null when none is finite. */
export function unionBox(boxes: readonly (LonLatBox | null | undefined)[]): LonLatBox | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    if (!box || !box.every(Number.isFinite)) continue;
    west = Math.min(west, box[0]);
    south = Math.min(south, box[1]);
    east = Math.max(east, box[2]);
    north = Math.max(north, box[3]);
  }
  return west <= east && south <= north ? [west, south, east, north] : null;
}

/** The bounding box of polygon geometries' outer and inner rings, or null when there are none. */
export function polygonsBox(geometries: readonly PolygonGeometry[]): LonLatBox | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) {
    for (const ring of polygonRings(geometry)) {
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon);
        south = Math.min(south, lat);
        east = Math.max(east, lon);
        north = Math.max(north, lat);
      }
    }
  }
  return west <= east && south <= north ? [west, south, east, north] : null;
}

/**
 * A projection fitting `box` into a `width` × `height` figure with `paddingUnits` on every side,
 * centred, at one scale for both axes (east–west degrees shrunk by cos(mid latitude), so the map
 * is not stretched). A degenerate box (a point or a line) is centred at the same scale as a 1 m box.
 */
export function fitProjection(
  box: LonLatBox,
  width: number,
  height: number,
  paddingUnits = 0,
): FigureProjection {
  const [west, south, east, north] = box;
  const midLatitudeRadians = (((south + north) / 2) * Math.PI) / 180;
  const xMetersPerDegree = METERS_PER_DEGREE_LATITUDE * Math.cos(midLatitudeRadians);
  const spanXMeters = Math.max((east - west) * xMetersPerDegree, 1);
  const spanYMeters = Math.max((north - south) * METERS_PER_DEGREE_LATITUDE, 1);
  const innerWidth = Math.max(width - 2 * paddingUnits, 1);
  const innerHeight = Math.max(height - 2 * paddingUnits, 1);
  const unitsPerMeter = Math.min(innerWidth / spanXMeters, innerHeight / spanYMeters);
  const offsetX = (width - (east - west) * xMetersPerDegree * unitsPerMeter) / 2;
  const offsetY = (height - (north - south) * METERS_PER_DEGREE_LATITUDE * unitsPerMeter) / 2;
  return {
    width,
    height,
    unitsPerMeter,
    project: ([lon, lat]) => [
      offsetX + (lon - west) * xMetersPerDegree * unitsPerMeter,
      offsetY + (north - lat) * METERS_PER_DEGREE_LATITUDE * unitsPerMeter,
    ],
  };
}

function polygonRings(geometry: PolygonGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * An SVG path (`M … L … Z` per ring) of polygon geometries, coordinates rounded to 0.1 unit to
 * keep the markup small; holes are separate subpaths, so `fill-rule: evenodd` leaves them open.
 */
export function polygonsPath(geometries: readonly PolygonGeometry[], projection: FigureProjection): string {
  const parts: string[] = [];
  for (const geometry of geometries) {
    for (const ring of polygonRings(geometry)) {
      if (ring.length < 3) continue;
      const points = ring.map((position) => {
        const [x, y] = projection.project([position[0], position[1]]);
        return `${round1(x)} ${round1(y)}`;
      });
      parts.push(`M${points.join('L')}Z`);
    }
  }
  return parts.join('');
}

/** The figure rectangle `{ x, y, width, height }` of a lon/lat box (the heat-map image's place). */
export function projectBox(
  box: LonLatBox,
  projection: FigureProjection,
): { x: number; y: number; width: number; height: number } {
  const [x0, y0] = projection.project([box[0], box[3]]);
  const [x1, y1] = projection.project([box[2], box[1]]);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * A scale bar length in metres: the largest 1-2-5 step whose bar is at most `maxUnits` long, so
 * the bar reads as a round figure.
 */
export function scaleBarMeters(unitsPerMeter: number, maxUnits: number): number {
  const maxMeters = maxUnits / unitsPerMeter;
  if (!(maxMeters > 0) || !Number.isFinite(maxMeters)) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(maxMeters));
  for (const step of [5, 2, 1]) if (step * magnitude <= maxMeters) return step * magnitude;
  return magnitude;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** At most this many tiles of one base map in the figure: a zoom lower when more would be needed. */
const MAX_FIGURE_TILES = 64;
/** Tile pixels per figure unit: 2 keeps imagery sharp on paper (a unit prints at about 0.4 mm). */
const TILE_PIXELS_PER_UNIT = 2;
const EQUATOR_METERS_PER_PIXEL_AT_ZOOM_0 = 156_543.03;

export interface FigureTile {
  key: string;
  z: number;
  x: number;
  y: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * The XYZ tiles of a raster base map (zooms `minzoom`…`maxzoom`, within `bounds`) that fill the
 * figure, each with its rectangle. Web-Mercator tiles placed as rectangles in the figure's
 * equirectangular projection: over one tile of a county-sized figure the two differ by far less
 * than a printed pixel.
 */
export function figureTiles(
  projection: FigureProjection,
  box: LonLatBox,
  basemap: { minzoom: number; maxzoom: number; bounds: LonLatBox | null },
): FigureTile[] {
  const [west, south, east, north] = box;
  // The figure's whole extent in degrees: the box's projection stretched to the figure's edges.
  const [x0, y0] = projection.project([west, north]);
  const [x1, y1] = projection.project([east, south]);
  const lonAt = (x: number) => west + ((x - x0) * (east - west)) / (x1 - x0 || 1);
  const latAt = (y: number) => north - ((y - y0) * (north - south)) / (y1 - y0 || 1);
  const figureBox: LonLatBox = [lonAt(0), latAt(projection.height), lonAt(projection.width), latAt(0)];
  const shown = basemap.bounds
    ? ([
        Math.max(figureBox[0], basemap.bounds[0]),
        Math.max(figureBox[1], basemap.bounds[1]),
        Math.min(figureBox[2], basemap.bounds[2]),
        Math.min(figureBox[3], basemap.bounds[3]),
      ] as const)
    : figureBox;
  if (!(shown[0] < shown[2] && shown[1] < shown[3])) return [];
  const latitudeRadians = (((south + north) / 2) * Math.PI) / 180;
  const wanted = Math.log2(
    EQUATOR_METERS_PER_PIXEL_AT_ZOOM_0 *
      Math.cos(latitudeRadians) *
      projection.unitsPerMeter *
      TILE_PIXELS_PER_UNIT,
  );
  let zoom = Math.max(basemap.minzoom, Math.min(basemap.maxzoom, Math.round(wanted)));
  let tiles = tilesCovering(shown, zoom);
  while (tiles.length > MAX_FIGURE_TILES && zoom > basemap.minzoom) {
    zoom -= 1;
    tiles = tilesCovering(shown, zoom);
  }
  return tiles.map(({ z, x, y }) => ({
    key: `${z}/${x}/${y}`,
    z,
    x,
    y,
    box: projectBox(tileBounds(z, x, y), projection),
  }));
}
