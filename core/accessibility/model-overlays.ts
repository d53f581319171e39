/**
 * A scenario's accessibility model made from its region's without rebuilding the network: the same
 * graph, snap index, units and grids with other facilities (only those not already snapped at the
 * same place are snapped), or with the units grouped into the scenario's communities. A scenario that
 * adds or closes paths builds its network anew (core/network/path-edits.ts) and then overlays the same way.
 */

import { snapToNetwork, type SnappedPoint } from '../routing/snap.js';
import type { AccessibilityModel, CommunityInput, FacilityInput } from './accessibility-types.js';
import { recordFacilityParent } from './unit-seconds.js';

/**
 * The model with `facilities` in place of its own. Facilities the model holds at the same position
 * keep their snap; the others are snapped onto the network (throws naming a facility whose position
 * is not a longitude/latitude, or a duplicate id).
 */
export function withFacilities(
  model: AccessibilityModel,
  facilities: readonly FacilityInput[],
): AccessibilityModel {
  const facilitySnaps: SnappedPoint[] = [];
  const facilityIndexById = new Map<string, number>();
  const facilityIndexesByCategory = new Map<string, number[]>();
  facilities.forEach((facility, index) => {
    if (facilityIndexById.has(facility.id)) throw new Error(`facility ${facility.id} appears twice`);
    facilityIndexById.set(facility.id, index);
    const [lon, lat] = facility.position;
    const known = model.facilityIndexById.get(facility.id);
    let snap: SnappedPoint | null = null;
    if (known !== undefined) {
      const [knownLon, knownLat] = model.facilities[known].position;
      if (knownLon === lon && knownLat === lat) snap = model.facilitySnaps[known];
    }
    if (!snap) {
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
        throw new Error(`facility ${facility.id}: position [${lon}, ${lat}] is not a longitude/latitude`);
      snap = snapToNetwork(model.snapIndex, lon, lat);
      if (!snap) throw new Error(`facility ${facility.id} could not be snapped onto the network`);
    }
    facilitySnaps.push(snap);
    const list = facilityIndexesByCategory.get(facility.category);
    if (list) list.push(index);
    else facilityIndexesByCategory.set(facility.category, [index]);
  });
  const overlay = { ...model, facilities, facilitySnaps, facilityIndexById, facilityIndexesByCategory };
  // Walking figures of the facilities it kept are the model's: derived, not searched again.
  recordFacilityParent(overlay, model);
  return overlay;
}

/**
 * The model with its units grouped into other communities: `communityIdByUnit[u]` is the community
 * of the model's unit u. Facilities lose any community of their own (they belong to the community of
 * the unit nearest them). Throws naming a unit whose community is not among `communities`.
 */
export function withCommunities(
  model: AccessibilityModel,
  communities: readonly CommunityInput[],
  communityIdByUnit: readonly string[],
): AccessibilityModel {
  if (communityIdByUnit.length !== model.units.length)
    throw new Error(`${communityIdByUnit.length} communities for ${model.units.length} units`);
  const indexById = new Map(communities.map((community, index) => [community.id, index]));
  const community = new Int32Array(model.units.length);
  communityIdByUnit.forEach((id, unit) => {
    const index = indexById.get(id);
    if (index === undefined)
      throw new Error(`unit ${model.units[unit].id}: community ${id} is not among the communities`);
    community[unit] = index;
  });
  const facilities = model.facilities.some((facility) => facility.communityId !== undefined)
    ? model.facilities.map(({ communityId: _ignored, ...facility }) => facility)
    : model.facilities;
  return { ...model, communities, facilities, unitArrays: { ...model.unitArrays, community } };
}
