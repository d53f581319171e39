/**
 * End to end: a facility placed in a scenario reaches the analyses. On the 方案 tab the planner
 * places a kindergarten where many residents have none within 5 minutes (a real click on the map),
 * saves, and the 可达性 tab, now following the open scenario, shows the kindergarten coverage risen
 * by exactly the residents the new site's 5-minute walk newly reaches. The oracle is the isochrone
 * engine: the residents within 5 minutes of every kindergarten with the new one, less those of the
 * existing ones alone (rings from several origins count each unit once, from its nearest origin).
 */
import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/geometry/position.js';
import {
  createScenarioInPanel,
  getJson,
  mapRectangle,
  postJson,
  projectToPage,
  screenshotPath,
  useE2eSession,
  waitForMapIdle,
  type Collection,
  type Polygonal,
} from '../support/e2e-harness.js';

const CATEGORY = 'kindergarten';
const TIER_MINUTES = 5;
const PLACE_ZOOM = 16;
const NEW_NAME = '滨江新区幼儿园';

interface UnitProps {
  id: string;
  communityId: string;
  residents: number;
  accessPoint: Position;
}
interface FacilityProps {
  id: string;
  name: string;
  category: string;
}
interface CategoryCoverage {
  category: string;
  coveredResidents: number;
}
interface CoverageAnswer {
  region: { residents: number; categories: CategoryCoverage[] };
  communities: { id: string; categories: CategoryCoverage[] }[];
  uncoveredUnitIds: Record<string, string[]>;
}
interface IsochroneAnswer {
  features: { properties: { minutes: number; residents: number } }[];
}

function coveredResidents(coverage: CoverageAnswer): number {
  return coverage.region.categories.find((entry) => entry.category === CATEGORY)!.coveredResidents;
}

/** Each community's residents within the tier of a kindergarten. */
function coveredByCommunity(coverage: CoverageAnswer): Map<string, number> {
  return new Map(
    coverage.communities.map((community) => [
      community.id,
      community.categories.find((entry) => entry.category === CATEGORY)?.coveredResidents ?? 0,
    ]),
  );
}

