/**
 * The accessibility analysis as deck.gl layers: isochrone bands and radius outlines, origins, the
 * heat map as one image (built once per grid), and the uncovered units.
 */
import { useMemo } from 'react';
import { buildAccessibilityLayers } from './accessibility-layers';
import { gridToPixels, heatmapCellColour } from './heatmap-image';
import type { MapAnalysis } from './map-view-types';

export function useAnalysisLayers(analysis: MapAnalysis | null) {
  const heatmapGrid = analysis?.heatmap ?? null;
  const heatmapBitmap = useMemo(() => {
    if (!heatmapGrid || heatmapGrid.columns <= 0 || heatmapGrid.rows <= 0) return null;
    const pixels = gridToPixels(heatmapGrid, heatmapCellColour(heatmapGrid));
    return { image: new ImageData(pixels.data, pixels.width, pixels.height), bounds: heatmapGrid.bbox };
  }, [heatmapGrid]);
  const bands = analysis?.bands;
  const radii = analysis?.radiusOutlines;
  const origins = analysis?.origins;
  const uncovered = analysis?.uncoveredUnits;
  const layers = useMemo(
    () =>
      buildAccessibilityLayers({
        bands: bands ?? [],
        radiusOutlines: radii ?? [],
        origins: origins ?? [],
        heatmap: heatmapBitmap,
        uncoveredUnits: uncovered ?? [],
      }),
    [bands, radii, origins, uncovered, heatmapBitmap],
  );
  return {
    layers,
    heatmapBitmap,
    /** Bands or a heat map colour the map: the communities' own fill steps aside. */
    coloursMap: (bands?.length ?? 0) > 0 || heatmapBitmap !== null,
    /** Bands are drawn (the isochronesLoaded flag waits for them). */
    hasBands: (bands?.length ?? 0) > 0,
  };
}
