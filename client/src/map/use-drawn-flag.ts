import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';

/** The flags end-to-end tests wait for (tests/support/e2e-harness.ts waitForDrawn). */
export type DrawnFlag = 'communitiesLoaded' | 'otherSideLoaded' | 'isochronesLoaded' | 'heatmapLoaded';

/**
 * Sets `<html data-{flag}="true">` once `drawn` (any non-null value) is on screen and the map is
 * idle, and removes it whenever `drawn` changes, so end-to-end tests wait for what they read.
 */
export function useDrawnFlag(
  mapRef: RefObject<MapLibreMap | null>,
  styleReady: boolean,
  drawn: unknown,
  flag: DrawnFlag,
): void {
  useEffect(() => {
    const map = mapRef.current;
    const root = document.documentElement;
    delete root.dataset[flag];
    if (!map || !styleReady || drawn === null) return;
    let cancelled = false;
    const markLoaded = () => {
      // Two frames: deck.gl draws its overlay on the frame after MapLibre's render.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!cancelled) root.dataset[flag] = 'true';
        }),
      );
    };
    map.once('idle', markLoaded);
    map.triggerRepaint();
    return () => {
      cancelled = true;
      map.off('idle', markLoaded);
    };
  }, [mapRef, styleReady, drawn, flag]);
}
