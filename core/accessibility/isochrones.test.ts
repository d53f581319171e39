import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../geometry/point-in-ring.js';
import { multiPolygonArea } from '../geometry/polygon-area.js';
import { multiPolygonProblems } from '../geometry/polygon-validity.js';
import type { Position } from '../geometry/position.js';
import { DijkstraWorkspace, shortestTravelSeconds } from '../routing/dijkstra.js';
import { snappedPointSources, snapToNetwork, travelSecondsToSnappedPoint } from '../routing/snap.js';
import { buildAccessibilityModel } from './accessibility-model.js';
import type { AccessBand, AccessibilityModel, MultiPolygonCoordinates } from './accessibility-types.js';
import { computeIsochrones } from './isochrones.js';
import { computeServiceRadii } from './service-radii.js';
import { syntheticRegion } from './synthetic-region.js';

const SPEED = 1.0;

/** Residents, households and elderly of units whose own time from the origins is in (from, to] seconds, computed by plain Dijkstra. */
function independentCounts(model: AccessibilityModel, origins: Position[], speed: number) {
  const workspace = new DijkstraWorkspace(model.graph);
  const options = { speedMetersPerSecond: speed, includeAccessWalk: true };
  const unitSeconds = new Float64Array(model.units.length).fill(Infinity);
  for (const origin of origins) {
    const snap = snapToNetwork(model.snapIndex, origin[0], origin[1])!;
    const seconds = shortestTravelSeconds(
      model.graph,
      snappedPointSources(model.graph, snap, options),
      {
        speedMetersPerSecond: speed,
        maxSeconds: 3600,
      },
      workspace,
    );
    model.unitSnaps.forEach((unitSnap, unit) => {
      unitSeconds[unit] = Math.min(
        unitSeconds[unit],
        travelSecondsToSnappedPoint(model.graph, seconds, unitSnap, options, snap),
      );
    });
  }
  return (fromSeconds: number, toSeconds: number) => {
    const sums = { residents: 0, households: 0, elderly: 0, units: 0 };
    model.units.forEach((unit, index) => {
      if (unitSeconds[index] > fromSeconds && unitSeconds[index] <= toSeconds) {
        sums.residents += unit.residents;
        sums.households += unit.households;
        sums.elderly += unit.elderly;
        sums.units += 1;
      }
    });
    return sums;
  };
}

function inMultiPolygon(point: Position, polygons: MultiPolygonCoordinates): boolean {
  return polygons.some((polygon) => pointInPolygon(point, polygon));
}

function vertices(band: AccessBand): Position[] {
  return band.geometry.flatMap((polygon) => polygon.flatMap((ring) => ring));
}

