import { describe, expect, it } from 'vitest';
import { isLiveWrite, liveEventOf } from './write-events.js';

const standing = { regionId: 'demo', version: 7 };

describe('liveEventOf', () => {
  it('names a created scenario from the audit note and its region from the path', () => {
    expect(
      liveEventOf(
        {
          operation: 'POST /api/regions/:region/scenarios',
          params: { region: 'demo' },
          objectId: 's-1',
          toVersion: 1,
          by: 'wang',
        },
        null,
      ),
    ).toEqual({
      name: 'scenario-changed',
      data: { regionId: 'demo', scenarioId: 's-1', version: 1, change: 'created', by: 'wang' },
    });
  });

  it('takes a save or restore its new version, a share the standing one, a delete none', () => {
    const on = (operation: string, toVersion?: number) =>
      liveEventOf({ operation, params: { id: 's-1', version: '2' }, toVersion, by: 'li' }, standing);
    expect(on('PATCH /api/scenarios/:id', 8)?.data).toMatchObject({ change: 'saved', version: 8 });
    expect(on('POST /api/scenarios/:id/versions/:version/restore', 9)?.data).toMatchObject({
      change: 'saved',
      version: 9,
    });
    expect(on('PUT /api/scenarios/:id/collaborators')?.data).toMatchObject({ change: 'shared', version: 7 });
    expect(on('POST /api/scenarios/:id/decision', 7)?.data).toMatchObject({ change: 'reviewed' });
    expect(on('DELETE /api/scenarios/:id')?.data).toMatchObject({ change: 'deleted', version: null });
  });

  it("says nothing of a scenario whose region is unknown, nor of writes lists don't show", () => {
    expect(
      liveEventOf({ operation: 'PATCH /api/scenarios/:id', params: { id: 'gone' }, by: 'li' }, null),
    ).toBe(null);
    expect(isLiveWrite('POST /api/regions/:region/isochrones')).toBe(false);
    expect(isLiveWrite('POST /api/session')).toBe(false);
  });

  it('names region changes: layers imported, base maps added and removed, the region updated', () => {
    const on = (operation: string) =>
      liveEventOf({ operation, params: { region: 'guixi' }, by: 'admin' }, null);
    expect(on('POST /api/regions/:region/imports/:importId/commit')).toEqual({
      name: 'region-changed',
      data: { regionId: 'guixi', change: 'layer-imported', by: 'admin' },
    });
    expect(on('POST /api/regions/:region/basemaps')?.data).toMatchObject({ change: 'basemap-added' });
    expect(on('DELETE /api/regions/:region/basemaps/:basemap')?.data).toMatchObject({
      change: 'basemap-removed',
    });
    expect(on('PATCH /api/regions/:region')?.data).toMatchObject({ change: 'updated' });
  });
});
