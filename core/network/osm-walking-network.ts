/**
 * The walking network of an OSM extract: walkable ways (osm-walkable-ways.ts) split into edges at
 * every node two or more walkable ways share and at way ends, measured in metres along the great
 * circle, with their connected components counted for the report.
 */
import type { OsmDocument, OsmWay } from '../formats/osm-xml.js';
import { lineStringLengthMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { tallySkip, type SkipTally } from '../osm/skip-tally.js';
import { connectedComponents, type NetworkComponents } from './connected-components.js';
import type { EdgeClass } from './edge-classes.js';
import type { NetworkEdgeInput } from './network-edge.js';
import { isBridge, judgeWay } from './osm-walkable-ways.js';

/** A network edge whose source and target are the OSM node ids of its first and last vertex. */
export interface NetworkEdge extends NetworkEdgeInput {
  /** The OSM way the edge was cut from. */
  wayId: number;
}

export interface WalkingNetwork {
  edges: NetworkEdge[];
  nodeCount: number;
  walkableWayCount: number;
  /** Highway ways left out, by reason. */
  skippedWays: SkipTally;
  /** Walkable ways that reference nodes missing from the file (cut at the gaps), and degenerate pieces dropped. */
  waysCut: SkipTally;
  components: NetworkComponents;
  lengthMetersByClass: Partial<Record<EdgeClass, number>>;
  edgeCountByClass: Partial<Record<EdgeClass, number>>;
}

/** Splits the extract's walkable ways into network edges (ids 0…n−1 in way order). */
export function buildWalkingNetwork(document: OsmDocument): WalkingNetwork {
  const skippedWays: SkipTally = {};
  const waysCut: SkipTally = {};
  const walkable: { way: OsmWay; edgeClass: EdgeClass; nodeIds: number[] }[] = [];
  for (const way of document.ways.values()) {
    const verdict = judgeWay(way.tags);
    if (verdict === null) continue;
    if (!verdict.walkable) {
      tallySkip(skippedWays, verdict.reason, `way ${way.id}`);
      continue;
    }
    // Repeated consecutive references add nothing but zero-length segments.
    const nodeIds = way.nodeIds.filter((id, index) => index === 0 || id !== way.nodeIds[index - 1]);
    if (nodeIds.some((id) => !document.nodes.has(id))) {
      tallySkip(waysCut, 'references nodes missing from the file (cut there)', `way ${way.id}`);
    }
    walkable.push({ way, edgeClass: verdict.edgeClass, nodeIds });
  }

  // A node is a junction when walkable ways pass it more than once in total (two ways, or a way
  // that comes back to it).
  const uses = new Map<number, number>();
  for (const { nodeIds } of walkable) {
    for (const id of nodeIds) uses.set(id, (uses.get(id) ?? 0) + 1);
  }

  const edges: NetworkEdge[] = [];
  const addEdge = (wayItem: (typeof walkable)[number], nodeIds: number[]) => {
    if (nodeIds.length < 2) return;
    if (nodeIds[0] === nodeIds[nodeIds.length - 1]) {
      // A loop touching the rest at one node only: split it in two so that its far side is a node.
      if (nodeIds.length < 4) {
        tallySkip(waysCut, 'a loop of fewer than three distinct nodes (dropped)', `way ${wayItem.way.id}`);
        return;
      }
      const middle = Math.floor(nodeIds.length / 2);
      addEdge(wayItem, nodeIds.slice(0, middle + 1));
      addEdge(wayItem, nodeIds.slice(middle));
      return;
    }
    const coordinates = nodeIds.map((id) => {
      const node = document.nodes.get(id)!;
      return [node.lon, node.lat] as Position;
    });
    edges.push({
      id: edges.length,
      source: nodeIds[0],
      target: nodeIds[nodeIds.length - 1],
      lengthMeters: lineStringLengthMeters(coordinates),
      edgeClass: wayItem.edgeClass,
      bridge: isBridge(wayItem.way.tags),
      wayId: wayItem.way.id,
      coordinates,
    });
  };
  for (const item of walkable) {
    let piece: number[] = [];
    item.nodeIds.forEach((id, index) => {
      if (!document.nodes.has(id)) {
        addEdge(item, piece);
        piece = [];
        return;
      }
      piece.push(id);
      const isEnd = index === item.nodeIds.length - 1;
      if (piece.length > 1 && (isEnd || (uses.get(id) ?? 0) > 1)) {
        addEdge(item, piece);
        piece = [id];
      }
    });
  }

  const lengthMetersByClass: Partial<Record<EdgeClass, number>> = {};
  const edgeCountByClass: Partial<Record<EdgeClass, number>> = {};
  for (const edge of edges) {
    lengthMetersByClass[edge.edgeClass] = (lengthMetersByClass[edge.edgeClass] ?? 0) + edge.lengthMeters;
    edgeCountByClass[edge.edgeClass] = (edgeCountByClass[edge.edgeClass] ?? 0) + 1;
  }
  const components = connectedComponents(edges);
  return {
    edges,
    nodeCount: components.nodeCounts.reduce((sum, count) => sum + count, 0),
    walkableWayCount: walkable.length,
    skippedWays,
    waysCut,
    components,
    lengthMetersByClass,
    edgeCountByClass,
  };
}
