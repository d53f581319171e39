import { describe, expect, it } from 'vitest';
import type { CoverageResult } from '../../lib/api-types';
import { FACILITY_CATEGORIES } from '../../lib/standards';
import { tierOf, withTier } from './tiers';

describe('the tier table', () => {
  it('reads the applied tier, or the standards’ default before coverage arrives', () => {
    expect(tierOf('kindergarten', null)).toBe(FACILITY_CATEGORIES.kindergarten.tierMinutes);
    const coverage = { tiers: { kindergarten: 10 } } as unknown as CoverageResult;
    expect(tierOf('kindergarten', coverage)).toBe(10);
  });

  it('keeps an override only while it differs from the default', () => {
    const standard = FACILITY_CATEGORIES.kindergarten.tierMinutes!;
    const other = standard === 10 ? 15 : 10;
    const changed = withTier({ park: 10 }, 'kindergarten', other);
    expect(changed).toEqual({ park: 10, kindergarten: other });
    expect(withTier(changed, 'kindergarten', standard)).toEqual({ park: 10 });
  });
});
