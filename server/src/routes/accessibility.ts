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
import type { Position } from '../../../core/geometry/position.js';
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
  type IsochroneBody,
} from '../accessibility/accessibility-requests.js';
import {
  coverageFeatureCollection,
  heatmapFeatureCollection,
  heatmapGrid,
  isochroneCollection,
  type Heatmap,
} from '../accessibility/accessibility-responses.js';
import { regionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';
import { COMMUNITIES_GEOJSON } from '../db/sql/layers.sql.js';
import { exportDownload, exportFormatSchema, exportQuerySchema } from '../export/feature-table.js';
import { csvFileSchema, DATABASE_UNAVAILABLE, shapefileZipSchema } from '../openapi/common-schemas.js';
import { registerOperations } from '../openapi/operation-registry.js';
import {
  coverageExportCollectionSchema,
  coverageSchema,
  heatmapCollectionSchema,
  heatmapSchema,
  isochroneCollectionSchema,
  travelTimesSchema,
} from './accessibility-response-schemas.js';

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

/** Isochrone bands (network walk) or service radii of a request, as the /isochrones answer. */
async function isochronesOf(database: Database, region: string, body: IsochroneBody) {
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
    return isochroneCollection(computeServiceRadii(model, request), { ...options, origins });
  }
  const bands = computeIsochrones(model, request);
  return isochroneCollection(bands, { ...options, origins: snappedOriginPositions(model, origins) });
}

/** Coverage of every category within its tier, region-wide and per community, with the tiers used. */
async function coverageOf(database: Database, region: string, query: z.output<typeof coverageQuerySchema>) {
  const { model } = await regionAccessibility(database, region);
  const tiers = appliedTiers(query.tiers);
  return { ...computeCoverage(model, { tiers, speedMetersPerSecond: query.speedMetersPerSecond }), tiers };
}

