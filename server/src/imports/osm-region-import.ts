/**
 * Creates a region from an OpenStreetMap XML extract: the walking network, facilities, streets,
 * communities and estimated population units (core/osm does the reading and judging; PostGIS the
 * polygon work), then writes it through the region loader in one transaction — all or nothing.
 */
import {
  OsmXmlError,
  parseOsmXml,
  type OsmBounds,
  type OsmDocument,
  type OsmNode,
} from '../../../core/formats/osm-xml.js';
import type { Position } from '../../../core/geometry/position.js';
import { networkEdgeFeature } from '../../../core/network/network-edge.js';
import { buildWalkingNetwork, type NetworkEdge } from '../../../core/network/osm-walking-network.js';
import {
  readAdminBoundaries,
  solveAdminFaces,
  STREET_ADMIN_LEVEL,
  type FaceAdjacency,
} from '../../../core/osm/admin-areas.js';
import {
  DEFAULT_PERSONS_PER_HOUSEHOLD,
  DEFAULT_PERSONS_PER_SQUARE_METER,
  extractResidentialBuildings,
  RESIDENTIAL_BUILDING_FLOORS,
  type ResidentialBuilding,
} from '../../../core/osm/buildings.js';
import { assignUnitsToSeeds, type PartitionPoint } from '../../../core/osm/community-partition.js';
import { elementLabel } from '../../../core/osm/element-geometry.js';
import { extractFacilities } from '../../../core/osm/facilities.js';
import type { OsmImportReport } from '../../../core/osm/osm-import-report.js';
import {
  DEFAULT_CELL_METERS,
  gridBreakpoints,
  pointAlongLine,
  weightedCentre,
} from '../../../core/osm/population-grid.js';
import { tallySkip, type SkipTally } from '../../../core/osm/skip-tally.js';
import { metricSridFor } from '../../../core/region/metric-srid.js';
import { regionMetaSchema, type RegionLayer } from '../../../core/region/region-files.js';
import { buildRoutingGraph, type RoutingGraph } from '../../../core/routing/graph.js';
import { buildSnapIndex, snapToNetwork } from '../../../core/routing/snap.js';
import { edgeClassCostFactor, WALK_SPEED_METERS_PER_SECOND } from '../../../core/routing/walking-profiles.js';
import type { CommunityTypeId } from '../../../core/standards/community-types.js';
import { NO_SURVEYED_FIGURES } from '../../../core/standards/community-figures.js';
import type { Database } from '../db/client.js';
import { loadRegion, type RegionLoadReport } from '../db/load-region.js';
import * as sql from '../db/sql/osm-region-import.sql.js';
import { REGION_EXISTS } from '../db/sql/regions.sql.js';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** Clipping slivers smaller than this (m²) are dropped rather than made into units. */
const MIN_PIECE_SQUARE_METERS = 1;

export interface OsmImportOptions {
  regionId: string;
  name: string;
  nameEn?: string | null;
  /** Replace a region of the same id; otherwise an existing id is an error. */
  replace?: boolean;
  /** Residents per m² of floor area (footprint × floors); DEFAULT_PERSONS_PER_SQUARE_METER when absent. */
  personsPerSquareMeter?: number;
  /** Floors assumed for buildings without building:levels; by building type when absent. */
  defaultFloors?: number | null;
  personsPerHousehold?: number;
  /** Side of the population grid's cells in metres. */
  cellMeters?: number;
  communityType?: CommunityTypeId;
}

/** Input that cannot become a region: a bad file, a taken id, an empty network. The message says what to do. */
export class OsmImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OsmImportError';
  }
}

type Feature = {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
};

/**
 * Parses an OSM XML text or throws OsmImportError naming the file and line where reading stopped.
 * Separate from the import so a command line can refuse a bad file before opening any database.
 */
export function parseOsmFile(xml: string, fileName: string): OsmDocument {
  try {
    return parseOsmXml(xml);
  } catch (error) {
    if (error instanceof OsmXmlError)
      throw new OsmImportError(`${fileName}: ${error.message}; nothing was imported`);
    throw error;
  }
}

