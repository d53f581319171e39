/**
 * The accessibility engine on the shipped demo region (data/geojson/demo): the river 峒江 with its
 * four bridges, the 柳塘 community built without a kindergarten within five minutes, and heat maps
 * checked cell by cell against plain Dijkstra.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointInPolygon } from '../geometry/point-in-ring.js';
import { multiPolygonProblems } from '../geometry/polygon-validity.js';
import type { Position } from '../geometry/position.js';
import { DijkstraWorkspace, shortestTravelSeconds } from '../routing/dijkstra.js';
import { snappedPointSources, snapToNetwork, travelSecondsToSnappedPoint } from '../routing/snap.js';
import { buildAccessibilityModel } from './accessibility-model.js';
import type { AccessibilityModel } from './accessibility-types.js';
import { NO_EDGE } from './cell-snap-grid.js';
import { computeCoverage, defaultTierTable } from './coverage.js';
import { cellCentreLonLat, computeCompletenessHeatmap, computeTravelTimeHeatmap } from './heatmap.js';
import { computeIsochrones } from './isochrones.js';
import { accessibilityInputFromGeoJson, type RegionGeoJsonLayers } from './region-geojson-input.js';
import { computeServiceRadii } from './service-radii.js';

const DEMO_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/geojson/demo');
const read = (layer: string) => JSON.parse(readFileSync(path.join(DEMO_FOLDER, `${layer}.geojson`), 'utf8'));

interface LineFeature {
  properties: { bridge: boolean };
  geometry: { coordinates: Position[] };
}

let layers: RegionGeoJsonLayers & { network: { features: LineFeature[] } };
let model: AccessibilityModel;
/** The river polygon's outer ring. */
let river: Position[];

beforeAll(() => {
  layers = {
    network: read('network'),
    units: read('units'),
    facilities: read('facilities'),
    communities: read('communities'),
    water: read('water'),
  };
  model = buildAccessibilityModel(accessibilityInputFromGeoJson(layers));
  const riverFeature = layers.water!.features.find((feature) => feature.properties.kind === 'river')!;
  river = (riverFeature.geometry.coordinates as Position[][])[0];
});

/** Latitudes where the meridian through `lon` crosses the river's outline (south bank, north bank). */
function riverBanksAt(lon: number): [number, number] {
  const crossings: number[] = [];
  for (let k = 0; k + 1 < river.length; k += 1) {
    const [a, b] = [river[k], river[k + 1]];
    if (a[0] <= lon !== b[0] <= lon) crossings.push(a[1] + ((lon - a[0]) * (b[1] - a[1])) / (b[0] - a[0]));
  }
  if (crossings.length !== 2)
    throw new Error(`the meridian ${lon} crosses the river ${crossings.length} times`);
  return [Math.min(...crossings), Math.max(...crossings)];
}

/** Unit travel seconds from one point by plain single-source Dijkstra (no engine code). */
function unitSecondsFrom(point: Position, speed: number): Float64Array {
  const options = { speedMetersPerSecond: speed, includeAccessWalk: true };
  const snap = snapToNetwork(model.snapIndex, point[0], point[1])!;
  const seconds = shortestTravelSeconds(model.graph, snappedPointSources(model.graph, snap, options), {
    speedMetersPerSecond: speed,
    maxSeconds: 3600,
  });
  return Float64Array.from(model.unitSnaps, (unitSnap) =>
    travelSecondsToSnappedPoint(model.graph, seconds, unitSnap, options, snap),
  );
}

