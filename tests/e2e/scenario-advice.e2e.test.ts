/**
 * End to end: the scenario screen's 标准建议 (Advice) section against the real server (embedded
 * PostGIS, demo region) in headless Chromium. Open a new scenario, open the section: the villages
 * listed are the API's, the candidates the API's candidateIds. Convert one with its button, save,
 * and read its type from the API; the advice refreshes from the saved version. Apply the advised
 * split of 移民新村 (over 2 000): its parts become pending edits and live communities (screenshot
 * with the new part marked on the map), then undo it. Apply the advised merge of 安居 (under 800):
 * the pending edit and the live residents reflect it; save and read the merged community from the API.
 */
import { describe, expect, it } from 'vitest';
import {
  createScenarioInPanel,
  getJson,
  polygonsOf,
  screenshotPath,
  useE2eSession,
  waitForMapIdle,
  type Collection,
  type Polygonal,
} from '../support/e2e-harness.js';

interface GapAnswer {
  ruleId: string;
  status: string;
  shortfall: { amount: number; unit: { zh: string } } | null;
}
interface VillageReport {
  profile: string;
  as: string | null;
  scenario: { version: number };
  villages: {
    communityId: string;
    status: string;
    candidate: boolean;
    gaps: {
      type: string;
      size: GapAnswer[];
      floorArea: GapAnswer[];
      staff: GapAnswer[];
      provision: GapAnswer[];
      other: GapAnswer[];
      facilities: { gaps: GapAnswer[] }[];
    };
  }[];
  candidateIds: string[];
}
interface RelocationReport {
  communities: {
    communityId: string;
    status: string;
    residents: number;
    merge?: {
      recommended: string | null;
      edit: { op: 'merge'; communityIds: string[]; into: string } | null;
      candidates: { communityId: string; mergedResidents: number }[];
    };
    split?: { ok: boolean; parts: { unitIds: string[]; residents: number }[] };
  }[];
}
interface ScenarioCommunities {
  features: { properties: { id: string; type: string; residents: number } }[];
}

const UNDERSIZED = 'c-anju';
const OVERSIZED = 'c-yiminxincun';

