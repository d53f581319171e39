import { getIssues } from '@placemarkio/check-geojson';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { refusalBody } from '../support/refusals.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';
import {
  buildEvaluator,
  decodeBitset,
  decodeRegionUnits,
  decodeUnitReach,
  decodeScenarioState,
} from '../../client/src/features/scenarios/evaluator-input.js';

interface CommunityFeature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, any>;
}

const METRIC_SRID = 4546;

describe.each(testBackends())('scenarios on $name PostGIS with the demo region', (backend) => {
  const demo = useDemoApp(backend);
  const { call, sql, createScenario } = demo;
  const communities = async (id: string, profile = 'leshan') => {
    const response = await call('GET', `/api/scenarios/${id}/communities?profile=${profile}`);
    expect(response.status, response.text).toBe(200);
    return new Map((response.body.features as CommunityFeature[]).map((feature) => [feature.id, feature]));
  };
  const patch = (id: string, version: number, edits: unknown[]) =>
    call('PATCH', `/api/scenarios/${id}`, { version, edits });
  const unitSums = async (unitIds: string[]) =>
    (
      await sql<{ residents: number; households: number }>(
        `SELECT coalesce(sum(residents), 0)::int AS residents, coalesce(sum(households), 0)::int AS households
         FROM population_units WHERE region_id = 'demo' AND id = ANY($1::text[])`,
        [unitIds],
      )
    )[0];
  /** Units of community `from` (baseline) sharing boundary with community `to`, in id order. */
  const borderUnits = async (from: string, to: string) => {
    const ids = (
      await sql<{ id: string }>(
        `SELECT DISTINCT ua.id FROM unit_adjacency j
         JOIN population_units ua ON ua.region_id = j.region_id AND ua.id IN (j.unit_a, j.unit_b)
         JOIN population_units ub ON ub.region_id = j.region_id AND ub.id IN (j.unit_a, j.unit_b) AND ub.id <> ua.id
         WHERE j.region_id = 'demo' AND ua.community_id = $1 AND ub.community_id = $2 ORDER BY ua.id`,
        [from, to],
      )
    ).map((row) => row.id);
    expect(ids.length, `units of ${from} along ${to}`).toBeGreaterThan(0);
    return ids;
  };
  const compare = async (id: string, other = 'baseline') => {
    const response = await call('GET', `/api/scenarios/${id}/compare?with=${other}`);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };

  it('creates, lists, reads and deletes scenarios; the baseline is read-only', async () => {
    const created = await call('POST', '/api/regions/demo/scenarios', {
      name: '方案一',
      basedOn: 'baseline',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      version: 1,
      name: '方案一',
      basedOn: 'baseline',
      regionId: 'demo',
    });
    const { id } = created.body;
    const listed = await call('GET', '/api/regions/demo/scenarios');
    expect(listed.body.map((scenario: { id: string }) => scenario.id)).toContain(id);
    const read = await call('GET', `/api/scenarios/${id}`);
    const baselineCommunities = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM communities WHERE region_id = 'demo'`,
    );
    expect(read.body).toMatchObject({
      id,
      version: 1,
      communityCount: baselineCommunities[0].n,
      unitsMovedFromBaseline: 0,
      edits: [],
    });

    expect(
      (await patch('baseline', 1, [{ op: 'update', communityId: 'c-binjiang', changes: { staff: 1 } }]))
        .status,
    ).toBe(405);
    expect((await call('DELETE', '/api/scenarios/baseline')).status).toBe(405);
    const unknownBase = await call('POST', '/api/regions/demo/scenarios', {
      name: 'x',
      basedOn: 'no-such-scenario',
    });
    expect(unknownBase.status).toBe(400);
    expect(unknownBase.body.error).toMatch(/basedOn: no scenario "no-such-scenario"/);
    expect((await call('POST', '/api/regions/nowhere/scenarios', { name: 'x' })).status).toBe(404);
    expect((await call('POST', '/api/regions/demo/scenarios', { basedOn: 'baseline' })).body.error).toMatch(
      /^name:/,
    );

    expect((await call('DELETE', `/api/scenarios/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/scenarios/${id}`)).status).toBe(404);
    expect(await sql(`SELECT 1 FROM scenario_communities WHERE scenario_id = $1`, [id])).toHaveLength(0);
  });

  it('serves the baseline communities with metrics and rules, residents equal to their units', async () => {
    const response = await call('GET', '/api/regions/demo/scenarios/baseline/communities?profile=leshan');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const residents = new Map(
      (
        await sql<{ id: string; residents: number }>(
          `SELECT community_id AS id, sum(residents)::int AS residents FROM population_units WHERE region_id = 'demo' GROUP BY community_id`,
        )
      ).map((row) => [row.id, row.residents]),
    );
    expect(response.body.features).toHaveLength(residents.size);
    for (const feature of response.body.features as CommunityFeature[]) {
      expect(feature.properties.residents, feature.id).toBe(residents.get(feature.id));
      expect(feature.geometry?.type).toBe('MultiPolygon');
      expect(feature.properties.parts).toBeGreaterThanOrEqual(1);
      expect(feature.properties.rules.length).toBeGreaterThan(5);
      for (const rule of feature.properties.rules) {
        expect(rule).toMatchObject({
          ruleId: expect.any(String),
          status: expect.stringMatching(
            /^(pass|fail|advice|undetermined|not-applicable|candidate|not-candidate)$/,
          ),
          grade: expect.stringMatching(/^(binding|expected|guidance)$/),
          scope: 'community',
          title: { zh: expect.any(String), en: expect.any(String) },
        });
        // Every source is a document of Leshan's profile, named by its title with the clause.
        expect(rule.sources.length, rule.ruleId).toBeGreaterThan(0);
        for (const source of rule.sources) {
          expect(source).toMatchObject({
            document: '002',
            title: '《乐山市“十四五”城乡社区发展治理规划》',
            clause: expect.any(String),
          });
        }
        // Guidance never fails, and a missing figure never passes or fails.
        if (rule.grade === 'guidance') expect(rule.status, rule.ruleId).not.toBe('fail');
        if (rule.status === 'undetermined') expect(rule.missing?.length, rule.ruleId).toBeGreaterThan(0);
      }
    }
    // The size rule's figure is the community's residents under Leshan's profile.
    const binjiang = (response.body.features as CommunityFeature[]).find(
      (feature) => feature.id === 'c-binjiang',
    )!;
    expect(
      binjiang.properties.rules.find((rule: { ruleId: string }) => rule.ruleId === 'size.residents').figure,
    ).toBe(residents.get('c-binjiang'));
  });

  it('assigns units between two communities: residents move by exactly those units', async () => {
    const { id } = await createScenario('assign');
    const moving = (await borderUnits('c-wenchang', 'c-binjiang')).slice(0, 3);
    expect(moving).toHaveLength(3);
    const sums = await unitSums(moving);
    const before = await communities(id);
    const saved = await patch(id, 1, [{ op: 'assign', unitIds: moving, communityId: 'c-binjiang' }]);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, edits: [{ op: 'assign', moved: 3 }] });
    const after = await communities(id);
    expect(after.get('c-binjiang')!.properties.residents).toBe(
      before.get('c-binjiang')!.properties.residents + sums.residents,
    );
    expect(after.get('c-wenchang')!.properties.residents).toBe(
      before.get('c-wenchang')!.properties.residents - sums.residents,
    );
    expect(after.get('c-binjiang')!.properties.households).toBe(
      before.get('c-binjiang')!.properties.households + sums.households,
    );
    expect(after.get('c-binjiang')!.properties.unitCount).toBe(
      before.get('c-binjiang')!.properties.unitCount + 3,
    );
    for (const [communityId, feature] of after) {
      if (communityId !== 'c-binjiang' && communityId !== 'c-wenchang')
        expect(feature.properties.residents, communityId).toBe(before.get(communityId)!.properties.residents);
    }
    // The new area is the union of the units in the metric projection.
    const [area] = await sql<{ squareKilometers: number }>(
      `SELECT ST_Area(ST_Transform(geom, ${METRIC_SRID}))::float8 / 1e6 AS "squareKilometers" FROM scenario_communities WHERE scenario_id = $1 AND id = 'c-binjiang'`,
      [id],
    );
    expect(after.get('c-binjiang')!.properties.areaSquareKilometers).toBeCloseTo(area.squareKilometers, 4);

    const compared = await compare(id);
    expect(compared.movedUnits).toEqual(
      moving.map((unitId) => ({ id: unitId, from: 'c-wenchang', to: 'c-binjiang' })),
    );
    const binjiangDelta = compared.communities.find(
      (community: { id: string }) => community.id === 'c-binjiang',
    );
    expect(binjiangDelta).toMatchObject({ status: 'changed', residents: { delta: sums.residents } });
    expect(
      compared.communities
        .filter((community: { status: string }) => community.status !== 'unchanged')
        .map((community: { id: string }) => community.id)
        .sort(),
    ).toEqual(['c-binjiang', 'c-wenchang']);
    expect((await call('GET', `/api/scenarios/${id}`)).body).toMatchObject({
      version: 2,
      unitsMovedFromBaseline: 3,
      edits: [{ version: 2 }],
    });

    // Moving them back leaves no override behind.
    expect((await patch(id, 2, [{ op: 'assign', unitIds: moving, communityId: 'c-wenchang' }])).status).toBe(
      200,
    );
    expect((await compare(id)).movedUnits).toEqual([]);
    expect(await sql(`SELECT 1 FROM scenario_assignments WHERE scenario_id = $1`, [id])).toHaveLength(0);
  });

  it('refuses a stale version with 409, and of two saves of one version exactly one wins', async () => {
    const { id } = await createScenario('versions');
    const [first, second] = (await borderUnits('c-gulou', 'c-ximen')).slice(0, 2);
    expect((await patch(id, 1, [{ op: 'assign', unitIds: [first], communityId: 'c-ximen' }])).status).toBe(
      200,
    );
    const stale = await patch(id, 1, [{ op: 'assign', unitIds: [second], communityId: 'c-ximen' }]);
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ ...refusalBody(/version 2/, 'scenario.stale-version'), currentVersion: 2 });

    const results = await Promise.all([
      patch(id, 2, [{ op: 'assign', unitIds: [second], communityId: 'c-ximen' }]),
      patch(id, 2, [{ op: 'update', communityId: 'c-ximen', changes: { staff: 40 } }]),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409)!;
    expect(loser.body.currentVersion).toBe(3);
    const read = await call('GET', `/api/scenarios/${id}`);
    expect(read.body.version).toBe(3);
    expect(read.body.edits.map((entry: { version: number }) => entry.version)).toEqual([2, 3]);
    const winner = results.findIndex((result) => result.status === 200);
    const ximen = (await communities(id)).get('c-ximen')!.properties;
    const [baselineStaff] = await sql<{ staff: number }>(
      `SELECT staff FROM communities WHERE region_id = 'demo' AND id = 'c-ximen'`,
    );
    expect(ximen.staff).toBe(winner === 1 ? 40 : baselineStaff.staff);
    expect((await compare(id)).movedUnits.map((unit: { id: string }) => unit.id).sort()).toEqual(
      winner === 0 ? [first, second].sort() : [first],
    );
  });

  it('refuses a bad edit with 400 naming it, and applies nothing of the batch', async () => {
    const { id } = await createScenario('bad edits');
    const [good] = await borderUnits('c-shuyuan', 'c-gulou');
    const allOfShuyuan = (
      await sql<{ id: string }>(
        `SELECT id FROM population_units WHERE region_id = 'demo' AND community_id = 'c-shuyuan'`,
      )
    ).map((row) => row.id);
    const [otherStreetUnit] = (
      await sql<{ id: string }>(
        `SELECT id FROM population_units WHERE region_id = 'demo' AND community_id = 'c-xinhua' LIMIT 1`,
      )
    ).map((row) => row.id);
    const cases: [unknown[], RegExp][] = [
      [
        [
          { op: 'assign', unitIds: [good], communityId: 'c-gulou' },
          { op: 'assign', unitIds: ['u-nowhere'], communityId: 'c-gulou' },
        ],
        /^edits\[1\] \(assign\): unit "u-nowhere" is not in this region/,
      ],
      [
        [{ op: 'assign', unitIds: [good], communityId: 'c-nowhere' }],
        /^edits\[0\] \(assign\): community "c-nowhere" is not in this scenario/,
      ],
      [
        [{ op: 'assign', unitIds: allOfShuyuan, communityId: 'c-gulou' }],
        /^edits\[0\] \(assign\): community "c-shuyuan" would be left with no units; add "dissolve": true/,
      ],
      [
        [{ op: 'assign', unitIds: [otherStreetUnit], communityId: 'c-gulou' }],
        /^edits\[0\] \(assign\): unit ".*" is in street "s-xincheng" .* units move only within their street/,
      ],
      [
        [
          { op: 'update', communityId: 'c-gulou', changes: { staff: 3 } },
          {
            op: 'redraw',
            communityId: 'c-gulou',
            outline: {
              type: 'Polygon',
              coordinates: [
                [
                  [109.7, 28.27],
                  [109.73, 28.29],
                  [109.73, 28.27],
                  [109.7, 28.29],
                  [109.7, 28.27],
                ],
              ],
            },
          },
        ],
        /^edits\[1\] \(redraw\): the outline is not a valid polygon: Self-intersection/,
      ],
      [
        [{ op: 'merge', communityIds: ['c-gulou', 'c-xinhua'], into: 'c-gulou' }],
        /^edits\[0\] \(merge\): community "c-xinhua" is in street "s-xincheng"/,
      ],
      [
        [{ op: 'assign', unitIds: [], communityId: 'c-gulou' }],
        /^edits\[0\]\.unitIds: name at least one unit/,
      ],
      [[{ op: 'explode', communityId: 'c-gulou' }], /^edits\[0\]\.op/],
      [[{ op: 'update', communityId: 'c-gulou', changes: { staff: -1 } }], /^edits\[0\]\.changes\.staff/],
      [
        [
          {
            op: 'create',
            community: { id: 'c-gulou', name: 'x', type: 'urban', streetId: 's-hebei' },
            unitIds: [good],
          },
        ],
        /^edits\[0\] \(create\): community id "c-gulou" is taken/,
      ],
    ];
    for (const [edits, message] of cases) {
      const response = await patch(id, 1, edits);
      expect(response.status, JSON.stringify(edits).slice(0, 200)).toBe(400);
      expect(response.body.error).toMatch(message);
    }
    const read = await call('GET', `/api/scenarios/${id}`);
    expect(read.body).toMatchObject({ version: 1, unitsMovedFromBaseline: 0, edits: [] });
    expect(
      (await compare(id)).communities.every(
        (community: { status: string }) => community.status === 'unchanged',
      ),
    ).toBe(true);
    expect((await communities(id)).get('c-gulou')!.properties.staff).not.toBe(3);
  });

  it('redraws a community: units whose point on surface lies in the outline join it, the rest of it goes to neighbours', async () => {
    const { id } = await createScenario('redraw');
    // The outline: the bounding box of c-jiefang shrunk to its western half, widened north and south.
    const [box] = await sql<{ west: number; south: number; east: number; north: number }>(
      `SELECT ST_XMin(g)::float8 AS west, ST_YMin(g)::float8 AS south, ST_XMax(g)::float8 AS east, ST_YMax(g)::float8 AS north
       FROM (SELECT ST_Extent(geom)::geometry AS g FROM population_units WHERE region_id = 'demo' AND community_id = 'c-jiefang') e`,
    );
    const middle = (box.west + box.east) / 2;
    const ring = [
      [box.west - 0.002, box.south - 0.001],
      [middle, box.south - 0.001],
      [middle, box.north + 0.001],
      [box.west - 0.002, box.north + 0.001],
      [box.west - 0.002, box.south - 0.001],
    ];
    const outline = { type: 'Polygon', coordinates: [ring] };
    const saved = await patch(id, 1, [{ op: 'redraw', communityId: 'c-jiefang', outline, dissolve: true }]);
    expect(saved.status, saved.text).toBe(200);
    const expected = (
      await sql<{ id: string }>(
        `SELECT u.id FROM population_units u JOIN communities c ON c.region_id = u.region_id AND c.id = u.community_id
         WHERE u.region_id = 'demo' AND c.street_id = (SELECT street_id FROM communities WHERE region_id = 'demo' AND id = 'c-jiefang')
           AND ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), ST_PointOnSurface(u.geom)) ORDER BY u.id`,
        [JSON.stringify(outline)],
      )
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(10);
    const after = await communities(id);
    expect(after.get('c-jiefang')!.properties.unitCount).toBe(expected.length);
    expect(after.get('c-jiefang')!.properties.residents).toBe((await unitSums(expected)).residents);
    const moved = (await compare(id)).movedUnits as { id: string; from: string; to: string }[];
    const leftJiefang = moved.filter((unit) => unit.from === 'c-jiefang');
    expect(leftJiefang.length).toBeGreaterThan(0);
    for (const unit of leftJiefang) expect(expected).not.toContain(unit.id);
  });

  it('splits a community by a line: units north of a west–east line form the new community', async () => {
    const { id } = await createScenario('split');
    const [box] = await sql<{ west: number; south: number; east: number; north: number }>(
      `SELECT ST_XMin(g)::float8 AS west, ST_YMin(g)::float8 AS south, ST_XMax(g)::float8 AS east, ST_YMax(g)::float8 AS north
       FROM (SELECT ST_Extent(geom)::geometry AS g FROM population_units WHERE region_id = 'demo' AND community_id = 'c-binjiang') e`,
    );
    const latitude = (box.south + box.north) / 2;
    const line = {
      type: 'LineString',
      coordinates: [
        [box.west - 0.001, latitude],
        [box.east + 0.001, latitude],
      ],
    };
    const saved = await patch(id, 1, [
      {
        op: 'split',
        communityId: 'c-binjiang',
        line,
        newCommunity: { id: 'c-binjiang-north', name: '滨江北社区', staff: 9 },
      },
    ]);
    expect(saved.status, saved.text).toBe(200);
    const north = (
      await sql<{ id: string }>(
        `SELECT id FROM population_units WHERE region_id = 'demo' AND community_id = 'c-binjiang' AND ST_Y(ST_PointOnSurface(geom)) > $1`,
        [latitude],
      )
    ).map((row) => row.id);
    const after = await communities(id);
    expect(after.get('c-binjiang-north')!.properties).toMatchObject({
      unitCount: north.length,
      residents: (await unitSums(north)).residents,
      type: 'urban',
      streetId: 's-hebei',
      staff: 9,
      name: '滨江北社区',
    });
    const [all] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM population_units WHERE region_id = 'demo' AND community_id = 'c-binjiang'`,
    );
    expect(after.get('c-binjiang')!.properties.unitCount).toBe(all.n - north.length);
    const outside = await patch(id, 2, [
      {
        op: 'split',
        communityId: 'c-binjiang',
        line: {
          type: 'LineString',
          coordinates: [
            [box.east + 0.01, latitude],
            [box.east + 0.02, latitude],
          ],
        },
        newCommunity: { name: 'x' },
      },
    ]);
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatch(
      /^edits\[0\] \(split\): the line does not cross community "c-binjiang"/,
    );
    expect(
      (await compare(id)).communities.find(
        (community: { id: string }) => community.id === 'c-binjiang-north',
      ),
    ).toMatchObject({ status: 'created' });
  });

  it('merges, creates and updates communities; rules follow', async () => {
    const { id } = await createScenario('merge create update');
    const before = await communities(id);
    const merged = await patch(id, 1, [
      { op: 'merge', communityIds: ['c-yiminxincun', 'c-anju'], into: 'c-yiminxincun' },
    ]);
    expect(merged.status, merged.text).toBe(200);
    let after = await communities(id);
    expect(after.has('c-anju')).toBe(false);
    expect(after.get('c-yiminxincun')!.properties.residents).toBe(
      before.get('c-yiminxincun')!.properties.residents + before.get('c-anju')!.properties.residents,
    );
    expect(after.get('c-yiminxincun')!.properties.staff).toBe(
      (before.get('c-yiminxincun')!.properties.staff ?? 0) + (before.get('c-anju')!.properties.staff ?? 0),
    );
    expect(
      (await compare(id)).communities.find((community: { id: string }) => community.id === 'c-anju'),
    ).toMatchObject({ status: 'dissolved', residents: { scenario: 0 } });

    const picked = (await borderUnits('c-liutang', 'c-nanqiao')).slice(0, 4);
    const created = await patch(id, 2, [
      {
        op: 'create',
        community: {
          id: 'c-resettle',
          name: '安置新区',
          type: 'relocation',
          streetId: 's-chengnan',
          staff: 4,
        },
        unitIds: picked,
      },
      { op: 'update', communityId: 'c-resettle', changes: { staff: 6, serviceFloorAreaSquareMeters: 320 } },
    ]);
    expect(created.status, created.text).toBe(200);
    after = await communities(id);
    const resettle = after.get('c-resettle')!.properties;
    const sums = await unitSums(picked);
    expect(resettle).toMatchObject({
      type: 'relocation',
      unitCount: 4,
      residents: sums.residents,
      staff: 6,
      serviceFloorAreaSquareMeters: 320,
    });
    const sizeRule = resettle.rules.find((rule: { ruleId: string }) => rule.ruleId === 'size.relocation');
    expect(sizeRule).toMatchObject({
      figure: sums.residents,
      // Leshan's relocation band is guidance (为宜): outside it is advice, never a failure.
      grade: 'guidance',
      status: sums.residents >= 800 && sums.residents <= 2000 ? 'pass' : 'advice',
    });
    expect(resettle.staffPer10kResidents).toBeCloseTo(
      sums.residents > 0 ? (6 / sums.residents) * 10_000 : NaN,
      9,
    );

    const renamed = await call('PATCH', `/api/scenarios/${id}`, { version: 3, name: '合并方案' });
    expect(renamed.body).toMatchObject({ version: 4 });
    expect((await call('GET', `/api/scenarios/${id}`)).body.name).toBe('合并方案');

    // A copy starts where its source is, and compares equal to it.
    const copy = await createScenario('copy', id);
    expect((await compare(copy.id, id)).movedUnits).toEqual([]);
    expect((await communities(copy.id)).get('c-resettle')!.properties.residents).toBe(sums.residents);
  });

  it('keeps every community valid, and the communities of each street without overlap or gap', async () => {
    const { id } = await createScenario('geometry');
    const moving = (await borderUnits('c-jinqiao', 'c-xinhua')).slice(0, 6);
    const saved = await patch(id, 1, [
      { op: 'assign', unitIds: moving, communityId: 'c-xinhua' },
      { op: 'merge', communityIds: ['c-fengmu', 'c-chayuan'], into: 'c-fengmu' },
    ]);
    expect(saved.status, saved.text).toBe(200);
    const invalid = await sql(
      `SELECT id FROM scenario_communities WHERE scenario_id = $1 AND (geom IS NULL OR NOT ST_IsValid(geom))`,
      [id],
    );
    expect(invalid).toEqual([]);
    const [overlap] = await sql<{ squareMeters: number }>(
      `SELECT coalesce(sum(ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), ${METRIC_SRID}))), 0)::float8 AS "squareMeters"
       FROM scenario_communities a JOIN scenario_communities b
         ON b.scenario_id = a.scenario_id AND a.id < b.id AND a.street_id = b.street_id AND a.geom && b.geom
       WHERE a.scenario_id = $1`,
      [id],
    );
    expect(overlap.squareMeters).toBeLessThan(1);
    const gaps = await sql<{ streetId: string; squareMeters: number }>(
      `SELECT s.street_id AS "streetId",
              ST_Area(ST_Transform(ST_SymDifference(s.geom, u.geom), ${METRIC_SRID}))::float8 AS "squareMeters"
       FROM (SELECT street_id, ST_Union(geom) AS geom FROM scenario_communities WHERE scenario_id = $1 GROUP BY street_id) s
       JOIN (SELECT c.street_id, ST_Union(p.geom) AS geom FROM population_units p
             JOIN communities c ON c.region_id = p.region_id AND c.id = p.community_id
             WHERE p.region_id = 'demo' GROUP BY c.street_id) u ON u.street_id = s.street_id`,
      [id],
    );
    expect(gaps).toHaveLength(4);
    for (const gap of gaps) expect(gap.squareMeters, gap.streetId).toBeLessThan(1);
  });

  it('exports GeoJSON that validates, CSV with a header row and BOM, and a zipped Shapefile', async () => {
    const { id } = await createScenario('导出方案');
    const moving = (await borderUnits('c-ximen', 'c-gulou')).slice(0, 2);
    expect((await patch(id, 1, [{ op: 'assign', unitIds: moving, communityId: 'c-gulou' }])).status).toBe(
      200,
    );
    const expected = await communities(id);

    const geojson = await call('GET', `/api/scenarios/${id}/export?format=geojson`);
    expect(geojson.status).toBe(200);
    expect(geojson.headers.get('content-disposition')).toMatch(
      /^attachment; filename="demo-scenario-[0-9a-f]{8}-v2\.geojson"; filename\*=UTF-8''/,
    );
    expect(getIssues(geojson.text)).toEqual([]);
    expect(geojson.body.features).toHaveLength(expected.size);
    for (const feature of geojson.body.features as CommunityFeature[]) {
      expect(feature.properties.name).toBe(expected.get(feature.id)!.properties.name);
      expect(feature.properties.residents).toBe(expected.get(feature.id)!.properties.residents);
    }

    const csv = await demo.app().request(`/api/scenarios/${id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 7)).toEqual([
      'id',
      'name',
      'nameEn',
      'type',
      'streetId',
      'unitCount',
      'residents',
    ]);
    expect(lines).toHaveLength(expected.size + 1);
    const gulouRow = lines.find((line) => line.startsWith('c-gulou,'))!.split(',');
    expect(gulouRow[header.indexOf('name')]).toBe(expected.get('c-gulou')!.properties.name);
    expect(Number(gulouRow[header.indexOf('residents')])).toBe(expected.get('c-gulou')!.properties.residents);

    const zipResponse = await demo.app().request(`/api/scenarios/${id}/export?format=shapefile`);
    expect(zipResponse.headers.get('content-disposition')).toMatch(/filename=".*\.zip"/);
    const zipBytes = new Uint8Array(await zipResponse.arrayBuffer());
    const files = unzipSync(zipBytes);
    const extensions = Object.keys(files)
      .map((name) => name.split('.').pop())
      .sort();
    expect(extensions).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx']);
    const prj = new TextDecoder().decode(Object.entries(files).find(([name]) => name.endsWith('.prj'))![1]);
    expect(prj).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
    // Read back with an independent reader (shpjs); its name is a variable so TypeScript does not look for types it lacks.
    const shpjsModule = 'shpjs';
    const { default: readShapefile } = (await import(shpjsModule)) as {
      default: (zip: ArrayBuffer) => Promise<{ features: CommunityFeature[] }>;
    };
    const collection = await readShapefile(
      zipBytes.buffer.slice(zipBytes.byteOffset, zipBytes.byteOffset + zipBytes.byteLength),
    );
    expect(collection.features).toHaveLength(expected.size);
    for (const feature of collection.features) {
      const match = expected.get(feature.properties.id)!;
      expect(match, feature.properties.id).toBeDefined();
      expect(feature.properties.name).toBe(match.properties.name);
      expect(feature.properties.residents).toBe(match.properties.residents);
      expect(feature.geometry?.type).toMatch(/Polygon$/);
    }

    const baseline = await call('GET', '/api/regions/demo/scenarios/baseline/export?format=geojson');
    expect(baseline.status).toBe(200);
    expect(getIssues(baseline.text)).toEqual([]);
    expect((await call('GET', `/api/scenarios/${id}/export?format=kml`)).status).toBe(400);
  });

  it('serves units, adjacency and state for a client evaluator, which then agrees with the server', async () => {
    const adjacency = await call('GET', '/api/regions/demo/unit-adjacency?profile=kaili');
    expect(adjacency.status, adjacency.text).toBe(200);
    const units = await sql<{ id: string; communityId: string; residents: number }>(
      `SELECT id, community_id AS "communityId", residents FROM population_units WHERE region_id = 'demo' ORDER BY id`,
    );
    const answer = adjacency.body;
    expect(answer.unitIds).toEqual(units.map((unit) => unit.id));
    expect(answer.residents).toEqual(units.map((unit) => unit.residents));
    expect(answer.baselineCommunityIds).toEqual(units.map((unit) => unit.communityId));
    const [pairs] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM unit_adjacency WHERE region_id = 'demo'`,
    );
    expect(answer.unitA).toHaveLength(pairs.n);
    expect(answer.sharedMeters.every((meters: number) => meters > 0)).toBe(true);
    expect(answer.judgedWith).toMatchObject({
      profile: 'kaili',
      profileFrom: 'request',
      speedMetersPerSecond: 1,
    });
    const keys = answer.reach.requirements.map((requirement: { key: string }) => requirement.key);
    expect(keys.length).toBeGreaterThan(5);
    const kindergarten = decodeBitset(answer.reach.covered[keys.indexOf('kindergarten')], units.length);
    const covered = kindergarten.reduce((sum, flag) => sum + flag, 0);
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThan(units.length);

    const { id } = await createScenario('client evaluator');
    const moving = (await borderUnits('c-wenchang', 'c-binjiang')).slice(0, 4);
    const saved = await patch(id, 1, [
      { op: 'assign', unitIds: moving, communityId: 'c-binjiang' },
      { op: 'merge', communityIds: ['c-yiminxincun', 'c-anju'], into: 'c-yiminxincun' },
      { op: 'update', communityId: 'c-binjiang', changes: { staff: 40, serviceFloorAreaSquareMeters: 2500 } },
    ]);
    expect(saved.status, saved.text).toBe(200);
    const state = await call('GET', `/api/scenarios/${id}/state`);
    expect(state.status, state.text).toBe(200);
    expect(state.body).toMatchObject({ id, regionId: 'demo', version: 2 });
    const region = decodeRegionUnits(answer);
    const { reach } = decodeUnitReach(answer);
    const decoded = decodeScenarioState(state.body, units.length);
    for (const unitId of moving)
      expect(decoded.assignment[region.unitIndexById.get(unitId)!]).toBe('c-binjiang');
    expect(decoded.communities.map((community) => community.id)).not.toContain('c-anju');

    // The client's own evaluator over these answers reproduces every figure and verdict the server serves.
    const evaluator = buildEvaluator(region, decoded);
    const served = await communities(id, 'kaili');
    expect(evaluator.communityIds().sort()).toEqual([...served.keys()].sort());
    for (const [communityId, feature] of served) {
      const context = { profile: 'kaili' as const, reach };
      const metrics = evaluator.metrics(communityId, reach);
      const p = feature.properties;
      expect(metrics.residents, communityId).toBe(p.residents);
      expect(metrics.households, communityId).toBe(p.households);
      expect(metrics.unitCount, communityId).toBe(p.unitCount);
      expect(metrics.parts, communityId).toBe(p.parts);
      expect(metrics.staff, communityId).toBe(p.staff);
      expect(metrics.areaSquareKilometers).toBeCloseTo(p.areaSquareKilometers, 9);
      expect(metrics.polsbyPopper).toBeCloseTo(p.polsbyPopper, 9);
      expect(Object.keys(p.reachShareByKey).length).toBeGreaterThan(5);
      for (const [key, share] of Object.entries(p.reachShareByKey as Record<string, number | null>)) {
        expect(metrics.reachShareByKey[key], `${communityId} ${key}`).toBe(share);
      }
      expect(
        evaluator.judge(communityId, context).map((rule) => [rule.ruleId, rule.status, rule.figure]),
        communityId,
      ).toEqual(
        p.rules.map((rule: { ruleId: string; status: string; figure: number | null }) => [
          rule.ruleId,
          rule.status,
          rule.figure,
        ]),
      );
    }

    const baseline = await call('GET', '/api/regions/demo/scenarios/baseline/state');
    expect(baseline.status).toBe(200);
    expect(baseline.body).toMatchObject({ id: 'baseline', version: 1 });
    expect(decodeScenarioState(baseline.body, units.length).assignment).toEqual(
      units.map((unit) => unit.communityId),
    );
    expect((await call('GET', '/api/regions/nowhere/unit-adjacency')).status).toBe(404);
    expect((await call('GET', '/api/scenarios/no-such-scenario/state')).status).toBe(404);
  });
});
