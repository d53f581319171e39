import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion, loadRegionFolder, RegionLoadError } from '../../server/src/db/load-region.js';
import { migrate, splitSqlStatements } from '../../server/src/db/migrate.js';
import { REGION_LAYER_FILES } from '../../core/region/region-files.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

/** Loads and expects a RegionLoadError; returns its problems. */
async function problemsOf(database: Database, region: ReturnType<typeof tinyRegion>, replace = false) {
  const error = await loadRegion(database, 'test', region.meta, region.layers, { replace }).catch(
    (caught) => caught,
  );
  expect(error).toBeInstanceOf(RegionLoadError);
  return (error as RegionLoadError).problems;
}

/** Applies the migrations up to and including `lastId` only, as an older server would have. */
async function migrateThrough(database: Database, lastId: string) {
  const directory = path.join(REPOSITORY_ROOT, 'server/src/db/migrations');
  await database.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const file of (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort()) {
    const id = file.replace(/\.sql$/, '');
    if (id > lastId) break;
    const statements = splitSqlStatements(await readFile(path.join(directory, file), 'utf8'));
    for (const statement of statements) await database.query(statement);
    await database.query('INSERT INTO schema_migrations (id) VALUES ($1)', [id]);
  }
}

async function countRows(database: Database, regionId: string) {
  const { rows } = await database.query<{ units: number; communities: number; edges: number; nodes: number }>(
    `SELECT (SELECT count(*) FROM population_units WHERE region_id = $1)::int AS units,
            (SELECT count(*) FROM communities WHERE region_id = $1)::int AS communities,
            (SELECT count(*) FROM network_edges WHERE region_id = $1)::int AS edges,
            (SELECT count(*) FROM network_nodes WHERE region_id = $1)::int AS nodes`,
    [regionId],
  );
  return rows[0];
}

/** countRows of a region none of which was written. */
const NOTHING_LOADED = { units: 0, communities: 0, edges: 0, nodes: 0 };

/** Writes a region as a folder (data/geojson/README.md): region.json and one file a layer. */
async function writeRegionFolder(folder: string, region: ReturnType<typeof tinyRegion>) {
  await writeFile(path.join(folder, 'region.json'), JSON.stringify(region.meta), 'utf8');
  for (const [layer, file] of Object.entries(REGION_LAYER_FILES)) {
    const collection = region.layers[layer as keyof typeof REGION_LAYER_FILES];
    // One file indented, the others on one line: the reader must not depend on the layout.
    await writeFile(
      path.join(folder, file),
      JSON.stringify(collection, null, layer === 'units' ? 2 : 0),
      'utf8',
    );
  }
}

/** Loads a folder and expects a RegionLoadError; returns its problems. */
async function folderProblemsOf(database: Database, folder: string) {
  const error = await loadRegionFolder(database, folder).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RegionLoadError);
  return (error as RegionLoadError).problems;
}

