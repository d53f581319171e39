/**
 * End to end: the leaders' dashboard takes a scenario (issue 12), against the real server (embedded
 * PostGIS, demo region) in headless Chromium. A scenario adds facilities (of the categories the
 * profile asks residents to reach) at the access points of communities failing those rules; it is
 * submitted and approved, and the issuing unit is set, all through the API. Opened from a link
 * naming it, the dashboard shows each reach KPI baseline → scenario as computed here from the API's
 * answers (with the right direction), the heat-map difference whose classes count the cells the two
 * API grids differ in, and the communities whose status changes exactly as the API's comparison
 * lists them, and the residents-by-walking-time chart with both series (baseline and scenario), each
 * band the API's service-station coverage (region and scenario) differenced here, with the change
 * within 5 and 15 minutes in one line. The printed PDF (A4 pages, text within the margins) carries the
 * scenario's name, version, approval state, the issuing unit and the data date, the chart's figures
 * and its summary, and every ranking row. A planner signed in sees no import button or exports.
 */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { rulesOfProfile } from '../../core/standards/rules.js';
import { coverageDifference } from '../../client/src/features/dashboard/coverage-difference.js';
import type { HeatmapGrid } from '../../client/src/lib/api-types.js';
import { formatCount, formatNumber, formatShare } from '../../client/src/lib/format.js';
import { fetchApi, getJson, screenshotPath, useE2eSession, waitForDrawn } from '../support/e2e-harness.js';
import { expectA4WithinMargins, printedTextKey, readPdf } from '../support/pdf-text.js';
import { signIn, testPassword, withCredentials } from '../support/sign-in.js';

const REGION = 'demo';
const PROFILE = 'leshan';
const SPEED = 'speedMetersPerSecond=1';
const SCENARIO_NAME = '增设社区设施方案';
const ISSUING_UNIT = '乐山市自然资源和规划局编制科';

interface RuleResult {
  ruleId: string;
  status: string;
  walk?: { requirement: { key: string } };
}
interface Communities {
  features: {
    properties: {
      id: string;
      name: string;
      residents: number;
      rules: RuleResult[];
      reachShareByKey: Record<string, number | null>;
    };
  }[];
}
interface Units {
  features: { properties: { communityId: string; residents: number; accessPoint: [number, number] } }[];
}
interface Coverage {
  region: { residents: number; categories: { category: string; coveredResidents: number }[] };
}
interface Comparison {
  communities: { id: string; ruleChanges: { ruleId: string; from: string | null; to: string | null }[] }[];
}

/** The region's share of residents meeting a reach rule: the communities' shares weighted by residents. */
function reachShare(communities: Communities, ruleId: string): number | null {
  const rows = communities.features.map((feature) => feature.properties);
  const key = rows.flatMap((row) => row.rules).find((result) => result.ruleId === ruleId && result.walk)?.walk
    ?.requirement.key;
  if (!key) return null;
  let residents = 0;
  let covered = 0;
  for (const row of rows) {
    const share = row.reachShareByKey[key];
    if (share === null || share === undefined) continue;
    residents += row.residents;
    covered += share * row.residents;
  }
  return residents > 0 ? covered / residents : null;
}

/** The chart's walking-time edges, minutes: 5-minute bands to half an hour, then everyone else. */
const CHART_MINUTES = [5, 10, 15, 20, 25, 30];
/** A millimetre and A4 (210 × 297 mm) in PostScript points (1/72 inch). */

/**
 * Residents per walking-time band to the nearest service station, from the API's coverage (of the
 * region or of a scenario) at each chart edge: the differences, then everyone beyond the last.
 */
async function stationBands(baseUrl: string, path: string): Promise<number[]> {
  const covered: number[] = [];
  let residents = 0;
  for (const minutes of CHART_MINUTES) {
    const answer = await getJson<Coverage>(
      baseUrl,
      `${path}/coverage?${SPEED}&tiers=service_station:${minutes}`,
    );
    residents = answer.region.residents;
    covered.push(
      answer.region.categories.find((entry) => entry.category === 'service_station')!.coveredResidents,
    );
  }
  return [...covered.map((count, index) => count - (covered[index - 1] ?? 0)), residents - covered.at(-1)!];
}

/** "+1,234", "−56", "±0". */
function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : `±${text}`;
}

