/**
 * End to end: siting (选址), service areas and the difference export in headless Chromium against
 * the real server (embedded PostGIS, demo region). A scenario is created on the 方案 tab and a
 * colleague saves a unit move into it through the API; siting for kindergartens (residents' demand)
 * runs on the 选址 tab with the answer the API gives, the first 采用 meets the colleague's save (409),
 * the reloaded scenario adopts the sites: the scenario's facilities then include them and its
 * coverage rose by exactly the reported gain. The service-areas layer flags the same facilities
 * overloaded as the API, and the difference exported from the comparison (GeoJSON in the browser,
 * Shapefile read by GDAL's ogr2ogr) holds the moved unit and the added facilities the compare API
 * lists.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getIssues } from '@placemarkio/check-geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position.js';
import { requireOgr2ogr } from '../support/gdal.js';
import {
  fetchApi,
  getJson,
  postJson,
  screenshotPath,
  useE2eSession,
  type Collection,
  type Polygonal,
} from '../support/e2e-harness.js';

const run = promisify(execFile);

interface SitingAnswer {
  scenario: { id: string; version: number };
  sites: { rank: number; position: Position; gain: number }[];
  demand: { coveredBefore: number; coveredAfter: number };
  edits: { op: string; facility: { name: string; category: string; position: Position } }[];
}
interface CoverageAnswer {
  region: { categories: { category: string; coveredResidents: number; facilityCount: number }[] };
}
interface ServiceAreaProps {
  facilityId: string;
  load: number | null;
  overCapacity: boolean | null;
}
interface FacilityProps {
  id: string;
  name: string;
  category: string;
}
interface ComparisonAnswer {
  movedUnits: { id: string; from: string; to: string }[];
  facilityChanges: { id: string; change: string; category: string; position: Position | null }[];
}
interface ExportedChange {
  kind: string;
  id: string;
  from?: string;
  to?: string;
  change?: string;
  category?: string;
}

/** The siting asked on the 选址 tab: kindergartens, two sites, residents' demand, network nodes. */
const SITING_REQUEST = {
  category: 'kindergarten',
  count: 2,
  minutes: 5,
  demand: 'residents',
  candidates: 'network',
  keepExisting: true,
} as const;

async function kindergartenCoverage(baseUrl: string, scenarioId: string) {
  const coverage = await getJson<CoverageAnswer>(baseUrl, `/api/scenarios/${scenarioId}/coverage`);
  return coverage.region.categories.find((entry) => entry.category === 'kindergarten')!;
}

/** The layers panel's service areas of a category: every row's load class against the API's answer. */
async function checkServiceAreas(
  page: Page,
  baseUrl: string,
  scenarioId: string,
  version: number,
  category: string,
) {
  await page.getByTestId('service-areas-category').selectOption(category);
  const section = page.getByTestId('service-areas');
  await expect.poll(() => section.getAttribute('data-scenario-id')).toBe(scenarioId);
  await expect.poll(() => section.getAttribute('data-version'), { timeout: 30_000 }).toBe(String(version));
  await expect.poll(() => section.getAttribute('data-category'), { timeout: 60_000 }).toBe(category);
  await page.getByTestId('service-areas-table').waitFor();
  const answer = await getJson<Collection<Polygonal | null, ServiceAreaProps>>(
    baseUrl,
    `/api/scenarios/${scenarioId}/service-areas?category=${category}`,
  );
  const rows = await page
    .getByTestId('service-area-row')
    .evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-facility-id')!, item.getAttribute('data-load-class')!]),
    );
  const shown = new Map(rows as [string, string][]);
  expect(shown.size).toBe(answer.features.length);
  for (const { properties } of answer.features) {
    const loadClass = shown.get(properties.facilityId);
    if (properties.overCapacity === null) expect(loadClass).toBe('unknown');
    else expect(loadClass === 'over', properties.facilityId).toBe(properties.overCapacity);
  }
  const overloaded = answer.features.filter((feature) => feature.properties.overCapacity === true).length;
  expect(await page.getByTestId('service-areas-summary').getAttribute('data-over')).toBe(String(overloaded));
  return { facilityIds: answer.features.map((feature) => feature.properties.facilityId), overloaded };
}