/** Imports a parsed extract as region `options.regionId`; returns the report. Nothing is written on any error. */
export async function importOsmRegion(
  database: Database,
  document: OsmDocument,
  fileName: string,
  options: OsmImportOptions,
): Promise<{ report: OsmImportReport; load: RegionLoadReport }> {
  const idCheck = regionMetaSchema.shape.id.safeParse(options.regionId);
  if (!idCheck.success)
    throw new OsmImportError(
      `region id "${options.regionId}" must be lower-case letters, digits and hyphens (at most 63)`,
    );
  if (options.name.trim() === '') throw new OsmImportError('the region needs a name');
  const personsPerSquareMeter = options.personsPerSquareMeter ?? DEFAULT_PERSONS_PER_SQUARE_METER;
  const personsPerHousehold = options.personsPerHousehold ?? DEFAULT_PERSONS_PER_HOUSEHOLD;
  const cellMeters = options.cellMeters ?? DEFAULT_CELL_METERS;
  const communityType = options.communityType ?? 'urban';
  if (!(personsPerHousehold > 0))
    throw new OsmImportError(`persons per household must be positive, got ${personsPerHousehold}`);
  // Checked up front so a taken id fails fast; the loader checks again inside its transaction.
  if (!options.replace && (await database.query(REGION_EXISTS, [options.regionId])).rows.length > 0) {
    throw new OsmImportError(
      `region "${options.regionId}" already exists: pass --replace to overwrite it, or choose another id`,
    );
  }

  const { bounds, boundsFrom } = extractBounds(document);
  const metricSrid = metricSridFor((bounds.minLon + bounds.maxLon) / 2, (bounds.minLat + bounds.maxLat) / 2);
  const network = buildWalkingNetwork(document);
  if (network.edges.length === 0) {
    throw new OsmImportError(
      `${fileName}: no walkable ways, so no walking network; a region needs one (nothing was imported)`,
    );
  }
  const walker = createWalker(network.edges);
  const facilities = extractFacilities(document);
  const buildings = extractResidentialBuildings(document, {
    personsPerSquareMeter,
    defaultFloors: options.defaultFloors ?? null,
  });
  const seeds = [...document.nodes.values()].filter(
    (node) => node.tags.place === 'quarter' || node.tags.place === 'neighbourhood',
  );

  const streets = await cutStreets(database, document, bounds, options.name);
  const { pieces, slivers, pieceOf } = await cutUnitPieces(database, streets.list, bounds, cellMeters, [
    ...buildings.buildings.map((building, index) => ({ key: `b${index}`, position: building.centroid })),
    ...facilities.facilities.map((facility, index) => ({ key: `f${index}`, position: facility.position })),
    ...seeds.map((seed, index) => ({ key: `s${index}`, position: [seed.lon, seed.lat] as Position })),
  ]);
  const population = fillUnits(
    pieces,
    streets.list,
    buildings.buildings,
    (index) => pieceOf.get(`b${index}`),
    walker,
    personsPerHousehold,
  );
  const buildingsSkipped: SkipTally = { ...buildings.skipped, ...population.buildingsSkipped };
  const { units } = population;
  // Villages and hamlets are settlements, not 社区 centres; the report lists them as not used.
  const otherPlaces = [...document.nodes.values()].filter(
    (node) => node.tags.place === 'village' || node.tags.place === 'hamlet',
  );
  const communities = partitionCommunities(
    streets.list,
    units,
    seeds,
    (index) => pieceOf.get(`s${index}`),
    otherPlaces,
    walker,
  );

  // A community is exactly the union of its units: PostGIS unions the very geometries the units carry.
  const communityRows = await database.query<{ group: string; geometry: Feature['geometry'] }>(
    sql.UNION_BY_GROUP,
    [
      JSON.stringify(
        units.map((unit, index) => ({
          group: unit.communityId,
          order: index,
          geometry: unit.piece.geometry,
        })),
      ),
    ],
  );
  const communityGeometry = new Map(communityRows.rows.map((row) => [row.group, row.geometry]));
  const totals = (communityId: string) => {
    const members = units.filter((unit) => unit.communityId === communityId);
    return {
      units: members.length,
      residents: members.reduce((sum, unit) => sum + unit.residents, 0),
      households: members.reduce((sum, unit) => sum + unit.households, 0),
    };
  };

  const unitByPiece = new Map(units.map((unit) => [unit.piece.piece, unit]));
  let facilitiesOutside = 0;
  const facilityFeatures: Feature[] = facilities.facilities.map((facility, index) => {
    const piece = pieceOf.get(`f${index}`);
    const communityId = piece === undefined ? null : unitByPiece.get(piece)!.communityId;
    if (communityId === null) facilitiesOutside += 1;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: facility.position },
      properties: {
        id: facility.id,
        name: facility.name,
        category: facility.category,
        communityId,
        floorAreaSquareMeters: null,
        capacity: null,
      },
    };
  });

  const water = await readWater(database, document);

  const layers: Record<RegionLayer, { type: 'FeatureCollection'; features: Feature[] }> = {
    streets: collection(
      streets.list.map((street) => ({
        type: 'Feature',
        geometry: street.geometry,
        properties: { id: street.id, name: street.name, nameEn: null, kind: street.kind },
      })),
    ),
    communities: collection(
      communities.list.map((community) => {
        const { residents, households } = totals(community.id);
        return {
          type: 'Feature',
          geometry: communityGeometry.get(community.id)!,
          properties: {
            id: community.id,
            name: community.name,
            nameEn: null,
            type: communityType,
            streetId: community.streetId,
            residents,
            households,
            ...NO_SURVEYED_FIGURES,
            isTownshipSeat: false,
          },
        };
      }),
    ),
    units: collection(
      units.map((unit) => ({
        type: 'Feature',
        geometry: unit.piece.geometry,
        properties: {
          id: unit.id,
          name: unit.name,
          kind: 'grid',
          communityId: unit.communityId,
          residents: unit.residents,
          households: unit.households,
          elderly: null,
          children: null,
          estimated: true,
          accessPoint: walker.snappedPosition(unit.access),
        },
      })),
    ),
    facilities: collection(facilityFeatures),
    network: collection(network.edges.map(networkEdgeFeature)),
    water: collection(water.features),
  };

  const dataDate = document.newestTimestamp ? `, newest edit ${document.newestTimestamp.slice(0, 10)}` : '';
  const meta = {
    id: options.regionId,
    name: options.name,
    nameEn: options.nameEn ?? null,
    synthetic: false,
    metricSrid,
    attribution: OSM_ATTRIBUTION,
    source:
      `OpenStreetMap extract ${fileName}${dataDate}; residents ESTIMATED from building footprints ` +
      `(${personsPerSquareMeter} persons per m² of floor area, ${cellMeters} m grid units)`,
  };
  const load = await loadRegion(database, fileName, meta, layers, { replace: options.replace });

  const report: OsmImportReport = {
    regionId: options.regionId,
    name: options.name,
    file: fileName,
    generator: document.generator,
    newestTimestamp: document.newestTimestamp,
    bounds,
    boundsFrom,
    metricSrid,
    counts: { nodes: document.nodes.size, ways: document.ways.size, relations: document.relations.size },
    network: {
      walkableWays: network.walkableWayCount,
      edges: network.edges.length,
      nodes: network.nodeCount,
      components: network.components,
      edgesByClass: network.edgeCountByClass,
      lengthMetersByClass: network.lengthMetersByClass,
      skippedWays: network.skippedWays,
      waysCut: network.waysCut,
    },
    facilities: {
      total: facilities.facilities.length,
      byCategory: facilities.countByCategory,
      unmappedByTag: facilities.unmappedByTag,
      skipped: facilities.skipped,
      outsideCommunities: facilitiesOutside,
    },
    streets: {
      list: streets.list.map((street) => ({
        id: street.id,
        name: street.name,
        kind: street.kind,
        from: street.from,
        areaSquareKilometers: street.areaSquareMeters / 1e6,
      })),
      notes: streets.notes,
    },
    communities: {
      count: communities.list.length,
      type: communityType,
      list: communities.list.map((community) => ({
        id: community.id,
        name: community.name,
        streetId: community.streetId,
        from: community.from,
        ...totals(community.id),
      })),
      seedsUnused: communities.seedsUnused,
      straightLineUnits: communities.straightLineUnits,
    },
    population: {
      personsPerSquareMeter,
      floorsRule:
        options.defaultFloors !== null && options.defaultFloors !== undefined
          ? `building:levels, else ${options.defaultFloors}`
          : `building:levels, else by type (${Object.entries(RESIDENTIAL_BUILDING_FLOORS)
              .map(([type, floors]) => `${type} ${floors}`)
              .join(', ')})`,
      personsPerHousehold,
      cellMeters,
      buildingsUsed: population.buildingsUsed,
      buildingsWithTaggedFloors: population.buildingsWithTaggedFloors,
      buildingsSkipped,
      units: units.length,
      unitsWithResidents: units.filter((unit) => unit.residents > 0).length,
      slivers,
      residents: units.reduce((sum, unit) => sum + unit.residents, 0),
      households: units.reduce((sum, unit) => sum + unit.households, 0),
    },
    water: { areas: water.features.length, skipped: water.skipped },
  };
  return { report, load };
}