describe.each(testBackends())('loading a region on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await backend.open());
    // A database of before migration 005 that holds the demo, brought up to date: 005 must give the
    // demo the profile its region.json now names.
    await migrateThrough(database, '004-imports');
    await database.query(
      `INSERT INTO regions (id, name, synthetic, metric_srid) VALUES ('demo', '峒江县城（合成示例）', true, 4546)`,
    );
    await migrate(database);
  });
  afterAll(async () => dispose?.());

  it('applies each migration once and records it', async () => {
    expect(await migrate(database)).toEqual([]);
    const { rows } = await database.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((row) => row.id)).toContain('001-schema');
  });

  it('gives a demo loaded before migration 005 the Leshan profile its region.json now names', async () => {
    const { rows } = await database.query<{ profile: string }>(
      `SELECT profile FROM regions WHERE id = 'demo'`,
    );
    expect(rows).toEqual([{ profile: 'leshan' }]);
  });

  it('loads a valid region with every layer and derives the network nodes from the edges', async () => {
    const region = tinyRegion('tiny-valid');
    const report = await loadRegion(database, 'test', region.meta, region.layers);
    expect(report.counts).toMatchObject({
      streets: 1,
      communities: 2,
      units: 4,
      facilities: 2,
      network: 12,
      water: 1,
      networkNodes: 9,
    });
    expect(await countRows(database, 'tiny-valid')).toEqual({
      units: 4,
      communities: 2,
      edges: 12,
      nodes: 9,
    });
  });

  it('stores the profile of region.json (national when it names none) and the optional community figures', async () => {
    const withFigures = tinyRegion('tiny-figures');
    Object.assign(withFigures.meta, { profile: 'jishou' });
    Object.assign(withFigures.layers.communities.features[0].properties, {
      type: 'village',
      applicationTarget: 'rural',
      stationProvenance: 'rented',
      activityFloorShare: 0.62,
      commercialFloorShare: 0.1,
      parkingSpaces: 120,
      seatKind: 'former-township-seat',
    });
    await loadRegion(database, 'test', withFigures.meta, withFigures.layers);
    await loadRegion(database, 'test', tinyRegion('tiny-plain').meta, tinyRegion('tiny-plain').layers);
    const profiles = await database.query<{ id: string; profile: string }>(
      `SELECT id, profile FROM regions WHERE id IN ('tiny-figures', 'tiny-plain') ORDER BY id`,
    );
    expect(profiles.rows).toEqual([
      { id: 'tiny-figures', profile: 'jishou' },
      { id: 'tiny-plain', profile: 'national' },
    ]);
    const { rows } = await database.query(
      `SELECT region_id AS "regionId", id, type, application_target AS "applicationTarget", station_provenance AS "stationProvenance",
              activity_floor_share AS "activityFloorShare", commercial_floor_share AS "commercialFloorShare",
              parking_spaces AS "parkingSpaces", seat_kind AS "seatKind"
       FROM communities WHERE region_id IN ('tiny-figures', 'tiny-plain') ORDER BY region_id, id`,
    );
    const unknown = {
      applicationTarget: null,
      stationProvenance: null,
      activityFloorShare: null,
      commercialFloorShare: null,
      parkingSpaces: null,
      seatKind: null,
    };
    expect(rows).toEqual([
      { regionId: 'tiny-figures', id: 'c-east', type: 'urban', ...unknown },
      {
        regionId: 'tiny-figures',
        id: 'c-west',
        type: 'village',
        applicationTarget: 'rural',
        stationProvenance: 'rented',
        activityFloorShare: 0.62,
        commercialFloorShare: 0.1,
        parkingSpaces: 120,
        seatKind: 'former-township-seat',
      },
      { regionId: 'tiny-plain', id: 'c-east', type: 'urban', ...unknown },
      { regionId: 'tiny-plain', id: 'c-west', type: 'urban', ...unknown },
    ]);
  });

  it('names an unknown profile and every out-of-bounds figure, and writes nothing', async () => {
    const region = tinyRegion('tiny-bounds');
    Object.assign(region.meta, { profile: 'chengdu' });
    Object.assign(region.layers.communities.features[0].properties, {
      applicationTarget: 'city',
      stationProvenance: 'borrowed',
      activityFloorShare: 1.2,
      commercialFloorShare: -0.1,
      parkingSpaces: 2.5,
      seatKind: 'village-seat',
    });
    const problems = await problemsOf(database, region);
    expect(problems[0]).toMatch(/^region\.json: profile: /);
    for (const field of [
      'applicationTarget',
      'stationProvenance',
      'activityFloorShare',
      'commercialFloorShare',
      'parkingSpaces',
      'seatKind',
    ]) {
      expect(
        problems.some((problem) =>
          problem.startsWith(`communities.geojson feature #0 (id "c-west"): ${field}: `),
        ),
        field,
      ).toBe(true);
    }
    // The refused community's units and station then point at nothing, and say so.
    expect(
      problems.filter((problem) => !/names no feature of communities\.geojson$/.test(problem)),
    ).toHaveLength(7);
    expect(await countRows(database, 'tiny-bounds')).toEqual(NOTHING_LOADED);
  });

  it('loads a layer in batches and names a bad feature by its index in the whole file', async () => {
    // Two features a statement: the 4 units, 12 edges and 9 nodes each cross several batches.
    const region = tinyRegion('tiny-batched');
    const report = await loadRegion(database, 'test', region.meta, region.layers, { batchFeatures: 2 });
    expect(report.counts).toMatchObject({ units: 4, network: 12, networkNodes: 9 });
    expect(await countRows(database, 'tiny-batched')).toEqual({
      units: 4,
      communities: 2,
      edges: 12,
      nodes: 9,
    });

    const bowtieRegion = tinyRegion('tiny-batched-bowtie');
    const bowtie = bowtieRegion.layers.units.features[3];
    const [a, b, c, d] = bowtie.geometry.coordinates[0];
    bowtie.geometry.coordinates[0] = [a, c, b, d, a];
    const error = await loadRegion(database, 'test', bowtieRegion.meta, bowtieRegion.layers, {
      batchFeatures: 2,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegionLoadError);
    expect((error as RegionLoadError).problems).toEqual([
      expect.stringMatching(/units\.geojson feature #3 \(id "u-4"\): invalid geometry: Self-intersection/),
    ]);
    expect(await countRows(database, 'tiny-batched-bowtie')).toEqual(NOTHING_LOADED);
  });

  it('loads a region folder file by file, feature by feature, with the same checks as loadRegion', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-load-folder-'));
    try {
      await writeRegionFolder(folder, tinyRegion('tiny-folder'));
      const report = await loadRegionFolder(database, folder, { batchFeatures: 2 });
      expect(report.counts).toEqual({
        streets: 1,
        communities: 2,
        units: 4,
        facilities: 2,
        network: 12,
        water: 1,
        networkNodes: 9,
      });
      expect(await countRows(database, 'tiny-folder')).toEqual({
        units: 4,
        communities: 2,
        edges: 12,
        nodes: 9,
      });

      // The same broken region names the same problems from a folder as from memory.
      const broken = tinyRegion('tiny-folder-broken');
      broken.layers.units.features[1].properties.communityId = 'c-nowhere';
      broken.layers.units.features[3].properties.id = 'u-3';
      broken.layers.facilities.features[1].properties.category = 'casino';
      broken.layers.network.features[0].geometry.coordinates[0] = [109.71, 28.31];
      await writeRegionFolder(folder, broken);
      const fromFolder = await folderProblemsOf(database, folder);
      // Each fault named once, by what is wrong (then the folder's way and memory's agree word for word).
      expect(fromFolder).toEqual([
        'units.geojson feature #3 (id "u-3"): duplicate id "u-3" (also feature #2)',
        expect.stringMatching(/^facilities\.geojson feature #1 \(id "f-2"\): category: Invalid option/),
        'units.geojson feature #1 (id "u-2"): communityId "c-nowhere" names no feature of communities.geojson',
        'network.geojson feature #1 (id "1"): node 0 is at [109.7, 28.3] here but at [109.71, 28.31] on another edge',
      ]);
      expect(fromFolder).toEqual(await problemsOf(database, broken));

      // A layer that is something else than a FeatureCollection is named as such.
      await writeFile(
        path.join(folder, 'water.geojson'),
        JSON.stringify(broken.layers.water.features[0]),
        'utf8',
      );
      expect(await folderProblemsOf(database, folder)).toContain(
        'water.geojson: not a GeoJSON FeatureCollection',
      );

      // Text that is not JSON names its file and the feature where it breaks; nothing else is judged.
      const unitsText = JSON.stringify(tinyRegion('tiny-folder-broken').layers.units);
      const secondUnit = unitsText.indexOf('{"type":"Feature"', 1 + unitsText.indexOf('{"type":"Feature"'));
      await writeFile(
        path.join(folder, 'units.geojson'),
        `${unitsText.slice(0, secondUnit)}{"type":Feature${unitsText.slice(secondUnit + '{"type":"Feature"'.length)}`,
        'utf8',
      );
      expect(await folderProblemsOf(database, folder)).toEqual([
        expect.stringMatching(/^units\.geojson: not valid JSON \(feature #1: /),
      ]);

      await unlink(path.join(folder, 'units.geojson'));
      expect(await folderProblemsOf(database, folder)).toEqual([
        `units.geojson: missing (expected at ${path.join(folder, 'units.geojson')})`,
      ]);
      expect(await countRows(database, 'tiny-folder-broken')).toEqual(NOTHING_LOADED);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('rejects a self-intersecting unit by name and writes nothing', async () => {
    const region = tinyRegion('tiny-bowtie');
    const bowtie = region.layers.units.features[2];
    const [a, b, c, d] = bowtie.geometry.coordinates[0];
    bowtie.geometry.coordinates[0] = [a, c, b, d, a];
    const problems = await problemsOf(database, region);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /units\.geojson feature #2 \(id "u-3"\): invalid geometry: Self-intersection/,
    );
    expect(await countRows(database, 'tiny-bowtie')).toEqual(NOTHING_LOADED);
  });

  it('names every bad field: swapped coordinates, unknown category, non-numeric residents, dangling and duplicate ids', async () => {
    const region = tinyRegion('tiny-broken');
    const facility = region.layers.facilities.features[0];
    facility.geometry.coordinates = [facility.geometry.coordinates[1], facility.geometry.coordinates[0]];
    region.layers.facilities.features[1].properties.category = 'casino';
    region.layers.units.features[0].properties.residents = '一百';
    region.layers.units.features[1].properties.communityId = 'c-nowhere';
    region.layers.units.features[3].properties.id = 'u-3';
    const problems = await problemsOf(database, region);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/facilities\.geojson feature #0 \(id "f-1"\): geometry: .*\[lat, lon\]/),
        expect.stringMatching(/facilities\.geojson feature #1 \(id "f-2"\): category: /),
        expect.stringMatching(/units\.geojson feature #0 \(id "u-1"\): residents: /),
        expect.stringMatching(
          /units\.geojson feature #1 \(id "u-2"\): communityId "c-nowhere" names no feature of communities\.geojson/,
        ),
        expect.stringMatching(
          /units\.geojson feature #3 \(id "u-3"\): duplicate id "u-3" \(also feature #2\)/,
        ),
      ]),
    );
    expect(await countRows(database, 'tiny-broken')).toEqual(NOTHING_LOADED);
  });

  it('rejects edges that disagree about where a node is', async () => {
    const region = tinyRegion('tiny-nodes');
    region.layers.network.features[0].geometry.coordinates[0] = [109.71, 28.31];
    const problems = await problemsOf(database, region);
    expect(
      problems.some((problem) => /network\.geojson feature #\d+ \(id "\d+"\): node 0 is at/.test(problem)),
    ).toBe(true);
  });

  it('keeps an existing region unless asked to replace it, and an invalid replacement leaves the old one whole', async () => {
    const region = tinyRegion('tiny-replace');
    await loadRegion(database, 'test', region.meta, region.layers);
    expect((await problemsOf(database, tinyRegion('tiny-replace')))[0]).toMatch(
      /region "tiny-replace" already exists/,
    );

    const broken = tinyRegion('tiny-replace');
    broken.layers.network.features.pop();
    broken.layers.units.features[0].geometry.coordinates[0].pop();
    broken.layers.units.features[0].geometry.coordinates[0].pop();
    broken.layers.units.features[0].geometry.coordinates[0].pop();
    await problemsOf(database, broken, true);
    expect(await countRows(database, 'tiny-replace')).toEqual({
      units: 4,
      communities: 2,
      edges: 12,
      nodes: 9,
    });

    const smaller = tinyRegion('tiny-replace');
    smaller.layers.network.features.splice(6);
    await loadRegion(database, 'test', smaller.meta, smaller.layers, { replace: true });
    expect((await countRows(database, 'tiny-replace')).edges).toBe(6);
  });

  it('rolls back a load that the database refuses after earlier layers went in', async () => {
    const region = tinyRegion('tiny-rollback');
    // Valid to the file schema, refused by PostgreSQL (text cannot hold NUL) in the last layer written.
    region.layers.water.features[0].properties.name = 'pond\u0000';
    await expect(loadRegion(database, 'test', region.meta, region.layers)).rejects.toThrow();
    expect(await countRows(database, 'tiny-rollback')).toEqual(NOTHING_LOADED);
    const { rows } = await database.query('SELECT 1 FROM regions WHERE id = $1', ['tiny-rollback']);
    expect(rows).toHaveLength(0);
  });
});
