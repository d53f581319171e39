/**
 * End to end: the leaders' dashboard (#/dashboard) against the real server (embedded PostGIS, demo
 * region) in headless Chromium. Every KPI card shows the figure computed here from the API's own
 * answers (coverage, baseline communities, village candidates) with the Leshan profile's target;
 * the chart's bins are the differences of the service station's coverage at 5…30 minutes; the
 * ranking lists every community; the coverage heat map is the API's completeness grid under the
 * region's outlines with a legend step per reached-category count. Printed to PDF (A4) the dashboard is exactly one page, with the
 * app's header hidden and the KPI values on it.
 */
import { describe, expect, it } from 'vitest';
import { rulesOfProfile, RULES } from '../../core/standards/rules.js';
import { formatNumber, formatShare } from '../../client/src/lib/format.js';
import { travelTimeSteps } from '../../client/src/map/heatmap-image.js';
import { getJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';

interface Coverage {
  region: { residents: number; categories: { category: string; tierMinutes: number; coveredResidents: number; coveredShare: number | null }[] };
}
interface BaselineCommunities {
  features: {
    properties: {
      id: string;
      type: string;
      residents: number;
      households: number;
      serviceFloorAreaSquareMeters: number | null;
      staff: number | null;
      rules: { ruleId: string; status: string }[];
    };
  }[];
}
interface VillageReport {
  villages: unknown[];
  candidateIds: string[];
}

const PROFILE = 'leshan';
const SPEED = 'speedMetersPerSecond=1';

/** Pages of a PDF: `/Type /Page` objects, not the `/Type /Pages` tree nodes. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe('the leaders’ dashboard in a browser', () => {
  const { openApp } = useE2eSession();

  it('shows the API’s KPIs, chart and ranking and prints on one A4 page', async () => {
    const { baseUrl, page } = await openApp();
    await page.getByTestId('dashboard-switch').click();
    expect(new URL(page.url()).hash).toBe('#/dashboard');
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getAttribute('data-ready'), { timeout: 120_000 }).toBe('true');

    const region = (await getJson<{ id: string }[]>(baseUrl, '/api/regions'))[0]!.id;
    const coverage = await getJson<Coverage>(baseUrl, `/api/regions/${region}/coverage?${SPEED}`);
    const communities = (await getJson<BaselineCommunities>(baseUrl, `/api/regions/${region}/scenarios/baseline/communities?profile=${PROFILE}`)).features.map(
      (feature) => feature.properties,
    );
    const villages = await getJson<VillageReport>(baseUrl, `/api/regions/${region}/scenarios/baseline/village-candidates?profile=${PROFILE}&as=urban`);

    const cardText = (testId: string) => dashboard.getByTestId(testId).getByTestId('kpi-value').innerText();
    const cardValue = async (testId: string) => Number(await dashboard.getByTestId(testId).getAttribute('data-value'));

    // Coverage: one card per reach rule of the profile, the region's share within the category's tier.
    const reachRules = rulesOfProfile(PROFILE).filter((rule) => rule.measure.startsWith('coveredShare:'));
    expect(reachRules.length).toBeGreaterThan(0);
    await expect.poll(() => dashboard.locator('[data-testid^="kpi-coverage-"]').count()).toBe(reachRules.length);
    for (const rule of reachRules) {
      const category = rule.measure.slice('coveredShare:'.length);
      const expected = coverage.region.categories.find((entry) => entry.category === category)!;
      const card = dashboard.getByTestId(`kpi-coverage-${category}`);
      expect(await cardText(`kpi-coverage-${category}`)).toBe(formatShare(expected.coveredShare));
      expect(await cardValue(`kpi-coverage-${category}`)).toBeCloseTo(expected.coveredShare!, 9);
      expect(await card.getAttribute('data-status')).toBe(expected.coveredShare! >= 0.8 ? 'pass' : 'fail');
      expect(await card.innerText()).toContain('80%');
      for (const source of rule.sources) expect(await card.innerText()).toContain(/^\d{3}$/.test(source) ? `文件 ${source}` : source);
    }

    // Service floor area per 100 households over the communities that report one, against ≥ 30.
    const reporting = communities.filter((community) => community.serviceFloorAreaSquareMeters !== null);
    const floorArea =
      (reporting.reduce((sum, community) => sum + community.serviceFloorAreaSquareMeters!, 0) /
        reporting.reduce((sum, community) => sum + community.households, 0)) *
      100;
    expect(await cardText('kpi-floor-area')).toBe(`${formatNumber(floorArea, 1)} m²`);
    expect(await dashboard.getByTestId('kpi-floor-area').innerText()).toContain('≥ 30 m²');

    // Staff per 10 000 residents over urban-type communities that report staff, against ≥ 18.
    const staffRule = RULES.find((rule) => rule.id === 'staff.per10k')!;
    const staffed = communities.filter(
      (community) => community.staff !== null && (staffRule.appliesTo === 'all' || (staffRule.appliesTo as readonly string[]).includes(community.type)),
    );
    const staffPer10k =
      (staffed.reduce((sum, community) => sum + community.staff!, 0) / staffed.reduce((sum, community) => sum + community.residents, 0)) * 10_000;
    expect(await cardText('kpi-staff')).toBe(formatNumber(staffPer10k, 1));
    expect(await dashboard.getByTestId('kpi-staff').innerText()).toContain('≥ 18');

    // Communities failing a size rule; 村改居 candidates.
    const outside = communities.filter((community) =>
      community.rules.some((result) => result.ruleId.startsWith('size.') && result.status === 'fail'),
    ).length;
    expect(await cardValue('kpi-outside-band')).toBe(outside);
    expect(await cardText('kpi-outside-band')).toBe(`${outside} / ${communities.length} 个`);
    expect(await cardValue('kpi-villages')).toBe(villages.candidateIds.length);
    expect(villages.candidateIds.length).toBeGreaterThan(0);
    expect(await cardText('kpi-villages')).toBe(`${villages.candidateIds.length} / ${villages.villages.length} 个`);

    // Chart: residents reaching a service station within 5, 10, … 30 minutes, differenced; the rest beyond.
    const cumulative: number[] = [];
    for (const minutes of [5, 10, 15, 20, 25, 30]) {
      const answer = await getJson<Coverage>(baseUrl, `/api/regions/${region}/coverage?${SPEED}&tiers=service_station:${minutes}`);
      cumulative.push(answer.region.categories.find((entry) => entry.category === 'service_station')!.coveredResidents);
    }
    const expectedBins = [...cumulative.map((covered, index) => covered - (cumulative[index - 1] ?? 0)), coverage.region.residents - cumulative.at(-1)!];
    const bins = await dashboard.getByTestId('travel-bin').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-residents'))));
    expect(bins).toEqual(expectedBins);
    expect(bins.reduce((sum, residents) => sum + residents, 0)).toBe(coverage.region.residents);

    // Ranking: every community once, the first passes the largest share of its applicable provision
    // rules (the 村改居 test classifies a village; it is no gap in its services).
    const rows = dashboard.getByTestId('ranking-row');
    expect(await rows.count()).toBe(communities.length);
    const shareOf = (id: string) => {
      const rules = communities
        .find((community) => community.id === id)!
        .rules.filter((result) => result.status !== 'not-applicable' && result.ruleId !== 'village.conversion');
      return rules.length === 0 ? -1 : rules.filter((result) => result.status === 'pass').length / rules.length;
    };
    const rankedIds = await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-community-id')!));
    const shares = rankedIds.map(shareOf);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(new Set(rankedIds).size).toBe(communities.length);

    // Coverage heat map: the completeness grid the API serves (same speed, 100 m cells) as one image
    // of columns × rows pixels, under the region's outlines, with one legend step per count 0…N.
    const grid = await getJson<{ columns: number; rows: number; categories: string[] }>(
      baseUrl,
      `/api/regions/${region}/heatmap?kind=completeness&${SPEED}&cellMeters=100&format=grid`,
    );
    expect(grid.categories.length).toBeGreaterThan(0);
    const figure = dashboard.getByTestId('coverage-figure');
    await figure.waitFor({ state: 'visible', timeout: 120_000 });
    expect(Number(await figure.getAttribute('data-categories'))).toBe(grid.categories.length);
    const steps = await figure.getByTestId('coverage-legend-step').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-reached'))));
    expect(steps).toEqual(Array.from({ length: grid.categories.length + 1 }, (_, reached) => reached));
    expect(await figure.getByTestId('coverage-caption').innerText()).toContain(`${grid.categories.length} 类设施`);
    const imageSize = await figure.locator('image').evaluate(async (node) => {
      const image = new Image();
      image.src = node.getAttribute('href')!;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    });
    expect(imageSize).toEqual([grid.columns, grid.rows]);
    const outlines = await figure.locator('path').evaluateAll((nodes) => nodes.map((node) => (node.getAttribute('d') ?? '').split('M').length - 1));
    expect(Math.max(...outlines)).toBeGreaterThan(0);
    const mapBox = (await dashboard.getByTestId('coverage-map').boundingBox())!;
    expect(mapBox.width).toBeGreaterThan(200);
    expect(mapBox.height).toBeGreaterThan(100);

    await page.screenshot({ path: await screenshotPath('dashboard.png'), fullPage: true });

    // Print: the app header is gone, the KPI values are on the page, and the whole thing is one A4 page.
    // The A4 page less its 10 mm margins at 96 dpi, so the print screenshot shows what the PDF holds.
    const screenViewport = page.viewportSize()!;
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('dashboard-print').isVisible()).toBe(false);
    for (const testId of ['kpi-floor-area', 'kpi-staff', 'kpi-outside-band', 'kpi-villages']) {
      expect(await dashboard.getByTestId(testId).isVisible()).toBe(true);
    }
    expect(await cardText('kpi-floor-area')).toBe(`${formatNumber(floorArea, 1)} m²`);
    expect(await dashboard.getByTestId('ranking').isVisible()).toBe(true);
    expect(await dashboard.getByTestId('travel-chart').isVisible()).toBe(true);
    expect(await dashboard.getByTestId('coverage-map').isVisible()).toBe(true);
    expect(await dashboard.getByTestId('coverage-legend').isVisible()).toBe(true);
    // On the printed page: within the A4 content box (718 × 1047 px at 96 dpi).
    const printedMap = (await dashboard.getByTestId('coverage-map').boundingBox())!;
    expect(printedMap.width).toBeGreaterThan(100);
    expect(printedMap.y + printedMap.height).toBeLessThanOrEqual(1047);
    await page.screenshot({ path: await screenshotPath('dashboard-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(screenViewport);

    // The subject switch: one category's walking time, the API's travel-time grid with its classes.
    await dashboard.getByTestId('coverage-subject').selectOption('service_station');
    await expect.poll(() => figure.getAttribute('data-kind'), { timeout: 120_000 }).toBe('travel-time');
    const travel = await getJson<{ columns: number; rows: number }>(
      baseUrl,
      `/api/regions/${region}/heatmap?kind=travel-time&category=service_station&maxMinutes=60&${SPEED}&cellMeters=100&format=grid`,
    );
    const travelSteps = await figure
      .getByTestId('coverage-legend-step')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-from-minutes'))));
    expect(travelSteps).toEqual(travelTimeSteps().map((step) => step.fromMinutes));
    const travelImage = await figure.locator('image').evaluate(async (node) => {
      const image = new Image();
      image.src = node.getAttribute('href')!;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    });
    expect(travelImage).toEqual([travel.columns, travel.rows]);
    expect(await dashboard.getByText('到最近社区综合服务站的步行时间热力图').isVisible()).toBe(true);
    await dashboard.locator('.dashboard-heatmap-section').screenshot({ path: await screenshotPath('dashboard-travel-time.png') });
  });
});
