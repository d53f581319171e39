import { describe, expect, it } from 'vitest';
import { multiPolygonProblems } from '../geometry/polygon-validity.js';
import { buildAccessibilityModel } from './accessibility-model.js';
import { computeServiceRadii, serviceRadiusMeters } from './service-radii.js';
import { syntheticRegion } from './synthetic-region.js';

describe('computeServiceRadii', () => {
  const region = syntheticRegion({ columns: 40, rows: 30, spacingMeters: 60 });
  const model = buildAccessibilityModel(region.input);

  it('uses the tier distances for 5/10/15 minutes and walked distance otherwise', () => {
    expect([5, 10, 15].map((minutes) => serviceRadiusMeters(minutes, 1))).toEqual([300, 500, 1000]);
    expect(serviceRadiusMeters(5, 0.8)).toBe(300);
    expect(serviceRadiusMeters(20, 0.8)).toBe(960);
  });

  it('unions overlapping circles into valid polygons and counts residents by straight distance', () => {
    const origins = [region.position(600, 600), region.position(1000, 700), region.position(2000, 1400)];
    const bands = computeServiceRadii(model, {
      origins,
      minutes: [5, 10],
      speedMetersPerSecond: 1,
      mode: 'disks',
    });
    expect(bands.map((band) => band.radiusMeters)).toEqual([300, 500]);
    // The first two circles overlap, the third stands apart.
    expect(bands[0].geometry).toHaveLength(2);
    for (const band of bands) expect(multiPolygonProblems(band.geometry)).toEqual([]);
    const points = origins.map((origin) => model.projection.toMeters(origin));
    bands.forEach((band) => {
      const expected = model.units
        .filter((unit) => {
          const [x, y] = model.projection.toMeters(unit.accessPoint);
          return Math.min(...points.map(([ox, oy]) => Math.hypot(x - ox, y - oy))) <= band.radiusMeters;
        })
        .reduce((sum, unit) => sum + unit.residents, 0);
      expect(band.residents).toBe(expected);
    });
    // Two overlapping circles and one: less than three full circles, more than two.
    expect(bands[0].areaSquareMeters).toBeLessThan(3 * Math.PI * 300 ** 2);
    expect(bands[0].areaSquareMeters).toBeGreaterThan(2 * Math.PI * 300 ** 2);
  });

  it('leaves a ring empty when its radius does not exceed the previous one', () => {
    // 9 minutes walked at 1 m/s is 540 m; 10 minutes is the 500 m tier distance.
    const bands = computeServiceRadii(model, {
      origins: [region.position(1200, 900)],
      minutes: [9, 10],
      speedMetersPerSecond: 1,
      mode: 'rings',
    });
    expect(bands[1].geometry).toEqual([]);
    expect(bands[1].residents).toBe(0);
    expect(bands[0].residents).toBeGreaterThan(0);
  });
});
