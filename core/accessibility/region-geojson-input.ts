/**
 * A region folder's parsed GeoJSON layers (data/geojson/README.md) as the accessibility engine's
 * input. Pure: the caller reads the files (tests, benchmarks, scripts); the server builds the same
 * input from database rows.
 */

import type { Position } from '../geometry/position.js';
import type { AccessibilityInput } from './accessibility-types.js';

interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

interface FeatureCollection {
  features: Feature[];
}

/** The layers the engine reads; `water` is optional. */
export interface RegionGeoJsonLayers {
  network: FeatureCollection;
  units: FeatureCollection;
  facilities: FeatureCollection;
  communities: FeatureCollection;
  water?: FeatureCollection;
}

/**
 * Converts parsed region layers into an AccessibilityInput. Throws naming the layer and feature id
 * when a property the engine needs is missing or of the wrong type.
 */
export function accessibilityInputFromGeoJson(layers: RegionGeoJsonLayers): AccessibilityInput {
  const edges = layers.network.features;
  const number = (feature: Feature, layer: string, key: string): number => {
    const value = feature.properties[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(
        `${layer} feature ${String(feature.properties.id)}: ${key} ${String(value)} is not a number`,
      );
    }
    return value;
  };
  const text = (feature: Feature, layer: string, key: string): string => {
    const value = feature.properties[key];
    if (typeof value !== 'string') {
      throw new Error(
        `${layer} feature ${String(feature.properties.id)}: ${key} ${String(value)} is not a string`,
      );
    }
    return value;
  };
  const position = (value: unknown, where: string): Position => {
    if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') {
      throw new Error(`${where} is not a [lon, lat] position`);
    }
    return [value[0], value[1]];
  };

  const water: Position[][][] = [];
  for (const feature of layers.water?.features ?? []) {
    if (feature.geometry.type === 'Polygon') water.push(feature.geometry.coordinates as Position[][]);
    else if (feature.geometry.type === 'MultiPolygon')
      water.push(...(feature.geometry.coordinates as Position[][][]));
    else
      throw new Error(
        `water feature ${String(feature.properties.id)}: geometry ${feature.geometry.type} is not a (Multi)Polygon`,
      );
  }

  return {
    network: {
      source: Float64Array.from(edges, (feature) => number(feature, 'network', 'source')),
      target: Float64Array.from(edges, (feature) => number(feature, 'network', 'target')),
      lengthMeters: Float64Array.from(edges, (feature) => number(feature, 'network', 'lengthMeters')),
      edgeClass: edges.map((feature) => text(feature, 'network', 'class')),
      lines: edges.map((feature) => {
        if (feature.geometry.type !== 'LineString') {
          throw new Error(
            `network feature ${String(feature.properties.id)}: geometry ${feature.geometry.type} is not a LineString`,
          );
        }
        return feature.geometry.coordinates as Position[];
      }),
    },
    units: layers.units.features.map((feature) => ({
      id: text(feature, 'units', 'id'),
      communityId: text(feature, 'units', 'communityId'),
      residents: number(feature, 'units', 'residents'),
      households: number(feature, 'units', 'households'),
      elderly: number(feature, 'units', 'elderly'),
      accessPoint: position(
        feature.properties.accessPoint,
        `units feature ${String(feature.properties.id)}: accessPoint`,
      ),
    })),
    facilities: layers.facilities.features.map((feature) => ({
      id: text(feature, 'facilities', 'id'),
      category: text(feature, 'facilities', 'category'),
      ...(typeof feature.properties.communityId === 'string'
        ? { communityId: feature.properties.communityId }
        : {}),
      position: position(
        feature.geometry.coordinates,
        `facilities feature ${String(feature.properties.id)}: geometry`,
      ),
    })),
    communities: layers.communities.features.map((feature) => ({
      id: text(feature, 'communities', 'id'),
      name: text(feature, 'communities', 'name'),
    })),
    waterPolygons: water,
  };
}
