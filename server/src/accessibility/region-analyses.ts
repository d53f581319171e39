/**
 * The accessibility analyses of a region, on its cached walking model (region-models.ts), or of a
 * scenario, on its own (scenarios/scenario-accessibility.ts): isochrones and service radii, travel
 * times, coverage within each category's tier, heat maps, and the files their exports download.
 * Requests arrive validated by the contract; what only the region can tell (points inside it,
 * facility and node ids) is checked here. Each analysis reads an AccessibilityView: the region's
 * model (the `…Of(database, region, …)` functions) or a scenario's (the `…On(view, …)` functions).
 */

import type { z } from 'zod';
import type {
  coverageQuerySchema,
  heatmapQuerySchema,
  IsochroneBody,
  travelTimeBodySchema,
} from '../../../contract/accessibility-requests.js';
import type { ExportFormat } from '../../../contract/common.js';
import { regionGridFrame } from '../../../core/accessibility/cell-snap-grid.js';
import { computeCoverage, defaultTierTable } from '../../../core/accessibility/coverage.js';
import { computeCompletenessHeatmap, computeTravelTimeHeatmap } from '../../../core/accessibility/heatmap.js';
import { computeIsochrones, snappedOriginPositions } from '../../../core/accessibility/isochrones.js';
import { computeServiceRadii } from '../../../core/accessibility/service-radii.js';
import type {
  AccessibilityModel,
  IsochroneRequest,
  TierTable,
} from '../../../core/accessibility/accessibility-types.js';
import type { Position } from '../../../core/geometry/position.js';
import { shortestTravelSeconds, type DijkstraSource } from '../../../core/routing/dijkstra.js';
import { nodeIndexOf } from '../../../core/routing/graph.js';
import { snappedPointSources, snapToNetwork } from '../../../core/routing/snap.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { exportFile, type ExportFile } from '../export/feature-table.js';
import { layerGeoJson } from '../regions/region-store.js';
import {
  coverageFeatureCollection,
  heatmapFeatureCollection,
  isochroneCollection,
  type Heatmap,
} from './accessibility-responses.js';
import { checkPositions, facilityIndexes } from './region-checks.js';
import { regionAccessibility } from './region-models.js';

/** What an analysis runs on: a model and the extent its points are checked against. */
export interface AnalysisModel {
  regionId: string;
  model: AccessibilityModel;
  extent: readonly [number, number, number, number];
}

/** Most heat-map cells one request may ask for: ~10 MB of JSON; larger cells cover more ground. */
const MAX_HEATMAP_CELLS = 2_000_000;

export type CoverageQuery = z.output<typeof coverageQuerySchema>;
export type HeatmapQuery = Omit<z.output<typeof heatmapQuerySchema>, 'format'>;
export type TravelTimeBody = z.output<typeof travelTimeBodySchema>;

/** The default tier table with the request's overrides; categories without a tier stay null. */
function appliedTiers(overrides: Record<string, number>): TierTable {
  return { ...defaultTierTable(), ...overrides };
}

/** Isochrone bands (network walk) or service radii of a request, as the /isochrones answer. */
export async function isochronesOf(database: Database, region: string, body: IsochroneBody) {
  return isochronesOn(await regionAccessibility(database, region), body);
}

export function isochronesOn(on: AnalysisModel, body: IsochroneBody) {
  const { model, extent, regionId: region } = on;
  let origins: Position[];
  if (body.origins) {
    checkPositions(body.origins, extent, region, (index) => `origins[${index}]`);
    origins = body.origins;
  } else {
    origins = facilityIndexes(body.facilityIds!, model.facilityIndexById, region).map(
      (index) => model.facilities[index].position,
    );
  }
  const request: IsochroneRequest = {
    origins,
    minutes: body.minutes,
    speedMetersPerSecond: body.speedMetersPerSecond,
    mode: body.mode,
  };
  const options = { method: body.method, mode: body.mode, speedMetersPerSecond: body.speedMetersPerSecond };
  if (body.method === 'radius') {
    return isochroneCollection(computeServiceRadii(model, request), { ...options, origins });
  }
  const bands = computeIsochrones(model, request);
  return isochroneCollection(bands, { ...options, origins: snappedOriginPositions(model, origins) });
}

/** Walking seconds from a point (its walk onto the network counted) or a node to every node reached. */
export async function travelTimesOf(database: Database, region: string, body: TravelTimeBody) {
  return travelTimesOn(await regionAccessibility(database, region), body);
}

