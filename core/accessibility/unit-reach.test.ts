import { describe, expect, it } from 'vitest';
import { categoryRequirements, reachRequirementOf } from '../standards/reach.js';
import { reachRequirementsOf } from '../standards/rules.js';
import { buildAccessibilityModel } from './accessibility-model.js';
import { computeCoverage } from './coverage.js';
import { syntheticRegion } from './synthetic-region.js';
import { computeUnitReach } from './unit-reach.js';

describe('computeUnitReach', () => {
  const region = syntheticRegion({
    columns: 24,
    rows: 16,
    spacingMeters: 70,
    facilities: [
      [3, 3, 'kindergarten'],
      [18, 12, 'nursery'],
      [12, 8, 'primary_school'],
      [6, 12, 'fitness_ground'],
    ],
  });
  const model = buildAccessibilityModel(region.input);
  const tiers = { kindergarten: 5, nursery: 5, primary_school: 10, fitness_ground: 5, sports_ground: 15 };

  it('agrees with the coverage of each category at its tier and speed', () => {
    for (const speedMetersPerSecond of [1, 0.8]) {
      const reach = computeUnitReach(model, {
        tiers,
        speedMetersPerSecond,
        requirements: categoryRequirements(tiers),
      });
      const coverage = computeCoverage(model, { tiers, speedMetersPerSecond });
      reach.requirements.forEach((requirement, r) => {
        const uncovered = new Set(coverage.uncoveredUnitIds[requirement.key]);
        const expected = model.units.map((unit) => (unit.residents > 0 && uncovered.has(unit.id) ? 0 : 1));
        const got = Array.from(reach.covered[r]).map((value, u) =>
          model.units[u].residents > 0 ? value : 1,
        );
        expect(got, `${requirement.key} at ${speedMetersPerSecond}`).toEqual(expected);
      });
      expect(reach.speedMetersPerSecond).toBe(speedMetersPerSecond);
    }
  });

  it('meets “any of” requirements with either category and “all of” only with every one', () => {
    const either = reachRequirementOf({ reach: 'tier', categories: ['kindergarten', 'nursery'] }, tiers)!;
    const both = {
      key: 'both',
      allOf: [
        { anyOf: [{ category: 'kindergarten', minutes: 5 }] },
        { anyOf: [{ category: 'nursery', minutes: 5 }] },
      ],
    };
    const single = categoryRequirements({ kindergarten: 5, nursery: 5 });
    const reach = computeUnitReach(model, {
      tiers,
      speedMetersPerSecond: 1,
      requirements: [either, both, ...single],
    });
    const [anyOf, allOf, kindergarten, nursery] = reach.covered;
    for (let u = 0; u < model.units.length; u += 1) {
      expect(anyOf[u]).toBe(kindergarten[u] | nursery[u]);
      expect(allOf[u]).toBe(kindergarten[u] & nursery[u]);
    }
    expect(anyOf.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(
      kindergarten.reduce((sum, value) => sum + value, 0),
    );
  });

  it('walks the document’s 15 minutes for Linjiang’s fitness circle, whatever the fitness tier', () => {
    const requirements = reachRequirementsOf('linjiang', tiers);
    const fitness = requirements.find(
      (requirement) => requirement.key === 'fitness_ground|sports_ground@15',
    )!;
    expect(fitness.allOf[0].anyOf.map((option) => option.minutes)).toEqual([15, 15]);
    const reach = computeUnitReach(model, {
      tiers,
      speedMetersPerSecond: 1,
      requirements: [fitness, ...categoryRequirements({ fitness_ground: 5 })],
    });
    const count = (covered: Uint8Array) => covered.reduce((sum, value) => sum + value, 0);
    expect(count(reach.covered[0])).toBeGreaterThan(count(reach.covered[1]));
  });

  it('orders its arrays as asked and names what it cannot place', () => {
    const ids = model.units.map((unit) => unit.id).reverse();
    const forward = computeUnitReach(model, {
      tiers,
      speedMetersPerSecond: 1,
      requirements: categoryRequirements({ primary_school: 10 }),
    });
    const reversed = computeUnitReach(model, {
      tiers,
      speedMetersPerSecond: 1,
      requirements: forward.requirements,
      unitIds: ids,
    });
    expect(Array.from(reversed.covered[0])).toEqual(Array.from(forward.covered[0]).reverse());
    expect(() =>
      computeUnitReach(model, { tiers, speedMetersPerSecond: 1, requirements: [], unitIds: ['nowhere'] }),
    ).toThrow(/nowhere/);
    expect(() => computeUnitReach(model, { tiers, speedMetersPerSecond: 0, requirements: [] })).toThrow(
      /speed/,
    );
  });
});
