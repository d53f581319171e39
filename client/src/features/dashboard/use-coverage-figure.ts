/**
 * Loads the dashboard's coverage map: a heat-map grid (the life-circle completeness — categories
 * reached within their standard tiers — or one category's walking time, at the dashboard's speed)
 * and the region's streets, communities and water to draw it over. Separate from useDashboard so
 * the KPIs show while the grid is computed. The layers are the map screen's cached reads; the grid is
 * read per subject. With a scenario, the scenario's grid is read too and the figure shows the
 * difference against the baseline's.
 */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HeatmapQuery } from '../../lib/api';
import type { HeatmapGrid, RegionLayerName, RegionLayers } from '../../lib/api-types';
import { regionLayerRead, useHeatmapRead, useScenarioHeatmapRead } from '../../lib/reads';
import type { Judging } from '../../lib/judging';
import type { DashboardScenarioRef } from './use-dashboard-scenario';

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
  /** The baseline's grid, or the scenario's when one is compared. */
  grid: HeatmapGrid;
  /** The baseline's grid when a scenario is compared (the figure shows the difference); else null. */
  before: HeatmapGrid | null;
}

/** The grid request of a subject, at the judging's walking speed (and tiers, for completeness). */
export function coverageHeatmapQuery(subject: CoverageSubject, judging: Judging): HeatmapQuery {
  const common = {
    speedMetersPerSecond: judging.speedMetersPerSecond,
    cellMeters: DASHBOARD_HEATMAP_CELL_METERS,
  };
  return subject === 'completeness'
    ? { kind: 'completeness', ...common, tiers: judging.tiers }
    : { kind: 'travel-time', category: subject, maxMinutes: DASHBOARD_HEATMAP_MAX_MINUTES, ...common };
}

const OUTLINE_LAYERS = ['streets', 'communities', 'water'] as const;

/** The outlines once all three layers are in (a plain object, shared by the cache while unchanged). */
function outlinesOf(results: UseQueryResult<RegionLayers[RegionLayerName]>[]): {
  outlines: CoverageOutlines | null;
  failed: boolean;
} {
  const failed = results.some((result) => result.isError);
  const [streets, communities, water] = results.map((result) => result.data);
  return streets && communities && water
    ? {
        outlines: {
          streets: streets as RegionLayers['streets'],
          communities: communities as RegionLayers['communities'],
          water: water as RegionLayers['water'],
        },
        failed,
      }
    : { outlines: null, failed };
}

export function useCoverageFigure(
  regionId: string | null,
  subject: CoverageSubject,
  judging: Judging | null,
  scenario: DashboardScenarioRef | null = null,
): { data: CoverageFigureData | null; failed: boolean } {
  // The same reads as the map screen's layers: the app already holds them.
  const { outlines, failed: outlinesFailed } = useQueries({
    queries: regionId ? OUTLINE_LAYERS.map((layer) => regionLayerRead.options({ regionId, layer })) : [],
    combine: outlinesOf,
  });
  const grid = useHeatmapRead(
    regionId && judging ? { regionId, query: coverageHeatmapQuery(subject, judging) } : null,
  );
  const scenarioGrid = useScenarioHeatmapRead(
    regionId && judging && scenario
      ? {
          regionId,
          scenarioId: scenario.id,
          version: scenario.version,
          query: coverageHeatmapQuery(subject, judging),
        }
      : null,
  );
  const gridData = grid.data;
  const scenarioGridData = scenario ? scenarioGrid.data : null;
  // One object per loaded set, so the figure's drawing (a PNG encode) is not redone every render.
  const data = useMemo(() => {
    if (!outlines || !gridData) return null;
    if (scenario === null) return { ...outlines, grid: gridData, before: null };
    return scenarioGridData ? { ...outlines, grid: scenarioGridData, before: gridData } : null;
  }, [outlines, gridData, scenarioGridData, scenario]);
  return {
    data,
    failed: outlinesFailed || grid.error !== null || (scenario !== null && scenarioGrid.error !== null),
  };
}
