/**
 * Which units meet the standards' reach requirements (core/standards/reach.ts), at the walking speed
 * and with the tier table in force: one multi-source search per category from all its facilities,
 * cut off at the longest walk any requirement asks of it, then each unit's time checked against each
 * option. Boundaries do not change it, so a scenario computes it once per (tier table, speed).
 */

import { validateWalkSpeed } from '../routing/walking-profiles.js';
import type { ReachRequirement, TierTable, UnitReach } from '../standards/reach.js';
import type { AccessibilityModel } from './accessibility-types.js';
import { unitSecondsToCategory } from './unit-seconds.js';

export interface UnitReachOptions {
  /** The tier table in force (the requirements were built from it; it travels with the result). */
  tiers: TierTable;
  speedMetersPerSecond: number;
  requirements: readonly ReachRequirement[];
  /** Unit ids in the order the result's arrays should follow (a scenario's order); default the model's. */
  unitIds?: readonly string[];
}

/**
 * Per requirement, 1 for each unit that meets it. A category without facilities is reached by nobody.
 * Throws a RangeError for a bad speed or minutes outside (0, 60], and an Error naming a unit id the
 * model does not hold.
 */
export function computeUnitReach(model: AccessibilityModel, options: UnitReachOptions): UnitReach {
  const { tiers, speedMetersPerSecond, requirements } = options;
  const speed = validateWalkSpeed(speedMetersPerSecond);
  if (!speed.ok) throw new RangeError(`speed ${speedMetersPerSecond} m/s: ${speed.reason}`);

  // The longest walk asked of each category.
  const maxMinutesByCategory = new Map<string, number>();
  for (const requirement of requirements) {
    for (const target of requirement.allOf) {
      for (const { category, minutes } of target.anyOf) {
        if (!(minutes > 0 && minutes <= 60))
          throw new RangeError(`${requirement.key}: ${minutes} minutes to ${category} is not in (0, 60]`);
        maxMinutesByCategory.set(category, Math.max(maxMinutesByCategory.get(category) ?? 0, minutes));
      }
    }
  }

  const unitCount = model.units.length;
  const secondsByCategory = new Map<string, Float64Array>();
  for (const [category, maxMinutes] of maxMinutesByCategory)
    secondsByCategory.set(
      category,
      unitSecondsToCategory(model, category, speedMetersPerSecond, maxMinutes * 60),
    );

  // The caller's order, when it is not the model's own.
  let order: Int32Array | null = null;
  if (options.unitIds && !sameOrder(options.unitIds, model.units)) {
    const indexById = new Map(model.units.map((unit, index) => [unit.id, index]));
    order = Int32Array.from(options.unitIds, (id) => {
      const index = indexById.get(id);
      if (index === undefined) throw new Error(`unit ${id} is not in the accessibility model`);
      return index;
    });
  }

  // Typed-array passes, requirement by requirement: all of its targets, each any of its options.
  const anyOption = new Uint8Array(unitCount);
  const covered = requirements.map((requirement) => {
    const all = new Uint8Array(unitCount).fill(1);
    for (const target of requirement.allOf) {
      anyOption.fill(0);
      for (const { category, minutes } of target.anyOf) {
        const seconds = secondsByCategory.get(category)!;
        const limit = minutes * 60;
        for (let unit = 0; unit < unitCount; unit += 1) if (seconds[unit] <= limit) anyOption[unit] = 1;
      }
      for (let unit = 0; unit < unitCount; unit += 1) all[unit] &= anyOption[unit];
    }
    return order ? Uint8Array.from(order, (unit) => all[unit]) : all;
  });
  return { tiers, speedMetersPerSecond, requirements, covered };
}

function sameOrder(unitIds: readonly string[], units: readonly { id: string }[]): boolean {
  if (unitIds.length !== units.length) return false;
  for (let index = 0; index < unitIds.length; index += 1)
    if (unitIds[index] !== units[index].id) return false;
  return true;
}
