/**
 * A proposal drawn small (one per proposal, side by side): the street's units projected into a
 * fixed box, one SVG path per proposed community (its units' rings), so the planner compares the
 * shapes at a glance. Pure: positions in, path strings out.
 */
import { bboxOfPositions, isEmptyBbox } from '../../../../core/geometry/bbox';
import type { Position } from '../../../../core/geometry/position';
import type { PolygonGeometry } from '../../lib/api-types';
import { polygonsOf } from '../../map/geometry';

export type UnitPolygon = PolygonGeometry;

export interface SmallMapPath {
  communityId: string;
  /** SVG path data, every ring closed (`Z`); fill with evenodd. */
  d: string;
}

export interface SmallMap {
  widthPixels: number;
  heightPixels: number;
  paths: SmallMapPath[];
}

/** Categorical colours of the proposed communities, in their order (ColorBrewer Set2 and Dark2). */
export const PROPOSAL_COLOURS = [
  '#66c2a5',
  '#fc8d62',
  '#8da0cb',
  '#e78ac3',
  '#a6d854',
  '#ffd92f',
  '#e5c494',
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
] as const;

/** The colour of the community at `index` of a proposal (the palette repeats past its end). */
export function proposalColour(index: number): string {
  return PROPOSAL_COLOURS[index % PROPOSAL_COLOURS.length];
}

function ringsOf(polygon: UnitPolygon): Position[][] {
  return polygonsOf(polygon).flat();
}

/**
 * The communities of a proposal as paths in a box at most `maxWidthPixels` × `maxHeightPixels`,
 * north up, the street's aspect kept (longitudes shrunk by the cosine of the mean latitude). Units
 * without a polygon in `geometryById` are left out.
 */
export function smallMap(
  communities: readonly { communityId: string; unitIds: readonly string[] }[],
  geometryById: ReadonlyMap<string, UnitPolygon>,
  maxWidthPixels: number,
  maxHeightPixels: number,
): SmallMap {
  const outerRings = communities.flatMap((community) =>
    community.unitIds.flatMap((unitId) => {
      const geometry = geometryById.get(unitId);
      return geometry ? polygonsOf(geometry).map((polygon) => polygon[0] ?? []) : [];
    }),
  );
  const bbox = bboxOfPositions(outerRings.flat());
  const [west, south, east, north] = bbox;
  if (isEmptyBbox(bbox)) return { widthPixels: maxWidthPixels, heightPixels: maxHeightPixels, paths: [] };
  const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * xScale, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const pixelsPerDegree = Math.min(maxWidthPixels / spanX, maxHeightPixels / spanY);
  const widthPixels = Math.round(spanX * pixelsPerDegree);
  const heightPixels = Math.round(spanY * pixelsPerDegree);
  const x = (lon: number) => ((lon - west) * xScale * pixelsPerDegree).toFixed(1);
  const y = (lat: number) => ((north - lat) * pixelsPerDegree).toFixed(1);
  const paths = communities.map((community) => {
    const parts: string[] = [];
    for (const unitId of community.unitIds) {
      const geometry = geometryById.get(unitId);
      if (!geometry) continue;
      for (const ring of ringsOf(geometry)) {
        if (ring.length < 3) continue;
        parts.push(`M${ring.map(([lon, lat]) => `${x(lon)} ${y(lat)}`).join('L')}Z`);
      }
    }
    return { communityId: community.communityId, d: parts.join('') };
  });
  return { widthPixels, heightPixels, paths };
}
