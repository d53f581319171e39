/**
 * Which side of a drawn polyline a point lies on, for splitting a community by a line.
 * Coordinates are `[lon, lat]`; longitudes are scaled by cos(latitude) so that distances (which pick
 * the nearest segment) are nearly isotropic. Scaling one axis by a positive factor leaves the sign of
 * the cross product, and so the side, unchanged.
 */

export type LineSide = 'left' | 'right';

/** Side of `point` relative to the segment of `line` nearest to it, walking from the first position to the last. */
export function sideOfLine(
  line: readonly (readonly [number, number])[],
  point: readonly [number, number],
): LineSide {
  if (line.length < 2) throw new Error('a line needs two positions');
  const scale = Math.cos((point[1] * Math.PI) / 180);
  const [px, py] = [point[0] * scale, point[1]];
  let bestDistance = Infinity;
  let bestCross = 0;
  for (let k = 0; k + 1 < line.length; k += 1) {
    const [ax, ay] = [line[k][0] * scale, line[k][1]];
    const [bx, by] = [line[k + 1][0] * scale, line[k + 1][1]];
    const [dx, dy] = [bx - ax, by - ay];
    const lengthSquared = dx * dx + dy * dy;
    if (lengthSquared === 0) continue;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
    const [cx, cy] = [ax + t * dx - px, ay + t * dy - py];
    const distance = cx * cx + cy * cy;
    // Ties (the nearest point is a shared vertex) keep the first segment: both agree away from sharp turns.
    if (distance < bestDistance) {
      bestDistance = distance;
      bestCross = dx * (py - ay) - dy * (px - ax);
    }
  }
  return bestCross >= 0 ? 'left' : 'right';
}
