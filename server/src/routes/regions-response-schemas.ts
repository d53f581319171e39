/**
 * What the region routes answer, as zod schemas: the OpenAPI document is generated from them and
 * tests/api/openapi-responses.api.test.ts parses real answers with them. The layers' properties
 * mirror db/sql/layers.sql.ts, which builds each FeatureCollection in SQL.
 */

import { z } from 'zod';
import {
  bboxSchema,
  featureCollectionSchema,
  featureSchema,
  lineStringSchema,
  multiPolygonSchema,
  pointSchema,
  positionSchema,
} from '../openapi/common-schemas.js';
import {
  APPLICATION_TARGETS,
  SEAT_KINDS,
  STATION_PROVENANCES,
} from '../../../core/region/region-files.js';
import { COMMUNITY_TYPE_IDS } from '../../../core/standards/community-types.js';
import { STANDARDS_PROFILE_IDS } from '../../../core/standards/profiles.js';

export const regionSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    bbox: bboxSchema
      .nullable()
      .meta({ description: 'Extent of its streets, network and units, degrees; null when empty' }),
    synthetic: z.boolean().meta({ description: 'True for generated demo data' }),
    metricSrid: z
      .number()
      .int()
      .meta({ description: 'EPSG code of the projection areas and lengths are measured in' }),
    attribution: z.string().nullable(),
    profile: z.enum(STANDARDS_PROFILE_IDS).meta({
      description: 'The standards profile the region is judged by (an imported region starts with national)',
    }),
  })
  .meta({ id: 'Region' });

export const regionListSchema = z.array(regionSchema);

const count = z.number().int().nullable();

const streetsCollection = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      kind: z.enum(['street', 'township']),
      communities: z.number().int(),
      residents: z.number().int().meta({ description: 'Sum of its communities’ residents' }),
    }),
    multiPolygonSchema,
    z.string(),
  ),
).meta({ id: 'StreetsLayer' });

const communitiesCollection = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      type: z.enum(COMMUNITY_TYPE_IDS),
      streetId: z.string(),
      streetName: z.string(),
      residents: z.number().int(),
      households: z.number().int(),
      serviceFloorAreaSquareMeters: z.number().nullable(),
      staff: count,
      socialWorkers: count,
      grids: count,
      gridWorkers: count,
      agriculturalLandShare: z.number().nullable().meta({ description: '0–1' }),
      developmentProgress: z.number().nullable().meta({ description: '0–1' }),
      isTownshipSeat: z.boolean(),
      seatKind: z
        .enum(SEAT_KINDS)
        .nullable()
        .meta({
          description: 'Where a township community sits: county seat, township seat, former township seat',
        }),
      applicationTarget: z
        .enum(APPLICATION_TARGETS)
        .nullable()
        .meta({
          description: 'A village’s 村改社区 application: urban (城市社区) or rural (农村社区)',
        }),
      stationProvenance: z
        .enum(STATION_PROVENANCES)
        .nullable()
        .meta({
          description: 'How the service station’s rooms were obtained: new, rebuilt, bought, rented',
        }),
      activityFloorShare: z
        .number()
        .nullable()
        .meta({ description: 'Resident activity space ÷ the station’s floor area, 0–1' }),
      commercialFloorShare: z
        .number()
        .nullable()
        .meta({ description: 'Commerce and services ÷ the community’s total floor area, 0–1' }),
      parkingSpaces: count,
      areaSquareKilometers: z
        .number()
        .meta({ description: 'In the region’s metric projection, to 0.0001 km²' }),
    }),
    multiPolygonSchema.nullable(),
    z.string(),
  ),
).meta({ id: 'CommunitiesLayer' });

const unitsCollection = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string().nullable(),
      kind: z.enum(['estate', 'block', 'hamlet', 'open', 'building', 'grid']),
      communityId: z.string(),
      communityName: z.string(),
      residents: z.number().int(),
      households: z.number().int(),
      elderly: count,
      children: count,
      estimated: z
        .boolean()
        .meta({ description: 'Residents estimated (e.g. from buildings) rather than counted' }),
      accessPoint: positionSchema.meta({
        description: 'Where its residents step onto the walking network, [lon, lat]',
      }),
    }),
    multiPolygonSchema,
    z.string(),
  ),
).meta({ id: 'UnitsLayer' });

const facilitiesCollection = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      category: z
        .string()
        .meta({ description: 'A facility category id (core/standards facility-categories.ts)' }),
      communityId: z.string().nullable(),
      communityName: z.string().nullable(),
      floorAreaSquareMeters: z.number().nullable(),
      capacity: count,
    }),
    pointSchema,
    z.string(),
  ),
).meta({ id: 'FacilitiesLayer' });

const networkCollection = featureCollectionSchema(
  featureSchema(
    z.strictObject({
      id: z.number().int(),
      source: z.number().int().meta({ description: 'Node id at the start of the line' }),
      target: z.number().int(),
      lengthMeters: z.number(),
      class: z.string().meta({ description: 'Edge class, e.g. street, path, steps' }),
      bridge: z.boolean(),
    }),
    lineStringSchema,
    z.number().int(),
  ),
).meta({ id: 'NetworkLayer' });

const waterCollection = featureCollectionSchema(
  featureSchema(
    z.strictObject({ id: z.string(), name: z.string().nullable(), kind: z.string() }),
    multiPolygonSchema,
    z.string(),
  ),
).meta({ id: 'WaterLayer' });

/** Any one layer: which one is the path's `layer`. */
export const layerCollectionSchema = z.union([
  streetsCollection,
  communitiesCollection,
  unitsCollection,
  facilitiesCollection,
  networkCollection,
  waterCollection,
]);
