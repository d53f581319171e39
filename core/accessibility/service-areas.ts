/**
 * Service areas: every unit served by its nearest facility of a category along the walking network
 * (one multi-source search from all of them, each node labelled with the facility that reached it
 * first — a network Voronoi partition), with each facility's units, residents, demand against its
 * capacity, and the units that walk longer than the tier.
 */

import { snappedPointSources } from '../routing/snap.js';
import { validateWalkSpeed } from '../routing/walking-profiles.js';
import type { AccessibilityModel } from './accessibility-types.js';

/** Longest walk a unit is served over by default, seconds: beyond it, no facility serves it. */
export const SERVICE_AREA_MAX_SECONDS = 3600;

export interface NearestFacilities {
  /** Per unit (model order): index into `facilityIndexes` of the facility nearest along the network; −1: none within reach. */
  facility: Int32Array;
  /** Per unit: walking seconds to it (Infinity where none). */
  seconds: Float64Array;
}

/**
 * The nearest of `facilityIndexes` (indexes into the model's facilities) for every unit, within
 * `maxSeconds` of walking: the times TravelField gives (through either end of the unit's edge, or
 * straight along it from a facility on the same edge), each with the facility they come from.
 */
export function nearestFacilityByUnit(
  model: AccessibilityModel,
  facilityIndexes: readonly number[],
  speedMetersPerSecond: number,
  maxSeconds = SERVICE_AREA_MAX_SECONDS,
): NearestFacilities {
  const speed = validateWalkSpeed(speedMetersPerSecond);
  if (!speed.ok) throw new RangeError(`speed ${speedMetersPerSecond} m/s: ${speed.reason}`);
  const unitCount = model.units.length;
  const facility = new Int32Array(unitCount).fill(-1);
  const seconds = new Float64Array(unitCount).fill(Infinity);
  if (facilityIndexes.length === 0) return { facility, seconds };
  const { graph, workspace } = model;
  const options = { speedMetersPerSecond, includeAccessWalk: true };
  const origins = facilityIndexes.map((index) => model.facilitySnaps[index]);
  workspace.search(
    origins.map((origin) => snappedPointSources(graph, origin, options)),
    { speedMetersPerSecond, maxSeconds },
  );
  const { secondsByNode, originByNode } = workspace;
  const originsByEdge = new Map<number, number[]>();
  origins.forEach((origin, k) => {
    const list = originsByEdge.get(origin.edgeIndex);
    if (list) list.push(k);
    else originsByEdge.set(origin.edgeIndex, [k]);
  });
  const { edge, offsetMeters, accessMeters } = model.unitArrays;
  for (let unit = 0; unit < unitCount; unit += 1) {
    const e = edge[unit];
    const costFactor = graph.edgeCostFactor[e];
    const source = graph.edgeSource[e];
    const target = graph.edgeTarget[e];
    // The arithmetic of TravelField.secondsAt, so both give the same seconds.
    const viaSource = secondsByNode[source] + (offsetMeters[unit] * costFactor) / speedMetersPerSecond;
    const viaTarget =
      secondsByNode[target] +
      ((graph.edgeLengthMeters[e] - offsetMeters[unit]) * costFactor) / speedMetersPerSecond;
    let best = viaSource < viaTarget ? viaSource : viaTarget;
    let from = best === Infinity ? -1 : viaSource < viaTarget ? originByNode[source] : originByNode[target];
    for (const k of originsByEdge.get(e) ?? []) {
      const along = offsetMeters[unit] - origins[k].offsetMeters;
      const direct =
        origins[k].distanceMeters / speedMetersPerSecond +
        ((along < 0 ? -along : along) * costFactor) / speedMetersPerSecond;
      if (direct < best || (direct === best && k < from)) {
        best = direct;
        from = k;
      }
    }
    const total = best + accessMeters[unit] / speedMetersPerSecond;
    if (from >= 0 && total <= maxSeconds) {
      facility[unit] = from;
      seconds[unit] = total;
    }
  }
  return { facility, seconds };
}

