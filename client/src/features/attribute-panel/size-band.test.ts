import { describe, expect, it } from 'vitest';
import { judgeBand } from './size-band';

describe('judgeBand', () => {
  it('treats both ends of the band as inside', () => {
    expect(judgeBand(4500, { min: 4500, max: 12000 })).toBe('within');
    expect(judgeBand(12000, { min: 4500, max: 12000 })).toBe('within');
  });
  it('says which side a figure falls outside', () => {
    expect(judgeBand(4499, { min: 4500, max: 12000 })).toBe('below');
    expect(judgeBand(12001, { min: 4500, max: 12000 })).toBe('above');
  });
  it('has no bound where the band says null', () => {
    expect(judgeBand(1, { min: null, max: 4000 })).toBe('within');
    expect(judgeBand(1e9, { min: 3000, max: null })).toBe('within');
  });
});