/** Snapping onto the walking network and walking along it (core/routing), for access points and the partition. */
interface Walker {
  graph: RoutingGraph;
  snap(position: Position): PartitionPoint;
  /** Where a snapped point lies on its edge, `[lon, lat]`. */
  snappedPosition(point: PartitionPoint): Position;
}

function createWalker(edges: NetworkEdge[]): Walker {
  const graph = buildRoutingGraph({
    source: edges.map((edge) => edge.source),
    target: edges.map((edge) => edge.target),
    lengthMeters: edges.map((edge) => edge.lengthMeters),
    costFactor: edges.map((edge) => edgeClassCostFactor(edge.edgeClass)),
  });
  const snapIndex = buildSnapIndex(
    graph,
    edges.map((edge) => edge.coordinates),
  );
  return {
    graph,
    // Without a distance limit a snap always finds an edge.
    snap: (position) => ({ position, snap: snapToNetwork(snapIndex, position[0], position[1])! }),
    snappedPosition: (point) => pointAlongLine(edges[point.snap.edgeIndex].coordinates, point.snap.fraction),
  };
}

interface Street {
  id: string;
  name: string;
  kind: 'street' | 'township';
  geometry: Feature['geometry'];
  areaSquareMeters: number;
  /** Where the street comes from, for the report. */
  from: string;
}

