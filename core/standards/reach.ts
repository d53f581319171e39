/**
 * Walking reach as the rules ask it: which (category, minutes) pairs a resident must reach, read
 * from the tier table in force, and the per-unit answers the accessibility engine computes for them
 * at the walking speed in force. Rules never assume a table or a speed: a reach figure always comes
 * with the ReachContext it was computed in.
 */

import {
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  type FacilityCategoryId,
} from './facility-categories.js';

/** Category → walking minutes of its tier; null: the category has no tier. */
export type TierTable = Readonly<Record<string, number | null>>;

/** The tier table and walking speed a reach figure was computed with. */
export interface ReachContext {
  tiers: TierTable;
  speedMetersPerSecond: number;
}

/** Reach a facility of `category` within `minutes` of walking. */
export interface ReachOption {
  category: string;
  minutes: number;
}

/** Met when any one of the options is met (e.g. a kindergarten or a nursery, each within its tier). */
export interface ReachTarget {
  anyOf: readonly ReachOption[];
}

/** Met by a resident who meets every target (one target for a category, several for a whole circle). */
export interface ReachRequirement {
  /** Stable within a context: the category id for one category at its tier, see reachRequirementOf. */
  key: string;
  allOf: readonly ReachTarget[];
}

/**
 * What a reach rule asks, declaratively (rules.ts):
 * - `tier`: any of the categories, each within its own tier of the table in force;
 * - `fixed`: any of the categories within minutes the document itself fixes (003's 15分钟健身圈);
 * - `circle`: every category of the tool's everyday set (FACILITY_CATEGORIES' requiredForEveryCommunity)
 *   that the table places within `circleMinutes`, each within its tier — the life circle complete.
 */
export type ReachSpec =
  | { reach: 'tier'; categories: readonly FacilityCategoryId[] }
  | { reach: 'fixed'; categories: readonly FacilityCategoryId[]; minutes: number }
  | { reach: 'circle'; circleMinutes: number };

/** Which units meet each requirement, computed for one context (core/accessibility's computeUnitReach). */
export interface UnitReach extends ReachContext {
  requirements: readonly ReachRequirement[];
  /** `covered[r][u]` is 1 when unit u meets `requirements[r]`; arrays in the unit order of the consumer. */
  covered: readonly Uint8Array[];
}

const validMinutes = (minutes: number | null | undefined): minutes is number =>
  typeof minutes === 'number' && minutes > 0 && minutes <= 60;

/** Categories the tool's 15-minute-circle completeness counts: the everyday set, in table order. */
export const CIRCLE_CATEGORIES: readonly FacilityCategoryId[] = FACILITY_CATEGORY_IDS.filter(
  (id) => FACILITY_CATEGORIES[id].requiredForEveryCommunity,
);

/**
 * The requirement a spec asks under a tier table, or null when the table leaves nothing to reach
 * (every category of it without a tier, or a circle with no category inside it).
 */
export function reachRequirementOf(spec: ReachSpec, tiers: TierTable): ReachRequirement | null {
  switch (spec.reach) {
    case 'tier': {
      const anyOf = spec.categories
        .filter((category) => validMinutes(tiers[category]))
        .map((category) => ({ category, minutes: tiers[category]! }));
      return anyOf.length === 0 ? null : { key: spec.categories.join('|'), allOf: [{ anyOf }] };
    }
    case 'fixed':
      return {
        key: `${spec.categories.join('|')}@${spec.minutes}`,
        allOf: [{ anyOf: spec.categories.map((category) => ({ category, minutes: spec.minutes })) }],
      };
    case 'circle': {
      const allOf = CIRCLE_CATEGORIES.filter((category) => {
        const minutes = tiers[category];
        return validMinutes(minutes) && minutes <= spec.circleMinutes;
      }).map((category) => ({ anyOf: [{ category, minutes: tiers[category]! }] }));
      return allOf.length === 0 ? null : { key: `circle@${spec.circleMinutes}`, allOf };
    }
  }
}

/** One requirement per category of the table that has a tier: the plain coverage figures. */
export function categoryRequirements(tiers: TierTable): ReachRequirement[] {
  return Object.entries(tiers)
    .filter(([, minutes]) => validMinutes(minutes))
    .map(([category, minutes]) => ({ key: category, allOf: [{ anyOf: [{ category, minutes: minutes! }] }] }));
}

/** Requirements by key, the first of each key kept (the same key always means the same requirement in one context). */
export function uniqueRequirements(requirements: readonly ReachRequirement[]): ReachRequirement[] {
  const byKey = new Map<string, ReachRequirement>();
  for (const requirement of requirements)
    if (!byKey.has(requirement.key)) byKey.set(requirement.key, requirement);
  return [...byKey.values()];
}

/** A key naming a context, for caches: the same tiers and speed give the same key. */
export function reachContextKey(context: ReachContext): string {
  const tiers = Object.keys(context.tiers)
    .sort()
    .map((category) => `${category}:${context.tiers[category] ?? '-'}`)
    .join(',');
  return `${context.speedMetersPerSecond}|${tiers}`;
}
