/**
 * End to end: the leaders' dashboard (#/dashboard) against the real server (embedded PostGIS, demo
 * region, stored with the Leshan profile) in headless Chromium. Every KPI card shows the figure
 * computed here from the API's own answers (baseline communities judged under the region's stored
 * profile, village classifications), region rules as the API judged them, documents by title;
 * the chart's bins are the differences of the service station's coverage at 5…30 minutes; the
 * ranking lists every community; the coverage heat map is the API's completeness grid under the
 * region's outlines with a legend step per reached-category count. Printed to PDF (A4) the dashboard's
 * summary is on the first page and a long ranking runs on (all within the margins), read back with
 * pdf.js: its text holds every KPI card (label, the API's value,
 * target, sources), the map's legend, caption and raster (at the grid's size), the chart's figures and
 * every ranking row in rank order, and none of the app's header or the print button.
 */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { rulesOfProfile } from '../../core/standards/rules.js';
import { formatCount, formatShare } from '../../client/src/lib/format.js';
import { travelTimeSteps } from '../../client/src/map/heatmap-image.js';
import { getJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';
import { expectA4WithinMargins, printedTextKey, readPdf } from '../support/pdf-text.js';

interface Coverage {
  region: {
    residents: number;
    categories: {
      category: string;
      tierMinutes: number;
      coveredResidents: number;
      coveredShare: number | null;
    }[];
  };
}
interface RuleResultAnswer {
  ruleId: string;
  kind: string;
  status: string;
  walk?: { requirement: { key: string } };
}
interface BaselineCommunities {
  judgedWith: { profile: string; profileFrom: string };
  regionRules: { ruleId: string; status: string; subject: { kind: string } }[];
  features: {
    properties: {
      id: string;
      name: string;
      type: string;
      residents: number;
      rules: RuleResultAnswer[];
      reachShareByKey: Record<string, number | null>;
      summary: { pass: number; judged: number };
    };
  }[];
}
interface VillageReport {
  villages: { status: string }[];
}

/** The demo region's stored profile: the dashboard judges by it without being told. */
const PROFILE = 'leshan';
const SPEED = 'speedMetersPerSecond=1';

/** A millimetre and A4 (210 × 297 mm) in PostScript points (1/72 inch). */

/** Something the printed page must hold: its parts in reading order, and what it is (for the failure message). */
interface PrintedBlock {
  what: string;
  parts: string[];
}

describe('the leaders’ dashboard in a browser', () => {
  const { openApp } = useE2eSession();

  it('shows the API’s KPIs, chart and ranking and prints them on A4', async () => {
    const { baseUrl, page } = await openApp();
    await page.getByTestId('dashboard-switch').click();
    expect(new URL(page.url()).hash).toBe('#/dashboard');
    const dashboard = page.getByTestId('dashboard');
    await expect.poll(() => dashboard.getAttribute('data-ready'), { timeout: 120_000 }).toBe('true');

    const region = (await getJson<{ id: string }[]>(baseUrl, '/api/regions'))[0]!.id;
    expect(await dashboard.getAttribute('data-profile')).toBe(PROFILE);
    const coverage = await getJson<Coverage>(baseUrl, `/api/regions/${region}/coverage?${SPEED}`);
    // No profile named: the region's stored one, as the dashboard asks.
    const baseline = await getJson<BaselineCommunities>(
      baseUrl,
      `/api/regions/${region}/scenarios/baseline/communities?${SPEED}`,
    );
    expect(baseline.judgedWith).toMatchObject({ profile: PROFILE, profileFrom: 'region' });
    const communities = baseline.features.map((feature) => feature.properties);
    const villages = await getJson<VillageReport>(
      baseUrl,
      `/api/regions/${region}/scenarios/baseline/village-candidates?${SPEED}`,
    );

    const cardText = (testId: string) => dashboard.getByTestId(testId).getByTestId('kpi-value').innerText();
    // What the printed page must hold, gathered from the screen (labels, targets, sources: the words)
    // and the API (the figures), checked against the PDF's text at the end.
    const printedBlocks: PrintedBlock[] = [];
    /** A KPI card as printed: its label, the value computed here from the API, its target and sources. */
    const expectCardPrinted = async (testId: string, valueText: string) => {
      const card = dashboard.getByTestId(testId);
      const words = (selector: string) => card.locator(selector).innerText();
      printedBlocks.push({
        what: `KPI card ${testId}`,
        parts: [await words('.kpi-label'), valueText, await words('.kpi-target'), await words('.kpi-source')],
      });
    };
    const cardValue = async (testId: string) =>
      Number(await dashboard.getByTestId(testId).getAttribute('data-value'));

    // Walking reach: one card per reach rule of the profile — the region's share of residents meeting
    // it (the communities' shares weighted by residents) and how many communities meet the rule.
    const reachRules = rulesOfProfile(PROFILE).filter((rule) => rule.kind === 'reach');
    expect(reachRules.length).toBeGreaterThan(0);
    await expect.poll(() => dashboard.locator('[data-testid^="kpi-reach-"]').count()).toBe(reachRules.length);
    for (const rule of reachRules) {
      const results = communities.map(
        (community) => [community, community.rules.find((result) => result.ruleId === rule.id)] as const,
      );
      const key = results.find(([, result]) => result?.walk)?.[1]?.walk?.requirement.key;
      expect(key, rule.id).toBeDefined();
      let residents = 0;
      let covered = 0;
      for (const community of communities) {
        const share = community.reachShareByKey[key!];
        if (share === null || share === undefined) continue;
        residents += community.residents;
        covered += share * community.residents;
      }
      const expected = covered / residents;
      const met = results.filter(([, result]) => result?.status === 'pass').length;
      const judged = results.filter(([, result]) =>
        ['pass', 'fail', 'advice'].includes(result?.status ?? ''),
      ).length;
      const testId = `kpi-reach-${rule.id}`;
      const card = dashboard.getByTestId(testId);
      expect(await cardText(testId)).toBe(formatShare(expected));
      expect(await cardValue(testId)).toBeCloseTo(expected, 9);
      expect(await card.locator('.kpi-target').innerText()).toContain(`${met} / ${judged} 个社区`);
      expect(await card.getAttribute('data-status')).toBe(
        judged === 0 ? 'neutral' : met === judged ? 'pass' : 'fail',
      );
      // Sources by the document's title, never "文件 002".
      for (const source of rule.profiles[PROFILE]!.sources)
        expect(await card.locator('.kpi-source').innerText()).toContain(source.title);
      expect(await card.innerText()).not.toMatch(/文件 \d{3}/);
      await expectCardPrinted(testId, formatShare(expected)!);
    }

    // Region-scope rules are judged once for the region, as the API judged them, never per community;
    // street-scope ones are counted (their detail is on the map screen).
    const regionRows = dashboard.getByTestId('region-rule-row');
    const regionScope = baseline.regionRules.filter((result) => result.subject.kind === 'region');
    const streetScope = baseline.regionRules.filter((result) => result.subject.kind === 'street');
    expect(regionScope.length).toBeGreaterThan(0);
    expect(await regionRows.count()).toBe(regionScope.length);
    for (const result of regionScope) {
      const row = dashboard.locator(`[data-testid="region-rule-row"][data-rule-id="${result.ruleId}"]`);
      expect(await row.getAttribute('data-status'), result.ruleId).toBe(result.status);
      printedBlocks.push({ what: `region rule ${result.ruleId}`, parts: [await row.innerText()] });
    }
    if (streetScope.length > 0)
      expect(await dashboard.getByTestId('dashboard-street-rules').getAttribute('data-count')).toBe(
        String(streetScope.length),
      );

    // Communities outside a size band (failed, or advised where the band is guidance); 村改居 candidates
    // among the villages classified, each by its own application.
    const sized = communities.filter((community) =>
      community.rules.some((result) => result.kind === 'size-band' && result.status !== 'not-applicable'),
    );
    const outside = sized.filter((community) =>
      community.rules.some(
        (result) => result.kind === 'size-band' && (result.status === 'fail' || result.status === 'advice'),
      ),
    ).length;
    expect(await cardValue('kpi-outside-band')).toBe(outside);
    expect(await cardText('kpi-outside-band')).toBe(`${outside} / ${sized.length} 个`);
    const classified = villages.villages.filter((village) => village.status !== 'not-applicable');
    const candidates = classified.filter((village) => village.status === 'candidate').length;
    expect(candidates).toBeGreaterThan(0);
    expect(await cardValue('kpi-villages')).toBe(candidates);
    expect(await cardText('kpi-villages')).toBe(`${candidates} / ${classified.length} 个`);
    await expectCardPrinted('kpi-outside-band', `${outside} / ${sized.length} 个`);
    await expectCardPrinted('kpi-villages', `${candidates} / ${classified.length} 个`);

    // Chart: residents reaching a service station within 5, 10, … 30 minutes, differenced; the rest beyond.
    const cumulative: number[] = [];
    for (const minutes of [5, 10, 15, 20, 25, 30]) {
      const answer = await getJson<Coverage>(
        baseUrl,
        `/api/regions/${region}/coverage?${SPEED}&tiers=service_station:${minutes}`,
      );
      cumulative.push(
        answer.region.categories.find((entry) => entry.category === 'service_station')!.coveredResidents,
      );
    }
    const expectedBins = [
      ...cumulative.map((covered, index) => covered - (cumulative[index - 1] ?? 0)),
      coverage.region.residents - cumulative.at(-1)!,
    ];
    const bins = await dashboard
      .getByTestId('travel-bin')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-residents'))));
    expect(bins).toEqual(expectedBins);
    expect(bins.reduce((sum, residents) => sum + residents, 0)).toBe(coverage.region.residents);
    // Printed, each bar carries its share of residents, its minutes and its count.
    const binLabels = await dashboard.getByTestId('travel-bin').locator('.bar-label').allTextContents();
    expect(binLabels).toHaveLength(expectedBins.length);
    printedBlocks.push({
      what: 'walking-time chart',
      parts: expectedBins.flatMap((residents, index) => [
        formatShare(residents / coverage.region.residents)!,
        binLabels[index]!,
        formatCount(residents)!,
      ]),
    });

    // Ranking: every community once, the first passes the largest share of the rules judged for it
    // (the 村改居 classification and undetermined rules are not judgements; a community with nothing
    // judged ranks last).
    const rows = dashboard.getByTestId('ranking-row');
    expect(await rows.count()).toBe(communities.length);
    const summaryOf = (id: string) => communities.find((community) => community.id === id)!.summary;
    const shareOf = (id: string) =>
      summaryOf(id).judged === 0 ? -1 : summaryOf(id).pass / summaryOf(id).judged;
    const rankedIds = await rows.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-community-id')!),
    );
    const shares = rankedIds.map(shareOf);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(new Set(rankedIds).size).toBe(communities.length);
    // Printed, every row in rank order: rank, the API's name, passed / judged rules, the gaps.
    const gapTexts = await rows.locator('.ranking-gaps').allInnerTexts();
    const scoreTexts = await rows.locator('.ranking-score').allInnerTexts();
    const rankingRows: PrintedBlock[] = rankedIds.map((id, index) => {
      const summary = summaryOf(id);
      expect(
        scoreTexts[index]!.startsWith(summary.judged === 0 ? '—' : `${summary.pass}/${summary.judged}`),
      ).toBe(true);
      return {
        what: `ranking row ${index + 1}`,
        parts: [
          String(index + 1),
          communities.find((community) => community.id === id)!.name,
          scoreTexts[index]!,
          gapTexts[index]!,
        ],
      };
    });

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
    const steps = await figure
      .getByTestId('coverage-legend-step')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-reached'))));
    expect(steps).toEqual(Array.from({ length: grid.categories.length + 1 }, (_, reached) => reached));
    expect(await figure.getByTestId('coverage-caption').innerText()).toContain(
      `${grid.categories.length} 类设施`,
    );
    // Printed: the legend's title then its steps 0…N, the scale bar, and the caption.
    printedBlocks.push({
      what: 'heat map legend',
      parts: [
        await figure.locator('.coverage-legend-title').innerText(),
        ...Array.from({ length: grid.categories.length + 1 }, (_, reached) => String(reached)),
      ],
    });
    printedBlocks.push({
      what: 'heat map scale bar',
      parts: [(await figure.locator('.coverage-scale text').textContent()) ?? ''],
    });
    printedBlocks.push({
      what: 'heat map caption',
      parts: [await figure.getByTestId('coverage-caption').innerText()],
    });
    const imageSize = await figure.locator('image').evaluate(async (node) => {
      const image = new Image();
      image.src = node.getAttribute('href')!;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    });
    expect(imageSize).toEqual([grid.columns, grid.rows]);
    const outlines = await figure
      .locator('path')
      .evaluateAll((nodes) => nodes.map((node) => (node.getAttribute('d') ?? '').split('M').length - 1));
    expect(Math.max(...outlines)).toBeGreaterThan(0);
    const mapBox = (await dashboard.getByTestId('coverage-map').boundingBox())!;
    expect(mapBox.width).toBeGreaterThan(200);
    expect(mapBox.height).toBeGreaterThan(100);

    await page.screenshot({ path: await screenshotPath('dashboard.png'), fullPage: true });

    // Headings: the title (region name), the subtitle (residents from the API) and every section title.
    const subtitle = await dashboard.locator('.dashboard-subtitle').innerText();
    expect(subtitle).toContain(formatCount(coverage.region.residents)!);
    printedBlocks.push({ what: 'title', parts: [await dashboard.locator('.dashboard-title').innerText()] });
    printedBlocks.push({ what: 'subtitle', parts: [subtitle] });
    for (const title of await dashboard.locator('.dashboard-section-title').allInnerTexts())
      printedBlocks.push({ what: `section title ${title}`, parts: [title] });
    // Not on paper: the app's header and the dashboard's tools.
    const notPrinted = [
      await page.locator('.app-header .brand-tagline').innerText(),
      await page.getByTestId('dashboard-switch').innerText(),
      await page.getByTestId('dashboard-print').innerText(),
    ];

    // Print: the app header is gone; the summary is on the first A4 page, a long ranking runs on.
    // The A4 page less its 10 mm margins at 96 dpi, so the print screenshot shows what the PDF holds.
    const screenViewport = page.viewportSize()!;
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('dashboard-print').isVisible()).toBe(false);
    expect(await dashboard.getByTestId('dashboard-region-rules').isVisible()).toBe(true);
    for (const testId of ['kpi-outside-band', 'kpi-villages']) {
      expect(await dashboard.getByTestId(testId).isVisible()).toBe(true);
    }
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
    await writeFile(await screenshotPath('dashboard.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = await readPdf(pdf);
    // The summary on the first page; a ranking too long for it runs on, whole rows under its repeated head.
    const sheet = printed.pages[0]!;
    expectA4WithinMargins(printed);
    // The heat map's cells are on paper as one image at the grid's resolution.
    expect(sheet.images).toContainEqual({ width: grid.columns, height: grid.rows });
    // Each block whole and in order (white space aside: lines wrap differently on paper), and the
    // ranking's rows one after another.
    const printedText = printedTextKey(printed.pages.map((each) => each.text).join(''));
    const find = (block: PrintedBlock, from: number) =>
      printedText.indexOf(printedTextKey(block.parts.join('')), from);
    for (const block of printedBlocks) {
      expect(
        find(block, 0),
        `${block.what} on the printed pages: ${block.parts.join(' | ')}\n${printedText}`,
      ).toBeGreaterThanOrEqual(0);
    }
    let rowEnd = 0;
    for (const row of rankingRows) {
      const at = find(row, rowEnd);
      expect(
        at,
        `${row.what} after the row before it on the printed pages: ${row.parts.join(' | ')}\n${printedText}`,
      ).toBeGreaterThanOrEqual(0);
      rowEnd = at + printedTextKey(row.parts.join('')).length;
    }
    for (const text of notPrinted)
      expect(printedText, 'the app header and dashboard tools are not printed').not.toContain(
        printedTextKey(text),
      );
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
    await dashboard
      .locator('.dashboard-heatmap-section')
      .screenshot({ path: await screenshotPath('dashboard-travel-time.png') });
  });
});
