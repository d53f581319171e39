import { describe, expect, it } from 'vitest';
import { shortestTravelSeconds } from '../routing/dijkstra.js';
import { snappedPointSources, travelSecondsToSnappedPoint } from '../routing/snap.js';
import { buildAccessibilityModel } from './accessibility-model.js';
import { demandGroupOf, unitDemand } from './demand-groups.js';
import { computeServiceAreas } from './service-areas.js';
import { syntheticRegion } from './synthetic-region.js';
import { unitSecondsToCategory } from './unit-seconds.js';

describe('computeServiceAreas', () => {
  const region = syntheticRegion({
    columns: 18,
    rows: 12,
    spacingMeters: 90,
    river: { row: 6, widthMeters: 120, bridgeColumns: [3], withWaterPolygon: false },
    facilities: [
      [2, 2, 'kindergarten'],
      [14, 3, 'kindergarten'],
      [9, 9, 'kindergarten'],
      [5, 5, 'park'],
    ],
  });
  const model = buildAccessibilityModel(region.input);
  const demandByUnit = model.units.map((unit) =>
    unitDemand({ residents: unit.residents, children: null, elderly: null }, demandGroupOf('kindergarten')),
  );

  it('serves every unit from its nearest facility along the network, as each facility’s own walk says', () => {
    const result = computeServiceAreas(model, {
      category: 'kindergarten',
      tierMinutes: 5,
      speedMetersPerSecond: 1,
      demandByUnit,
    });
    expect(result.areas.map((area) => model.facilities[area.facility].category)).toEqual([
      'kindergarten',
      'kindergarten',
      'kindergarten',
    ]);
    const options = { speedMetersPerSecond: 1, includeAccessWalk: true };
    const ownTimes = result.areas.map((area) => {
      const snap = model.facilitySnaps[area.facility];
      const byNode = shortestTravelSeconds(model.graph, snappedPointSources(model.graph, snap, options), {
        speedMetersPerSecond: 1,
        maxSeconds: 3600,
      }).slice();
      return model.unitSnaps.map((unitSnap) =>
        travelSecondsToSnappedPoint(model.graph, byNode, unitSnap, options, snap),
      );
    });
    const fromCoverage = unitSecondsToCategory(model, 'kindergarten', 1, 3600);
    let servedUnits = 0;
    result.areas.forEach((area, k) => {
      for (const unit of area.units) {
        // Its facility is the nearest: no other is closer.
        for (let other = 0; other < ownTimes.length; other += 1)
          expect(ownTimes[k][unit]).toBeLessThanOrEqual(ownTimes[other][unit] + 1e-9);
        expect(result.nearest.seconds[unit]).toBe(fromCoverage[unit]);
      }
      servedUnits += area.units.length;
      expect(area.residents).toBe(area.units.reduce((sum, unit) => sum + model.units[unit].residents, 0));
      expect(area.demand).toBeCloseTo(area.residents * 0.1795 * 0.2, 6);
      expect(area.beyondTierUnits).toEqual(area.units.filter((unit) => result.nearest.seconds[unit] > 300));
    });
    expect(servedUnits + result.unserved.units.length).toBe(model.units.length);
    expect(result.areas.every((area) => area.units.length > 0)).toBe(true);
  });

  it('leaves units beyond the longest walk unserved, and a category without facilities serves none', () => {
    const short = computeServiceAreas(model, {
      category: 'kindergarten',
      tierMinutes: null,
      speedMetersPerSecond: 1,
      demandByUnit,
      maxSeconds: 200,
    });
    expect(short.unserved.units.length).toBeGreaterThan(0);
    expect(short.areas.every((area) => area.beyondTierUnits.length === 0)).toBe(true);
    const none = computeServiceAreas(model, {
      category: 'supermarket',
      tierMinutes: 10,
      speedMetersPerSecond: 1,
      demandByUnit,
    });
    expect(none.areas).toEqual([]);
    expect(none.unserved.units).toHaveLength(model.units.length);
  });
});
