import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion, RegionLoadError } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
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

describe.each(testBackends())('loading a region on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await backend.open());
    await migrate(database);
  });
  afterAll(async () => dispose?.());

  it('applies each migration once and records it', async () => {
    expect(await migrate(database)).toEqual([]);
    const { rows } = await database.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((row) => row.id)).toContain('001-schema');
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
    expect(await countRows(database, 'tiny-bowtie')).toEqual({
      units: 0,
      communities: 0,
      edges: 0,
      nodes: 0,
    });
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
    expect(await countRows(database, 'tiny-broken')).toEqual({
      units: 0,
      communities: 0,
      edges: 0,
      nodes: 0,
    });
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
    expect(await countRows(database, 'tiny-rollback')).toEqual({
      units: 0,
      communities: 0,
      edges: 0,
      nodes: 0,
    });
    const { rows } = await database.query('SELECT 1 FROM regions WHERE id = $1', ['tiny-rollback']);
    expect(rows).toHaveLength(0);
  });
});
