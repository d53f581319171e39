import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position';
import { haversineDistanceMeters } from '../../core/geometry/haversine';
import { createLocalProjection } from '../../core/geometry/local-projection';
import { pointInPolygon } from '../../core/geometry/point-in-ring';
import { polygonArea, ringSignedArea } from '../../core/geometry/polygon-area';
import { validateRegionFiles, type RegionLayer } from '../../core/region/region-files';
import { type CommunityTypeId } from '../../core/standards/community-types';
import { FACILITY_CATEGORY_IDS } from '../../core/standards/facility-categories';
import { generateDemoRegion, type GeneratedDemo } from './generate';
import { ABSENT_BY_DESIGN } from './requirements';
import { ORIGIN_LON_LAT } from './layout';
import type { RegionFiles } from './render';
import { sizeBandOf } from '../../core/standards/rules';

const SHIPPED_DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/geojson/demo');
const LAYERS: Record<RegionLayer, string> = {
  streets: 'streets.geojson',
  communities: 'communities.geojson',
  units: 'units.geojson',
  facilities: 'facilities.geojson',
  network: 'network.geojson',
  water: 'water.geojson',
};

type Geometry = { type: string; coordinates: unknown };
interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  properties: P;
  geometry: Geometry;
}
interface Community {
  id: string;
  name: string;
  type: CommunityTypeId;
  streetId: string;
  residents: number;
  households: number;
  serviceFloorAreaSquareMeters: number;
  staff: number;
  agriculturalLandShare: number | null;
  developmentProgress: number | null;
  isTownshipSeat: boolean;
}
interface Unit {
  id: string;
  kind: string;
  communityId: string;
  residents: number;
  households: number;
  elderly: number;
  children: number;
  accessPoint: Position;
}
interface Facility {
  id: string;
  category: string;
  communityId: string;
  floorAreaSquareMeters: number | null;
}
interface Edge {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
  class: string;
  bridge: boolean;
}

interface ParsedRegion {
  meta: Record<string, unknown>;
  layers: Record<RegionLayer, Feature[]>;
}

function parseRegion(files: RegionFiles): ParsedRegion {
  const layers = {} as Record<RegionLayer, Feature[]>;
  for (const [layer, file] of Object.entries(LAYERS) as [RegionLayer, string][]) {
    layers[layer] = (JSON.parse(files[file]) as { features: Feature[] }).features;
  }
  return { meta: JSON.parse(files['region.json']) as Record<string, unknown>, layers };
}

const props = <P>(features: Feature[]) => features.map((feature) => feature.properties as unknown as P);
const polygonsOf = (geometry: Geometry): Position[][][] =>
  geometry.type === 'Polygon'
    ? [geometry.coordinates as Position[][]]
    : (geometry.coordinates as Position[][][]);

/** A walking graph read back from network.geojson, as a consumer of the files would build it. */
class Network {
  readonly nodePosition = new Map<number, Position>();
  readonly nodeAt = new Map<string, number>();
  readonly adjacency = new Map<number, { to: number; lengthMeters: number; edge: Edge }[]>();

  constructor(features: Feature[]) {
    for (const feature of features) {
      const edge = feature.properties as unknown as Edge;
      const coordinates = feature.geometry.coordinates as Position[];
      for (const [node, position] of [
        [edge.source, coordinates[0]],
        [edge.target, coordinates[coordinates.length - 1]],
      ] as [number, Position][]) {
        this.nodePosition.set(node, position);
        this.nodeAt.set(position.join(','), node);
      }
      this.link(edge.source, edge.target, edge);
      this.link(edge.target, edge.source, edge);
    }
  }

  private link(from: number, to: number, edge: Edge) {
    const list = this.adjacency.get(from) ?? [];
    list.push({ to, lengthMeters: edge.lengthMeters, edge });
    this.adjacency.set(from, list);
  }

  /** Connected components over the nodes that have edges, skipping edges `skip` rejects. */
  components(skip: (edge: Edge) => boolean = () => false): number {
    const seen = new Set<number>();
    let count = 0;
    for (const start of this.adjacency.keys()) {
      if (seen.has(start) || this.adjacency.get(start)!.every(({ edge }) => skip(edge))) continue;
      count++;
      seen.add(start);
      const stack = [start];
      while (stack.length > 0) {
        for (const { to, edge } of this.adjacency.get(stack.pop()!)!) {
          if (!skip(edge) && !seen.has(to)) {
            seen.add(to);
            stack.push(to);
          }
        }
      }
    }
    return count;
  }

