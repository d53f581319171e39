/**
 * Builds a town plan's town in memory, in local metres on its lattice: land use, network, population,
 * facilities and the traced outlines of communities, streets and the river. Rendering to GeoJSON
 * (projection, tiling, ids) is render.ts's job, so a scaled region reuses one town for every tile.
 */

import {
  cornerId,
  traceCellOutline,
  traceLabelledCellOutlines,
  type CornerPolygon,
  type LatticeSize,
} from '../../core/geometry/grid-outline';
import { planFacilities, type FacilityRecord } from './facilities';
import { planLandUse, type LandUsePlan } from './land-use';
import { planNetwork, type NetworkPlan } from './network';
import { planPopulation, type CommunityRecord, type UnitRecord } from './population';
import { BLOCK_CELLS, latticeCornerMeters, type TownPlan } from './town-plan';
import { NodeLocator, buildWalkGraph, type WalkGraph } from './walk-graph';

/** The town in local metres: everything render.ts needs to write any number of tiles. */
export interface DemoTown {
  /** The plan the town was built from. */
  plan: TownPlan;
  size: LatticeSize;
  /** Lattice corner positions in metres east/north of the south-west corner, by corner id. */
  cornerXMeters: Float64Array;
  cornerYMeters: Float64Array;
  landUse: LandUsePlan;
  network: NetworkPlan;
  /** Network node index (position in `network.nodeCorners`) of each lattice corner, or -1. */
  nodeOfCorner: Int32Array;
  /** The network with planar lengths in metres, for the generator's own checks. */
  graph: WalkGraph;
  /** One unit per land cell, in row-major cell order. */
  units: UnitRecord[];
  /** Network node index where the residents of each cell (by cell index) step onto the network. */
  accessNode: Int32Array;
  communities: CommunityRecord[];
  facilities: FacilityRecord[];
  /** Outline of each community and street (in the plan's order) as corner polygons. */
  communityOutlines: CornerPolygon[][];
  streetOutlines: CornerPolygon[][];
  riverOutline: CornerPolygon[];
  /** The pond in the central park: a closed ring in metres, counter-clockwise. */
  pondRingMeters: [number, number][];
}

/** Radius of the central park's pond, metres. */
const POND_RADIUS_METERS = 18;

/** Builds the whole town from `plan` and `seed`. */
export function buildDemoTown(plan: TownPlan, seed: number): DemoTown {
  const landUse = planLandUse(plan, seed);
  const { size, cells } = landUse;
  const cornerCount = (size.columns + 1) * (size.rows + 1);
  const cornerXMeters = new Float64Array(cornerCount);
  const cornerYMeters = new Float64Array(cornerCount);
  for (let j = 0; j <= size.rows; j++) {
    for (let i = 0; i <= size.columns; i++) {
      const [x, y] = latticeCornerMeters(plan, i, j);
      cornerXMeters[cornerId(size, i, j)] = x;
      cornerYMeters[cornerId(size, i, j)] = y;
    }
  }
  const cellCentre = (cell: number): [number, number] => {
    const column = cell % size.columns;
    const row = (cell - column) / size.columns;
    const sw = cornerId(size, column, row);
    const corners = [sw, sw + 1, sw + size.columns + 1, sw + size.columns + 2];
    return [
      corners.reduce((sum, corner) => sum + cornerXMeters[corner], 0) / 4,
      corners.reduce((sum, corner) => sum + cornerYMeters[corner], 0) / 4,
    ];
  };

  const network = planNetwork(plan, landUse, seed);
  const nodeOfCorner = new Int32Array(cornerCount).fill(-1);
  network.nodeCorners.forEach((corner, node) => (nodeOfCorner[corner] = node));
  const nodeX = network.nodeCorners.map((corner) => cornerXMeters[corner]);
  const nodeY = network.nodeCorners.map((corner) => cornerYMeters[corner]);
  const graph = buildWalkGraph(
    network.nodeCorners.length,
    network.edges.map((edge) => ({
      source: nodeOfCorner[edge.from],
      target: nodeOfCorner[edge.to],
      lengthMeters: Math.hypot(
        cornerXMeters[edge.to] - cornerXMeters[edge.from],
        cornerYMeters[edge.to] - cornerYMeters[edge.from],
      ),
    })),
  );
  const locator = new NodeLocator(nodeX, nodeY);
  const accessNode = new Int32Array(cells.length).fill(-1);
  for (const cell of cells) {
    if (cell.community >= 0) accessNode[cell.index] = locator.nearest(...cellCentre(cell.index));
  }

  const { units, communities } = planPopulation(plan, landUse, seed);
  const facilities = planFacilities(
    plan,
    { plan: landUse, units, communities, cellCentre, accessNode, graph, locator },
    seed,
  );

  const communityOfCell = (column: number, row: number) => cells[row * size.columns + column].community;
  const communityShapes = traceLabelledCellOutlines(size, (column, row) => {
    const community = communityOfCell(column, row);
    return community >= 0 ? community : null;
  });
  const streetIndex = plan.communities.map((community) =>
    plan.streets.findIndex((street) => street.id === community.streetId),
  );
  const streetShapes = traceLabelledCellOutlines(size, (column, row) => {
    const community = communityOfCell(column, row);
    return community >= 0 ? streetIndex[community] : null;
  });
  const riverOutline = traceCellOutline(size, (column, row) => communityOfCell(column, row) < 0);

  return {
    plan,
    size,
    cornerXMeters,
    cornerYMeters,
    landUse,
    network,
    nodeOfCorner,
    graph,
    units,
    accessNode,
    communities,
    facilities,
    communityOutlines: plan.communities.map((_, index) => communityShapes.get(index) ?? []),
    streetOutlines: plan.streets.map((_, index) => streetShapes.get(index) ?? []),
    riverOutline,
    pondRingMeters: pondRing(plan, cellCentre, size),
  };
}

/**
 * A small octagonal pond in the central park, in the south-east cell, clear of the diagonal
 * footway and the park's middle paths.
 */
function pondRing(
  plan: TownPlan,
  cellCentre: (cell: number) => [number, number],
  size: LatticeSize,
): [number, number][] {
  const park = plan.sites.find((site) => site.kind === 'central-park');
  if (!park) throw new Error(`${plan.region.id}: no central park for the pond`);
  const column = (park.blockColumn + park.widthBlocks) * BLOCK_CELLS - 1;
  const row = park.blockRow * BLOCK_CELLS;
  const [cx, cy] = cellCentre(row * size.columns + column);
  const ring: [number, number][] = [];
  for (let k = 0; k < 8; k++) {
    const angle = (k * Math.PI) / 4 + Math.PI / 8;
    ring.push([cx + POND_RADIUS_METERS * Math.cos(angle), cy + POND_RADIUS_METERS * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}
