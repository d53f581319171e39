import { getIssues } from '@placemarkio/check-geojson';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { refusalBody } from '../support/refusals.js';
import { useDemoApp } from '../support/scenario-test-setup.js';
import { testBackends } from '../support/test-databases.js';

interface AreaFeature {
  id: string;
  geometry: { type: 'MultiPolygon'; coordinates: unknown } | null;
  properties: Record<string, any>;
}

describe.each(testBackends())('service areas, siting and compare exports on $name PostGIS', (backend) => {
  const demo = useDemoApp(backend);
  const { call, sql, createScenario } = demo;
  const patch = (id: string, version: number, edits: unknown[]) =>
    call('PATCH', `/api/scenarios/${id}`, { version, edits });
  const serviceAreas = async (path: string, query: string) => {
    const response = await call('GET', `${path}/service-areas?${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body as { features: AreaFeature[] } & Record<string, any>;
  };
  const download = async (url: string) => {
    const response = await demo.app().request(url);
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  it('serves every unit from its nearest kindergarten, with demand against capacity', async () => {
    const areas = await serviceAreas('/api/regions/demo', 'category=kindergarten');
    const [{ n: kindergartens }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM facilities WHERE region_id = 'demo' AND category = 'kindergarten'`,
    );
    expect(areas.features).toHaveLength(kindergartens);
    expect(areas).toMatchObject({
      scenario: { id: 'baseline', regionId: 'demo', version: 1 },
      category: 'kindergarten',
      tierMinutes: 5,
      demandGroup: 'children',
      demandRule: { en: expect.stringMatching(/children aged 3–6/), zh: expect.stringMatching(/3–6 岁/) },
    });
    // Every unit in exactly one area, or unserved.
    const assigned = areas.features.flatMap((feature) => feature.properties.unitIds as string[]);
    const all = [...assigned, ...(areas.unserved.unitIds as string[])];
    const [{ n: units, residents }] = await sql<{ n: number; residents: number }>(
      `SELECT count(*)::int AS n, sum(residents)::int AS residents FROM population_units WHERE region_id = 'demo'`,
    );
    expect(new Set(all).size).toBe(units);
    expect(all).toHaveLength(units);
    expect(areas.totals.residents).toBe(residents);
    // One facility's figures from its units: children 3–6 are a fifth of the 0–14 children.
    const busiest = [...areas.features].sort((a, b) => b.properties.demand - a.properties.demand)[0];
    const [figures] = await sql<{ residents: number; children: number }>(
      `SELECT sum(residents)::int AS residents, sum(children)::int AS children
       FROM population_units WHERE region_id = 'demo' AND id = ANY($1::text[])`,
      [busiest.properties.unitIds],
    );
    expect(busiest.properties.residents).toBe(figures.residents);
    expect(busiest.properties.demand).toBeCloseTo(figures.children / 5, 1);
    const [{ capacity }] = await sql<{ capacity: number }>(
      `SELECT capacity FROM facilities WHERE region_id = 'demo' AND id = $1`,
      [busiest.id],
    );
    expect(busiest.properties.capacity).toBe(capacity);
    expect(busiest.properties.load).toBeCloseTo(busiest.properties.demand / capacity, 3);
    expect(busiest.properties.overCapacity).toBe(busiest.properties.load > 1);
    // Units beyond the tier are flagged, among the area's own.
    for (const feature of areas.features) {
      expect(feature.properties.unitIds).toEqual(
        expect.arrayContaining(feature.properties.beyondTierUnitIds),
      );
      expect(feature.properties.beyondTierUnitCount).toBe(feature.properties.beyondTierUnitIds.length);
      if (feature.properties.unitCount > 0) expect(feature.geometry?.type).toBe('MultiPolygon');
    }
    expect(getIssues(JSON.stringify({ type: 'FeatureCollection', features: areas.features }))).toEqual([]);
    // A shorter tier flags more units.
    const strict = await serviceAreas('/api/regions/demo', 'category=kindergarten&minutes=2');
    const flagged = (body: any) =>
      body.features.reduce(
        (sum: number, feature: AreaFeature) => sum + feature.properties.beyondTierUnitCount,
        0,
      );
    expect(flagged(strict)).toBeGreaterThan(flagged(areas));
    // Day care serves the elderly.
    expect((await serviceAreas('/api/regions/demo', 'category=elderly_day_care')).demandGroup).toBe(
      'elderly',
    );
  });

  it('follows a scenario’s facilities; the baseline’s areas do not change; exports every format', async () => {
    const before = await serviceAreas('/api/regions/demo', 'category=kindergarten');
    const first = before.features.find((feature) => feature.id === 'f-kindergarten-001')!;
    const { id } = await createScenario('幼儿园服务范围');
    // A second kindergarten 150 m east of the first takes some of its units.
    const position = [first.properties.position[0] + 0.0015, first.properties.position[1]];
    expect(
      (
        await patch(id, 1, [
          {
            op: 'add-facility',
            facility: { id: 'f-kg-east', name: '新幼儿园', category: 'kindergarten', position, capacity: 90 },
          },
        ])
      ).status,
    ).toBe(200);
    const scenario = await serviceAreas(`/api/scenarios/${id}`, 'category=kindergarten');
    expect(scenario.scenario).toEqual({ id, regionId: 'demo', version: 2 });
    const added = scenario.features.find((feature) => feature.id === 'f-kg-east')!;
    expect(added.properties).toMatchObject({ capacity: 90, name: '新幼儿园' });
    expect(added.properties.unitCount).toBeGreaterThan(0);
    const firstNow = scenario.features.find((feature) => feature.id === 'f-kindergarten-001')!;
    expect(firstNow.properties.unitCount).toBeLessThan(first.properties.unitCount);
    expect(await serviceAreas('/api/regions/demo', 'category=kindergarten')).toEqual(before);

    const csv = await download(`/api/scenarios/${id}/service-areas/export?category=kindergarten&format=csv`);
    expect(csv.response.status).toBe(200);
    expect(csv.response.headers.get('content-disposition')).toMatch(/service-areas-kindergarten\.csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const header = text.slice(1).split('\r\n')[0].split(',');
    expect(header).toEqual(
      expect.arrayContaining([
        'facilityId',
        'capacity',
        'demand',
        'load',
        'beyondTierUnitCount',
        'lon',
        'lat',
      ]),
    );
    expect(text.trim().split('\r\n')).toHaveLength(scenario.features.length + 1);
    const geojson = await download(
      '/api/regions/demo/service-areas/export?category=kindergarten&format=geojson',
    );
    expect(geojson.response.status).toBe(200);
    const collection = JSON.parse(new TextDecoder().decode(geojson.bytes));
    expect(collection.features).toHaveLength(before.features.length);
    expect(collection.features[0].properties.unitIds).toBeUndefined();
    const shapefile = await download(
      `/api/scenarios/${id}/service-areas/export?category=kindergarten&format=shapefile`,
    );
    expect(shapefile.response.headers.get('content-type')).toBe('application/zip');
    expect(
      Object.keys(unzipSync(shapefile.bytes))
        .map((name) => name.split('.').pop())
        .sort(),
    ).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx']);

    expect((await call('GET', '/api/regions/demo/service-areas')).body).toEqual(
      refusalBody(/^category: /, 'request.invalid'),
    );
    expect((await call('GET', '/api/regions/demo/service-areas?category=casino')).body).toEqual(
      refusalBody(/^category: unknown category "casino"/, 'request.invalid'),
    );
    expect((await call('GET', '/api/scenarios/baseline/service-areas?category=park')).status).toBe(400);
    expect((await call('GET', '/api/regions/nowhere/service-areas?category=park')).status).toBe(404);
  });

  it('sites new kindergartens where they cover the most children, with a bound and edits to save', async () => {
    const siting = async (path: string, body: Record<string, unknown>) => {
      const response = await call('POST', `${path}/siting`, body);
      expect(response.status, response.text).toBe(200);
      return response.body;
    };
    const plain = await siting('/api/regions/demo', {
      category: 'kindergarten',
      count: 3,
      candidates: 'network',
    });
    expect(plain).toMatchObject({
      scenario: { id: 'baseline', regionId: 'demo' },
      tierMinutes: 5,
      demandGroup: 'children',
      keepExisting: true,
      capacity: null,
      candidates: { kind: 'network', leftOut: [] },
    });
    expect(plain.sites).toHaveLength(3);
    const [{ children }] = await sql<{ children: number }>(
      `SELECT sum(children)::float8 AS children FROM population_units WHERE region_id = 'demo'`,
    );
    expect(plain.demand.total).toBeCloseTo(children / 5, 0);
    const gains = plain.sites.map((site: { gain: number }) => site.gain);
    for (let k = 1; k < gains.length; k += 1) expect(gains[k]).toBeLessThanOrEqual(gains[k - 1]);
    expect(plain.sites[0].coveredBefore).toBe(plain.demand.coveredBefore);
    expect(plain.sites[2].coveredAfter).toBeCloseTo(plain.demand.coveredAfter, 1);
    expect(plain.demand.coveredAfter - plain.demand.coveredBefore).toBeCloseTo(
      gains.reduce((a: number, b: number) => a + b, 0),
      1,
    );
    expect(plain.demand.upperBound).toBeGreaterThanOrEqual(plain.demand.coveredAfter);
    expect(plain.demand.uncovered).toBeCloseTo(plain.demand.total - plain.demand.coveredAfter, 1);
    expect(plain.edits).toEqual(
      plain.sites.map((site: { position: number[] }) => ({
        op: 'add-facility',
        facility: expect.objectContaining({ category: 'kindergarten', position: site.position }),
      })),
    );

    // Saved as they are, the sites cover what the answer said: siting again starts from there.
    const { id } = await createScenario('选址');
    expect((await patch(id, 1, plain.edits)).status).toBe(200);
    const next = await siting(`/api/scenarios/${id}`, { category: 'kindergarten', count: 1 });
    expect(next.scenario).toMatchObject({ id, version: 2 });
    expect(next.existingFacilities).toBe(plain.existingFacilities + 3);
    expect(next.demand.coveredBefore).toBeCloseTo(plain.demand.coveredAfter, 0);

    const capacitated = await siting(`/api/scenarios/${id}`, {
      category: 'kindergarten',
      count: 2,
      capacity: 40,
      candidates: 'grid',
      cellMeters: 150,
    });
    expect(capacitated.candidates.kind).toBe('grid');
    for (const site of capacitated.sites) expect(site.served).toBeLessThanOrEqual(40.01);
    expect(capacitated.edits[0].facility.capacity).toBe(40);
    const fresh = await siting('/api/regions/demo', {
      category: 'elderly_day_care',
      count: 2,
      keepExisting: false,
    });
    expect(fresh).toMatchObject({
      demandGroup: 'elderly',
      existingFacilities: 0,
      demand: { coveredBefore: 0 },
    });

    // Given points: one far from any path is left out; one outside the region is refused.
    const points = await siting('/api/regions/demo', {
      category: 'park',
      count: 1,
      candidates: [plain.sites[0].position, [109.7094, 28.2975]],
    });
    expect(points.candidates).toEqual({ kind: 'points', considered: 1, leftOut: [1] });
    expect(points.sites[0].candidate).toEqual({ kind: 'point', index: 0 });
    const outside = await call('POST', '/api/regions/demo/siting', {
      category: 'park',
      count: 1,
      candidates: [plain.sites[0].position, [111, 28.28]],
    });
    expect(outside.body).toEqual(refusalBody(/^candidates\[1\]: \[111, 28\.28\] lies outside region "demo"/));
    const tierless = await call('POST', '/api/regions/demo/siting', { category: 'parking', count: 1 });
    expect(tierless.body).toEqual(refusalBody(/^minutes: category "parking" has no tier/, 'siting.no-tier'));
    const far = await call('POST', '/api/regions/demo/siting', {
      category: 'park',
      count: 1,
      candidates: [[109.7094, 28.2975]],
    });
    expect(far.body).toEqual(
      refusalBody(/^candidates: no candidate site lies within 80 m/, 'siting.no-candidates'),
    );
    expect((await call('POST', '/api/regions/demo/siting', { category: 'park', count: 0 })).status).toBe(400);
  });

  it('compares and exports the difference: communities, moved units, facilities and paths', async () => {
    const { id } = await createScenario('对比导出');
    const [move] = await sql<{ unitId: string; from: string; to: string }>(
      `SELECT ua.id AS "unitId", ua.community_id AS "from", ub.community_id AS "to"
       FROM unit_adjacency j
       JOIN population_units ua ON ua.region_id = j.region_id AND ua.id = j.unit_a
       JOIN population_units ub ON ub.region_id = j.region_id AND ub.id = j.unit_b
       JOIN communities ca ON ca.region_id = ua.region_id AND ca.id = ua.community_id
       JOIN communities cb ON cb.region_id = ub.region_id AND cb.id = ub.community_id
       WHERE j.region_id = 'demo' AND ca.street_id = cb.street_id AND ca.id <> cb.id AND ua.residents > 0
       ORDER BY ua.id LIMIT 1`,
    );
    const saved = await patch(id, 1, [
      { op: 'assign', unitIds: [move.unitId], communityId: move.to },
      {
        op: 'add-facility',
        facility: {
          id: 'f-cmp',
          name: '对比幼儿园',
          category: 'kindergarten',
          position: [109.7205, 28.2845],
        },
      },
      { op: 'move-facility', facilityId: 'f-kindergarten-002', position: [109.7312, 28.2812] },
      { op: 'remove-facility', facilityId: 'f-kindergarten-004' },
      {
        op: 'add-path',
        id: 'p-cmp',
        name: '对比人行桥',
        line: {
          type: 'LineString',
          coordinates: [
            [109.745953, 28.281351],
            [109.746072, 28.279996],
          ],
        },
      },
      { op: 'close-path', edgeIds: [3270] },
    ]);
    expect(saved.status, saved.text).toBe(200);

    const compared = await call('GET', `/api/scenarios/${id}/compare?with=baseline`);
    expect(compared.status, compared.text).toBe(200);
    expect(compared.body.movedUnits).toEqual([{ id: move.unitId, from: move.from, to: move.to }]);
    expect(compared.body.facilityChanges).toEqual([
      expect.objectContaining({ id: 'f-cmp', change: 'added', withPosition: null }),
      expect.objectContaining({ id: 'f-kindergarten-002', change: 'moved', position: [109.7312, 28.2812] }),
      expect.objectContaining({ id: 'f-kindergarten-004', change: 'removed', position: null }),
    ]);
    expect(compared.body.pathChanges).toEqual([
      { id: 'p-cmp', change: 'added', name: '对比人行桥' },
      { id: 3270, change: 'closed', name: null },
    ]);

    const [{ n: communityCount }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM communities WHERE region_id = 'demo'`,
    );
    const geojson = await download(`/api/scenarios/${id}/compare/export?with=baseline&format=geojson`);
    expect(geojson.response.status).toBe(200);
    expect(geojson.response.headers.get('content-disposition')).toMatch(/-vs-baseline\.geojson/);
    const text = new TextDecoder().decode(geojson.bytes);
    expect(getIssues(text)).toEqual([]);
    const features = JSON.parse(text).features as { properties: Record<string, any>; geometry: any }[];
    const ofKind = (kind: string) => features.filter((feature) => feature.properties.kind === kind);
    expect(ofKind('community')).toHaveLength(communityCount);
    expect(ofKind('unit')).toEqual([
      expect.objectContaining({
        geometry: expect.objectContaining({ type: 'MultiPolygon' }),
        properties: expect.objectContaining({ id: move.unitId, from: move.from, to: move.to }),
      }),
    ]);
    expect(ofKind('facility').map((feature) => feature.properties.change)).toEqual([
      'added',
      'moved',
      'removed',
    ]);
    expect(ofKind('path').map((feature) => [feature.properties.id, feature.geometry.type])).toEqual([
      ['p-cmp', 'LineString'],
      ['3270', 'LineString'],
    ]);
    const changed = ofKind('community').find((feature) => feature.properties.id === move.to)!;
    expect(changed.properties).toMatchObject({ status: 'changed' });
    expect(changed.properties.residentsAfter - changed.properties.residentsBefore).toBe(
      changed.properties.residentsDelta,
    );
    expect(changed.properties.residentsDelta).toBeGreaterThan(0);

    const csv = await download(`/api/scenarios/${id}/compare/export?format=csv`);
    const rows = new TextDecoder().decode(csv.bytes).trim().split('\r\n');
    expect(rows[0].split(',')).toEqual(
      expect.arrayContaining(['kind', 'id', 'residentsBefore', 'from', 'to', 'change']),
    );
    expect(rows).toHaveLength(features.length + 1);
    const shapefile = await download(`/api/scenarios/${id}/compare/export?format=shapefile`);
    expect(shapefile.response.headers.get('content-type')).toBe('application/zip');
    const names = Object.keys(unzipSync(shapefile.bytes));
    for (const layer of ['communities', 'units', 'facilities', 'paths'])
      expect(
        names.filter((name) => name.endsWith(`-${layer}.shp`) || name.endsWith(`-${layer}.dbf`)),
      ).toHaveLength(2);

    // Against another scenario: only what differs from it.
    const copy = await createScenario('对比导出（副本）', id);
    expect(
      (await patch(copy.id, 1, [{ op: 'update-facility', facilityId: 'f-cmp', changes: { capacity: 45 } }]))
        .status,
    ).toBe(200);
    const against = await call('GET', `/api/scenarios/${copy.id}/compare?with=${id}`);
    expect(against.body.facilityChanges).toEqual([
      expect.objectContaining({ id: 'f-cmp', change: 'changed' }),
    ]);
    expect(against.body.pathChanges).toEqual([]);
    expect(against.body.movedUnits).toEqual([]);
    const missing = await call('GET', `/api/scenarios/${id}/compare/export?with=nope&format=csv`);
    expect(missing.body).toEqual(refusalBody('with: no scenario "nope"', 'scenario.compare-missing'));
  });
});
