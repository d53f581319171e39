/**
 * A preview's upload is kept until its commit gzipped (issue 13: storing a 36 MB GeoJSON raw took
 * seconds of a preview), and its commit writes exactly that file; a preview stored before files
 * were gzipped still commits from the bytes it holds. (Both commits here read the file: the
 * features a preview stages are taken away, as a preview stored before migration 009 has none.)
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { importsSettled } from '../../server/src/imports/run-import.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';

describe.each(testBackends())('stored import files on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;

  const csv = (ids: string[]) =>
    new TextEncoder().encode(
      `编号,名称,类别,经度,纬度\n${ids.map((id, k) => `${id},幼儿园${k},kindergarten,109.70${k}5,28.3005\n`).join('')}`,
    );
  const preview = async (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    form.append('layer', 'facilities');
    const response = await app.request('/api/regions/tiny/imports', { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as any };
  };
  const commit = async (importId: string) => {
    const response = await app.request(`/api/regions/tiny/imports/${importId}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  // A preview stores its file after its answer; its commit waits for that, this read too.
  const storedBytes = async (importId: string) => {
    await importsSettled(database);
    return new Uint8Array(
      (
        await database.query<{ bytes: Uint8Array }>(`SELECT file_bytes AS bytes FROM imports WHERE id = $1`, [
          importId,
        ])
      ).rows[0].bytes,
    );
  };
  const facilityIds = async (ids: string[]) =>
    (
      await database.query<{ id: string }>(
        `SELECT id FROM facilities WHERE region_id = 'tiny' AND id = ANY($1::text[]) ORDER BY id`,
        [ids],
      )
    ).rows.map((row) => row.id);

  /** As a preview stored before migration 009 holds it: no staged features, so its commit reads the file. */
  const withoutStaging = async (importId: string) => {
    await database.query(`DELETE FROM import_staged_features WHERE import_id = $1`, [importId]);
    await database.query(`UPDATE imports SET staged = NULL WHERE id = $1`, [importId]);
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const region = tinyRegion('tiny');
    await loadRegion(database, 'test', region.meta, region.layers);
    app = await createSignedInApp(database);
  });
  afterAll(async () => dispose?.());

  it('stores the upload gzipped and commits exactly that file', async () => {
    const bytes = csv(['gz-1', 'gz-2']);
    const previewed = await preview('gzipped.csv', bytes);
    expect(previewed.status).toBe(200);

    const stored = await storedBytes(previewed.body.importId);
    expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
    expect(new Uint8Array(gunzipSync(stored))).toEqual(bytes);
    await withoutStaging(previewed.body.importId);

    const committed = await commit(previewed.body.importId);
    expect(committed.status).toBe(200);
    expect(committed.body.committed).toBe(true);
    expect(await facilityIds(['gz-1', 'gz-2'])).toEqual(['gz-1', 'gz-2']);
  });

  it('commits a preview stored before uploads were gzipped from the bytes it holds', async () => {
    const bytes = csv(['raw-1', 'raw-2', 'raw-3']);
    const previewed = await preview('raw.csv', bytes);
    expect(previewed.status).toBe(200);
    await importsSettled(database);
    // As a preview stored by the previous version holds its file: as it came.
    await database.query(`UPDATE imports SET file_bytes = $2 WHERE id = $1`, [
      previewed.body.importId,
      Buffer.from(bytes),
    ]);
    expect(await storedBytes(previewed.body.importId)).toEqual(bytes);
    await withoutStaging(previewed.body.importId);

    const committed = await commit(previewed.body.importId);
    expect(committed.status).toBe(200);
    expect(committed.body.featureCount).toBe(3);
    expect(await facilityIds(['raw-1', 'raw-2', 'raw-3'])).toEqual(['raw-1', 'raw-2', 'raw-3']);
  });
});
