import { describe, expect, it } from 'vitest';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import { emptyRegionCheck } from './region-check.js';
import { layerChangeOf } from './scenario-impact.js';

const unit = (index: number, id: string): ImportFeature => ({
  index,
  location: `row ${index + 2}`,
  id,
  geometry: { type: 'Point', coordinates: [110, 28] },
  properties: { id, communityId: null },
  hasErrors: false,
});

describe('layerChangeOf', () => {
  it('gives the scenario planner the units with their derived community and point on surface', () => {
    const check = emptyRegionCheck();
    check.patches.set(0, { communityId: 'c-1', pointOnSurface: [110.1, 28.2] });
    const change = layerChangeOf('units', true, [unit(0, 'u-a'), unit(1, 'u-b')], check);
    expect(change).toEqual({
      layer: 'units',
      replace: true,
      units: new Map([
        ['u-a', { communityId: 'c-1', lon: 110.1, lat: 28.2 }],
        ['u-b', { communityId: 'null', lon: 0, lat: 0 }],
      ]),
    });
  });

  it('gives the re-homing of a replaced parent layer, and nothing more for facilities and the network', () => {
    const check = emptyRegionCheck();
    check.unitRehoming = [{ childId: 'u-1', to: 'c-new' }];
    check.communityRehoming = [{ childId: 'c-1', to: 's-new' }];
    check.scenarioCommunityStreets = new Map([['sc/c-9', 's-new']]);
    expect(layerChangeOf('communities', true, [], check)).toEqual({
      layer: 'communities',
      replace: true,
      unitCommunities: new Map([['u-1', 'c-new']]),
    });
    expect(layerChangeOf('streets', true, [], check)).toEqual({
      layer: 'streets',
      replace: true,
      communityStreets: new Map([['c-1', 's-new']]),
      scenarioCommunityStreets: new Map([['sc/c-9', 's-new']]),
    });
    expect(layerChangeOf('network', true, [], check)).toEqual({ layer: 'network', replace: true });
    expect(layerChangeOf('facilities', false, [], check)).toEqual({ layer: 'facilities', replace: false });
  });
});
