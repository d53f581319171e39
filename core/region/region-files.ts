/**
 * The on-disk region format of data/geojson/README.md, validated feature by feature so that every
 * problem names its file, feature and field. Pure: callers read the files and hand over the JSON.
 */
import { z } from 'zod';
import { EDGE_CLASSES } from '../network/edge-classes.js';
import {
  APPLICATION_TARGETS,
  SEAT_KINDS,
  STATION_PROVENANCES,
  SURVEYED_FIGURE_LIMITS as LIMITS,
} from '../standards/community-figures.js';
import { COMMUNITY_TYPE_IDS } from '../standards/community-types.js';
import { FACILITY_CATEGORY_IDS } from '../standards/facility-categories.js';
import { STANDARDS_PROFILE_IDS, type StandardsProfileId } from '../standards/profiles.js';

export const REGION_LAYER_FILES = {
  streets: 'streets.geojson',
  communities: 'communities.geojson',
  units: 'units.geojson',
  facilities: 'facilities.geojson',
  network: 'network.geojson',
  water: 'water.geojson',
} as const;
export type RegionLayer = keyof typeof REGION_LAYER_FILES;

/**
 * The profile of a region whose region.json names none: the national one, as for a region made by
 * an import (migration 005's column default), so no city's rules are assumed for it.
 */
export const REGION_FILE_DEFAULT_PROFILE: StandardsProfileId = 'national';

const nonNegativeInteger = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const text = z.string().min(1);
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const regionMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and hyphens'),
  name: text,
  nameEn: z.string().nullish(),
  synthetic: z.boolean(),
  /** The standards profile the region is judged by until a user picks another. */
  profile: z
    .enum(STANDARDS_PROFILE_IDS)
    .nullish()
    .transform((profile) => profile ?? REGION_FILE_DEFAULT_PROFILE),
  metricSrid: z.number().int().positive(),
  attribution: z.string().nullish(),
  /** Where the data came from and what in it is estimated (migration 002). */
  source: z.string().nullish(),
});
export type RegionMeta = z.infer<typeof regionMetaSchema>;

const linearRing = z.array(position).min(4);
const polygonGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(linearRing).min(1)).min(1) }),
]);
const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
const lineGeometry = z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) });

const streetProperties = z.object({
  id: text,
  name: text,
  nameEn: z.string().nullish(),
  kind: z.enum(['street', 'township']),
});
const communityProperties = z.object({
  id: text,
  name: text,
  nameEn: z.string().nullish(),
  type: z.enum(COMMUNITY_TYPE_IDS),
  streetId: text,
  residents: nonNegativeInteger.max(LIMITS.residents),
  households: nonNegativeInteger.max(LIMITS.residents),
  isTownshipSeat: z.boolean().nullish(),
  // The surveyed figures (core/standards/community-figures.ts): each optional, so folders written
  // before a figure existed still load (absent = unknown), and bounded.
  serviceFloorAreaSquareMeters: z.number().nonnegative().max(LIMITS.floorAreaSquareMeters).nullish(),
  stationProvenance: z.enum(STATION_PROVENANCES).nullish(),
  activityFloorShare: share.nullish(),
  commercialFloorShare: share.nullish(),
  staff: nonNegativeInteger.max(LIMITS.people).nullish(),
  socialWorkers: nonNegativeInteger.max(LIMITS.people).nullish(),
  grids: nonNegativeInteger.max(LIMITS.grids).nullish(),
  gridWorkers: nonNegativeInteger.max(LIMITS.people).nullish(),
  policeOfficers: nonNegativeInteger.max(LIMITS.people).nullish(),
  auxiliaryPoliceOfficers: nonNegativeInteger.max(LIMITS.people).nullish(),
  openingHoursPerDay: z.number().min(0).max(LIMITS.hoursPerDay).nullish(),
  parkingSpaces: nonNegativeInteger.max(LIMITS.parkingSpaces).nullish(),
  newResidentialArea: z.boolean().nullish(),
  seatKind: z.enum(SEAT_KINDS).nullish(),
  seatName: z.string().min(1).max(100).nullish(),
  agriculturalLandShare: share.nullish(),
  developmentProgress: share.nullish(),
  applicationTarget: z.enum(APPLICATION_TARGETS).nullish(),
});
const unitProperties = z.object({
  id: text,
  name: z.string().nullish(),
  kind: z.enum(['estate', 'block', 'hamlet', 'open', 'building', 'grid']),
  communityId: text,
  residents: nonNegativeInteger.max(LIMITS.residents),
  households: nonNegativeInteger.max(LIMITS.residents),
  elderly: nonNegativeInteger.max(LIMITS.residents).nullish(),
  children: nonNegativeInteger.max(LIMITS.residents).nullish(),
  estimated: z.boolean().nullish(),
  accessPoint: position,
});
const facilityProperties = z.object({
  id: text,
  name: text,
  category: z.enum(FACILITY_CATEGORY_IDS),
  communityId: z.string().nullish(),
  floorAreaSquareMeters: z.number().nonnegative().max(LIMITS.floorAreaSquareMeters).nullish(),
  landAreaSquareMeters: z.number().nonnegative().max(LIMITS.landAreaSquareMeters).nullish(),
  capacity: nonNegativeInteger.max(LIMITS.capacity).nullish(),
});
const edgeProperties = z.object({
  id: nonNegativeInteger,
  source: nonNegativeInteger,
  target: nonNegativeInteger,
  lengthMeters: z.number().nonnegative(),
  class: z.enum(EDGE_CLASSES),
  bridge: z.boolean().nullish(),
});
const waterProperties = z.object({ id: text, name: z.string().nullish(), kind: text });

