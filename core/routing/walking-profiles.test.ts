import { describe, expect, it } from 'vitest';
import {
  edgeClassCostFactor,
  STEPS_COST_FACTOR,
  validateWalkSpeed,
  WALK_SPEED_METERS_PER_SECOND,
  WALK_SPEED_NOT_A_NUMBER,
  WALK_SPEED_TOO_FAST,
  WALK_SPEED_TOO_SLOW,
} from './walking-profiles.js';

describe('walking profiles', () => {
  it('walks the GB 50180 tiers at the adult speed: 300 m in 5 minutes', () => {
    expect(WALK_SPEED_METERS_PER_SECOND.adult * 5 * 60).toBe(300);
    expect(WALK_SPEED_METERS_PER_SECOND.elderly).toBe(0.8);
  });

  it('accepts a user speed in the inclusive range and names why others fail', () => {
    expect(validateWalkSpeed(1.2)).toEqual({ ok: true, speedMetersPerSecond: 1.2 });
    expect(validateWalkSpeed(0.3).ok).toBe(true);
    expect(validateWalkSpeed(3).ok).toBe(true);
    expect(validateWalkSpeed(0.29)).toEqual({ ok: false, reason: WALK_SPEED_TOO_SLOW });
    expect(validateWalkSpeed(0)).toEqual({ ok: false, reason: WALK_SPEED_TOO_SLOW });
    expect(validateWalkSpeed(-1)).toEqual({ ok: false, reason: WALK_SPEED_TOO_SLOW });
    expect(validateWalkSpeed(3.01)).toEqual({ ok: false, reason: WALK_SPEED_TOO_FAST });
    for (const notANumber of [NaN, Infinity, '1.0', null, undefined]) {
      expect(validateWalkSpeed(notANumber)).toEqual({ ok: false, reason: WALK_SPEED_NOT_A_NUMBER });
    }
  });

  it('makes steps cost more than level ground and every other class cost its length', () => {
    expect(STEPS_COST_FACTOR).toBeGreaterThan(1);
    expect(edgeClassCostFactor('steps')).toBe(STEPS_COST_FACTOR);
    for (const edgeClass of ['arterial', 'street', 'alley', 'footway', 'track']) {
      expect(edgeClassCostFactor(edgeClass)).toBe(1);
    }
  });
});