describe('the scenario advice section in a browser', () => {
  const { openApp } = useE2eSession();

  it('lists the villages with the API candidates, converts one, applies the advised merge and saves', async () => {
    const { baseUrl, page } = await openApp();

    const scenarioId = await createScenarioInPanel(page, '标准建议');
    const openScenario = page.getByTestId('open-scenario');
    // Judged by the region's stored profile, as the header says; the API does the same unasked.
    const profile = await page.getByTestId('standards-control').getAttribute('data-profile');
    expect(profile).toBe(await page.getByTestId('standards-control').getAttribute('data-region-profile'));
    const communitiesOf = async () =>
      new Map(
        (
          await getJson<ScenarioCommunities>(baseUrl, `/api/scenarios/${scenarioId}/communities`)
        ).features.map((feature) => [feature.properties.id, feature.properties]),
      );

    // Open the section: every village the API tests, candidates marked as its candidateIds.
    const section = page.getByTestId('advice-section');
    await page.getByTestId('advice-toggle').click();
    const report = await getJson<VillageReport>(baseUrl, `/api/scenarios/${scenarioId}/village-candidates`);
    expect(report.villages.length).toBeGreaterThan(report.candidateIds.length);
    expect([...report.candidateIds].sort()).toEqual(['c-shimen', 'c-taoyuan']);
    const villageItems = section.getByTestId('advice-village');
    await expect.poll(() => villageItems.count(), { timeout: 60_000 }).toBe(report.villages.length);
    const listed = await villageItems.evaluateAll((items) =>
      items.map(
        (item) => [item.getAttribute('data-community-id'), item.getAttribute('data-candidate')] as const,
      ),
    );
    expect(listed.map(([id]) => id).sort()).toEqual(
      report.villages.map((village) => village.communityId).sort(),
    );
    expect(
      listed
        .filter(([, candidate]) => candidate === 'true')
        .map(([id]) => id)
        .sort(),
    ).toEqual([...report.candidateIds].sort());
    // A candidate reads its reason figure and what it would lack, as text.
    const taoyuan = section.locator('[data-testid="advice-village"][data-community-id="c-taoyuan"]');
    expect(await taoyuan.textContent()).toContain('城市拆迁开发进度 62%');
    // Every rule it would not meet (or could not be judged on) as its target, the API's, in its status.
    const entry = report.villages.find((village) => village.communityId === 'c-taoyuan')!;
    const gaps = [
      ...entry.gaps.size,
      ...entry.gaps.floorArea,
      ...entry.gaps.staff,
      ...entry.gaps.provision,
      ...entry.gaps.facilities.flatMap((tier) => tier.gaps),
      ...entry.gaps.other,
    ].filter((gap) => ['fail', 'advice', 'undetermined'].includes(gap.status));
    expect(gaps.length).toBeGreaterThan(0);
    const lackRows = taoyuan.getByTestId('advice-lack');
    const shown = await lackRows.evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('data-rule-id')}:${row.getAttribute('data-status')}`),
    );
    expect(shown.sort()).toEqual(gaps.map((gap) => `${gap.ruleId}:${gap.status}`).sort());
    const lacks = await lackRows.allTextContents();
    expect(lacks.join('\n')).not.toMatch(/[{}]/);
    expect(lacks.join('\n')).not.toMatch(/文件 \d{3}/);
    // A shortfall the API puts as a quantity reads as one ("尚缺 …").
    const short = gaps.find(
      (gap) => gap.shortfall && gap.shortfall.amount > 0 && gap.shortfall.unit.zh !== '%',
    );
    if (short) {
      const row = taoyuan.locator(`[data-testid="advice-lack"][data-rule-id="${short.ruleId}"]`);
      await row.locator('summary').click();
      expect(await row.innerText()).toContain('尚缺');
    }
    await taoyuan.scrollIntoViewIfNeeded();
    await page.screenshot({ path: await screenshotPath('scenario-advice-villages.png') });
    // A non-candidate may still be converted by the plan, and its button says it is not a candidate.
    const notCandidate = listed.find(([, candidate]) => candidate === 'false')![0]!;
    expect(
      await section
        .locator(
          `[data-testid="advice-village"][data-community-id="${notCandidate}"] [data-testid="advice-convert"]`,
        )
        .getAttribute('title'),
    ).toContain('不符合村改居条件');

    // Convert 桃源村: one pending edit, the live type changes; saved, the API has it urban.
    await taoyuan.getByTestId('advice-convert').click();
    expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('pending-list').textContent()).toContain('村改社区');
    expect(await taoyuan.getByTestId('advice-convert').isDisabled()).toBe(true);
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 30_000 }).toBe('2');
    expect((await communitiesOf()).get('c-taoyuan')!.type).toBe('urban');
    // The advice is asked again for the saved version: 桃源 is no longer a village.
    await expect.poll(() => section.getAttribute('data-version'), { timeout: 60_000 }).toBe('2');
    const after = await getJson<VillageReport>(baseUrl, `/api/scenarios/${scenarioId}/village-candidates`);
    expect(after.candidateIds).toEqual(['c-shimen']);
    const relisted = await villageItems.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-community-id')),
    );
    expect(relisted.sort()).toEqual(after.villages.map((village) => village.communityId).sort());
    expect(relisted).not.toContain('c-taoyuan');

    const relocation = await getJson<RelocationReport>(
      baseUrl,
      `/api/scenarios/${scenarioId}/relocation-advice`,
    );
    const communityRow = (id: string) =>
      page.locator(`[data-testid="community-row"][data-community-id="${id}"]`);
    const rowCount = await page.getByTestId('community-row').count();

    // The proposed split of 移民新村 (over 2 000): its parts listed as the API proposes them, applied
    // as pending edits, the new part marked on the map.
    const yimin = relocation.communities.find((entry) => entry.communityId === OVERSIZED)!;
    expect(yimin.status).toBe('split');
    const parts = yimin.split!.parts;
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const yiminItem = section.locator(
      `[data-testid="advice-relocation-item"][data-community-id="${OVERSIZED}"]`,
    );
    expect(
      await yiminItem
        .locator('.advice-parts li')
        .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-residents')))),
    ).toEqual(parts.map((part) => part.residents));
    await yiminItem.getByTestId('advice-split').click();
    expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe(String(parts.length - 1));
    expect(await page.getByTestId('pending-list').textContent()).toContain('新建社区移民新村社区（二）');
    expect(await page.getByTestId('community-row').count()).toBe(rowCount + parts.length - 1);
    expect(Number(await communityRow(OVERSIZED).getAttribute('data-residents'))).toBe(parts[0].residents);
    expect(await yiminItem.getByTestId('advice-split').isDisabled()).toBe(true);
    expect(await yiminItem.getByTestId('advice-show-parts').getAttribute('aria-pressed')).toBe('true');

    const units = await getJson<Collection<Polygonal, { id: string }>>(baseUrl, '/api/regions/demo/units');
    const partUnits = new Set(parts.flatMap((part) => part.unitIds));
    const corners = units.features
      .filter((feature) => partUnits.has(feature.properties.id))
      .flatMap((feature) => polygonsOf(feature.geometry).flatMap((polygon) => polygon[0]));
    const lons = corners.map((point) => point[0]);
    const lats = corners.map((point) => point[1]);
    await page.evaluate(
      (bounds) =>
        window.__lifecircle!.map.fitBounds(bounds as [[number, number], [number, number]], {
          padding: 80,
          duration: 0,
        }),
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ] as const,
    );
    await yiminItem.scrollIntoViewIfNeeded();
    await waitForMapIdle(page);
    await page.screenshot({ path: await screenshotPath('scenario-advice.png') });

    // Undone: 移民新村 whole again.
    for (let edit = 1; edit < parts.length; edit += 1) await page.getByTestId('scenario-undo').click();
    expect(await page.getByTestId('pending-count').count()).toBe(0);
    expect(Number(await communityRow(OVERSIZED).getAttribute('data-residents'))).toBe(yimin.residents);

    // The advised merge of 安居 (under 800) into the neighbour the API recommends.
    const anju = relocation.communities.find((entry) => entry.communityId === UNDERSIZED)!;
    expect(anju.status).toBe('merge');
    const into = anju.merge!.recommended!;
    const mergedResidents = anju.merge!.candidates.find(
      (candidate) => candidate.communityId === into,
    )!.mergedResidents;
    const before = await communitiesOf();
    expect(mergedResidents).toBe(before.get(into)!.residents + before.get(UNDERSIZED)!.residents);
    const anjuItem = section.locator(
      `[data-testid="advice-relocation-item"][data-community-id="${UNDERSIZED}"]`,
    );
    expect(await anjuItem.getByTestId('advice-merge-advice').getAttribute('data-into')).toBe(into);
    expect(await anjuItem.textContent()).toContain(`建议并入`);
    await anjuItem.getByTestId('advice-merge').click();
    expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('pending-list').textContent()).toContain('并入');
    expect(await anjuItem.getByTestId('advice-merge').isDisabled()).toBe(true);
    // The live list: 安居 gone, its neighbour holding both.
    expect(await communityRow(UNDERSIZED).count()).toBe(0);
    expect(Number(await communityRow(into).getAttribute('data-residents'))).toBe(mergedResidents);

    // Saved: the server merged them as advised.
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 30_000 }).toBe('3');
    const merged = await communitiesOf();
    expect(merged.has(UNDERSIZED)).toBe(false);
    expect(merged.get(into)!.residents).toBe(mergedResidents);
    await expect.poll(() => section.getAttribute('data-version'), { timeout: 60_000 }).toBe('3');
    expect(
      await section
        .locator(`[data-testid="advice-relocation-item"][data-community-id="${UNDERSIZED}"]`)
        .count(),
    ).toBe(0);
  });
});
