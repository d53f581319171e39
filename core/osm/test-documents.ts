/** Small OSM documents for the core/osm tests, built from a lattice of 0.001° steps at 117°E 28°N. */
import type { OsmDocument, OsmMember, OsmTags } from '../formats/osm-xml.js';

export const ORIGIN_LON = 117;
export const ORIGIN_LAT = 28;
export const STEP_DEGREES = 0.001;

export interface DocumentSpec {
  /** `[id, column, row, tags?]` */
  nodes?: [number, number, number, OsmTags?][];
  /** `[id, nodeIds, tags]` */
  ways?: [number, number[], OsmTags][];
  /** `[id, members, tags]` */
  relations?: [number, OsmMember[], OsmTags][];
}

export function documentOf(spec: DocumentSpec): OsmDocument {
  return {
    bounds: null,
    generator: null,
    newestTimestamp: null,
    nodes: new Map(
      (spec.nodes ?? []).map(([id, column, row, tags]) => [
        id,
        {
          id,
          lon: ORIGIN_LON + column * STEP_DEGREES,
          lat: ORIGIN_LAT + row * STEP_DEGREES,
          tags: tags ?? {},
        },
      ]),
    ),
    ways: new Map((spec.ways ?? []).map(([id, nodeIds, tags]) => [id, { id, nodeIds, tags }])),
    relations: new Map((spec.relations ?? []).map(([id, members, tags]) => [id, { id, members, tags }])),
  };
}

/** Corner nodes 1–4 of the lattice square with its south-west corner at (column, row), ids offset by `base`. */
export function squareNodes(base: number, column: number, row: number, size = 1): [number, number, number][] {
  return [
    [base + 1, column, row],
    [base + 2, column + size, row],
    [base + 3, column + size, row + size],
    [base + 4, column, row + size],
  ];
}
