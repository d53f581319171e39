/**
 * Geometry of OSM elements: closed ways as rings, multipolygon relations as outer and inner rings
 * joined from their member ways, and a representative point of any element (a node's position, an
 * area's centroid, a line's middle vertex) — all in `[lon, lat]` degrees. Areas and centroids are
 * measured on a local metric plane around the element (core/geometry/local-projection.ts).
 */
import type { OsmDocument, OsmElementType, OsmRelation, OsmWay } from '../formats/osm-xml.js';
import { createLocalProjection } from '../geometry/local-projection.js';
import { ringSignedArea } from '../geometry/polygon-area.js';
import type { Position } from '../geometry/position.js';

/** A ring of OSM node ids, first id repeated at the end. */
export type NodeRing = number[];

export interface JoinedRings {
  rings: NodeRing[];
  /** Chains that could not be closed into a ring (members missing from the file, or broken data). */
  openChains: number;
}

/**
 * Joins ways (node-id sequences) end to end into closed rings, reversing them where needed, as
 * multipolygon relations are drawn in OSM. A way that is closed on its own is a ring by itself.
 */
export function joinWaysIntoRings(ways: readonly (readonly number[])[]): JoinedRings {
  const pending = ways.filter((way) => way.length >= 2).map((way) => [...way]);
  const rings: NodeRing[] = [];
  let openChains = 0;
  while (pending.length > 0) {
    const chain = pending.shift()!;
    let extended = true;
    while (chain[0] !== chain[chain.length - 1] && extended) {
      extended = false;
      const end = chain[chain.length - 1];
      for (let k = 0; k < pending.length; k += 1) {
        const way = pending[k];
        if (way[0] !== end && way[way.length - 1] !== end) continue;
        const next = way[0] === end ? way : [...way].reverse();
        chain.push(...next.slice(1));
        pending.splice(k, 1);
        extended = true;
        break;
      }
    }
    if (chain[0] === chain[chain.length - 1] && chain.length >= 4) rings.push(chain);
    else openChains += 1;
  }
  return { rings, openChains };
}

/** A polygon's rings in `[lon, lat]`: outer rings and inner rings (holes), each closed. */
export interface ElementArea {
  outer: Position[][];
  inner: Position[][];
}

export type AreaResult = { ok: true; area: ElementArea } | { ok: false; reason: string };

/** Positions of a node-id ring, or null when a node is missing from the file. */
function ringPositions(document: OsmDocument, ring: readonly number[]): Position[] | null {
  const positions: Position[] = [];
  for (const id of ring) {
    const node = document.nodes.get(id);
    if (!node) return null;
    positions.push([node.lon, node.lat]);
  }
  return positions;
}

/** Whether a way is closed (first node = last node) with at least three distinct nodes. */
function isClosedWay(way: OsmWay): boolean {
  return way.nodeIds.length >= 4 && way.nodeIds[0] === way.nodeIds[way.nodeIds.length - 1];
}

/** The area of a closed way, or why it has none. */
export function wayArea(document: OsmDocument, way: OsmWay): AreaResult {
  if (!isClosedWay(way)) return { ok: false, reason: 'no closed ring (an open way)' };
  const ring = ringPositions(document, way.nodeIds);
  if (!ring) return { ok: false, reason: 'nodes missing from the file' };
  return { ok: true, area: { outer: [ring], inner: [] } };
}

/** The area of a `type=multipolygon` relation: its outer and inner member ways joined into rings. */
export function multipolygonArea(document: OsmDocument, relation: OsmRelation): AreaResult {
  const outerWays: number[][] = [];
  const innerWays: number[][] = [];
  for (const member of relation.members) {
    if (member.type !== 'way') continue;
    const way = document.ways.get(member.ref);
    if (!way) return { ok: false, reason: `member way ${member.ref} is missing from the file` };
    (member.role === 'inner' ? innerWays : outerWays).push(way.nodeIds);
  }
  const outer = joinWaysIntoRings(outerWays);
  const inner = joinWaysIntoRings(innerWays);
  if (outer.rings.length === 0 || outer.openChains > 0 || inner.openChains > 0) {
    return { ok: false, reason: 'its member ways do not close into rings' };
  }
  const toPositions = (rings: NodeRing[]) => rings.map((ring) => ringPositions(document, ring));
  const outerRings = toPositions(outer.rings);
  const innerRings = toPositions(inner.rings);
  if ([...outerRings, ...innerRings].some((ring) => ring === null))
    return { ok: false, reason: 'nodes missing from the file' };
  return { ok: true, area: { outer: outerRings as Position[][], inner: innerRings as Position[][] } };
}