  /** Nearest node to a position by great-circle distance (brute force: obviously right). */
  nearestNode(position: Position): number {
    let best = -1;
    let bestMeters = Infinity;
    for (const [node, nodePosition] of this.nodePosition) {
      const meters = haversineDistanceMeters(position, nodePosition);
      if (meters < bestMeters) {
        best = node;
        bestMeters = meters;
      }
    }
    return best;
  }

  /** Plain Dijkstra from several sources up to a cut-off (array scan for the minimum: slow, simple). */
  distancesMeters(sources: number[], cutoffMeters: number): Map<number, number> {
    const settled = new Map<number, number>();
    const frontier = new Map<number, number>(sources.map((source) => [source, 0]));
    while (frontier.size > 0) {
      let node = -1;
      let distance = Infinity;
      for (const [candidate, candidateDistance] of frontier) {
        if (candidateDistance < distance) {
          node = candidate;
          distance = candidateDistance;
        }
      }
      frontier.delete(node);
      settled.set(node, distance);
      for (const { to, lengthMeters } of this.adjacency.get(node) ?? []) {
        const next = distance + lengthMeters;
        if (next <= cutoffMeters && !settled.has(to) && next < (frontier.get(to) ?? Infinity))
          frontier.set(to, next);
      }
    }
    return settled;
  }
}

/** Distance in degrees from a point to the nearest segment of some rings (fine for tiny tolerances). */
function distanceToRings([x, y]: Position, rings: Position[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [xa, ya] = ring[k];
      const [xb, yb] = ring[k + 1];
      const lengthSquared = (xb - xa) ** 2 + (yb - ya) ** 2;
      const t =
        lengthSquared === 0
          ? 0
          : Math.max(0, Math.min(1, ((x - xa) * (xb - xa) + (y - ya) * (yb - ya)) / lengthSquared));
      best = Math.min(best, Math.hypot(x - (xa + t * (xb - xa)), y - (ya + t * (yb - ya))));
    }
  }
  return best;
}

function pointInGeometry(point: Position, geometry: Geometry): boolean {
  return polygonsOf(geometry).some((rings) => pointInPolygon(point, rings));
}

const projection = createLocalProjection(ORIGIN_LON_LAT);
/** Planar area in square metres on a local projection (exact enough to compare sums). */
function areaSquareMeters(geometry: Geometry, onProjection = projection): number {
  return polygonsOf(geometry).reduce(
    (sum, rings) =>
      sum + polygonArea(rings.map((ring) => ring.map((position) => onProjection.toMeters(position)))),
    0,
  );
}

function inBand(value: number, band: { min: number | null; max: number | null } | null): boolean {
  return !band || ((band.min === null || value >= band.min) && (band.max === null || value <= band.max));
}

const meetsConversionTest = (village: Community) =>
  (village.developmentProgress ?? 0) > 0.5 || (village.agriculturalLandShare ?? 1) < 0.5;

