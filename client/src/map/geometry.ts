/**
 * Small geometry helpers for drawing (label placement, unit areas). Coordinates are GeoJSON
 * [lng, lat] in EPSG:4326. Analytic geometry belongs in core/; these only serve the picture.
 */
import { bboxOfPositions, type Bbox } from '../../../core/geometry/bbox';
import { pointInPolygon } from '../../../core/geometry/point-in-ring';
import type { Position } from '../../../core/geometry/position';
import {
  sphericalMultiPolygonAreaSquareMeters,
  sphericalRingAreaSquareMeters,
} from '../../../core/geometry/spherical-area';
import type { PolygonGeometry } from '../lib/api-types';

/** The polygons of a Polygon or MultiPolygon (the API sends MultiPolygons; drawn shapes are Polygons). */
export function polygonsOf(geometry: PolygonGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Area of a Polygon or MultiPolygon in square metres (holes subtracted), on the sphere as @turf/area measures it. */
export function areaSquareMeters(geometry: PolygonGeometry): number {
  return sphericalMultiPolygonAreaSquareMeters(polygonsOf(geometry));
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
      const t =
        lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
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
    const area = sphericalRingAreaSquareMeters(part[0]);
    if (area > largestArea) {
      largest = part;
      largestArea = area;
    }
  }
  const [west, south, east, north] = outerRingsBounds([largest]);
  const lngScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  let best: Position = [(west + east) / 2, (south + north) / 2];
  let bestDistance = pointInPolygon(best, largest) ? edgeDistanceSquared(best, largest, lngScale) : -1;
  for (let row = 0; row < LABEL_GRID_SAMPLES; row++) {
    for (let column = 0; column < LABEL_GRID_SAMPLES; column++) {
      const candidate: Position = [
        west + ((column + 0.5) / LABEL_GRID_SAMPLES) * (east - west),
        south + ((row + 0.5) / LABEL_GRID_SAMPLES) * (north - south),
      ];
      if (!pointInPolygon(candidate, largest)) continue;
      const distance = edgeDistanceSquared(candidate, largest, lngScale);
      if (distance > bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** `[west, south, east, north]` of the parts' outer rings (which bound their holes); inverted infinities when empty. */
function outerRingsBounds(polygons: readonly (readonly (readonly Position[])[])[]): Bbox {
  return bboxOfPositions(polygons.flatMap((polygon) => polygon[0] ?? []));
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
