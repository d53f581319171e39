import { describe, expect, it } from 'vitest';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { metricSridOfFeatures } from './region-check.js';

const feature = (index: number, coordinates: [number, number]): ImportFeature => ({
  index,
  location: `row ${index + 2}`,
  id: `u${index}`,
  geometry: { type: 'Point', coordinates },
  properties: {},
  hasErrors: false,
});

describe('metricSridOfFeatures', () => {
  it('is the Gauss–Krüger zone of the features’ centre, or null without features', () => {
    expect(metricSridOfFeatures([feature(0, [109.72, 28.28]), feature(1, [109.9, 28.3])])).toBe(4546);
    expect(metricSridOfFeatures([])).toBeNull();
  });
});
