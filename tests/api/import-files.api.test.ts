/**
 * Imports of files other programs wrote (issue 13): a Big5 Shapefile from GDAL's ogr2ogr through
 * the API, with the code page used in the preview in both languages; a code page that cannot be
 * decoded refused by code; and the region's stored extent, which every write that changes a layer
 * keeps equal to the extent of its layers.
 */
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { writeShapefileWithGdal, type GdalFeature } from '../support/gdal.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';

/** The tiny region's streets, units and network span 2 × 2 cells of 0.001° from 109.7°E 28.3°N. */
const TINY_EXTENT = [109.7, 28.3, 109.702, 28.302];

/** A zipped Shapefile ogr2ogr writes from the features, with its layer options. */
async function gdalZip(name: string, features: GdalFeature[], layerOptions: string[]): Promise<Uint8Array> {
  const files = await writeShapefileWithGdal(name, features, layerOptions);
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([extension, bytes]) => [`${name}.${extension}`, bytes])),
  );
}

describe.each(testBackends())('imports of files other programs wrote, on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;

  const json = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as any,
  });
  const preview = async (region: string, name: string, bytes: Uint8Array, fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    // Every property as it would be written: the tests read the values decoded from each file.
    return json(
      await app.request(`/api/regions/${region}/imports?featureProperties=all`, {
        method: 'POST',
        body: form,
      }),
    );
  };
  const commit = async (region: string, importId: string) =>
    json(
      await app.request(`/api/regions/${region}/imports/${importId}/commit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
  /** The extent of the region's layers computed afresh, to hold the stored one against. */
  const computedExtent = async (regionId: string) => {
    const { rows } = await database.query<{ box: number[] | null }>(
      `SELECT CASE WHEN box IS NULL THEN NULL ELSE
                ARRAY[ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)]::float8[] END AS box
       FROM (SELECT ST_Extent(g.geom)::geometry AS box FROM (
         SELECT geom FROM streets WHERE region_id = $1
         UNION ALL SELECT geom FROM communities WHERE region_id = $1
         UNION ALL SELECT geom FROM population_units WHERE region_id = $1
         UNION ALL SELECT geom FROM network_edges WHERE region_id = $1
         UNION ALL SELECT geom FROM facilities WHERE region_id = $1) g) e`,
      [regionId],
    );
    return rows[0].box;
  };
  const bboxOf = async (regionId: string) =>
    (await json(await app.request(`/api/regions/${regionId}`))).body.bbox;

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const region = tinyRegion('tiny');
    await loadRegion(database, 'test', region.meta, region.layers);
    app = await createSignedInApp(database);
  });
  afterAll(async () => dispose?.());

  it('stores the extent of a loaded region and answers it from the store', async () => {
    expect(await bboxOf('tiny')).toEqual(TINY_EXTENT);
    expect(await computedExtent('tiny')).toEqual(TINY_EXTENT);
    // The answer comes from the stored columns, not from the layers.
    await database.query(`UPDATE regions SET extent_east = 109.9 WHERE id = 'tiny'`);
    expect(
      (await json(await app.request('/api/regions'))).body.find((r: any) => r.id === 'tiny').bbox,
    ).toEqual([109.7, 28.3, 109.9, 28.302]);
    await database.query(`UPDATE regions SET extent_east = 109.702 WHERE id = 'tiny'`);
  });

  it('fills the extent of regions loaded before migration 007', async () => {
    await database.query(
      'ALTER TABLE regions DROP COLUMN extent_west, DROP COLUMN extent_south, DROP COLUMN extent_east, DROP COLUMN extent_north',
    );
    await database.query(`DELETE FROM schema_migrations WHERE id = '007-region-extents'`);
    expect(await migrate(database)).toEqual(['007-region-extents']);
    expect(await bboxOf('tiny')).toEqual(TINY_EXTENT);
  });

  it('reads a Big5 Shapefile GDAL wrote, says so in both languages, and stores the extent the new facility widens', async () => {
    const name = '臺北市立幼兒園';
    const zip = await gdalZip(
      'facilities-big5',
      [
        {
          lonLat: [109.705, 28.301],
          properties: { id: 'f-big5', name, category: 'kindergarten', capacity: 120 },
        },
      ],
      ['ENCODING=BIG5'],
    );
    const previewed = await preview('tiny', 'facilities-big5.zip', zip, { layer: 'facilities' });
    expect(previewed.status, JSON.stringify(previewed.body).slice(0, 400)).toBe(200);
    expect(previewed.body.file.encoding).toEqual({
      encoding: 'big5',
      from: 'cpg',
      named: 'BIG5',
      label: 'Big5 (Traditional Chinese, code page 950)',
      labelZh: '繁体中文 Big5（代码页 950）',
    });
    expect(previewed.body.file.notes).toContain(
      'text read as Big5 (Traditional Chinese, code page 950), the code page the .cpg names ("BIG5")',
    );
    expect(previewed.body.file.notesZh).toContain(
      '文本按繁体中文 Big5（代码页 950）读取，即.cpg 文件指定的代码页（“BIG5”）',
    );
    expect(previewed.body.canCommit).toBe(true);
    expect(previewed.body.features.features[0].properties).toMatchObject({
      id: 'f-big5',
      name,
      capacity: 120,
    });

    // Nothing is written by a preview: the stored extent is the old one.
    expect(await bboxOf('tiny')).toEqual(TINY_EXTENT);
    const committed = await commit('tiny', previewed.body.importId);
    expect(committed.status, JSON.stringify(committed.body).slice(0, 400)).toBe(200);
    const { rows } = await database.query(
      `SELECT name FROM facilities WHERE region_id = 'tiny' AND id = 'f-big5'`,
    );
    expect(rows).toEqual([{ name }]);
    const widened = [109.7, 28.3, 109.705, 28.302];
    expect(await bboxOf('tiny')).toEqual(widened);
    expect(await computedExtent('tiny')).toEqual(widened);
  });

  it('refuses a code page it cannot decode by code, naming the file and the code page', async () => {
    const zip = await gdalZip(
      'greek-dos',
      [
        {
          lonLat: [109.701, 28.301],
          properties: { id: 'f-greek', name: 'Αθήνα', category: 'kindergarten' },
        },
      ],
      ['ENCODING=CP737'],
    );
    const refused = await preview('tiny', 'greek-dos.zip', zip, { layer: 'facilities' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'import.encoding-unsupported',
      params: { fileName: 'greek-dos.zip', codePage: 'CP737', namedBy: '.cpg' },
    });
    expect(refused.body.error).toMatch(
      /^greek-dos\.zip: the \.cpg names code page "CP737", which cannot be decoded here/,
    );
    expect(refused.body.errorZh).toMatch(/^greek-dos\.zip：\.cpg 文件指定的代码页“CP737”无法解码/);

    // Told which encoding to read it in, the same file is read.
    const told = await preview('tiny', 'greek-dos.zip', zip, {
      layer: 'facilities',
      encoding: 'windows-1253',
    });
    expect(told.status).toBe(200);
    expect(told.body.file.encoding).toMatchObject({ encoding: 'windows-1253', from: 'option' });
  });
});
