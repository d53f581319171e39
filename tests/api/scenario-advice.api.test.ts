import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';

/** The demo's villages (data/geojson/demo/communities.geojson) and relocation communities. */
const CONVERTIBLE = ['c-shimen', 'c-taoyuan'];
const NOT_CONVERTIBLE = ['c-chayuan', 'c-fengmu', 'c-longtan'];
const UNDERSIZED = 'c-anju';
const OVERSIZED = 'c-yiminxincun';

describe.each(testBackends())('scenario advice on $name PostGIS with the demo region', (backend) => {
  const { call, sql, createScenario } = useDemoApp(backend);
  const get = async (url: string) => {
    const response = await call('GET', url);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    return response.body;
  };
  const communities = async (id: string, profile = 'leshan') =>
    new Map(
      ((await get(`/api/scenarios/${id}/communities?profile=${profile}`)).features as any[]).map(
        (feature) => [feature.id as string, feature.properties],
      ),
    );

  describe('村改社区 candidates', () => {
    it('tests every village: those past half development or under half farmland are candidates, with the reason', async () => {
      const report = await get('/api/regions/demo/scenarios/baseline/village-candidates?profile=national');
      // Independently from the table: villages and which of the two conditions each meets.
      const villages = await sql<{ id: string; progress: number | null; farmland: number | null }>(
        `SELECT id, development_progress AS progress, agricultural_land_share AS farmland
         FROM communities WHERE region_id = 'demo' AND type = 'village' ORDER BY id`,
      );
      expect(villages.map((village) => village.id).sort()).toEqual(
        [...CONVERTIBLE, ...NOT_CONVERTIBLE].sort(),
      );
      expect(report.villages.map((village: any) => village.communityId).sort()).toEqual(
        villages.map((village) => village.id),
      );
      const passing = villages.filter(
        (village) => (village.progress ?? 0) > 0.5 || (village.farmland ?? 1) < 0.5,
      );
      expect(passing.map((village) => village.id)).toEqual(CONVERTIBLE);
      expect([...report.candidateIds].sort()).toEqual(CONVERTIBLE);

      for (const village of villages) {
        const entry = report.villages.find((candidate: any) => candidate.communityId === village.id);
        const byProgress = (village.progress ?? 0) > 0.5;
        const byFarmland = (village.farmland ?? 1) < 0.5;
        expect(entry.candidate, village.id).toBe(byProgress || byFarmland);
        expect(
          entry.conditions.map((condition: any) => [condition.condition, condition.figure, condition.met]),
        ).toEqual([
          ['development-progress', village.progress, byProgress],
          ['farmland-share', village.farmland, byFarmland],
        ]);
        if (!entry.candidate) {
          expect(entry.reason).toBeNull();
          continue;
        }
        if (byProgress)
          expect(entry.reason.en).toContain(
            `development progress ${Math.round(village.progress! * 100)}% > 50%`,
          );
        if (byFarmland)
          expect(entry.reason.en).toContain(`farmland share ${Math.round(village.farmland! * 100)}% < 50%`);
      }
      // 桃源村 qualifies by its development (62 %), 石门村 by its farmland (38 %).
      const taoyuan = report.villages.find((village: any) => village.communityId === 'c-taoyuan');
      expect(taoyuan.reason.zh).toContain('城市拆迁开发进度 62% > 50%');
      const shimen = report.villages.find((village: any) => village.communityId === 'c-shimen');
      expect(shimen.reason.zh).toContain('农业用地占比 38% < 50%');
    });

    it('lists what each would lack as an urban community: floor area, staff, facilities per tier, size', async () => {
      const report = await get('/api/regions/demo/scenarios/baseline/village-candidates?profile=national');
      const figures = await sql<{ id: string; floor: number; households: number; residents: number }>(
        `SELECT c.id, c.service_floor_area_square_meters AS floor, sum(u.households)::int AS households,
                sum(u.residents)::int AS residents
         FROM communities c JOIN population_units u ON u.region_id = c.region_id AND u.community_id = c.id
         WHERE c.region_id = 'demo' AND c.type = 'village' GROUP BY c.id, c.service_floor_area_square_meters`,
      );
      // The accessibility engine's own per-community coverage (baseline communities), at the standards tiers.
      const coverage = await get('/api/regions/demo/coverage');
      for (const row of figures) {
        const entry = report.villages.find((village: any) => village.communityId === row.id);
        expect(entry.residents).toBe(row.residents);
        // national: an urban community needs 600 m² of service floor.
        const minimum = entry.gaps.floorArea.find((gap: any) => gap.ruleId === 'area.national.min');
        expect(minimum.status, row.id).toBe(row.floor >= 600 ? 'pass' : 'fail');
        if (row.floor < 600) expect(minimum.shortfall.amount).toBe(600 - row.floor);
        const per100 = entry.gaps.floorArea.find((gap: any) => gap.ruleId === 'area.per100hh');
        expect(per100.figure).toBeCloseTo((row.floor / row.households) * 100, 9);
        // Size against the urban band (4 500–12 000 residents).
        const size = entry.gaps.size.find((gap: any) => gap.measure === 'residents');
        expect(size.band).toEqual({ min: 4500, max: 12000 });
        expect(size.outsideBand).toBe(Math.min(0, row.residents - 4500));

        const engine = coverage.communities.find((community: any) => community.id === row.id);
        for (const tier of entry.gaps.facilities) {
          for (const category of tier.categories) {
            const measured = engine.categories.find(
              (candidate: any) => candidate.category === category.category,
            );
            expect(measured.tierMinutes, category.category).toBe(tier.tierMinutes);
            expect(category.coveredShare, `${row.id} ${category.category}`).toBeCloseTo(
              measured.coveredShare,
              9,
            );
            const lacking = tier.lacking.includes(category.category);
            if (category.threshold !== null) expect(lacking).toBe(measured.coveredShare < category.threshold);
            else expect(lacking).toBe(measured.coveredShare === 0);
          }
        }
      }
      expect(
        report.villages.find((village: any) => village.communityId === 'c-shimen').gaps.summary.length,
      ).toBeGreaterThan(0);
    });

    it('judges staff under the active profile and sizes against the fringe band when asked', async () => {
      const linjiang = await get(
        '/api/regions/demo/scenarios/baseline/village-candidates?profile=linjiang&as=fringe',
      );
      expect(linjiang.as).toBe('fringe');
      const [taoyuan] = await sql<{ staff: number; residents: number; socialWorkers: number }>(
        `SELECT c.staff, c.social_workers AS "socialWorkers", sum(u.residents)::int AS residents
         FROM communities c JOIN population_units u ON u.region_id = c.region_id AND u.community_id = c.id
         WHERE c.region_id = 'demo' AND c.id = 'c-taoyuan' GROUP BY c.staff, c.social_workers`,
      );
      const entry = linjiang.villages.find((village: any) => village.communityId === 'c-taoyuan');
      const per10k = entry.gaps.staff.find((gap: any) => gap.ruleId === 'staff.per10k');
      expect(per10k.figure).toBeCloseTo((taoyuan.staff / taoyuan.residents) * 10_000, 9);
      expect(per10k.status).toBe(per10k.figure >= 18 ? 'pass' : 'fail');
      // staff.socialworkers applies to urban communities only: not asked of a fringe one.
      expect(entry.gaps.staff.some((gap: any) => gap.ruleId === 'staff.socialworkers')).toBe(false);
      expect(entry.gaps.size[0]).toMatchObject({
        band: { min: 3000, max: 6000 },
        outsideBand: Math.min(0, taoyuan.residents - 3000),
      });
      const asUrban = await get('/api/regions/demo/scenarios/baseline/village-candidates?profile=linjiang');
      const social = asUrban.villages
        .find((village: any) => village.communityId === 'c-taoyuan')
        .gaps.staff.find((gap: any) => gap.ruleId === 'staff.socialworkers');
      expect(social).toMatchObject({
        status: taoyuan.socialWorkers >= 3 ? 'pass' : 'fail',
        figure: taoyuan.socialWorkers,
      });
    });

    it('answers for scenarios too, and refuses bad requests', async () => {
      const { id } = await createScenario('村改社区');
      const report = await get(`/api/scenarios/${id}/village-candidates`);
      expect(report.scenario).toEqual({ id, regionId: 'demo', version: 1 });
      expect(report.profile).toBe('leshan');
      expect([...report.candidateIds].sort()).toEqual(CONVERTIBLE);
      expect((await call('GET', `/api/scenarios/${id}/village-candidates?profile=paris`)).status).toBe(400);
      expect((await call('GET', `/api/scenarios/${id}/village-candidates?as=village`)).status).toBe(400);
      expect((await call('GET', '/api/scenarios/baseline/village-candidates')).status).toBe(400);
      expect((await call('GET', '/api/scenarios/no-such-scenario/village-candidates')).status).toBe(404);
      expect((await call('GET', '/api/regions/nowhere/scenarios/baseline/village-candidates')).status).toBe(
        404,
      );
    });
  });

  describe('convert-village edit', () => {
    it('converts a village in one action, keeping its units, and records it', async () => {
      const { id } = await createScenario('村改居');
      const before = await communities(id);
      const saved = await call('PATCH', `/api/scenarios/${id}`, {
        version: 1,
        edits: [
          { op: 'convert-village', communityId: 'c-taoyuan' },
          { op: 'convert-village', communityId: 'c-shimen', to: 'fringe' },
        ],
      });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body).toMatchObject({
        version: 2,
        edits: [
          { op: 'convert-village', moved: 0 },
          { op: 'convert-village', moved: 0 },
        ],
      });
      const after = await communities(id);
      expect(after.get('c-taoyuan')!.type).toBe('urban');
      expect(after.get('c-shimen')!.type).toBe('fringe');
      for (const communityId of ['c-taoyuan', 'c-shimen']) {
        expect(after.get(communityId)!.unitCount).toBe(before.get(communityId)!.unitCount);
        expect(after.get(communityId)!.residents).toBe(before.get(communityId)!.residents);
      }
      // Now judged as an urban community (Leshan's size rule applies to urban types only).
      expect(
        before.get('c-taoyuan')!.rules.find((rule: any) => rule.ruleId === 'size.residents').status,
      ).toBe('not-applicable');
      expect(after.get('c-taoyuan')!.rules.find((rule: any) => rule.ruleId === 'size.residents').status).toBe(
        'fail',
      );
      const [stored] = await sql<{ type: string }>(
        `SELECT type FROM scenario_communities WHERE scenario_id = $1 AND id = 'c-taoyuan'`,
        [id],
      );
      expect(stored.type).toBe('urban');
      const read = await get(`/api/scenarios/${id}`);
      expect(read.edits).toEqual([
        expect.objectContaining({
          version: 2,
          edits: [
            { op: 'convert-village', communityId: 'c-taoyuan' },
            { op: 'convert-village', communityId: 'c-shimen', to: 'fringe' },
          ],
        }),
      ]);
      const report = await get(`/api/scenarios/${id}/village-candidates`);
      expect(report.candidateIds).toEqual([]);
      expect(report.villages.map((village: any) => village.communityId).sort()).toEqual(NOT_CONVERTIBLE);
      // The baseline is untouched.
      expect(
        [...(await get('/api/regions/demo/scenarios/baseline/village-candidates')).candidateIds].sort(),
      ).toEqual(CONVERTIBLE);
    });

    it('refuses a community that is not a village with 400 naming the edit, applying nothing', async () => {
      const { id } = await createScenario('村改居 refused');
      const refused = await call('PATCH', `/api/scenarios/${id}`, {
        version: 1,
        edits: [
          { op: 'convert-village', communityId: 'c-taoyuan' },
          { op: 'convert-village', communityId: UNDERSIZED },
        ],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(
        /^edits\[1\] \(convert-village\): community "c-anju" is of type "relocation", not a village/,
      );
      expect((await get(`/api/scenarios/${id}`)).version).toBe(1);
      expect((await communities(id)).get('c-taoyuan')!.type).toBe('village');
      const bad = await call('PATCH', `/api/scenarios/${id}`, {
        version: 1,
        edits: [{ op: 'convert-village', communityId: 'c-taoyuan', to: 'relocation' }],
      });
      expect(bad.status).toBe(400);
      const unknown = await call('PATCH', `/api/scenarios/${id}`, {
        version: 1,
        edits: [{ op: 'convert-village', communityId: 'c-nowhere' }],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toMatch(/c-nowhere/);
      expect((await get(`/api/scenarios/${id}`)).version).toBe(1);
    });
  });

  describe('relocation communities', () => {
    /** Residents-weighted mean walk from `communityId`'s units to `stationId`, from /travel-times. */
    const meanWalkViaTravelTimes = async (communityId: string, stationId: string) => {
      const [station] = await sql<{ lon: number; lat: number }>(
        `SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM facilities WHERE region_id = 'demo' AND id = $1`,
        [stationId],
      );
      const response = await call('POST', '/api/regions/demo/travel-times', {
        from: { lonLat: [station.lon, station.lat] },
        maxSeconds: 3600,
        speedMetersPerSecond: 1,
      });
      expect(response.status).toBe(200);
      // Demo units step onto the network at a node (their access point is one).
      const units = await sql<{ id: string; residents: number; node: string | null }>(
        `SELECT u.id, u.residents, (SELECT n.id::text FROM network_nodes n
                 WHERE n.region_id = u.region_id AND n.geom && u.access_point AND ST_Equals(n.geom, u.access_point) LIMIT 1) AS node
         FROM population_units u WHERE u.region_id = 'demo' AND u.community_id = $1`,
        [communityId],
      );
      let weighted = 0;
      let residents = 0;
      for (const unit of units) {
        expect(unit.node, `unit ${unit.id}'s access point is a network node`).not.toBeNull();
        if (unit.residents === 0) continue;
        const seconds = response.body.seconds[unit.node!];
        expect(seconds, `unit ${unit.id} reached`).toBeTypeOf('number');
        weighted += unit.residents * seconds;
        residents += unit.residents;
      }
      return weighted / residents;
    };

    it('advises 安居 (under 800) to merge into the adjacent community that adds the least walking time', async () => {
      const report = await get('/api/regions/demo/scenarios/baseline/relocation-advice?profile=leshan');
      expect(report.band).toEqual({ min: 800, max: 2000 });
      const relocation = await sql<{ id: string; residents: number }>(
        `SELECT c.id, sum(u.residents)::int AS residents FROM communities c
         JOIN population_units u ON u.region_id = c.region_id AND u.community_id = c.id
         WHERE c.region_id = 'demo' AND c.type = 'relocation' GROUP BY c.id ORDER BY c.id`,
      );
      expect(relocation).toEqual([
        { id: UNDERSIZED, residents: 610 },
        { id: OVERSIZED, residents: 2640 },
      ]);
      expect(
        report.communities.map((entry: any) => [entry.communityId, entry.residents, entry.status]),
      ).toEqual([
        [UNDERSIZED, 610, 'merge'],
        [OVERSIZED, 2640, 'split'],
      ]);
      const merge = report.communities[0].merge;
      expect(merge.measure.en).toMatch(/residents-weighted mean walking time/);

      // Adjacent communities by their geometry in PostGIS: they touch along a line, not just at a point.
      const adjacent = await sql<{ id: string; streetId: string }>(
        `SELECT b.id, b.street_id AS "streetId" FROM communities a JOIN communities b
           ON b.region_id = a.region_id AND b.id <> a.id AND ST_Intersects(a.geom, b.geom)
         WHERE a.region_id = 'demo' AND a.id = $1 AND ST_Touches(a.geom, b.geom)
           AND ST_Length(ST_Transform(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)), 4546)) > 0
         ORDER BY b.id`,
        [UNDERSIZED],
      );
      expect(adjacent.length).toBeGreaterThan(1);
      expect(merge.candidates.map((candidate: any) => candidate.communityId).sort()).toEqual(
        adjacent.map((row) => row.id),
      );

      // Each candidate's mean walk to its own service station, recomputed through /travel-times.
      const stations = await sql<{ id: string; communityId: string }>(
        `SELECT id, community_id AS "communityId" FROM facilities WHERE region_id = 'demo' AND category = 'service_station'`,
      );
      const stationOf = (communityId: string) => {
        const own = stations.filter((station) => station.communityId === communityId);
        expect(own, `${communityId} has one service station`).toHaveLength(1);
        return own[0].id;
      };
      const own = await meanWalkViaTravelTimes(UNDERSIZED, stationOf(UNDERSIZED));
      expect(merge.ownMeanWalkSeconds).toBeCloseTo(own, 3);
      const walks = new Map<string, number>();
      for (const candidate of merge.candidates) {
        const station = stationOf(candidate.communityId);
        expect(candidate.stationIds).toEqual([station]);
        const mean = await meanWalkViaTravelTimes(UNDERSIZED, station);
        walks.set(candidate.communityId, mean);
        expect(candidate.meanWalkSeconds, candidate.communityId).toBeCloseTo(mean, 3);
        expect(candidate.addedWalkSeconds).toBeCloseTo(mean - own, 3);
        expect(candidate.sameStreet).toBe(
          adjacent.find((row) => row.id === candidate.communityId)!.streetId === 's-chengnan',
        );
      }
      // The recommendation: least added walk among the adjacent communities it can merge with (its street).
      const mergeable = adjacent.filter((row) => row.streetId === 's-chengnan').map((row) => row.id);
      expect(mergeable.length).toBeGreaterThan(0);
      const least = mergeable.reduce((best, id) => (walks.get(id)! < walks.get(best)! ? id : best));
      expect(merge.recommended).toBe(least);
      expect(merge.edit).toEqual({ op: 'merge', communityIds: [least, UNDERSIZED], into: least });
      const [name] = await sql<{ name: string }>(
        `SELECT name FROM communities WHERE region_id = 'demo' AND id = $1`,
        [least],
      );
      expect(merge.message.zh).toContain(name.name);

      // The advised merge applies as is.
      const { id } = await createScenario('安居合并');
      const saved = await call('PATCH', `/api/scenarios/${id}`, { version: 1, edits: [merge.edit] });
      expect(saved.status, saved.text).toBe(200);
      const merged = await communities(id);
      expect(merged.has(UNDERSIZED)).toBe(false);
      const [total] = await sql<{ residents: number }>(
        `SELECT sum(residents)::int AS residents FROM population_units WHERE region_id = 'demo' AND community_id = ANY($1::text[])`,
        [[least, UNDERSIZED]],
      );
      expect(merged.get(least)!.residents).toBe(total.residents);
      expect(
        (await get(`/api/scenarios/${id}/relocation-advice`)).communities.some(
          (entry: any) => entry.communityId === UNDERSIZED,
        ),
      ).toBe(false);
    });

    it('proposes a split of 移民新村 (over 2 000) into contiguous parts within the band', async () => {
      const report = await get('/api/regions/demo/scenarios/baseline/relocation-advice');
      const split = report.communities.find((entry: any) => entry.communityId === OVERSIZED).split;
      expect(split.ok).toBe(true);
      expect(split.parts.length).toBeGreaterThanOrEqual(2);
      const units = await sql<{ id: string }>(
        `SELECT id FROM population_units WHERE region_id = 'demo' AND community_id = $1 ORDER BY id`,
        [OVERSIZED],
      );
      const proposed = split.parts.flatMap((part: any) => part.unitIds);
      expect(proposed.length).toBe(new Set(proposed).size);
      expect([...proposed].sort()).toEqual(units.map((unit) => unit.id));
      for (const part of split.parts) {
        // Residents from the units themselves; contiguity from PostGIS: the union of a part is one polygon.
        const [measured] = await sql<{ residents: number; households: number; pieces: number }>(
          `SELECT sum(residents)::int AS residents, sum(households)::int AS households,
                  ST_NumGeometries(ST_Multi(ST_Union(geom)))::int AS pieces
           FROM population_units WHERE region_id = 'demo' AND id = ANY($1::text[])`,
          [part.unitIds],
        );
        expect(measured.residents).toBe(part.residents);
        expect(measured.households).toBe(part.households);
        expect(measured.residents).toBeGreaterThanOrEqual(800);
        expect(measured.residents).toBeLessThanOrEqual(2000);
        expect(measured.pieces).toBe(1);
      }
      // The part holding the community's service station keeps it.
      const [stationUnit] = await sql<{ id: string }>(
        `SELECT u.id FROM facilities f JOIN population_units u ON u.region_id = f.region_id AND ST_Intersects(u.geom, f.geom)
         WHERE f.region_id = 'demo' AND f.category = 'service_station' AND f.community_id = $1`,
        [OVERSIZED],
      );
      expect(split.parts[0].unitIds).toContain(stationUnit.id);

      // The proposed create edits apply and leave every piece within the band, in one part.
      const { id } = await createScenario('移民新村拆分');
      expect(split.edits).toHaveLength(split.parts.length - 1);
      const saved = await call('PATCH', `/api/scenarios/${id}`, { version: 1, edits: split.edits });
      expect(saved.status, saved.text).toBe(200);
      const after = await communities(id);
      const pieces = [...after].filter(
        ([communityId, properties]) => properties.type === 'relocation' && communityId !== UNDERSIZED,
      );
      expect(pieces.map(([, properties]) => properties.residents).sort()).toEqual(
        split.parts.map((part: any) => part.residents).sort(),
      );
      expect(pieces.map(([communityId]) => communityId)).toContain(OVERSIZED);
      for (const [, properties] of pieces) {
        expect(properties.parts).toBe(1);
        expect(properties.rules.find((rule: any) => rule.ruleId === 'size.relocation').status).toBe('pass');
      }
      const advice = await get(`/api/scenarios/${id}/relocation-advice`);
      expect(advice.communities.filter((entry: any) => entry.status === 'within-band')).toHaveLength(
        split.parts.length,
      );
    });

    it('refuses the baseline under /api/scenarios and unknown scenarios', async () => {
      expect((await call('GET', '/api/scenarios/baseline/relocation-advice')).status).toBe(400);
      expect((await call('GET', '/api/scenarios/no-such-scenario/relocation-advice')).status).toBe(404);
      expect(
        (await call('GET', '/api/regions/demo/scenarios/baseline/relocation-advice?profile=x')).status,
      ).toBe(400);
    });
  });
});
