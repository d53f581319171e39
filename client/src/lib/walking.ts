/**
 * The client's door to the walking profiles in core/routing (the speeds the engine uses and the
 * range a user may set), so the panel offers exactly what the API accepts.
 */
export {
  MAX_WALK_SPEED_METERS_PER_SECOND,
  MIN_WALK_SPEED_METERS_PER_SECOND,
  WALK_SPEED_METERS_PER_SECOND,
  validateWalkSpeed,
  type WalkingProfile,
} from '../../../core/routing/walking-profiles';
export { TIER_RADIUS_METERS } from '../../../core/standards/facility-categories';
