import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components.js';

describe('connectedComponents', () => {
  it('counts nodes per component, largest first', () => {
    expect(
      connectedComponents([
        { source: 1, target: 2 },
        { source: 2, target: 3 },
        { source: 10, target: 11 },
        { source: 3, target: 1 },
      ]),
    ).toEqual({
      count: 2,
      nodeCounts: [3, 2],
    });
  });
});
