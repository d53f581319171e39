/**
 * Heat-map grids from the API (row-major, row 0 the southmost row, null off the network) turned
 * into RGBA pixels for one deck.gl BitmapLayer, and the stepped colour classes their legends show.
 * Pure: no DOM, so the stepping and the image layout are unit-tested.
 */
import type { HeatmapGrid } from '../lib/api-types';
import {
  COMPLETENESS_RAMP,
  HEATMAP_ALPHA,
  TRAVEL_TIME_BREAKS_MINUTES,
  TRAVEL_TIME_COLOURS,
  rampColour,
  type Rgb,
} from './colours';

/**
 * Class of a walking time in minutes: the index of the first break it does not exceed (a cell
 * at exactly 5.0 minutes lies within the 5-minute tier), or the open-ended last class beyond 30.
 */
export function travelTimeClass(minutes: number): number {
  const index = TRAVEL_TIME_BREAKS_MINUTES.findIndex((upper) => minutes <= upper);
  return index === -1 ? TRAVEL_TIME_BREAKS_MINUTES.length : index;
}

/** Legend steps of the travel-time heat map: `[from, to]` minutes per colour, `to` null for the open class. */
export function travelTimeSteps(): { fromMinutes: number; toMinutes: number | null; colour: Rgb }[] {
  return TRAVEL_TIME_COLOURS.map((colour, index) => ({
    fromMinutes: index === 0 ? 0 : TRAVEL_TIME_BREAKS_MINUTES[index - 1],
    toMinutes: index < TRAVEL_TIME_BREAKS_MINUTES.length ? TRAVEL_TIME_BREAKS_MINUTES[index] : null,
    colour,
  }));
}

/** One colour per reached-category count 0…categoryCount, from COMPLETENESS_RAMP. */
export function completenessColours(categoryCount: number): Rgb[] {
  const count = Math.max(0, Math.floor(categoryCount));
  return Array.from({ length: count + 1 }, (_, reached) =>
    rampColour(COMPLETENESS_RAMP, count === 0 ? 1 : reached / count),
  );
}

/** The colour of one grid value, or null to leave the cell transparent. */
export type CellColour = (value: number) => Rgb | null;

/** The categories a completeness grid counts (none for a travel-time grid). */
export function gridCategories(
  grid: Pick<HeatmapGrid, 'kind'> & { categories?: readonly string[] },
): readonly string[] {
  return grid.kind === 'completeness' ? (grid.categories ?? []) : [];
}

/** Colours of a grid: travel-time classes, or completeness counts over the grid's categories. */
export function heatmapCellColour(
  grid: Pick<HeatmapGrid, 'kind'> & { categories?: readonly string[] },
): CellColour {
  if (grid.kind === 'completeness') {
    const colours = completenessColours(gridCategories(grid).length);
    return (value) => (value >= 0 && value < colours.length ? colours[Math.round(value)] : null);
  }
  return (value) => (value >= 0 ? TRAVEL_TIME_COLOURS[travelTimeClass(value)] : null);
}

export interface HeatmapPixels {
  width: number;
  height: number;
  /** RGBA, top (northmost) row first, as images are stored. */
  data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * The grid as image pixels: image row 0 is the grid's north row (grid row `rows − 1`), so the
 * picture is not upside down; null, negative or non-finite values stay fully transparent.
 */
export function gridToPixels(
  grid: Pick<HeatmapGrid, 'columns' | 'rows' | 'values'>,
  colourOf: CellColour,
  alpha255: number = HEATMAP_ALPHA,
): HeatmapPixels {
  const { columns, rows, values } = grid;
  if (values.length !== columns * rows) {
    throw new Error(`heat-map grid has ${values.length} values for ${columns} × ${rows} cells`);
  }
  const data = new Uint8ClampedArray(columns * rows * 4);
  for (let row = 0; row < rows; row++) {
    const imageRow = rows - 1 - row;
    for (let column = 0; column < columns; column++) {
      const value = values[row * columns + column];
      if (value === null || !Number.isFinite(value)) continue;
      const colour = colourOf(value);
      if (!colour) continue;
      const offset = (imageRow * columns + column) * 4;
      data[offset] = colour[0];
      data[offset + 1] = colour[1];
      data[offset + 2] = colour[2];
      data[offset + 3] = alpha255;
    }
  }
  return { width: columns, height: rows, data };
}

/**
 * The grid value under a point `[lng, lat]`, or undefined outside the grid. The grid is
 * axis-aligned in longitude/latitude (contract), so the cell follows from the bbox linearly.
 */
export function gridValueAt(
  grid: Pick<HeatmapGrid, 'columns' | 'rows' | 'values' | 'bbox'>,
  position: readonly [number, number],
): number | null | undefined {
  const [west, south, east, north] = grid.bbox;
  const column = Math.floor(((position[0] - west) / (east - west)) * grid.columns);
  const row = Math.floor(((position[1] - south) / (north - south)) * grid.rows);
  if (!(column >= 0 && column < grid.columns && row >= 0 && row < grid.rows)) return undefined;
  return grid.values[row * grid.columns + column];
}
