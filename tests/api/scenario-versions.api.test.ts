/**
 * A scenario's version history on both databases: the versions with their time and edits, any
 * version's state rebuilt from the edit log (the current one equal to what the tables hold, version
 * 1 to the baseline, a copy's first to its source as it stood when copied), and a version restored
 * as a new one — the state equal to the restored version's, communities of the baseline brought back
 * under their own ids, facilities and paths as they were; 409 when the client's version is stale or
 * when a closed edge would have to reopen.
 */
import { describe, expect, it } from 'vitest';
import {
  restoredVersionSchema,
  scenarioVersionStateSchema,
  scenarioVersionsSchema,
} from '../../contract/scenarios.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';

/** Two nodes of the demo network across the river, joined by a drawn footbridge (scenario-layers test). */
const BRIDGE_LINE = [
  [109.745953, 28.281351],
  [109.746072, 28.279996],
];
/** An edge of the demo's walking network (the footway bridge). */
const FOOT_BRIDGE_EDGE = 3270;

interface StateAnswer {
  version: number;
  communities: Record<string, unknown>[];
  assignment: number[];
  facilityChanges?: { id: string; facility: Record<string, unknown> | null }[];
  addedPaths?: { id: string; name: string | null; coordinates: number[][] }[];
  closedEdgeIds?: number[];
}

/** A state as comparable data: the community of each unit, the records by id. */
function plain(state: StateAnswer) {
  const records = [...state.communities].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return {
    units: state.assignment.map((index) => state.communities[index].id),
    // A field left out and a field set to null say the same.
    records: records.map((record) =>
      Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)),
    ),
  };
}

