/**
 * The walking network's edge classes (network.geojson `class`, data/geojson/README.md), from main
 * roads to field tracks — the one vocabulary the region format, the demo generator and the OSM
 * importer share. core/routing costs `steps` slower than level ground (edgeClassCostFactor).
 */
export const EDGE_CLASSES = ['arterial', 'street', 'alley', 'footway', 'steps', 'track'] as const;
export type EdgeClass = (typeof EDGE_CLASSES)[number];

/** Whether a value is one of EDGE_CLASSES. */
export function isEdgeClass(value: unknown): value is EdgeClass {
  return typeof value === 'string' && (EDGE_CLASSES as readonly string[]).includes(value);
}