/**
 * Streets: the box cut into faces by the street-level boundaries (PostGIS), each face given to its
 * street (core/osm/admin-areas.ts), faces of one street unioned. Faces no street claims form one
 * more street, named as such; with no boundaries at all that is the whole box.
 */
async function cutStreets(
  database: Database,
  document: OsmDocument,
  bounds: OsmBounds,
  regionName: string,
): Promise<{ list: Street[]; notes: string[] }> {
  const boundaries = readAdminBoundaries(document);
  const { rows } = await database.query<{
    faces: { face: number; geometry: unknown; areaSquareMeters: number }[];
    adjacency: FaceAdjacency[];
    located: { key: string; face: number }[];
  }>(sql.ADMIN_FACES, [
    [bounds.minLon, bounds.minLat, bounds.maxLon, bounds.maxLat],
    JSON.stringify(
      boundaries.lines.map((line) => ({
        wayId: line.wayId,
        geometry: { type: 'LineString', coordinates: line.coordinates },
      })),
    ),
    JSON.stringify(
      boundaries.evidence.map((item, index) => ({
        key: String(index),
        lon: item.position[0],
        lat: item.position[1],
      })),
    ),
  ]);
  const { faces, adjacency, located } = rows[0];
  const solution = solveAdminFaces(
    faces.length,
    adjacency.map((entry) => ({ faces: entry.faces, wayIds: entry.wayIds.map(Number) })),
    boundaries.relations,
    located.map(({ key, face }) => ({ ...boundaries.evidence[Number(key)], face })),
  );

  const streetRelations = boundaries.relations.filter((relation) => relation.level === STREET_ADMIN_LEVEL);
  const notes: string[] = [];
  for (const relation of streetRelations) {
    const status = solution.statusByRelation.get(relation.id);
    if (status === 'outside-extract')
      notes.push(
        `${relation.name} (relation ${relation.id}): its boundary touches the file but none of its area lies in the box; left out`,
      );
    if (status === 'undecided') {
      notes.push(
        `${relation.name} (relation ${relation.id}): the file holds too little of it to tell which side of its boundary it lies on ` +
          '(no label node, address or parent to anchor it); its area goes to the rest street',
      );
    }
  }
  for (const conflict of solution.conflicts) notes.push(`inconsistent boundary data: ${conflict}`);

  const REST = 'rest';
  const keyOfFace = (face: number) =>
    solution.streetByFace[face] === null ? REST : `r${solution.streetByFace[face]}`;
  const keys = [...new Set(faces.map((_, face) => keyOfFace(face)))].sort(
    (a, b) => Number(a === REST) - Number(b === REST),
  );
  const unions = await database.query<{ group: string; geometry: Feature['geometry'] }>(sql.UNION_BY_GROUP, [
    JSON.stringify(
      faces.map((face, index) => ({
        group: keyOfFace(index),
        order: keys.indexOf(keyOfFace(index)),
        geometry: face.geometry,
      })),
    ),
  ]);
  const hasStreets = keys.some((key) => key !== REST);
  const list = unions.rows.map((row): Street => {
    const relation = streetRelations.find((candidate) => `r${candidate.id}` === row.group) ?? null;
    const name = relation
      ? relation.name
      : hasStreets
        ? `${regionName}其余部分（无街道/镇边界）`
        : `${regionName}（文件中无街道/镇边界）`;
    const from = relation
      ? `admin_level=8 relation ${relation.id}, clipped to the box`
      : hasStreets
        ? 'the part of the box no admin_level=8 boundary in the file covers'
        : streetRelations.length === 0
          ? 'no admin_level=8 boundary in the file: one street covering the whole box'
          : 'no admin_level=8 boundary could be placed: one street covering the whole box';
    const areaSquareMeters = faces
      .filter((_, face) => keyOfFace(face) === row.group)
      .reduce((sum, face) => sum + face.areaSquareMeters, 0);
    return {
      id: row.group,
      name,
      kind: /[镇乡]$/.test(name) ? 'township' : 'street',
      geometry: row.geometry,
      areaSquareMeters,
      from,
    };
  });
  return { list, notes };
}