describe('generateDemoRegion (the shipped demo)', () => {
  let demo: GeneratedDemo;
  let region: ParsedRegion;
  let communities: Community[];
  let units: Unit[];
  let facilities: Facility[];
  let network: Network;

  beforeAll(() => {
    demo = generateDemoRegion();
    region = parseRegion(demo.files);
    communities = props<Community>(region.layers.communities);
    units = props<Unit>(region.layers.units);
    facilities = props<Facility>(region.layers.facilities);
    network = new Network(region.layers.network);
  });

  it('is deterministic: two runs give identical bytes', () => {
    expect(generateDemoRegion().files).toEqual(demo.files);
  });

  it('matches the files shipped in data/geojson/demo (regenerate with `npm run generate:demo`)', async () => {
    for (const [name, text] of Object.entries(demo.files)) {
      const shipped = await readFile(path.join(SHIPPED_DEMO, name), 'utf8');
      expect(shipped === text, `${name} differs from a fresh generation`).toBe(true);
    }
  });

  it('passes the region-file validation the server loads with', () => {
    const layers = Object.fromEntries(
      Object.entries(region.layers).map(([layer, features]) => [
        layer,
        { type: 'FeatureCollection', features },
      ]),
    );
    const validation = validateRegionFiles(region.meta, layers as Record<RegionLayer, unknown>);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
  });

  it('describes a synthetic region near 28.28°N 109.72°E with a CGCS2000 metric projection', () => {
    expect(region.meta).toMatchObject({ id: 'demo', synthetic: true, metricSrid: 4546 });
    const lons = [...network.nodePosition.values()].map(([lon]) => lon);
    const lats = [...network.nodePosition.values()].map(([, lat]) => lat);
    expect((Math.min(...lons) + Math.max(...lons)) / 2).toBeCloseTo(109.72, 1);
    expect((Math.min(...lats) + Math.max(...lats)) / 2).toBeCloseTo(28.28, 1);
  });

  it('keeps every file under 4 MB, coordinates to 6 decimals, lengths to 0.01 m', () => {
    for (const [name, text] of Object.entries(demo.files)) {
      expect(Buffer.byteLength(text), name).toBeLessThan(4 * 1024 * 1024);
      expect(/\d\.\d{7,}/.test(text), `${name} has a number with more than 6 decimals`).toBe(false);
    }
    for (const { edge } of [...network.adjacency.values()].flat()) {
      expect(Math.round(edge.lengthMeters * 100) / 100).toBe(edge.lengthMeters);
    }
  });

  it('has three streets and one township', () => {
    const kinds = props<{ kind: string }>(region.layers.streets).map((street) => street.kind);
    expect(kinds.filter((kind) => kind === 'street')).toHaveLength(3);
    expect(kinds.filter((kind) => kind === 'township')).toHaveLength(1);
  });

  it('has about 22 communities of the asked types, sizes and 村改居 outcomes', () => {
    expect(communities.length).toBeGreaterThanOrEqual(20);
    expect(communities.length).toBeLessThanOrEqual(24);
    const ofType = (type: CommunityTypeId) => communities.filter((community) => community.type === type);

    const urban = ofType('urban');
    expect(urban.some((community) => community.residents > 12000)).toBe(true);
    expect(urban.some((community) => community.residents < 4500)).toBe(true);
    for (const community of urban.filter(
      (candidate) => candidate.residents >= 4500 && candidate.residents <= 12000,
    )) {
      expect(inBand(community.households, sizeBandOf('leshan', 'urban', 'households')), community.id).toBe(
        true,
      );
    }
    const fringe = ofType('fringe');
    expect(fringe).toHaveLength(3);
    for (const community of fringe) {
      expect(inBand(community.residents, sizeBandOf('leshan', 'fringe', 'residents')), community.id).toBe(
        true,
      );
      expect(inBand(community.households, sizeBandOf('leshan', 'fringe', 'households')), community.id).toBe(
        true,
      );
    }
    const relocation = ofType('relocation');
    expect(relocation).toHaveLength(2);
    expect(relocation.some((community) => community.residents < 800)).toBe(true);
    expect(relocation.some((community) => community.residents > 2000)).toBe(true);
    const township = ofType('township');
    expect(township).toHaveLength(1);
    expect(township[0].isTownshipSeat).toBe(true);
    expect(communities.filter((community) => community.isTownshipSeat)).toHaveLength(1);

    const villages = ofType('village');
    expect(villages.length).toBeGreaterThanOrEqual(4);
    expect(villages.filter(meetsConversionTest).length).toBeGreaterThanOrEqual(2);
    expect(villages.filter((village) => !meetsConversionTest(village)).length).toBeGreaterThanOrEqual(2);
    for (const community of communities) {
      const isVillage = community.type === 'village';
      expect(community.agriculturalLandShare === null, community.id).toBe(!isVillage);
      expect(community.developmentProgress === null, community.id).toBe(!isVillage);
    }
  });

  it('has 3 000–6 000 units with plausible households, elderly and children', () => {
    expect(units.length).toBeGreaterThanOrEqual(3000);
    expect(units.length).toBeLessThanOrEqual(6000);
    for (const unit of units) {
      expect(unit.households).toBeLessThanOrEqual(unit.residents);
      expect(unit.elderly + unit.children).toBeLessThanOrEqual(unit.residents);
      if (unit.residents > 0) expect(unit.households).toBeGreaterThan(0);
    }
    expect(new Set(units.map((unit) => unit.kind))).toEqual(new Set(['estate', 'block', 'hamlet', 'open']));
    const residents = units.reduce((sum, unit) => sum + unit.residents, 0);
    const households = units.reduce((sum, unit) => sum + unit.households, 0);
    const elderly = units.reduce((sum, unit) => sum + unit.elderly, 0);
    const children = units.reduce((sum, unit) => sum + unit.children, 0);
    expect(residents / households).toBeGreaterThan(2.6);
    expect(residents / households).toBeLessThan(3.3);
    expect(elderly / residents).toBeGreaterThan(0.12);
    expect(elderly / residents).toBeLessThan(0.25);
    expect(children / residents).toBeGreaterThan(0.1);
    expect(children / residents).toBeLessThan(0.18);
  });

  it('makes every community exactly the sum of its units: residents, households and area', () => {
    for (const [index, community] of communities.entries()) {
      const own = units.filter((unit) => unit.communityId === community.id);
      const ownFeatures = region.layers.units.filter(
        (feature) => (feature.properties as unknown as Unit).communityId === community.id,
      );
      expect(
        own.reduce((sum, unit) => sum + unit.residents, 0),
        community.id,
      ).toBe(community.residents);
      expect(
        own.reduce((sum, unit) => sum + unit.households, 0),
        community.id,
      ).toBe(community.households);
      const unitArea = ownFeatures.reduce((sum, feature) => sum + areaSquareMeters(feature.geometry), 0);
      const communityArea = areaSquareMeters(region.layers.communities[index].geometry);
      expect(Math.abs(unitArea - communityArea) / communityArea, community.id).toBeLessThan(1e-9);
    }
  });

  it('tiles each street exactly with its communities, and orients rings per RFC 7946', () => {
    for (const street of region.layers.streets) {
      const streetId = (street.properties as { id: string }).id;
      const communityArea = region.layers.communities
        .filter((feature) => (feature.properties as unknown as Community).streetId === streetId)
        .reduce((sum, feature) => sum + areaSquareMeters(feature.geometry), 0);
      const streetArea = areaSquareMeters(street.geometry);
      expect(Math.abs(communityArea - streetArea) / streetArea, streetId).toBeLessThan(1e-9);
    }
    for (const layer of ['streets', 'communities', 'units', 'water'] as const) {
      for (const feature of region.layers[layer]) {
        for (const rings of polygonsOf(feature.geometry)) {
          rings.forEach((ring, k) =>
            expect(Math.sign(ringSignedArea(ring)), `${layer} ring ${k}`).toBe(k === 0 ? 1 : -1),
          );
        }
      }
    }
    // The township spans both banks, so it is a MultiPolygon.
    const qingshan = region.layers.streets.find(
      (feature) => (feature.properties as { kind: string }).kind === 'township',
    )!;
    expect(qingshan.geometry.type).toBe('MultiPolygon');
  });

  it('has one connected walking network of at least 5 000 edges in every class', () => {
    expect(region.layers.network.length).toBeGreaterThanOrEqual(5000);
    expect(network.components()).toBe(1);
    const classes = new Set(props<Edge>(region.layers.network).map((edge) => edge.class));
    expect(classes).toEqual(new Set(['arterial', 'street', 'alley', 'footway', 'steps', 'track']));
    for (const unit of units) expect(network.nodeAt.has(unit.accessPoint.join(',')), unit.id).toBe(true);
  });

  it('crosses the river on exactly four bridges', () => {
    const river = region.layers.water.find(
      (feature) => (feature.properties as { kind: string }).kind === 'river',
    )!;
    const midpoint = (feature: Feature): Position => {
      const [[x1, y1], [x2, y2]] = feature.geometry.coordinates as Position[];
      return [(x1 + x2) / 2, (y1 + y2) / 2];
    };
    const bridges = region.layers.network.filter((feature) => (feature.properties as unknown as Edge).bridge);
    for (const bridge of bridges) expect(pointInGeometry(midpoint(bridge), river.geometry)).toBe(true);
    const riverRings = polygonsOf(river.geometry).flat();
    for (const feature of region.layers.network) {
      const point = midpoint(feature);
      // Riverside roads run along the bank: their midpoints lie on the river's outline, not in it.
      if (!(feature.properties as unknown as Edge).bridge && distanceToRings(point, riverRings) > 1e-7) {
        expect(pointInGeometry(point, river.geometry)).toBe(false);
      }
    }
    // Bridge edges form four separate crossings; without them the network falls apart into the two banks.
    const bridgeOnly = new Network(bridges);
    expect(bridgeOnly.components()).toBe(4);
    expect(network.components((edge) => edge.bridge)).toBe(2);
  });

  it('has facilities of every category, one service station per community with its floor area', () => {
    expect(new Set(facilities.map((facility) => facility.category))).toEqual(
      new Set(FACILITY_CATEGORY_IDS.filter((category) => !ABSENT_BY_DESIGN.has(category))),
    );
    expect(facilities.length).toBeGreaterThanOrEqual(150);
    expect(facilities.length).toBeLessThanOrEqual(300);
    for (const community of communities) {
      const stations = facilities.filter(
        (facility) => facility.category === 'service_station' && facility.communityId === community.id,
      );
      expect(stations, community.id).toHaveLength(1);
      expect(stations[0].floorAreaSquareMeters).toBe(community.serviceFloorAreaSquareMeters);
    }
    region.layers.facilities.forEach((feature, k) => {
      const community = region.layers.communities.find(
        (candidate) => (candidate.properties as { id: string }).id === facilities[k].communityId,
      )!;
      expect(
        pointInGeometry(feature.geometry.coordinates as Position, community.geometry),
        facilities[k].id,
      ).toBe(true);
    });
  });

  it('has the deliberate gaps: a small service station and a community short of staff', () => {
    const smallStations = facilities.filter(
      (facility) => facility.category === 'service_station' && (facility.floorAreaSquareMeters ?? 0) < 600,
    );
    expect(smallStations.length).toBeGreaterThanOrEqual(1);
    expect(communities.some((community) => community.staff < 5)).toBe(true);
  });

  it('has a community none of whose residents can walk to a kindergarten in 5 minutes (300 m)', () => {
    const kindergartenNodes = region.layers.facilities
      .filter((feature) => (feature.properties as unknown as Facility).category === 'kindergarten')
      .map((feature) => network.nearestNode(feature.geometry.coordinates as Position));
    const reached = network.distancesMeters(kindergartenNodes, 300);
    const unserved = communities.filter((community) => {
      const inhabited = units.filter((unit) => unit.communityId === community.id && unit.residents > 0);
      return (
        inhabited.length > 0 &&
        inhabited.every((unit) => !reached.has(network.nodeAt.get(unit.accessPoint.join(','))!))
      );
    });
    // The designed gap is the only town community left out; small villages without a kindergarten
    // of their own may be too, as in real counties.
    expect(
      unserved.filter((community) => community.type !== 'village').map((community) => community.id),
    ).toEqual(['c-liutang']);
  });
});

