/**
 * Checks of a request against the loaded region (what the contract's schemas cannot know): points
 * inside the region's extent, facility ids and node ids that exist. Each refusal names the field
 * (and index) at fault.
 */

import { REGION_MARGIN_METERS } from '../../../contract/accessibility-requests.js';
import type { Position } from '../../../core/geometry/position.js';
import { DomainError } from '../domain-error.js';

const METERS_PER_DEGREE_LAT = 111_320;
const SWAP_HINT = {
  swapHint: '; did you swap lon/lat? Positions are [lon, lat]',
  swapHintZh: '；是否把经纬度写反了？坐标应为 [经度, 纬度]',
};
const NO_SWAP_HINT = { swapHint: '', swapHintZh: '' };

/**
 * Checks points against the region: longitude within ±180 and latitude within ±90, then inside the
 * region's extent grown by REGION_MARGIN_METERS. Names the field and index of the first bad point,
 * and suggests swapping lon and lat when the swapped pair would lie in the region.
 */
export function checkPositions(
  positions: readonly Position[],
  extent: readonly [number, number, number, number],
  regionId: string,
  field: (index: number) => string,
): void {
  const [west, south, east, north] = extent;
  const marginLat = REGION_MARGIN_METERS / METERS_PER_DEGREE_LAT;
  const marginLon = marginLat / Math.cos((((south + north) / 2) * Math.PI) / 180);
  const inRegion = (lon: number, lat: number) =>
    lon >= west - marginLon &&
    lon <= east + marginLon &&
    lat >= south - marginLat &&
    lat <= north + marginLat;
  const fmt = (value: number) => String(Math.round(value * 1e6) / 1e6);
  const extentText = `[${[west, south, east, north].map(fmt).join(', ')}]`;

  positions.forEach(([lon, lat], index) => {
    const hint = inRegion(lat, lon) ? SWAP_HINT : NO_SWAP_HINT;
    const at = { field: field(index), ...hint };
    if (Math.abs(lat) > 90) {
      throw new DomainError('region.position-invalid', {
        ...at,
        axis: 'latitude',
        axisZh: '纬度',
        value: lat,
        limit: 90,
      });
    }
    if (Math.abs(lon) > 180) {
      throw new DomainError('region.position-invalid', {
        ...at,
        axis: 'longitude',
        axisZh: '经度',
        value: lon,
        limit: 180,
      });
    }
    if (!inRegion(lon, lat)) {
      throw new DomainError('region.position-outside', {
        ...at,
        lon,
        lat,
        regionId,
        extent: extentText,
        marginMeters: REGION_MARGIN_METERS,
      });
    }
  });
}

/** Resolves facility ids to their indexes; the refusal names every unknown id (the first 20 of them). */
export function facilityIndexes(
  ids: readonly string[],
  indexById: ReadonlyMap<string, number>,
  regionId: string,
): number[] {
  const unknown = ids.filter((id) => !indexById.has(id));
  if (unknown.length > 0) {
    const more = unknown.length - 20;
    throw new DomainError('region.unknown-facilities', {
      field: 'facilityIds',
      regionId,
      noun: unknown.length === 1 ? 'facility' : 'facilities',
      ids: unknown
        .slice(0, 20)
        .map((id) => `"${id}"`)
        .join(', '),
      more: more > 0 ? ` and ${more} more` : '',
      moreZh: more > 0 ? ` 等（另有 ${more} 个）` : '',
    });
  }
  return ids.map((id) => indexById.get(id)!);
}
