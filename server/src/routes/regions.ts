import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { LAYER_GEOJSON, type LayerName } from '../db/sql/layers.sql.js';
import { LIST_REGIONS_WITH_BBOX, REGION_EXISTS } from '../db/sql/regions.sql.js';
import { DEFAULT_STANDARDS_PROFILE, type StandardsProfileId } from '../../../core/standards/profiles.js';
import { exportDownload, exportFormatSchema } from '../export/feature-table.js';
import { csvFileSchema, DATABASE_UNAVAILABLE, shapefileZipSchema } from '../openapi/common-schemas.js';
import { registerOperations } from '../openapi/operation-registry.js';
import { layerCollectionSchema, regionListSchema, regionSchema } from './regions-response-schemas.js';
import { communitiesExportCollectionSchema } from './scenarios-response-schemas.js';
import { profileQuery } from '../scenarios/edit-schema.js';
import { baselineExportResponse } from './scenarios.js';
import { badRequestOnInvalid } from './validation.js';

interface RegionRow {
  id: string;
  name: string;
  nameEn: string | null;
  synthetic: boolean;
  metricSrid: number;
  attribution: string | null;
  profile: StandardsProfileId;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
}

const LAYER_NAMES = Object.keys(LAYER_GEOJSON) as LayerName[];

const regionParams = z.object({ region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a region id') });
const layerParams = regionParams.extend({ layer: z.enum(LAYER_NAMES as [LayerName, ...LayerName[]]) });
/** Only the whitelisted layer names match the route; any other path falls through to a JSON 404. */
// A non-capturing group: a bare alternation would leak into Hono's combined router pattern and let
// `/demo/anything/communities` match once other routers are mounted beside this one.
const LAYER_ROUTE = `/:region/:layer{(?:${LAYER_NAMES.join('|')})}`;

/** `bbox=west,south,east,north` in degrees, west < east and south < north. */
const bboxQuery = z.object({
  bbox: z
    .string()
    .transform((value, context) => {
      const parts = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
      const [west, south, east, north] = parts;
      const valid =
        parts.length === 4 &&
        parts.every(Number.isFinite) &&
        west >= -180 && east <= 180 && south >= -90 && north <= 90 &&
        west < east && south < north;
      if (!valid) {
        context.addIssue({
          code: 'custom',
          message: `bbox must be "west,south,east,north" in degrees with west < east and south < north, got "${value}"`,
        });
        return z.NEVER;
      }
      return parts;
    })
    .optional(),
});

/** `format` of a layer export; `profile` judges the communities' metrics (communities only). */
const layerExportQuery = profileQuery.extend({ format: exportFormatSchema });

const regionErrors = {
  400: 'A path or query field is malformed (named in `error`)',
  404: 'No such region',
  503: DATABASE_UNAVAILABLE,
};

registerOperations(
  {
    method: 'get',
    path: '/api/regions',
    tag: 'regions',
    summary: 'The loaded regions with their bounding boxes',
    response: { description: 'A list of regions', content: { 'application/json': regionListSchema } },
    errors: { 503: DATABASE_UNAVAILABLE },
  },
  {
    method: 'get',
    path: '/api/regions/:region',
    tag: 'regions',
    summary: 'One region',
    params: regionParams,
    response: {
      description: 'The region: id, names, bbox, metric SRID, attribution, standards profile',
      content: { 'application/json': regionSchema },
    },
    errors: regionErrors,
  },
  {
    method: 'get',
    path: `/api/regions${LAYER_ROUTE}`,
    tag: 'regions',
    summary: `A layer of the region (${LAYER_NAMES.join(', ')}) as GeoJSON, optionally within a bbox`,
    params: layerParams,
    query: bboxQuery,
    response: {
      description: "An RFC 7946 FeatureCollection of the layer's features (properties by layer)",
      content: { 'application/geo+json': layerCollectionSchema },
    },
    errors: regionErrors,
  },
  {
    method: 'get',
    path: `/api/regions${LAYER_ROUTE}/export`,
    tag: 'exports',
    summary:
      'Download a layer as GeoJSON, CSV (UTF-8 with BOM) or a zipped Shapefile (WGS 84, UTF-8 .cpg); communities come with their baseline metrics and coverage shares',
    params: layerParams,
    query: layerExportQuery,
    response: {
      description: 'An attachment: .geojson, .csv or .zip (.shp/.shx/.dbf/.prj/.cpg), by `format`',
      content: {
        'application/geo+json': z.union([...layerCollectionSchema.options, communitiesExportCollectionSchema]),
        'text/csv': csvFileSchema,
        'application/zip': shapefileZipSchema,
      },
    },
    errors: regionErrors,
  },
);

function toRegion(row: RegionRow) {
  const bbox = row.west === null ? null : [row.west, row.south, row.east, row.north];
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    bbox,
    synthetic: row.synthetic,
    metricSrid: row.metricSrid,
    attribution: row.attribution,
    profile: row.profile,
  };
}

/** Regions and their layers as GeoJSON FeatureCollections. */
export function regionRoutes(database: Database) {
  const requireRegion = async (regionId: string) => {
    const { rows } = await database.query(REGION_EXISTS, [regionId]);
    if (rows.length === 0) throw new HTTPException(404, { message: `no region "${regionId}"` });
  };

  return new Hono()
    .get('/', async (c) => {
      const { rows } = await database.query<RegionRow>(LIST_REGIONS_WITH_BBOX, [null]);
      return c.json(rows.map(toRegion));
    })
    .get('/:region', zValidator('param', regionParams, badRequestOnInvalid), async (c) => {
      const { region } = c.req.valid('param');
      const { rows } = await database.query<RegionRow>(LIST_REGIONS_WITH_BBOX, [region]);
      if (rows.length === 0) throw new HTTPException(404, { message: `no region "${region}"` });
      return c.json(toRegion(rows[0]));
    })
    .get(
      `${LAYER_ROUTE}/export`,
      zValidator('param', layerParams, badRequestOnInvalid),
      zValidator('query', layerExportQuery, badRequestOnInvalid),
      async (c) => {
        const { region, layer } = c.req.valid('param');
        const { format, profile } = c.req.valid('query');
        await requireRegion(region);
        // Communities with metrics are the baseline's export: one writer, the same figures as scenarios.
        if (layer === 'communities') {
          return baselineExportResponse(c, database, region, format, profile ?? DEFAULT_STANDARDS_PROFILE);
        }
        const { rows } = await database.query<{ collection: string }>(LAYER_GEOJSON[layer], [region, null]);
        return exportDownload(rows[0].collection, format, `${region}-${layer}`);
      },
    )
    .get(
      LAYER_ROUTE,
      zValidator('param', layerParams, badRequestOnInvalid),
      zValidator('query', bboxQuery, badRequestOnInvalid),
      async (c) => {
        const { region, layer } = c.req.valid('param');
        const { bbox } = c.req.valid('query');
        await requireRegion(region);
        const { rows } = await database.query<{ collection: string }>(LAYER_GEOJSON[layer], [region, bbox ?? null]);
        return c.body(rows[0].collection, 200, { 'content-type': 'application/geo+json; charset=utf-8' });
      },
    );
}
