import { zValidator } from '@hono/zod-validator';
import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { regionGridFrame } from '../../../core/accessibility/cell-snap-grid.js';
import { computeCoverage, defaultTierTable } from '../../../core/accessibility/coverage.js';
import { computeCompletenessHeatmap, computeTravelTimeHeatmap } from '../../../core/accessibility/heatmap.js';
import { computeIsochrones, snappedOriginPositions } from '../../../core/accessibility/isochrones.js';
import { computeServiceRadii } from '../../../core/accessibility/service-radii.js';
import type { IsochroneRequest, TierTable } from '../../../core/accessibility/accessibility-types.js';
import type { Position } from '../../../core/geometry/grid-outline.js';
import { shortestTravelSeconds, type DijkstraSource } from '../../../core/routing/dijkstra.js';
import { nodeIndexOf } from '../../../core/routing/graph.js';
import { snappedPointSources, snapToNetwork } from '../../../core/routing/snap.js';
import {
  badAccessibilityRequest,
  checkPositions,
  coverageQuerySchema,
  facilityIndexes,
  heatmapQuerySchema,
  isochroneBodySchema,
  travelTimeBodySchema,
} from '../accessibility/accessibility-requests.js';
import {
  heatmapFeatureCollection,
  heatmapGrid,
  isochroneCollection,
  type Heatmap,
} from '../accessibility/accessibility-responses.js';
import { regionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';

const regionParams = z.object({ region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a region id') });

/** Most heat-map cells one request may ask for: ~10 MB of JSON; larger cells cover more ground. */
const MAX_HEATMAP_CELLS = 2_000_000;

/** POST bodies must be JSON: without the header the validator would see an empty object. */
const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type.split(';')[0].trim())) {
    throw new HTTPException(400, { message: `send the body as JSON with "Content-Type: application/json" (got "${type || 'none'}")` });
  }
  await next();
};

/** The default tier table with the request's overrides; categories without a tier stay null. */
function appliedTiers(overrides: Record<string, number>): TierTable {
  return { ...defaultTierTable(), ...overrides };
}

/**
 * Walking accessibility of a region: isochrones and service radii, travel times from a point or
 * node, coverage of each facility category within its tier, and heat maps. Each route validates,
 * takes the region's cached model (region-models.ts), calls core and shapes JSON.
 */
export function accessibilityRoutes(database: Database) {
  return new Hono()
    .post(
      '/:region/isochrones',
      zValidator('param', regionParams, badAccessibilityRequest),
      requireJsonBody,
      zValidator('json', isochroneBodySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const body = c.req.valid('json');
        const { model, extent } = await regionAccessibility(database, region);
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
          return c.json(isochroneCollection(computeServiceRadii(model, request), { ...options, origins }));
        }
        const bands = computeIsochrones(model, request);
        return c.json(isochroneCollection(bands, { ...options, origins: snappedOriginPositions(model, origins) }));
      },
    )
    .post(
      '/:region/travel-times',
      zValidator('param', regionParams, badAccessibilityRequest),
      requireJsonBody,
      zValidator('json', travelTimeBodySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const { from, maxSeconds, speedMetersPerSecond } = c.req.valid('json');
        const { model, extent } = await regionAccessibility(database, region);
        const { graph } = model;
        let sources: DijkstraSource[];
        if (from.lonLat) {
          checkPositions([from.lonLat], extent, region, () => 'from.lonLat');
          const snapped = snapToNetwork(model.snapIndex, from.lonLat[0], from.lonLat[1])!;
          // The walk from the point to the network counts, as it does for isochrones.
          sources = snappedPointSources(graph, snapped, { speedMetersPerSecond, includeAccessWalk: true });
        } else {
          const nodeIndex = nodeIndexOf(graph, from.node!);
          if (nodeIndex < 0) {
            throw new HTTPException(400, { message: `from.node: the network of region "${region}" has no node ${from.node}` });
          }
          sources = [{ nodeIndex, initialSeconds: 0 }];
        }
        // The workspace's array is overwritten by the next search: read it out before any await.
        const secondsByNode = shortestTravelSeconds(graph, sources, { speedMetersPerSecond, maxSeconds }, model.workspace);
        const seconds: Record<string, number> = {};
        for (let node = 0; node < graph.nodeCount; node += 1) {
          if (secondsByNode[node] !== Infinity) seconds[String(graph.nodeIds[node])] = secondsByNode[node];
        }
        return c.json({ seconds, speedMetersPerSecond, maxSeconds });
      },
    )
    .get(
      '/:region/coverage',
      zValidator('param', regionParams, badAccessibilityRequest),
      zValidator('query', coverageQuerySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const { speedMetersPerSecond, tiers: overrides } = c.req.valid('query');
        const { model } = await regionAccessibility(database, region);
        const tiers = appliedTiers(overrides);
        return c.json({ ...computeCoverage(model, { tiers, speedMetersPerSecond }), tiers });
      },
    )
    .get(
      '/:region/heatmap',
      zValidator('param', regionParams, badAccessibilityRequest),
      zValidator('query', heatmapQuerySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const query = c.req.valid('query');
        const { model } = await regionAccessibility(database, region);
        const { speedMetersPerSecond, cellMeters } = query;

        // Refuse a grid too large to send before computing it.
        const frame = regionGridFrame(model, cellMeters);
        if (frame.columns * frame.rows > MAX_HEATMAP_CELLS) {
          throw new HTTPException(400, {
            message: `cellMeters: ${cellMeters} m cells over region "${region}" make ${frame.columns} × ${frame.rows} cells, more than ${MAX_HEATMAP_CELLS}; choose larger cells`,
          });
        }

        let result: Heatmap;
        if (query.kind === 'travel-time') {
          const heatmap = computeTravelTimeHeatmap(model, {
            category: query.category!,
            speedMetersPerSecond,
            cellMeters,
            maxMinutes: query.maxMinutes,
          });
          result = { kind: 'travel-time', heatmap };
        } else {
          const tiers = appliedTiers(query.tiers);
          const heatmap = computeCompletenessHeatmap(model, { tiers, speedMetersPerSecond, cellMeters });
          // The longest tier counted: no cell's count depends on walks beyond it.
          const maxMinutes = Math.max(0, ...heatmap.categories.map((category) => tiers[category] ?? 0));
          result = { kind: 'completeness', heatmap, maxMinutes, tiers };
        }
        return query.format === 'geojson'
          ? c.json(heatmapFeatureCollection(result))
          : c.json(heatmapGrid(result));
      },
    );
}
