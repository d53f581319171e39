import { describe, expect, it } from 'vitest';
import { buildAccessibilityModel } from './accessibility-model.js';
import type { FacilityInput } from './accessibility-types.js';
import { computeCoverage } from './coverage.js';
import { withCommunities, withFacilities } from './model-overlays.js';
import { syntheticRegion } from './synthetic-region.js';
import { computeUnitReach } from './unit-reach.js';

describe('model overlays', () => {
  const region = syntheticRegion({
    columns: 20,
    rows: 14,
    spacingMeters: 80,
    facilities: [
      [2, 2, 'kindergarten'],
      [16, 10, 'kindergarten'],
      [9, 7, 'primary_school'],
    ],
  });
  const model = buildAccessibilityModel(region.input);
  const tiers = { kindergarten: 5, primary_school: 10 };
  const options = { tiers, speedMetersPerSecond: 1 };
  const requirements = [
    { key: 'kindergarten', allOf: [{ anyOf: [{ category: 'kindergarten', minutes: 5 }] }] },
    {
      key: 'both',
      allOf: [
        { anyOf: [{ category: 'kindergarten', minutes: 5 }] },
        { anyOf: [{ category: 'primary_school', minutes: 10 }] },
      ],
    },
  ];
  const fresh = (facilities: readonly FacilityInput[]) =>
    buildAccessibilityModel({ ...region.input, facilities: facilities.slice() });

  it('gives the coverage and reach of a model built afresh, facilities added, moved or removed', () => {
    // Warm the region's figures first, so the overlays derive theirs from them.
    computeCoverage(model, options);
    const added: FacilityInput = { id: 'new', category: 'kindergarten', position: region.nodePosition(9, 3) };
    const variants: FacilityInput[][] = [
      [...region.input.facilities, added],
      region.input.facilities.filter((facility) => facility.id !== region.input.facilities[0].id),
      region.input.facilities.map((facility, index) =>
        index === 1 ? { ...facility, position: region.nodePosition(5, 12) } : facility,
      ),
    ];
    for (const facilities of variants) {
      const overlay = withFacilities(model, facilities);
      expect(overlay.graph).toBe(model.graph);
      const expected = fresh(facilities);
      expect(computeCoverage(overlay, options)).toEqual(computeCoverage(expected, options));
      const reachOptions = { ...options, requirements };
      expect(computeUnitReach(overlay, reachOptions).covered).toEqual(
        computeUnitReach(expected, reachOptions).covered,
      );
    }
    // An addition reaches units that were uncovered.
    const before = computeCoverage(model, options).region.categories[0].coveredResidents;
    const after = computeCoverage(withFacilities(model, variants[0]), options).region.categories[0]
      .coveredResidents;
    expect(after).toBeGreaterThan(before);
  });

  it('regroups units into other communities', () => {
    const communities = [{ id: 'all', name: '全部' }];
    const grouped = withCommunities(
      model,
      communities,
      model.units.map(() => 'all'),
    );
    const coverage = computeCoverage(grouped, options);
    expect(coverage.communities).toHaveLength(1);
    expect(coverage.communities[0].categories).toEqual(
      coverage.region.categories.map((category) => ({ ...category })),
    );
    expect(() =>
      withCommunities(
        model,
        communities,
        model.units.map(() => 'elsewhere'),
      ),
    ).toThrow(/community elsewhere/);
  });
});
