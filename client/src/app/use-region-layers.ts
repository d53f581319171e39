import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { REGION_LAYER_NAMES, type RegionLayerName, type RegionLayers } from '../lib/api-types';
import { regionLayerRead } from '../lib/reads';

export interface RegionLayersState {
  /** The layers loaded so far; each appears as soon as it arrives. */
  data: Partial<RegionLayers>;
  /** Layers on their way (the first load, or again after an import dropped them). */
  pending: ReadonlySet<RegionLayerName>;
}

/** One state of every layer's query (in REGION_LAYER_NAMES order); TanStack Query reuses it while nothing changed. */
function combine(results: UseQueryResult<RegionLayers[RegionLayerName]>[]): RegionLayersState {
  const data: Partial<Record<RegionLayerName, RegionLayers[RegionLayerName]>> = {};
  const pending = new Set<RegionLayerName>();
  results.forEach((result, index) => {
    const layer = REGION_LAYER_NAMES[index];
    if (result.data !== undefined) data[layer] = result.data;
    if (result.isFetching) pending.add(layer);
  });
  return { data: data as Partial<RegionLayers>, pending };
}

/**
 * Every layer of a region, loaded in parallel through the cache (so the dashboard and the map share
 * them); failures are reported once by the cache. An import drops the region's reads, and the layers
 * load again.
 */
export function useRegionLayers(regionId: string | null): RegionLayersState {
  return useQueries({
    queries: regionId ? REGION_LAYER_NAMES.map((layer) => regionLayerRead.options({ regionId, layer })) : [],
    combine,
  });
}