interface UnitPiece {
  piece: number;
  column: number;
  row: number;
  /** Index of the street the piece lies in. */
  street: number;
  geometry: Feature['geometry'];
  areaSquareMeters: number;
  /** A point inside the piece. */
  inside: Position;
}

/** Grid cells cut along the streets (PostGIS), and the piece each keyed point lies in. */
async function cutUnitPieces(
  database: Database,
  streets: Street[],
  bounds: OsmBounds,
  cellMeters: number,
  points: { key: string; position: Position }[],
) {
  const grid = gridBreakpoints(bounds, cellMeters);
  const { rows } = await database.query<{
    pieces: UnitPiece[];
    slivers: number;
    located: { key: string; piece: number }[];
  }>(sql.UNIT_PIECES, [
    JSON.stringify(streets.map((street, index) => ({ street: index, geometry: street.geometry }))),
    grid.lons,
    grid.lats,
    MIN_PIECE_SQUARE_METERS,
    JSON.stringify(points.map(({ key, position }) => ({ key, lon: position[0], lat: position[1] }))),
  ]);
  const { pieces, slivers, located } = rows[0];
  return { pieces, slivers, pieceOf: new Map(located.map(({ key, piece }) => [key, piece])) };
}

interface Unit {
  id: string;
  name: string;
  piece: UnitPiece;
  access: PartitionPoint;
  residents: number;
  households: number;
  communityId: string;
}

