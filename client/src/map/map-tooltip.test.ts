import { describe, expect, it } from 'vitest';
import type { CommunityFeature, FacilityFeature, HeatmapGrid } from '../lib/api-types';
import { translate } from '../lib/i18n';
import { DECK_LAYER_ID } from './deck-layers';
import { tooltipText, type TooltipContext } from './map-tooltip';

const community = {
  properties: { id: 'c1', name: '滨江社区', nameEn: 'Binjiang', type: 'urban' },
} as unknown as CommunityFeature;
const facility = {
  properties: { id: 'f1', name: '滨江幼儿园', category: 'kindergarten' },
} as unknown as FacilityFeature;
/** One cell of 10 minutes covering [0, 0]–[1, 1]. */
const grid = {
  kind: 'travel-time',
  columns: 1,
  rows: 1,
  bbox: [0, 0, 1, 1],
  values: [10],
  categories: null,
} as unknown as HeatmapGrid;

function context(language: 'zh' | 'en', overrides: Partial<TooltipContext> = {}): TooltipContext {
  return {
    heatmap: null,
    clickForIsochrones: false,
    i18n: {
      language,
      t: (key, params) => translate(language, key, params),
      localName: (named) => (language === 'zh' ? named.nameZh : named.nameEn),
    },
    ...overrides,
  };
}

describe('tooltipText', () => {
  it('names a community with its type, in the interface language', () => {
    const pick = { layerId: DECK_LAYER_ID.communities, object: community, coordinate: null };
    expect(tooltipText(pick, context('zh'))).toMatch(/^滨江社区\n/);
    expect(tooltipText(pick, context('en'))).toMatch(/^Binjiang\n/);
  });

  it('names a facility with its category', () => {
    const pick = {
      layerId: DECK_LAYER_ID.facilities,
      object: { facility, position: [0, 0] },
      coordinate: null,
    };
    expect(tooltipText(pick, context('zh'))).toBe('滨江幼儿园\n幼儿园');
  });

  it('shows nothing over nothing, and the heat map’s figure where there is one', () => {
    expect(tooltipText({ layerId: null, object: null, coordinate: [0.5, 0.5] }, context('zh'))).toBeNull();
    const heat = tooltipText(
      { layerId: null, object: null, coordinate: [0.5, 0.5] },
      context('zh', { heatmap: grid }),
    );
    expect(heat).toContain('10');
  });

  it('does not name communities while clicks start isochrones', () => {
    const pick = { layerId: DECK_LAYER_ID.communities, object: community, coordinate: null };
    expect(tooltipText(pick, context('zh', { clickForIsochrones: true }))).toBeNull();
  });
});
