import { describe, expect, it } from 'vitest';
import { refusalBody } from '../support/refusals.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';

interface ProposedCommunity {
  communityId: string;
  isNew: boolean;
  kept: boolean;
  type: string;
  unitIds: string[];
  unitCount: number;
  residents: number;
  households: number;
  polsbyPopper: number | null;
  parts: number;
  stationIds: string[];
  hasStation: boolean;
  needsStation: boolean;
  band: {
    residents: { min: number | null; max: number | null } | null;
    households: { min: number | null; max: number | null } | null;
  };
  bandStatus: string;
  rules: { ruleId: string; status: string }[];
  ruleSummary: { fail: number };
}
interface Proposal {
  rank: number;
  score: number;
  communities: ProposedCommunity[];
  edits: { op: string; unitIds: string[]; communityId?: string }[];
}

const within = (value: number, band: { min: number | null; max: number | null } | null) =>
  band === null || ((band.min === null || value >= band.min) && (band.max === null || value <= band.max));

describe.each(testBackends())('partition proposals on $name PostGIS', (backend) => {
  const demo = useDemoApp(backend);
  const { call, sql, createScenario } = demo;
  const propose = async (path: string, body: Record<string, unknown>) => {
    const response = await call('POST', `${path}/partition-proposals`, body);
    expect(response.status, response.text).toBe(200);
    return response.body as Record<string, any> & { proposals: Proposal[] };
  };
  const streetUnits = async (streetId: string) =>
    (
      await sql<{ id: string; communityId: string; residents: number; households: number }>(
        `SELECT u.id, u.community_id AS "communityId", u.residents, u.households
         FROM population_units u JOIN communities c ON c.region_id = u.region_id AND c.id = u.community_id
         WHERE u.region_id = 'demo' AND c.street_id = $1`,
        [streetId],
      )
    ).sort((a, b) => (a.id < b.id ? -1 : 1));
  /** Each unit's community in a scenario (or the baseline), read through the state answer. */
  const communityByUnit = async (statePath: string) => {
    const adjacency = await call('GET', '/api/regions/demo/unit-adjacency');
    const state = await call('GET', statePath);
    expect(state.status, state.text).toBe(200);
    const ids = adjacency.body.unitIds as string[];
    return new Map(
      ids.map((unitId, index) => [unitId, state.body.communities[state.body.assignment[index]].id as string]),
    );
  };
  /** Units pairs sharing boundary, to check contiguity independently of the answer's `parts`. */
  const adjacentPairs = async (streetId: string) =>
    sql<{ a: string; b: string }>(
      `SELECT j.unit_a AS a, j.unit_b AS b FROM unit_adjacency j
       JOIN population_units ua ON ua.region_id = j.region_id AND ua.id = j.unit_a
       JOIN communities ca ON ca.region_id = ua.region_id AND ca.id = ua.community_id
       WHERE j.region_id = 'demo' AND ca.street_id = $1`,
      [streetId],
    );
  const connected = (unitIds: string[], pairs: { a: string; b: string }[]) => {
    const members = new Set(unitIds);
    const neighbours = new Map<string, string[]>();
    for (const { a, b } of pairs) {
      if (!members.has(a) || !members.has(b)) continue;
      neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
      neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
    }
    const seen = new Set([unitIds[0]]);
    const queue = [unitIds[0]];
    while (queue.length > 0)
      for (const next of neighbours.get(queue.pop()!) ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    return seen.size === members.size;
  };

  it('proposes contiguous partitions within the size bands, each community holding a station, on the baseline', async () => {
    const before = await call('GET', '/api/regions/demo/scenarios/baseline/state');
    const streetId = 's-xincheng';
    const units = await streetUnits(streetId);
    const pairs = await adjacentPairs(streetId);
    const answer = await propose('/api/regions/demo', { streetId, stationsMustBeInside: true, proposals: 3 });
    expect(answer).toMatchObject({
      scenario: { id: 'baseline', regionId: 'demo', version: 1 },
      streetId,
      judgedWith: { profile: 'leshan', profileFrom: 'region' },
      communityCount: 4,
      countBasis: 'current',
      stations: { asked: true, communities: 4 },
    });
    expect(answer.proposals.length).toBeGreaterThanOrEqual(2);
    expect(answer.proposals.length).toBeLessThanOrEqual(3);
    const stations = await sql<{ id: string; unitId: string }>(
      `SELECT f.id, u.id AS "unitId" FROM facilities f
       JOIN population_units u ON u.region_id = f.region_id AND ST_Contains(u.geom, f.geom)
       WHERE f.region_id = 'demo' AND f.category = 'service_station'`,
    );
    const stationUnit = new Map(stations.map((station) => [station.id, station.unitId]));
    const unitFigures = new Map(units.map((unit) => [unit.id, unit]));
    answer.proposals.forEach((proposal, index) => {
      expect(proposal.rank).toBe(index + 1);
      if (index > 0) expect(proposal.score).toBeGreaterThanOrEqual(answer.proposals[index - 1].score);
      // Every unit of the street in exactly one community.
      const all = proposal.communities.flatMap((community) => community.unitIds);
      expect(all.slice().sort()).toEqual(units.map((unit) => unit.id));
      for (const community of proposal.communities) {
        expect(community.parts).toBe(1);
        expect(connected(community.unitIds, pairs), `${community.communityId} is contiguous`).toBe(true);
        // Its figures are its units' sums.
        const residents = community.unitIds.reduce((sum, id) => sum + unitFigures.get(id)!.residents, 0);
        expect(community.residents).toBe(residents);
        // Within the band of its type where the profile has one.
        expect(within(community.residents, community.band.residents)).toBe(true);
        expect(within(community.households, community.band.households)).toBe(true);
        expect(community.bandStatus).toBe(
          community.band.residents || community.band.households ? 'within' : 'no-band',
        );
        expect(community.polsbyPopper).toBeGreaterThan(0);
        expect(community.polsbyPopper).toBeLessThanOrEqual(1);
        // A station of its own, standing in one of its units.
        expect(community.hasStation).toBe(true);
        expect(community.needsStation).toBe(false);
        for (const id of community.stationIds) expect(community.unitIds).toContain(stationUnit.get(id));
        expect(community.rules.length).toBeGreaterThan(0);
      }
    });
    // The urban communities are held to Leshan's urban band.
    const urbanBand = answer.bands.find((band: { type: string }) => band.type === 'urban');
    expect(urbanBand.residents).toEqual({ min: expect.any(Number), max: expect.any(Number) });
    // Asking changed nothing.
    expect((await call('GET', '/api/regions/demo/scenarios/baseline/state')).body).toEqual(before.body);
  });

  it('flags communities that would need a station when there are too few', async () => {
    const answer = await propose('/api/regions/demo', {
      streetId: 's-xincheng',
      communities: 5,
      stationsMustBeInside: true,
      proposals: 1,
      profile: 'national',
    });
    expect(answer.judgedWith).toMatchObject({ profile: 'national', profileFrom: 'request' });
    expect(answer.countBasis).toBe('requested');
    expect(answer.stations).toEqual({ asked: true, available: 4, communities: 5 });
    expect(answer.notes.map((note: { en: string }) => note.en).join('\n')).toMatch(/Only 4 units with a/);
    const [best] = answer.proposals;
    expect(best.communities).toHaveLength(5);
    const flagged = best.communities.filter((community) => community.needsStation);
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    for (const community of flagged) expect(community.stationIds).toEqual([]);
    expect(best.communities.filter((community) => community.isNew).length).toBeGreaterThanOrEqual(1);
  });

  it("keeps what it is asked to keep, works on a scenario's own state and its edits adopt it in a new scenario", async () => {
    const streetId = 's-chengnan';
    const { id, version } = await createScenario('划分方案的来源');
    // The scenario moves a unit between two communities of the street: proposals start from there.
    const [move] = await sql<{ unitId: string; to: string }>(
      `SELECT ua.id AS "unitId", ub.community_id AS "to"
       FROM unit_adjacency j
       JOIN population_units ua ON ua.region_id = j.region_id AND ua.id = j.unit_a
       JOIN population_units ub ON ub.region_id = j.region_id AND ub.id = j.unit_b
       JOIN communities ca ON ca.region_id = ua.region_id AND ca.id = ua.community_id
       JOIN communities cb ON cb.region_id = ub.region_id AND cb.id = ub.community_id
       WHERE j.region_id = 'demo' AND ca.street_id = $1 AND cb.street_id = $1
         AND ua.community_id = 'c-hongxing' AND ub.community_id = 'c-nanqiao'
       ORDER BY ua.id LIMIT 1`,
      [streetId],
    );
    // And places a service station of its own in a unit of the street: proposals see it.
    const [spot] = await sql<{ unitId: string; lon: number; lat: number }>(
      `SELECT id AS "unitId", ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
       FROM population_units WHERE region_id = 'demo' AND community_id = 'c-liutang' ORDER BY id LIMIT 1`,
    );
    const saved = await call('PATCH', `/api/scenarios/${id}`, {
      version,
      edits: [
        { op: 'assign', unitIds: [move.unitId], communityId: move.to },
        {
          op: 'add-facility',
          facility: {
            id: 'f-new-station',
            name: '新服务站',
            category: 'service_station',
            position: [spot.lon, spot.lat],
          },
        },
      ],
    });
    expect(saved.status, saved.text).toBe(200);
    const scenarioUnits = await communityByUnit(`/api/scenarios/${id}/state`);
    expect(scenarioUnits.get(move.unitId)).toBe('c-nanqiao');

    const kept = 'c-anju';
    const answer = await propose(`/api/scenarios/${id}`, { streetId, keep: [kept], proposals: 2 });
    expect(answer.scenario).toEqual({ id, regionId: 'demo', version: version + 1 });
    expect(answer.keptCommunityIds).toEqual([kept]);
    const keptUnits = [...scenarioUnits].filter(([, community]) => community === kept).map(([unit]) => unit);
    for (const proposal of answer.proposals) {
      const holder = proposal.communities.find((community) => community.stationIds.includes('f-new-station'));
      expect(holder?.unitIds).toContain(spot.unitId);
      // The edits start from the scenario's assignment (its move included): none assigns a unit to
      // the community the scenario has it in already.
      for (const edit of proposal.edits)
        if (edit.op === 'assign')
          for (const unitId of edit.unitIds) expect(scenarioUnits.get(unitId)).not.toBe(edit.communityId);
      const keptCommunity = proposal.communities.find((community) => community.communityId === kept)!;
      expect(keptCommunity.kept).toBe(true);
      expect(keptCommunity.unitIds.slice().sort()).toEqual(keptUnits.sort());
      for (const edit of proposal.edits) {
        expect(edit.communityId).not.toBe(kept);
        for (const unitId of edit.unitIds) expect(keptUnits).not.toContain(unitId);
      }
    }

    // Adopting: a new scenario based on this one, the proposal's edits saved to it as they are.
    const proposal = answer.proposals[answer.proposals.length - 1];
    const adopted = await createScenario('采用的划分方案', id);
    const patched = await call('PATCH', `/api/scenarios/${adopted.id}`, {
      version: adopted.version,
      edits: proposal.edits,
    });
    expect(patched.status, patched.text).toBe(200);
    const after = await communityByUnit(`/api/scenarios/${adopted.id}/state`);
    const idOf = new Map<string, string>();
    for (const community of proposal.communities) {
      const ids = new Set(community.unitIds.map((unitId) => after.get(unitId)));
      expect(ids.size, `${community.communityId}'s units are in one community`).toBe(1);
      const [actual] = ids;
      if (!community.isNew) expect(actual).toBe(community.communityId);
      idOf.set(community.communityId, actual!);
    }
    // Different proposed communities are different communities, and none holds anything else.
    expect(new Set(idOf.values()).size).toBe(proposal.communities.length);
    const street = new Set(proposal.communities.flatMap((community) => community.unitIds));
    for (const [unitId, community] of after)
      if ([...idOf.values()].includes(community)) expect(street.has(unitId)).toBe(true);
    // The scenario asked about is as it was.
    expect(await communityByUnit(`/api/scenarios/${id}/state`)).toEqual(scenarioUnits);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const refuse = async (path: string, body: unknown, status: number, error: RegExp, code?: string) => {
      const response = await call('POST', `${path}/partition-proposals`, body);
      expect(response.status, response.text).toBe(status);
      expect(response.body).toEqual(refusalBody(error, code));
    };
    const region = '/api/regions/demo';
    await refuse(
      region,
      { streetId: 's-nowhere' },
      400,
      /^streetId: region "demo" has no street "s-nowhere"/,
      'partition.unknown-street',
    );
    await refuse(
      region,
      { streetId: 's-xincheng', keep: ['c-xinhua', 'c-nowhere'] },
      400,
      /^keep\[1\]: there is no community "c-nowhere"/,
      'partition.unknown-community',
    );
    await refuse(
      region,
      { streetId: 's-xincheng', keep: ['c-anju'] },
      400,
      /^keep\[0\]: community "c-anju" is in street "s-chengnan", not "s-xincheng"/,
      'partition.unknown-community',
    );
    await refuse(
      region,
      { streetId: 's-xincheng', keep: ['c-xinhua', 'c-jinqiao'], communities: 2 },
      400,
      /^communities: 2 communities cannot be drawn: the street keeps 2/,
      'partition.bad-community-count',
    );
    await refuse(
      region,
      { streetId: 's-xincheng', keep: ['c-xinhua', 'c-jinqiao', 'c-jinping', 'c-shimen'] },
      422,
      /^keep: every unit of street "s-xincheng" is in a community to keep/,
      'partition.nothing-to-partition',
    );
    await refuse(
      region,
      {
        streetId: 's-chengnan',
        keep: ['c-nanqiao', 'c-hongxing', 'c-liutang', 'c-yiminxincun'],
        communities: 41,
      },
      422,
      /^communities: 37 communities to draw but only 36 units to draw them from/,
      'partition.too-few-units',
    );
    await refuse(region, { streetId: 's-xincheng', communities: 0 }, 400, /^communities: /);
    await refuse(region, { streetId: 's-xincheng', communities: 201 }, 400, /^communities: /);
    await refuse(region, { streetId: 's-xincheng', communities: 2.5 }, 400, /^communities: /);
    await refuse(region, { streetId: 's-xincheng', proposals: 21 }, 400, /^proposals: /);
    await refuse(region, { streetId: 's-xincheng', proposals: 0 }, 400, /^proposals: /);
    await refuse(region, { streetId: 's-xincheng', profile: 'atlantis' }, 400, /^profile: /);
    await refuse(
      region,
      { streetId: 's-xincheng', stationsMustBeInside: 'yes' },
      400,
      /stationsMustBeInside/,
    );
    await refuse(region, { streetId: 's-xincheng', colour: 'red' }, 400, /colour/);
    await refuse(region, {}, 400, /^streetId: /);
    await refuse('/api/regions/nowhere', { streetId: 's-xincheng' }, 404, /^no region "nowhere"/);
    await refuse('/api/scenarios/no-such', { streetId: 's-xincheng' }, 404, /^no scenario "no-such"/);
    await refuse(
      '/api/scenarios/baseline',
      { streetId: 's-xincheng' },
      400,
      /the baseline belongs to a region/,
    );
  });
});