describe('the demo region', () => {
  it('keeps a five-minute walk from the south bank on the south bank', () => {
    const bridges = layers.network.features.filter((feature) => feature.properties.bridge);
    expect(bridges.length).toBeGreaterThanOrEqual(4);
    // Halfway between the 西门 (lon ≈ 109.7077) and 峒江 (≈ 109.7199) bridges: 550 m from either.
    const lon = 109.7138;
    const [southBank, northBank] = riverBanksAt(lon);
    const origin: Position = [lon, southBank - 20 / model.projection.metersPerDegreeLat];
    const bands = computeIsochrones(model, {
      origins: [origin],
      minutes: [5, 10, 20],
      speedMetersPerSecond: 1,
      mode: 'disks',
    });
    const onFarBank = (vertex: Position) => vertex[1] > riverBanksAt(vertex[0])[1];
    const inRiver = (vertex: Position) => vertex[1] > riverBanksAt(vertex[0])[0] && !onFarBank(vertex);

    expect(bands[0].residents).toBeGreaterThan(0);
    for (const band of bands.slice(0, 2)) {
      const vertices = band.geometry.flat(2);
      expect(vertices.filter(onFarBank), `${band.minutes} min`).toEqual([]);
      // The river itself is not painted either: at most a cell's width of it along the bank.
      const deepInRiver = vertices.filter(
        (vertex) =>
          inRiver(vertex) &&
          vertex[1] > riverBanksAt(vertex[0])[0] + 25 / model.projection.metersPerDegreeLat,
      );
      expect(deepInRiver, `${band.minutes} min`).toEqual([]);
      expect(multiPolygonProblems(band.geometry)).toEqual([]);
    }
    // Residents counted within 10 minutes all live on the south bank.
    const seconds = unitSecondsFrom(origin, 1);
    const northResidents = model.units
      .filter(
        (unit, index) => seconds[index] <= 600 && unit.accessPoint[1] > riverBanksAt(unit.accessPoint[0])[1],
      )
      .reduce((sum, unit) => sum + unit.residents, 0);
    expect(northResidents).toBe(0);
    // Twenty minutes reach round by a bridge: the far-bank check above is not vacuous.
    expect(bands[2].geometry.flat(2).filter(onFarBank).length).toBeGreaterThan(0);
    // The 300 m radius jumps the 150 m river.
    const radius = computeServiceRadii(model, {
      origins: [origin],
      minutes: [5],
      speedMetersPerSecond: 1,
      mode: 'disks',
    });
    expect(radius[0].geometry.flat(2).filter(onFarBank).length).toBeGreaterThan(0);
    expect(northBank - southBank).toBeGreaterThan(0);
  });

  it('counts a facility\u2019s residents from the units\u2019 own times', () => {
    for (const facilityId of ['f-service-station-001', model.facilities[40].id, model.facilities[200].id]) {
      const facility = model.facilities[model.facilityIndexById.get(facilityId)!];
      const seconds = unitSecondsFrom(facility.position, 1);
      const bands = computeIsochrones(model, {
        origins: [facility.position],
        minutes: [5, 10, 15],
        speedMetersPerSecond: 1,
        mode: 'disks',
      });
      for (const band of bands) {
        const expected = model.units.reduce(
          (sum, unit, index) => sum + (seconds[index] <= band.minutes * 60 ? unit.residents : 0),
          0,
        );
        expect(band.residents, `${facilityId} ${band.minutes} min`).toBe(expected);
        expect(multiPolygonProblems(band.geometry)).toEqual([]);
      }
      expect(bands[2].residents).toBeGreaterThan(bands[0].residents);
    }
  });

  it('serves fewer residents on the network than the radius claims, around the town centre', () => {
    const [west, south, east, north] = model.bbox;
    const centre: Position = [(west + east) / 2, (south + north) / 2];
    const request = {
      origins: [centre],
      minutes: [5, 10, 15],
      speedMetersPerSecond: 1,
      mode: 'disks' as const,
    };
    const network = computeIsochrones(model, request);
    const radii = computeServiceRadii(model, request);
    expect(radii.map((band) => band.radiusMeters)).toEqual([300, 500, 1000]);
    radii.forEach((radius, index) => {
      expect(radius.residents).toBeGreaterThanOrEqual(network[index].residents);
      expect(multiPolygonProblems(radius.geometry)).toEqual([]);
    });
    expect(radii[2].residents).toBeGreaterThan(network[2].residents);
    // A 1000 m circle: its polygon's area is within 1 % of π r².
    expect(radii[2].areaSquareMeters).toBeGreaterThan(Math.PI * 1000 ** 2 * 0.99);
    expect(radii[2].areaSquareMeters).toBeLessThan(Math.PI * 1000 ** 2 * 1.001);
  });

  it('finds 柳塘 without a kindergarten within five minutes', () => {
    const coverage = computeCoverage(model, { tiers: defaultTierTable(), speedMetersPerSecond: 1 });
    const liutang = coverage.communities.find((community) => community.id === 'c-liutang')!;
    expect(liutang.name).toBe('柳塘社区');
    const kindergarten = liutang.categories.find((category) => category.category === 'kindergarten')!;
    const regionKindergarten = coverage.region.categories.find(
      (category) => category.category === 'kindergarten',
    )!;
    expect(kindergarten.tierMinutes).toBe(5);
    expect(kindergarten.residents).toBe(liutang.residents);
    expect(kindergarten.coveredShare).toBeLessThan(0.05);
    expect(regionKindergarten.coveredShare).toBeGreaterThan(kindergarten.coveredShare! + 0.1);
    // Region figures are the communities' sums, and every community unit with residents is either covered or listed.
    for (const category of coverage.region.categories) {
      const communities = coverage.communities.map((community) =>
        community.categories.find((entry) => entry.category === category.category)!,
      );
      expect(communities.reduce((sum, entry) => sum + entry.coveredResidents, 0)).toBeCloseTo(
        category.coveredResidents,
        6,
      );
      expect(communities.reduce((sum, entry) => sum + entry.facilityCount, 0)).toBe(category.facilityCount);
      const uncoveredResidents = coverage.uncoveredUnitIds[category.category].reduce(
        (sum, id) => sum + model.units.find((unit) => unit.id === id)!.residents,
        0,
      );
      expect(uncoveredResidents + category.coveredResidents).toBeCloseTo(coverage.region.residents, 6);
    }
    expect(coverage.region.categories.map((category) => category.category)).not.toContain('parking');
    const liutangUnits = new Set(
      model.units
        .filter((unit) => unit.communityId === 'c-liutang' && unit.residents > 0)
        .map((unit) => unit.id),
    );
    const uncoveredLiutang = coverage.uncoveredUnitIds.kindergarten.filter((id) => liutangUnits.has(id));
    expect(uncoveredLiutang.length).toBeGreaterThan(0.95 * liutangUnits.size);
  });

  it('agrees with Dijkstra in the travel-time heat map, cell by cell', () => {
    const heatmap = computeTravelTimeHeatmap(model, { category: 'kindergarten', speedMetersPerSecond: 1 });
    expect(heatmap.cellMeters).toBe(50);
    expect(heatmap.minutes.length).toBe(heatmap.columns * heatmap.rows);
    const kindergartens = model.facilities.filter((facility) => facility.category === 'kindergarten');
    const options = { speedMetersPerSecond: 1, includeAccessWalk: true };
    const workspace = new DijkstraWorkspace(model.graph);
    const perKindergarten = kindergartens.map((facility) => {
      const snap = snapToNetwork(model.snapIndex, facility.position[0], facility.position[1])!;
      const seconds = shortestTravelSeconds(
        model.graph,
        snappedPointSources(model.graph, snap, options),
        { speedMetersPerSecond: 1, maxSeconds: 1800 },
        workspace,
      ).slice();
      return { snap, seconds };
    });
    const grid = model.cellSnapCache.grid(model, 50);
    let compared = 0;
    let sameEdge = 0;
    let offNetwork = 0;
    for (let cell = 7; cell < heatmap.minutes.length; cell += 53) {
      const column = cell % heatmap.columns;
      const row = Math.floor(cell / heatmap.columns);
      const [lon, lat] = cellCentreLonLat(model, heatmap, column, row);
      const snap = snapToNetwork(model.snapIndex, lon, lat)!;
      if (snap.distanceMeters > model.maxAccessWalkMeters * 1.01) {
        // Off the network: no value (cells at the limit may go either way by the planes' rounding).
        expect(heatmap.minutes[cell]).toBeNaN();
        offNetwork += 1;
        continue;
      }
      if (snap.distanceMeters < model.maxAccessWalkMeters * 0.99 && grid.edge[cell] !== NO_EDGE) {
        // Both snaps are nearest points: their distances agree even when a tie picks another edge.
        expect(grid.accessMeters[cell]).toBeCloseTo(snap.distanceMeters, 0);
      }
      if (grid.edge[cell] !== snap.edgeIndex) continue;
      sameEdge += 1;
      const expectedSeconds = Math.min(
        ...perKindergarten.map(({ snap: origin, seconds }) =>
          travelSecondsToSnappedPoint(model.graph, seconds, snap, options, origin),
        ),
      );
      const value = heatmap.minutes[cell];
      if (expectedSeconds > 1800 + 1) expect(value).toBeNaN();
      else if (expectedSeconds < 1800 - 1) {
        expect(value * 60).toBeCloseTo(expectedSeconds, 0);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(offNetwork).toBeGreaterThan(0);
    expect(sameEdge).toBeGreaterThan(compared * 0.9);
  });

  it('scores completeness between 0 and the number of required categories', () => {
    const heatmap = computeCompletenessHeatmap(model, { tiers: defaultTierTable(), speedMetersPerSecond: 1 });
    expect(heatmap.categories).toContain('kindergarten');
    expect(heatmap.categories).not.toContain('nursery');
    expect(heatmap.categories).not.toContain('parking');
    const grid = model.cellSnapCache.grid(model, 50);
    const counts = new Map<number, number>();
    heatmap.reachedCategoryCount.forEach((value, cell) => {
      expect(value === -1).toBe(grid.edge[cell] === NO_EDGE);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    });
    const values = [...counts.keys()];
    expect(Math.min(...values)).toBe(-1);
    expect(Math.max(...values)).toBeLessThanOrEqual(heatmap.categories.length);
    expect(counts.get(0)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(heatmap.categories.length - 2);
    // Cross-check one cell against the per-category travel-time heat maps.
    const tiers = defaultTierTable();
    const travel = heatmap.categories.map(
      (category) =>
        computeTravelTimeHeatmap(model, { category, speedMetersPerSecond: 1, maxMinutes: tiers[category]! })
          .minutes,
    );
    for (let cell = 11; cell < heatmap.reachedCategoryCount.length; cell += 97) {
      if (heatmap.reachedCategoryCount[cell] < 0) continue;
      const reached = travel.filter((minutes) => !Number.isNaN(minutes[cell])).length;
      expect(heatmap.reachedCategoryCount[cell]).toBe(reached);
    }
  });

  it('centres isochrone polygons on the snapped origin', () => {
    const facility = model.facilities[0];
    const [band] = computeIsochrones(model, {
      origins: [facility.position],
      minutes: [5],
      speedMetersPerSecond: 1,
      mode: 'disks',
    });
    expect(band.geometry.some((polygon) => pointInPolygon(facility.position, polygon))).toBe(true);
  });
});
