import { useEffect, useState } from 'react';
import { fetchRegionLayer } from '../lib/api';
import { REGION_LAYER_NAMES, type RegionLayerName, type RegionLayers } from '../lib/api-types';
import { reportError } from '../lib/notices';

export interface RegionLayersState {
  /** The layers loaded so far; each appears as soon as it arrives. */
  data: Partial<RegionLayers>;
  /** Layers still on their way. */
  pending: ReadonlySet<RegionLayerName>;
}

const NOTHING: RegionLayersState = { data: {}, pending: new Set() };

/**
 * Load every layer of a region in parallel; failures are reported once through lib/notices.
 * A new `version` loads them again (after an import has written to the region).
 */
export function useRegionLayers(regionId: string | null, version = 0): RegionLayersState {
  const [state, setState] = useState<RegionLayersState>(NOTHING);
  useEffect(() => {
    if (!regionId) {
      setState(NOTHING);
      return;
    }
    const controller = new AbortController();
    setState({ data: {}, pending: new Set(REGION_LAYER_NAMES) });
    for (const layer of REGION_LAYER_NAMES) {
      void fetchRegionLayer(regionId, layer, controller.signal).then((result) => {
        if (controller.signal.aborted) return;
        if (!result.ok) reportError(result.error);
        setState((previous) => {
          const pending = new Set(previous.pending);
          pending.delete(layer);
          return {
            data: result.ok ? { ...previous.data, [layer]: result.data } : previous.data,
            pending,
          };
        });
      });
    }
    return () => controller.abort();
  }, [regionId, version]);
  return state;
}
