import { describe, expect, it } from 'vitest';
import { formatSkipTally, SKIP_EXAMPLES_KEPT, skipTotal, tallySkip, type SkipTally } from './skip-tally.js';

describe('skip tallies', () => {
  it('count every element, name the first few, and print the most frequent reason first', () => {
    const tally: SkipTally = {};
    for (let id = 1; id <= 8; id += 1) tallySkip(tally, 'highway=motorway', `way ${id}`);
    tallySkip(tally, 'access=private', 'way 99');
    expect(tally['highway=motorway'].examples).toHaveLength(SKIP_EXAMPLES_KEPT);
    expect(skipTotal(tally)).toBe(9);
    expect(formatSkipTally(tally)).toEqual([
      'highway=motorway: 8 (way 1, way 2, way 3, way 4, way 5, … 3 more)',
      'access=private: 1 (way 99)',
    ]);
  });
});
