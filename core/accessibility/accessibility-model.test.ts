import { describe, expect, it } from 'vitest';
import { routingGraphMemoryBytes } from '../routing/graph.js';
import { STEPS_COST_FACTOR } from '../routing/walking-profiles.js';
import { buildAccessibilityModel, snappedPosition } from './accessibility-model.js';
import type { AccessibilityInput } from './accessibility-types.js';
import { snappedOriginPositions } from './isochrones.js';
import { syntheticRegion } from './synthetic-region.js';

describe('buildAccessibilityModel', () => {
  const region = syntheticRegion({ columns: 6, rows: 5, spacingMeters: 50, facilities: [[2, 2, 'park']] });

  it('builds the graph, snaps units and facilities and indexes them', () => {
    const model = buildAccessibilityModel(region.input);
    expect(model.graph.nodeCount).toBe(30);
    expect(model.graph.edgeCount).toBe(region.input.network.source.length);
    expect([...model.graph.edgeCostFactor].filter((factor) => factor === STEPS_COST_FACTOR).length).toBe(
      Array.from(region.input.network.edgeClass).filter((edgeClass) => edgeClass === 'steps').length,
    );
    expect(routingGraphMemoryBytes(model.graph)).toBeGreaterThan(0);
    expect(model.unitSnaps).toHaveLength(model.units.length);
    // Units sit 10 m off their street.
    for (const snap of model.unitSnaps) expect(snap.distanceMeters).toBeCloseTo(10, 1);
    expect(model.facilitySnaps[0].distanceMeters).toBeLessThan(1e-6);
    expect(model.facilityIndexesByCategory.get('park')).toEqual([0]);
    const byEdge = model.unitArrays.byEdge;
    expect([...byEdge].sort((a, b) => a - b)).toEqual(model.units.map((_, index) => index));
    // The snapped position of a unit is 10 m south of its access point.
    const unitPosition = snappedPosition(model, model.unitSnaps[0]);
    const [x0, y0] = model.projection.toMeters(model.units[0].accessPoint);
    const [x1, y1] = model.projection.toMeters(unitPosition);
    expect(Math.hypot(x1 - x0, y1 - y0)).toBeCloseTo(10, 1);
    expect(snappedOriginPositions(model, [model.units[0].accessPoint])[0]).toEqual(unitPosition);
  });

  it('names the unit, facility or edge behind bad input', () => {
    const variant = (change: (input: AccessibilityInput) => AccessibilityInput) => () =>
      buildAccessibilityModel(change(region.input));
    expect(
      variant((input) => ({ ...input, units: [{ ...input.units[0], accessPoint: [Number.NaN, 28] }] })),
    ).toThrow(/unit u-0-0: accessPoint/);
    expect(variant((input) => ({ ...input, units: [{ ...input.units[0], residents: -3 }] }))).toThrow(
      /unit u-0-0: residents/,
    );
    expect(
      variant((input) => ({ ...input, units: [{ ...input.units[0], communityId: 'c-nowhere' }] })),
    ).toThrow(/unit u-0-0: community c-nowhere/);
    expect(variant((input) => ({ ...input, units: [input.units[0], input.units[0]] }))).toThrow(
      /unit u-0-0 appears twice/,
    );
    expect(
      variant((input) => ({ ...input, facilities: [{ ...input.facilities[0], position: [200, 28] }] })),
    ).toThrow(/facility f-0: position/);
    expect(
      variant((input) => ({ ...input, facilities: [{ ...input.facilities[0], communityId: 'c-x' }] })),
    ).toThrow(/facility f-0: community c-x/);
    expect(
      variant((input) => ({
        ...input,
        network: {
          ...input.network,
          lines: [
            ...(input.network.lines as never[]).slice(0, 3),
            [
              [110, Number.NaN],
              [110, 28],
            ],
            ...(input.network.lines as never[]).slice(4),
          ],
        },
      })),
    ).toThrow(/network edge #3/);
    expect(
      variant((input) => ({
        ...input,
        network: { ...input.network, lengthMeters: [-1, ...Array.from(input.network.lengthMeters).slice(1)] },
      })),
    ).toThrow(/edge #0/);
    expect(variant((input) => ({ ...input, network: { ...input.network, target: [1] } }))).toThrow(
      /network.target/,
    );
  });
});
