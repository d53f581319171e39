/**
 * What the map draws for the accessibility panel's current view: isochrone bands of the chosen
 * method (radius outlines over network bands when comparing) and the origin, or the heat map with
 * the uncovered units of its category. Stable objects, so the map rebuilds layers only on change.
 */
import { useMemo } from 'react';
import type { AccessBandFeature, RegionLayers } from '../../lib/api-types';
import type { BandFill } from '../../map/accessibility-layers';
import type { MapAnalysis } from '../../map/map-view-types';
import { bandRows } from './band-rows';
import { uncoveredUnits } from './coverage-rows';
import type { AccessibilityState } from './use-accessibility';

const NO_BANDS: readonly BandFill[] = [];
const NO_FEATURES: readonly AccessBandFeature[] = [];

function bandFills(features: readonly AccessBandFeature[]): BandFill[] {
  const colours = new Map(bandRows(features).map((row) => [row.minutes, row.colour]));
  return features.map((feature) => ({
    feature,
    colour: colours.get(feature.properties.minutes) ?? [0, 0, 0],
  }));
}

export function useMapAnalysis(
  state: AccessibilityState,
  data: Partial<RegionLayers>,
  active: boolean,
): MapAnalysis | null {
  const { view, method, origin, isochrones, heatmap, coverage, subject, showUncovered } = state;
  const filledFeatures = method === 'radius' ? isochrones.radius?.features : isochrones.network?.features;
  const bands = useMemo(() => (filledFeatures ? bandFills(filledFeatures) : NO_BANDS), [filledFeatures]);
  const radiusFeatures = isochrones.radius?.features;
  const radiusOutlines = method === 'compare' && radiusFeatures ? radiusFeatures : NO_FEATURES;
  const origins = useMemo(() => (origin ? [origin.position] : []), [origin]);
  const category = subject && subject !== 'completeness' ? subject : null;
  const units = data.units?.features;
  const uncovered = useMemo(
    () =>
      showUncovered && coverage.result && category && units
        ? uncoveredUnits(coverage.result, category, units).units
        : [],
    [showUncovered, coverage.result, category, units],
  );

  return useMemo(() => {
    if (!active) return null;
    if (view === 'isochrones') {
      return {
        clickForIsochrones: true,
        bands,
        radiusOutlines,
        origins,
        heatmap: null,
        uncoveredUnits: [],
        facilityCategory: null,
      };
    }
    return {
      clickForIsochrones: false,
      bands: NO_BANDS,
      radiusOutlines: NO_FEATURES,
      origins: [],
      heatmap: heatmap.grid,
      uncoveredUnits: uncovered,
      facilityCategory: category,
    };
  }, [active, view, bands, radiusOutlines, origins, heatmap.grid, uncovered, category]);
}
