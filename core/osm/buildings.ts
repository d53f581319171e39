/**
 * Residents estimated from OSM building footprints, since an extract carries no census figures:
 * residents = footprint area × floors × persons per square metre of floor area. Every figure that
 * goes into the estimate is stated here and printed in the import report.
 */
import type { OsmDocument, OsmElementType, OsmTags } from '../formats/osm-xml.js';
import type { Position } from '../geometry/position.js';
import { elementLabel, measureArea, multipolygonArea, wayArea, type AreaResult } from './element-geometry.js';
import { tallySkip, type SkipTally } from './skip-tally.js';

/**
 * Default residents per square metre of floor area (footprint × floors): 1 / 40 m². China's 2020
 * census put urban housing at 36.5 m² of floor area (建筑面积) per person; 40 m² leaves room for
 * vacant flats and ground-floor shops, which footprints cannot tell apart from homes.
 */
export const DEFAULT_PERSONS_PER_SQUARE_METER = 0.025;

/**
 * Default persons per household: a round figure for county towns, a little above the national 2020
 * census mean of 2.62, as household size runs higher outside the big cities.
 */
export const DEFAULT_PERSONS_PER_HOUSEHOLD = 2.8;

/**
 * `building=*` values taken as homes, with the floors assumed when `building:levels` is absent:
 * apartment blocks 6 (the walk-up 多层住宅 that dominate county towns; GB 50096 requires lifts
 * above that), houses 2, and 3 for a bare `building=yes`, which in these towns covers both
 * 2–4-floor self-built houses (自建房) and walk-ups. Every other value is not residential.
 */
export const RESIDENTIAL_BUILDING_FLOORS: Readonly<Record<string, number>> = {
  apartments: 6,
  residential: 6,
  dormitory: 6,
  house: 2,
  detached: 2,
  semidetached_house: 2,
  terrace: 3,
  bungalow: 1,
  farm: 2,
  yes: 3,
};

/** Keys that make a `building=yes` a shop, school, office… rather than a home. */
const NON_RESIDENTIAL_KEYS = [
  'amenity',
  'shop',
  'office',
  'leisure',
  'tourism',
  'healthcare',
  'craft',
  'public_transport',
  'railway',
  'man_made',
  'military',
  'power',
] as const;

/** Highest `building:levels` believed; taller values are typos (the tallest towers have ~130). */
const MAX_FLOORS = 150;

export interface PopulationOptions {
  personsPerSquareMeter: number;
  /** Floors assumed for every building without `building:levels`; null uses RESIDENTIAL_BUILDING_FLOORS. */
  defaultFloors: number | null;
}

export interface ResidentialBuilding {
  /** `way 123` or `relation 456`. */
  element: string;
  centroid: Position;
  footprintSquareMeters: number;
  floors: number;
  /** Whether `floors` came from `building:levels` rather than a default. */
  floorsTagged: boolean;
  /** Estimated residents (not rounded). */
  residents: number;
}

export interface BuildingExtraction {
  buildings: ResidentialBuilding[];
  /** Buildings left out, by reason (not residential, no closed ring…). */
  skipped: SkipTally;
}

/** Floors from `building:levels` ("6", "5.5", "6;7" → its first number), or null when absent or unreadable. */
export function parseFloors(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(value);
  if (!match) return null;
  const floors = Number(match[1]);
  return floors >= 1 && floors <= MAX_FLOORS ? floors : null;
}

/** Why a building is not a home, or null when it is one. */
export function nonResidentialReason(tags: OsmTags): string | null {
  const building = tags.building ?? '';
  if (RESIDENTIAL_BUILDING_FLOORS[building] === undefined) return `building=${building} (not residential)`;
  if (building === 'yes') {
    const key = NON_RESIDENTIAL_KEYS.find((candidate) => tags[candidate] !== undefined);
    if (key) return `building=yes with ${key}=${tags[key]} (not residential)`;
  }
  return null;
}

/** The residential buildings of an extract with their estimated residents; the rest tallied by reason. */
export function extractResidentialBuildings(
  document: OsmDocument,
  options: PopulationOptions,
): BuildingExtraction {
  if (!(options.personsPerSquareMeter >= 0 && options.personsPerSquareMeter < Infinity)) {
    throw new RangeError(
      `personsPerSquareMeter ${options.personsPerSquareMeter} is not a non-negative number`,
    );
  }
  const buildings: ResidentialBuilding[] = [];
  const skipped: SkipTally = {};
  const consider = (type: OsmElementType, id: number, tags: OsmTags, area: () => AreaResult) => {
    if (tags.building === undefined || tags.building === 'no') return;
    const label = elementLabel(type, id);
    const reason = nonResidentialReason(tags);
    if (reason) {
      tallySkip(skipped, reason, label);
      return;
    }
    const result = area();
    if (!result.ok) {
      tallySkip(skipped, `no footprint: ${result.reason}`, label);
      return;
    }
    const { areaSquareMeters, centroid } = measureArea(result.area);
    const taggedFloors = parseFloors(tags['building:levels']);
    const floors = taggedFloors ?? options.defaultFloors ?? RESIDENTIAL_BUILDING_FLOORS[tags.building];
    buildings.push({
      element: label,
      centroid,
      footprintSquareMeters: areaSquareMeters,
      floors,
      floorsTagged: taggedFloors !== null,
      residents: areaSquareMeters * floors * options.personsPerSquareMeter,
    });
  };
  for (const node of document.nodes.values()) {
    if (node.tags.building !== undefined && node.tags.building !== 'no') {
      tallySkip(skipped, 'no footprint: a node, not an outline', elementLabel('node', node.id));
    }
  }
  for (const way of document.ways.values()) consider('way', way.id, way.tags, () => wayArea(document, way));
  for (const relation of document.relations.values()) {
    if (relation.tags.type !== 'multipolygon') continue;
    consider('relation', relation.id, relation.tags, () => multipolygonArea(document, relation));
  }
  return { buildings, skipped };
}
