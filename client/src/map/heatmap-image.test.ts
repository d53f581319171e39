import { describe, expect, it } from 'vitest';
import { COMPLETENESS_RAMP, HEATMAP_ALPHA, TRAVEL_TIME_COLOURS } from './colours';
import {
  completenessColours,
  gridToPixels,
  gridValueAt,
  heatmapCellColour,
  travelTimeClass,
  travelTimeSteps,
} from './heatmap-image';

describe('travelTimeClass', () => {
  it('steps at 5, 10, 15, 20 and 30 minutes, a break belonging to the class below it', () => {
    expect([0, 4.9, 5, 5.1, 10, 12, 15, 15.1, 20, 29.9, 30, 30.1, 59].map(travelTimeClass)).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('has one legend step per colour, the last open-ended', () => {
    const steps = travelTimeSteps();
    expect(steps.map((step) => [step.fromMinutes, step.toMinutes])).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 30],
      [30, null],
    ]);
    expect(steps.map((step) => step.colour)).toEqual(TRAVEL_TIME_COLOURS);
  });
});

describe('completenessColours', () => {
  it('gives one colour per count from none to all, ending on the ramp’s ends', () => {
    const colours = completenessColours(10);
    expect(colours).toHaveLength(11);
    expect(colours[0]).toEqual(COMPLETENESS_RAMP[0]);
    expect(colours[10]).toEqual(COMPLETENESS_RAMP[COMPLETENESS_RAMP.length - 1]);
    expect(new Set(colours.map((colour) => colour.join())).size).toBe(11);
  });
});

describe('gridToPixels', () => {
  // 3 columns × 2 rows; row 0 is the south row.
  const grid = { columns: 3, rows: 2, values: [1, 12, null, 40, -1, 7] };

  it('puts the north row at the top of the image and leaves null cells transparent', () => {
    const pixels = gridToPixels(grid, heatmapCellColour({ kind: 'travel-time' }));
    expect([pixels.width, pixels.height]).toEqual([3, 2]);
    const pixel = (x: number, y: number) =>
      Array.from(pixels.data.slice((y * 3 + x) * 4, (y * 3 + x) * 4 + 4));
    // Top image row = grid row 1: 40 min (> 30), −1 (transparent), 7 min (5–10).
    expect(pixel(0, 0)).toEqual([...TRAVEL_TIME_COLOURS[5], HEATMAP_ALPHA]);
    expect(pixel(1, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(2, 0)).toEqual([...TRAVEL_TIME_COLOURS[1], HEATMAP_ALPHA]);
    // Bottom image row = grid row 0: 1 min, 12 min, null.
    expect(pixel(0, 1)).toEqual([...TRAVEL_TIME_COLOURS[0], HEATMAP_ALPHA]);
    expect(pixel(1, 1)).toEqual([...TRAVEL_TIME_COLOURS[2], HEATMAP_ALPHA]);
    expect(pixel(2, 1)).toEqual([0, 0, 0, 0]);
  });

  it('colours completeness counts by their own ramp', () => {
    const categories = ['a', 'b', 'c', 'd'];
    const pixels = gridToPixels(
      { columns: 2, rows: 1, values: [0, 4] },
      heatmapCellColour({ kind: 'completeness', categories }),
      255,
    );
    const colours = completenessColours(4);
    expect(Array.from(pixels.data)).toEqual([...colours[0], 255, ...colours[4], 255]);
  });

  it('refuses a grid whose values do not fill it', () => {
    expect(() => gridToPixels({ columns: 2, rows: 2, values: [1, 2, 3] }, () => [0, 0, 0])).toThrow(
      /3 values for 2 × 2/,
    );
  });
});

describe('gridValueAt', () => {
  const grid = {
    columns: 2,
    rows: 2,
    values: [1, 2, 3, null],
    bbox: [100, 20, 102, 22] as [number, number, number, number],
  };

  it('finds the cell under a point, south-west first', () => {
    expect(gridValueAt(grid, [100.5, 20.5])).toBe(1);
    expect(gridValueAt(grid, [101.5, 20.5])).toBe(2);
    expect(gridValueAt(grid, [100.5, 21.5])).toBe(3);
    expect(gridValueAt(grid, [101.5, 21.5])).toBeNull();
    expect(gridValueAt(grid, [99.9, 21])).toBeUndefined();
  });
});
