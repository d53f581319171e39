import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessBandProperties } from '../../core/accessibility/accessibility-types.js';
import type { Position } from '../../core/geometry/position.js';
import { buildRoutingGraph, nodeIndexOf, type RoutingGraph } from '../../core/routing/graph.js';
import { shortestTravelSeconds } from '../../core/routing/dijkstra.js';
import { buildSnapIndex, snappedPointSources, snapToNetwork } from '../../core/routing/snap.js';
import { edgeClassCostFactor } from '../../core/routing/walking-profiles.js';
import {
  invalidateRegionAccessibility,
  regionAccessibility,
} from '../../server/src/accessibility/region-models.js';
import type { App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { refusalBody } from '../support/refusals.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';

interface Feature<P = Record<string, any>> {
  type: 'Feature';
  id?: string | number;
  geometry: { type: string; coordinates: any };
  properties: P;
}
interface FeatureCollection<P = Record<string, any>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
  [member: string]: unknown;
}
type Isochrones = FeatureCollection<AccessBandProperties> & {
  origins: Position[];
  speedMetersPerSecond: number;
};

/** Slack for comparing a unit's travel time with a band edge: float sums may differ in the last bits. */
const EDGE_SECONDS = 1e-6;
const METRIC_SRID = 4546;

describe.each(testBackends())('the accessibility API on $name PostGIS with the demo region', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;

  let network: FeatureCollection;
  let units: FeatureCollection;
  let facilities: FeatureCollection;
  /** The walking graph built here from the /network layer, independently of the server's model. */
  let layerGraph: RoutingGraph;
  /** Network node id at each `lon,lat` of an edge end. */
  const nodeAt = new Map<string, number>();
  let townCentreFacility: Feature;

  const request = async (url: string, init?: RequestInit) => {
    const response = await app.request(url, init);
    return { status: response.status, body: (await response.json()) as any };
  };
  const post = (url: string, body: unknown) =>
    request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const isochrones = async (body: unknown) => {
    const { status, body: collection } = await post('/api/regions/demo/isochrones', body);
    expect(status, JSON.stringify(collection).slice(0, 300)).toBe(200);
    return collection as Isochrones;
  };
  /** One row of PostGIS answers about GeoJSON geometries passed as $1, $2… */
  const geometrySql = async <Row>(text: string, geometries: unknown[]) =>
    (
      await database.query<Row>(
        text,
        geometries.map((geometry) => JSON.stringify(geometry)),
      )
    ).rows[0];

  /** Seconds from `lonLat` to every unit, through /travel-times (Infinity where not reached). */
  const unitSecondsFrom = async (lonLat: Position, speedMetersPerSecond = 1) => {
    const { status, body } = await post('/api/regions/demo/travel-times', {
      from: { lonLat },
      maxSeconds: 3600,
      speedMetersPerSecond,
    });
    expect(status).toBe(200);
    return units.features.map((unit) => {
      const node = nodeAt.get(String(unit.properties.accessPoint));
      expect(node, `unit ${unit.properties.id}'s access point is a network node`).toBeDefined();
      return body.seconds[String(node)] ?? Infinity;
    });
  };

  /** Residents of the units whose seconds fall in (from, to], allowing for the last bits of float sums. */
  const residentsBetween = (seconds: number[], fromSeconds: number, toSeconds: number) => {
    let fewest = 0;
    let most = 0;
    seconds.forEach((time, index) => {
      const residents = units.features[index].properties.residents as number;
      if (time > fromSeconds + EDGE_SECONDS && time <= toSeconds - EDGE_SECONDS) fewest += residents;
      if (time > fromSeconds - EDGE_SECONDS && time <= toSeconds + EDGE_SECONDS) most += residents;
    });
    return { fewest, most };
  };

  /** The inhabited unit whose access point is nearest `position`. */
  const nearestUnit = ([lon, lat]: Position) =>
    units.features
      .filter((unit) => unit.properties.residents > 0)
      .reduce((best, unit) => {
        const distance = (candidate: Feature) => {
          const [x, y] = candidate.properties.accessPoint as Position;
          return Math.hypot((x - lon) * Math.cos((lat * Math.PI) / 180), y - lat);
        };
        return distance(unit) < distance(best) ? unit : best;
      });

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('seeded'));
    app = await createSignedInApp(database);
    [network, units, facilities] = await Promise.all(
      ['network', 'units', 'facilities'].map(
        async (layer) => (await request(`/api/regions/demo/${layer}`)).body as FeatureCollection,
      ),
    );
    const edges = network.features.map((feature) => feature.properties);
    layerGraph = buildRoutingGraph({
      source: edges.map((edge) => edge.source),
      target: edges.map((edge) => edge.target),
      lengthMeters: edges.map((edge) => edge.lengthMeters),
      costFactor: edges.map((edge) => edgeClassCostFactor(edge.class)),
    });
    for (const feature of network.features) {
      const line = feature.geometry.coordinates as Position[];
      nodeAt.set(String(line[0]), feature.properties.source);
      nodeAt.set(String(line[line.length - 1]), feature.properties.target);
    }
    // The town centre: the facility nearest the residents' weighted mean position.
    let lonSum = 0;
    let latSum = 0;
    let residentSum = 0;
    for (const unit of units.features) {
      const [lon, lat] = unit.properties.accessPoint as Position;
      lonSum += lon * unit.properties.residents;
      latSum += lat * unit.properties.residents;
      residentSum += unit.properties.residents;
    }
    const centre: Position = [lonSum / residentSum, latSum / residentSum];
    const distance = (feature: Feature) => {
      const [lon, lat] = feature.geometry.coordinates as Position;
      return Math.hypot((lon - centre[0]) * Math.cos((centre[1] * Math.PI) / 180), lat - centre[1]);
    };
    townCentreFacility = facilities.features.reduce((best, feature) =>
      distance(feature) < distance(best) ? feature : best,
    );
  });
  afterAll(async () => dispose?.());

  describe('POST /travel-times', () => {
    it('answers every node reached from a node with the seconds of a search over the /network layer', async () => {
      const startNode = nodeAt.get(
        String(nearestUnit(townCentreFacility.geometry.coordinates as Position).properties.accessPoint),
      )!;
      const { status, body } = await post('/api/regions/demo/travel-times', {
        from: { node: startNode },
        maxSeconds: 600,
        speedMetersPerSecond: 0.8,
      });
      expect(status).toBe(200);
      const expected = shortestTravelSeconds(
        layerGraph,
        [{ nodeIndex: nodeIndexOf(layerGraph, startNode), initialSeconds: 0 }],
        { speedMetersPerSecond: 0.8, maxSeconds: 600 },
      );
      const expectedSeconds: Record<string, number> = {};
      expected.forEach((seconds, index) => {
        if (seconds !== Infinity) expectedSeconds[String(layerGraph.nodeIds[index])] = seconds;
      });
      expect(Object.keys(expectedSeconds).length).toBeGreaterThan(50);
      expect(Object.keys(expectedSeconds).length).toBeLessThan(layerGraph.nodeCount);
      expect(body.seconds).toEqual(expectedSeconds);
      expect(body.seconds[String(startNode)]).toBe(0);
    });

    it('starts from a point snapped onto the network, its walk to the network included', async () => {
      const edge = network.features.find(
        (feature) => feature.properties.class !== 'steps' && feature.properties.lengthMeters > 60,
      )!;
      const [a, b] = edge.geometry.coordinates as Position[];
      // A point 10 m off the middle of the edge's first segment, to its side (a local metric plane).
      const metersPerDegreeLat = 111_320;
      const metersPerDegreeLon = metersPerDegreeLat * Math.cos((a[1] * Math.PI) / 180);
      const [dx, dy] = [(b[0] - a[0]) * metersPerDegreeLon, (b[1] - a[1]) * metersPerDegreeLat];
      const segmentMeters = Math.hypot(dx, dy);
      const offPoint: Position = [
        (a[0] + b[0]) / 2 + ((-dy / segmentMeters) * 10) / metersPerDegreeLon,
        (a[1] + b[1]) / 2 + ((dx / segmentMeters) * 10) / metersPerDegreeLat,
      ];
      const { body } = await post('/api/regions/demo/travel-times', {
        from: { lonLat: offPoint },
        maxSeconds: 300,
      });

      // The same walk computed apart from the server, from the /network layer: snap, walk on, search.
      const snapIndex = buildSnapIndex(
        layerGraph,
        network.features.map((feature) => feature.geometry.coordinates as Position[]),
      );
      const snapped = snapToNetwork(snapIndex, offPoint[0], offPoint[1])!;
      expect(snapped.distanceMeters).toBeGreaterThan(5);
      const sources = snappedPointSources(layerGraph, snapped, {
        speedMetersPerSecond: 1,
        includeAccessWalk: true,
      });
      const expected = shortestTravelSeconds(layerGraph, sources, {
        speedMetersPerSecond: 1,
        maxSeconds: 300,
      });
      const reached = Object.keys(body.seconds as Record<string, number>);
      expect(reached.length).toBeGreaterThan(2);
      expect(reached.sort()).toEqual(
        Array.from(layerGraph.nodeIds)
          .filter((_, index) => expected[index] !== Infinity)
          .map(String)
          .sort(),
      );
      for (const nodeId of reached) {
        expect(body.seconds[nodeId], `node ${nodeId}`).toBeCloseTo(
          expected[nodeIndexOf(layerGraph, Number(nodeId))],
          6,
        );
      }
      // Both ends of the snapped edge are at least the walk to the network away.
      const ends = [layerGraph.edgeSource[snapped.edgeIndex], layerGraph.edgeTarget[snapped.edgeIndex]];
      for (const end of ends) {
        expect(body.seconds[String(layerGraph.nodeIds[end])]).toBeGreaterThanOrEqual(
          snapped.distanceMeters - 1e-6,
        );
      }
    });

    it('refuses an unknown node, a too long search and a start given twice', async () => {
      const cases: [unknown, RegExp][] = [
        [
          { from: { node: 987654321 }, maxSeconds: 60 },
          /^from\.node: the network of region "demo" has no node 987654321$/,
        ],
        [{ from: { node: 1 }, maxSeconds: 4000 }, /^maxSeconds: must be at most 3600 seconds/],
        [
          { from: { node: 1, lonLat: [109.72, 28.28] } },
          /^from: must be \{"node": id\} or \{"lonLat": \[lon, lat\]\}, exactly one/,
        ],
        [
          { from: { lonLat: [28.28, 109.72] } },
          /^from\.lonLat: latitude 109\.72 is beyond ±90°; did you swap lon\/lat\?/,
        ],
        [{ from: { lonLat: [116.4, 39.9] } }, /^from\.lonLat: \[116\.4, 39\.9\] lies outside region "demo"/],
        [
          { from: { node: 1 }, speedMetersPerSecond: 0 },
          /^speedMetersPerSecond: 0 m\/s is slower than the slowest/,
        ],
      ];
      for (const [body, message] of cases) {
        const response = await post('/api/regions/demo/travel-times', body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body).toEqual(refusalBody(message));
      }
    });

    it("builds a region's model once for concurrent first requests, and again after invalidation", async () => {
      invalidateRegionAccessibility(database, 'demo');
      const [first, second] = await Promise.all([
        regionAccessibility(database, 'demo'),
        regionAccessibility(database, 'demo'),
      ]);
      expect(second).toBe(first);
      expect(await regionAccessibility(database, 'demo')).toBe(first);
      expect(first.model.graph.edgeCount).toBe(network.features.length);
      expect(first.model.units).toHaveLength(units.features.length);
      expect(first.model.facilities).toHaveLength(facilities.features.length);
      invalidateRegionAccessibility(database, 'demo');
      expect(await regionAccessibility(database, 'demo')).not.toBe(first);
    });

    it('serves a reloaded region from its new data, not a stale cached model', async () => {
      const tiny = tinyRegion('tiny-reload');
      await loadRegion(database, 'test', tiny.meta, tiny.layers);
      const before = await post('/api/regions/tiny-reload/travel-times', {
        from: { node: 0 },
        maxSeconds: 3600,
      });
      expect(before.body.seconds['1']).toBeCloseTo(97.97, 9);
      const longer = tinyRegion('tiny-reload');
      for (const edge of longer.layers.network.features) edge.properties.lengthMeters *= 2;
      await loadRegion(database, 'test', longer.meta, longer.layers, { replace: true });
      const after = await post('/api/regions/tiny-reload/travel-times', {
        from: { node: 0 },
        maxSeconds: 3600,
      });
      expect(after.body.seconds['1']).toBeCloseTo(2 * 97.97, 9);
      await database.query('DELETE FROM regions WHERE id = $1', ['tiny-reload']);
      const gone = await post('/api/regions/tiny-reload/travel-times', { from: { node: 0 } });
      expect(gone).toEqual({ status: 404, body: refusalBody('no region "tiny-reload"', 'region.not-found') });
    });
  });

  describe('POST /isochrones', () => {
    it("gives nested, valid disks with residents counted from the units' own travel times", async () => {
      const origin = townCentreFacility.geometry.coordinates as Position;
      const collection = await isochrones({ origins: [origin], minutes: [5, 10, 15], mode: 'disks' });
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.speedMetersPerSecond).toBe(1);
      expect(collection.origins).toHaveLength(1);
      expect(collection.features.map((feature) => feature.properties.minutes)).toEqual([5, 10, 15]);
      const seconds = await unitSecondsFrom(origin);
      let previousResidents = 0;
      for (const feature of collection.features) {
        const { minutes, fromMinutes, residents, method, areaSquareMeters } = feature.properties;
        expect(feature.geometry.type).toBe('MultiPolygon');
        expect(method).toBe('network');
        expect(fromMinutes).toBe(0);
        const { valid, reason, area } = await geometrySql<{ valid: boolean; reason: string; area: number }>(
          `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_Area(ST_Transform(g, ${METRIC_SRID}))::float8 AS area
           FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) geometry`,
          [feature.geometry],
        );
        expect(valid, `${minutes} min: ${reason}`).toBe(true);
        expect(area).toBeGreaterThan(0);
        // The reported area is the polygon's, within what two metric projections differ by.
        expect(Math.abs(areaSquareMeters - area) / area).toBeLessThan(0.01);
        const { fewest, most } = residentsBetween(seconds, -Infinity, minutes * 60);
        expect(residents, `${minutes} min`).toBeGreaterThanOrEqual(fewest);
        expect(residents, `${minutes} min`).toBeLessThanOrEqual(most);
        expect(residents).toBeGreaterThanOrEqual(previousResidents);
        previousResidents = residents;
      }
      expect(collection.features[0].properties.residents).toBeGreaterThan(0);
      expect(collection.features[2].properties.residents).toBeGreaterThan(
        collection.features[0].properties.residents,
      );
      for (let k = 1; k < collection.features.length; k += 1) {
        const { covers } = await geometrySql<{ covers: boolean }>(
          `SELECT ST_Covers(ST_GeomFromGeoJSON($1), ST_GeomFromGeoJSON($2)) AS covers`,
          [collection.features[k].geometry, collection.features[k - 1].geometry],
        );
        expect(covers, `${collection.features[k].properties.minutes} min covers the previous disk`).toBe(
          true,
        );
      }
    });

    it("gives disjoint rings whose residents add up to the disks'", async () => {
      const origin = townCentreFacility.geometry.coordinates as Position;
      const minutes = [3, 7, 12];
      const rings = await isochrones({ origins: [origin], minutes });
      const disks = await isochrones({ origins: [origin], minutes, mode: 'disks' });
      expect(
        rings.features.map((feature) => [feature.properties.fromMinutes, feature.properties.minutes]),
      ).toEqual([
        [0, 3],
        [3, 7],
        [7, 12],
      ]);
      const seconds = await unitSecondsFrom(origin);
      let cumulative = { residents: 0, households: 0, elderly: 0 };
      rings.features.forEach((ring, k) => {
        const { fromMinutes, residents, households, elderly } = ring.properties;
        const { fewest, most } = residentsBetween(
          seconds,
          fromMinutes === 0 ? -Infinity : fromMinutes * 60,
          ring.properties.minutes * 60,
        );
        expect(residents).toBeGreaterThanOrEqual(fewest);
        expect(residents).toBeLessThanOrEqual(most);
        cumulative = {
          residents: cumulative.residents + residents,
          households: cumulative.households + households,
          elderly: cumulative.elderly + elderly,
        };
        const disk = disks.features[k].properties;
        expect(cumulative).toEqual({
          residents: disk.residents,
          households: disk.households,
          elderly: disk.elderly,
        });
      });
      for (let i = 0; i < rings.features.length; i += 1) {
        const { valid } = await geometrySql<{ valid: boolean }>(
          `SELECT ST_IsValid(ST_GeomFromGeoJSON($1)) AS valid`,
          [rings.features[i].geometry],
        );
        expect(valid).toBe(true);
        for (let j = i + 1; j < rings.features.length; j += 1) {
          const { overlap, smaller } = await geometrySql<{ overlap: number; smaller: number }>(
            `SELECT ST_Area(ST_Transform(ST_Intersection(a, b), ${METRIC_SRID}))::float8 AS overlap,
                    least(ST_Area(ST_Transform(a, ${METRIC_SRID})), ST_Area(ST_Transform(b, ${METRIC_SRID})))::float8 AS smaller
             FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS a, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS b) pair`,
            [rings.features[i].geometry, rings.features[j].geometry],
          );
          expect(smaller).toBeGreaterThan(0);
          expect(overlap, `rings ${i} and ${j}`).toBeLessThan(Math.max(1, smaller * 1e-6));
        }
      }
    });

    it("draws straight-line service radii of 300/500/1000 m that reach at least the network's residents", async () => {
      const origin = townCentreFacility.geometry.coordinates as Position;
      const radii = await isochrones({ origins: [origin], method: 'radius', mode: 'disks' });
      const walks = await isochrones({ origins: [origin], method: 'network', mode: 'disks' });
      expect(radii.features.map((feature) => feature.properties.radiusMeters)).toEqual([300, 500, 1000]);
      expect(radii.origins).toEqual([origin]);
      radii.features.forEach((feature, k) => {
        expect(feature.properties.method).toBe('radius');
        expect(feature.properties.residents).toBeGreaterThanOrEqual(walks.features[k].properties.residents);
        // A disk of radius r: π r² within the polygon approximation's few percent.
        const radius = feature.properties.radiusMeters!;
        expect(feature.properties.areaSquareMeters / (Math.PI * radius * radius)).toBeGreaterThan(0.97);
        expect(feature.properties.areaSquareMeters / (Math.PI * radius * radius)).toBeLessThan(1.01);
      });
      // The leader's point: at 15 minutes the radius overstates who can walk there.
      expect(radii.features[2].properties.areaSquareMeters).toBeGreaterThan(
        walks.features[2].properties.areaSquareMeters,
      );
      const { valid } = await geometrySql<{ valid: boolean }>(
        `SELECT ST_IsValid(ST_GeomFromGeoJSON($1)) AS valid`,
        [radii.features[2].geometry],
      );
      expect(valid).toBe(true);
    });

    it('does not leak a 5-minute walk across the river where there is no bridge', async () => {
      // A node near the river, far from every bridge; the far bank is the part of the river's
      // extent that the river separates from it.
      const start = (
        await database.query<{ lon: number; lat: number }>(
          `WITH river AS (SELECT ST_Transform(geom, ${METRIC_SRID}) AS g FROM water WHERE region_id = 'demo' AND kind = 'river'),
                bridges AS (SELECT ST_Transform(ST_Collect(geom), ${METRIC_SRID}) AS g FROM network_edges WHERE region_id = 'demo' AND bridge)
           SELECT ST_X(n.geom)::float8 AS lon, ST_Y(n.geom)::float8 AS lat
           FROM network_nodes n, river, bridges
           WHERE n.region_id = 'demo' AND ST_DWithin(ST_Transform(n.geom, ${METRIC_SRID}), river.g, 60)
             AND ST_Distance(ST_Transform(n.geom, ${METRIC_SRID}), bridges.g) > 700
           ORDER BY ST_Distance(ST_Transform(n.geom, ${METRIC_SRID}), bridges.g) LIMIT 1`,
        )
      ).rows[0];
      expect(start).toBeDefined();
      const origin: Position = [start.lon, start.lat];
      const farBank = `
        WITH river AS (SELECT geom FROM water WHERE region_id = 'demo' AND kind = 'river'),
             banks AS (
               SELECT (ST_Dump(ST_Difference(
                        ST_MakeEnvelope(ST_XMin(geom) + 1e-7, ST_YMin(geom) - 0.05, ST_XMax(geom) - 1e-7, ST_YMax(geom) + 0.05, 4326),
                        geom))).geom AS geom
               FROM river)
        SELECT ST_Union(geom) AS geom FROM banks
        WHERE NOT ST_Intersects(geom, ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326))`;
      const crossing = async (geometry: unknown) =>
        (
          await database.query<{ crossesBank: boolean; farUnits: number }>(
            `WITH far AS (${farBank}), iso AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
             SELECT ST_Intersects(iso.geom, far.geom) AS "crossesBank",
                    (SELECT count(*)::int FROM population_units u
                     WHERE u.region_id = 'demo' AND ST_Intersects(u.geom, iso.geom) AND ST_Covers(far.geom, u.geom)) AS "farUnits"
             FROM iso, far`,
            [JSON.stringify(geometry), origin[0], origin[1]],
          )
        ).rows[0];
      const [fiveMinutes, longWalk] = (
        await isochrones({ origins: [origin], minutes: [5, 40], mode: 'disks' })
      ).features;
      expect(fiveMinutes.properties.areaSquareMeters).toBeGreaterThan(10_000);
      expect(await crossing(fiveMinutes.geometry)).toEqual({ crossesBank: false, farUnits: 0 });
      // The check can fail: 40 minutes is long enough to walk over a bridge to the far bank.
      const far = await crossing(longWalk.geometry);
      expect(far.crossesBank).toBe(true);
      expect(far.farUnits).toBeGreaterThan(0);
    });

    it('gives the same isochrones for facility ids as for their positions', async () => {
      const kindergartens = facilities.features
        .filter((feature) => feature.properties.category === 'kindergarten')
        .slice(0, 3);
      expect(kindergartens).toHaveLength(3);
      const byId = await isochrones({
        facilityIds: kindergartens.map((feature) => feature.properties.id),
        minutes: [5, 10],
      });
      const byPosition = await isochrones({
        origins: kindergartens.map((feature) => feature.geometry.coordinates),
        minutes: [5, 10],
      });
      expect(byId).toEqual(byPosition);
      expect(byId.features[1].properties.residents).toBeGreaterThan(0);
    });

    it('accepts 2 000 origins and points up to 1 km outside the region', async () => {
      const nodes = network.features
        .slice(0, 2000)
        .map((feature) => feature.geometry.coordinates[0] as Position);
      const collection = await isochrones({ origins: nodes, minutes: [1] });
      expect(collection.features).toHaveLength(1);
      expect(collection.origins).toHaveLength(2000);
      const region = (await request('/api/regions/demo')).body;
      const [west, , east, north] = region.bbox as number[];
      const justNorth: Position = [(west + east) / 2, north + 0.005]; // ~550 m beyond the region
      expect((await post('/api/regions/demo/isochrones', { origins: [justNorth] })).status).toBe(200);
    });

    it.each<[string, unknown, RegExp]>([
      [
        'NaN (null in JSON)',
        {
          origins: [
            [109.72, 28.28],
            [null, 28.28],
          ],
        },
        /^origins\[1\]: must be \[lon, lat\], two numbers in degrees, got \[null,28\.28\] \(NaN is sent as null in JSON\)$/,
      ],
      ['strings', { origins: [['109.72', '28.28']] }, /^origins\[0\]: must be \[lon, lat\]/],
      ['three coordinates', { origins: [[109.72, 28.28, 5]] }, /^origins\[0\]: must be \[lon, lat\]/],
      [
        'swapped lon/lat',
        {
          origins: [
            [109.72, 28.28],
            [28.28, 109.72],
          ],
        },
        /^origins\[1\]: latitude 109\.72 is beyond ±90°; did you swap lon\/lat\? Positions are \[lon, lat\]$/,
      ],
      ['longitude beyond 180', { origins: [[190, 28.28]] }, /^origins\[0\]: longitude 190 is beyond ±180°$/],
      [
        'a point outside the region',
        {
          origins: [
            [109.72, 28.28],
            [109.72, 28.28],
            [116.4, 39.9],
          ],
        },
        /^origins\[2\]: \[116\.4, 39\.9\] lies outside region "demo" \(extent \[[\d., ]+\] plus 1000 m\)$/,
      ],
      [
        'a point 3 km outside the region',
        { origins: [[109.72, 28.33]] },
        /^origins\[0\]: \[109\.72, 28\.33\] lies outside region "demo"/,
      ],
      [
        'too many origins',
        { origins: Array.from({ length: 2001 }, () => [109.72, 28.28]) },
        /^origins: at most 2000 origins per request$/,
      ],
      ['no origins', { origins: [] }, /^origins: give at least one \[lon, lat\] point$/],
      [
        'unknown facility ids',
        { facilityIds: ['f-no-such', 'f-service-station-001', 'f-nor-this'] },
        /^facilityIds: region "demo" has no facilities "f-no-such", "f-nor-this"$/,
      ],
      [
        'origins and facilityIds',
        { origins: [[109.72, 28.28]], facilityIds: ['f-service-station-001'] },
        /^give "origins" or "facilityIds", not both$/,
      ],
      ['neither origins nor facilityIds', { minutes: [5] }, /^give the walk's start as "origins"/],
      [
        'minutes beyond 60',
        { origins: [[109.72, 28.28]], minutes: [5, 61] },
        /^minutes\[1\]: 61 minutes is beyond the 60-minute limit$/,
      ],
      [
        'zero minutes',
        { origins: [[109.72, 28.28]], minutes: [0, 5] },
        /^minutes\[0\]: must be more than 0 minutes, got 0$/,
      ],
      [
        'negative minutes',
        { origins: [[109.72, 28.28]], minutes: [-5] },
        /^minutes\[0\]: must be more than 0 minutes, got -5$/,
      ],
      [
        'descending minutes',
        { origins: [[109.72, 28.28]], minutes: [10, 5] },
        /^minutes\[1\]: minutes must ascend without repeats: 5 follows 10$/,
      ],
      [
        'repeated minutes',
        { origins: [[109.72, 28.28]], minutes: [5, 5] },
        /^minutes\[1\]: minutes must ascend without repeats/,
      ],
      [
        '13 minutes values',
        { origins: [[109.72, 28.28]], minutes: Array.from({ length: 13 }, (_, k) => k + 1) },
        /^minutes: at most 12 minutes values per request$/,
      ],
      [
        'minutes as text',
        { origins: [[109.72, 28.28]], minutes: ['5'] },
        /^minutes\[0\]: must be a number of minutes, got "5"$/,
      ],
      [
        'too fast',
        { origins: [[109.72, 28.28]], speedMetersPerSecond: 5 },
        /^speedMetersPerSecond: 5 m\/s is faster than the fastest walking speed allowed \(0\.3–3 m\/s\)$/,
      ],
      [
        'too slow',
        { origins: [[109.72, 28.28]], speedMetersPerSecond: 0.1 },
        /^speedMetersPerSecond: 0\.1 m\/s is slower/,
      ],
      [
        'speed as text',
        { origins: [[109.72, 28.28]], speedMetersPerSecond: 'fast' },
        /^speedMetersPerSecond: must be a walking speed in m\/s \(0\.3–3 m\/s\), got "fast"$/,
      ],
      [
        'an unknown mode',
        { origins: [[109.72, 28.28]], mode: 'ring' },
        /^mode: must be "rings" or "disks", got "ring"$/,
      ],
      [
        'an unknown method',
        { origins: [[109.72, 28.28]], method: 'euclid' },
        /^method: must be "network" or "radius", got "euclid"$/,
      ],
      [
        'a misspelt field',
        { origins: [[109.72, 28.28]], minute: [5] },
        /^unknown field "minute"; the body takes origins, facilityIds, minutes, speedMetersPerSecond, mode, method$/,
      ],
      ['a body that is not an object', [1, 2], /^the body must be a JSON object$/],
    ])('refuses %s with a 400 that says what is wrong', async (_case, body, message) => {
      const { status, body: answer } = await post('/api/regions/demo/isochrones', body);
      expect(status).toBe(400);
      expect(answer).toEqual(refusalBody(message));
    });

    it('refuses a body that is not JSON, and answers 404 for an unknown region', async () => {
      const noType = await request('/api/regions/demo/isochrones', {
        method: 'POST',
        body: JSON.stringify({ origins: [[109.72, 28.28]] }),
      });
      expect(noType).toEqual({ status: 400, body: refusalBody(/Content-Type: application\/json/) });
      const broken = await request('/api/regions/demo/isochrones', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"origins": [[NaN, 28.28]]}',
      });
      expect(broken).toEqual({
        status: 400,
        body: refusalBody(/^the body is not valid JSON/, 'request.malformed-json'),
      });
      expect(await post('/api/regions/nowhere/isochrones', { origins: [[109.72, 28.28]] })).toEqual({
        status: 404,
        body: refusalBody('no region "nowhere"', 'region.not-found'),
      });
    });
  });

  describe('GET /coverage', () => {
    it('gives shares in [0, 1] that add up over communities to the region, with the deliberate kindergarten gap', async () => {
      const { status, body } = await request('/api/regions/demo/coverage');
      expect(status).toBe(200);
      expect(body.speedMetersPerSecond).toBe(1);
      expect(body.tiers).toMatchObject({
        kindergarten: 5,
        primary_school: 10,
        middle_school: 15,
        parking: null,
      });
      const unitResidents = units.features.reduce((sum, unit) => sum + unit.properties.residents, 0);
      expect(body.region.residents).toBe(unitResidents);
      expect(body.communities.reduce((sum: number, community: any) => sum + community.residents, 0)).toBe(
        unitResidents,
      );
      const categories = body.region.categories.map((category: any) => category.category);
      expect(categories).toContain('kindergarten');
      expect(categories).not.toContain('parking');
      for (const category of body.region.categories) {
        expect(category.tierMinutes).toBe(body.tiers[category.category]);
        expect(category.coveredShare).toBeGreaterThanOrEqual(0);
        expect(category.coveredShare).toBeLessThanOrEqual(1);
        expect(category.coveredShare).toBeCloseTo(category.coveredResidents / category.residents, 9);
        const inCommunities = body.communities.map(
          (community: any) =>
            community.categories.find((entry: any) => entry.category === category.category).coveredResidents,
        );
        expect(
          inCommunities.reduce((sum: number, covered: number) => sum + covered, 0),
          category.category,
        ).toBe(category.coveredResidents);
        const uncovered = new Set(body.uncoveredUnitIds[category.category] ?? []);
        const uncoveredResidents = units.features
          .filter((unit) => uncovered.has(unit.properties.id))
          .reduce((sum, unit) => sum + unit.properties.residents, 0);
        expect(uncoveredResidents, category.category).toBe(category.residents - category.coveredResidents);
      }
      const liutang = body.communities.find((community: any) => community.name === '柳塘社区');
      const kindergarten = liutang.categories.find((entry: any) => entry.category === 'kindergarten');
      expect(liutang.residents).toBeGreaterThan(0);
      expect(kindergarten).toMatchObject({ coveredResidents: 0, coveredShare: 0 });
      const gulou = body.communities.find((community: any) => community.name === '鼓楼社区');
      expect(
        gulou.categories.find((entry: any) => entry.category === 'kindergarten').coveredShare,
      ).toBeGreaterThan(0.5);
      const liutangUnits = units.features.filter(
        (unit) => unit.properties.communityId === liutang.id && unit.properties.residents > 0,
      );
      expect(body.uncoveredUnitIds.kindergarten).toEqual(
        expect.arrayContaining(liutangUnits.map((unit) => unit.properties.id)),
      );
    });

    it('applies tier overrides and the walking speed', async () => {
      const base = (await request('/api/regions/demo/coverage')).body;
      const longer = (await request('/api/regions/demo/coverage?tiers=kindergarten:15,parking:10')).body;
      const slower = (await request('/api/regions/demo/coverage?speedMetersPerSecond=0.8')).body;
      const covered = (result: any, category: string) =>
        result.region.categories.find((entry: any) => entry.category === category)?.coveredResidents;
      expect(longer.tiers).toMatchObject({ kindergarten: 15, parking: 10, primary_school: 10 });
      expect(covered(longer, 'kindergarten')).toBeGreaterThan(covered(base, 'kindergarten'));
      expect(covered(longer, 'primary_school')).toBe(covered(base, 'primary_school'));
      expect(covered(longer, 'parking')).toBeGreaterThan(0);
      expect(slower.speedMetersPerSecond).toBe(0.8);
      expect(covered(slower, 'kindergarten')).toBeLessThan(covered(base, 'kindergarten'));
    });

    it.each<[string, RegExp]>([
      [
        'tiers=swimming_pool:10',
        /^tiers: unknown category "swimming_pool" \(known: service_station, kindergarten/,
      ],
      ['tiers=kindergarten:0', /^tiers: kindergarten: 0 minutes is outside \(0, 60\]$/],
      ['tiers=kindergarten:90', /^tiers: kindergarten: 90 minutes is outside \(0, 60\]$/],
      ['tiers=kindergarten', /^tiers: "kindergarten" is not category:minutes/],
      ['tiers=kindergarten:5,kindergarten:10', /^tiers: kindergarten is given twice$/],
      ['speedMetersPerSecond=walk', /^speedMetersPerSecond: must be a walking speed in m\/s/],
      ['speedMetersPerSecond=4', /^speedMetersPerSecond: 4 m\/s is faster/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const { status, body } = await request(`/api/regions/demo/coverage?${query}`);
      expect(status).toBe(400);
      expect(body).toEqual(refusalBody(message));
    });
  });

  describe('GET /heatmap', () => {
    /**
     * Metres from each [lon, lat] to the nearest network edge, by PostGIS; Infinity beyond ~190 m
     * (edges are searched within 0.002°, which is at least 190 m this far south).
     */
    const networkDistances = async (points: Position[]) =>
      (
        await database.query<{ meters: number | null }>(
          `SELECT (SELECT min(ST_Distance(ST_Transform(e.geom, ${METRIC_SRID}), ST_Transform(p.geom, ${METRIC_SRID})))
                   FROM network_edges e WHERE e.region_id = 'demo' AND ST_DWithin(e.geom, p.geom, 0.002))::float8 AS meters
           FROM (SELECT ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom, ordinality
                 FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS q(lon, lat, ordinality)) p
           ORDER BY p.ordinality`,
          [points.map((point) => point[0]), points.map((point) => point[1])],
        )
      ).rows.map((row) => row.meters ?? Infinity);

    it('gives a travel-time grid over the region: null far from the network, ~0 at the facilities', async () => {
      const { status, body } = await request(
        '/api/regions/demo/heatmap?category=kindergarten&cellMeters=50&maxMinutes=30',
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        kind: 'travel-time',
        category: 'kindergarten',
        speedMetersPerSecond: 1,
        cellMeters: 50,
        maxMinutes: 30,
      });
      const { columns, rows, bbox, values } = body as {
        columns: number;
        rows: number;
        bbox: number[];
        values: (number | null)[];
      };
      expect(values).toHaveLength(columns * rows);
      const region = (await request('/api/regions/demo')).body;
      const [west, south, east, north] = bbox;
      const lonMeters = 111_320 * Math.cos((((south + north) / 2) * Math.PI) / 180);
      expect(((east - west) * lonMeters) / columns).toBeCloseTo(50, 1);
      expect(((north - south) * 111_000) / rows).toBeCloseTo(50, -1);
      // The grid covers the network and stays within a kilometre of the region.
      const networkLons = network.features.flatMap((feature) =>
        (feature.geometry.coordinates as Position[]).map((p) => p[0]),
      );
      const networkLats = network.features.flatMap((feature) =>
        (feature.geometry.coordinates as Position[]).map((p) => p[1]),
      );
      expect(west).toBeLessThanOrEqual(Math.min(...networkLons));
      expect(east).toBeGreaterThanOrEqual(Math.max(...networkLons));
      expect(south).toBeLessThanOrEqual(Math.min(...networkLats));
      expect(north).toBeGreaterThanOrEqual(Math.max(...networkLats));
      expect(west).toBeGreaterThan(region.bbox[0] - 0.01);
      expect(north).toBeLessThan(region.bbox[3] + 0.01);
      for (const value of values) if (value !== null) expect(value >= 0 && value <= 30).toBe(true);

      const cellCentre = (cell: number): Position => [
        west + ((cell % columns) + 0.5) * ((east - west) / columns),
        south + (Math.floor(cell / columns) + 0.5) * ((north - south) / rows),
      ];
      // Cells farther from the network than the longest access walk (80 m, plus a few metres for the
      // two projections) are null; cells with minutes lie within it.
      const cells = values.map((_, cell) => cell);
      const distances = await networkDistances(cells.map(cellCentre));
      let farCells = 0;
      cells.forEach((cell) => {
        if (distances[cell] > 85) {
          farCells += 1;
          expect(values[cell], `cell ${cell}, ${distances[cell].toFixed(0)} m from the network`).toBeNull();
        }
        if (values[cell] !== null) expect(distances[cell], `cell ${cell}`).toBeLessThan(85);
      });
      expect(farCells).toBeGreaterThan(10);
      expect(values.filter((value) => value !== null).length).toBeGreaterThan(columns * rows * 0.1);

      // Around each kindergarten (~35 m off its street, inside its block) some cell lies within two
      // minutes; its own cell may step onto another street of the block, a walk round it away.
      const kindergartens = facilities.features.filter(
        (feature) => feature.properties.category === 'kindergarten',
      );
      const kindergartenDistances = await networkDistances(
        kindergartens.map((feature) => feature.geometry.coordinates as Position),
      );
      const kindergartenMinutes: number[] = [];
      kindergartens.forEach((feature, k) => {
        if (kindergartenDistances[k] > 50) return;
        const [lon, lat] = feature.geometry.coordinates as Position;
        const column = Math.floor(((lon - west) / (east - west)) * columns);
        const row = Math.floor(((lat - south) / (north - south)) * rows);
        const minutes = values[row * columns + column];
        expect(minutes, feature.properties.id).not.toBeNull();
        const around = [-1, 0, 1].flatMap((dr) =>
          [-1, 0, 1].map((dc) => values[(row + dr) * columns + column + dc] ?? Infinity),
        );
        expect(Math.min(...around), feature.properties.id).toBeLessThanOrEqual(2);
        kindergartenMinutes.push(minutes!);
      });
      const checked = kindergartenMinutes.length;
      const median = [...kindergartenMinutes].sort((a, b) => a - b)[Math.floor(checked / 2)];
      expect(median).toBeLessThanOrEqual(3);
      expect(checked).toBeGreaterThan(3);
    });

    it('serves the same cells as GeoJSON polygons', async () => {
      const grid = (await request('/api/regions/demo/heatmap?category=supermarket&cellMeters=100')).body;
      const { status, body } = await request(
        '/api/regions/demo/heatmap?category=supermarket&cellMeters=100&format=geojson',
      );
      expect(status).toBe(200);
      expect(body.type).toBe('FeatureCollection');
      const nonNull = (grid.values as (number | null)[]).filter((value) => value !== null).length;
      expect(body.features).toHaveLength(nonNull);
      for (const feature of body.features as Feature[]) {
        expect(feature.type).toBe('Feature');
        expect(feature.geometry.type).toBe('Polygon');
        expect(feature.geometry.coordinates[0]).toHaveLength(5);
        expect(feature.geometry.coordinates[0][0]).toEqual(feature.geometry.coordinates[0][4]);
        expect(feature.properties.minutes).toBe(grid.values[feature.id as number]);
      }
      const { valid } = await geometrySql<{ valid: boolean }>(
        `SELECT bool_and(ST_IsValid(ST_GeomFromGeoJSON(feature -> 'geometry'))) AS valid FROM json_array_elements($1::json) feature`,
        [body.features.slice(0, 500)],
      );
      expect(valid).toBe(true);
    });

    it('gives a completeness grid counting categories reached within their tiers', async () => {
      const { status, body } = await request('/api/regions/demo/heatmap?kind=completeness&cellMeters=100');
      expect(status).toBe(200);
      expect(body).toMatchObject({ kind: 'completeness', category: null, cellMeters: 100 });
      expect(body.categories.length).toBeGreaterThan(3);
      expect(body.values).toHaveLength(body.columns * body.rows);
      const counts = (body.values as (number | null)[]).filter((value): value is number => value !== null);
      expect(counts.length).toBeGreaterThan(0);
      for (const count of counts) {
        expect(Number.isInteger(count)).toBe(true);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBeLessThanOrEqual(body.categories.length);
      }
      expect(Math.max(...counts)).toBeGreaterThan(body.categories.length / 2);
      const geojson = (
        await request('/api/regions/demo/heatmap?kind=completeness&cellMeters=100&format=geojson')
      ).body;
      expect(geojson.features).toHaveLength(counts.length);
      expect(geojson.features[0].properties).toEqual({ reachedCategoryCount: expect.any(Number) });
      // Longer tiers reach more: no cell loses a category, some gain one.
      const longer = (
        await request(
          '/api/regions/demo/heatmap?kind=completeness&cellMeters=100&tiers=kindergarten:15,service_station:15',
        )
      ).body;
      expect(longer.tiers).toMatchObject({ kindergarten: 15, service_station: 15 });
      expect(longer.values).toHaveLength(body.values.length);
      let gained = 0;
      (body.values as (number | null)[]).forEach((count, cell) => {
        if (count === null) return expect(longer.values[cell]).toBeNull();
        expect(longer.values[cell]).toBeGreaterThanOrEqual(count);
        if (longer.values[cell] > count) gained += 1;
      });
      expect(gained).toBeGreaterThan(0);
    });

    it.each<[string, RegExp]>([
      ['', /^category: a travel-time heat map needs a facility category/],
      ['category=swimming_pool', /^category: unknown category "swimming_pool"/],
      ['category=park&cellMeters=5', /^cellMeters: 5 m is outside the allowed cell sizes, 10–500 m$/],
      ['category=park&cellMeters=600', /^cellMeters: 600 m is outside/],
      ['category=park&cellMeters=big', /^cellMeters: must be a cell size in meters/],
      ['category=park&maxMinutes=61', /^maxMinutes: 61 minutes is outside \(0, 60\]$/],
      ['category=park&format=png', /^format: must be "grid" or "geojson", got "png"$/],
      ['category=park&kind=density', /^kind: must be "travel-time" or "completeness", got "density"$/],
      ['category=park&speedMetersPerSecond=0.2', /^speedMetersPerSecond: 0\.2 m\/s is slower/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const { status, body } = await request(`/api/regions/demo/heatmap?${query}`);
      expect(status).toBe(400);
      expect(body).toEqual(refusalBody(message));
    });

    it('answers 404 for an unknown region', async () => {
      expect(await request('/api/regions/nowhere/heatmap?category=park')).toEqual({
        status: 404,
        body: refusalBody('no region "nowhere"', 'region.not-found'),
      });
      expect(await request('/api/regions/nowhere/coverage')).toEqual({
        status: 404,
        body: refusalBody('no region "nowhere"', 'region.not-found'),
      });
    });
  });
});
