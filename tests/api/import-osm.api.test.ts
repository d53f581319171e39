import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERSONS_PER_SQUARE_METER, RESIDENTIAL_BUILDING_FLOORS } from '../../core/osm/buildings.js';
import type { OsmImportReport } from '../../core/osm/osm-import-report.js';
import { skipTotal } from '../../core/osm/skip-tally.js';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { importOsmRegion, OsmImportError, parseOsmFile } from '../../server/src/imports/osm-region-import.js';
import { RegionLoadError } from '../../server/src/db/load-region.js';
import { UNITS_GEOJSON } from '../../server/src/db/sql/layers.sql.js';
import { OSM_EXTRACTS, scanOsm, type ScannedElement } from '../support/osm-extracts.js';
import { testBackends } from '../support/test-databases.js';

type ExtractKey = keyof typeof OSM_EXTRACTS;
const EXTRACT_KEYS = Object.keys(OSM_EXTRACTS) as ExtractKey[];

// --- Expected figures, derived from a plain scan of the XML, independently of core/osm -------------

const WALKABLE_HIGHWAYS = new Set([
  'footway',
  'path',
  'pedestrian',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'road',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'track',
  'cycleway',
  'bridleway',
]);
const WALKABLE_WITH_FOOT_YES = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);
const POI_KEYS = [
  'amenity',
  'shop',
  'leisure',
  'office',
  'healthcare',
  'social_facility',
  'tourism',
  'craft',
  'club',
  'emergency',
];
const NON_HOME_KEYS = [
  'amenity',
  'shop',
  'office',
  'leisure',
  'tourism',
  'healthcare',
  'craft',
  'public_transport',
  'railway',
  'man_made',
  'military',
  'power',
];

function isWalkable({ tags }: ScannedElement): boolean {
  const footYes = ['yes', 'designated', 'permissive'].includes(tags.foot);
  if (!WALKABLE_HIGHWAYS.has(tags.highway) && !(WALKABLE_WITH_FOOT_YES.has(tags.highway) && footYes))
    return false;
  if (tags.area === 'yes' || ['no', 'private', 'use_sidepath'].includes(tags.foot)) return false;
  if (['no', 'private'].includes(tags.access) && !footYes) return false;
  return tags.construction === undefined || ['no', 'minor'].includes(tags.construction);
}

/** Edges and nodes of the walkable ways cut at every node they share (a loop cut once more at its middle). */
function expectedNetwork(elements: ScannedElement[]) {
  const ways = elements.filter((element) => element.type === 'way' && isWalkable(element));
  const refs = ways.map((way) =>
    way.nodeRefs.filter((ref, index) => index === 0 || ref !== way.nodeRefs[index - 1]),
  );
  const uses = new Map<number, number>();
  for (const list of refs) for (const ref of list) uses.set(ref, (uses.get(ref) ?? 0) + 1);
  let edges = 0;
  const nodes = new Set<number>();
  for (const list of refs) {
    let start = 0;
    for (let index = 1; index < list.length; index += 1) {
      if (index < list.length - 1 && uses.get(list[index])! < 2) continue;
      const piece = list.slice(start, index + 1);
      nodes.add(piece[0]).add(piece[piece.length - 1]);
      if (piece[0] === piece[piece.length - 1]) nodes.add(piece[Math.floor(piece.length / 2)]);
      edges += piece[0] === piece[piece.length - 1] ? 2 : 1;
      start = index;
    }
  }
  return { ways: ways.length, edges, nodes: nodes.size, refs: refs.flat() };
}

const withTag = (elements: ScannedElement[], key: string, value?: string) =>
  elements.filter(
    (element) => element.tags[key] !== undefined && (value === undefined || element.tags[key] === value),
  );

function parsedFloors(value: string | undefined): number | null {
  const floors = value === undefined ? NaN : parseFloat(value);
  return floors >= 1 && floors <= 150 ? floors : null;
}

interface Imported {
  xml: string;
  scan: ReturnType<typeof scanOsm>;
  report: OsmImportReport;
}

describe('the shipped OSM extracts', () => {
  it.each(EXTRACT_KEYS)('%s is the file its PROVENANCE.md describes, attribution included', async (key) => {
    const { file } = OSM_EXTRACTS[key];
    const provenance = await readFile(path.join(path.dirname(file), 'PROVENANCE.md'), 'utf8');
    const sha256 = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(provenance).toContain(`sha256 ${sha256}`);
    expect(provenance).toContain('© OpenStreetMap contributors');
  });
});

