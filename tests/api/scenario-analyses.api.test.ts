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
});