/** Units from the pieces: the estimated residents of the buildings whose centroid lies in each, and where they step onto the network. */
function fillUnits(
  pieces: UnitPiece[],
  streets: Street[],
  buildings: ResidentialBuilding[],
  pieceOfBuilding: (index: number) => number | undefined,
  walker: Walker,
  personsPerHousehold: number,
) {
  const buildingsSkipped: SkipTally = {};
  let buildingsUsed = 0;
  let buildingsWithTaggedFloors = 0;
  const residentsByPiece = new Float64Array(pieces.length);
  const buildingsByPiece: { position: Position; weight: number }[][] = pieces.map(() => []);
  buildings.forEach((building, index) => {
    const piece = pieceOfBuilding(index);
    if (piece === undefined) {
      tallySkip(
        buildingsSkipped,
        'centroid outside the extract’s box (or in a dropped sliver)',
        building.element,
      );
      return;
    }
    buildingsUsed += 1;
    if (building.floorsTagged) buildingsWithTaggedFloors += 1;
    residentsByPiece[piece] += building.residents;
    buildingsByPiece[piece].push({ position: building.centroid, weight: building.residents });
  });
  // Unit ids name their grid cell; a cell cut by a street boundary gets a suffix per street.
  const piecesPerCell = new Map<string, number>();
  for (const piece of pieces)
    piecesPerCell.set(
      `${piece.column}-${piece.row}`,
      (piecesPerCell.get(`${piece.column}-${piece.row}`) ?? 0) + 1,
    );
  const units = pieces.map((piece, index): Unit => {
    const cell = `${piece.column}-${piece.row}`;
    const residents = Math.round(residentsByPiece[index]);
    return {
      id: piecesPerCell.get(cell)! > 1 ? `g${cell}-${streets[piece.street].id}` : `g${cell}`,
      name: `网格 ${cell}`,
      piece,
      // Residents step onto the network nearest their buildings' centre; an empty cell from a point inside it.
      access: walker.snap(weightedCentre(buildingsByPiece[index]) ?? piece.inside),
      residents,
      households: Math.round(residents / personsPerHousehold),
      communityId: '',
    };
  });
  return { units, buildingsUsed, buildingsWithTaggedFloors, buildingsSkipped };
}

/**
 * Communities: each street's units partitioned among the seeds in it by walking time (sets each
 * unit's communityId); a street without seeds is one community.
 */
function partitionCommunities(
  streets: Street[],
  units: Unit[],
  seeds: OsmNode[],
  pieceOfSeed: (index: number) => number | undefined,
  otherPlaces: OsmNode[],
  walker: Walker,
) {
  const seedsUnused: SkipTally = {};
  const list: { id: string; name: string; streetId: string; from: string }[] = [];
  let straightLineUnits = 0;
  const seedLabel = (seed: OsmNode) => `${elementLabel('node', seed.id)} ${seed.tags.name ?? ''}`.trim();
  const unitByPiece = new Map(units.map((unit) => [unit.piece.piece, unit]));
  const streetOfSeed = seeds.map((_, index) => {
    const piece = pieceOfSeed(index);
    return piece === undefined ? null : unitByPiece.get(piece)!.piece.street;
  });
  seeds.forEach((seed, index) => {
    if (streetOfSeed[index] === null) tallySkip(seedsUnused, 'outside the extract’s box', seedLabel(seed));
  });
  for (const place of otherPlaces) {
    tallySkip(
      seedsUnused,
      `place=${place.tags.place}: not a community seed (only place=quarter|neighbourhood are)`,
      seedLabel(place),
    );
  }

  streets.forEach((street, streetIndex) => {
    const streetUnits = units.filter((unit) => unit.piece.street === streetIndex);
    if (streetUnits.length === 0) return;
    const streetSeeds = seeds.filter((_, index) => streetOfSeed[index] === streetIndex);
    if (streetSeeds.length === 0) {
      const id = `${street.id}-all`;
      list.push({
        id,
        name: `${street.name}（未分社区）`,
        streetId: street.id,
        from: 'no place=quarter|neighbourhood point in this street: the whole street is one community',
      });
      for (const unit of streetUnits) unit.communityId = id;
      return;
    }
    const assignment = assignUnitsToSeeds(
      walker.graph,
      streetSeeds.map((seed) => walker.snap([seed.lon, seed.lat])),
      streetUnits.map((unit) => unit.access),
      WALK_SPEED_METERS_PER_SECOND.adult,
    );
    straightLineUnits += assignment.straightLineUnits;
    streetSeeds.forEach((seed, seedIndex) => {
      const seedUnits = streetUnits.filter((_, unitIndex) => assignment.seedByUnit[unitIndex] === seedIndex);
      if (seedUnits.length === 0) {
        tallySkip(seedsUnused, 'every grid cell is nearer another seed (no territory)', seedLabel(seed));
        return;
      }
      const id = `n${seed.id}`;
      const label = elementLabel('node', seed.id);
      list.push({
        id,
        name: seed.tags.name ?? `社区（OSM ${label}）`,
        streetId: street.id,
        from: `place=${seed.tags.place} ${label}`,
      });
      for (const unit of seedUnits) unit.communityId = id;
    });
  });
  return { list, seedsUnused, straightLineUnits };
}

