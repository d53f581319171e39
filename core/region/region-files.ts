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
  const validator = new RegionFilesValidator(meta);
  const validLayers = {} as Record<RegionLayer, RegionFeature[]>;
  for (const layer of Object.keys(REGION_LAYER_FILES) as RegionLayer[]) {
    const valid: RegionFeature[] = [];
    const collection = layers[layer];
    const check = validator.startLayer(layer);
    if (isFeatureCollection(collection))
      collection.features.forEach((feature, index) => {
        const validFeature = check.feature(feature, index);
        if (validFeature) valid.push(validFeature);
      });
    check.finish(isFeatureCollection(collection));
    validLayers[layer] = isFeatureCollection(collection) ? valid : [];
  }
  const result = validator.result();
  if (!result.ok) return result;
  return { ok: true, region: { meta: result.meta, layers: validLayers, networkNodes: result.networkNodes } };
}

/** The checks of one layer under way (RegionFilesValidator.startLayer). */
export interface LayerCheck {
  /** Checks one feature at `index` in its file; answers it as validated (unknown properties dropped) or null. */
  feature(feature: unknown, index: number): RegionFeature | null;
  /**
   * Ends the layer. `wasFeatureCollection` false (the file held something else) drops what its
   * features reported, keeps one problem for the file, and gives the layer no feature.
   */
  finish(wasFeatureCollection: boolean): void;
}

/** A bounded list of problems (MAX_REPORTED_PROBLEMS). */
function problemList() {
  const problems: string[] = [];
  return {
    problems,
    report: (problem: string) => {
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
    },
  };
}

/**
 * validateRegionFiles one feature at a time, holding only the ids and the network's nodes, so that
 * a province's files can be read piecewise (server/src/db/load-region.ts). Layers must be started
 * in REGION_LAYER_FILES order, each finished before the next: references point to earlier layers.
 * The problems come in the order validateRegionFiles lists them: region.json, each layer's
 * features, the references between layers, then the network's nodes.
 */
export class RegionFilesValidator {
  private readonly meta: RegionMeta | null;
  private readonly featureProblems = problemList();
  private readonly referenceProblems = problemList();
  private readonly nodeProblems = problemList();
  private readonly idsOf = new Map<RegionLayer, Set<string>>();
  private readonly nodes = new Map<number, NetworkNode>();
  private nextLayer = 0;

  constructor(meta: unknown) {
    const metaResult = regionMetaSchema.safeParse(meta);
    this.meta = metaResult.success ? metaResult.data : null;
    if (!metaResult.success) {
      for (const issue of metaResult.error.issues)
        this.featureProblems.report(`region.json: ${describeIssue(issue)}`);
    }
  }

  startLayer(layer: RegionLayer): LayerCheck {
    const order = Object.keys(REGION_LAYER_FILES) as RegionLayer[];
    if (order[this.nextLayer] !== layer)
      throw new Error(
        `layer ${layer} started out of order: ${order[this.nextLayer] ?? 'none'} expected next`,
      );
    this.nextLayer += 1;
    const file = REGION_LAYER_FILES[layer];
    const schema = LAYER_SCHEMAS[layer];
    const references = LAYER_REFERENCES[layer].map(({ field, target, optional }) => ({
      field,
      target,
      optional,
      targetIds: this.idsOf.get(target) ?? new Set<string>(),
    }));
    // What the layer reports waits for finish: a file that is no FeatureCollection reports only that.
    const featureProblems = problemList();
    const referenceProblems = problemList();
    const nodeProblems = problemList();
    const seenIds = new Map<string, number>();
    const layerNodes = layer === 'network' ? this.nodes : null;

    return {
      feature: (feature, index) => {
        const label = where(layer, index, feature);
        if (
          typeof feature !== 'object' ||
          feature === null ||
          (feature as { type?: unknown }).type !== 'Feature'
        ) {
          featureProblems.report(`${label}: not a GeoJSON Feature`);
          return null;
        }
        const candidate = feature as { geometry?: unknown; properties?: unknown };
        const geometry = schema.geometry.safeParse(candidate.geometry);
        const properties = schema.properties.safeParse(candidate.properties);
        if (!geometry.success)
          featureProblems.report(`${label}: geometry: ${describeGeometryIssue(candidate.geometry, layer)}`);
        if (!properties.success)
          for (const issue of properties.error.issues)
            featureProblems.report(`${label}: ${describeIssue(issue)}`);
        if (!geometry.success || !properties.success) return null;
        const valid: RegionFeature = {
          type: 'Feature',
          geometry: geometry.data as GeoJsonGeometry,
          properties: properties.data as Record<string, unknown>,
        };
        const id = String(valid.properties.id);
        const firstIndex = seenIds.get(id);
        if (firstIndex !== undefined) {
          featureProblems.report(`${label}: duplicate id "${id}" (also feature #${firstIndex})`);
          return null;
        }
        seenIds.set(id, index);
        for (const { field, target, optional, targetIds } of references) {
          const value = valid.properties[field];
          if (optional && (value === null || value === undefined)) continue;
          if (!targetIds.has(String(value))) {
            referenceProblems.report(
              `${where(layer, index, valid)}: ${field} "${String(value)}" names no feature of ${REGION_LAYER_FILES[target]}`,
            );
          }
        }
        if (layerNodes) addEdgeEnds(layerNodes, valid, index, nodeProblems.report);
        return valid;
      },
      finish: (wasFeatureCollection) => {
        if (!wasFeatureCollection) {
          this.featureProblems.report(`${file}: not a GeoJSON FeatureCollection`);
          this.idsOf.set(layer, new Set());
          layerNodes?.clear();
          return;
        }
        for (const problem of featureProblems.problems) this.featureProblems.report(problem);
        for (const problem of referenceProblems.problems) this.referenceProblems.report(problem);
        for (const problem of nodeProblems.problems) this.nodeProblems.report(problem);
        if (REFERENCED_LAYERS.has(layer)) this.idsOf.set(layer, new Set(seenIds.keys()));
      },
    };
  }

  /** After every layer: the problems, or the region's meta and its network's nodes. */
  result(): { ok: true; meta: RegionMeta; networkNodes: NetworkNode[] } | { ok: false; problems: string[] } {
    const problems = [
      ...this.featureProblems.problems,
      ...this.referenceProblems.problems,
      ...this.nodeProblems.problems,
    ].slice(0, MAX_REPORTED_PROBLEMS);
    if (problems.length > 0 || !this.meta) return { ok: false, problems };
    return { ok: true, meta: this.meta, networkNodes: [...this.nodes.values()] };
  }
}

/** References between layers: each names a feature of an earlier layer. */
const LAYER_REFERENCES: Record<RegionLayer, { field: string; target: RegionLayer; optional: boolean }[]> = {
  streets: [],
  communities: [{ field: 'streetId', target: 'streets', optional: false }],
  units: [{ field: 'communityId', target: 'communities', optional: false }],
  facilities: [{ field: 'communityId', target: 'communities', optional: true }],
  network: [],
  water: [],
};
/** The layers some reference names, whose ids are kept for the layers after them. */
const REFERENCED_LAYERS = new Set(
  Object.values(LAYER_REFERENCES).flatMap((references) => references.map(({ target }) => target)),
);

/** Records an edge's two end points as nodes; one node id at two places is a problem. */
function addEdgeEnds(
  nodes: Map<number, NetworkNode>,
  edge: RegionFeature,
  index: number,
  report: (problem: string) => void,
) {
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
}

export function isFeatureCollection(
  value: unknown,
): value is { type: 'FeatureCollection'; features: unknown[] } {
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
