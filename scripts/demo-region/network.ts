/**
 * The walking network: edges along the lattice lines, classed by where they run.
 *
 * In town every lattice line is a path — arterials every 8th line, local streets every 2nd, alleys
 * between (30 % of alley edges dropped, never one that would disconnect anything). Parks get
 * footways (and a diagonal through the central park), the hill above the old town trails and
 * steps, the countryside tracks on every 4th line plus lanes through the hamlets. The river cuts the
 * lattice except on the four bridge lines. Whatever is not reachable from the main network is
 * dropped, so the result is one connected component.
 */

import { cornerId, type LatticeSize } from '../../core/geometry/grid-outline';
import type { EdgeClass } from '../../core/network/edge-classes';
import type { CellPlan, LandUse, LandUsePlan } from './land-use';
import { createRandom } from './prng';
import { ARTERIAL_LINE_SPACING, BLOCK_CELLS, RURAL_LINE_SPACING, type TownPlan } from './town-plan';

// The edge-class vocabulary lives in core; re-exported for the demo generator's other modules.
export { EDGE_CLASSES, type EdgeClass } from '../../core/network/edge-classes';

/** One network edge between two lattice corners (which are its nodes). */
export interface PlannedEdge {
  /** Corner id of the source node (the western or southern end). */
  from: number;
  /** Corner id of the target node. */
  to: number;
  edgeClass: EdgeClass;
  bridge: boolean;
}

/** The connected walking network on the lattice. */
export interface NetworkPlan {
  edges: PlannedEdge[];
  /** Corner ids of the network's nodes, ascending; node id = position + 1. */
  nodeCorners: number[];
  /** Edges dropped because they were not connected to the main network. */
  unreachableEdgesDropped: number;
}

/** Share of alley edges dropped to make the old town's grid irregular. */
const ALLEY_DROP_SHARE = 0.3;
/** Land uses laid out like town (a full street grid). */
const TOWN_LIKE: ReadonlySet<LandUse> = new Set([
  'residential',
  'park',
  'school',
  'sports',
  'industrial',
  'commercial',
  'developed',
]);
/** Walled sites: no public path runs through them. */
const WALLED: ReadonlySet<LandUse> = new Set(['school', 'sports']);

/** Lays out the walking network over the land-use plan. */
export function planNetwork(town: TownPlan, plan: LandUsePlan, seed: number): NetworkPlan {
  const { size, cells } = plan;
  const { bridges, sites } = town;
  const cellAt = (column: number, row: number): CellPlan | null =>
    column >= 0 && column < size.columns && row >= 0 && row < size.rows
      ? cells[row * size.columns + column]
      : null;
  const bridgeKind = new Map<number, 'road' | 'foot'>(bridges.map((bridge) => [bridge.column, bridge.kind]));
  const hillFirstRow = Math.min(
    ...sites.filter((site) => site.kind === 'hill').map((site) => site.blockRow * BLOCK_CELLS),
  );

  const candidates: PlannedEdge[] = [];
  const add = (from: number, to: number, edgeClass: EdgeClass | null, bridge = false) => {
    if (edgeClass) candidates.push({ from, to, edgeClass, bridge });
  };
  for (let j = 0; j <= size.rows; j++) {
    for (let i = 0; i <= size.columns; i++) {
      if (i < size.columns) {
        const sides = [cellAt(i, j - 1), cellAt(i, j)].filter((cell): cell is CellPlan => cell !== null);
        add(cornerId(size, i, j), cornerId(size, i + 1, j), classify(sides, j, 'horizontal', j));
      }
      if (j < size.rows) {
        const sides = [cellAt(i - 1, j), cellAt(i, j)].filter((cell): cell is CellPlan => cell !== null);
        const from = cornerId(size, i, j);
        const to = cornerId(size, i, j + 1);
        if (sides.every((cell) => cell.landUse === 'water')) {
          const kind = bridgeKind.get(i);
          if (kind) add(from, to, kind === 'road' ? 'arterial' : 'footway', true);
        } else {
          add(from, to, classify(sides, i, 'vertical', j));
        }
      }
    }
  }
  // A footway straight across the central park, corner to corner.
  for (const site of sites.filter((candidate) => candidate.kind === 'central-park')) {
    const i0 = site.blockColumn * BLOCK_CELLS;
    const j0 = site.blockRow * BLOCK_CELLS;
    for (let k = 0; k < site.widthBlocks * BLOCK_CELLS; k++) {
      add(cornerId(size, i0 + k, j0 + k), cornerId(size, i0 + k + 1, j0 + k + 1), 'footway');
    }
  }

  function classify(
    sides: CellPlan[],
    line: number,
    orientation: 'horizontal' | 'vertical',
    j: number,
  ): EdgeClass | null {
    const land = sides.filter((cell) => cell.landUse !== 'water');
    if (land.length === 0) return null;
    const uses = land.map((cell) => cell.landUse);
    const townLike = uses.some((use) => TOWN_LIKE.has(use));
    if (uses.every((use) => WALLED.has(use))) return null;
    if (townLike && line % ARTERIAL_LINE_SPACING === 0) return 'arterial';
    if (uses.every((use) => use === 'park')) return parkPath(land, line, orientation);
    if (!townLike) {
      if (uses.every((use) => use === 'hill')) {
        if (line % RURAL_LINE_SPACING !== 0) return null;
        // The first rows up the hill are stairs; above them the trails level out.
        return orientation === 'vertical' && j < hillFirstRow + 2 ? 'steps' : 'footway';
      }
      if (line % RURAL_LINE_SPACING === 0 || uses.includes('hamlet')) return 'track';
      return null;
    }
    return line % 2 === 0 ? 'street' : 'alley';
  }

  function parkPath(
    land: CellPlan[],
    line: number,
    orientation: 'horizontal' | 'vertical',
  ): EdgeClass | null {
    const site = sites[land[0].site];
    if (site?.kind !== 'central-park' || land.some((cell) => cell.site !== land[0].site)) return 'footway';
    // Inside the central park only the two middle paths (and the diagonal) are kept.
    const middle =
      orientation === 'vertical'
        ? (site.blockColumn + site.widthBlocks / 2) * BLOCK_CELLS
        : (site.blockRow + site.heightBlocks / 2) * BLOCK_CELLS;
    return line === middle ? 'footway' : null;
  }

  const kept = dropAlleys(candidates, seed);
  return keepLargestComponent(kept, size);
}

