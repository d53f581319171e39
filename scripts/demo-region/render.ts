/**
 * Renders a built town as a region folder's files (data/geojson/README.md): projected to WGS 84,
 * rounded to 6 decimals, keys in a fixed order, one feature per line. With `scale` N > 1 the town
 * is tiled N times (ceil(√N) tiles per row), copies suffixed `~k` in ids and `k` in names, network
 * ids offset per tile, and neighbouring tiles joined by arterial links across the gap between them.
 */

import { cornerId, cornerPolygonsToGeometry } from '../../core/geometry/grid-outline';
import { haversineDistanceMeters } from '../../core/geometry/haversine';
import { createLocalProjection } from '../../core/geometry/local-projection';
import type { Position } from '../../core/geometry/position';
import { surveyedFiguresOf } from '../../core/standards/community-figures';
import { unitId, type CommunityRecord } from './population';
import type { DemoTown } from './town';
import { ARTERIAL_LINE_SPACING, townSizeMeters, type TownPlan } from './town-plan';

/** The files of a region folder, by file name, as the exact text to write. */
export type RegionFiles = Record<string, string>;

/** Feature counts of a rendered region. */
export interface RegionCounts {
  streets: number;
  communities: number;
  units: number;
  facilities: number;
  networkEdges: number;
  networkNodes: number;
  /** Edges added to join neighbouring tiles (0 unless scaled). */
  tileLinks: number;
  water: number;
}

/** Region files and their feature counts. */
export interface RenderedRegion {
  files: RegionFiles;
  counts: RegionCounts;
}

/** Empty ground between tiles of a scaled region, metres (the joining links span it). */
export const TILE_GAP_METERS = 150;

/** Where tile `tile` of `scale` sits and how its ids and names are marked. */
export interface TilePlacement {
  tile: number;
  column: number;
  row: number;
  xOffsetMeters: number;
  yOffsetMeters: number;
  /** Appended to string ids: '' for the first tile, `~k` for the others. */
  idSuffix: string;
  /** Appended to names: '' for the first tile, `k` for the others. */
  nameSuffix: string;
}

/** Tile layout of a region `scale` times the town of `plan`. */
export function tilePlacements(plan: TownPlan, scale: number): TilePlacement[] {
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`scale must be a positive integer, got ${scale}`);
  const { widthMeters, heightMeters } = townSizeMeters(plan);
  const columns = Math.ceil(Math.sqrt(scale));
  return Array.from({ length: scale }, (_, tile) => {
    const column = tile % columns;
    const row = Math.floor(tile / columns);
    return {
      tile,
      column,
      row,
      xOffsetMeters: column * (widthMeters + TILE_GAP_METERS),
      yOffsetMeters: row * (heightMeters + TILE_GAP_METERS),
      idSuffix: tile === 0 ? '' : `~${tile}`,
      nameSuffix: tile === 0 ? '' : String(tile),
    };
  });
}

/** Region id of a plan's region at a scale: e.g. `demo`, or `demo-x<N>`. */
export function scaledRegionId(plan: TownPlan, scale: number): string {
  return scale === 1 ? plan.region.id : `${plan.region.id}-x${scale}`;
}

/** Rounds a coordinate to 6 decimals (~0.1 m), as the file format asks. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Smallest power of ten above `count`: the id stride between tiles, so ids stay readable. */
function idStride(count: number): number {
  return 10 ** Math.ceil(Math.log10(count + 1));
}

