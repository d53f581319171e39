import { describe, expect, it } from 'vitest';
import { formatCount, formatShare, formatSpeed, formatSquareMeters } from './format';

describe('format', () => {
  it('writes counts with thousands separators, shares as percentages, and nothing for null', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatShare(0.3524)).toBe('35.2%');
    expect(formatSquareMeters(1234.4)).toBe('1,234');
    expect(formatSquareMeters(12.34)).toBe('12.3');
    expect(formatCount(null)).toBeNull();
  });

  it('writes walking speeds with one or two decimals', () => {
    expect([1, 0.8, 1.25, 1.333].map(formatSpeed)).toEqual(['1.0', '0.8', '1.25', '1.33']);
  });
});