const LAYER_SCHEMAS = {
  streets: { geometry: polygonGeometry, properties: streetProperties },
  communities: { geometry: polygonGeometry, properties: communityProperties },
  units: { geometry: polygonGeometry, properties: unitProperties },
  facilities: { geometry: pointGeometry, properties: facilityProperties },
  network: { geometry: lineGeometry, properties: edgeProperties },
  water: { geometry: polygonGeometry, properties: waterProperties },
} satisfies Record<RegionLayer, { geometry: z.ZodType; properties: z.ZodType }>;

export interface RegionFeature<Geometry = GeoJsonGeometry, Properties = Record<string, unknown>> {
  type: 'Feature';
  geometry: Geometry;
  properties: Properties;
}
export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

export interface NetworkNode {
  id: number;
  lon: number;
  lat: number;
}

export interface ValidRegionFiles {
  meta: RegionMeta;
  layers: Record<RegionLayer, RegionFeature[]>;
  /** The network's nodes, taken from the end points of its edges. */
  networkNodes: NetworkNode[];
}

export type RegionFilesValidation =
  { ok: true; region: ValidRegionFiles } | { ok: false; problems: string[] };

/** Problems listed at most, so that one systematic fault does not bury the others. */
export const MAX_REPORTED_PROBLEMS = 50;

/** Two end points of one node id farther apart than this (degrees, ~1 m) are a data error. */
const NODE_POSITION_TOLERANCE_DEGREES = 1e-5;

/**
 * Validates a region: meta from region.json and each layer's FeatureCollection. Every problem
 * names the file, the feature's index and id, and the field; references between layers
 * (community → street, unit → community, edge → node) are checked too.
 */
export function validateRegionFiles(
  meta: unknown,
  layers: Record<RegionLayer, unknown>,
): RegionFilesValidation {
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
  };

  const metaResult = regionMetaSchema.safeParse(meta);
  if (!metaResult.success) {
    for (const issue of metaResult.error.issues) report(`region.json: ${describeIssue(issue)}`);
  }

  const validLayers = {} as Record<RegionLayer, RegionFeature[]>;
  // Each valid feature's index in its file, so later problems still name the right feature.
  const fileIndexes = {} as Record<RegionLayer, number[]>;
  for (const layer of Object.keys(REGION_LAYER_FILES) as RegionLayer[]) {
    fileIndexes[layer] = [];
    validLayers[layer] = validateLayer(layer, layers[layer], report, fileIndexes[layer]);
  }

  const ids = (layer: RegionLayer) =>
    new Set(validLayers[layer].map((feature) => String(feature.properties.id)));
  const checkReferences = (layer: RegionLayer, field: string, target: RegionLayer, optional = false) => {
    const targetIds = ids(target);
    validLayers[layer].forEach((feature, validIndex) => {
      const value = feature.properties[field];
      if (optional && (value === null || value === undefined)) return;
      if (!targetIds.has(String(value))) {
        report(
          `${where(layer, fileIndexes[layer][validIndex], feature)}: ${field} "${String(value)}" names no feature of ${REGION_LAYER_FILES[target]}`,
        );
      }
    });
  };
  checkReferences('communities', 'streetId', 'streets');
  checkReferences('units', 'communityId', 'communities');
  checkReferences('facilities', 'communityId', 'communities', true);

  const networkNodes = collectNetworkNodes(validLayers.network, fileIndexes.network, report);
  if (problems.length > 0 || !metaResult.success) return { ok: false, problems };
  return { ok: true, region: { meta: metaResult.data, layers: validLayers, networkNodes } };
}