describe('computeIsochrones on a street lattice', () => {
  const region = syntheticRegion({ columns: 30, rows: 30, spacingMeters: 60 });
  const model = buildAccessibilityModel(region.input);
  const origin = region.position(14.3 * 60, 15 * 60 + 7);

  it('gives valid, nested disks whose rings partition them', () => {
    const minutes = [3, 5, 10, 15];
    const disks = computeIsochrones(model, {
      origins: [origin],
      minutes,
      speedMetersPerSecond: SPEED,
      mode: 'disks',
    });
    const rings = computeIsochrones(model, {
      origins: [origin],
      minutes,
      speedMetersPerSecond: SPEED,
      mode: 'rings',
    });
    expect(disks.map((band) => band.minutes)).toEqual(minutes);
    expect(rings.map((band) => band.fromMinutes)).toEqual([0, 3, 5, 10]);
    for (const band of [...disks, ...rings]) {
      expect(band.geometry.length).toBeGreaterThan(0);
      expect(multiPolygonProblems(band.geometry), `${band.fromMinutes}–${band.minutes} min`).toEqual([]);
      // The reported metric area matches the polygon's own (lon/lat scaled to metres).
      const scale = model.projection.metersPerDegreeLon * model.projection.metersPerDegreeLat;
      expect(multiPolygonArea(band.geometry) * scale).toBeCloseTo(band.areaSquareMeters, -1);
    }
    for (let k = 1; k < disks.length; k += 1) {
      // Nested: every vertex of the smaller disk lies strictly inside the larger one.
      const outside = vertices(disks[k - 1]).filter((vertex) => !inMultiPolygon(vertex, disks[k].geometry));
      expect(outside, `${minutes[k - 1]} min inside ${minutes[k]} min`).toEqual([]);
      expect(disks[k].areaSquareMeters).toBeGreaterThan(disks[k - 1].areaSquareMeters);
      // Rings partition the disks exactly: the ring between the two is their difference.
      expect(rings[k].areaSquareMeters).toBeCloseTo(
        disks[k].areaSquareMeters - disks[k - 1].areaSquareMeters,
        3,
      );
      expect(rings[k].residents).toBe(disks[k].residents - disks[k - 1].residents);
      // The ring leaves out the inner disk: the origin lies in every disk and in no outer ring.
      expect(inMultiPolygon(origin, disks[k - 1].geometry)).toBe(true);
      expect(inMultiPolygon(origin, rings[k].geometry)).toBe(false);
    }
    // Walking 15 minutes on a lattice covers far less than the 900 m circle (a diamond at most).
    expect(disks[3].areaSquareMeters).toBeLessThan(Math.PI * 900 * 900 * 0.75);
    expect(disks[3].areaSquareMeters).toBeGreaterThan(2 * 600 * 600 * 0.8);
  });

  it('counts residents, households and elderly from each unit\u2019s own travel time', () => {
    const minutes = [5, 10, 15];
    const count = independentCounts(model, [origin], SPEED);
    for (const mode of ['disks', 'rings'] as const) {
      const bands = computeIsochrones(model, {
        origins: [origin],
        minutes,
        speedMetersPerSecond: SPEED,
        mode,
      });
      bands.forEach((band) => {
        const expected = count(band.fromMinutes * 60 === 0 ? -1 : band.fromMinutes * 60, band.minutes * 60);
        expect(expected.units).toBeGreaterThan(0);
        expect({ residents: band.residents, households: band.households, elderly: band.elderly }).toEqual({
          residents: expected.residents,
          households: expected.households,
          elderly: expected.elderly,
        });
      });
    }
  });

  it('counts the nearest of several origins, at the elderly speed', () => {
    const origins = [origin, region.position(3 * 60 + 20, 4 * 60), region.position(25 * 60, 26 * 60 + 30)];
    const count = independentCounts(model, origins, 0.8);
    const bands = computeIsochrones(model, {
      origins,
      minutes: [5, 10],
      speedMetersPerSecond: 0.8,
      mode: 'disks',
    });
    expect(bands.map((band) => band.residents)).toEqual([count(-1, 300).residents, count(-1, 600).residents]);
    expect(bands[1].geometry.length).toBeGreaterThanOrEqual(3);
    for (const band of bands) expect(multiPolygonProblems(band.geometry)).toEqual([]);
  });

  it('covers less than the straight-line service radius', () => {
    const request = {
      origins: [origin],
      minutes: [5, 10, 15],
      speedMetersPerSecond: SPEED,
      mode: 'disks' as const,
    };
    const network = computeIsochrones(model, request);
    const radii = computeServiceRadii(model, request);
    radii.forEach((radius, index) => {
      expect(radius.residents).toBeGreaterThanOrEqual(network[index].residents);
      expect(radius.areaSquareMeters).toBeGreaterThan(network[index].areaSquareMeters);
    });
  });

  it('leaves a band empty when the access walk alone takes longer', () => {
    // 400 m south of the lattice: the walk to the network takes 400 s, more than 5 minutes.
    const farOrigin = region.position(10 * 60, -400);
    const bands = computeIsochrones(model, {
      origins: [farOrigin],
      minutes: [5, 10],
      speedMetersPerSecond: SPEED,
      mode: 'rings',
    });
    expect(bands[0].geometry).toEqual([]);
    expect(bands[0].residents).toBe(0);
    expect(bands[0].areaSquareMeters).toBe(0);
    expect(bands[1].geometry.length).toBeGreaterThan(0);
    expect(bands[1].residents).toBeGreaterThan(0);
  });

  it('rejects bad requests as programmer errors', () => {
    const base = { origins: [origin], speedMetersPerSecond: SPEED, mode: 'disks' as const };
    expect(() => computeIsochrones(model, { ...base, minutes: [10, 5] })).toThrow(/ascending/);
    expect(() => computeIsochrones(model, { ...base, minutes: [5, 61] })).toThrow(/\(0, 60\]/);
    expect(() => computeIsochrones(model, { ...base, minutes: [] })).toThrow(/1 to 12/);
    expect(() => computeIsochrones(model, { ...base, minutes: [5], speedMetersPerSecond: 5 })).toThrow(
      /speed/,
    );
    expect(() => computeIsochrones(model, { ...base, minutes: [5], origins: [] })).toThrow(
      /at least one origin/,
    );
    expect(() => computeIsochrones(model, { ...base, minutes: [5], origins: [[Number.NaN, 28]] })).toThrow(
      /origin #0/,
    );
  });
});

