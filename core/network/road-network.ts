/**
 * A walking network from road centrelines: lines are split into edges wherever two lines (or one
 * line twice) pass the same vertex, and at their ends; those vertices become the network's nodes.
 * Lines that cross without a shared vertex (bridges, flyovers) stay unconnected, as drawn. The same
 * rule as the OSM import (osm-walking-network.ts), keyed by position instead of node id.
 */
import { lineStringLengthMeters } from '../geometry/haversine.js';
import type { Position } from '../geometry/position.js';
import { connectedComponents } from './connected-components.js';
import type { EdgeClass } from './edge-classes.js';
import type { NetworkEdgeInput } from './network-edge.js';

/** Vertices closer than this (degrees, ~1 cm) are one vertex. */
const VERTEX_PRECISION = 1e7;

export interface CentrelineInput {
  /** One feature's lines (a LineString is one line). */
  lines: Position[][];
  edgeClass: EdgeClass;
  bridge: boolean;
  /** The feature it came from, for the report. */
  featureId: string;
}

export interface RoadEdge extends NetworkEdgeInput {
  /** The feature it came from, for the report. */
  featureId: string;
}

export interface RoadNetwork {
  edges: RoadEdge[];
  nodes: { id: number; lon: number; lat: number }[];
  /** Node counts of the connected components, largest first. */
  componentNodeCounts: number[];
  /** Lines dropped as degenerate (a loop of fewer than three distinct vertices). */
  droppedLines: number;
}

/** What an import reports of the walking network it makes, for the preview and the report. */
export interface RoadNetworkSummary {
  edges: number;
  nodes: number;
  /** Connected pieces: more than one leaves residents of the smaller ones cut off. */
  components: number;
  largestComponentNodes: number;
  lengthMeters: number;
}

const keyOf = ([lon, lat]: Position) =>
  `${Math.round(lon * VERTEX_PRECISION)},${Math.round(lat * VERTEX_PRECISION)}`;

/** Splits centrelines into edges (ids and node ids from 1, in input order). */
export function buildRoadNetwork(inputs: readonly CentrelineInput[]): RoadNetwork {
  const lines: { positions: Position[]; keys: string[]; input: CentrelineInput }[] = [];
  for (const input of inputs) {
    for (const line of input.lines) {
      const positions: Position[] = [];
      const keys: string[] = [];
      for (const position of line) {
        const key = keyOf(position);
        if (keys.length > 0 && keys[keys.length - 1] === key) continue;
        positions.push(position);
        keys.push(key);
      }
      if (positions.length >= 2) lines.push({ positions, keys, input });
    }
  }
  // A vertex is a node when lines pass it more than once in total, or a line ends there.
  const uses = new Map<string, number>();
  for (const { keys } of lines) {
    keys.forEach((key, index) =>
      uses.set(key, (uses.get(key) ?? 0) + (index === 0 || index === keys.length - 1 ? 2 : 1)),
    );
  }
  const nodeIds = new Map<string, number>();
  const nodes: RoadNetwork['nodes'] = [];
  const nodeOf = (key: string, position: Position) => {
    let id = nodeIds.get(key);
    if (id === undefined) {
      id = nodes.length + 1;
      nodeIds.set(key, id);
      nodes.push({ id, lon: position[0], lat: position[1] });
    }
    return id;
  };
  const edges: RoadEdge[] = [];
  let droppedLines = 0;
  const addEdge = (positions: Position[], keys: string[], input: CentrelineInput) => {
    if (keys[0] === keys[keys.length - 1]) {
      // A closed piece (a ring road touching the rest at one vertex): split it so its far side is a node.
      if (new Set(keys).size < 3) {
        droppedLines += 1;
        return;
      }
      const middle = Math.floor(keys.length / 2);
      addEdge(positions.slice(0, middle + 1), keys.slice(0, middle + 1), input);
      addEdge(positions.slice(middle), keys.slice(middle), input);
      return;
    }
    // Node positions are those of the first line reaching them, so edges meet exactly.
    const source = nodeOf(keys[0], positions[0]);
    const target = nodeOf(keys[keys.length - 1], positions[positions.length - 1]);
    const coordinates = positions.slice();
    coordinates[0] = [nodes[source - 1].lon, nodes[source - 1].lat];
    coordinates[coordinates.length - 1] = [nodes[target - 1].lon, nodes[target - 1].lat];
    edges.push({
      id: edges.length + 1,
      source,
      target,
      lengthMeters: lineStringLengthMeters(coordinates),
      edgeClass: input.edgeClass,
      bridge: input.bridge,
      featureId: input.featureId,
      coordinates,
    });
  };
  for (const { positions, keys, input } of lines) {
    let start = 0;
    for (let k = 1; k < keys.length; k += 1) {
      if (k === keys.length - 1 || (uses.get(keys[k]) ?? 0) > 1) {
        addEdge(positions.slice(start, k + 1), keys.slice(start, k + 1), input);
        start = k;
      }
    }
  }
  // Every node is an edge's end, so the edges' components count every node.
  return { edges, nodes, componentNodeCounts: connectedComponents(edges).nodeCounts, droppedLines };
}

/** The network as the import's preview and report give it: counts, pieces and total length (metres, rounded). */
export function summarizeRoadNetwork(network: RoadNetwork): RoadNetworkSummary {
  return {
    edges: network.edges.length,
    nodes: network.nodes.length,
    components: network.componentNodeCounts.length,
    largestComponentNodes: network.componentNodeCounts[0] ?? 0,
    lengthMeters: Math.round(network.edges.reduce((sum, edge) => sum + edge.lengthMeters, 0)),
  };
}
