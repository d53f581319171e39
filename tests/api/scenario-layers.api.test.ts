import { describe, expect, it } from 'vitest';
import { refusalBody } from '../support/refusals.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';

/** Two nodes of the demo network 151 m apart across the river, 1 767 m apart on foot (the nearest bridge). */
const ACROSS_RIVER = {
  north: { node: 2192, position: [109.745953, 28.281351] as [number, number] },
  south: { node: 2108, position: [109.746072, 28.279996] as [number, number] },
};
/** The footway bridge of the demo (edge 3270, 84.62 m from node 2085 to node 2116). */
const FOOT_BRIDGE = { edgeId: 3270, source: 2085, target: 2116, lengthMeters: 84.62 };

describe.each(testBackends())(
  'scenario facilities and paths on $name PostGIS with the demo region',
  (backend) => {
    const { call, sql, createScenario } = useDemoApp(backend);
    const patch = (id: string, version: number, edits: unknown[]) =>
      call('PATCH', `/api/scenarios/${id}`, { version, edits });
    const coverage = async (path: string, tiers = '') => {
      const response = await call('GET', `${path}/coverage${tiers ? `?tiers=${tiers}` : ''}`);
      expect(response.status, response.text).toBe(200);
      return response.body;
    };
    const regionCategory = (body: any, category: string) =>
      body.region.categories.find((entry: { category: string }) => entry.category === category);

    it('adds, moves, updates and removes facilities in one save, logged like any edit', async () => {
      const { id } = await createScenario('设施调整');
      const saved = await patch(id, 1, [
        {
          op: 'add-facility',
          facility: {
            id: 'f-new-kg',
            name: '新建幼儿园',
            category: 'kindergarten',
            position: [109.7205, 28.2845],
            capacity: 180,
          },
        },
        { op: 'move-facility', facilityId: 'f-kindergarten-002', position: [109.7312, 28.2812] },
        {
          op: 'update-facility',
          facilityId: 'f-kindergarten-003',
          changes: { capacity: 360, name: '滨江三幼' },
        },
        { op: 'remove-facility', facilityId: 'f-kindergarten-004' },
        {
          op: 'add-facility',
          facility: { name: '临时日照', category: 'elderly_day_care', position: [109.72, 28.285] },
        },
      ]);
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body.version).toBe(2);
      expect(saved.body.edits.map((edit: { op: string }) => edit.op)).toEqual([
        'add-facility',
        'move-facility',
        'update-facility',
        'remove-facility',
        'add-facility',
      ]);
      const generatedId = (saved.body.edits[4].notes[0] as string).match(/"(.+)"/)![1];

      const facilities = await call('GET', `/api/scenarios/${id}/facilities`);
      expect(facilities.status, facilities.text).toBe(200);
      const byId = new Map<string, any>(
        facilities.body.features.map((feature: any) => [feature.id, feature]),
      );
      const regionCount = (
        await sql<{ n: number }>(`SELECT count(*)::int AS n FROM facilities WHERE region_id = 'demo'`)
      )[0].n;
      expect(facilities.body.features).toHaveLength(regionCount + 2 - 1);
      expect(facilities.body.removedFacilityIds).toEqual(['f-kindergarten-004']);
      expect(byId.get('f-new-kg')).toMatchObject({
        geometry: { type: 'Point', coordinates: [109.7205, 28.2845] },
        properties: {
          change: 'added',
          capacity: 180,
          category: 'kindergarten',
          communityId: expect.any(String),
        },
      });
      expect(byId.get('f-kindergarten-002').properties.change).toBe('moved');
      expect(byId.get('f-kindergarten-003').properties).toMatchObject({
        change: 'changed',
        capacity: 360,
        name: '滨江三幼',
      });
      expect(byId.get('f-kindergarten-001').properties.change).toBeNull();
      expect(byId.get(generatedId).properties).toMatchObject({ change: 'added', capacity: null });
      // The region's own facilities are untouched.
      expect(
        await sql(
          `SELECT id FROM facilities WHERE region_id = 'demo' AND id IN ('f-new-kg', 'f-kindergarten-004')`,
        ),
      ).toEqual([{ id: 'f-kindergarten-004' }]);

      const detail = await call('GET', `/api/scenarios/${id}`);
      expect(detail.body.edits).toHaveLength(1);
      expect(detail.body.edits[0].edits[0]).toMatchObject({
        op: 'add-facility',
        facility: { id: 'f-new-kg' },
      });

      // A scenario based on this one starts with its facilities.
      const copy = await createScenario('设施调整（副本）', id);
      const copied = await call('GET', `/api/scenarios/${copy.id}/facilities`);
      expect(copied.body.removedFacilityIds).toEqual(['f-kindergarten-004']);
      expect(copied.body.features.map((feature: any) => feature.id)).toEqual(
        facilities.body.features.map((feature: any) => feature.id),
      );
      // Removing an added facility forgets it; its id may not be taken by another.
      const again = await patch(id, 2, [{ op: 'remove-facility', facilityId: 'f-new-kg' }]);
      expect(again.status, again.text).toBe(200);
      const after = await call('GET', `/api/scenarios/${id}/facilities`);
      expect(after.body.features.some((feature: any) => feature.id === 'f-new-kg')).toBe(false);
      const taken = await patch(id, 3, [
        {
          op: 'add-facility',
          facility: { id: 'f-kindergarten-004', name: 'x', category: 'park', position: [109.72, 28.285] },
        },
      ]);
      expect(taken.status).toBe(400);
      expect(taken.body).toEqual(
        refusalBody(
          'edits[0] (add-facility): facility id "f-kindergarten-004" is taken',
          'scenario.edit-refused',
        ),
      );
    });

    it('refuses bad layer edits with 400 naming the edit, and applies nothing of the batch', async () => {
      const { id } = await createScenario('坏编辑');
      const good = {
        op: 'add-facility',
        facility: { id: 'f-ok', name: '好', category: 'park', position: [109.72, 28.285] },
      };
      const cases: [unknown, string | RegExp, string][] = [
        [
          { op: 'add-facility', facility: { name: '远', category: 'park', position: [110.5, 28.285] } },
          /^edits\[1\]\.facility\.position: \[110\.5, 28\.285\] lies outside region "demo"/,
          'region.position-outside',
        ],
        [
          { op: 'add-facility', facility: { name: '坏类', category: 'casino', position: [109.72, 28.285] } },
          /^edits\[1\]\.facility\.category: /,
          'request.invalid',
        ],
        [
          { op: 'move-facility', facilityId: 'f-nowhere', position: [109.72, 28.285] },
          'edits[1] (move-facility): facility "f-nowhere" is not in this scenario',
          'scenario.edit-refused',
        ],
        [
          { op: 'move-facility', facilityId: 'f-kindergarten-001', position: [28.285, 109.72] },
          /^edits\[1\]\.position: .*swap/,
          'region.position-invalid',
        ],
        [
          {
            op: 'add-path',
            line: {
              type: 'LineString',
              coordinates: [
                [109.7094, 28.2975],
                [109.7096, 28.2976],
              ],
            },
          },
          /^edits\[1\] \(add-path\): the path meets no walking path/,
          'scenario.edit-refused',
        ],
        [
          { op: 'close-path', edgeIds: [999999] },
          'edits[1] (close-path): the walking network has no edge 999999',
          'scenario.edit-refused',
        ],
        [
          { op: 'close-path', edgeIds: ['p-none'] },
          /^edits\[1\] \(close-path\): "p-none" is neither an edge/,
          'scenario.edit-refused',
        ],
      ];
      for (const [bad, message, code] of cases) {
        const response = await patch(id, 1, [good, bad]);
        expect(response.status, response.text).toBe(400);
        expect(response.body).toEqual(refusalBody(message, code));
      }
      const detail = await call('GET', `/api/scenarios/${id}`);
      expect(detail.body).toMatchObject({ version: 1, edits: [] });
      const facilities = await call('GET', `/api/scenarios/${id}/facilities`);
      expect(facilities.body.features.some((feature: any) => feature.id === 'f-ok')).toBe(false);
      expect(await sql(`SELECT 1 FROM scenario_facilities WHERE scenario_id = $1`, [id])).toHaveLength(0);
    });

    it('adds a footbridge joined where it meets the network, and closes edges', async () => {
      const { id } = await createScenario('步行桥');
      const saved = await patch(id, 1, [
        {
          op: 'add-path',
          id: 'p-bridge',
          name: '滨江人行桥',
          line: {
            type: 'LineString',
            coordinates: [ACROSS_RIVER.north.position, ACROSS_RIVER.south.position],
          },
        },
        { op: 'close-path', edgeIds: [FOOT_BRIDGE.edgeId] },
      ]);
      expect(saved.status, saved.text).toBe(200);
      const paths = await call('GET', `/api/scenarios/${id}/paths`);
      expect(paths.status, paths.text).toBe(200);
      expect(paths.body.features).toEqual([
        expect.objectContaining({
          id: 'p-bridge',
          properties: expect.objectContaining({ change: 'added', name: '滨江人行桥', class: 'footway' }),
        }),
        expect.objectContaining({
          id: FOOT_BRIDGE.edgeId,
          properties: expect.objectContaining({ change: 'closed', lengthMeters: FOOT_BRIDGE.lengthMeters }),
        }),
      ]);
      expect(paths.body.features[0].properties.lengthMeters).toBeGreaterThan(140);
      expect(paths.body.features[0].properties.lengthMeters).toBeLessThan(160);

      // Walking times follow: across the new bridge in ~151 s, the footway bridge closed.
      const walk = async (path: string, node: number, to: number) => {
        const response = await call('POST', `${path}/travel-times`, {
          from: { node },
          maxSeconds: 3600,
        });
        expect(response.status, response.text).toBe(200);
        return response.body.seconds[String(to)] as number | undefined;
      };
      const { north, south } = ACROSS_RIVER;
      expect(await walk('/api/regions/demo', north.node, south.node)).toBeCloseTo(1767.31, 1);
      const across = await walk(`/api/scenarios/${id}`, north.node, south.node);
      expect(across).toBeGreaterThan(140);
      expect(across).toBeLessThan(170);
      expect(await walk('/api/regions/demo', FOOT_BRIDGE.source, FOOT_BRIDGE.target)).toBeCloseTo(
        FOOT_BRIDGE.lengthMeters,
        6,
      );
      const detour = await walk(`/api/scenarios/${id}`, FOOT_BRIDGE.source, FOOT_BRIDGE.target);
      expect(detour === undefined || detour > FOOT_BRIDGE.lengthMeters + 60).toBe(true);

      // Removing the added path by its id, and a second close of the same edge (a note).
      const removed = await patch(id, 2, [{ op: 'close-path', edgeIds: ['p-bridge', FOOT_BRIDGE.edgeId] }]);
      expect(removed.status, removed.text).toBe(200);
      expect(removed.body.edits[0].notes).toEqual([
        'added path "p-bridge" removed',
        `edge ${FOOT_BRIDGE.edgeId} was closed already`,
      ]);
      expect(await walk(`/api/scenarios/${id}`, north.node, south.node)).toBeGreaterThan(1000);
      const after = await call('GET', `/api/scenarios/${id}/paths`);
      expect(after.body.features.map((feature: any) => feature.id)).toEqual([FOOT_BRIDGE.edgeId]);
    });

    it('runs coverage and the rules on the scenario’s facilities; the baseline’s answers never change', async () => {
      const baselineBefore = await coverage('/api/regions/demo');
      const baselineCommunities = await call('GET', '/api/regions/demo/scenarios/baseline/communities');
      const uncovered: string[] = baselineBefore.uncoveredUnitIds.kindergarten;
      expect(uncovered.length).toBeGreaterThan(0);
      const [unit] = await sql<{
        id: string;
        lon: number;
        lat: number;
        residents: number;
        communityId: string;
      }>(
        `SELECT id, ST_X(access_point) AS lon, ST_Y(access_point) AS lat, residents, community_id AS "communityId"
       FROM population_units WHERE region_id = 'demo' AND id = ANY($1::text[]) ORDER BY residents DESC, id LIMIT 1`,
        [uncovered],
      );
      const { id } = await createScenario('补幼儿园');
      const saved = await patch(id, 1, [
        {
          op: 'add-facility',
          facility: {
            id: 'f-fill',
            name: '补点幼儿园',
            category: 'kindergarten',
            position: [unit.lon, unit.lat],
          },
        },
      ]);
      expect(saved.status, saved.text).toBe(200);

      const scenario = await coverage(`/api/scenarios/${id}`);
      const before = regionCategory(baselineBefore, 'kindergarten');
      const now = regionCategory(scenario, 'kindergarten');
      expect(now.facilityCount).toBe(before.facilityCount + 1);
      expect(now.coveredResidents).toBeGreaterThanOrEqual(before.coveredResidents + unit.residents);
      expect(scenario.uncoveredUnitIds.kindergarten).not.toContain(unit.id);
      // Other categories are as the region has them.
      expect(regionCategory(scenario, 'park')).toEqual(regionCategory(baselineBefore, 'park'));

      // Rules and reach on the scenario: the community's kindergarten reach grows; the baseline's does not.
      const communities = await call('GET', `/api/scenarios/${id}/communities`);
      const share = (body: any) =>
        body.features.find((feature: any) => feature.id === unit.communityId).properties.reachShareByKey
          .kindergarten;
      expect(share(communities.body)).toBeGreaterThan(share(baselineCommunities.body));
      expect(
        communities.body.features.find((feature: any) => feature.id === unit.communityId).properties
          .facilityCountByCategory.kindergarten,
      ).toBeGreaterThan(
        baselineCommunities.body.features.find((feature: any) => feature.id === unit.communityId).properties
          .facilityCountByCategory.kindergarten ?? 0,
      );

      // A client's own evaluator reads the scenario's facilities and reach: the unit now reaches one.
      const reach = await call('GET', `/api/scenarios/${id}/reach`);
      expect(reach.status, reach.text).toBe(200);
      expect(reach.body.scenario).toEqual({ id, regionId: 'demo', version: 2 });
      expect(reach.body.facilities).toContainEqual(
        expect.objectContaining({ id: 'f-fill', category: 'kindergarten', unitId: expect.any(String) }),
      );
      const adjacency = await call('GET', '/api/regions/demo/unit-adjacency');
      const unitIndex = (adjacency.body.unitIds as string[]).indexOf(unit.id);
      const covers = (answer: any) => {
        const r = answer.reach.requirements.findIndex(
          (requirement: { key: string }) => requirement.key === 'kindergarten',
        );
        const bytes = Buffer.from(answer.reach.covered[r], 'base64');
        return (bytes[unitIndex >> 3] >> (unitIndex & 7)) & 1;
      };
      expect(covers(adjacency.body)).toBe(0);
      expect(covers(reach.body)).toBe(1);

      // Isochrones start from the scenario's own facilities; the region does not know them.
      const bands = await call('POST', `/api/scenarios/${id}/isochrones`, {
        facilityIds: ['f-fill'],
        minutes: [5],
      });
      expect(bands.status, bands.text).toBe(200);
      expect(bands.body.features[0].properties.residents).toBeGreaterThanOrEqual(unit.residents);
      const unknown = await call('POST', '/api/regions/demo/isochrones', { facilityIds: ['f-fill'] });
      expect(unknown.body).toEqual(refusalBody(/^facilityIds: region "demo" has no facility "f-fill"/));
      // The heat map: walking minutes to a kindergarten at the new one's cell drop to about nothing.
      const heatmap = async (path: string) => {
        const response = await call('GET', `${path}/heatmap?category=kindergarten&cellMeters=100`);
        expect(response.status, response.text).toBe(200);
        return response.body;
      };
      const [regionGrid, scenarioGrid] = [
        await heatmap('/api/regions/demo'),
        await heatmap(`/api/scenarios/${id}`),
      ];
      expect(scenarioGrid).toMatchObject({ columns: regionGrid.columns, rows: regionGrid.rows });
      const cell = (grid: any) => {
        const [west, south, east, north] = grid.bbox;
        const column = Math.floor(((unit.lon - west) / (east - west)) * grid.columns);
        const row = Math.floor(((unit.lat - south) / (north - south)) * grid.rows);
        return grid.values[row * grid.columns + column];
      };
      expect(cell(scenarioGrid)).toBeLessThan(3);
      expect(cell(regionGrid) === null || cell(regionGrid) > cell(scenarioGrid)).toBe(true);
      const improved = scenarioGrid.values.filter(
        (value: number | null, k: number) =>
          value !== null && (regionGrid.values[k] === null || value < regionGrid.values[k]),
      ).length;
      expect(improved).toBeGreaterThan(0);
      expect(
        scenarioGrid.values.every(
          (value: number | null, k: number) =>
            regionGrid.values[k] === null || (value !== null && value <= regionGrid.values[k]),
        ),
      ).toBe(true);
      expect((await call('GET', '/api/scenarios/baseline/coverage')).status).toBe(400);
      expect((await call('GET', '/api/scenarios/no-such-scenario/coverage')).status).toBe(404);

      expect(await coverage('/api/regions/demo')).toEqual(baselineBefore);
      const baselineAfter = await call('GET', '/api/regions/demo/scenarios/baseline/communities');
      expect(baselineAfter.body).toEqual(baselineCommunities.body);
    });
  },
);
