/**
 * Whether figures summed from population units rest on estimates: units imported from
 * OpenStreetMap carry `estimated: true` (residents from building footprints), and every figure
 * drawn from any such unit is shown as 估算 / estimated.
 */
import type { UnitFeature } from '../../lib/api-types';

type Bbox = [number, number, number, number];

/**
 * True when an estimated unit with residents has its access point (where its residents step onto
 * the network, the point the engine counts them at) inside the bbox. A bbox over-selects a little,
 * which errs on the side of saying "estimated".
 */
export function anyEstimatedUnitIn(units: readonly UnitFeature[], bbox: Bbox | null): boolean {
  if (!bbox) return false;
  const [west, south, east, north] = bbox;
  return units.some((unit) => {
    const p = unit.properties;
    if (p.estimated !== true || !(p.residents > 0) || !Array.isArray(p.accessPoint)) return false;
    const [lng, lat] = p.accessPoint;
    return lng >= west && lng <= east && lat >= south && lat <= north;
  });
}

/** Community ids with at least one estimated unit that has residents. */
export function communitiesWithEstimates(units: readonly UnitFeature[]): Set<string> {
  const ids = new Set<string>();
  for (const unit of units) {
    if (unit.properties.estimated === true && unit.properties.residents > 0)
      ids.add(unit.properties.communityId);
  }
  return ids;
}
