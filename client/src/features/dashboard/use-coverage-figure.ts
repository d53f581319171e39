/**
 * Loads the dashboard's coverage map: a heat-map grid (the life-circle completeness — categories
 * reached within their standard tiers — or one category's walking time, at the dashboard's speed)
 * and the region's streets, communities and water to draw it over. Separate from useDashboard so
 * the KPIs show while the grid is computed; the layers are loaded once per region, the grid again
 * per subject.
 */
import { useEffect, useMemo, useState } from 'react';
import { fetchHeatmap, fetchRegionLayer, type HeatmapQuery } from '../../lib/api';
import type { HeatmapGrid, RegionLayers } from '../../lib/api-types';
import { reportError } from '../../lib/notices';
import { DASHBOARD_SPEED_METERS_PER_SECOND } from './use-dashboard';

/** Cell size of the dashboard's grid: 100 m reads clearly at A4 scale and is quick to compute. */
export const DASHBOARD_HEATMAP_CELL_METERS = 100;
/** Travel-time maps: cells farther than this walk stay blank (as on the map screen). */
export const DASHBOARD_HEATMAP_MAX_MINUTES = 60;

/** `completeness`, or a facility category whose walking time is mapped. */
export type CoverageSubject = 'completeness' | (string & {});

export interface CoverageOutlines {
  streets: RegionLayers['streets'];
  communities: RegionLayers['communities'];
  water: RegionLayers['water'];
}

export interface CoverageFigureData extends CoverageOutlines {
  grid: HeatmapGrid;
}

/** The grid request of a subject. */
export function coverageHeatmapQuery(subject: CoverageSubject): HeatmapQuery {
  const common = {
    speedMetersPerSecond: DASHBOARD_SPEED_METERS_PER_SECOND,
    cellMeters: DASHBOARD_HEATMAP_CELL_METERS,
  };
  return subject === 'completeness'
    ? { kind: 'completeness', ...common }
    : { kind: 'travel-time', category: subject, maxMinutes: DASHBOARD_HEATMAP_MAX_MINUTES, ...common };
}

export function useCoverageFigure(
  regionId: string | null,
  subject: CoverageSubject,
): { data: CoverageFigureData | null; failed: boolean } {
  const [outlines, setOutlines] = useState<{ key: string; data: CoverageOutlines | null; failed: boolean }>({
    key: '',
    data: null,
    failed: false,
  });
  const [grid, setGrid] = useState<{ key: string; data: HeatmapGrid | null; failed: boolean }>({
    key: '',
    data: null,
    failed: false,
  });
  const outlinesKey = regionId ?? '';
  const gridKey = `${regionId}|${subject}`;

  useEffect(() => {
    if (!regionId) return;
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      const [streets, communities, water] = await Promise.all([
        fetchRegionLayer(regionId, 'streets', signal),
        fetchRegionLayer(regionId, 'communities', signal),
        fetchRegionLayer(regionId, 'water', signal),
      ]);
      if (signal.aborted) return;
      if (!streets.ok || !communities.ok || !water.ok) {
        for (const answer of [streets, communities, water])
          if (!answer.ok && !answer.error.aborted) reportError(answer.error);
        setOutlines({ key: outlinesKey, data: null, failed: true });
        return;
      }
      setOutlines({
        key: outlinesKey,
        data: { streets: streets.data, communities: communities.data, water: water.data },
        failed: false,
      });
    })();
    return () => controller.abort();
  }, [regionId, outlinesKey]);

  useEffect(() => {
    if (!regionId) return;
    const controller = new AbortController();
    void fetchHeatmap(regionId, coverageHeatmapQuery(subject), controller.signal).then((answer) => {
      if (controller.signal.aborted) return;
      if (!answer.ok) {
        if (!answer.error.aborted) reportError(answer.error);
        setGrid({ key: gridKey, data: null, failed: true });
        return;
      }
      setGrid({ key: gridKey, data: answer.data, failed: false });
    });
    return () => controller.abort();
  }, [regionId, subject, gridKey]);

  const outlinesData = outlines.key === outlinesKey ? outlines.data : null;
  const gridData = grid.key === gridKey ? grid.data : null;
  const failed = (outlines.key === outlinesKey && outlines.failed) || (grid.key === gridKey && grid.failed);
  // One object per loaded pair, so the figure's drawing (a PNG encode) is not redone every render.
  const data = useMemo(
    () => (outlinesData && gridData ? { ...outlinesData, grid: gridData } : null),
    [outlinesData, gridData],
  );
  return { data, failed };
}
