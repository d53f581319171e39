/**
 * Validity problems of GeoJSON (Multi)Polygon coordinates under RFC 7946 and the OGC simple-feature
 * rules that matter for the map and for PostGIS: closed rings of ≥ 4 positions, no repeated
 * consecutive positions, outer rings counter-clockwise and holes clockwise, no ring crossing or
 * touching itself or another ring, holes inside their outer ring, no zero-area ring.
 *
 * Planar (treats lon/lat as x/y, fine for city-sized shapes). Segment pairs are found with a sweep
 * over x, so a few thousand vertices check in milliseconds.
 */

import { pointInRing } from './point-in-ring.js';
import { ringSignedArea } from './polygon-area.js';
import type { Position } from './position.js';

/**
 * Every problem found, as messages naming polygon and ring (empty: valid). Rings of different
 * polygons may not cross or touch either (a stricter rule than OGC's touching-at-points, which this
 * codebase's outputs never need).
 */
export function multiPolygonProblems(polygons: readonly (readonly (readonly Position[])[])[]): string[] {
  const problems: string[] = [];
  interface Segment {
    ax: number;
    ay: number;
    bx: number;
    by: number;
    ring: number;
    index: number;
    ringLength: number;
  }
  const segments: Segment[] = [];
  const ringNames: string[] = [];
  polygons.forEach((polygon, p) => {
    if (polygon.length === 0) problems.push(`polygon ${p} has no rings`);
    polygon.forEach((ring, r) => {
      const name = `polygon ${p} ring ${r}`;
      if (ring.length < 4) {
        problems.push(`${name} has ${ring.length} positions (at least 4 needed)`);
        return;
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${name} is not closed`);
      for (let k = 1; k < ring.length; k += 1) {
        if (ring[k][0] === ring[k - 1][0] && ring[k][1] === ring[k - 1][1]) {
          problems.push(`${name} repeats position ${k - 1}`);
        }
        if (!Number.isFinite(ring[k][0]) || !Number.isFinite(ring[k][1]))
          problems.push(`${name} position ${k} is not finite`);
      }
      const area = ringSignedArea(ring as Position[]);
      if (area === 0) problems.push(`${name} has zero area`);
      else if (r === 0 && area < 0) problems.push(`${name} (outer) is clockwise`);
      else if (r > 0 && area > 0) problems.push(`${name} (hole) is counter-clockwise`);
      if (r > 0 && !pointInRing(ring[0], polygon[0]))
        problems.push(`${name} (hole) lies outside its outer ring`);
      const ringIndex = ringNames.length;
      ringNames.push(name);
      for (let k = 0; k + 1 < ring.length; k += 1) {
        segments.push({
          ax: ring[k][0],
          ay: ring[k][1],
          bx: ring[k + 1][0],
          by: ring[k + 1][1],
          ring: ringIndex,
          index: k,
          ringLength: ring.length - 1,
        });
      }
    });
  });

  // Sweep: segments sorted by their left end; each is compared with those still open over its x.
  segments.sort((s, t) => Math.min(s.ax, s.bx) - Math.min(t.ax, t.bx));
  const open: Segment[] = [];
  for (const segment of segments) {
    const left = Math.min(segment.ax, segment.bx);
    for (let k = open.length - 1; k >= 0; k -= 1) {
      if (Math.max(open[k].ax, open[k].bx) < left) open.splice(k, 1);
    }
    for (const other of open) {
      const sameRing = other.ring === segment.ring;
      const adjacent =
        sameRing &&
        (Math.abs(other.index - segment.index) === 1 ||
          Math.abs(other.index - segment.index) === segment.ringLength - 1);
      if (segmentsMeet(segment, other, adjacent)) {
        problems.push(
          sameRing
            ? `${ringNames[segment.ring]} intersects itself (segments ${other.index} and ${segment.index})`
            : `${ringNames[other.ring]} and ${ringNames[segment.ring]} intersect or touch`,
        );
        if (problems.length > 50) return problems;
      }
    }
    open.push(segment);
  }
  return problems;
}

interface PlainSegment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(s: PlainSegment, x: number, y: number): boolean {
  return (
    x >= Math.min(s.ax, s.bx) &&
    x <= Math.max(s.ax, s.bx) &&
    y >= Math.min(s.ay, s.by) &&
    y <= Math.max(s.ay, s.by)
  );
}

/**
 * Whether two segments share any point; for adjacent segments of a ring (which share an end) whether
 * they share more than that end (folding back onto each other).
 */
function segmentsMeet(s: PlainSegment, t: PlainSegment, adjacent: boolean): boolean {
  const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (adjacent) {
    // Consecutive segments share one end; they are bad only when they fold back onto each other.
    let shared: [number, number];
    let farS: [number, number];
    let farT: [number, number];
    if (s.bx === t.ax && s.by === t.ay)
      [shared, farS, farT] = [
        [s.bx, s.by],
        [s.ax, s.ay],
        [t.bx, t.by],
      ];
    else if (t.bx === s.ax && t.by === s.ay)
      [shared, farS, farT] = [
        [s.ax, s.ay],
        [s.bx, s.by],
        [t.ax, t.ay],
      ];
    else return o1 !== o2 && o3 !== o4;
    if (orientation(shared[0], shared[1], farS[0], farS[1], farT[0], farT[1]) !== 0) return false;
    return (farS[0] - shared[0]) * (farT[0] - shared[0]) + (farS[1] - shared[1]) * (farT[1] - shared[1]) > 0;
  }
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(s, t.ax, t.ay)) return true;
  if (o2 === 0 && onSegment(s, t.bx, t.by)) return true;
  if (o3 === 0 && onSegment(t, s.ax, s.ay)) return true;
  if (o4 === 0 && onSegment(t, s.bx, s.by)) return true;
  return false;
}
