/**
 * End to end: the Jishou 村改社区 model case (000) in headless Chromium against the real server
 * (embedded PostGIS, the shipped `jishou-demo` region, stored with the `jishou` profile). The header
 * judges by the region's own profile; the advice section lists every village with its 申请类型 and
 * what it lacks as that target, as the API says; one click converts all 24 applicants (17 → urban,
 * 7 → rural) in one scenario; saved, the API and the GeoJSON export have them converted and judged
 * under the region's profile. Judging by another profile is said as a comparison, and storing one
 * makes it the region's (PATCH), every screen following.
 */
import { describe, expect, it } from 'vitest';
import { getJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';

const REGION = 'jishou-demo';

interface VillageReport {
  profile: string;
  ruleInProfile: boolean;
  judgedWith: { profile: string; profileFrom: string };
  villages: {
    communityId: string;
    name: string;
    status: string;
    applicationTarget: 'urban' | 'rural' | null;
    gaps: { type: string; counts: { fail: number; advice: number; undetermined: number } };
  }[];
}
interface ExportedCommunities {
  features: { properties: { id: string; type: string; profile: string } }[];
}

describe('the Jishou village-to-community case in a browser', () => {
  const { openApp } = useE2eSession();

  it('converts all 24 applicants as they applied, saves, exports, and keeps the region’s profile', async () => {
    const { baseUrl, page } = await openApp();
    await page.locator('.region-picker select').selectOption(REGION);
    const standards = page.getByTestId('standards-control');
    await expect
      .poll(() => standards.getAttribute('data-region-profile'), { timeout: 60_000 })
      .toBe('jishou');
    expect(await standards.getAttribute('data-profile')).toBe('jishou');

    const baseline = await getJson<VillageReport>(
      baseUrl,
      `/api/regions/${REGION}/scenarios/baseline/village-candidates`,
    );
    expect(baseline.judgedWith).toMatchObject({ profile: 'jishou', profileFrom: 'region' });
    const applicants = baseline.villages.filter((village) => village.applicationTarget !== null);
    expect(applicants).toHaveLength(24);
    const urban = applicants.filter((village) => village.applicationTarget === 'urban');
    const rural = applicants.filter((village) => village.applicationTarget === 'rural');
    expect([urban.length, rural.length]).toEqual([17, 7]);

    await page.getByTestId('sidebar-tab-scenarios').click();
    await page.getByTestId('scenario-name-input').fill('吉首村改社区');
    await page.getByTestId('scenario-create').click();
    const openScenario = page.getByTestId('open-scenario');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('1');
    const scenarioId = (await openScenario.getAttribute('data-scenario-id'))!;

    // Every village as the API lists it, each held to its own application, with what it lacks.
    await page.getByTestId('advice-toggle').click();
    const section = page.getByTestId('advice-section');
    const items = section.getByTestId('advice-village');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(baseline.villages.length);
    for (const village of baseline.villages) {
      const item = section.locator(
        `[data-testid="advice-village"][data-community-id="${village.communityId}"]`,
      );
      expect(await item.getAttribute('data-target'), village.name).toBe(village.gaps.type);
      expect(await item.getAttribute('data-target-from'), village.name).toBe(
        village.applicationTarget ? 'application' : 'default',
      );
      const { fail, advice, undetermined } = village.gaps.counts;
      expect(await item.getByTestId('advice-lack').count(), village.name).toBe(fail + advice + undetermined);
    }
    // Jishou's documents hold no 村改居 test: no village is classified, and the screen says so.
    expect(baseline.ruleInProfile).toBe(false);
    expect(await section.getByTestId('advice-rule-not-in-profile').isVisible()).toBe(true);
    expect(await section.getByTestId('advice-bulk').innerText()).toContain('申请村改社区 24 个');
    expect(await section.getByTestId('advice-bulk').innerText()).toContain('城市社区 17 个、农村社区 7 个');

    // Judged by Leshan's profile for comparison: said as such, the 村改居 test then classifies them.
    await page.getByTestId('profile-picker').selectOption('leshan');
    await expect.poll(() => page.getByTestId('profile-other').isVisible()).toBe(true);
    await expect
      .poll(() => section.getByTestId('advice-rule-not-in-profile').count(), { timeout: 60_000 })
      .toBe(0);
    const leshan = await getJson<VillageReport>(
      baseUrl,
      `/api/scenarios/${scenarioId}/village-candidates?profile=leshan`,
    );
    expect(leshan.judgedWith).toMatchObject({ profile: 'leshan', profileFrom: 'request' });
    const classified = await items.evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('data-community-id')}:${node.getAttribute('data-status')}`),
    );
    expect(classified.sort()).toEqual(
      leshan.villages.map((village) => `${village.communityId}:${village.status}`).sort(),
    );
    await page.getByTestId('profile-back').click();
    await expect.poll(() => standards.getAttribute('data-profile')).toBe('jishou');

    // One click: all 24 converted as they applied, pending; saved as one version.
    await page.getByTestId('advice-convert-applicants').click();
    await expect.poll(() => page.getByTestId('pending-count').count()).toBe(1);
    expect(await page.getByTestId('advice-convert-applicants').isDisabled()).toBe(true);
    await page.screenshot({ path: await screenshotPath('jishou-converted.png') });
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('2');

    const state = await getJson<{ communities: { id: string; type: string }[] }>(
      baseUrl,
      `/api/scenarios/${scenarioId}/state`,
    );
    const typeOf = new Map(state.communities.map((community) => [community.id, community.type]));
    for (const village of urban) expect(typeOf.get(village.communityId), village.name).toBe('urban');
    for (const village of rural) expect(typeOf.get(village.communityId), village.name).toBe('rural');
    const after = await getJson<VillageReport>(baseUrl, `/api/scenarios/${scenarioId}/village-candidates`);
    expect(after.villages.map((village) => village.communityId).sort()).toEqual(
      baseline.villages
        .filter((village) => village.applicationTarget === null)
        .map((village) => village.communityId)
        .sort(),
    );

    // The export the screen links to: the converted communities with their new types, judged by jishou.
    const exportHref = await page.getByTestId('export-geojson').getAttribute('href');
    expect(exportHref).not.toContain('profile=');
    const exported = await getJson<ExportedCommunities>(baseUrl, exportHref!);
    const exportedType = new Map(
      exported.features.map((feature) => [feature.properties.id, feature.properties]),
    );
    for (const village of applicants) {
      expect(exportedType.get(village.communityId)?.type, village.name).toBe(village.applicationTarget);
      expect(exportedType.get(village.communityId)?.profile).toBe('jishou');
    }

    // Storing another profile makes it the region's: the API and the header follow.
    await page.getByTestId('profile-picker').selectOption('national');
    await page.getByTestId('profile-store').click();
    await page.getByTestId('profile-store-confirm').click();
    await expect
      .poll(() => standards.getAttribute('data-region-profile'), { timeout: 30_000 })
      .toBe('national');
    const stored = await getJson<{ profile: string }>(baseUrl, `/api/regions/${REGION}`);
    expect(stored.profile).toBe('national');
    expect(await page.getByTestId('profile-other').count()).toBe(0);
  });
});
