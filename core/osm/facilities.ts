/**
 * Facilities of an OSM extract: every node, way and multipolygon relation with a POI tag, judged by
 * the table in facility-tags.ts. Areas stand at their centroid. What the table maps becomes a
 * facility; what it skips is tallied by reason; what it does not know is counted by tag.
 */
import type { OsmDocument, OsmElementType, OsmTags } from '../formats/osm-xml.js';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../standards/facility-categories.js';
import { elementLabel, elementPosition } from './element-geometry.js';
import { judgeFacility, poiTagLabel } from './facility-tags.js';
import { tallySkip, type SkipTally } from './skip-tally.js';

/** Two POIs of one category and one name closer than this are one facility mapped twice (node and area). */
export const DUPLICATE_DISTANCE_METERS = 500;

export interface OsmFacility {
  /** `n123`, `w456`, `r789`: the OSM element, as osmium and Overpass abbreviate it. */
  id: string;
  name: string;
  category: FacilityCategoryId;
  position: Position;
}

export interface FacilityExtraction {
  facilities: OsmFacility[];
  countByCategory: Partial<Record<FacilityCategoryId, number>>;
  /** POIs no rule of the table knows, counted by their first POI tag (e.g. `amenity=restaurant`). */
  unmappedByTag: Record<string, number>;
  /** POIs left out on purpose or for lack of a position, by reason. */
  skipped: SkipTally;
}

const ID_PREFIX: Record<OsmElementType, string> = { node: 'n', way: 'w', relation: 'r' };

/** Reads the facilities of an extract (in file order: nodes, ways, relations). */
export function extractFacilities(document: OsmDocument): FacilityExtraction {
  const facilities: OsmFacility[] = [];
  const countByCategory: Partial<Record<FacilityCategoryId, number>> = {};
  const unmappedByTag: Record<string, number> = {};
  const skipped: SkipTally = {};

  const consider = (type: OsmElementType, id: number, tags: OsmTags) => {
    const verdict = judgeFacility(tags);
    if (verdict === null) return;
    const label = elementLabel(type, id);
    if (verdict.kind === 'unmapped') {
      const tag = poiTagLabel(tags);
      unmappedByTag[tag] = (unmappedByTag[tag] ?? 0) + 1;
      return;
    }
    if (verdict.kind === 'skipped') {
      tallySkip(skipped, verdict.reason, label);
      return;
    }
    const position = elementPosition(document, type, id);
    if (!position.ok) {
      tallySkip(skipped, `${poiTagLabel(tags)}: no position (${position.reason})`, label);
      return;
    }
    const name = (tags.name ?? tags['name:zh'] ?? '').trim();
    if (name !== '') {
      const twin = facilities.find(
        (other) =>
          other.category === verdict.category &&
          other.name === name &&
          haversineDistanceMeters(other.position, position.position) < DUPLICATE_DISTANCE_METERS,
      );
      if (twin) {
        tallySkip(
          skipped,
          `same name and category as an earlier POI within ${DUPLICATE_DISTANCE_METERS} m (mapped twice)`,
          `${label} = ${twin.id}`,
        );
        return;
      }
    }
    facilities.push({
      id: `${ID_PREFIX[type]}${id}`,
      name: name !== '' ? name : `${FACILITY_CATEGORIES[verdict.category].nameZh}（未命名，OSM ${label}）`,
      category: verdict.category,
      position: position.position,
    });
    countByCategory[verdict.category] = (countByCategory[verdict.category] ?? 0) + 1;
  };

  for (const node of document.nodes.values()) consider('node', node.id, node.tags);
  for (const way of document.ways.values()) consider('way', way.id, way.tags);
  for (const relation of document.relations.values()) consider('relation', relation.id, relation.tags);
  return { facilities, countByCategory, unmappedByTag, skipped };
}