describe('siting, service areas and the difference export in a browser', () => {
  const { openApp } = useE2eSession();

  it('adopts sited kindergartens into a scenario, flags overloaded facilities and exports the difference', async () => {
    const { baseUrl, page } = await openApp();

    // A scenario created on the 方案 tab (version 1 open in the browser).
    await page.getByTestId('sidebar-tab-scenarios').click();
    await page.getByTestId('scenario-name-input').fill('选址试验');
    await page.getByTestId('scenario-create').click();
    const openScenario = page.getByTestId('open-scenario');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('1');
    const scenarioId = (await openScenario.getAttribute('data-scenario-id'))!;

    // A colleague saves first: one unit moved to a neighbouring community of its street (version 2).
    const units = await getJson<Collection<Polygonal, { id: string; communityId: string }>>(
      baseUrl,
      '/api/regions/demo/units',
    );
    const communities = await getJson<Collection<Polygonal, { id: string; streetId: string }>>(
      baseUrl,
      '/api/regions/demo/communities',
    );
    const adjacency = await getJson<{ unitIds: string[]; unitA: number[]; unitB: number[] }>(
      baseUrl,
      '/api/regions/demo/unit-adjacency',
    );
    const communityOf = new Map(
      units.features.map((unit) => [unit.properties.id, unit.properties.communityId]),
    );
    const streetOf = new Map(communities.features.map((c) => [c.properties.id, c.properties.streetId]));
    const pair = adjacency.unitA
      .map((a, index) => [adjacency.unitIds[a], adjacency.unitIds[adjacency.unitB[index]]])
      .find(([a, b]) => {
        const [from, to] = [communityOf.get(a)!, communityOf.get(b)!];
        return from !== to && streetOf.get(from) === streetOf.get(to);
      })!;
    const [movedUnitId, neighbourUnitId] = pair;
    const movedTo = communityOf.get(neighbourUnitId)!;
    const patched = await fetchApi(baseUrl, `/api/scenarios/${scenarioId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: 1,
        edits: [{ op: 'assign', unitIds: [movedUnitId], communityId: movedTo }],
      }),
    });
    expect(patched.status).toBe(200);

    const coverageBefore = await kindergartenCoverage(baseUrl, scenarioId);

    // Siting on the 选址 tab, on the open scenario.
    await page.getByTestId('sidebar-tab-siting').click();
    const target = page.getByTestId('siting-target');
    expect(await target.getAttribute('data-scenario-id')).toBe(scenarioId);
    await page.getByTestId('siting-category').selectOption('kindergarten');
    await page.getByTestId('siting-count').fill(String(SITING_REQUEST.count));
    await page.getByTestId('siting-minutes').locator('[data-value="5"]').click();
    await page.getByTestId('siting-demand').locator('[data-value="residents"]').click();
    await page.getByTestId('siting-candidates').locator('[data-value="network"]').click();
    await page.getByTestId('siting-run').click();
    const result = page.getByTestId('siting-result');
    await result.waitFor({ timeout: 120_000 });

    // The figures shown are the API's answer to the same request.
    const expected = await postJson<SitingAnswer>(
      baseUrl,
      `/api/scenarios/${scenarioId}/siting`,
      SITING_REQUEST,
    );
    expect(expected.sites).toHaveLength(SITING_REQUEST.count);
    expect(Number(await result.getAttribute('data-covered-before'))).toBe(expected.demand.coveredBefore);
    expect(Number(await result.getAttribute('data-covered-after'))).toBe(expected.demand.coveredAfter);
    const shownGains = await page
      .getByTestId('siting-site')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-gain'))));
    expect(shownGains).toEqual(expected.sites.map((site) => site.gain));
    // Before the sites, the kept facilities cover what the scenario's coverage says.
    expect(expected.demand.coveredBefore).toBe(coverageBefore.coveredResidents);
    const reportedGain = Number(await result.getAttribute('data-gain'));
    expect(reportedGain).toBeGreaterThan(0);
    expect(await page.getByTestId('siting-bound').textContent()).toMatch(/距最优至多差|已证明为最优/);
    await page.screenshot({ path: await screenshotPath('siting-result.png') });

    // 采用 against version 1: the colleague's save wins (409), nothing is adopted.
    await page.getByTestId('siting-adopt').click();
    await page.getByTestId('siting-conflict').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('siting-conflict').textContent()).toContain('2');
    const stillTwo = await getJson<{ id: string; version: number }[]>(baseUrl, '/api/regions/demo/scenarios');
    expect(stillTwo.find((scenario) => scenario.id === scenarioId)?.version).toBe(2);

    // Reload the scenario (version 2) and adopt again: saved as version 3.
    await page.getByTestId('siting-conflict').getByRole('button').click();
    await expect.poll(() => target.getAttribute('data-version'), { timeout: 60_000 }).toBe('2');
    await page.getByTestId('siting-adopt').click();
    const adopted = page.getByTestId('siting-adopted');
    await adopted.waitFor({ timeout: 30_000 });
    expect(await adopted.locator('[data-version]').getAttribute('data-version')).toBe('3');
    await expect.poll(() => target.getAttribute('data-version'), { timeout: 60_000 }).toBe('3');

    // The scenario's facilities now include a kindergarten at every site…
    const facilities = await getJson<Collection<{ type: 'Point'; coordinates: Position }, FacilityProps>>(
      baseUrl,
      `/api/scenarios/${scenarioId}/facilities`,
    );
    const kindergartens = facilities.features.filter(
      (feature) => feature.properties.category === 'kindergarten',
    );
    expect(kindergartens).toHaveLength(coverageBefore.facilityCount + expected.sites.length);
    const addedIds: string[] = [];
    for (const site of expected.sites) {
      const match = kindergartens.find(
        (feature) =>
          Math.abs(feature.geometry.coordinates[0] - site.position[0]) < 1e-6 &&
          Math.abs(feature.geometry.coordinates[1] - site.position[1]) < 1e-6,
      );
      expect(match, `a kindergarten at site ${site.rank}`).toBeDefined();
      addedIds.push(match!.properties.id);
    }
    // …and its coverage rose by exactly the reported gain.
    const coverageAfter = await kindergartenCoverage(baseUrl, scenarioId);
    expect(coverageAfter.coveredResidents - coverageBefore.coveredResidents).toBeCloseTo(reportedGain, 6);
    expect(coverageAfter.facilityCount).toBe(coverageBefore.facilityCount + expected.sites.length);

    // Service areas of the open scenario (version 3) on the layers tab: the new kindergartens serve
    // areas, and overloaded facilities are flagged as the API says.
    await page.getByTestId('sidebar-tab-layers').click();
    await page.getByTestId('service-areas-toggle').check();
    const kindergartenAreas = await checkServiceAreas(page, baseUrl, scenarioId, 3, 'kindergarten');
    for (const id of addedIds) expect(kindergartenAreas.facilityIds).toContain(id);
    const dayCareAreas = await checkServiceAreas(page, baseUrl, scenarioId, 3, 'elderly_day_care');
    expect(dayCareAreas.overloaded).toBeGreaterThan(0);
    await page.screenshot({ path: await screenshotPath('service-areas.png') });
    await page.getByTestId('service-areas-toggle').uncheck();

    // The difference exported from the comparison with the baseline.
    const comparison = await getJson<ComparisonAnswer>(
      baseUrl,
      `/api/scenarios/${scenarioId}/compare?with=baseline`,
    );
    expect(comparison.movedUnits).toEqual([
      { id: movedUnitId, from: communityOf.get(movedUnitId), to: movedTo },
    ]);
    expect(comparison.facilityChanges.map((change) => change.id).sort()).toEqual([...addedIds].sort());
    await page.getByTestId('sidebar-tab-scenarios').click();
    await page.getByTestId('scenario-mode').locator('[data-value="compare"]').click();
    const compare = page.getByTestId('compare-panel');
    await compare.getByTestId('delta-table').waitFor({ timeout: 60_000 });
    const differenceLinks = compare.getByTestId('export-difference');

    const [geojsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      differenceLinks.locator('[data-format="geojson"]').click(),
    ]);
    expect(geojsonDownload.suggestedFilename()).toMatch(/\.geojson$/);
    const text = await readFile((await geojsonDownload.path())!, 'utf8');
    expect(getIssues(text)).toEqual([]);
    const exported = JSON.parse(text) as { features: { properties: ExportedChange }[] };
    const ofKind = (kind: string) =>
      exported.features.map((feature) => feature.properties).filter((row) => row.kind === kind);
    expect(ofKind('unit').map(({ id, from, to }) => ({ id, from, to }))).toEqual(comparison.movedUnits);
    expect(
      ofKind('facility')
        .map(({ id, change, category }) => ({ id, change, category }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(
      comparison.facilityChanges
        .map(({ id, change, category }) => ({ id, change, category }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );

    // The Shapefile zip, read by GDAL: one layer per kind of change.
    requireOgr2ogr();
    const [shapefileDownload] = await Promise.all([
      page.waitForEvent('download'),
      differenceLinks.locator('[data-format="shapefile"]').click(),
    ]);
    expect(shapefileDownload.suggestedFilename()).toMatch(/\.zip$/);
    // GDAL opens a zip by its name's extension: keep the name the server gave.
    const folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-difference-'));
    const zipPath = path.join(folder, shapefileDownload.suggestedFilename());
    await shapefileDownload.saveAs(zipPath);
    const { stdout: layerList } = await run('ogrinfo', ['-ro', '-q', `/vsizip/${zipPath}`]);
    const layerNames = [...layerList.matchAll(/^\d+: (\S+)/gm)].map((match) => match[1]);
    const layerOf = async (kind: string) => {
      const name = layerNames.find((layer) => layer.endsWith(`-${kind}`));
      expect(name, `a ${kind} layer in ${layerNames.join(', ')}`).toBeDefined();
      const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${zipPath}`, name!]);
      return (JSON.parse(stdout) as { features: { properties: Record<string, unknown> }[] }).features.map(
        (feature) => feature.properties,
      );
    };
    const shapefileUnits = await layerOf('units');
    expect(shapefileUnits.map((row) => [row.id, row.from, row.to])).toEqual(
      comparison.movedUnits.map((unit) => [unit.id, unit.from, unit.to]),
    );
    const shapefileFacilities = await layerOf('facilities');
    expect(shapefileFacilities.map((row) => [row.id, row.change]).sort()).toEqual(
      comparison.facilityChanges.map((change) => [change.id, change.change]).sort(),
    );
    await rm(folder, { recursive: true, force: true });
  });
});