/** The local calendar date of an ISO moment, as the dashboard prints it. */
function localDate(iso: string): string {
  const date = new Date(iso);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

async function sendJson(baseUrl: string, method: string, apiPath: string, body: unknown) {
  const response = await fetchApi(baseUrl, apiPath, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${apiPath}: ${text}`).toBeLessThan(300);
  return text ? JSON.parse(text) : null;
}

describe('the dashboard with a scenario, in a browser', () => {
  const { openApp } = useE2eSession();

  it('shows a scenario against the baseline and prints its approval block; a planner sees no import', async () => {
    const { baseUrl, page, browser } = await openApp();

    // The issuing unit, set by the administrator.
    await sendJson(baseUrl, 'PUT', '/api/settings', { issuingUnit: ISSUING_UNIT });

    // A scenario adding, for each reach rule of the profile walked to categories, a facility at the
    // busiest access point of up to three communities failing it.
    const baseline = await getJson<Communities>(
      baseUrl,
      `/api/regions/${REGION}/scenarios/baseline/communities?${SPEED}`,
    );
    const units = await getJson<Units>(baseUrl, `/api/regions/${REGION}/units`);
    const reachRules = rulesOfProfile(PROFILE).filter(
      (rule) => rule.measure.of === 'reach' && rule.measure.reach.reach !== 'circle',
    );
    const edits: unknown[] = [];
    for (const rule of reachRules) {
      if (rule.measure.of !== 'reach' || rule.measure.reach.reach === 'circle') continue;
      const category = rule.measure.reach.categories[0];
      const failing = baseline.features
        .map((feature) => feature.properties)
        .filter((community) =>
          community.rules.some((result) => result.ruleId === rule.id && result.status === 'fail'),
        )
        .slice(0, 3);
      for (const community of failing) {
        const busiest = units.features
          .filter((unit) => unit.properties.communityId === community.id)
          .sort((a, b) => b.properties.residents - a.properties.residents)[0];
        if (!busiest) continue;
        edits.push({
          op: 'add-facility',
          facility: {
            name: `${community.name}新增设施`,
            category,
            position: busiest.properties.accessPoint,
          },
        });
      }
    }
    expect(edits.length).toBeGreaterThan(0);
    const created = await sendJson(baseUrl, 'POST', `/api/regions/${REGION}/scenarios`, {
      name: SCENARIO_NAME,
    });
    const id = created.id as string;
    await sendJson(baseUrl, 'PATCH', `/api/scenarios/${id}`, { version: 1, edits });
    await sendJson(baseUrl, 'POST', `/api/scenarios/${id}/submit`, { version: 2 });
    await sendJson(baseUrl, 'POST', `/api/scenarios/${id}/decision`, { version: 2, decision: 'approve' });
    const summary = await getJson<{
      version: number;
      reviewState: string;
      lastReview: { by: string; at: string };
    }>(baseUrl, `/api/scenarios/${id}`);
    expect(summary).toMatchObject({ version: 2, reviewState: 'approved' });

    const after = await getJson<Communities>(baseUrl, `/api/scenarios/${id}/communities?${SPEED}`);
    const comparison = await getJson<Comparison>(
      baseUrl,
      `/api/scenarios/${id}/compare?with=baseline&${SPEED}`,
    );
    const changed = comparison.communities.filter((community) => community.ruleChanges.length > 0);
    expect(changed.length, 'the added facilities change some community’s status').toBeGreaterThan(0);
    const region = (await getJson<{ id: string; dataLoadedAt: string }[]>(baseUrl, '/api/regions')).find(
      (candidate) => candidate.id === REGION,
    )!;

    // Opened from a link naming the scenario.
    await page.goto(`${baseUrl}/?region=${REGION}&dashboard-scenario=${id}#/dashboard`);
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getAttribute('data-ready'), { timeout: 180_000 }).toBe('true');
    expect(await dashboard.getAttribute('data-scenario')).toBe(id);
    expect(await page.getByTestId('dashboard-scenario').inputValue()).toBe(id);

    // Every reach KPI baseline → scenario, as computed from the API's answers, with its direction.
    let improved = 0;
    for (const rule of rulesOfProfile(PROFILE).filter((candidate) => candidate.kind === 'reach')) {
      const before = reachShare(baseline, rule.id);
      const afterShare = reachShare(after, rule.id);
      if (before === null || afterShare === null) continue;
      const change = dashboard.getByTestId(`kpi-reach-${rule.id}`).getByTestId('kpi-change');
      expect(Number(await change.getAttribute('data-before'))).toBeCloseTo(before, 9);
      expect(Number(await change.getAttribute('data-after'))).toBeCloseTo(afterShare, 9);
      const tone = afterShare - before > 1e-9 ? 'better' : afterShare - before < -1e-9 ? 'worse' : 'same';
      expect(await change.getAttribute('data-tone'), rule.id).toBe(tone);
      expect(await change.innerText()).toContain(
        `现状 ${formatShare(before)} → 方案 ${formatShare(afterShare)}`,
      );
      if (tone === 'better') {
        improved += 1;
        expect(await change.innerText()).toMatch(/\+[\d.]+ 个百分点 · 改善/);
      }
    }
    expect(improved, 'a reach KPI improves').toBeGreaterThan(0);

    // The communities whose status changes: exactly the comparison's, each with its rules.
    const table = dashboard.getByTestId('status-changes');
    const listed = await table
      .getByTestId('status-change-community')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-community-id')));
    expect([...listed].sort()).toEqual(changed.map((community) => community.id).sort());
    for (const community of changed) {
      const rows = table.locator(`[data-community-id="${community.id}"] [data-testid="status-change"]`);
      const shown = await rows.evaluateAll((nodes) =>
        nodes.map((node) => [
          node.getAttribute('data-rule-id'),
          node.getAttribute('data-from'),
          node.getAttribute('data-to'),
        ]),
      );
      expect(shown).toEqual(
        community.ruleChanges.map((change) => [change.ruleId, change.from ?? '', change.to ?? '']),
      );
    }

    // The walking-time chart: each band's residents on the baseline and on the scenario, as the
    // API's coverage of each at the chart's edges gives them; the added stations move residents nearer.
    const bandsBefore = await stationBands(baseUrl, `/api/regions/${REGION}`);
    const bandsAfter = await stationBands(baseUrl, `/api/scenarios/${id}`);
    const chart = dashboard.getByTestId('travel-chart');
    expect(await chart.getAttribute('data-series')).toBe('2');
    const shownBands = await chart
      .getByTestId('travel-bin')
      .evaluateAll((nodes) =>
        nodes.map((node) => [
          Number(node.getAttribute('data-before')),
          Number(node.getAttribute('data-after')),
        ]),
      );
    expect(shownBands).toEqual(bandsBefore.map((before, index) => [before, bandsAfter[index]!]));
    const within = (bands: number[], minutes: number) =>
      bands.slice(0, CHART_MINUTES.indexOf(minutes) + 1).reduce((sum, residents) => sum + residents, 0);
    expect(within(bandsAfter, 5), 'more residents within 5 minutes of a station').toBeGreaterThan(
      within(bandsBefore, 5),
    );
    const chartLegend = await dashboard.getByTestId('travel-legend').innerText();
    expect(chartLegend).toContain('现状');
    expect(chartLegend).toContain('方案');
    // Its numbers: the band, both counts and the change, in that order under and over each pair.
    const bandLabels = await chart.getByTestId('travel-bin').locator('.bar-label').allTextContents();
    const bandParts = bandsBefore.map((before, index) => [
      signed(bandsAfter[index]! - before, formatCount(Math.abs(bandsAfter[index]! - before))!),
      bandLabels[index]!,
      formatCount(before)!,
      formatCount(bandsAfter[index]!)!,
    ]);
    for (const [index, parts] of bandParts.entries())
      expect(await chart.getByTestId('travel-bin').nth(index).textContent()).toBe(parts.join(''));
    // One line: residents within 5 and 15 minutes, the signed change and its share of the baseline's.
    const changeText = (minutes: number) => {
      const before = within(bandsBefore, minutes);
      const delta = within(bandsAfter, minutes) - before;
      const relative =
        before > 0 ? `（${signed(delta, `${formatNumber((Math.abs(delta) / before) * 100, 1)}%`)}）` : '';
      return `${signed(delta, formatCount(Math.abs(delta))!)} 人${relative}`;
    };
    const summaryLine = `方案较现状：5 分钟内可达服务站的居民 ${changeText(5)}；15 分钟内 ${changeText(15)}`;
    expect(await dashboard.getByTestId('travel-change').innerText()).toBe(summaryLine);
    const summaryFigures = await dashboard
      .getByTestId('travel-change-within')
      .evaluateAll((nodes) =>
        nodes.map((node) =>
          ['minutes', 'before', 'after'].map((name) => Number(node.getAttribute(`data-${name}`))),
        ),
      );
    expect(summaryFigures).toEqual(
      [5, 15].map((minutes) => [minutes, within(bandsBefore, minutes), within(bandsAfter, minutes)]),
    );
    const chartSection = dashboard.locator('.dashboard-chart-section', {
      has: page.getByTestId('travel-chart'),
    });
    await chartSection.screenshot({ path: await screenshotPath('dashboard-scenario-chart.png') });

    // The heat map is the difference: its classes count the cells the two API grids differ in.
    const figure = dashboard.getByTestId('coverage-figure');
    expect(await figure.getAttribute('data-difference')).toBe('true');
    const gridQuery = `kind=completeness&${SPEED}&cellMeters=100&format=grid`;
    const grids = await Promise.all([
      getJson<HeatmapGrid>(baseUrl, `/api/regions/${REGION}/heatmap?${gridQuery}`),
      getJson<HeatmapGrid>(baseUrl, `/api/scenarios/${id}/heatmap?${gridQuery}`),
    ]);
    const difference = coverageDifference(grids[0], grids[1])!;
    expect(difference.counts.better).toBeGreaterThan(0);
    const legend = await figure
      .getByTestId('coverage-legend-step')
      .evaluateAll((nodes) =>
        nodes.map((node) => [node.getAttribute('data-class'), Number(node.getAttribute('data-cells'))]),
      );
    for (const [kind, cells] of legend) expect(cells, String(kind)).toBe(difference.counts[kind as 'better']);
    expect(legend.map(([kind]) => kind)).toEqual(expect.arrayContaining(['worse', 'same', 'better']));

    // The approval block on screen.
    const block = dashboard.getByTestId('approval-block');
    expect(await block.getAttribute('data-state')).toBe('approved');
    const dataDate = localDate(region.dataLoadedAt);
    const approval = [
      SCENARIO_NAME,
      '第 2 版',
      '已批准',
      `${summary.lastReview.by} 于 ${localDate(summary.lastReview.at)} 批准`,
      dataDate,
      ISSUING_UNIT,
    ];
    for (const text of approval) expect(await block.innerText()).toContain(text);
    await page.screenshot({ path: await screenshotPath('dashboard-scenario.png'), fullPage: true });

    // Printed: the approval block, the status changes and every ranking row, the ranking at 8 pt or more.
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: 'print' });
    const rankingFontPixels = await dashboard
      .getByTestId('ranking')
      .evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(rankingFontPixels, 'the ranking’s printed size, px').toBeGreaterThanOrEqual(10.6);
    const rankingNames = await dashboard.locator('.ranking-name').allInnerTexts();
    await chartSection.screenshot({ path: await screenshotPath('dashboard-scenario-chart-print.png') });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(await screenshotPath('dashboard-scenario.pdf'), pdf);
    const printed = await readPdf(pdf);
    const text = printedTextKey(printed.pages.map((sheet) => sheet.text).join(''));
    for (const part of [...approval, '状态变化的社区', '方案较现状'])
      expect(text, `"${part}" on the printed pages`).toContain(printedTextKey(part));
    // The chart on paper: its summary line and every band's figures, whole.
    for (const part of [summaryLine, ...bandParts.map((parts) => parts.join(''))])
      expect(text, `"${part}" on the printed pages`).toContain(printedTextKey(part));
    // Every page A4 (to within a millimetre), its text inside the 10 mm margins.
    expectA4WithinMargins(printed);
    let at = 0;
    for (const name of rankingNames) {
      const found = text.indexOf(printedTextKey(name), at);
      expect(found, `ranking row ${name} printed whole, in order`).toBeGreaterThanOrEqual(0);
      at = found;
    }
    await page.emulateMedia({ media: 'screen' });

    // The baseline again from the picker: the address forgets the scenario.
    await page.getByTestId('dashboard-scenario').selectOption('');
    await expect.poll(() => dashboard.getAttribute('data-scenario')).toBe('baseline');
    expect(new URL(page.url()).searchParams.get('dashboard-scenario')).toBeNull();
    expect(await dashboard.getByTestId('kpi-change').count()).toBe(0);

    // A planner, in a browser of their own, sees no import button and no exports; the administrator does.
    expect(await page.goto(`${baseUrl}/?region=${REGION}`)).toBeTruthy();
    await waitForDrawn(page, 'communitiesLoaded', 120_000);
    expect(await page.getByTestId('import-open').isVisible()).toBe(true);
    expect(await page.getByTestId('layer-exports').isVisible()).toBe(true);
    const password = testPassword();
    const added = await fetchApi(baseUrl, '/api/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'planner-wang', password, role: 'planner' }),
    });
    expect(added.status).toBe(201);
    const planner = await signIn(
      { request: (url, init) => fetch(url, init) },
      'planner-wang',
      password,
      baseUrl,
    );
    const newPassword = testPassword();
    const changedPassword = await fetch(
      `${baseUrl}/api/session/password`,
      withCredentials(planner, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ currentPassword: password, newPassword }),
      }),
    );
    expect(changedPassword.status).toBe(204);
    const plannerPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      const signedIn = await plannerPage.request.post(`${baseUrl}/api/session`, {
        data: { username: 'planner-wang', password: newPassword },
      });
      expect(signedIn.status()).toBe(200);
      await plannerPage.goto(`${baseUrl}/?region=${REGION}`);
      await waitForDrawn(plannerPage, 'communitiesLoaded', 120_000);
      expect(await plannerPage.getByTestId('account-role').textContent()).toBe('规划人员');
      expect(await plannerPage.getByTestId('import-open').count()).toBe(0);
      expect(await plannerPage.getByTestId('layer-exports').count()).toBe(0);
      expect(await plannerPage.locator('a[download]').count()).toBe(0);
    } finally {
      await plannerPage.close();
    }
  });
});
