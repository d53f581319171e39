/**
 * Schemas more than one resource uses: region ids, RFC 7946 GeoJSON (positions, geometries,
 * features, collections) that layers, isochrones, heat maps and exports are built from, export
 * formats and downloads.
 */

import { z } from 'zod';
import { plainText } from '../core/text/plain-text.js';

export { errorBodySchema } from './errors.js';
/** Ids, names and free text: any characters but NUL (core/text/plain-text.ts). */
export { plainText };

/** A region id: lower-case letters, digits and `-`, starting with a letter or digit (as in URLs and folders). */
export const REGION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const regionIdSchema = z.string().regex(REGION_ID_PATTERN, 'is not a region id');

/** `:region` of every `/api/regions/:region/…` path. */
export const regionParams = z.object({ region: regionIdSchema });

/** `:id` of every `/api/scenarios/:id/…` path. */
export const scenarioParams = z.object({ id: plainText().min(1).max(100) });

export const EXPORT_FORMATS = ['geojson', 'csv', 'shapefile'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `format=geojson|csv|shapefile`, required: an export without a format is a mistake worth naming. */
export const exportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: (issue) =>
    `must be "geojson", "csv" or "shapefile", got ${JSON.stringify(issue.input) ?? 'nothing'}`,
});
export const exportQuerySchema = z.object({ format: exportFormatSchema });

/** `[lon, lat]` in degrees, WGS 84 (EPSG:4326). */
export const positionSchema = z
  .tuple([z.number(), z.number()])
  .meta({ description: '[lon, lat] in degrees (WGS 84)' });

/** `[west, south, east, north]` in degrees. */
export const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .meta({ description: '[west, south, east, north] in degrees (WGS 84)' });

const ringSchema = z
  .array(positionSchema)
  .meta({ description: 'A closed ring: the first position repeated last' });

export const pointSchema = z
  .strictObject({ type: z.literal('Point'), coordinates: positionSchema })
  .meta({ id: 'Point' });
export const lineStringSchema = z
  .strictObject({ type: z.literal('LineString'), coordinates: z.array(positionSchema) })
  .meta({ id: 'LineString' });
export const polygonSchema = z
  .strictObject({ type: z.literal('Polygon'), coordinates: z.array(ringSchema) })
  .meta({ id: 'Polygon' });
export const multiPolygonSchema = z
  .strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema)) })
  .meta({ id: 'MultiPolygon' });

/** Any geometry a layer or an import holds (RFC 7946 §3.1), including collections of them. */
export const anyGeometrySchema = z
  .strictObject({
    type: z.enum([
      'Point',
      'MultiPoint',
      'LineString',
      'MultiLineString',
      'Polygon',
      'MultiPolygon',
      'GeometryCollection',
    ]),
    coordinates: z.array(z.unknown()).optional(),
    geometries: z.array(z.unknown()).optional(),
  })
  .meta({ description: 'An RFC 7946 geometry' });

/**
 * A Feature with `properties` of the given schema. `id` is the feature's own id (a string, or a
 * number for network edges and heat-map cells); `geometry` may be null where the data has none.
 */
export function featureSchema<
  Properties extends z.ZodType,
  Geometry extends z.ZodType,
  Id extends z.ZodType = z.ZodUnion<[z.ZodString, z.ZodNumber]>,
>(properties: Properties, geometry: Geometry, id?: Id) {
  return z.strictObject({
    type: z.literal('Feature'),
    id: (id ?? z.union([z.string(), z.number()])) as Id,
    geometry,
    properties,
  });
}

/**
 * An RFC 7946 FeatureCollection of `feature`, with `members` as foreign members beside
 * `features` (§6.1), e.g. the parameters an isochrone answer was computed with.
 */
export function featureCollectionSchema<
  Feature extends z.ZodType,
  Members extends z.ZodRawShape = Record<never, never>,
>(feature: Feature, members?: Members) {
  return z.strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(feature),
    ...(members ?? ({} as Members)),
  });
}

/** A CSV download: RFC 4180, UTF-8 with a byte-order mark, a header row. */
export const csvFileSchema = z
  .string()
  .meta({ description: 'RFC 4180 CSV, UTF-8 with a byte-order mark, one header row' });

/** A zipped Shapefile download: .shp .shx .dbf .prj (WGS 84) .cpg (UTF-8). */
export const shapefileZipSchema = z
  .string()
  .meta({ format: 'binary', description: 'A zip of .shp, .shx, .dbf, .prj (WGS 84) and .cpg (UTF-8)' });

/** The 503 every operation that reads the database can answer (app.ts onError). */
export const DATABASE_UNAVAILABLE = 'The database cannot be reached right now; try again shortly';

/** A download by `format`: .geojson, .csv (UTF-8 with BOM) or .zip Shapefile (WGS 84, UTF-8 .cpg). */
export function downloadResponse(collection: z.ZodType, description?: string) {
  return {
    description:
      description ??
      'An attachment by `format`: .geojson, .csv (UTF-8 with BOM) or .zip Shapefile (WGS 84, UTF-8 .cpg)',
    content: {
      'application/geo+json': collection,
      'text/csv': csvFileSchema,
      'application/zip': shapefileZipSchema,
    },
  };
}

/** A JSON answer with its schema. */
export function jsonResponse<Schema extends z.ZodType>(description: string, schema: Schema, status = 200) {
  return { description, status, content: { 'application/json': schema } } as const;
}