function validateLayer(
  layer: RegionLayer,
  collection: unknown,
  report: (problem: string) => void,
  fileIndexes: number[],
): RegionFeature[] {
  const file = REGION_LAYER_FILES[layer];
  if (!isFeatureCollection(collection)) {
    report(`${file}: not a GeoJSON FeatureCollection`);
    return [];
  }
  const schema = LAYER_SCHEMAS[layer];
  const seenIds = new Map<string, number>();
  const valid: RegionFeature[] = [];
  collection.features.forEach((feature, index) => {
    const label = where(layer, index, feature);
    if (
      typeof feature !== 'object' ||
      feature === null ||
      (feature as { type?: unknown }).type !== 'Feature'
    ) {
      report(`${label}: not a GeoJSON Feature`);
      return;
    }
    const candidate = feature as { geometry?: unknown; properties?: unknown };
    const geometry = schema.geometry.safeParse(candidate.geometry);
    const properties = schema.properties.safeParse(candidate.properties);
    if (!geometry.success) report(`${label}: geometry: ${describeGeometryIssue(candidate.geometry, layer)}`);
    if (!properties.success)
      for (const issue of properties.error.issues) report(`${label}: ${describeIssue(issue)}`);
    if (!geometry.success || !properties.success) return;
    const id = String((properties.data as { id: unknown }).id);
    const firstIndex = seenIds.get(id);
    if (firstIndex !== undefined) {
      report(`${label}: duplicate id "${id}" (also feature #${firstIndex})`);
      return;
    }
    seenIds.set(id, index);
    valid.push({ type: 'Feature', geometry: geometry.data as GeoJsonGeometry, properties: properties.data });
    fileIndexes.push(index);
  });
  return valid;
}

function collectNetworkNodes(
  edges: RegionFeature[],
  fileIndexes: number[],
  report: (problem: string) => void,
): NetworkNode[] {
  const nodes = new Map<number, NetworkNode>();
  edges.forEach((edge, validIndex) => {
    const index = fileIndexes[validIndex];
    const coordinates = edge.geometry.coordinates as [number, number][];
    const ends: [number, [number, number]][] = [
      [edge.properties.source as number, coordinates[0]],
      [edge.properties.target as number, coordinates[coordinates.length - 1]],
    ];
    for (const [nodeId, [lon, lat]] of ends) {
      const known = nodes.get(nodeId);
      if (!known) {
        nodes.set(nodeId, { id: nodeId, lon, lat });
      } else if (
        Math.abs(known.lon - lon) > NODE_POSITION_TOLERANCE_DEGREES ||
        Math.abs(known.lat - lat) > NODE_POSITION_TOLERANCE_DEGREES
      ) {
        report(
          `${where('network', index, edge)}: node ${nodeId} is at [${lon}, ${lat}] here but at [${known.lon}, ${known.lat}] on another edge`,
        );
      }
    }
  });
  return [...nodes.values()];
}

function isFeatureCollection(value: unknown): value is { type: 'FeatureCollection'; features: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as { features?: unknown }).features)
  );
}

/** "communities.geojson feature #3 (id "c-7")" */
export function where(layer: RegionLayer, index: number, feature: unknown): string {
  const id = (feature as { properties?: { id?: unknown } } | null)?.properties?.id;
  return `${REGION_LAYER_FILES[layer]} feature #${index}${id === undefined ? '' : ` (id "${String(id)}")`}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'properties';
  return `${field}: ${issue.message}`;
}

const EXPECTED_GEOMETRY: Record<RegionLayer, string> = {
  streets: 'a Polygon or MultiPolygon',
  communities: 'a Polygon or MultiPolygon',
  units: 'a Polygon or MultiPolygon',
  facilities: 'a Point',
  network: 'a LineString',
  water: 'a Polygon or MultiPolygon',
};

function describeGeometryIssue(geometry: unknown, layer: RegionLayer): string {
  const type = (geometry as { type?: unknown } | null)?.type;
  const expected = EXPECTED_GEOMETRY[layer];
  if (typeof type !== 'string') return `missing; expected ${expected}`;
  const coordinates = JSON.stringify((geometry as { coordinates?: unknown }).coordinates ?? null);
  const swapped = /\[\s*-?\d{1,2}\.\d+\s*,\s*-?(1[0-7]\d|9\d)\.\d+/.test(coordinates ?? '');
  const hint = swapped ? ' (coordinates look like [lat, lon]: GeoJSON wants [lon, lat])' : '';
  return `a ${type} with invalid coordinates; expected ${expected} in [lon, lat] degrees${hint}`;
}
