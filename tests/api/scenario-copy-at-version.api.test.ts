/**
 * A scenario copied as another stood at one of its versions (`basedOnVersion`), on both databases:
 * what a planner's "save as a new scenario" after a conflicting save starts from. The copy's state
 * is the source's at that version, its history one log (version 2 takes it back there), edits made
 * on that version save on it; a version that does not exist, a baseline with a version and a version
 * the copy cannot reach by edits are refused, and nothing is created then.
 */
import { describe, expect, it } from 'vitest';
import { scenarioSummarySchema } from '../../contract/scenarios.js';
import { FIRST_ADMIN_USERNAME } from '../../server/src/accounts/first-admin.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';

interface StateAnswer {
  communities: Record<string, unknown>[];
  assignment: number[];
  facilityChanges: { id: string; facility: Record<string, unknown> | null }[];
}

/** A state's boundaries as comparable data: the community of each unit, the records by id. */
function plain(state: StateAnswer) {
  const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));
  return {
    units: state.assignment.map((index) => state.communities[index].id),
    records: [...state.communities]
      .sort(byId)
      .map((record) =>
        Object.fromEntries(
          Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
        ),
      ),
  };
}

describe.each(testBackends())('a scenario copied at a version on $name PostGIS', (backend) => {
  const { call, sql, createScenario } = useDemoApp(backend);
  const patch = (id: string, version: number, edits: unknown[]) =>
    call('PATCH', `/api/scenarios/${id}`, { version, edits });
  const copyAt = (basedOn: string, basedOnVersion: number, name = '另存副本') =>
    call('POST', '/api/regions/demo/scenarios', { name, basedOn, basedOnVersion });
  const stateAt = async (id: string, version: number): Promise<StateAnswer> => {
    const response = await call('GET', `/api/scenarios/${id}/versions/${version}/state`);
    expect(response.status, response.text).toBe(200);
    return response.body as StateAnswer;
  };
  const scenarioCount = async () => (await call('GET', '/api/regions/demo/scenarios')).body.length as number;

  it('copies the state of an earlier version, takes edits made on it, and refuses what it cannot', async () => {
    const { id } = await createScenario('另存来源');
    const [community] = await sql<{ id: string }>(
      `SELECT id FROM communities WHERE region_id = 'demo' ORDER BY id LIMIT 1`,
    );
    const facilityId = 'f-kindergarten-002';
    // v2: the community renamed; v3: renamed again and a kindergarten's places changed.
    expect(
      (await patch(id, 1, [{ op: 'update', communityId: community.id, changes: { name: '甲' } }])).status,
    ).toBe(200);
    const v3 = await patch(id, 2, [
      { op: 'update', communityId: community.id, changes: { name: '乙' } },
      { op: 'update-facility', facilityId, changes: { capacity: 321 } },
    ]);
    expect(v3.status, v3.text).toBe(200);

    // A copy at version 2: its state is the source's at 2, version 2 of its own log brings it there.
    const copied = await copyAt(id, 2);
    expect(copied.status, copied.text).toBe(201);
    scenarioSummarySchema.parse(copied.body);
    expect(copied.body).toMatchObject({
      name: '另存副本',
      basedOn: id,
      version: 2,
      owner: FIRST_ADMIN_USERNAME,
    });
    const copyState = await stateAt(copied.body.id, 2);
    expect(plain(copyState)).toEqual(plain(await stateAt(id, 2)));
    expect(copyState.communities.find((record) => record.id === community.id)).toMatchObject({ name: '甲' });
    // The kindergarten has its places of version 2 again: the region's.
    const [regionKindergarten] = await sql<{ capacity: number }>(
      `SELECT capacity FROM facilities WHERE region_id = 'demo' AND id = $1`,
      [facilityId],
    );
    const copiedKindergarten = copyState.facilityChanges.find((change) => change.id === facilityId);
    expect(copiedKindergarten?.facility?.capacity ?? regionKindergarten.capacity).toBe(
      regionKindergarten.capacity,
    );
    expect(regionKindergarten.capacity).not.toBe(321);
    const detail = await call('GET', `/api/scenarios/${copied.body.id}`);
    expect(
      detail.body.edits.map((entry: { version: number; author: string }) => [entry.version, entry.author]),
    ).toEqual([[2, FIRST_ADMIN_USERNAME]]);
    // The stored state is the rebuilt one, and the source is untouched.
    const stored = await call('GET', `/api/scenarios/${copied.body.id}/state`);
    expect(plain(stored.body)).toEqual(plain(copyState));
    expect((await call('GET', `/api/scenarios/${id}`)).body.version).toBe(3);

    // The planner's edits made on version 2 of the source save on the copy at its version.
    const saved = await patch(copied.body.id, 2, [
      { op: 'update', communityId: community.id, changes: { name: '丙' } },
      { op: 'update-facility', facilityId, changes: { capacity: 99 } },
    ]);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(3);

    // At the current version it is a plain copy (version 1).
    const current = await copyAt(id, 3, '当前副本');
    expect(current.status, current.text).toBe(201);
    expect(current.body.version).toBe(1);
    expect(plain(await stateAt(current.body.id, 1))).toEqual(plain(await stateAt(id, 3)));

    // Refused, nothing created: no such version, the baseline with a version, a missing source.
    const before = await scenarioCount();
    const missing = await copyAt(id, 9);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'scenario.based-on-version-missing',
      params: { basedOn: id, version: 9, currentVersion: 3 },
    });
    expect(missing.body.error).toContain('basedOnVersion');
    const baseline = await call('POST', '/api/regions/demo/scenarios', {
      name: 'x',
      basedOn: 'baseline',
      basedOnVersion: 1,
    });
    expect(baseline.status).toBe(400);
    expect(baseline.body.error).toContain('basedOnVersion');
    expect((await copyAt('no-such-scenario', 1)).body).toMatchObject({ code: 'scenario.based-on-missing' });
    expect((await copyAt(id, 0)).status).toBe(400);

    // v4 removes a region facility: version 3 cannot be reached by edits (no edit brings it back).
    expect((await patch(id, 3, [{ op: 'remove-facility', facilityId }])).status).toBe(200);
    const unreachable = await copyAt(id, 3);
    expect(unreachable.status).toBe(409);
    expect(unreachable.body).toMatchObject({ code: 'scenario.restore-unsupported' });
    expect(await scenarioCount()).toBe(before);
  });
});
