/**
 * Response schemas more than one route answers with: the error body every refusal carries, and
 * RFC 7946 GeoJSON (positions, geometries, features, collections) that layers, isochrones, heat
 * maps and exports are built from. Route modules compose their answers from these.
 */

import { z } from 'zod';

/** What app.ts's onError (and every route's own refusal) answers: one sentence naming the field at fault. */
export const errorBodySchema = z
  .strictObject({
    error: z.string().meta({ description: 'What was refused and why, naming the field or id at fault' }),
  })
  .meta({ id: 'ErrorBody', description: 'An error answer' });

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
export function featureSchema<Properties extends z.ZodType, Geometry extends z.ZodType>(
  properties: Properties,
  geometry: Geometry,
  id: z.ZodType = z.union([z.string(), z.number()]),
) {
  return z.strictObject({ type: z.literal('Feature'), id, geometry, properties });
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