export interface ServiceAreaOptions {
  category: string;
  /** Units walking longer than this are flagged (null: no tier, nothing flagged). */
  tierMinutes: number | null;
  speedMetersPerSecond: number;
  /** Demand of each unit (model order): the group the category serves. */
  demandByUnit: ArrayLike<number>;
  maxSeconds?: number;
}

export interface ServiceArea {
  /** Index into the model's facilities. */
  facility: number;
  /** Units it serves (model indexes, ascending). */
  units: number[];
  residents: number;
  demand: number;
  /** Units (and their residents, demand) walking longer than the tier to it. */
  beyondTierUnits: number[];
  beyondTierResidents: number;
  beyondTierDemand: number;
  /** Residents-weighted mean and longest walk of its units, seconds (null without units). */
  meanWalkSeconds: number | null;
  maxWalkSeconds: number | null;
}

export interface ServiceAreaResult {
  category: string;
  tierMinutes: number | null;
  speedMetersPerSecond: number;
  maxSeconds: number;
  /** One per facility of the category, in the model's order. */
  areas: ServiceArea[];
  /** Units no facility of the category serves within maxSeconds (with residents or not). */
  unserved: { units: number[]; residents: number; demand: number };
  nearest: NearestFacilities;
}

/** Every facility of `category` with the units nearest it. Throws a RangeError for bad options. */
export function computeServiceAreas(
  model: AccessibilityModel,
  options: ServiceAreaOptions,
): ServiceAreaResult {
  const { category, tierMinutes, speedMetersPerSecond, demandByUnit } = options;
  const maxSeconds = options.maxSeconds ?? SERVICE_AREA_MAX_SECONDS;
  if (demandByUnit.length !== model.units.length)
    throw new RangeError(`${demandByUnit.length} demand figures for ${model.units.length} units`);
  if (tierMinutes !== null && !(tierMinutes > 0 && tierMinutes <= 60))
    throw new RangeError(`tier ${tierMinutes} minutes is not in (0, 60]`);
  const facilityIndexes = model.facilityIndexesByCategory.get(category) ?? [];
  const nearest = nearestFacilityByUnit(model, facilityIndexes, speedMetersPerSecond, maxSeconds);
  const areas: ServiceArea[] = facilityIndexes.map((facility) => ({
    facility,
    units: [],
    residents: 0,
    demand: 0,
    beyondTierUnits: [],
    beyondTierResidents: 0,
    beyondTierDemand: 0,
    meanWalkSeconds: null,
    maxWalkSeconds: null,
  }));
  const walkSum = new Float64Array(areas.length);
  const unserved = { units: [] as number[], residents: 0, demand: 0 };
  const tierSeconds = tierMinutes === null ? Infinity : tierMinutes * 60;
  const { residents } = model.unitArrays;
  for (let unit = 0; unit < model.units.length; unit += 1) {
    const k = nearest.facility[unit];
    if (k < 0) {
      unserved.units.push(unit);
      unserved.residents += residents[unit];
      unserved.demand += demandByUnit[unit];
      continue;
    }
    const area = areas[k];
    const seconds = nearest.seconds[unit];
    area.units.push(unit);
    area.residents += residents[unit];
    area.demand += demandByUnit[unit];
    walkSum[k] += seconds * residents[unit];
    area.maxWalkSeconds = Math.max(area.maxWalkSeconds ?? 0, seconds);
    if (seconds > tierSeconds) {
      area.beyondTierUnits.push(unit);
      area.beyondTierResidents += residents[unit];
      area.beyondTierDemand += demandByUnit[unit];
    }
  }
  areas.forEach((area, k) => {
    if (area.units.length > 0) area.meanWalkSeconds = area.residents > 0 ? walkSum[k] / area.residents : 0;
  });
  return { category, tierMinutes, speedMetersPerSecond, maxSeconds, areas, unserved, nearest };
}
