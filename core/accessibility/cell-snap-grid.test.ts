import { describe, expect, it } from 'vitest';
import { snapToNetwork } from '../routing/snap.js';
import { buildAccessibilityModel, MAX_ACCESS_WALK_METERS } from './accessibility-model.js';
import { CELL_SNAP_TILE_CELLS, NO_EDGE } from './cell-snap-grid.js';
import { cellCentreLonLat } from './heatmap.js';
import { syntheticRegion } from './synthetic-region.js';

describe('CellSnapGrid', () => {
  // A sparse lattice (200 m blocks) so that many cells lie beyond the access limit.
  const region = syntheticRegion({
    columns: 12,
    rows: 12,
    spacingMeters: 200,
    river: { row: 6, widthMeters: 260, bridgeColumns: [4], withWaterPolygon: true },
  });
  const model = buildAccessibilityModel(region.input);

  it('gives every cell the nearest network point within the access limit, as snapToNetwork does', () => {
    const grid = model.cellSnapCache.grid(model, 25);
    grid.ensureAll();
    expect(grid.readyTileCount).toBe(grid.tileColumns * grid.tileRows);
    expect(grid.tileColumns).toBe(Math.ceil(grid.frame.columns / CELL_SNAP_TILE_CELLS));
    const northRiverY = region.rowY(6);
    const southRiverY = region.rowY(5);
    let onNetwork = 0;
    let offNetwork = 0;
    let inWater = 0;
    for (let row = 0; row < grid.frame.rows; row += 1) {
      for (let column = 0; column < grid.frame.columns; column += 1) {
        const cell = row * grid.frame.columns + column;
        const [lon, lat] = cellCentreLonLat(model, grid.frame, column, row);
        const snap = snapToNetwork(model.snapIndex, lon, lat)!;
        const y =
          grid.frame.southMeters + (row + 0.5) * 25 - model.projection.toMeters(region.position(0, 0))[1];
        const wet = y > southRiverY && y < northRiverY;
        if (wet && snap.distanceMeters > 0.75 * 25 * 1.01) {
          // In the river only cells on the bridge itself (within ¾ of a cell) stay on the network.
          expect(grid.edge[cell]).toBe(NO_EDGE);
          inWater += 1;
        } else if (snap.distanceMeters < (wet ? 0.75 * 25 * 0.99 : MAX_ACCESS_WALK_METERS - 0.5)) {
          expect(grid.edge[cell]).not.toBe(NO_EDGE);
          // snapToNetwork measures on the mean sphere, the grid in the ellipsoidal local plane: 0.34 % apart at 28° N (meridian radius 6 349 km vs 6 371 km).
          expect(Math.abs(grid.accessMeters[cell] - snap.distanceMeters)).toBeLessThan(
            0.004 * snap.distanceMeters + 0.01,
          );
          if (grid.edge[cell] === snap.edgeIndex) {
            expect(Math.abs(grid.offsetMeters[cell] - snap.offsetMeters)).toBeLessThan(
              0.004 * snap.distanceMeters + 0.01,
            );
          }
          onNetwork += 1;
        } else if (snap.distanceMeters > MAX_ACCESS_WALK_METERS + 0.5) {
          expect(grid.edge[cell]).toBe(NO_EDGE);
          offNetwork += 1;
        }
      }
    }
    expect(onNetwork).toBeGreaterThan(1000);
    expect(offNetwork).toBeGreaterThan(100);
    expect(inWater).toBeGreaterThan(50);
  });

  it('caches one grid per cell size and drops them on clear', () => {
    const first = model.cellSnapCache.grid(model, 40);
    expect(model.cellSnapCache.grid(model, 40)).toBe(first);
    expect(model.cellSnapCache.grid(model, 30)).not.toBe(first);
    expect(model.cellSnapCache.memoryBytes).toBeGreaterThanOrEqual(first.memoryBytes);
    model.cellSnapCache.clear();
    expect(model.cellSnapCache.memoryBytes).toBe(0);
  });
});