function collection(features: Feature[]) {
  return { type: 'FeatureCollection' as const, features };
}

/** The file's `<bounds>`, or the extent of its nodes when it has none. */
function extractBounds(document: OsmDocument): { bounds: OsmBounds; boundsFrom: 'file' | 'nodes' } {
  if (document.bounds) return { bounds: document.bounds, boundsFrom: 'file' };
  if (document.nodes.size === 0)
    throw new OsmImportError('the file has no <bounds> and no nodes: nothing to import');
  const bounds = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const node of document.nodes.values()) {
    bounds.minLon = Math.min(bounds.minLon, node.lon);
    bounds.maxLon = Math.max(bounds.maxLon, node.lon);
    bounds.minLat = Math.min(bounds.minLat, node.lat);
    bounds.maxLat = Math.max(bounds.maxLat, node.lat);
  }
  return { bounds, boundsFrom: 'nodes' };
}

/** Water areas for the base map: closed water ways and water multipolygons, built and made valid in PostGIS. */
async function readWater(database: Database, document: OsmDocument) {
  const isWater = (tags: Record<string, string>) =>
    tags.natural === 'water' ||
    tags.waterway === 'riverbank' ||
    tags.landuse === 'reservoir' ||
    tags.landuse === 'basin';
  const kindOf = (tags: Record<string, string>) =>
    tags.water === 'river' || tags.water === 'canal' || tags.waterway === 'riverbank' ? 'river' : 'pond';
  const candidates: { id: string; name: string | null; kind: string; label: string; lines: Position[][] }[] =
    [];
  const skipped: SkipTally = {};
  const positions = (nodeIds: number[]) =>
    nodeIds
      .map((id) => document.nodes.get(id))
      .filter((node) => node !== undefined)
      .map((node) => [node.lon, node.lat] as Position);
  for (const way of document.ways.values()) {
    if (!isWater(way.tags)) continue;
    if (way.nodeIds[0] !== way.nodeIds[way.nodeIds.length - 1]) {
      tallySkip(
        skipped,
        'an open way (part of a multipolygon or a broken ring)',
        elementLabel('way', way.id),
      );
      continue;
    }
    candidates.push({
      id: `w${way.id}`,
      name: way.tags.name ?? null,
      kind: kindOf(way.tags),
      label: elementLabel('way', way.id),
      lines: [positions(way.nodeIds)],
    });
  }
  for (const relation of document.relations.values()) {
    if (relation.tags.type !== 'multipolygon' || !isWater(relation.tags)) continue;
    const lines = relation.members
      .filter((member) => member.type === 'way' && document.ways.has(member.ref))
      .map((member) => positions(document.ways.get(member.ref)!.nodeIds))
      .filter((line) => line.length >= 2);
    candidates.push({
      id: `r${relation.id}`,
      name: relation.tags.name ?? null,
      kind: kindOf(relation.tags),
      label: elementLabel('relation', relation.id),
      lines,
    });
  }
  const usable = candidates.filter((candidate) => {
    if (candidate.lines.length > 0 && candidate.lines.every((line) => line.length >= 2)) return true;
    tallySkip(skipped, 'no member ways in the file', candidate.label);
    return false;
  });
  const { rows } = await database.query<{ id: string; geometry: Feature['geometry'] | null }>(
    sql.WATER_AREAS,
    [
      JSON.stringify(
        usable.map((candidate) => ({
          id: candidate.id,
          geometry: { type: 'MultiLineString', coordinates: candidate.lines },
        })),
      ),
    ],
  );
  const geometryById = new Map(rows.map((row) => [row.id, row.geometry]));
  const features: Feature[] = [];
  for (const candidate of usable) {
    const geometry = geometryById.get(candidate.id) ?? null;
    if (geometry === null) {
      tallySkip(skipped, 'its ways close no ring in the file (members outside the extract)', candidate.label);
      continue;
    }
    features.push({
      type: 'Feature',
      geometry,
      properties: { id: candidate.id, name: candidate.name, kind: candidate.kind },
    });
  }
  return { features, skipped };
}
