/**
 * Walking-speed profiles and edge-class cost factors. An edge's walking time is
 * `lengthMeters × classCostFactor / speedMetersPerSecond` seconds, the same arithmetic in core and
 * in the SQL handed to pgRouting, so that both agree to the last bit.
 */

/**
 * Walking speeds of the built-in profiles. Adult: 60 m/min, the speed GB 50180-2018's 5-minute /
 * 300 m tier implies. Elderly: 0.8 m/s (48 m/min), a common planning figure for residents over 60.
 */
export const WALK_SPEED_METERS_PER_SECOND = { adult: 1.0, elderly: 0.8 } as const;
export type WalkingProfile = keyof typeof WALK_SPEED_METERS_PER_SECOND;

/** Slowest speed a user may set (m/s): below it a 15-minute circle stops meaning walking. */
export const MIN_WALK_SPEED_METERS_PER_SECOND = 0.3;
/** Fastest speed a user may set (m/s): a brisk jog, beyond it no resident walks. */
export const MAX_WALK_SPEED_METERS_PER_SECOND = 3;

export const WALK_SPEED_NOT_A_NUMBER = 'walk-speed-not-a-number';
export const WALK_SPEED_TOO_SLOW = 'walk-speed-too-slow';
export const WALK_SPEED_TOO_FAST = 'walk-speed-too-fast';
export type WalkSpeedProblem =
  typeof WALK_SPEED_NOT_A_NUMBER | typeof WALK_SPEED_TOO_SLOW | typeof WALK_SPEED_TOO_FAST;

export type WalkSpeedValidation =
  { ok: true; speedMetersPerSecond: number } | { ok: false; reason: WalkSpeedProblem };

/** Checks a user-set walking speed (m/s) against the inclusive MIN…MAX_WALK_SPEED_METERS_PER_SECOND. */
export function validateWalkSpeed(speed: unknown): WalkSpeedValidation {
  if (typeof speed !== 'number' || !Number.isFinite(speed)) {
    return { ok: false, reason: WALK_SPEED_NOT_A_NUMBER };
  }
  if (speed < MIN_WALK_SPEED_METERS_PER_SECOND) return { ok: false, reason: WALK_SPEED_TOO_SLOW };
  if (speed > MAX_WALK_SPEED_METERS_PER_SECOND) return { ok: false, reason: WALK_SPEED_TOO_FAST };
  return { ok: true, speedMetersPerSecond: speed };
}

/**
 * Length multiplier of a `steps` edge (its cost in level-ground meters per meter). Pedestrian studies
 * (Fruin, Pedestrian Planning and Design, 1971; the SFPE Handbook's evacuation speeds) put unhurried
 * stair speeds well below level walking, and the network measures stairs by their plan length, not
 * along the slope. ×2 is a round, deliberately cautious planning assumption, applied both ways as the
 * network is undirected and elderly residents slow down most on stairs; GB 50180 gives no figure.
 */
export const STEPS_COST_FACTOR = 2;

/** Cost factor of a network edge class (data/geojson/README.md): STEPS_COST_FACTOR for `steps`, else 1. */
export function edgeClassCostFactor(edgeClass: string): number {
  return edgeClass === 'steps' ? STEPS_COST_FACTOR : 1;
}
