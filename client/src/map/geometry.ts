/**
 * Small geometry helpers for drawing (label placement, unit areas). Coordinates are GeoJSON
 * [lng, lat] in EPSG:4326. Analytic geometry belongs in core/; these only serve the picture.
 */
import type { PolygonGeometry, Position } from '../lib/api-types';

/** WGS 84 equatorial radius used by the spherical area formula, in metres. */
const EARTH_RADIUS_METERS = 6378137;

/**
 * Area of a ring on the sphere in square metres (unsigned), by the formula of Chamberlain &
 * Duquette, "Some algorithms for polygons on a sphere" (JPL 2007), as in @turf/area.
 */
function ringAreaSquareMeters(ring: readonly Position[]): number {
  const count = ring.length;
  if (count < 3) return 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const lower = ring[i];
    const middle = ring[(i + 1) % count];
    const upper = ring[(i + 2) % count];
    total += (toRadians(upper[0]) - toRadians(lower[0])) * Math.sin(toRadians(middle[1]));
  }
  return Math.abs((total * EARTH_RADIUS_METERS * EARTH_RADIUS_METERS) / 2);
}

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

function polygonsOf(geometry: PolygonGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Area of a Polygon or MultiPolygon in square metres (holes subtracted). */
export function areaSquareMeters(geometry: PolygonGeometry): number {
  let total = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      total += index === 0 ? ringAreaSquareMeters(ring) : -ringAreaSquareMeters(ring);
    });
  }
  return Math.max(0, total);
}

/** Even–odd ray test over all rings of one polygon (outer ring and holes). */
function insidePolygon(point: Position, polygon: readonly Position[][]): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/** Squared distance from a point to the nearest edge of a polygon, in degrees with longitude scaled by cos(lat). */
function edgeDistanceSquared(point: Position, polygon: readonly Position[][], lngScale: number): number {
  let best = Infinity;
  const px = point[0] * lngScale;
  const py = point[1];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = ring[j][0] * lngScale;
      const ay = ring[j][1];
      const bx = ring[i][0] * lngScale;
      const by = ring[i][1];
      const dx = bx - ax;
      const dy = by - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return best;
}

/** Samples per side of the grid searched for a label point. */
const LABEL_GRID_SAMPLES = 16;

/**
 * A point well inside the largest part of a polygon, for placing its label: the grid sample
 * farthest from any edge (a coarse "pole of inaccessibility", after mapbox/polylabel). Unlike the
 * centroid it never falls outside a concave or ring-shaped community.
 */
export function labelPoint(geometry: PolygonGeometry): Position {
  const parts = polygonsOf(geometry);
  let largest = parts[0];
  let largestArea = -1;
  for (const part of parts) {
    const area = ringAreaSquareMeters(part[0]);
    if (area > largestArea) {
      largest = part;
      largestArea = area;
    }
  }
  const [west, south, east, north] = outerRingsBounds([largest]);
  const lngScale = Math.cos(toRadians((south + north) / 2));
  let best: Position = [(west + east) / 2, (south + north) / 2];
  let bestDistance = insidePolygon(best, largest) ? edgeDistanceSquared(best, largest, lngScale) : -1;
  for (let row = 0; row < LABEL_GRID_SAMPLES; row++) {
    for (let column = 0; column < LABEL_GRID_SAMPLES; column++) {
      const candidate: Position = [
        west + ((column + 0.5) / LABEL_GRID_SAMPLES) * (east - west),
        south + ((row + 0.5) / LABEL_GRID_SAMPLES) * (north - south),
      ];
      if (!insidePolygon(candidate, largest)) continue;
      const distance = edgeDistanceSquared(candidate, largest, lngScale);
      if (distance > bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

type Bbox = [number, number, number, number];

/** `[west, south, east, north]` of the parts' outer rings (which bound their holes); inverted infinities when empty. */
function outerRingsBounds(polygons: readonly (readonly (readonly Position[])[])[]): Bbox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0] ?? []) {
      if (lng < west) west = lng;
      if (lng > east) east = lng;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  }
  return [west, south, east, north];
}

/** Bounding box `[west, south, east, north]` of a Polygon or MultiPolygon (outer rings). */
export function polygonBbox(geometry: PolygonGeometry): Bbox {
  return outerRingsBounds(polygonsOf(geometry));
}

/** Bounding box `[west, south, east, north]` of MultiPolygon coordinates, or null when empty. */
export function multiPolygonBbox(polygons: readonly (readonly (readonly Position[])[])[]): Bbox | null {
  const bbox = outerRingsBounds(polygons);
  return bbox[0] <= bbox[2] ? bbox : null;
}
