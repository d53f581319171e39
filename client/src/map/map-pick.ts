/**
 * Picking what lies under a click on the screen, as a planner expects: the nearest point or line
 * within a few pixels of the pointer, measured in screen pixels (so it works the same at every
 * zoom). Pure: the map's projection comes in as a function.
 */
import { bboxesIntersect, bboxOfPositions } from '../../../core/geometry/bbox';
import type { Position } from '../lib/api-types';
import type { Pixel } from './brush-samples';

/** What a click hands the pick tools: where it was on the screen, and the map's projection. */
export interface PickContext {
  pixel: Pixel;
  /** `[lng, lat]` → screen pixel. */
  project: (position: Position) => Pixel;
  /** `[west, south, east, north]` around the click, `PICK_PIXELS` wide each side (a quick pre-filter). */
  bbox: [number, number, number, number];
}

/** How far from the pointer a facility or a path may be and still be picked, screen pixels. */
export const PICK_PIXELS = 12;

function inBbox(position: Position, bbox: PickContext['bbox']): boolean {
  return position[0] >= bbox[0] && position[0] <= bbox[2] && position[1] >= bbox[1] && position[1] <= bbox[3];
}

/** Distance in pixels from `point` to the segment `a`–`b`. */
export function segmentDistancePixels(point: Pixel, a: Pixel, b: Pixel): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(a[0] + t * dx - point[0], a[1] + t * dy - point[1]);
}

/** The item whose point is nearest the click within `PICK_PIXELS`, or null. */
export function nearestPoint<T>(
  items: Iterable<T>,
  positionOf: (item: T) => Position,
  pick: PickContext,
  maxPixels = PICK_PIXELS,
): T | null {
  let best: T | null = null;
  let bestDistance = maxPixels;
  for (const item of items) {
    const position = positionOf(item);
    if (!inBbox(position, pick.bbox)) continue;
    const [x, y] = pick.project(position);
    const distance = Math.hypot(x - pick.pixel[0], y - pick.pixel[1]);
    if (distance <= bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** The item whose line passes nearest the click within `PICK_PIXELS`, or null. */
export function nearestLine<T>(
  items: Iterable<T>,
  lineOf: (item: T) => readonly Position[],
  pick: PickContext,
  maxPixels = PICK_PIXELS,
): T | null {
  let best: T | null = null;
  let bestDistance = maxPixels;
  for (const item of items) {
    const line = lineOf(item);
    // A long edge may pass by with no vertex near: its own box must meet the pick's.
    if (!bboxesIntersect(bboxOfPositions(line), pick.bbox)) continue;
    let previous: Pixel | null = null;
    for (const position of line) {
      const pixel = pick.project(position);
      if (previous) {
        const distance = segmentDistancePixels(pick.pixel, previous, pixel);
        if (distance <= bestDistance) {
          best = item;
          bestDistance = distance;
        }
      }
      previous = pixel;
    }
  }
  return best;
}