/** Renders the town at `scale` into region files. */
export function renderRegionFiles(town: DemoTown, scale: number): RenderedRegion {
  const { plan, size, network } = town;
  const projection = createLocalProjection(plan.originLonLat);
  const tiles = tilePlacements(plan, scale);
  const nodeStride = idStride(network.nodeCorners.length);
  const edgeStride = idStride(network.edges.length);

  const streets: string[] = [];
  const communities: string[] = [];
  const units: string[] = [];
  const facilities: string[] = [];
  const edges: string[] = [];
  const water: string[] = [];
  const tileCorners: Position[][] = [];

  for (const placement of tiles) {
    const { idSuffix, nameSuffix, xOffsetMeters, yOffsetMeters } = placement;
    const project = (x: number, y: number): Position => {
      const [lon, lat] = projection.toLonLat(x + xOffsetMeters, y + yOffsetMeters);
      return [roundCoordinate(lon), roundCoordinate(lat)];
    };
    const corners: Position[] = Array.from(town.cornerXMeters, (x, corner) =>
      project(x, town.cornerYMeters[corner]),
    );
    tileCorners.push(corners);
    const cornerPosition = (corner: number) => corners[corner];
    const nameEnSuffix = nameSuffix ? ` ${nameSuffix}` : '';

    plan.streets.forEach((street, index) => {
      streets.push(
        feature(
          {
            id: street.id + idSuffix,
            name: street.name + nameSuffix,
            nameEn: street.nameEn + nameEnSuffix,
            kind: street.kind,
          },
          cornerPolygonsToGeometry(town.streetOutlines[index], cornerPosition),
        ),
      );
    });

    town.communities.forEach((record, index) => {
      const community = record.plan;
      communities.push(
        feature(
          {
            id: community.id + idSuffix,
            name: community.name + nameSuffix,
            nameEn: community.nameEn + nameEnSuffix,
            type: community.type,
            streetId: community.streetId + idSuffix,
            residents: record.residents,
            households: record.households,
            ...surveyedFiguresOf(record),
            isTownshipSeat: record.isTownshipSeat,
            ...(plan.writesCommunityFigures ? communityFiguresOf(record) : {}),
          },
          cornerPolygonsToGeometry(town.communityOutlines[index], cornerPosition),
        ),
      );
    });

    for (const unit of town.units) {
      const column = unit.cell % size.columns;
      const row = (unit.cell - column) / size.columns;
      const sw = cornerId(size, column, row);
      const nw = sw + size.columns + 1;
      units.push(
        feature(
          {
            id: unitId(column, row) + idSuffix,
            name: unit.name,
            kind: unit.kind,
            communityId: plan.communities[unit.community].id + idSuffix,
            residents: unit.residents,
            households: unit.households,
            elderly: unit.elderly,
            children: unit.children,
            accessPoint: corners[network.nodeCorners[town.accessNode[unit.cell]]],
          },
          { type: 'Polygon', coordinates: [[sw, sw + 1, nw + 1, nw, sw].map(cornerPosition)] },
        ),
      );
    }

    for (const facility of town.facilities) {
      facilities.push(
        feature(
          {
            id: facility.id + idSuffix,
            name: facility.name + nameSuffix,
            category: facility.category,
            communityId: plan.communities[facility.community].id + idSuffix,
            floorAreaSquareMeters: facility.floorAreaSquareMeters,
            capacity: facility.capacity,
          },
          { type: 'Point', coordinates: project(facility.xMeters, facility.yMeters) },
        ),
      );
    }

    network.edges.forEach((edge, index) => {
      const from = corners[edge.from];
      const to = corners[edge.to];
      edges.push(
        feature(
          {
            id: placement.tile * edgeStride + index + 1,
            source: placement.tile * nodeStride + town.nodeOfCorner[edge.from] + 1,
            target: placement.tile * nodeStride + town.nodeOfCorner[edge.to] + 1,
            lengthMeters: roundLength(haversineDistanceMeters(from, to)),
            class: edge.edgeClass,
            bridge: edge.bridge,
          },
          { type: 'LineString', coordinates: [from, to] },
        ),
      );
    });

    water.push(
      feature(
        { id: plan.water.river.id + idSuffix, name: plan.water.river.name + nameSuffix, kind: 'river' },
        cornerPolygonsToGeometry(town.riverOutline, cornerPosition),
      ),
    );
    water.push(
      feature(
        { id: plan.water.pond.id + idSuffix, name: plan.water.pond.name + nameSuffix, kind: 'pond' },
        { type: 'Polygon', coordinates: [town.pondRingMeters.map(([x, y]) => project(x, y))] },
      ),
    );
  }

  // Links between neighbouring tiles, on the arterial lines that reach the tile edges.
  let linkId = tiles.length * edgeStride;
  const link = (a: TilePlacement, aCorner: number, b: TilePlacement, bCorner: number) => {
    const aNode = town.nodeOfCorner[aCorner];
    const bNode = town.nodeOfCorner[bCorner];
    if (aNode < 0 || bNode < 0) return false;
    const from = tileCorners[a.tile][aCorner];
    const to = tileCorners[b.tile][bCorner];
    edges.push(
      feature(
        {
          id: ++linkId,
          source: a.tile * nodeStride + aNode + 1,
          target: b.tile * nodeStride + bNode + 1,
          lengthMeters: roundLength(haversineDistanceMeters(from, to)),
          class: 'arterial',
          bridge: false,
        },
        { type: 'LineString', coordinates: [from, to] },
      ),
    );
    return true;
  };
  for (const a of tiles) {
    const east = tiles.find((b) => b.row === a.row && b.column === a.column + 1);
    const north = tiles.find((b) => b.column === a.column && b.row === a.row + 1);
    let eastLinks = 0;
    let northLinks = 0;
    for (let line = 0; line <= Math.max(size.rows, size.columns); line += ARTERIAL_LINE_SPACING) {
      if (
        east &&
        line <= size.rows &&
        link(a, cornerId(size, size.columns, line), east, cornerId(size, 0, line))
      )
        eastLinks++;
      if (
        north &&
        line <= size.columns &&
        link(a, cornerId(size, line, size.rows), north, cornerId(size, line, 0))
      )
        northLinks++;
    }
    if ((east && eastLinks === 0) || (north && northLinks === 0)) {
      throw new Error(
        `scale: tile ${a.tile} has no network node on an arterial line at its edge to link to its neighbour`,
      );
    }
  }

  const meta = plan.region;
  const regionMeta = {
    id: scaledRegionId(plan, scale),
    name: scale === 1 ? meta.name : meta.name.replace('）', `，×${scale}）`),
    nameEn: scale === 1 ? meta.nameEn : meta.nameEn.replace(')', `, ×${scale})`),
    synthetic: meta.synthetic,
    profile: meta.profile,
    metricSrid: meta.metricSrid,
    attribution: meta.attribution,
    ...(meta.source === undefined ? {} : { source: meta.source }),
  };
  const files: RegionFiles = {
    'region.json': `${JSON.stringify(regionMeta, null, 2)}\n`,
    'streets.geojson': featureCollection(streets),
    'communities.geojson': featureCollection(communities),
    'units.geojson': featureCollection(units),
    'facilities.geojson': featureCollection(facilities),
    'network.geojson': featureCollection(edges),
    'water.geojson': featureCollection(water),
  };
  const counts: RegionCounts = {
    streets: streets.length,
    communities: communities.length,
    units: units.length,
    facilities: facilities.length,
    networkEdges: edges.length,
    networkNodes: network.nodeCorners.length * tiles.length,
    tileLinks: linkId - tiles.length * edgeStride,
    water: water.length,
  };
  return { files, counts };
}

/** Issue 10's figures of a community, in the order data/geojson/README.md lists them. */
function communityFiguresOf(record: CommunityRecord) {
  return {
    applicationTarget: record.applicationTarget,
    stationProvenance: record.stationProvenance,
    activityFloorShare: record.activityFloorShare,
    commercialFloorShare: record.commercialFloorShare,
    parkingSpaces: record.parkingSpaces,
    seatKind: record.seatKind,
  };
}

function roundLength(lengthMeters: number): number {
  return Math.round(lengthMeters * 100) / 100;
}

function feature(
  properties: Record<string, unknown>,
  geometry: { type: string; coordinates: unknown },
): string {
  return JSON.stringify({ type: 'Feature', properties, geometry });
}

/** A FeatureCollection with one feature per line, so diffs of the shipped files stay readable. */
function featureCollection(features: string[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}