describe('a facility placed in a scenario, in a browser', () => {
  const { openApp } = useE2eSession();

  it('places a kindergarten, saves, and coverage rises by exactly the residents its 5-minute walk newly reaches', async () => {
    const { baseUrl, page } = await openApp();
    const tierQuery = `speedMetersPerSecond=1&tiers=${CATEGORY}:${TIER_MINUTES}`;
    const baseline = await getJson<CoverageAnswer>(baseUrl, `/api/regions/demo/coverage?${tierQuery}`);
    const kindergartens = (
      await getJson<Collection<{ type: 'Point'; coordinates: Position }, FacilityProps>>(
        baseUrl,
        '/api/regions/demo/facilities',
      )
    ).features.filter((feature) => feature.properties.category === CATEGORY);
    const residentsWithin = async (origins: Position[]) => {
      const answer = await postJson<IsochroneAnswer>(baseUrl, '/api/regions/demo/isochrones', {
        origins,
        minutes: [TIER_MINUTES],
        speedMetersPerSecond: 1,
        mode: 'disks',
      });
      return answer.features[0].properties.residents;
    };
    const existingOrigins = kindergartens.map((feature) => feature.geometry.coordinates);
    // The two engines agree on the region as it is: coverage is the existing kindergartens' walk.
    expect(await residentsWithin(existingOrigins)).toBe(coveredResidents(baseline));

    // The site: the access point of the most populous unit no kindergarten serves within 5 minutes.
    const units = await getJson<Collection<Polygonal, UnitProps>>(baseUrl, '/api/regions/demo/units');
    const uncovered = new Set(baseline.uncoveredUnitIds[CATEGORY]);
    const target = units.features
      .filter((feature) => uncovered.has(feature.properties.id))
      .sort((a, b) => b.properties.residents - a.properties.residents)[0];
    expect(target, 'a unit without a kindergarten within 5 minutes').toBeDefined();
    const site = target.properties.accessPoint;

    // A scenario, and the place-facility tool with a kindergarten's name.
    const scenarioId = await createScenarioInPanel(page, '补幼儿园');
    const openScenario = page.getByTestId('open-scenario');
    await page.getByTestId('tool-place-facility').click();
    await page.getByTestId('facility-category').selectOption(CATEGORY);
    await page.getByTestId('facility-name').fill(NEW_NAME);

    await page.evaluate(
      ([center, zoom]) =>
        window.__lifecircle!.map.jumpTo({ center: center as [number, number], zoom: zoom as number }),
      [site, PLACE_ZOOM] as const,
    );
    await waitForMapIdle(page);
    const [pixel] = await projectToPage(page, [site]);
    const mapRect = await mapRectangle(page);
    expect(pixel[0] > mapRect.left && pixel[0] < mapRect.right, 'the site on the map').toBe(true);
    await page.mouse.click(pixel[0], pixel[1]);
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.getByTestId('legend-added-facility').getAttribute('data-count')).toBe('1');
    await page.screenshot({ path: await screenshotPath('scenario-facility-placed.png') });

    await page.getByTestId('scenario-save').click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 30_000 }).toBe('2');

    // Read back: the scenario has the kindergarten where it was clicked (to a pixel at zoom 16).
    const saved = await getJson<Collection<{ type: 'Point'; coordinates: Position }, FacilityProps>>(
      baseUrl,
      `/api/scenarios/${scenarioId}/facilities`,
    );
    const placed = saved.features.filter((feature) => feature.properties.name === NEW_NAME);
    expect(placed).toHaveLength(1);
    expect(placed[0].properties.category).toBe(CATEGORY);
    const [lon, lat] = placed[0].geometry.coordinates;
    const metersPerDegree = 111_320;
    const offsetMeters = Math.hypot(
      (lon - site[0]) * metersPerDegree * Math.cos((site[1] * Math.PI) / 180),
      (lat - site[1]) * metersPerDegree,
    );
    expect(offsetMeters).toBeLessThan(5);

    // The oracle: residents its walk newly reaches, the new site among the existing ones.
    const newlyReached =
      (await residentsWithin([...existingOrigins, placed[0].geometry.coordinates])) -
      coveredResidents(baseline);
    expect(newlyReached).toBeGreaterThan(0);
    const scenarioCoverage = await getJson<CoverageAnswer>(
      baseUrl,
      `/api/scenarios/${scenarioId}/coverage?${tierQuery}`,
    );
    expect(coveredResidents(scenarioCoverage)).toBe(coveredResidents(baseline) + newlyReached);
    // The baseline's answer never changes.
    const baselineAgain = await getJson<CoverageAnswer>(baseUrl, `/api/regions/demo/coverage?${tierQuery}`);
    expect(coveredResidents(baselineAgain)).toBe(coveredResidents(baseline));

    // On screen: the 可达性 tab follows the open scenario; its kindergarten table sums to the rise.
    await page.getByTestId('sidebar-tab-accessibility').click();
    const panel = page.getByTestId('accessibility-panel');
    await panel.getByTestId('analysed-scenario').waitFor();
    expect(await panel.getByTestId('analysed-scenario').textContent()).toContain('补幼儿园');
    await panel.getByTestId('analysis-view').locator('[data-value="coverage"]').click();
    await panel.getByTestId('category-picker').selectOption(CATEGORY);
    await panel.getByTestId('tier-picker').locator(`[data-value="${TIER_MINUTES}"]`).click();
    const shownCovered = async () =>
      new Map(
        await panel
          .locator('[data-testid="coverage-row"]')
          .evaluateAll((rows) =>
            rows.map((row) => [row.dataset.communityId!, Number(row.dataset.coveredResidents)] as const),
          ),
      );
    const total = (byCommunity: Map<string, number>) =>
      [...byCommunity.values()].reduce((sum, n) => sum + n, 0);
    await expect
      .poll(async () => total(await shownCovered()), { timeout: 60_000 })
      .toBe(coveredResidents(baseline) + newlyReached);
    // Community by community the table is the scenario's; the site's own community rose.
    const shown = await shownCovered();
    expect(shown).toEqual(coveredByCommunity(scenarioCoverage));
    const siteCommunity = target.properties.communityId;
    expect(shown.get(siteCommunity)!).toBeGreaterThan(coveredByCommunity(baseline).get(siteCommunity)!);
    await page.screenshot({ path: await screenshotPath('scenario-facility-coverage.png') });
  });
});