/**
 * Drops a random 30 % of alley edges, but keeps any whose removal would split the network: alleys
 * are considered last, Kruskal-style, and kept when they join two parts not yet joined.
 */
function dropAlleys(edges: PlannedEdge[], seed: number): PlannedEdge[] {
  const random = createRandom(seed, 'network:alleys');
  const droppable = edges.map((edge) => edge.edgeClass === 'alley' && random.next() < ALLEY_DROP_SHARE);
  const parent = new Map<number, number>();
  const find = (node: number): number => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let current = node;
    while (current !== root) {
      const next = parent.get(current) ?? root;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  const union = (a: number, b: number): boolean => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return false;
    parent.set(rootA, rootB);
    return true;
  };
  edges.forEach((edge, index) => {
    if (!droppable[index]) union(edge.from, edge.to);
  });
  const keep = droppable.map((isDroppable) => !isDroppable);
  edges.forEach((edge, index) => {
    if (droppable[index] && union(edge.from, edge.to)) keep[index] = true;
  });
  return edges.filter((_, index) => keep[index]);
}

/** Keeps the connected component with the most nodes; ties go to the one found first. */
function keepLargestComponent(edges: PlannedEdge[], size: LatticeSize): NetworkPlan {
  const adjacency = new Map<number, number[]>();
  const link = (a: number, b: number) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const component = new Map<number, number>();
  let best = -1;
  let bestSize = 0;
  const corners = [...adjacency.keys()].sort((a, b) => a - b);
  for (const start of corners) {
    if (component.has(start)) continue;
    component.set(start, start);
    const stack = [start];
    let count = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      count++;
      for (const next of adjacency.get(node)!) {
        if (!component.has(next)) {
          component.set(next, start);
          stack.push(next);
        }
      }
    }
    if (count > bestSize) {
      best = start;
      bestSize = count;
    }
  }
  const connected = edges.filter((edge) => component.get(edge.from) === best);
  const nodeCorners = corners.filter((corner) => component.get(corner) === best);
  if (nodeCorners.some((corner) => corner < 0 || corner >= (size.columns + 1) * (size.rows + 1))) {
    throw new Error('network: node outside the lattice');
  }
  return { edges: connected, nodeCorners, unreachableEdgesDropped: edges.length - connected.length };
}
