/**
 * JSON shapes of the accessibility API, built from core's results: isochrone bands as an RFC 7946
 * FeatureCollection, heat-map grids as row-major arrays or as cell polygons.
 */

import type {
  AccessBand,
  AccessBandProperties,
  AccessMethod,
  CategoryCoverage,
  CompletenessHeatmap,
  IsochroneMode,
  MultiPolygonCoordinates,
  ServiceRadiusBand,
  TierTable,
  TravelTimeHeatmap,
} from '../../../core/accessibility/accessibility-types.js';
import type { Position } from '../../../core/geometry/position.js';

export interface IsochroneFeature {
  type: 'Feature';
  geometry: { type: 'MultiPolygon'; coordinates: MultiPolygonCoordinates };
  properties: AccessBandProperties;
}

export interface IsochroneCollection {
  type: 'FeatureCollection';
  features: IsochroneFeature[];
  /** Where the walks start: snapped onto the network (network method) or as given (radius). */
  origins: Position[];
  speedMetersPerSecond: number;
  mode: IsochroneMode;
  method: AccessMethod;
}

/** One MultiPolygon feature per band, in the bands' (ascending) order. */
export function isochroneCollection(
  bands: readonly (AccessBand | ServiceRadiusBand)[],
  options: { method: AccessMethod; mode: IsochroneMode; origins: Position[]; speedMetersPerSecond: number },
): IsochroneCollection {
  return {
    type: 'FeatureCollection',
    features: bands.map((band) => ({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: band.geometry },
      properties: {
        minutes: band.minutes,
        fromMinutes: band.fromMinutes,
        residents: band.residents,
        households: band.households,
        elderly: band.elderly,
        areaSquareMeters: Math.round(band.areaSquareMeters * 10) / 10,
        method: options.method,
        ...('radiusMeters' in band ? { radiusMeters: band.radiusMeters } : {}),
      },
    })),
    origins: options.origins,
    speedMetersPerSecond: options.speedMetersPerSecond,
    mode: options.mode,
    method: options.method,
  };
}

/** Travel-time minutes to 0.1, null where NaN (off the network or beyond maxMinutes). */
function travelTimeValues(heatmap: TravelTimeHeatmap): (number | null)[] {
  const values = new Array<number | null>(heatmap.minutes.length);
  for (let cell = 0; cell < heatmap.minutes.length; cell += 1) {
    const minutes = heatmap.minutes[cell];
    values[cell] = Number.isNaN(minutes) ? null : Math.round(minutes * 10) / 10;
  }
  return values;
}

/** Reached-category counts, null where −1 (off the network). */
function completenessValues(heatmap: CompletenessHeatmap): (number | null)[] {
  return Array.from(heatmap.reachedCategoryCount, (count) => (count < 0 ? null : count));
}

export type Heatmap =
  | { kind: 'travel-time'; heatmap: TravelTimeHeatmap }
  | { kind: 'completeness'; heatmap: CompletenessHeatmap; maxMinutes: number; tiers: TierTable };

/** format=grid: the frame, its bbox in degrees and the row-major values (row 0 southmost). */
export function heatmapGrid(result: Heatmap) {
  const { heatmap } = result;
  const frame = {
    speedMetersPerSecond: heatmap.speedMetersPerSecond,
    cellMeters: heatmap.cellMeters,
    columns: heatmap.columns,
    rows: heatmap.rows,
    bbox: heatmap.bbox,
  };
  return result.kind === 'travel-time'
    ? {
        kind: result.kind,
        category: result.heatmap.category,
        ...frame,
        maxMinutes: result.heatmap.maxMinutes,
        values: travelTimeValues(result.heatmap),
      }
    : {
        kind: result.kind,
        category: null,
        ...frame,
        maxMinutes: result.maxMinutes,
        categories: result.heatmap.categories,
        tiers: result.tiers,
        values: completenessValues(result.heatmap),
      };
}

/** format=geojson: one Polygon per cell with a value, `id` = row × columns + column. */
export function heatmapFeatureCollection(result: Heatmap) {
  const { heatmap } = result;
  const values =
    result.kind === 'travel-time' ? travelTimeValues(result.heatmap) : completenessValues(result.heatmap);
  const property = result.kind === 'travel-time' ? 'minutes' : 'reachedCategoryCount';
  const { columns, rows, cellMeters } = heatmap;
  // The plane is equirectangular, so cells are lon/lat rectangles evenly spaced over the bbox.
  const [west, south, east, north] = heatmap.bbox;
  // Corners to 1e-7° (~1 cm): neighbouring cells share the very same rounded corners.
  const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
  const cornerLon = Array.from({ length: columns + 1 }, (_, i) =>
    round(i === columns ? east : west + (i * (east - west)) / columns),
  );
  const cornerLat = Array.from({ length: rows + 1 }, (_, j) =>
    round(j === rows ? north : south + (j * (north - south)) / rows),
  );
  const features = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const value = values[row * columns + column];
      if (value === null) continue;
      const [w, e, s, n] = [cornerLon[column], cornerLon[column + 1], cornerLat[row], cornerLat[row + 1]];
      features.push({
        type: 'Feature' as const,
        id: row * columns + column,
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
        properties: { [property]: value },
      });
    }
  }
  const collection = {
    type: 'FeatureCollection' as const,
    features,
    speedMetersPerSecond: heatmap.speedMetersPerSecond,
    cellMeters,
  };
  if (result.kind === 'travel-time') {
    return { ...collection, kind: 'travel-time' as const, category: result.heatmap.category };
  }
  return {
    ...collection,
    kind: 'completeness' as const,
    category: null,
    categories: result.heatmap.categories,
    tiers: result.tiers,
  };
}

/** The coverage answer as far as the coverage export needs it. */
interface CoverageAnswer {
  communities: readonly {
    id: string;
    name: string;
    residents: number;
    categories: readonly CategoryCoverage[];
  }[];
}

/**
 * Coverage per community as features: the community's geometry (from its layer), residents, and
 * each category's covered share (`coveredShare.<category>`, 0–1, null without residents) in the
 * answer's category order — one feature per community of the coverage answer.
 */
export function coverageFeatureCollection(
  coverage: CoverageAnswer,
  communities: {
    features: readonly {
      id?: string | number;
      geometry: unknown;
      properties: Record<string, unknown> | null;
    }[];
  },
) {
  const geometryById = new Map(communities.features.map((feature) => [String(feature.id), feature.geometry]));
  const streetById = new Map(
    communities.features.map((feature) => [String(feature.id), feature.properties?.streetId ?? null]),
  );
  return {
    type: 'FeatureCollection' as const,
    features: coverage.communities.map((community) => ({
      type: 'Feature' as const,
      id: community.id,
      geometry: (geometryById.get(community.id) ?? null) as {
        type: 'MultiPolygon';
        coordinates: MultiPolygonCoordinates;
      } | null,
      properties: {
        id: community.id,
        name: community.name,
        streetId: streetById.get(community.id) as string | null,
        residents: community.residents,
        ...Object.fromEntries(
          community.categories.map((category) => [
            `coveredShare.${category.category}`,
            category.coveredShare,
          ]),
        ),
      },
    })),
  };
}
