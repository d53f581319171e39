/**
 * A preview keeps the features it checked (issue 13, migration 009: import_staged_features) and its
 * commit writes them without reading the stored upload again; the staged rows go with the commit
 * and with a cancelled preview; a region changed since the preview is checked again from the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { Database, Query } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { GET_IMPORT_STAGED, STAGE_IMPORT_FEATURES } from '../../server/src/db/sql/imports.sql.js';
import { commitImport, previewImport } from '../../server/src/imports/import-store.js';
import { importsSettled } from '../../server/src/imports/run-import.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

describe.each(testBackends())('staged import features on $name PostGIS', (backend) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: SignedIn<App>;

  /** Every request of this file. */
  const call = async (path: string, init: RequestInit) => {
    const response = await app.request(`/api/regions/tiny/imports${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };
  const preview = (name: string, bytes: Uint8Array, fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    // Every property as it would be written: a test reads the access points the preview kept.
    return call('?featureProperties=all', { method: 'POST', body: form });
  };
  const commit = (importId: string) =>
    call(`/${importId}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  const cancel = (importId: string) => call(`/${importId}`, { method: 'DELETE' });

  /** The tiny region's units as a bureau's file: residents as given, community and access point left to derive. */
  const unitsFile = (residents: Record<string, number>) => {
    const units = tinyRegion('tiny').layers.units.features.filter((unit) => unit.properties.id in residents);
    return new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: units.map((unit) => ({
          type: 'Feature',
          geometry: unit.geometry,
          properties: {
            id: unit.properties.id,
            name: unit.properties.name,
            kind: 'estate',
            residents: residents[unit.properties.id],
            households: Math.round(residents[unit.properties.id] / 3),
          },
        })),
      }),
    );
  };
  // A preview stages its features after its answer; its commit waits for that, these reads too.
  const stagedRows = async (importId: string) => {
    await importsSettled(database);
    return (
      await database.query<{ id: string; communityId: string | null; accessPoint: unknown }>(
        `SELECT id, coalesce(patch ->> 'communityId', props ->> 'communityId') AS "communityId",
                coalesce(patch -> 'accessPoint', props -> 'accessPoint') AS "accessPoint"
         FROM import_staged_features WHERE import_id = $1 ORDER BY ordinal`,
        [importId],
      )
    ).rows;
  };
  const stagedState = async (importId: string) => {
    await importsSettled(database);
    return (
      (await database.query<{ staged: unknown }>(`SELECT staged FROM imports WHERE id = $1`, [importId]))
        .rows[0]?.staged ?? null
    );
  };
  const units = async () =>
    (
      await database.query<{ id: string; communityId: string; residents: number; hasAccessPoint: boolean }>(
        `SELECT id, community_id AS "communityId", residents, access_point IS NOT NULL AS "hasAccessPoint"
         FROM population_units WHERE region_id = 'tiny' ORDER BY id`,
      )
    ).rows;
  const removeStoredFile = async (importId: string) => {
    await importsSettled(database);
    await database.query(`UPDATE imports SET file_bytes = NULL WHERE id = $1`, [importId]);
  };

  beforeAll(async () => {
    ({ database, dispose } = await backend.open('migrated'));
    const region = tinyRegion('tiny');
    await loadRegion(database, 'test', region.meta, region.layers);
    app = await createSignedInApp(database);
  });
  afterAll(async () => dispose?.());

  it('stages the checked features with what the check derived, and commits exactly them with the upload removed', async () => {
    const previewed = await preview(
      'units.geojson',
      unitsFile({ 'u-1': 11, 'u-2': 22, 'u-3': 33, 'u-4': 44 }),
      {
        layer: 'units',
        replace: 'true',
      },
    );
    expect(previewed.status, JSON.stringify(previewed.body)).toBe(200);
    expect(previewed.body.canCommit).toBe(true);
    const importId: string = previewed.body.importId;
    const staged = await stagedRows(importId);
    expect(staged.map((row) => [row.id, row.communityId])).toEqual([
      ['u-1', 'c-west'],
      ['u-2', 'c-west'],
      ['u-3', 'c-east'],
      ['u-4', 'c-east'],
    ]);
    for (const row of staged) expect(row.accessPoint).toHaveLength(2);
    expect(await stagedState(importId)).not.toBeNull();

    // Without its upload the commit can only have written the staged rows.
    await removeStoredFile(importId);
    const committed = await commit(importId);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.committed).toBe(true);
    expect(committed.body.featureCount).toBe(4);
    expect(committed.body.changes).toEqual(previewed.body.changes);
    expect(await units()).toEqual([
      { id: 'u-1', communityId: 'c-west', residents: 11, hasAccessPoint: true },
      { id: 'u-2', communityId: 'c-west', residents: 22, hasAccessPoint: true },
      { id: 'u-3', communityId: 'c-east', residents: 33, hasAccessPoint: true },
      { id: 'u-4', communityId: 'c-east', residents: 44, hasAccessPoint: true },
    ]);
    const communities = await database.query<{ id: string; residents: number }>(
      `SELECT id, residents FROM communities WHERE region_id = 'tiny' ORDER BY id`,
    );
    expect(communities.rows).toEqual([
      { id: 'c-east', residents: 77 },
      { id: 'c-west', residents: 33 },
    ]);
    expect(await stagedRows(importId)).toEqual([]);
    expect(await stagedState(importId)).toBeNull();
    expect((await commit(importId)).status).toBe(409);
  });

  it('forgets a cancelled preview with its staged rows; a committed import cannot be cancelled', async () => {
    const previewed = await preview('units.geojson', unitsFile({ 'u-1': 5, 'u-2': 6, 'u-3': 7, 'u-4': 8 }), {
      layer: 'units',
      replace: 'true',
    });
    const importId: string = previewed.body.importId;
    expect(await stagedRows(importId)).toHaveLength(4);
    expect((await cancel(importId)).status).toBe(204);
    expect(await stagedRows(importId)).toEqual([]);
    expect((await commit(importId)).status).toBe(404);
    expect((await cancel(importId)).status).toBe(404);

    const kept = await preview('units.geojson', unitsFile({ 'u-1': 5, 'u-2': 6, 'u-3': 7, 'u-4': 8 }), {
      layer: 'units',
      replace: 'true',
    });
    expect((await commit(kept.body.importId)).status).toBe(200);
    const refused = await cancel(kept.body.importId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import.committed-already');
  });

  it('forgets an expired preview with its staged rows when the next preview clears expired ones', async () => {
    const expiring = await preview('units.geojson', unitsFile({ 'u-1': 5, 'u-2': 6 }), {
      layer: 'units',
      replace: 'true',
    });
    const importId: string = expiring.body.importId;
    expect(await stagedRows(importId)).toHaveLength(2);
    await database.query(`UPDATE imports SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      importId,
    ]);
    // Another layer's preview, so that it does not give up the expiring one's rows itself.
    const facilities = new TextEncoder().encode(
      'id,name,category,lon,lat\nf-x,新卫生站,health_station,0,0\n',
    );
    await preview('facilities.csv', facilities, { layer: 'facilities' });
    expect(await stagedRows(importId)).toEqual([]);
    expect((await commit(importId)).status).toBe(404);
  });

  it('stages only one of two previews of a layer asked for at once; the other commits from its file', async () => {
    const fields = { layer: 'units', replace: 'true' };
    // A choice changed while the first preview ran: the wizard asks again at once. Which of the two
    // reaches the server last (and so is the newer) is up to the upload's parsing, not the order sent.
    const residentsOf = [
      { 'u-1': 301, 'u-2': 302, 'u-3': 303, 'u-4': 304 },
      { 'u-1': 401, 'u-2': 402, 'u-3': 403, 'u-4': 404 },
    ];
    const previews = await Promise.all(
      residentsOf.map((residents) => preview('units.geojson', unitsFile(residents), fields)),
    );
    expect(previews.map(({ status }) => status)).toEqual([200, 200]);
    const rowCounts = await Promise.all(
      previews.map(async ({ body }) => (await stagedRows(body.importId)).length),
    );
    expect([...rowCounts].sort()).toEqual([0, 4]);
    const newer = rowCounts.indexOf(4);
    const earlier = 1 - newer;
    expect(await stagedState(previews[earlier].body.importId)).toBeNull();
    expect(await stagedState(previews[newer].body.importId)).not.toBeNull();

    expect((await commit(previews[earlier].body.importId)).status).toBe(200);
    expect((await units()).map(({ residents }) => residents)).toEqual(Object.values(residentsOf[earlier]));
    // The newer one's region changed with that commit: it too commits, from its file.
    expect((await commit(previews[newer].body.importId)).status).toBe(200);
    expect((await units()).map(({ residents }) => residents)).toEqual(Object.values(residentsOf[newer]));
  });

  it('keeps staged rows only for the newest preview of a layer; an earlier one and one whose region changed commit from their file', async () => {
    const first = await preview(
      'units.geojson',
      unitsFile({ 'u-1': 101, 'u-2': 102, 'u-3': 103, 'u-4': 104 }),
      {
        layer: 'units',
        replace: 'true',
      },
    );
    const second = await preview(
      'units.geojson',
      unitsFile({ 'u-1': 201, 'u-2': 202, 'u-3': 203, 'u-4': 204 }),
      {
        layer: 'units',
        replace: 'true',
      },
    );
    expect(await stagedRows(first.body.importId)).toEqual([]);
    expect(await stagedState(first.body.importId)).toBeNull();
    expect(await stagedRows(second.body.importId)).toHaveLength(4);

    expect((await commit(first.body.importId)).status).toBe(200);
    expect((await units()).map((unit) => unit.residents)).toEqual([101, 102, 103, 104]);

    // The first commit changed the region since the second preview: its staged rows are not used
    // (without its file it would be refused; with it, it is checked again and written).
    const committed = await commit(second.body.importId);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect((await units()).map((unit) => unit.residents)).toEqual([201, 202, 203, 204]);
    expect(await stagedRows(second.body.importId)).toEqual([]);
  });
  it('keeps the stored access point of a unit whose geometry is unchanged, so a file repeating the layer writes no unit', async () => {
    const stored = (
      await database.query<{
        id: string;
        communityId: string;
        name: string | null;
        kind: string | null;
        residents: number | null;
        households: number | null;
        elderly: number | null;
        children: number | null;
        estimated: boolean;
        accessPoint: [number, number];
        version: string;
      }>(
        `SELECT id, community_id AS "communityId", name, kind, residents, households, elderly, children, estimated,
                json_build_array(ST_X(access_point), ST_Y(access_point)) AS "accessPoint", xmin::text AS version
         FROM population_units WHERE region_id = 'tiny' ORDER BY id`,
      )
    ).rows;
    expect(stored.map((unit) => unit.id)).toEqual(['u-1', 'u-2', 'u-3', 'u-4']);
    const geometries = new Map(
      tinyRegion('tiny').layers.units.features.map((unit) => [unit.properties.id, unit.geometry]),
    );
    // u-4 moved by about 10 m: its access point is placed again, and it alone is written.
    const moved = JSON.parse(JSON.stringify(geometries.get('u-4'))) as { coordinates: number[][][] };
    moved.coordinates = moved.coordinates.map((ring) => ring.map(([lon, lat]) => [lon + 0.0001, lat]));
    const file = (withMoved: boolean) =>
      new TextEncoder().encode(
        JSON.stringify({
          type: 'FeatureCollection',
          features: stored.map(({ accessPoint: _point, version: _version, ...properties }) => ({
            type: 'Feature',
            geometry: withMoved && properties.id === 'u-4' ? moved : geometries.get(properties.id),
            properties,
          })),
        }),
      );
    const versions = async () =>
      (
        await database.query<{ id: string; version: string }>(
          `SELECT id, xmin::text AS version FROM population_units WHERE region_id = 'tiny' ORDER BY id`,
        )
      ).rows;

    const repeated = await preview('units.geojson', file(false), { layer: 'units', replace: 'true' });
    expect(repeated.status, JSON.stringify(repeated.body)).toBe(200);
    expect(repeated.body.features.features.map((feature: any) => feature.properties.accessPoint)).toEqual(
      stored.map((unit) => unit.accessPoint),
    );
    expect((await stagedRows(repeated.body.importId)).map((row) => row.accessPoint)).toEqual(
      stored.map((unit) => unit.accessPoint),
    );
    const committed = await commit(repeated.body.importId);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.changes).toMatchObject({ added: 0, updated: 4, removed: 0 });
    expect(await versions()).toEqual(stored.map(({ id, version }) => ({ id, version })));

    const shifted = await preview('units.geojson', file(true), { layer: 'units', replace: 'true' });
    expect(shifted.status, JSON.stringify(shifted.body)).toBe(200);
    expect((await commit(shifted.body.importId)).status).toBe(200);
    const after = await versions();
    expect(after.slice(0, 3)).toEqual(stored.slice(0, 3).map(({ id, version }) => ({ id, version })));
    expect(after[3].version).not.toBe(stored[3].version);
  });

  it('commits from the stored file when a later preview takes the staged rows after the commit read them', async () => {
    const previewed = await preview('units.geojson', unitsFile({ 'u-1': 5, 'u-2': 6, 'u-3': 7, 'u-4': 8 }), {
      layer: 'units',
      replace: 'true',
    });
    expect(previewed.status, JSON.stringify(previewed.body)).toBe(200);
    const importId: string = previewed.body.importId;
    expect(await stagedRows(importId)).toHaveLength(4);

    // The real database, with a later preview of the layer giving up this one's staged rows (as
    // UNSTAGE_EARLIER_PREVIEWS does) right after the commit has read its staging, before it queues.
    let taken = false;
    const racing: Database = {
      ...database,
      query: (async (text: string, params?: unknown[]) => {
        const result = await database.query(text, params);
        if (!taken && text === GET_IMPORT_STAGED) {
          taken = true;
          await database.query(`DELETE FROM import_staged_features WHERE import_id = $1`, [importId]);
        }
        return result;
      }) as Database['query'],
    };
    const committed = await commitImport(racing, 'tiny', importId, {});
    expect(taken).toBe(true);
    expect(committed.committed).toBe(true);
    // Every unit of the file, read again from the stored upload (a replace from the remaining staged rows deleted them all).
    expect((await units()).map(({ id, residents }) => [id, residents])).toEqual([
      ['u-1', 5],
      ['u-2', 6],
      ['u-3', 7],
      ['u-4', 8],
    ]);
  });

  it('leaves no staged row behind when the preview is cancelled while its features are staged', async () => {
    // The real database, with the preview's row deleted (as a cancel from another app process, or a
    // region loaded again, would) after the answer and before its features are staged.
    let previewId: string | null = null;
    const cancelling: Database = {
      ...database,
      session: (work) =>
        database.session((query) =>
          work((async (text: string, params?: unknown[]) => {
            if (text === STAGE_IMPORT_FEATURES && previewId === null) {
              previewId = params![0] as string;
              await query(`DELETE FROM imports WHERE id = $1`, [previewId]);
            }
            return query(text, params);
          }) as Query),
        ),
    };
    const outcome = await previewImport(
      cancelling,
      'tiny',
      'units.geojson',
      unitsFile({ 'u-1': 1, 'u-2': 2, 'u-3': 3, 'u-4': 4 }),
      { layer: 'units', replace: true },
    );
    await importsSettled(cancelling);
    expect(previewId).toBe(outcome.importId);
    expect(await stagedRows(outcome.importId!)).toEqual([]);
  });
});