describe('computeIsochrones across a river', () => {
  // Node rows 0–9 south of a 200 m river, rows 10–19 north; the only bridge is 12 blocks (720 m) west.
  const build = (withWaterPolygon: boolean) => {
    const region = syntheticRegion({
      columns: 30,
      rows: 20,
      spacingMeters: 60,
      river: { row: 10, widthMeters: 200, bridgeColumns: [3], withWaterPolygon },
    });
    return { region, model: buildAccessibilityModel(region.input) };
  };

  for (const withWaterPolygon of [true, false]) {
    it(`never reaches the far bank without a bridge in reach (${withWaterPolygon ? 'with' : 'without'} the water polygon)`, () => {
      const { region, model } = build(withWaterPolygon);
      const southBankLat = region.nodePosition(0, 9)[1];
      const northBankLat = region.nodePosition(0, 10)[1];
      const origin = region.position(15 * 60 + 20, region.rowY(9) - 5);
      const bands = computeIsochrones(model, {
        origins: [origin],
        minutes: [5, 10, 20],
        speedMetersPerSecond: SPEED,
        mode: 'disks',
      });
      const northOf = (band: AccessBand, lat: number) => vertices(band).filter((vertex) => vertex[1] > lat);
      expect(northOf(bands[0], northBankLat - 1e-6)).toEqual([]);
      expect(northOf(bands[1], northBankLat - 1e-6)).toEqual([]);
      const northUnits = model.units.filter((unit) => unit.accessPoint[1] > northBankLat);
      const southUnits = model.units.filter((unit) => unit.accessPoint[1] < southBankLat);
      expect(northUnits.length).toBeGreaterThan(0);
      // Only south-bank residents are counted within 10 minutes.
      expect(bands[1].residents).toBeLessThanOrEqual(
        southUnits.reduce((sum, unit) => sum + unit.residents, 0),
      );
      // With the water polygon, the river is not painted from the bank: no vertex lies more than a
      // cell (20 m) into it, except along the bridge.
      if (withWaterPolygon) {
        const cellLat = 20 / model.projection.metersPerDegreeLat;
        expect(northOf(bands[1], southBankLat + cellLat)).toEqual([]);
      }
      // Twenty minutes is enough to walk round by the bridge: the far bank appears, so the checks above can fail.
      expect(northOf(bands[2], northBankLat).length).toBeGreaterThan(0);
      expect(multiPolygonProblems(bands[2].geometry)).toEqual([]);
      // The straight-line radius, by contrast, jumps the river.
      const radius = computeServiceRadii(model, {
        origins: [origin],
        minutes: [5],
        speedMetersPerSecond: SPEED,
        mode: 'disks',
      });
      expect(northOf(radius[0], northBankLat).length).toBeGreaterThan(0);
    });
  }
});