describe.each(testBackends())('importing OpenStreetMap extracts on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const imported = {} as Record<ExtractKey, Imported>;
  const rows = async <Row>(text: string, params: unknown[]) => (await database.query<Row>(text, params)).rows;
  const regionCounts = async () =>
    (
      await rows<{ regions: number; units: number; edges: number }>(
        `SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM population_units)::int AS units,
              (SELECT count(*) FROM network_edges)::int AS edges`,
        [],
      )
    )[0];

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    for (const key of EXTRACT_KEYS) {
      const { file, name } = OSM_EXTRACTS[key];
      const xml = await readFile(file, 'utf8');
      const { report } = await importOsmRegion(
        database,
        parseOsmFile(xml, path.basename(file)),
        path.basename(file),
        { regionId: key, name },
      );
      imported[key] = { xml, scan: scanOsm(xml), report };
    }
  });
  afterAll(async () => dispose?.());

  describe.each(EXTRACT_KEYS)('%s', (key) => {
    it('imports every walkable way, split where walkable ways share a node', async () => {
      const { scan, report } = imported[key];
      const expected = expectedNetwork(scan.elements);
      const nodeIds = new Set(
        scan.elements.filter((element) => element.type === 'node').map((element) => element.id),
      );
      expect(expected.refs.every((ref) => nodeIds.has(ref))).toBe(true); // complete ways, so no gaps to cut
      expect(report.network.walkableWays).toBe(expected.ways);
      const [counts] = await rows<{ edges: number; nodes: number }>(
        `SELECT (SELECT count(*) FROM network_edges WHERE region_id = $1)::int AS edges,
                (SELECT count(*) FROM network_nodes WHERE region_id = $1)::int AS nodes`,
        [key],
      );
      expect(counts).toEqual({ edges: expected.edges, nodes: expected.nodes });
      const highwaysLeftOut = withTag(scan.elements, 'highway').filter(
        (element) => element.type === 'way' && !isWalkable(element),
      );
      expect(skipTotal(report.network.skippedWays)).toBe(highwaysLeftOut.length);
    });

    it('measures every edge by the great-circle length of its line', async () => {
      const [{ off, edges }] = await rows<{ off: number; edges: number }>(
        `SELECT count(*) FILTER (WHERE abs(length_meters - ST_Length(geom::geography, false)) > 1e-6 * greatest(length_meters, 1))::int AS off,
                count(*)::int AS edges
         FROM network_edges WHERE region_id = $1`,
        [key],
      );
      expect(edges).toBeGreaterThan(400);
      expect(off).toBe(0);
    });

    it('accounts for every POI: a facility, skipped for a stated reason, or counted under its unknown tag', async () => {
      const { scan, report } = imported[key];
      const pois = scan.elements.filter((element) =>
        POI_KEYS.some((poiKey) => element.tags[poiKey] !== undefined),
      );
      const unmapped = Object.values(report.facilities.unmappedByTag).reduce((sum, count) => sum + count, 0);
      expect(report.facilities.total + skipTotal(report.facilities.skipped) + unmapped).toBe(pois.length);
      const byCategory = Object.fromEntries(
        (
          await rows<{ category: string; count: number }>(
            'SELECT category, count(*)::int AS count FROM facilities WHERE region_id = $1 GROUP BY category',
            [key],
          )
        ).map((row) => [row.category, row.count]),
      );
      expect(Object.values(byCategory).reduce((sum, count) => sum + count, 0)).toBe(report.facilities.total);
      expect(byCategory.kindergarten ?? 0).toBe(withTag(scan.elements, 'amenity', 'kindergarten').length);
      expect(byCategory.public_toilet ?? 0).toBe(withTag(scan.elements, 'amenity', 'toilets').length);
      expect(byCategory.park ?? 0).toBe(withTag(scan.elements, 'leisure', 'park').length);
      const middleSchools = withTag(scan.elements, 'amenity', 'school').filter((element) =>
        /中学|[一二三四五六七八九十]中$/.test(element.tags.name ?? ''),
      );
      expect(byCategory.middle_school ?? 0).toBe(middleSchools.length);
      expect(report.facilities.unmappedByTag['amenity=restaurant'] ?? 0).toBe(
        withTag(scan.elements, 'amenity', 'restaurant').length,
      );
    });

    it('estimates residents from building footprints as stated, and accounts for every building', async () => {
      const { scan, report } = imported[key];
      const buildings = scan.elements.filter(
        (element) => element.tags.building !== undefined && element.tags.building !== 'no',
      );
      expect(report.population.buildingsUsed + skipTotal(report.population.buildingsSkipped)).toBe(
        buildings.length,
      );

      const homes = buildings.filter(
        (element) =>
          element.type !== 'node' &&
          RESIDENTIAL_BUILDING_FLOORS[element.tags.building] !== undefined &&
          !(
            element.tags.building === 'yes' &&
            NON_HOME_KEYS.some((homeKey) => element.tags[homeKey] !== undefined)
          ),
      );
      const nodes = new Map(
        scan.elements
          .filter((element) => element.type === 'node')
          .map((node) => [node.id, [node.lon, node.lat]]),
      );
      const ways = new Map(
        scan.elements.filter((element) => element.type === 'way').map((way) => [way.id, way.nodeRefs]),
      );
      const lines = (element: ScannedElement) =>
        (element.type === 'way'
          ? [element.nodeRefs]
          : element.members
              .filter((member) => member.type === 'way')
              .map((member) => ways.get(member.ref) ?? [])
        )
          .map((refs) => refs.map((ref) => nodes.get(ref)!))
          .filter((line) => line.length >= 2);
      const [{ residents: expectedResidents }] = await rows<{ residents: number }>(
        `SELECT coalesce(sum(ST_Area(area::geography) * (b ->> 'floors')::float8 * $3), 0)::float8 AS residents
         FROM jsonb_array_elements($1::jsonb) AS b,
              LATERAL (SELECT ST_BuildArea(ST_SetSRID(ST_GeomFromGeoJSON(b ->> 'lines'), 4326)) AS area) built
         WHERE ST_Covers(ST_MakeEnvelope(($2::float8[])[1], ($2::float8[])[2], ($2::float8[])[3], ($2::float8[])[4], 4326), ST_Centroid(area))`,
        [
          JSON.stringify(
            homes.map((home) => ({
              floors:
                parsedFloors(home.tags['building:levels']) ?? RESIDENTIAL_BUILDING_FLOORS[home.tags.building],
              lines: { type: 'MultiLineString', coordinates: lines(home) },
            })),
          ),
          scan.bounds,
          DEFAULT_PERSONS_PER_SQUARE_METER,
        ],
      );
      const [units] = await rows<{ residents: number; households: number; withResidents: number }>(
        `SELECT sum(residents)::int AS residents, sum(households)::int AS households,
                count(*) FILTER (WHERE residents > 0)::int AS "withResidents"
         FROM population_units WHERE region_id = $1`,
        [key],
      );
      expect(expectedResidents).toBeGreaterThan(1000);
      // Each unit rounds its own sum; footprints are measured on the ellipsoid both ways.
      expect(Math.abs(units.residents - expectedResidents)).toBeLessThan(
        0.5 * units.withResidents + 0.002 * expectedResidents,
      );
      expect(units.residents).toBe(report.population.residents);
      expect(units.households).toBe(report.population.households);
    });

    it('marks every unit estimated where the API serves units, and tiles the extract’s box with them', async () => {
      const { scan, report } = imported[key];
      const [{ collection }] = await rows<{ collection: string }>(UNITS_GEOJSON, [key, null]);
      const units = (
        JSON.parse(collection) as { features: { properties: { estimated: boolean; kind: string } }[] }
      ).features;
      expect(units).toHaveLength(report.population.units);
      expect(
        units.every((unit) => unit.properties.estimated === true && unit.properties.kind === 'grid'),
      ).toBe(true);
      const [{ unitArea, boxArea, overlaps }] = await rows<{
        unitArea: number;
        boxArea: number;
        overlaps: number;
      }>(
        `SELECT (SELECT sum(ST_Area(geom::geography)) FROM population_units WHERE region_id = $1)::float8 AS "unitArea",
                ST_Area(ST_MakeEnvelope(($2::float8[])[1], ($2::float8[])[2], ($2::float8[])[3], ($2::float8[])[4], 4326)::geography)::float8 AS "boxArea",
                (SELECT count(*) FROM population_units a JOIN population_units b
                   ON a.region_id = b.region_id AND a.id < b.id AND a.geom && b.geom AND ST_Overlaps(a.geom, b.geom)
                 WHERE a.region_id = $1)::int AS overlaps`,
        [key, scan.bounds],
      );
      expect(Math.abs(unitArea / boxArea - 1)).toBeLessThan(1e-6);
      expect(overlaps).toBe(0);
      const [{ offNetwork }] = await rows<{ offNetwork: number }>(
        `SELECT count(*)::int AS "offNetwork" FROM population_units u
         WHERE u.region_id = $1 AND NOT EXISTS (
           SELECT 1 FROM network_edges e WHERE e.region_id = u.region_id AND ST_DWithin(e.geom, u.access_point, 1e-7))`,
        [key],
      );
      expect(offNetwork).toBe(0);
    });

    it('makes each community exactly the union of its units, with their residents and households', async () => {
      const communities = await rows<{
        id: string;
        difference: number;
        residents: number;
        unitResidents: number;
        households: number;
        unitHouseholds: number;
      }>(
        `SELECT c.id, ST_Area(ST_SymDifference(c.geom, u.geom)::geography)::float8 AS difference,
                c.residents, u.residents AS "unitResidents", c.households, u.households AS "unitHouseholds"
         FROM communities c
         CROSS JOIN LATERAL (
           SELECT ST_Union(geom) AS geom, sum(residents)::int AS residents, sum(households)::int AS households
           FROM population_units WHERE region_id = c.region_id AND community_id = c.id) u
         WHERE c.region_id = $1`,
        [key],
      );
      expect(communities.length).toBe(imported[key].report.communities.count);
      for (const community of communities) {
        expect(community.difference, community.id).toBeLessThan(0.01);
        expect(community.residents, community.id).toBe(community.unitResidents);
        expect(community.households, community.id).toBe(community.unitHouseholds);
      }
      const [{ type }] = await rows<{ type: string }>(
        "SELECT string_agg(DISTINCT type, ',') AS type FROM communities WHERE region_id = $1",
        [key],
      );
      expect(type).toBe('urban');
    });

    it('seeds a community from every place=quarter|neighbourhood point in the box, and gives every street one at least', async () => {
      const { scan, report } = imported[key];
      const [west, south, east, north] = scan.bounds;
      const seeds = scan.elements.filter(
        (element) =>
          ['quarter', 'neighbourhood'].includes(element.tags.place) &&
          element.lon >= west &&
          element.lon <= east &&
          element.lat >= south &&
          element.lat <= north,
      );
      const [{ seeded, streetsWithout }] = await rows<{ seeded: number; streetsWithout: number }>(
        `SELECT (SELECT count(*) FROM communities WHERE region_id = $1 AND id LIKE 'n%')::int AS seeded,
                (SELECT count(*) FROM streets s WHERE s.region_id = $1
                   AND NOT EXISTS (SELECT 1 FROM communities c WHERE c.region_id = s.region_id AND c.street_id = s.id))::int AS "streetsWithout"`,
        [key],
      );
      const withoutTerritory =
        report.communities.seedsUnused['every grid cell is nearer another seed (no territory)']?.count ?? 0;
      expect(seeded + withoutTerritory).toBe(seeds.length);
      expect(streetsWithout).toBe(0);
    });

    it('records where the data came from and what is estimated', async () => {
      const [region] = await rows<{
        attribution: string;
        source: string;
        synthetic: boolean;
        metricSrid: number;
      }>('SELECT attribution, source, synthetic, metric_srid AS "metricSrid" FROM regions WHERE id = $1', [
        key,
      ]);
      expect(region.attribution).toBe('© OpenStreetMap contributors');
      expect(region.synthetic).toBe(false);
      expect(region.source).toMatch(
        /OpenStreetMap extract .*\.osm.*residents ESTIMATED from building footprints/,
      );
      expect(region.metricSrid).toBe(key === 'guixi' ? 4548 : 4547);
    });
  });

  it('Guixi: one connected network, and its streets are the admin_level=8 boundaries in the file', async () => {
    const { scan, report } = imported.guixi;
    expect(await componentSizes(database, 'guixi')).toHaveLength(1);
    expect(report.network.components.count).toBe(1);
    const boundaryNames = scan.elements
      .filter(
        (element) =>
          element.type === 'relation' &&
          element.tags.boundary === 'administrative' &&
          element.tags.admin_level === '8',
      )
      .map((element) => element.tags['name:zh'] ?? element.tags.name);
    const streets = await rows<{ name: string; kind: string }>(
      'SELECT name, kind FROM streets WHERE region_id = $1 ORDER BY name',
      ['guixi'],
    );
    expect(streets.map((street) => street.name).sort()).toEqual([...boundaryNames].sort());
    expect(
      streets
        .filter((street) => street.kind === 'township')
        .map((street) => street.name)
        .every((name) => name.endsWith('镇')),
    ).toBe(true);
    expect(report.streets.notes).toEqual([]);
  });

  it('Longgang: several network components, with footways and steps, and the box outside 凤岗镇 as a street that says so', async () => {
    const { report } = imported.longgang;
    const sizes = await componentSizes(database, 'longgang');
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes).toEqual(report.network.components.nodeCounts);
    const classes = (
      await rows<{ class: string }>('SELECT DISTINCT class FROM network_edges WHERE region_id = $1', [
        'longgang',
      ])
    ).map((row) => row.class);
    expect(classes).toEqual(expect.arrayContaining(['footway', 'steps']));
    const streets = (
      await rows<{ name: string }>('SELECT name FROM streets WHERE region_id = $1 ORDER BY id', ['longgang'])
    ).map((row) => row.name);
    expect(streets).toEqual(['凤岗镇', expect.stringMatching(/无街道\/镇边界/)]);
  });

  it('makes a file without admin_level=8 boundaries one street covering its box, and says so', async () => {
    // Two crossing footways, an apartment block (0.001° square), a neighbourhood point, two POIs.
    const node = (id: number, lon: number, lat: number, tags = '') =>
      `<node id="${id}" lon="${117 + lon / 1000}" lat="${28 + lat / 1000}">${tags}</node>`;
    const tag = (k: string, v: string) => `<tag k="${k}" v="${v}"/>`;
    const xml = `<osm version="0.6"><bounds minlat="28" minlon="117" maxlat="28.004" maxlon="117.004"/>
      ${node(1, 0, 2)}${node(2, 2, 2)}${node(3, 4, 2)}${node(4, 2, 0)}${node(5, 2, 4)}
      ${node(11, 0.5, 0.5)}${node(12, 1.5, 0.5)}${node(13, 1.5, 1.5)}${node(14, 0.5, 1.5)}
      ${node(21, 3, 3, tag('place', 'neighbourhood') + tag('name', '小区一'))}
      ${node(22, 3, 1, tag('amenity', 'kindergarten') + tag('name', '小树幼儿园'))}${node(23, 1, 3, tag('amenity', 'bank'))}
      <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/>${tag('highway', 'footway')}</way>
      <way id="101"><nd ref="4"/><nd ref="2"/><nd ref="5"/>${tag('highway', 'residential')}</way>
      <way id="102"><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="14"/><nd ref="11"/>${tag('building', 'apartments')}</way></osm>`;
    const { report } = await importOsmRegion(database, parseOsmFile(xml, 'tiny.osm'), 'tiny.osm', {
      regionId: 'tiny-osm',
      name: '测试区',
    });
    expect(report.streets.list).toEqual([
      expect.objectContaining({
        id: 'rest',
        name: '测试区（文件中无街道/镇边界）',
        from: 'no admin_level=8 boundary in the file: one street covering the whole box',
      }),
    ]);
    expect(report.network).toMatchObject({ walkableWays: 2, edges: 4, nodes: 5 });
    expect(report.facilities).toMatchObject({
      total: 1,
      byCategory: { kindergarten: 1 },
      unmappedByTag: { 'amenity=bank': 1 },
    });
    expect(report.communities.list).toEqual([
      expect.objectContaining({
        id: 'n21',
        name: '小区一',
        streetId: 'rest',
        units: report.population.units,
      }),
    ]);
    // One 6-floor block of ~98 m × 111 m at 0.025 persons per m² of floor area.
    expect(report.population.residents).toBeGreaterThan(1600);
    expect(report.population.residents).toBeLessThan(1660);
    const [street] = await rows<{ name: string; area: number }>(
      'SELECT name, ST_Area(geom::geography)::float8 AS area FROM streets WHERE region_id = $1',
      ['tiny-osm'],
    );
    expect(street.name).toBe('测试区（文件中无街道/镇边界）');
    const [{ box }] = await rows<{ box: number }>(
      'SELECT ST_Area(ST_MakeEnvelope(117, 28, 117.004, 28.004, 4326)::geography)::float8 AS box',
      [],
    );
    expect(Math.abs(street.area / box - 1)).toBeLessThan(1e-9);
  });

  it('refuses a truncated file, naming the line, and writes nothing', async () => {
    const before = await regionCounts();
    const truncated = imported.guixi.xml.slice(0, Math.floor(imported.guixi.xml.length / 2));
    const error = (() => {
      try {
        parseOsmFile(truncated, 'guixi_center.osm');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(OsmImportError);
    expect((error as Error).message).toMatch(/^guixi_center\.osm: line \d+: .*; nothing was imported$/);
    expect(await regionCounts()).toEqual(before);
  });

  it('refuses a well-formed file the region format cannot hold, and writes nothing', async () => {
    const before = await regionCounts();
    // JOSM writes not-yet-uploaded elements with negative ids, which network node ids cannot be.
    const xml = `<osm version="0.6"><bounds minlat="28" minlon="117" maxlat="28.01" maxlon="117.01"/>
      <node id="-1" lat="28.001" lon="117.001"/><node id="-2" lat="28.002" lon="117.002"/>
      <way id="-3"><nd ref="-1"/><nd ref="-2"/><tag k="highway" v="footway"/></way></osm>`;
    const error = await importOsmRegion(database, parseOsmFile(xml, 'josm.osm'), 'josm.osm', {
      regionId: 'josm',
      name: '草稿',
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(RegionLoadError);
    expect((error as RegionLoadError).problems.join('\n')).toMatch(
      /network\.geojson feature #0 \(id "0"\): source/,
    );
    expect(await regionCounts()).toEqual(before);
  });

  it('refuses an existing region id unless told to replace it, then replaces it whole', async () => {
    const { file, name } = OSM_EXTRACTS.longgang;
    const document = parseOsmFile(imported.longgang.xml, path.basename(file));
    const before = await regionCounts();
    await expect(
      importOsmRegion(database, document, 'longgang_dayun.osm', { regionId: 'longgang', name }),
    ).rejects.toThrow(/region "longgang" already exists: pass --replace/);
    expect(await regionCounts()).toEqual(before);
    const { report } = await importOsmRegion(database, document, 'longgang_dayun.osm', {
      regionId: 'longgang',
      name,
      replace: true,
    });
    expect(report.population.units).toBe(imported.longgang.report.population.units);
    expect(await regionCounts()).toEqual(before);
  });
});

/** Node counts of the connected components of a region's network, largest first, from its stored edges. */
async function componentSizes(database: Database, regionId: string): Promise<number[]> {
  const { rows } = await database.query<{ source: string; target: string }>(
    'SELECT source::text, target::text FROM network_edges WHERE region_id = $1',
    [regionId],
  );
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    while (parent.get(node) !== node) node = parent.get(node)!;
    return node;
  };
  for (const { source, target } of rows) {
    if (!parent.has(source)) parent.set(source, source);
    if (!parent.has(target)) parent.set(target, target);
    parent.set(find(source), find(target));
  }
  const sizes = new Map<string, number>();
  for (const node of parent.keys()) sizes.set(find(node), (sizes.get(find(node)) ?? 0) + 1);
  return [...sizes.values()].sort((a, b) => b - a);
}

describe('npm run import:osm', () => {
  const run = promisify(execFile);
  const tsx = path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
  const script = path.join(REPOSITORY_ROOT, 'scripts/import-osm.ts');
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-import-osm-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  const fails = async (args: string[]) => {
    const dataDirectory = path.join(folder, 'db');
    const error = (await run(tsx, [script, ...args], {
      env: { ...process.env, LIFECIRCLE_DATA_DIR: dataDirectory, DATABASE_URL: '' },
    }).catch((caught) => caught)) as { code: number; stderr: string };
    return { code: error.code, stderr: error.stderr, databaseCreated: existsSync(dataDirectory) };
  };

  it('refuses a truncated file with the line, before opening any database', async () => {
    const xml = await readFile(OSM_EXTRACTS.guixi.file, 'utf8');
    const broken = path.join(folder, 'broken.osm');
    await writeFile(broken, xml.slice(0, 5000));
    const result = await fails([broken, '--region', 'broken', '--name', '坏文件']);
    expect(result).toMatchObject({ code: 1, databaseCreated: false });
    expect(result.stderr).toMatch(/broken\.osm: line \d+: .*nothing was imported/);
  });

  it('explains its usage when a required flag is missing', async () => {
    const result = await fails([OSM_EXTRACTS.guixi.file, '--name', '贵溪']);
    expect(result).toMatchObject({ code: 2, databaseCreated: false });
    expect(result.stderr).toMatch(/--region <id> is required[\s\S]*usage: npm run import:osm/);
  });
});