describe('generateDemoRegion --scale', () => {
  it('tiles three towns with unique ids into one connected network', () => {
    const base = generateDemoRegion();
    const scaled = generateDemoRegion({ scale: 3 });
    const region = parseRegion(scaled.files);
    expect(region.meta.id).toBe('demo-x3');
    const layers = Object.fromEntries(
      Object.entries(region.layers).map(([layer, features]) => [
        layer,
        { type: 'FeatureCollection', features },
      ]),
    );
    const validation = validateRegionFiles(region.meta, layers as Record<RegionLayer, unknown>);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    for (const [layer, features] of Object.entries(region.layers)) {
      const ids = features.map((feature) => (feature.properties as { id: unknown }).id);
      expect(new Set(ids).size, layer).toBe(ids.length);
    }
    const nodeIds = new Set(props<Edge>(region.layers.network).flatMap((edge) => [edge.source, edge.target]));
    expect(nodeIds.size).toBe(3 * base.summary.counts.networkNodes);
    expect(new Network(region.layers.network).components()).toBe(1);
    expect(region.layers.communities).toHaveLength(3 * base.summary.counts.communities);
    expect(region.layers.network).toHaveLength(
      3 * base.summary.counts.networkEdges + scaled.summary.counts.tileLinks,
    );
    expect(
      props<Community>(region.layers.communities).some(
        (community) => community.id === 'c-binjiang~2' && community.name === '滨江社区2',
      ),
    ).toBe(true);
  });

  it('reaches the benchmark sizes at scale 20', () => {
    const started = performance.now();
    const { files, summary } = generateDemoRegion({ scale: 20 });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(summary.counts.networkEdges).toBeGreaterThanOrEqual(100_000);
    expect(summary.counts.facilities).toBeGreaterThanOrEqual(300);
    expect(summary.counts.communities).toBeGreaterThanOrEqual(50);
    expect(summary.counts.units).toBeGreaterThanOrEqual(10_000);
    const edges = (JSON.parse(files['network.geojson']) as { features: Feature[] }).features;
    expect(edges).toHaveLength(summary.counts.networkEdges);
    expect(new Network(edges).components()).toBe(1);
  });
});

