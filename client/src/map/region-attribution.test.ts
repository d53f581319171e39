import { describe, expect, it } from 'vitest';
import type { Region } from '../lib/api-types';
import { OSM_ATTRIBUTION, RENDERER_ATTRIBUTION, regionAttribution } from './region-attribution';

const region = (attribution: string | null): Region => ({
  id: 'r',
  name: '区',
  nameEn: 'R',
  bbox: [0, 0, 1, 1],
  synthetic: false,
  attribution,
  metricSrid: 4546,
  profile: 'jishou',
  dataLoadedAt: '2026-01-01T00:00:00.000Z',
});

describe('regionAttribution', () => {
  it('credits OpenStreetMap contributors when the region says its data is from OpenStreetMap', () => {
    expect(regionAttribution(region('Roads: OpenStreetMap, ODbL'))).toEqual([
      OSM_ATTRIBUTION,
      'Roads: OpenStreetMap, ODbL',
      RENDERER_ATTRIBUTION,
    ]);
    expect(regionAttribution(region('© OpenStreetMap contributors'))).toEqual([
      OSM_ATTRIBUTION,
      RENDERER_ATTRIBUTION,
    ]);
  });
  it('credits only the renderer for a region without attribution, and escapes markup', () => {
    expect(regionAttribution(region(null))).toEqual([RENDERER_ATTRIBUTION]);
    expect(regionAttribution(region('<b>x</b>'))[0]).toBe('&#60;b&#62;x&#60;/b&#62;');
  });
});
