/**
 * A walking-network edge as the region format's network layer holds it (network.geojson,
 * data/geojson/README.md). Both importers (OSM extracts and a city's own centrelines) write their
 * edges through it, so the layer's properties are spelled in one place.
 */
import type { EdgeClass } from './edge-classes.js';

/** What an importer knows of an edge; coordinates are [lng, lat] in EPSG:4326. */
export interface NetworkEdgeInput {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
  edgeClass: EdgeClass;
  bridge: boolean;
  coordinates: [number, number][];
}

/** The edge as a GeoJSON LineString feature with the network layer's properties (length in meters). */
export function networkEdgeFeature(edge: NetworkEdgeInput) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'LineString' as const, coordinates: edge.coordinates },
    properties: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      lengthMeters: edge.lengthMeters,
      class: edge.edgeClass,
      bridge: edge.bridge,
    },
  };
}