/** A heat map of a validated query; refuses (400) a grid too large to send before computing it. */
async function heatmapOf(
  database: Database,
  region: string,
  query: Omit<z.output<typeof heatmapQuerySchema>, 'format'>,
): Promise<Heatmap> {
  const { model } = await regionAccessibility(database, region);
  const { speedMetersPerSecond, cellMeters } = query;
  const frame = regionGridFrame(model, cellMeters);
  if (frame.columns * frame.rows > MAX_HEATMAP_CELLS) {
    throw new HTTPException(400, {
      message: `cellMeters: ${cellMeters} m cells over region "${region}" make ${frame.columns} × ${frame.rows} cells, more than ${MAX_HEATMAP_CELLS}; choose larger cells`,
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

/** The heat-map query with an export format in place of grid|geojson; the same checks otherwise. */
const heatmapExportQuerySchema = z
  .object({ ...heatmapQuerySchema.shape, format: exportFormatSchema })
  .superRefine((query, context) => {
    if (query.kind === 'travel-time' && query.category === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'a travel-time heat map needs a facility category',
      });
    }
  });

const coverageExportQuerySchema = coverageQuerySchema.extend({ format: exportFormatSchema });

/** Every accessibility operation reads its region's walking model: these are its refusals. */
const accessibilityErrors = {
  400: 'A path, query or body field is refused (named in `error`): malformed, out of range, or outside the region',
  404: 'No such region',
  409: 'The region has no walking network to analyse',
  503: DATABASE_UNAVAILABLE,
};
const download = (collection: z.ZodType) => ({
  description: 'An attachment by `format`: .geojson, .csv (UTF-8 with BOM) or .zip Shapefile (WGS 84, UTF-8 .cpg)',
  content: {
    'application/geo+json': collection,
    'text/csv': csvFileSchema,
    'application/zip': shapefileZipSchema,
  },
});
registerOperations(
  {
    method: 'post',
    path: '/api/regions/:region/isochrones',
    tag: 'accessibility',
    summary: 'Walking isochrones (network) or service radii from points or facilities, with the residents inside each band',
    params: regionParams,
    body: isochroneBodySchema,
    response: {
      description: 'One MultiPolygon feature per band (an RFC 7946 FeatureCollection with the parameters beside `features`)',
      content: { 'application/json': isochroneCollectionSchema },
    },
    errors: accessibilityErrors,
  },
  {
    method: 'post',
    path: '/api/regions/:region/isochrones/export',
    tag: 'exports',
    summary: 'Download isochrones (the same body as /isochrones): one feature or row per band with minutes, residents, households, elderly and area',
    params: regionParams,
    query: exportQuerySchema,
    body: isochroneBodySchema,
    response: download(isochroneCollectionSchema),
    errors: accessibilityErrors,
  },
  {
    method: 'post',
    path: '/api/regions/:region/travel-times',
    tag: 'accessibility',
    summary: 'Walking seconds from a point or network node to every node reached',
    params: regionParams,
    body: travelTimeBodySchema,
    response: {
      description: 'Seconds by node id, with the speed and cutoff used',
      content: { 'application/json': travelTimesSchema },
    },
    errors: accessibilityErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/coverage',
    tag: 'accessibility',
    summary: 'Residents within each category\'s tier of walking, region-wide and per community',
    params: regionParams,
    query: coverageQuerySchema,
    response: {
      description: 'Coverage by category, per community, and uncovered units',
      content: { 'application/json': coverageSchema },
    },
    errors: accessibilityErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/coverage/export',
    tag: 'exports',
    summary: 'Download coverage per community: residents and every category\'s covered share (geometry: the community)',
    params: regionParams,
    query: coverageExportQuerySchema,
    response: download(coverageExportCollectionSchema),
    errors: accessibilityErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/heatmap',
    tag: 'accessibility',
    summary: 'A heat map: walking minutes to the nearest facility of a category, or categories reached within their tiers',
    params: regionParams,
    query: heatmapQuerySchema,
    response: {
      description: 'A row-major grid (format=grid) or cell polygons (format=geojson), of the kind asked for',
      content: { 'application/json': heatmapSchema },
    },
    errors: accessibilityErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/heatmap/export',
    tag: 'exports',
    summary: 'Download a heat map as cell polygons with their minutes (or categories reached)',
    params: regionParams,
    query: heatmapExportQuerySchema,
    response: download(heatmapCollectionSchema),
    errors: accessibilityErrors,
  },
);

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
      async (c) => c.json(await isochronesOf(database, c.req.valid('param').region, c.req.valid('json'))),
    )
    .post(
      '/:region/isochrones/export',
      zValidator('param', regionParams, badAccessibilityRequest),
      zValidator('query', exportQuerySchema, badAccessibilityRequest),
      requireJsonBody,
      zValidator('json', isochroneBodySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const collection = await isochronesOf(database, region, c.req.valid('json'));
        return exportDownload(collection, c.req.valid('query').format, `${region}-isochrones`);
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
      async (c) => c.json(await coverageOf(database, c.req.valid('param').region, c.req.valid('query'))),
    )
    .get(
      '/:region/coverage/export',
      zValidator('param', regionParams, badAccessibilityRequest),
      zValidator('query', coverageExportQuerySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const query = c.req.valid('query');
        const coverage = await coverageOf(database, region, query);
        const { rows } = await database.query<{ collection: string }>(COMMUNITIES_GEOJSON, [region, null]);
        const collection = coverageFeatureCollection(coverage, JSON.parse(rows[0].collection));
        return exportDownload(collection, query.format, `${region}-coverage`);
      },
    )
    .get(
      '/:region/heatmap',
      zValidator('param', regionParams, badAccessibilityRequest),
      zValidator('query', heatmapQuerySchema, badAccessibilityRequest),
      async (c) => {
        const query = c.req.valid('query');
        const result = await heatmapOf(database, c.req.valid('param').region, query);
        return query.format === 'geojson' ? c.json(heatmapFeatureCollection(result)) : c.json(heatmapGrid(result));
      },
    )
    .get(
      '/:region/heatmap/export',
      zValidator('param', regionParams, badAccessibilityRequest),
      zValidator('query', heatmapExportQuerySchema, badAccessibilityRequest),
      async (c) => {
        const { region } = c.req.valid('param');
        const query = c.req.valid('query');
        const result = await heatmapOf(database, region, query);
        const name = `${region}-heatmap-${result.kind === 'travel-time' ? result.heatmap.category : 'completeness'}-${query.cellMeters}m`;
        return exportDownload(heatmapFeatureCollection(result), query.format, name);
      },
    );
}
