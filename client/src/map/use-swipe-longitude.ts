import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';

/**
 * The longitude under the comparison's swipe handle (at `fraction` of the map's width), kept up to
 * date as the map moves; null without a swipe. No rotation or pitch on this map: a vertical screen
 * line is a meridian.
 */
export function useSwipeLongitude(
  mapRef: RefObject<MapLibreMap | null>,
  styleReady: boolean,
  fraction: number | null,
): number | null {
  const [longitude, setLongitude] = useState<number | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || fraction === null) {
      setLongitude(null);
      return;
    }
    const update = () => {
      const canvas = map.getCanvas();
      setLongitude(map.unproject([fraction * canvas.clientWidth, canvas.clientHeight / 2]).lng);
    };
    update();
    map.on('move', update);
    map.on('resize', update);
    return () => {
      map.off('move', update);
      map.off('resize', update);
    };
  }, [mapRef, styleReady, fraction]);
  return longitude;
}