describe.each(testBackends())('scenario versions on $name PostGIS with the demo region', (backend) => {
  const { call, sql, createScenario } = useDemoApp(backend);
  const patch = (id: string, version: number, edits: unknown[]) =>
    call('PATCH', `/api/scenarios/${id}`, { version, edits });
  const stateAt = async (id: string, version: number): Promise<StateAnswer> => {
    const response = await call('GET', `/api/scenarios/${id}/versions/${version}/state`);
    expect(response.status, response.text).toBe(200);
    // As the contract documents it.
    scenarioVersionStateSchema.parse(response.body);
    return response.body;
  };
  const restore = (id: string, version: number, current: number) =>
    call('POST', `/api/scenarios/${id}/versions/${version}/restore`, { version: current });
  /** The facilities as a state has them, region's included: id → record (or null when removed). */
  const regionFacility = async (id: string) =>
    (
      await sql<{ name: string; category: string; lon: number; lat: number }>(
        `SELECT name, category, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM facilities WHERE region_id = 'demo' AND id = $1`,
        [id],
      )
    )[0];

  it('lists versions, rebuilds each, restores old ones as new versions, and refuses what it cannot', async () => {
    // Unit adjacency is prepared with the region's first scenario.
    const { id } = await createScenario('版本记录');
    // Two communities of one street with units along each other, and a third pair for a repaint.
    const pairs = await sql<{ a: string; b: string; unit: string }>(
      `SELECT ca.id AS a, cb.id AS b, min(ub.id) AS unit
       FROM unit_adjacency j
       JOIN population_units ua ON ua.region_id = j.region_id AND ua.id = j.unit_a
       JOIN population_units ub ON ub.region_id = j.region_id AND ub.id = j.unit_b
       JOIN communities ca ON ca.region_id = ua.region_id AND ca.id = ua.community_id
       JOIN communities cb ON cb.region_id = ub.region_id AND cb.id = ub.community_id
       WHERE j.region_id = 'demo' AND ca.id <> cb.id AND ca.street_id = cb.street_id
       GROUP BY ca.id, cb.id ORDER BY ca.id, cb.id`,
    );
    const merge = pairs[0];
    const repaint = pairs.find(
      (pair) => ![merge.a, merge.b].includes(pair.a) && ![merge.a, merge.b].includes(pair.b),
    )!;
    expect(repaint, 'a second pair of neighbours').toBeDefined();

    const baseline = await call('GET', '/api/regions/demo/scenarios/baseline/state');
    expect(baseline.status).toBe(200);

    // v2: B merged into A and A's staff set; v3: a kindergarten added, one moved, a footbridge drawn;
    // v4: a unit repainted into a neighbour.
    expect(
      (
        await patch(id, 1, [
          { op: 'merge', communityIds: [merge.a, merge.b], into: merge.a },
          { op: 'update', communityId: merge.a, changes: { staff: 42 } },
        ])
      ).status,
    ).toBe(200);
    const moved = await regionFacility('f-kindergarten-002');
    expect(
      (
        await patch(id, 2, [
          {
            op: 'add-facility',
            facility: {
              id: 'f-history-kg',
              name: '版本幼儿园',
              category: 'kindergarten',
              position: [109.7205, 28.2845],
            },
          },
          { op: 'move-facility', facilityId: 'f-kindergarten-002', position: [109.7312, 28.2812] },
          {
            op: 'add-path',
            id: 'p-history',
            name: '版本人行桥',
            line: { type: 'LineString', coordinates: BRIDGE_LINE },
          },
        ])
      ).status,
    ).toBe(200);
    const copy = await createScenario('版本记录副本', id);
    const v4 = await patch(id, 3, [{ op: 'assign', unitIds: [repaint.unit], communityId: repaint.a }]);
    expect(v4.status, v4.text).toBe(200);

    // The list: newest first, with the kinds and counts of each save's edits.
    const listed = await call('GET', `/api/scenarios/${id}/versions`);
    expect(listed.status, listed.text).toBe(200);
    scenarioVersionsSchema.parse(listed.body);
    expect(listed.body.scenario).toMatchObject({ id, regionId: 'demo', version: 4 });
    expect(listed.body.basedOn).toBe('baseline');
    expect(listed.body.versions.map((entry: { version: number }) => entry.version)).toEqual([4, 3, 2, 1]);
    expect(listed.body.versions.map((entry: { editCount: number }) => entry.editCount)).toEqual([1, 3, 2, 0]);
    expect(listed.body.versions[2].edits).toEqual([
      { op: 'merge', count: 1 },
      { op: 'update', count: 1 },
    ]);
    expect(listed.body.versions[1].edits).toEqual([
      { op: 'add-facility', count: 1 },
      { op: 'move-facility', count: 1 },
      { op: 'add-path', count: 1 },
    ]);
    for (const entry of listed.body.versions) expect(Number.isNaN(Date.parse(entry.createdAt))).toBe(false);

    // Each version rebuilt: the last equals the stored state, the first the baseline.
    const stored = await call('GET', `/api/scenarios/${id}/state`);
    expect(plain(await stateAt(id, 4))).toEqual(plain(stored.body));
    expect(plain(await stateAt(id, 1))).toEqual(plain(baseline.body));
    const v2 = await stateAt(id, 2);
    const v2Units = plain(v2).units;
    expect(v2Units.includes(merge.b)).toBe(false);
    expect(v2.communities.find((record) => record.id === merge.a)).toMatchObject({ staff: 42 });
    expect(v2.facilityChanges).toEqual([]);
    const v3 = await stateAt(id, 3);
    expect(v3.facilityChanges).toEqual(
      expect.arrayContaining([
        {
          id: 'f-history-kg',
          facility: expect.objectContaining({ name: '版本幼儿园', position: [109.7205, 28.2845] }),
        },
        { id: 'f-kindergarten-002', facility: expect.objectContaining({ position: [109.7312, 28.2812] }) },
      ]),
    );
    expect(v3.addedPaths).toEqual([{ id: 'p-history', name: '版本人行桥', coordinates: BRIDGE_LINE }]);
    // A copy's first version is its source as it stood when copied.
    expect(plain(await stateAt(copy.id, 1))).toEqual(plain(v3));

    // Refusals: no such version, a malformed one, a stale restore.
    const missing = await call('GET', `/api/scenarios/${id}/versions/9/state`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'scenario.version-not-found',
      params: { version: 9, currentVersion: 4 },
    });
    expect((await call('GET', `/api/scenarios/${id}/versions/0/state`)).status).toBe(400);
    const stale = await restore(id, 1, 3);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'scenario.stale-version', currentVersion: 4 });
    expect((await call('POST', '/api/scenarios/baseline/versions/1/restore', { version: 1 })).status).toBe(
      405,
    );

    // Version 1 restored as version 5: the baseline again, B back under its own id, the facilities
    // where the region has them, the footbridge gone.
    const back = await restore(id, 1, 4);
    expect(back.status, back.text).toBe(200);
    restoredVersionSchema.parse(back.body);
    expect(back.body).toMatchObject({ version: 5, restoredFrom: 1 });
    expect(back.body.edits.map((edit: { op: string }) => edit.op)).toEqual(
      expect.arrayContaining([
        'create',
        'assign',
        'update',
        'remove-facility',
        'move-facility',
        'close-path',
      ]),
    );
    const v5 = await call('GET', `/api/scenarios/${id}/state`);
    expect(v5.body.version).toBe(5);
    expect(plain(v5.body)).toEqual(plain(baseline.body));
    const detail = await call('GET', `/api/scenarios/${id}`);
    expect(detail.body).toMatchObject({ version: 5, unitsMovedFromBaseline: 0 });
    const facilities = await call('GET', `/api/scenarios/${id}/facilities`);
    const byId = new Map(
      (facilities.body.features as { id: string; geometry: { coordinates: number[] } }[]).map((feature) => [
        feature.id,
        feature,
      ]),
    );
    expect(byId.has('f-history-kg')).toBe(false);
    expect(byId.get('f-kindergarten-002')!.geometry.coordinates[0]).toBeCloseTo(moved.lon, 6);
    expect(byId.get('f-kindergarten-002')!.geometry.coordinates[1]).toBeCloseTo(moved.lat, 6);
    const paths = await call('GET', `/api/scenarios/${id}/paths`);
    expect(paths.body.features).toEqual([]);
    // The restore is a version like any other, with its edits in the log.
    expect(plain(await stateAt(id, 5))).toEqual(plain(baseline.body));

    // Version 3 restored as version 6: the merge, the staff, the kindergarten and the footbridge again.
    const again = await restore(id, 3, 5);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ version: 6, restoredFrom: 3 });
    const v6 = await stateAt(id, 6);
    expect(plain(v6)).toEqual(plain(v3));
    const sorted = (list: { id: string }[] | undefined) =>
      [...(list ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(v6.facilityChanges)).toEqual(sorted(v3.facilityChanges));
    expect(v6.addedPaths).toEqual(v3.addedPaths);
    expect(plain((await call('GET', `/api/scenarios/${id}/state`)).body)).toEqual(plain(v3));

    // An edge closed at version 7 cannot reopen: restoring version 6 is refused, nothing saved.
    expect((await patch(id, 6, [{ op: 'close-path', edgeIds: [FOOT_BRIDGE_EDGE] }])).status).toBe(200);
    const refused = await restore(id, 6, 7);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'scenario.restore-unsupported', params: { version: 6 } });
    expect(refused.body.errorZh).toContain(String(FOOT_BRIDGE_EDGE));
    expect((await call('GET', `/api/scenarios/${id}`)).body.version).toBe(7);

    // A copy whose source is gone cannot be rebuilt.
    expect((await call('DELETE', `/api/scenarios/${id}`)).status).toBe(204);
    const orphan = await call('GET', `/api/scenarios/${copy.id}/versions/1/state`);
    expect(orphan.status).toBe(409);
    expect(orphan.body).toMatchObject({ code: 'scenario.version-unavailable' });
    expect(orphan.body.errorZh).toContain('已不存在');
  });
});
