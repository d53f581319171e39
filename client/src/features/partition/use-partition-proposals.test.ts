import { describe, expect, it } from 'vitest';
import { communityCountOf } from './use-partition-proposals';

describe('communityCountOf', () => {
  it('reads a whole count from 1 to 200, empty as "as many as now", anything else as invalid', () => {
    expect(communityCountOf('')).toBeUndefined();
    expect(communityCountOf('  ')).toBeUndefined();
    expect(communityCountOf('4')).toBe(4);
    expect(communityCountOf(' 200 ')).toBe(200);
    expect(communityCountOf('0')).toBeNull();
    expect(communityCountOf('201')).toBeNull();
    expect(communityCountOf('2.5')).toBeNull();
    expect(communityCountOf('四')).toBeNull();
  });
});