/** Seed 000 四、3: the 24 villages that applied for 村改社区, by street or township, and their targets. */
const JISHOU_APPLICANTS_OF_000: Record<string, { urban: string[]; rural: string[] }> = {
  峒河街道: { urban: ['望江坳村', '上佬村', '振武营村', '合群村'], rural: [] },
  石家冲街道: { urban: ['寨阳村', '曙光村'], rural: [] },
  双塘街道: { urban: ['汇祥村', '兴田村', '联合村', '荫上村'], rural: [] },
  乾州街道: {
    urban: ['小庄村', '吉庄村', '大庭村', '树岩桥村', '金坪村', '三岔坪村', '西门口村'],
    rural: [],
  },
  太平镇: { urban: [], rural: ['排吼村', '太平村'] },
  己略乡: { urban: [], rural: ['龙舞村'] },
  河溪镇: { urban: [], rural: ['马鞍村', '阿娜村', '张排村', '持久村'] },
};

/** Jishou's survey leaves station floor area and staff unknown for some communities. */
interface JishouCommunity extends Omit<Community, 'serviceFloorAreaSquareMeters' | 'staff'> {
  serviceFloorAreaSquareMeters: number | null;
  staff: number | null;
  applicationTarget: 'urban' | 'rural' | null;
  stationProvenance: 'new' | 'rebuilt' | 'bought' | 'rented' | null;
  activityFloorShare: number | null;
  commercialFloorShare: number | null;
  parkingSpaces: number | null;
  seatKind: 'county-seat' | 'township-seat' | 'former-township-seat' | null;
}