/** Area in square metres (outer rings minus holes) and area-weighted centroid `[lon, lat]` of an element's area. */
export function measureArea(area: ElementArea): { areaSquareMeters: number; centroid: Position } {
  const projection = createLocalProjection(area.outer[0][0]);
  let total = 0;
  let sumX = 0;
  let sumY = 0;
  const add = (ring: Position[], sign: number) => {
    const planar = ring.map((position) => projection.toMeters(position));
    const signedArea = ringSignedArea(planar);
    const ringArea = Math.abs(signedArea);
    if (ringArea === 0) return;
    // Centroid of a polygon ring (shoelace moments), oriented to its signed area.
    let cx = 0;
    let cy = 0;
    for (let k = 0; k + 1 < planar.length; k += 1) {
      const [x0, y0] = planar[k];
      const [x1, y1] = planar[k + 1];
      const cross = x0 * y1 - x1 * y0;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    cx /= 6 * signedArea;
    cy /= 6 * signedArea;
    total += sign * ringArea;
    sumX += sign * ringArea * cx;
    sumY += sign * ringArea * cy;
  };
  for (const ring of area.outer) add(ring, 1);
  for (const ring of area.inner) add(ring, -1);
  if (!(total > 0)) {
    // A degenerate area (all its nodes on a line): its vertices' mean stands in for the centroid.
    const vertices = area.outer.flatMap((ring) => ring.slice(0, -1));
    const lon = vertices.reduce((sum, [x]) => sum + x, 0) / vertices.length;
    const lat = vertices.reduce((sum, [, y]) => sum + y, 0) / vertices.length;
    return { areaSquareMeters: 0, centroid: [lon, lat] };
  }
  return { areaSquareMeters: total, centroid: projection.toLonLat(sumX / total, sumY / total) };
}

export type PositionResult =
  { ok: true; position: Position; areaSquareMeters: number | null } | { ok: false; reason: string };

/**
 * The representative point of an element: a node's position; a closed way's or multipolygon's
 * centroid (with its area); an open way's middle vertex. Other relations have none.
 */
export function elementPosition(document: OsmDocument, type: OsmElementType, id: number): PositionResult {
  if (type === 'node') {
    const node = document.nodes.get(id);
    return node
      ? { ok: true, position: [node.lon, node.lat], areaSquareMeters: null }
      : { ok: false, reason: 'missing from the file' };
  }
  if (type === 'way') {
    const way = document.ways.get(id);
    if (!way) return { ok: false, reason: 'missing from the file' };
    if (isClosedWay(way)) {
      const area = wayArea(document, way);
      if (!area.ok) return area;
      const { areaSquareMeters, centroid } = measureArea(area.area);
      return { ok: true, position: centroid, areaSquareMeters };
    }
    const present = way.nodeIds.filter((nodeId) => document.nodes.has(nodeId));
    if (present.length === 0) return { ok: false, reason: 'nodes missing from the file' };
    const middle = document.nodes.get(present[Math.floor(present.length / 2)])!;
    return { ok: true, position: [middle.lon, middle.lat], areaSquareMeters: null };
  }
  const relation = document.relations.get(id);
  if (!relation) return { ok: false, reason: 'missing from the file' };
  if (relation.tags.type !== 'multipolygon')
    return { ok: false, reason: `a type=${relation.tags.type ?? '(none)'} relation, not an area` };
  const area = multipolygonArea(document, relation);
  if (!area.ok) return area;
  const { areaSquareMeters, centroid } = measureArea(area.area);
  return { ok: true, position: centroid, areaSquareMeters };
}

/** `node 12`, `way 34`, `relation 56`: how the report names an element. */
export function elementLabel(type: OsmElementType, id: number): string {
  return `${type} ${id}`;
}
