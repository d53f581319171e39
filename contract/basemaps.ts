/**
 * Base maps a region carries: the bureau's own PMTiles or MBTiles (imagery or vector tiles) stored
 * with the region and served by the app as z/x/y tiles (a PMTiles file also as itself, by HTTP
 * Range requests), and tile services an administrator
 * configured (LIFECIRCLE_TILE_SERVICES, server/src/config.ts), requested only when configured.
 */

import { z } from 'zod';
import {
  bboxSchema,
  DATABASE_UNAVAILABLE,
  errorBodySchema,
  jsonResponse,
  plainText,
  regionParams,
} from './common.js';
import { defineOperation } from './operation.js';

/** The largest base-map file an upload takes (an orthophoto extract of a county at z17 is a few hundred MB; keep it to one street's). */
export const MAX_BASEMAP_BYTES = 256 * 1024 * 1024;

export const BASEMAP_FORMATS = ['pmtiles', 'mbtiles', 'xyz'] as const;
export const BASEMAP_KINDS = ['raster', 'vector'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

/** A base-map id: what the file was called, lower-cased, as it appears in tile URLs. */
export const BASEMAP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const basemapSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    format: z.enum(BASEMAP_FORMATS).meta({
      description: 'pmtiles or mbtiles: a file stored with the region; xyz: a configured tile service',
    }),
    kind: z.enum(BASEMAP_KINDS),
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    bounds: bboxSchema
      .nullable()
      .meta({ description: 'Where it has tiles; null when the service does not say' }),
    tiles: z.array(z.string()).meta({
      description: 'Tile URL templates with {z}/{x}/{y} (XYZ, y down); the app serves a stored file’s',
    }),
    tileType: z.enum(['png', 'jpeg', 'webp', 'mvt']).nullable().meta({
      description: 'What each tile is: an image, or a Mapbox vector tile (uncompressed); null for a service',
    }),
    vectorLayers: z
      .array(z.string())
      .meta({ description: 'The layers of a vector base map (empty for a raster one)' }),
    attribution: z.string().nullable(),
    tileCount: z.number().int().nullable().meta({ description: 'Tiles stored; null for a service' }),
    archive: z.string().optional().meta({
      description:
        'A stored PMTiles file’s own archive, served by the app with HTTP Range requests (for a PMTiles client); absent for MBTiles and services',
    }),
  })
  .meta({ id: 'Basemap' });

export type Basemap = z.output<typeof basemapSchema>;

export const basemapListSchema = z.array(basemapSchema).meta({ id: 'BasemapList' });

/** The multipart fields of an upload beside `file`. */
export const basemapUploadSchema = z.object({
  name: plainText()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Shown in the layer panel; the file name when absent' }),
});

const basemapTileParams = regionParams.extend({
  basemap: z.string().regex(BASEMAP_ID_PATTERN, 'is not a base map id'),
  z: z.coerce.number().int().min(0).max(30),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});

const basemapParams = regionParams.extend({
  basemap: z.string().regex(BASEMAP_ID_PATTERN, 'is not a base map id'),
});

const refusal = (description: string) => ({ description, schema: errorBodySchema });

/** What a PMTiles archive is sent as. */
export const PMTILES_MEDIA_TYPE = 'application/vnd.pmtiles';

const archiveBytes = { [PMTILES_MEDIA_TYPE]: z.string().meta({ format: 'binary' }) };
const ARCHIVE_HEADERS = {
  'Accept-Ranges': 'bytes: the archive is read in byte ranges',
  ETag: 'The stored archive’s strong validator (for If-None-Match and If-Range)',
  'Content-Length': 'Bytes in this answer',
};

export const basemapOperations = {
  list: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/basemaps',
    tag: 'basemaps',
    summary: "The region's base maps: its stored PMTiles/MBTiles files, then the configured tile services",
    params: regionParams,
    response: jsonResponse('Base maps, bottom first', basemapListSchema),
    errors: { 400: 'The region id is malformed', 404: 'No such region', 503: DATABASE_UNAVAILABLE },
  }),
  upload: defineOperation({
    method: 'post',
    access: 'import',
    path: '/api/regions/:region/basemaps',
    tag: 'basemaps',
    summary:
      'Store a PMTiles or MBTiles file (raster or vector tiles) with the region (multipart: `file`, `name`)',
    params: regionParams,
    body: basemapUploadSchema,
    bodyType: 'multipart/form-data',
    response: jsonResponse('The stored base map', basemapSchema, 201),
    errors: {
      400: refusal(
        'No file, or not a PMTiles/MBTiles file, a corrupt one, or one of tiles the app cannot draw',
      ),
      404: refusal('No such region'),
      409: refusal('The region has a base map of that id already'),
      413: refusal(`The file is larger than ${MAX_BASEMAP_BYTES / 1024 / 1024} MB`),
      422: refusal('The base map lies outside the region'),
      503: DATABASE_UNAVAILABLE,
    },
  }),
  remove: defineOperation({
    method: 'delete',
    access: 'import',
    path: '/api/regions/:region/basemaps/:basemap',
    tag: 'basemaps',
    summary: 'Remove a stored base map and its tiles',
    params: basemapParams,
    response: { status: 204, description: 'Removed' },
    errors: {
      400: 'A path field is malformed',
      404: refusal('No such region or base map'),
      503: DATABASE_UNAVAILABLE,
    },
  }),
  archive: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/basemaps/:basemap/archive.pmtiles',
    tag: 'basemaps',
    summary:
      'A stored PMTiles base map’s own file, read by HTTP Range requests (`Range: bytes=a-b`, `a-`, `-n`) as a PMTiles client does; HEAD answers its headers',
    params: basemapParams,
    response: {
      description: 'The whole archive (no Range, or an If-Range that no longer matches)',
      content: archiveBytes,
      headers: ARCHIVE_HEADERS,
      alternatives: {
        206: {
          description: 'The bytes of the one range asked for',
          content: archiveBytes,
          headers: {
            ...ARCHIVE_HEADERS,
            'Content-Range': 'bytes a-b/size: which bytes these are, of how many',
          },
        },
        304: {
          description: 'Not modified: If-None-Match names the stored archive’s ETag',
          headers: { ETag: ARCHIVE_HEADERS.ETag },
        },
      },
    },
    errors: {
      400: 'A path field is malformed',
      404: refusal('No such region or base map, or the base map has no PMTiles archive (an MBTiles file)'),
      416: {
        description: 'The range asks for no byte of the archive (it starts at or past its end)',
        schema: errorBodySchema,
        headers: { 'Content-Range': 'bytes */size: how many bytes the archive has' },
      },
      503: DATABASE_UNAVAILABLE,
    },
  }),
  tile: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/regions/:region/basemaps/:basemap/:z/:x/:y',
    tag: 'basemaps',
    summary: 'One tile of a stored base map (XYZ: y counts down from the north)',
    params: basemapTileParams,
    response: {
      description:
        'The tile: an image, or an uncompressed Mapbox vector tile; 204 where the base map has none',
      content: {
        'image/png': z.string().meta({ format: 'binary' }),
        'image/jpeg': z.string().meta({ format: 'binary' }),
        'image/webp': z.string().meta({ format: 'binary' }),
        'application/vnd.mapbox-vector-tile': z.string().meta({ format: 'binary' }),
      },
    },
    errors: {
      400: 'A path field is malformed',
      404: refusal('No such region or base map'),
      503: DATABASE_UNAVAILABLE,
    },
  }),
};
