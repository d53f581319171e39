import { describe, expect, it } from 'vitest';
import type { HeatmapGrid } from '../../lib/api-types';
import { DIFFERENCE_CLASSES, coverageDifference } from './coverage-difference';

const frame = {
  speedMetersPerSecond: 1,
  cellMeters: 100,
  columns: 3,
  rows: 2,
  bbox: [0, 0, 0.003, 0.002] as [number, number, number, number],
};

const completeness = (values: (number | null)[]): HeatmapGrid => ({
  kind: 'completeness',
  category: null,
  ...frame,
  maxMinutes: 15,
  categories: ['kindergarten', 'clinic', 'service_station'],
  tiers: {},
  values,
});

const travelTime = (values: (number | null)[]): HeatmapGrid => ({
  kind: 'travel-time',
  category: 'clinic',
  ...frame,
  maxMinutes: 60,
  values,
});

const classes = (values: (number | null)[]) =>
  values.map((value) => (value === null ? null : DIFFERENCE_CLASSES[value]));

describe('coverageDifference', () => {
  it('classes completeness cells by categories gained or lost, leaving cells off the network on both sides out', () => {
    const difference = coverageDifference(
      completeness([0, 1, 2, null, 3, 1]),
      completeness([1, 1, 0, null, 3, 2]),
    )!;
    expect(classes(difference.values)).toEqual(['better', 'same', 'worse', null, 'same', 'better']);
    expect(difference.counts).toEqual({ lost: 0, worse: 1, same: 2, better: 2, reached: 0 });
  });

  it('classes travel-time cells by a minute saved or lost, and cells newly within (or beyond) the walk', () => {
    const difference = coverageDifference(
      travelTime([10, 10, 10, null, 8, null]),
      travelTime([4.5, 10.4, 12, 7, null, null]),
    )!;
    expect(classes(difference.values)).toEqual(['better', 'same', 'worse', 'reached', 'lost', null]);
    expect(difference.counts).toEqual({ lost: 1, worse: 1, same: 1, better: 1, reached: 1 });
  });

  it('is null for grids of another kind or layout', () => {
    expect(coverageDifference(completeness([0, 0, 0, 0, 0, 0]), travelTime([1, 1, 1, 1, 1, 1]))).toBeNull();
    const wider = {
      ...completeness([0, 0, 0, 0, 0, 0]),
      bbox: [0, 0, 0.004, 0.002] as [number, number, number, number],
    };
    expect(coverageDifference(completeness([0, 0, 0, 0, 0, 0]), wider)).toBeNull();
  });
});
