import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORIES } from '../standards/facility-categories.js';
import { shortestTravelSeconds } from '../routing/dijkstra.js';
import { snappedPointSources, travelSecondsToSnappedPoint } from '../routing/snap.js';
import { buildAccessibilityModel } from './accessibility-model.js';
import { computeCoverage, defaultTierTable } from './coverage.js';
import { syntheticRegion } from './synthetic-region.js';

describe('computeCoverage', () => {
  const region = syntheticRegion({
    columns: 24,
    rows: 16,
    spacingMeters: 70,
    facilities: [
      [3, 3, 'kindergarten'],
      [18, 12, 'kindergarten'],
      [12, 8, 'primary_school'],
      [5, 14, 'parking'],
    ],
  });
  const model = buildAccessibilityModel(region.input);

  it('counts residents whose own walk reaches the category within its tier', () => {
    const tiers = { kindergarten: 5, primary_school: 10, supermarket: 10, parking: null };
    const coverage = computeCoverage(model, { tiers, speedMetersPerSecond: 1 });
    expect(coverage.region.categories.map((category) => category.category)).toEqual([
      'kindergarten',
      'primary_school',
      'supermarket',
    ]);
    const options = { speedMetersPerSecond: 1, includeAccessWalk: true };
    for (const category of coverage.region.categories) {
      // Independently: each facility's own Dijkstra, the unit's best time over them.
      const facilities = model.facilities
        .map((facility, index) => ({ facility, snap: model.facilitySnaps[index] }))
        .filter(({ facility }) => facility.category === category.category);
      const best = model.unitSnaps.map((unitSnap) =>
        Math.min(
          Infinity,
          ...facilities.map(({ snap }) => {
            const seconds = shortestTravelSeconds(
              model.graph,
              snappedPointSources(model.graph, snap, options),
              { speedMetersPerSecond: 1, maxSeconds: 3600 },
            );
            return travelSecondsToSnappedPoint(model.graph, seconds, unitSnap, options, snap);
          }),
        ),
      );
      const tierSeconds = category.tierMinutes * 60;
      const covered = model.units.filter((_, index) => best[index] <= tierSeconds);
      expect(category.coveredResidents).toBe(covered.reduce((sum, unit) => sum + unit.residents, 0));
      expect(category.facilityCount).toBe(facilities.length);
      expect(new Set(coverage.uncoveredUnitIds[category.category])).toEqual(
        new Set(
          model.units
            .filter((unit, index) => unit.residents > 0 && !(best[index] <= tierSeconds))
            .map((unit) => unit.id),
        ),
      );
      for (const community of coverage.communities) {
        const entry = community.categories.find((candidate) => candidate.category === category.category)!;
        const own = covered.filter((unit) => unit.communityId === community.id);
        expect(entry.coveredResidents).toBe(own.reduce((sum, unit) => sum + unit.residents, 0));
        expect(entry.coveredShare).toBeCloseTo(entry.coveredResidents / community.residents, 12);
      }
    }
    const [kindergarten, primary, supermarket] = coverage.region.categories;
    expect(kindergarten.coveredShare).toBeGreaterThan(0);
    expect(kindergarten.coveredShare).toBeLessThan(primary.coveredShare!);
    expect(supermarket.coveredResidents).toBe(0);
    expect(coverage.region.residents).toBe(model.units.reduce((sum, unit) => sum + unit.residents, 0));
  });

  it('follows the walking speed', () => {
    const adult = computeCoverage(model, { tiers: { primary_school: 10 }, speedMetersPerSecond: 1 });
    const elderly = computeCoverage(model, { tiers: { primary_school: 10 }, speedMetersPerSecond: 0.8 });
    expect(elderly.region.categories[0].coveredResidents).toBeLessThan(
      adult.region.categories[0].coveredResidents,
    );
    expect(elderly.speedMetersPerSecond).toBe(0.8);
  });

  it('takes its default tiers from the standards', () => {
    const tiers = defaultTierTable();
    expect(tiers.kindergarten).toBe(FACILITY_CATEGORIES.kindergarten.tierMinutes);
    expect(tiers.parking).toBeNull();
    expect(Object.keys(tiers)).toHaveLength(Object.keys(FACILITY_CATEGORIES).length);
  });

  it('rejects a tier beyond an hour and a bad speed', () => {
    expect(() => computeCoverage(model, { tiers: { kindergarten: 90 }, speedMetersPerSecond: 1 })).toThrow(
      /kindergarten/,
    );
    expect(() => computeCoverage(model, { tiers: { kindergarten: 5 }, speedMetersPerSecond: 0 })).toThrow(
      /speed/,
    );
  });
});