describe('generateDemoRegion --region jishou-demo', () => {
  const shippedJishou = path.resolve(SHIPPED_DEMO, '../jishou-demo');
  const local = createLocalProjection([109.6925, 28.2511]);
  let jishou: GeneratedDemo;
  let region: ParsedRegion;
  let streets: { id: string; name: string; kind: string }[];
  let communities: JishouCommunity[];
  let units: Unit[];
  let facilities: Facility[];
  let network: Network;
  const streetName = (community: { streetId: string }) =>
    streets.find((street) => street.id === community.streetId)!.name;
  const stationsOf = (community: { id: string }) =>
    facilities.filter(
      (facility) => facility.category === 'service_station' && facility.communityId === community.id,
    );
  const applicants = () => communities.filter((community) => community.applicationTarget !== null);
  /** Names of the applicants that `predicate` picks, in file order. */
  const applicantNames = (predicate: (community: JishouCommunity) => boolean) =>
    applicants()
      .filter(predicate)
      .map((community) => community.name);
  const featuresOf = (layer: RegionLayer, communityId: string) =>
    region.layers[layer].filter(
      (feature) => (feature.properties as { communityId?: string }).communityId === communityId,
    );

  beforeAll(() => {
    jishou = generateDemoRegion({ region: 'jishou-demo' });
    region = parseRegion(jishou.files);
    streets = props(region.layers.streets);
    communities = props<JishouCommunity>(region.layers.communities);
    units = props<Unit>(region.layers.units);
    facilities = props<Facility>(region.layers.facilities);
    network = new Network(region.layers.network);
  });

  it('is deterministic and matches the files shipped in data/geojson/jishou-demo', async () => {
    expect(generateDemoRegion({ region: 'jishou-demo' }).files).toEqual(jishou.files);
    for (const [name, text] of Object.entries(jishou.files)) {
      const shipped = await readFile(path.join(shippedJishou, name), 'utf8');
      // Regenerate with `npm run generate:demo -- --region jishou-demo`.
      expect(shipped === text, `${name} differs from a fresh generation`).toBe(true);
    }
  });

  it('passes the region-file validation the server loads with, with unique ids in every layer', () => {
    const layers = Object.fromEntries(
      Object.entries(region.layers).map(([layer, features]) => [
        layer,
        { type: 'FeatureCollection', features },
      ]),
    );
    const validation = validateRegionFiles(region.meta, layers as Record<RegionLayer, unknown>);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    for (const [layer, features] of Object.entries(region.layers)) {
      const ids = features.map((feature) => (feature.properties as { id: unknown }).id);
      expect(new Set(ids).size, layer).toBe(ids.length);
    }
  });

  it('is synthetic, judged by the jishou profile, at Jishou in CGCS2000 CM 111°E, and says what is real', () => {
    expect(region.meta).toMatchObject({
      id: 'jishou-demo',
      synthetic: true,
      profile: 'jishou',
      metricSrid: 4546,
    });
    expect(region.meta.source).toMatch(/吉首市“十四五”城市社区发展规划.*虚构/);
    const lons = [...network.nodePosition.values()].map(([lon]) => lon);
    const lats = [...network.nodePosition.values()].map(([, lat]) => lat);
    expect((Math.min(...lons) + Math.max(...lons)) / 2).toBeCloseTo(109.72, 1);
    expect((Math.min(...lats) + Math.max(...lats)) / 2).toBeCloseTo(28.27, 1);
  });

  it('is no bigger than the demo: fewer units and edges, fewer bytes, 6 decimals', () => {
    const demo = generateDemoRegion();
    const bytes = (files: RegionFiles) =>
      Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(jishou.summary.counts.units).toBeLessThanOrEqual(demo.summary.counts.units);
    expect(jishou.summary.counts.networkEdges).toBeLessThanOrEqual(demo.summary.counts.networkEdges);
    expect(bytes(jishou.files)).toBeLessThan(bytes(demo.files));
    expect(/\d\.\d{7,}/.test(Object.values(jishou.files).join('\n'))).toBe(false);
  });

  it("has Jishou's four streets and three townships, each tiled exactly by its communities", () => {
    expect(streets.map((street) => `${street.name} ${street.kind}`)).toEqual([
      '峒河街道 street',
      '石家冲街道 street',
      '双塘街道 street',
      '乾州街道 street',
      '太平镇 township',
      '己略乡 township',
      '河溪镇 township',
    ]);
    for (const street of region.layers.streets) {
      const streetId = (street.properties as { id: string }).id;
      const communityArea = region.layers.communities
        .filter((feature) => (feature.properties as unknown as Community).streetId === streetId)
        .reduce((sum, feature) => sum + areaSquareMeters(feature.geometry, local), 0);
      const streetArea = areaSquareMeters(street.geometry, local);
      expect(Math.abs(communityArea - streetArea) / streetArea, streetId).toBeLessThan(1e-9);
    }
  });

  it('has the 24 applicant villages of 000 by name, each in its street, with its target as data', () => {
    const listed = (street: string, target: 'urban' | 'rural') =>
      applicants()
        .filter((community) => streetName(community) === street && community.applicationTarget === target)
        .map((community) => community.name);
    const asListed = Object.fromEntries(
      Object.keys(JISHOU_APPLICANTS_OF_000).map((street) => [
        street,
        { urban: listed(street, 'urban'), rural: listed(street, 'rural') },
      ]),
    );
    expect(asListed).toEqual(JISHOU_APPLICANTS_OF_000);
    expect(applicants()).toHaveLength(24);
    expect(applicants().filter((community) => community.applicationTarget === 'urban')).toHaveLength(17);
    expect(applicants().every((community) => community.type === 'village')).toBe(true);
  });

  it('has 40 communities: applicants, two villages that did not apply, urban, fringe, township ones', () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const community of communities) {
      const street = (counts[streetName(community)] ??= {});
      street[community.type] = (street[community.type] ?? 0) + 1;
    }
    expect(counts).toEqual({
      峒河街道: { urban: 3, village: 4 },
      石家冲街道: { urban: 2, village: 2 },
      双塘街道: { urban: 1, fringe: 1, village: 4 },
      乾州街道: { urban: 3, fringe: 1, village: 7 },
      太平镇: { township: 1, village: 3 },
      己略乡: { township: 1, village: 2 },
      河溪镇: { township: 1, village: 4 },
    });
    const notApplying = communities.filter(
      (community) => community.type === 'village' && community.applicationTarget === null,
    );
    expect(notApplying.map((community) => community.name)).toEqual(['溪口村', '坡头村']);
    // Township communities say which seat they sit at; only a current township seat is isTownshipSeat.
    const seated = communities.filter((community) => community.seatKind !== null);
    expect(seated.map((c) => [c.name, c.type, c.seatKind, c.isTownshipSeat])).toEqual([
      ['新街社区', 'township', 'township-seat', true],
      ['清溪社区', 'township', 'former-township-seat', false],
      ['溪东社区', 'township', 'township-seat', true],
    ]);
  });

  it('makes every community exactly the sum of its units, and every unit plausible', () => {
    for (const [index, community] of communities.entries()) {
      const own = featuresOf('units', community.id);
      const sum = (key: 'residents' | 'households') =>
        own.reduce((total, feature) => total + (feature.properties as unknown as Unit)[key], 0);
      expect(sum('residents'), community.id).toBe(community.residents);
      expect(sum('households'), community.id).toBe(community.households);
      const unitArea = own.reduce((total, feature) => total + areaSquareMeters(feature.geometry, local), 0);
      const communityArea = areaSquareMeters(region.layers.communities[index].geometry, local);
      expect(Math.abs(unitArea - communityArea) / communityArea, community.id).toBeLessThan(1e-9);
    }
    for (const unit of units) {
      expect(unit.households, unit.id).toBeLessThanOrEqual(unit.residents);
      expect(unit.elderly + unit.children, unit.id).toBeLessThanOrEqual(unit.residents);
    }
    expect(new Set(units.map((unit) => unit.kind))).toEqual(new Set(['estate', 'block', 'hamlet', 'open']));
  });

  it('has one connected walking network in every class, crossing 峒河 on four bridges only', () => {
    expect(network.components()).toBe(1);
    expect(network.components((edge) => edge.bridge)).toBe(2);
    const bridges = region.layers.network.filter((feature) => (feature.properties as unknown as Edge).bridge);
    expect(new Network(bridges).components()).toBe(4);
    const classes = new Set(props<Edge>(region.layers.network).map((edge) => edge.class));
    expect(classes).toEqual(new Set(['arterial', 'street', 'alley', 'footway', 'steps', 'track']));
    for (const unit of units) expect(network.nodeAt.has(unit.accessPoint.join(',')), unit.id).toBe(true);
  });

  it('has facilities of every category inside their communities; a station carries the floor area', () => {
    expect(new Set(facilities.map((facility) => facility.category))).toEqual(
      new Set(FACILITY_CATEGORY_IDS.filter((category) => !ABSENT_BY_DESIGN.has(category))),
    );
    region.layers.facilities.forEach((feature, k) => {
      const community = region.layers.communities.find(
        (candidate) => (candidate.properties as { id: string }).id === facilities[k].communityId,
      )!;
      const point = feature.geometry.coordinates as Position;
      expect(pointInGeometry(point, community.geometry), facilities[k].id).toBe(true);
    });
    for (const community of communities) {
      const stations = stationsOf(community);
      expect(stations.length, community.id).toBeLessThanOrEqual(1);
      // A community without a station has 0 m² of station floor, not an unknown figure.
      const floor = stations.length === 1 ? stations[0].floorAreaSquareMeters : 0;
      expect(community.serviceFloorAreaSquareMeters, community.id).toBe(floor);
    }
  });

  it('gives applicants the gaps a planner must see: no station, too little floor or staff, missing facilities', () => {
    expect(applicantNames((c) => stationsOf(c).length === 0)).toEqual([
      '上佬村',
      '兴田村',
      '大庭村',
      '西门口村',
      '龙舞村',
      '阿娜村',
    ]);
    // Under what their target asks: 600 m² for an urban community (000), 400 m² for a rural one (001).
    // Five are far under by design; 振武营 and 曙光 have a village-sized station.
    const underTarget = (c: JishouCommunity) => {
      const floor = c.serviceFloorAreaSquareMeters;
      return floor !== null && floor > 0 && floor < (c.applicationTarget === 'urban' ? 600 : 400);
    };
    expect(applicantNames(underTarget)).toEqual([
      '望江坳村',
      '振武营村',
      '曙光村',
      '汇祥村',
      '小庄村',
      '排吼村',
      '马鞍村',
    ]);
    const unmeasured = (c: JishouCommunity) =>
      stationsOf(c).length === 1 && c.serviceFloorAreaSquareMeters === null;
    expect(applicantNames(unmeasured)).toEqual(['寨阳村', '三岔坪村', '持久村']);
    expect(applicantNames((c) => c.staff !== null && c.staff < 5)).toEqual([
      '振武营村',
      '荫上村',
      '三岔坪村',
      '龙舞村',
    ]);
    expect(applicantNames((c) => c.staff === null)).toEqual(['曙光村', '张排村']);
    const categoriesOf = (name: string) =>
      new Set(
        facilities
          .filter((facility) => facility.communityId === communities.find((c) => c.name === name)!.id)
          .map((facility) => facility.category),
      );
    const lacking: [string, string[]][] = [
      ['上佬村', ['kindergarten']],
      ['曙光村', ['public_toilet', 'refuse_station']],
      ['兴田村', ['supermarket']],
      ['荫上村', ['fitness_ground']],
      ['金坪村', ['kindergarten', 'elderly_day_care']],
      ['阿娜村', ['public_toilet']],
    ];
    for (const [name, categories] of lacking) {
      for (const category of categories) {
        expect(categoriesOf(name).has(category), `${name} ${category}`).toBe(false);
      }
    }
  });

  it('leaves the 村改居 figures missing for most applicants, as Jishou’s survey does', () => {
    expect(applicantNames((c) => c.developmentProgress !== null)).toEqual([
      '望江坳村',
      '合群村',
      '汇祥村',
      '小庄村',
      '大庭村',
    ]);
    expect(applicantNames((c) => c.agriculturalLandShare === null)).toEqual([
      '振武营村',
      '兴田村',
      '吉庄村',
      '金坪村',
      '龙舞村',
      '张排村',
    ]);
    for (const community of communities.filter((candidate) => candidate.type !== 'village')) {
      expect([community.agriculturalLandShare, community.developmentProgress], community.id).toEqual([
        null,
        null,
      ]);
    }
  });

  it('writes issue 10’s figures on every community, given for some and null for others', () => {
    const keys = [
      'applicationTarget',
      'stationProvenance',
      'activityFloorShare',
      'commercialFloorShare',
      'parkingSpaces',
      'seatKind',
    ] as const;
    for (const community of communities) {
      for (const key of keys) expect(key in community, `${community.id} ${key}`).toBe(true);
    }
    for (const key of keys) {
      expect(
        communities.some((community) => community[key] !== null),
        key,
      ).toBe(true);
      expect(
        communities.some((community) => community[key] === null),
        key,
      ).toBe(true);
    }
    expect(new Set(communities.map((community) => community.stationProvenance))).toEqual(
      new Set(['new', 'rebuilt', 'bought', 'rented', null]),
    );
    for (const community of communities) {
      for (const share of [community.activityFloorShare, community.commercialFloorShare]) {
        if (share !== null) expect(share >= 0 && share <= 1, community.id).toBe(true);
      }
      // Only a station that exists has a provenance.
      if (community.stationProvenance !== null) expect(stationsOf(community), community.id).toHaveLength(1);
    }
  });
});
