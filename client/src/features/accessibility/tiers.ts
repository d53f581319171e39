/**
 * The category → tier table of the coverage view: the standards' tiers (GB 50180's 5/10/15-minute
 * circles), with the planner's changes applied.
 */
import type { TierOverrides } from '../../lib/api';
import type { CoverageResult } from '../../lib/api-types';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../lib/standards';

/** Tier choices offered when editing the table. */
export const TIER_CHOICES_MINUTES = [5, 10, 15] as const;

/** A category's tier in the applied table (the default one before coverage arrives); null for none. */
export function tierOf(category: FacilityCategoryId, coverage: CoverageResult | null): number | null {
  if (coverage && category in coverage.tiers) return coverage.tiers[category] ?? null;
  return FACILITY_CATEGORIES[category].tierMinutes;
}

/** The overrides after choosing `minutes` for `category`: choosing the default drops the override. */
export function withTier(
  overrides: TierOverrides,
  category: FacilityCategoryId,
  minutes: number,
): TierOverrides {
  const { [category]: _previous, ...others } = overrides;
  return minutes === FACILITY_CATEGORIES[category].tierMinutes ? others : { ...others, [category]: minutes };
}