export function travelTimesOn(on: AnalysisModel, body: TravelTimeBody) {
  const { from, maxSeconds, speedMetersPerSecond } = body;
  const { model, extent, regionId: region } = on;
  const { graph } = model;
  let sources: DijkstraSource[];
  if (from.lonLat) {
    checkPositions([from.lonLat], extent, region, () => 'from.lonLat');
    const snapped = snapToNetwork(model.snapIndex, from.lonLat[0], from.lonLat[1])!;
    // The walk from the point to the network counts, as it does for isochrones.
    sources = snappedPointSources(graph, snapped, { speedMetersPerSecond, includeAccessWalk: true });
  } else {
    const nodeIndex = nodeIndexOf(graph, from.node!);
    if (nodeIndex < 0)
      throw new DomainError('region.unknown-node', {
        field: 'from.node',
        regionId: region,
        node: from.node!,
      });
    sources = [{ nodeIndex, initialSeconds: 0 }];
  }
  // The workspace's array is overwritten by the next search: read it out before any await.
  const secondsByNode = shortestTravelSeconds(
    graph,
    sources,
    { speedMetersPerSecond, maxSeconds },
    model.workspace,
  );
  const seconds: Record<string, number> = {};
  for (let node = 0; node < graph.nodeCount; node += 1) {
    if (secondsByNode[node] !== Infinity) seconds[String(graph.nodeIds[node])] = secondsByNode[node];
  }
  return { seconds, speedMetersPerSecond, maxSeconds };
}

/** Coverage of every category within its tier, region-wide and per community, with the tiers used. */
export async function coverageOf(database: Database, region: string, query: CoverageQuery) {
  return coverageOn(await regionAccessibility(database, region), query);
}

export function coverageOn(on: AnalysisModel, query: CoverageQuery) {
  const { model } = on;
  const tiers = appliedTiers(query.tiers);
  const asked = query.categories ? new Set<string>(query.categories) : null;
  const computed = asked
    ? Object.fromEntries(Object.entries(tiers).filter(([category]) => asked.has(category)))
    : tiers;
  return {
    ...computeCoverage(model, { tiers: computed, speedMetersPerSecond: query.speedMetersPerSecond }),
    tiers,
  };
}

/** A heat map of a validated query; refuses a grid too large to send before computing it. */
export async function heatmapOf(database: Database, region: string, query: HeatmapQuery): Promise<Heatmap> {
  return heatmapOn(await regionAccessibility(database, region), query);
}

export function heatmapOn(on: AnalysisModel, query: HeatmapQuery): Heatmap {
  const { model, regionId: region } = on;
  const { speedMetersPerSecond, cellMeters } = query;
  const frame = regionGridFrame(model, cellMeters);
  if (frame.columns * frame.rows > MAX_HEATMAP_CELLS) {
    throw new DomainError('region.heatmap-too-large', {
      cellMeters,
      regionId: region,
      columns: frame.columns,
      rows: frame.rows,
      maxCells: MAX_HEATMAP_CELLS,
    });
  }
  if (query.kind === 'travel-time') {
    const heatmap = computeTravelTimeHeatmap(model, {
      category: query.category!,
      speedMetersPerSecond,
      cellMeters,
      maxMinutes: query.maxMinutes,
    });
    return { kind: 'travel-time', heatmap };
  }
  const tiers = appliedTiers(query.tiers);
  const heatmap = computeCompletenessHeatmap(model, { tiers, speedMetersPerSecond, cellMeters });
  // The longest tier counted: no cell's count depends on walks beyond it.
  const maxMinutes = Math.max(0, ...heatmap.categories.map((category) => tiers[category] ?? 0));
  return { kind: 'completeness', heatmap, maxMinutes, tiers };
}

/** The isochrones of a request as a file. */
export async function isochronesExportFile(
  database: Database,
  region: string,
  body: IsochroneBody,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportFile(await isochronesOf(database, region, body), format, `${region}-isochrones`);
}

/** Coverage per community (its polygon, residents and every category's covered share) as a file. */
export async function coverageExportFile(
  database: Database,
  region: string,
  query: CoverageQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const coverage = await coverageOf(database, region, query);
  const communities = JSON.parse(await layerGeoJson(database, region, 'communities'));
  return exportFile(coverageFeatureCollection(coverage, communities), format, `${region}-coverage`);
}

/** A heat map's cells with a value as polygons, as a file. */
export async function heatmapExportFile(
  database: Database,
  region: string,
  query: HeatmapQuery & { format: ExportFormat },
): Promise<ExportFile> {
  const result = await heatmapOf(database, region, query);
  const name = `${region}-heatmap-${result.kind === 'travel-time' ? result.heatmap.category : 'completeness'}-${query.cellMeters}m`;
  return exportFile(heatmapFeatureCollection(result), query.format, name);
}
