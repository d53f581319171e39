/**
 * End to end: 划分方案 (partition proposals) against the real server (embedded PostGIS, demo region)
 * in headless Chromium. Open a new scenario, ask for proposals for 城南街道 keeping 安居社区 with a
 * station in every community: the proposals shown are the API's (same request), each drawn as a
 * little map with its communities tabled. Adopt the first: a new scenario based on the open one
 * opens, and its communities, read from the API, hold exactly the proposal's units.
 */
import { describe, expect, it } from 'vitest';
import { getJson, postJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';

interface ProposalsAnswer {
  judgedWith: { profile: string };
  proposals: {
    rank: number;
    communities: {
      communityId: string;
      isNew: boolean;
      kept: boolean;
      unitIds: string[];
      unitCount: number;
    }[];
  }[];
}
interface StateAnswer {
  communities: { id: string; streetId: string }[];
  assignment: number[];
}

const STREET = 's-chengnan';
const KEPT = 'c-anju';

describe('partition proposals in a browser', () => {
  const { openApp } = useE2eSession();

  it('shows the proposals for a street side by side and adopts one as a new scenario', async () => {
    const { baseUrl, page } = await openApp();

    await page.getByTestId('sidebar-tab-scenarios').click();
    await page.getByTestId('scenario-panel').waitFor();
    await page.getByTestId('scenario-name-input').fill('划分方案');
    await page.getByTestId('scenario-create').click();
    const openScenario = page.getByTestId('open-scenario');
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('1');
    const scenarioId = (await openScenario.getAttribute('data-scenario-id'))!;

    const panel = page.getByTestId('partition-panel');
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('partition-street').selectOption(STREET);
    await page.getByTestId(`partition-keep-${KEPT}`).check();
    expect(await page.getByTestId('partition-stations').isChecked()).toBe(true);
    await page.getByTestId('partition-request').click();
    const cards = page.getByTestId('partition-proposal');
    await expect.poll(() => cards.count(), { timeout: 120_000 }).toBeGreaterThan(0);

    // The same request through the API gives the same proposals (the search is seeded).
    const profile = await page.getByTestId('standards-control').getAttribute('data-profile');
    const answer = await postJson<ProposalsAnswer>(
      baseUrl,
      `/api/scenarios/${scenarioId}/partition-proposals`,
      {
        streetId: STREET,
        keep: [KEPT],
        stationsMustBeInside: true,
        proposals: 3,
        profile,
      },
    );
    expect(await cards.count()).toBe(answer.proposals.length);
    for (const proposal of answer.proposals) {
      const card = page.locator(`[data-testid="partition-proposal"][data-rank="${proposal.rank}"]`);
      const rows = await card
        .getByTestId('proposed-community')
        .evaluateAll((elements) =>
          elements.map((row) => [
            row.getAttribute('data-community-id'),
            Number(row.getAttribute('data-unit-count')),
          ]),
        );
      expect(rows).toEqual(
        proposal.communities.map((community) => [community.communityId, community.unitCount]),
      );
      // A little map: one coloured shape per community.
      expect(await card.locator('svg.proposal-map path').count()).toBe(proposal.communities.length);
    }
    const first = page.locator('[data-testid="partition-proposal"][data-rank="1"]');
    // Readable figures, Chinese first: the header and a band status in words.
    expect(await first.textContent()).toMatch(/方案1[\s\S]*评分/);
    expect(await first.textContent()).toMatch(/达标|无规模标准|低于下限|高于上限/);
    await page.screenshot({ path: await screenshotPath('partition-proposals.png') });

    // Adopt the first: a new scenario opens, based on this one, holding the proposal.
    await page.getByTestId('partition-adopt-1').click();
    await expect
      .poll(() => openScenario.getAttribute('data-scenario-id'), { timeout: 60_000 })
      .not.toBe(scenarioId);
    const adoptedId = (await openScenario.getAttribute('data-scenario-id'))!;
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 60_000 }).toBe('2');
    expect(await page.getByTestId('open-scenario-name').textContent()).toBe('划分方案·划分方案1');

    const adjacency = await getJson<{ unitIds: string[] }>(baseUrl, '/api/regions/demo/unit-adjacency');
    const state = await getJson<StateAnswer>(baseUrl, `/api/scenarios/${adoptedId}/state`);
    const communityOf = new Map(
      adjacency.unitIds.map((unitId, index) => [unitId, state.communities[state.assignment[index]].id]),
    );
    const [best] = answer.proposals;
    const adopted = best.communities.map((community) => {
      const ids = new Set(community.unitIds.map((unitId) => communityOf.get(unitId)));
      expect(ids.size, `${community.communityId}'s units are in one community`).toBe(1);
      const [id] = ids;
      if (!community.isNew) expect(id).toBe(community.communityId);
      return id!;
    });
    expect(new Set(adopted).size).toBe(best.communities.length);
    // The street's communities are exactly the proposal's, each with exactly its units.
    const streetCommunities = state.communities.filter((community) => community.streetId === STREET);
    expect(streetCommunities.map((community) => community.id).sort()).toEqual([...adopted].sort());
    best.communities.forEach((community, index) => {
      const held = [...communityOf].filter(([, id]) => id === adopted[index]).map(([unitId]) => unitId);
      expect(held.sort()).toEqual([...community.unitIds].sort());
    });
  });
});
